/**
 * The deal map webview: receives the graph from the extension, draws it (mapView), shows a card
 * for the edge or party under the pointer or focus, lists a selected deal's mentions (a click
 * opens the article at the sentence) and facts (a click opens the fact's timeline), filters and
 * searches, and saves the picture. After each draw and each action it reports what it shows.
 */
import {
  ToDealMap,
  type DealDetails,
  type DealGraph,
  type DealMapFilter,
  type DealMapState,
  type FromDealMap,
  type MapEdge,
  type MapNode,
} from '../../core/webviewMessages';
import { connect } from '../shared/host';
import { amount, h, kindWords, replaceChildren } from '../shared/dom';
import { pngOf, svgDocument } from '../shared/picture';
import { legend, Toolbar } from './controls';
import { MapView } from './mapView';

const app = document.getElementById('app')!;
const channel = connect<ToDealMap, FromDealMap>(ToDealMap, receive);

const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
const stage = h('div', { class: 'stage' });
const card = h('div', { class: 'card', role: 'tooltip', hidden: true });
const details = h('aside', {
  class: 'details',
  'aria-label': 'Selected deal or party',
  'aria-live': 'polite',
  hidden: true,
});
let legendElement = h('footer', { class: 'legend' });
let graph: DealGraph | undefined;
let selectedDeal: DealDetails | undefined;
let selectedNode: MapNode | undefined;
let searchMatches: string[] = [];
let searchAt = -1;
/** The last message of the extension handled: each state report answers it. */
let seq = 0;
let filterShown: DealMapFilter = { kinds: [], from: null, to: null, minValue: null, party: null };

const toolbar = new Toolbar({
  filter: (filter: DealMapFilter) => channel.post({ type: 'setFilter', filter }),
  search: (text, isNext) => search(text, isNext),
  fit: () => map.fit(),
  export: (format) => void exportPicture(format),
});

const map = new MapView(stage, {
  hoverEdge: (edge, at) => showEdgeCard(edge, at),
  leaveEdge: () => hideCard(),
  clickEdge: (edge) => selectEdge(edge),
  focusNode: (node, at) => showNodeCard(node, at),
  blurNode: () => hideCard(),
  clickNode: (node) => selectNode(node),
});
map.restore(channel.getState<{ placed?: Record<string, readonly [number, number]> }>()?.placed);
stage.append(card, details);
app.append(toolbar.element, notice, stage, legendElement);
map.svg.addEventListener('click', () => clearSelection());
document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
  const keys: Record<string, () => void> = {
    '+': () => map.zoomBy(1.25),
    '=': () => map.zoomBy(1.25),
    '-': () => map.zoomBy(0.8),
    '0': () => map.fit(),
    ArrowLeft: () => map.panBy(60, 0),
    ArrowRight: () => map.panBy(-60, 0),
    ArrowUp: () => map.panBy(0, 60),
    ArrowDown: () => map.panBy(0, -60),
    Escape: () => clearSelection(),
  };
  const run = keys[event.key];
  if (!run) return;
  event.preventDefault();
  run();
});
channel.post({ type: 'ready' });

function receive(message: ToDealMap): void {
  if ('seq' in message) seq = Math.max(seq, message.seq);
  switch (message.type) {
    case 'graph':
      return draw(message.graph, message.filter, message.isIndexing);
    case 'details':
      return showDetails(message.details);
    case 'nodeFacts':
      if (selectedNode?.id === message.partyId) listFacts(message.facts);
      return report();
    case 'act':
      return act(message);
  }
}

