/**
 * The fact timeline webview: every statement of one fact across sources, charted with
 * Observable Plot — x the statement's date (or its article's dateline; undated statements in a
 * column of their own at the right), y the value: a dot for a point, a bar for a range, a
 * downward triangle on a dashed line for a ceiling ("up to"), an upward one for a floor ("more
 * than"). Colour says the verdict against the other sources (conflicting statements ringed and
 * marked ≠). Each statement is focusable; Enter or a click opens its sentence. Below the chart,
 * every statement as a row of text. The picture can be saved as SVG or PNG.
 */
import * as Plot from '@observablehq/plot';
import {
  ToTimeline,
  type FactTimeline,
  type FromTimeline,
  type TimelinePoint,
  type TimelineState,
} from '../../core/webviewMessages';
import { scaleUtc } from 'd3-scale';
import { amount, h, replaceChildren } from '../shared/dom';
import { connect } from '../shared/host';
import { pngOf, svgDocument } from '../shared/picture';

const app = document.getElementById('app')!;
const channel = connect<ToTimeline, FromTimeline>(ToTimeline, receive);
const title = h('h1', {}, 'Fact timeline');
const summary = h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
const chart = h('div', { class: 'chart' });
const table = h('ol', { class: 'statements', 'aria-label': 'Statements' });
const exportSvg = h('button', { type: 'button', id: 'export-svg', title: 'Save the chart as SVG' }, 'SVG');
const exportPng = h('button', { type: 'button', id: 'export-png', title: 'Save the chart as PNG' }, 'PNG');
exportSvg.addEventListener('click', () => void exportPicture('svg'));
exportPng.addEventListener('click', () => void exportPicture('png'));
app.append(
  h('header', { class: 'toolbar' }, title, h('span', { class: 'spacer' }), exportSvg, exportPng),
  summary,
  chart,
  h(
    'p',
    { class: 'legend-notes' },
    '● a statement · ▮ a range · ▼ a ceiling ("up to") · ▲ a floor ("more than") · colour: agrees / conflicts (ringed, ≠) / not comparable / stated by one source only. x: the date the statement gives, else its article\'s dateline.',
  ),
  table,
);

let timeline: FactTimeline | null = null;
let seq = 0;
let svg: SVGSVGElement | null = null;
const VERDICT_WORDS = {
  agree: 'agrees',
  conflict: 'conflicts',
  incomparable: 'not comparable',
  alone: 'one source only',
} as const;
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => draw(false), 150);
});
channel.post({ type: 'ready' });

function receive(message: ToTimeline): void {
  seq = Math.max(seq, message.seq);
  if (message.type === 'timeline') {
    timeline = message.timeline;
    if (!timeline) {
      title.textContent = 'Fact timeline';
      replaceChildren(summary, message.message ?? 'Nothing to chart.');
      chart.replaceChildren();
      table.replaceChildren();
      svg = null;
      return report();
    }
    draw(true);
    return;
  }
  if (message.action === 'export') {
    void exportPicture(message.format ?? 'svg').finally(report);
    return;
  }
  const point = timeline?.points.find((p) => p.id === message.id);
  if (point) reveal(point);
  report();
}

interface Row {
  readonly point: TimelinePoint;
  readonly x: Date;
  readonly y: number;
  readonly y1: number;
  readonly y2: number;
  readonly isUndated: boolean;
}

function toDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

