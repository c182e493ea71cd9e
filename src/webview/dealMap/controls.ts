/**
 * The map's toolbar (kinds, date range, minimum amount, party, search, fit, export) and its
 * legend (node types, deal kinds, what size, width, dashes and arrows mean). The toolbar
 * reports a whole filter each time one control changes; invalid dates are marked, not sent.
 */
import { DEAL_KINDS } from '../../core/extract/deals/kinds';
import { PartialDate, type DealGraph, type DealMapFilter } from '../../core/webviewMessages';
import { h, kindWords, replaceChildren, s } from '../shared/dom';

const MIN_VALUES: ReadonlyArray<readonly [string, number | null]> = [
  ['any amount', null],
  ['≥ 1 million', 1e6],
  ['≥ 100 million', 1e8],
  ['≥ 1 billion', 1e9],
  ['≥ 10 billion', 1e10],
  ['≥ 100 billion', 1e11],
];
const NODE_TYPES = ['org', 'person', 'product', 'place', 'initiative', 'event', 'unknown', 'cluster'] as const;

export interface ToolbarEvents {
  filter(filter: DealMapFilter): void;
  search(text: string, isNext: boolean): void;
  fit(): void;
  export(format: 'svg' | 'png'): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly kindList: HTMLElement;
  private readonly kindSummary: HTMLElement;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly minValue: HTMLSelectElement;
  private readonly party: HTMLInputElement;
  private readonly partyList: HTMLDataListElement;
  readonly searchBox: HTMLInputElement;
  private parties: DealGraph['parties'] = [];
  private filter: DealMapFilter = { kinds: [], from: null, to: null, minValue: null, party: null };