function draw(next: DealGraph, filter: DealMapFilter, isIndexing: boolean): void {
  const isFirst = !graph;
  const isNewFilter = JSON.stringify(filter) !== JSON.stringify(filterShown);
  graph = next;
  filterShown = filter;
  toolbar.update(next, filter);
  hideCard();
  map.draw(next);
  channel.setState({ placed: map.placed });
  if (isFirst || isNewFilter || next.nodes.length < 3) map.fit(); // a live update keeps the view where it is
  const lines: string[] = [];
  if (next.clustered) lines.push(next.clustered);
  const counts = `${next.matchingCount} of ${next.dealCount} deals`;
  lines.push(
    `${counts} · ${next.nodes.length} parties${next.unlinkedCount ? ` · ${next.unlinkedCount} naming one party are not drawn` : ''}${next.undatedHidden ? ` · ${next.undatedHidden} undated left out` : ''}${next.unvaluedHidden ? ` · ${next.unvaluedHidden} without an amount left out` : ''} · laid out in ${Math.round(map.layoutMs)} ms`,
  );
  if (isIndexing) lines.push('Indexing the workspace: the map grows as articles are read.');
  if (next.dealCount === 0 && !isIndexing) lines.push('No deals in this workspace yet.');
  else if (next.edges.length === 0) lines.push('No deal matches the filters.');
  replaceChildren(notice, ...lines.map((l) => h('p', {}, l)));
  const nextLegend = legend(next);
  legendElement.replaceWith(nextLegend);
  legendElement = nextLegend;
  if (selectedDeal && !next.edges.some((e) => e.dealId === selectedDeal!.dealId)) clearSelection();
  else if (selectedNode && !next.nodes.some((n) => n.id === selectedNode!.id)) clearSelection();
  else
    map.select(
      selectedDeal
        ? { edgeId: next.edges.find((e) => e.dealId === selectedDeal!.dealId)?.id ?? '' }
        : selectedNode
          ? { nodeId: selectedNode.id }
          : null,
    );
  if (searchMatches.length) searchMatches = map.highlight(toolbar.searchBox.value);
  report();
}

function place(at: { x: number; y: number } | null): void {
  const box = stage.getBoundingClientRect();
  const x = at ? at.x - box.left : box.width / 2;
  const y = at ? at.y - box.top : box.height / 2;
  card.hidden = false;
  const width = card.offsetWidth;
  card.style.setProperty('left', `${Math.max(4, Math.min(x + 14, box.width - width - 4))}px`);
  card.style.setProperty('top', `${Math.max(4, y + 14)}px`);
}

function edgeLines(edge: MapEdge): string[] {
  const value = edge.value === null ? 'amount not stated' : amount(edge.value, edge.currency);
  const date = edge.date ? `${edge.date}${edge.isDateInferred ? ' (from the dateline)' : ''}` : 'date not stated';
  return [
    `${edge.dealCount > 1 ? `${edge.dealCount} deals · ` : ''}${kindWords(edge.kind)}${edge.status ? ` · ${edge.status}` : ''}`,
    `${value} · ${date}`,
    `${edge.sourceCount} source${edge.sourceCount === 1 ? '' : 's'} · ${edge.mentionCount} mention${edge.mentionCount === 1 ? '' : 's'}`,
    edge.conflict ? `Sources disagree: ${edge.conflict}` : 'Sources agree',
  ];
}

function showEdgeCard(edge: MapEdge, at: { x: number; y: number } | null): void {
  replaceChildren(
    card,
    h('strong', {}, `${map.partyName(edge.from)} → ${map.partyName(edge.to)}`),
    ...edgeLines(edge).map((line, i) => h('div', { class: i === 3 && edge.conflict ? 'conflict-line' : '' }, line)),
    h('div', { class: 'hint' }, 'Click for the mentions'),
  );
  place(at);
}

function showNodeCard(node: MapNode, at: { x: number; y: number }): void {
  const totals = node.totals.map((t) => amount(t.value, t.currency)).join(' + ') || 'no amounts stated';
  replaceChildren(
    card,
    h('strong', {}, node.name),
    h('div', {}, node.type === 'cluster' ? `${node.memberCount ?? 0} parties folded together` : node.type),
    h('div', {}, `${node.dealCount} deal${node.dealCount === 1 ? '' : 's'} · ${totals}`),
    h('div', { class: 'hint' }, 'Enter or click: its deals and facts'),
  );
  place(at);
  report();
}

function hideCard(): void {
  card.hidden = true;
}

function selectEdge(edge: MapEdge): void {
  selectedNode = undefined;
  hideCard();
  map.select({ edgeId: edge.id });
  details.hidden = false;
  replaceChildren(
    details,
    h('h2', {}, map.describeEdge(edge)),
    ...edgeLines(edge).map((l) => h('p', {}, l)),
    h('p', { class: 'hint' }, 'Loading the mentions…'),
  );
  channel.post({ type: 'details', dealId: edge.dealId });
}