function draw(isNew: boolean): void {
  if (!timeline) return;
  title.textContent = timeline.label;
  const conflicts = timeline.points.filter((p) => p.verdict === 'conflict').length;
  const sources = new Set(timeline.points.map((p) => p.path)).size;
  replaceChildren(
    summary,
    `${timeline.points.length} statement${timeline.points.length === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'} · ${conflicts ? `${conflicts} conflicting` : timeline.verdict === 'agree' ? 'the sources agree' : 'no conflict'}${timeline.unit ? ` · ${timeline.unit}` : ''}`,
  );
  const dated = timeline.points.filter((p) => p.date !== null).map((p) => toDate(p.date!).getTime());
  const [minTime, maxTime] = dated.length
    ? [Math.min(...dated), Math.max(...dated)]
    : [Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 1)];
  const span = Math.max(maxTime - minTime, 60 * 86_400_000);
  const undatedAt = new Date(maxTime + span * 0.35);
  const values = timeline.points.flatMap((p) => [p.low, p.high]).filter((v): v is number => v !== null);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = Math.max((hi - lo) * 0.25, Math.abs(hi) * 0.05, 1e-9);
  const [bottom, top] = [Math.max(lo - pad, lo >= 0 ? 0 : lo - pad), hi + pad];
  const rows: Row[] = timeline.points.map((point) => {
    const x = point.date ? toDate(point.date) : undatedAt;
    const y =
      point.shape === 'ceiling' ? point.high! : point.shape === 'floor' ? point.low! : (point.low! + point.high!) / 2;
    const y1 = point.shape === 'ceiling' ? bottom : point.low!;
    const y2 = point.shape === 'floor' ? top : point.high!;
    return { point, x, y, y1, y2, isUndated: point.date === null };
  });
  const hasUndated = rows.some((r) => r.isUndated);
  // ticks over the dated part only: the undated column has its own label
  const dateTicks = scaleUtc()
    .domain([new Date(minTime - span * 0.15), new Date(maxTime + span * 0.15)])
    .ticks(6);
  const width = Math.max(420, chart.clientWidth || document.body.clientWidth - 24);
  const verdictColour = {
    agree: 'var(--agree)',
    conflict: 'var(--error)',
    incomparable: 'var(--muted)',
    alone: 'var(--blue)',
  } as const;
  const colour = (r: Row) => verdictColour[r.point.verdict];
  const label = (r: Row) =>
    `${r.point.text} — ${r.point.path}${r.point.date ? ` (${r.point.date}${r.point.dateSource === 'dateline' ? ', dateline' : ''})` : ' (undated)'}: ${VERDICT_WORDS[r.point.verdict]}`;
  const plot = Plot.plot({
    width,
    height: 360,
    marginLeft: 72,
    marginRight: 28,
    marginTop: 28,
    marginBottom: 40,
    className: 'nm-plot',
    style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px' },
    x: {
      type: 'utc',
      label: 'date of the statement',
      domain: [
        new Date(minTime - span * 0.15),
        new Date(hasUndated ? undatedAt.getTime() + span * 0.15 : maxTime + span * 0.15),
      ],
      ticks: dateTicks,
      grid: true,
    },
    y: {
      label: timeline.unit ?? '',
      domain: [bottom, top],
      grid: true,
      tickFormat: (v: number) =>
        /^[A-Z]{3}$/.test(timeline!.unit ?? '')
          ? amount(v, timeline!.unit)
          : `${amount(v, null)}${timeline!.unit === '%' ? '%' : ''}`,
      nice: false,
    },
    marks: [
      hasUndated
        ? Plot.ruleX([new Date(maxTime + span * 0.175)], { stroke: 'var(--lines)', strokeDasharray: '4 4' })
        : null,
      hasUndated
        ? Plot.text([undatedAt], {
            x: (d: Date) => d,
            frameAnchor: 'bottom',
            dy: 14,
            text: () => 'undated',
            fill: 'var(--muted)',
          })
        : null,
      // ranges as bars, ceilings and floors as dashed lines toward the open end
      Plot.ruleX(
        rows.filter((r) => r.point.shape === 'range'),
        { x: 'x', y1: 'y1', y2: 'y2', stroke: colour, strokeWidth: 7, strokeLinecap: 'round', strokeOpacity: 0.8 },
      ),
      Plot.ruleX(
        rows.filter((r) => r.point.shape === 'ceiling' || r.point.shape === 'floor'),
        { x: 'x', y1: 'y1', y2: 'y2', stroke: colour, strokeWidth: 2, strokeDasharray: '5 4' },
      ),
      Plot.dot(
        rows.filter((r) => r.point.verdict === 'conflict'),
        { x: 'x', y: 'y', r: 13, stroke: 'var(--error)', strokeWidth: 2, fill: 'none' },
      ),
      Plot.dot(rows, {
        x: 'x',
        y: 'y',
        r: 7,
        fill: colour,
        stroke: 'var(--bg)',
        strokeWidth: 1.5,
        symbol: (r: Row) => (r.point.shape === 'ceiling' || r.point.shape === 'floor' ? 'triangle' : 'circle'),
        rotate: (r: Row) => (r.point.shape === 'ceiling' ? 180 : 0),
        title: label,
        className: 'statements',
      }),
      Plot.text(rows, {
        x: 'x',
        y: 'y',
        text: (r: Row) => `${r.point.verdict === 'conflict' ? '≠ ' : ''}${r.point.text}`,
        dy: -18,
        fill: 'var(--fg)',
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
        className: 'statement-labels',
      }),
    ],
  }) as SVGSVGElement;
  plot.querySelectorAll(':scope > style').forEach((s) => s.remove()); // the page's CSP allows no inline style: the rules are in factTimeline.css
  wireStatements(plot, rows, label);
  chart.replaceChildren(plot);
  svg = plot;
  replaceChildren(
    table,
    ...[...rows]
      .sort((a, b) => a.x.getTime() - b.x.getTime())
      .map((r) => {
        const button = h(
          'button',
          {
            type: 'button',
            class: `statement verdict-${r.point.verdict}`,
            title: `Open ${r.point.path} at this statement`,
          },
          h(
            'span',
            { class: 'value' },
            `${r.point.verdict === 'conflict' ? '≠ ' : ''}${r.point.text} → ${r.point.valueText}`,
          ),
          h(
            'span',
            { class: 'where' },
            `${r.point.path} · ${r.point.date ?? 'undated'}${r.point.dateSource === 'dateline' ? ' (dateline)' : r.point.dateSource === 'period' ? ' (period)' : ''} · ${VERDICT_WORDS[r.point.verdict]}`,
          ),
          h('span', { class: 'sentence' }, r.point.sentence),
          r.point.reason ? h('span', { class: 'reason' }, r.point.reason) : null,
        );
        button.addEventListener('click', () => reveal(r.point));
        return h('li', {}, button);
      }),
  );
  if (isNew) report();
}