  constructor(private readonly events: ToolbarEvents) {
    this.kindSummary = h('summary', { class: 'control', 'aria-label': 'Deal kinds to show' }, 'Kinds: all');
    this.kindList = h('div', { class: 'kind-list', role: 'group', 'aria-label': 'Deal kinds' });
    this.from = h('input', {
      type: 'text',
      class: 'date',
      id: 'from',
      placeholder: 'YYYY-MM',
      'aria-label': 'From date (YYYY, YYYY-MM or YYYY-MM-DD)',
      size: 10,
    });
    this.to = h('input', {
      type: 'text',
      class: 'date',
      id: 'to',
      placeholder: 'YYYY-MM',
      'aria-label': 'To date (YYYY, YYYY-MM or YYYY-MM-DD)',
      size: 10,
    });
    this.minValue = h(
      'select',
      { id: 'min-value', 'aria-label': 'Minimum amount' },
      ...MIN_VALUES.map(([label, value]) => h('option', { value: value === null ? '' : String(value) }, label)),
    );
    this.partyList = h('datalist', { id: 'parties' });
    this.party = h('input', {
      type: 'text',
      id: 'party',
      list: 'parties',
      placeholder: 'a party and its neighbours',
      'aria-label': 'Show only a party and its neighbours',
      size: 22,
    });
    this.searchBox = h('input', {
      type: 'search',
      id: 'search',
      placeholder: 'Search parties (Enter: next)',
      'aria-label': 'Search parties',
      size: 22,
    });
    const button = (label: string, title: string, onClick: () => void, id?: string) => {
      const b = h('button', { type: 'button', title, ...(id ? { id } : {}) }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    this.element = h(
      'header',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Deal map filters' },
      h('details', { class: 'kinds' }, this.kindSummary, this.kindList),
      h('label', {}, 'From ', this.from),
      h('label', {}, 'to ', this.to),
      this.minValue,
      this.party,
      this.partyList,
      button(
        '×',
        'Show every party',
        () => {
          this.party.value = '';
          this.emit({ party: null });
        },
        'clear-party',
      ),
      this.searchBox,
      h('span', { class: 'spacer' }),
      button('Fit', 'Fit the map in view (0)', () => events.fit(), 'fit'),
      button(
        'Reset filters',
        'Show every deal',
        () => this.emit({ kinds: [], from: null, to: null, minValue: null, party: null }),
        'reset',
      ),
      button('SVG', 'Save the map as SVG', () => events.export('svg'), 'export-svg'),
      button('PNG', 'Save the map as PNG', () => events.export('png'), 'export-png'),
    );
    const onDate = (input: HTMLInputElement, field: 'from' | 'to') => () => {
      const value = input.value.trim();
      const isValid = value === '' || PartialDate.safeParse(value).success;
      input.setAttribute('aria-invalid', String(!isValid));
      if (isValid) this.emit({ [field]: value || null });
    };
    this.from.addEventListener('change', onDate(this.from, 'from'));
    this.to.addEventListener('change', onDate(this.to, 'to'));
    this.minValue.addEventListener('change', () =>
      this.emit({ minValue: this.minValue.value ? Number(this.minValue.value) : null }),
    );
    this.party.addEventListener('change', () => {
      const name = this.party.value.trim();
      if (!name) return this.emit({ party: null });
      const found =
        this.parties.find((p) => p.name === name) ??
        this.parties.find((p) => p.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      this.party.setAttribute('aria-invalid', String(!found));
      if (found) this.emit({ party: found.id });
    });
    this.searchBox.addEventListener('input', () => events.search(this.searchBox.value, false));
    this.searchBox.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') events.search(this.searchBox.value, true);
    });
  }

  private emit(change: Partial<DealMapFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.events.filter(this.filter);
  }

  /** Shows the filter the map was drawn with and the choices the workspace offers. */
  update(graph: DealGraph, filter: DealMapFilter): void {
    this.filter = filter;
    this.parties = graph.parties;
    const kinds = [...new Set([...graph.kinds, ...filter.kinds])];
    replaceChildren(
      this.kindList,
      ...DEAL_KINDS.filter((k) => kinds.includes(k)).map((kind) => {
        const box = h('input', {
          type: 'checkbox',
          value: kind,
          checked: filter.kinds.includes(kind),
          'aria-label': kindWords(kind),
        });
        box.addEventListener('change', () => {
          const chosen = [...this.kindList.querySelectorAll<HTMLInputElement>('input:checked')].map(
            (b) => b.value as DealMapFilter['kinds'][number],
          );
          this.emit({ kinds: chosen });
        });
        return h(
          'label',
          { class: `kind-option kind-${kind}` },
          box,
          s(
            'svg',
            { class: 'swatch', width: 18, height: 8, 'aria-hidden': 'true' },
            s('line', { x1: 0, y1: 4, x2: 18, y2: 4, class: `edge kind-${kind}` }),
          ),
          kindWords(kind),
        );
      }),
    );
    this.kindSummary.textContent = filter.kinds.length
      ? `Kinds: ${filter.kinds.map(kindWords).join(', ')}`
      : 'Kinds: all';
    if (document.activeElement !== this.from) this.from.value = filter.from ?? '';
    if (document.activeElement !== this.to) this.to.value = filter.to ?? '';
    this.minValue.value = filter.minValue === null ? '' : String(filter.minValue);
    if (!MIN_VALUES.some(([, v]) => v === filter.minValue))
      this.minValue.append(h('option', { value: String(filter.minValue), selected: true }, `≥ ${filter.minValue}`));
    if (document.activeElement !== this.party)
      this.party.value = filter.party === null ? '' : (graph.parties.find((p) => p.id === filter.party)?.name ?? '');
    replaceChildren(this.partyList, ...graph.parties.slice(0, 5000).map((p) => h('option', { value: p.name })));
  }
}

/** The legend: node types and deal kinds drawn, and how to read sizes, widths, dashes and arrows. */
export function legend(graph: DealGraph): HTMLElement {
  const types = NODE_TYPES.filter((t) => graph.nodes.some((n) => n.type === t));
  const kinds = [...new Set(graph.edges.map((e) => e.kind))];
  const item = (swatch: SVGElement, label: string, kind?: string) =>
    h('li', kind ? { 'data-kind': kind } : {}, swatch, ` ${label}`);
  return h(
    'footer',
    { class: 'legend', 'aria-label': 'Legend' },
    h(
      'ul',
      { class: 'legend-types', 'aria-label': 'Party types' },
      ...types.map((t) =>
        item(
          s(
            'svg',
            { width: 12, height: 12, 'aria-hidden': 'true' },
            s('circle', { cx: 6, cy: 6, r: 5, class: `type-${t}` }),
          ),
          t === 'cluster' ? 'folded parties' : t,
        ),
      ),
    ),
    h(
      'ul',
      { class: 'legend-kinds', 'aria-label': 'Deal kinds' },
      ...kinds.map((k) =>
        item(
          s(
            'svg',
            { width: 22, height: 10, 'aria-hidden': 'true' },
            s('line', { x1: 0, y1: 5, x2: 22, y2: 5, class: `edge kind-${k}` }),
          ),
          kindWords(k),
          k,
        ),
      ),
    ),
    h(
      'p',
      { class: 'legend-notes' },
      "Arrows run in role order (investor → investee, customer → provider, acquirer → target). Node size: the total of its deals; line width: the deal's amount (log scale; currencies are not converted). ",
      'Dashed: rumoured or terminated. Dotted: the sources differ (amount or date).',
    ),
  );
}