function showDetails(found: DealDetails): void {
  selectedDeal = found;
  const edge = graph?.edges.find((e) => e.dealId === found.dealId);
  const mentions = h(
    'ol',
    { class: 'mentions', 'aria-label': 'Mentions' },
    ...found.mentions.map((m, index) => {
      const button = h(
        'button',
        { type: 'button', class: 'mention', title: `Open ${m.path} at this sentence` },
        h('span', { class: 'path' }, m.path),
        h('span', { class: 'stated' }, m.stated),
        h('span', { class: 'sentence' }, m.sentence),
      );
      button.addEventListener('click', () => reveal(index));
      return h('li', {}, button);
    }),
  );
  replaceChildren(
    details,
    h('h2', {}, found.title),
    ...(edge ? edgeLines(edge).map((l) => h('p', {}, l)) : []),
    h('h3', {}, `Mentions (${found.mentions.length + found.moreCount})`),
    mentions,
    found.moreCount ? h('p', { class: 'hint' }, `${found.moreCount} more not listed`) : null,
    h('div', { class: 'facts' }),
  );
  listFacts(found.facts);
  report();
}

function listFacts(facts: DealDetails['facts']): void {
  const holder = details.querySelector('.facts');
  if (!holder) return;
  replaceChildren(
    holder,
    h('h3', {}, 'Facts stated by several sources'),
    facts.length
      ? h(
          'ul',
          {},
          ...facts.map((f) => {
            const button = h(
              'button',
              { type: 'button', class: `fact verdict-${f.verdict}`, title: 'Show the timeline of this fact' },
              `${f.verdict === 'conflict' ? '≠ ' : f.verdict === 'agree' ? '= ' : ''}${f.label}`,
            );
            button.addEventListener('click', () => channel.post({ type: 'showTimeline', keyId: f.keyId }));
            return h('li', {}, button);
          }),
        )
      : h('p', { class: 'hint' }, 'None: no fact about these parties is stated by two sources or more.'),
  );
}

function selectNode(node: MapNode): void {
  selectedDeal = undefined;
  hideCard();
  selectedNode = node;
  map.select({ nodeId: node.id });
  details.hidden = false;
  const deals = h(
    'ul',
    { class: 'deals', 'aria-label': 'Deals' },
    ...map.edgesOf(node.id).map((edge) => {
      const button = h(
        'button',
        { type: 'button', class: `deal kind-${edge.kind}` },
        `${map.partyName(edge.from)} → ${map.partyName(edge.to)}`,
        h(
          'span',
          { class: 'stated' },
          ` ${kindWords(edge.kind)} · ${edge.value === null ? 'amount not stated' : amount(edge.value, edge.currency)}${edge.date ? ` · ${edge.date}` : ''}`,
        ),
      );
      button.addEventListener('click', () => selectEdge(edge));
      return h('li', {}, button);
    }),
  );
  const neighbours = h('button', { type: 'button', id: 'only-party' }, 'Show only this party and its neighbours');
  neighbours.addEventListener('click', () =>
    channel.post({ type: 'setFilter', filter: { ...currentFilter(), party: node.id } }),
  );
  replaceChildren(
    details,
    h('h2', {}, node.name),
    h('p', {}, node.type === 'cluster' ? `${node.memberCount ?? 0} parties folded together` : node.type),
    node.type === 'cluster' ? null : neighbours,
    h('h3', {}, `Deals (${node.dealCount})`),
    deals,
    h('div', { class: 'facts' }, h('p', { class: 'hint' }, 'Loading the facts…')),
  );
  if (node.type !== 'cluster') channel.post({ type: 'nodeFacts', partyId: node.id });
  else report();
}

function currentFilter(): DealMapFilter {
  return filterShown;
}

function clearSelection(): void {
  selectedDeal = undefined;
  selectedNode = undefined;
  map.select(null);
  details.hidden = true;
  replaceChildren(details);
}

function reveal(index: number): void {
  if (selectedDeal) channel.post({ type: 'reveal', dealId: selectedDeal.dealId, index });
}