/** Each drawn statement: focusable, labelled, opens its sentence on click or Enter. */
function wireStatements(plot: SVGSVGElement, rows: readonly Row[], label: (r: Row) => string): void {
  const group = plot.querySelector('g.statements');
  for (const element of group?.children ?? []) {
    const index = (element as unknown as { __data__?: number }).__data__;
    const row = index === undefined ? undefined : rows[index];
    if (!row) continue;
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', label(row));
    element.setAttribute('data-id', row.point.id);
    element.classList.add('statement-mark', `verdict-${row.point.verdict}`);
    element.addEventListener('click', () => reveal(row.point));
    element.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Enter' && key !== ' ') return;
      event.preventDefault();
      reveal(row.point);
    });
  }
}

function reveal(point: TimelinePoint): void {
  channel.post({ type: 'reveal', path: point.path, start: point.start, end: point.end });
}

async function exportPicture(format: 'svg' | 'png'): Promise<void> {
  if (!svg || !timeline) return;
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  const text = svgDocument(svg, { width, height, title: `Timeline: ${timeline.label}` });
  const data = format === 'svg' ? text : await pngOf(text, width, height, 2);
  channel.post({ type: 'export', picture: format === 'svg' ? { format: 'svg', data } : { format: 'png', data } });
}

function report(): void {
  const marks = svg ? [...svg.querySelectorAll('g.statement-labels text')] : [];
  const state: TimelineState = {
    seq,
    pointCount: svg?.querySelectorAll('.statement-mark').length ?? 0,
    conflictCount: svg?.querySelectorAll('.statement-mark.verdict-conflict').length ?? 0,
    labels: marks.map((m) => (m.textContent ?? '').slice(0, 300)),
    notice: (summary.textContent ?? '').slice(0, 1000) || null,
  };
  channel.post({ type: 'state', state });
}