function search(text: string, isNext: boolean): void {
  searchMatches = map.highlight(text);
  if (isNext && searchMatches.length) {
    searchAt = (searchAt + 1) % searchMatches.length;
    map.centreOn(searchMatches[searchAt]!);
  } else if (!isNext) {
    searchAt = -1;
  }
  replaceChildren(
    notice,
    ...[...notice.querySelectorAll('p')].filter((p) => !p.classList.contains('search')).map((p) => p),
    text.trim()
      ? h(
          'p',
          { class: 'search' },
          `${searchMatches.length} part${searchMatches.length === 1 ? 'y matches' : 'ies match'} “${text.trim()}”${searchMatches.length ? ' (Enter: next)' : ''}`,
        )
      : null,
  );
}

async function exportPicture(format: 'svg' | 'png'): Promise<void> {
  const { x, y, width, height } = map.drawnBox();
  // at least 1,200 pixels on its longer side, for a paper or a slide
  const scale = Math.max(1, 1200 / Math.max(width, height));
  const title = `Deal map · ${graph ? `${graph.matchingCount} deals, ${graph.nodes.length} parties` : ''}`;
  const viewport = map.svg.querySelector('.viewport')!;
  const transform = viewport.getAttribute('transform');
  // the whole map as it is drawn, without the view's pan and zoom, the selection or the search
  const states = ['has-selection', 'searching'].filter((c) => map.svg.classList.contains(c));
  viewport.removeAttribute('transform');
  map.svg.classList.remove(...states);
  let svg: string;
  try {
    svg = svgDocument(map.svg, {
      width: width * scale,
      height: height * scale,
      viewBox: `${x} ${y} ${width} ${height}`,
      title,
    });
  } finally {
    if (transform) viewport.setAttribute('transform', transform);
    map.svg.classList.add(...states);
  }
  const picture =
    format === 'svg'
      ? ({ format, data: svg } as const)
      : ({ format, data: await pngOf(svg, width * scale, height * scale, 2) } as const);
  channel.post({ type: 'export', picture });
}

function act(message: Extract<ToDealMap, { type: 'act' }>): void {
  const edge = graph?.edges.find((e) => e.id === message.id || e.dealId === message.id);
  const node = graph?.nodes.find((n) => n.id === message.id);
  switch (message.action) {
    case 'hoverEdge': {
      const element = edge && map.edgeElement(edge.id);
      if (edge && element) {
        const box = element.getBoundingClientRect();
        showEdgeCard(edge, { x: box.left + box.width / 2, y: box.top + box.height / 2 });
      }
      return report();
    }
    case 'clickEdge':
      if (edge) return selectEdge(edge); // reported once the mentions arrive
      return report();
    case 'clickMention':
      reveal(message.index ?? 0);
      return report();
    case 'focusNode':
      if (node) map.nodeElement(node.id)?.focus();
      return report();
    case 'clickNode':
      if (node) return selectNode(node);
      return report();
    case 'search':
      toolbar.searchBox.value = message.text ?? '';
      search(message.text ?? '', true);
      return report();
    case 'export':
      void exportPicture(message.format ?? 'svg').finally(report);
      return;
  }
}

function report(): void {
  const state: DealMapState = {
    seq,
    nodeCount: map.svg.querySelectorAll('.node').length,
    edgeCount: map.svg.querySelectorAll('.edges .edge').length,
    legendKinds: [...legendElement.querySelectorAll('[data-kind]')].map((li) => li.textContent?.trim() ?? ''),
    card: card.hidden ? null : (card.innerText || card.textContent || '').slice(0, 20_000),
    mentions: [...details.querySelectorAll('.mention')].map((m) => (m.textContent ?? '').slice(0, 900)),
    facts: [...details.querySelectorAll('.fact')].map((f) => (f.textContent ?? '').slice(0, 700)),
    focused: document.activeElement instanceof SVGGElement ? document.activeElement.getAttribute('data-id') : null,
    notice: (notice.textContent ?? '').slice(0, 1000) || null,
    layoutMs: map.layoutMs,
  };
  channel.post({ type: 'state', state });
}
