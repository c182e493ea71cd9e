/**
 * The deal map's model: the workspace's deals (merged across sources) as a directed graph —
 * parties as nodes, typed by entity type and sized by the total of their deals; each deal an
 * edge from its first party to each other party, in role order (investor → investee, customer
 * → provider, acquirer → target). Filters by kind, date range, minimum amount and a party with
 * its neighbours. Past `MAX_DRAWN_DEALS` matching deals the map is clustered by party — one
 * edge per pair of parties, and the parties with the fewest deals folded into one node — and
 * `clustered` says so. Pure and linear in the number of deals (plus a sort).
 */
import type { DealRow } from '../corpus/deals';
import type { EntityType } from '../extract/entities/lexicon';
import {
  bounded,
  MAX_NAME_LENGTH,
  type DealGraph,
  type DealMapFilter,
  type DealStatus,
  type MapEdge,
  type MapNode,
  type MapNodeType,
} from '../webviewMessages';
import { DEAL_KINDS, type DealKind } from '../extract/deals/kinds';

/** Deals drawn one by one up to this many; beyond, the map is clustered by party. */
export const MAX_DRAWN_DEALS = 2000;
/** A clustered map keeps this many parties (those with the most deals) and folds the rest. */
export const MAX_CLUSTERED_PARTIES = 400;
export const OTHERS_ID = 'cluster:others';
/** Amounts this close are the same amount (as the corpus merges them). */

export interface DealGraphInput {
  readonly deals: readonly DealRow[];
  /** The entity type of a party id, when the corpus knows it. */
  readonly typeOf: (partyId: string) => EntityType | undefined;
  readonly filter: DealMapFilter;
  /** Override for tests and the bench (default `MAX_DRAWN_DEALS`). */
  readonly maxDrawn?: number;
}

/** The deal's status: where the latest news its mentions give leaves it. */
export function statusOf(deal: DealRow): DealStatus {
  return deal.status;
}

/** Whether a deal dated `date` ("2025", "2025-11", "2025-11-03") falls in `[from, to]`, each end inclusive at its own precision. */
export function isDateWithin(date: string, from: string | null, to: string | null): boolean {
  if (from !== null && dateEnd(date) < dateStart(from)) return false;
  if (to !== null && dateStart(date) > dateEnd(to)) return false;
  return true;
}

function dateStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function dateEnd(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

interface Matching {
  readonly deals: DealRow[];
  readonly undatedHidden: number;
  readonly unvaluedHidden: number;
}

function matching(deals: readonly DealRow[], filter: DealMapFilter): Matching {
  const kinds = new Set<DealKind>(filter.kinds);
  const isDateFiltered = filter.from !== null || filter.to !== null;
  const isValueFiltered = filter.minValue !== null && filter.minValue > 0;
  let neighbours: Set<string> | undefined;
  if (filter.party !== null) {
    neighbours = new Set([filter.party]);
    for (const deal of deals)
      if (deal.partyIds.includes(filter.party)) deal.partyIds.forEach((id) => neighbours!.add(id));
  }
  const out: DealRow[] = [];
  let undatedHidden = 0;
  let unvaluedHidden = 0;
  for (const deal of deals) {
    if (kinds.size > 0 && !kinds.has(deal.kind)) continue;
    if (neighbours && (deal.partyIds.length === 0 || !deal.partyIds.every((id) => neighbours!.has(id)))) continue;
    if (isDateFiltered) {
      if (deal.date === null) {
        undatedHidden++;
        continue;
      }
      if (!isDateWithin(deal.date, filter.from, filter.to)) continue;
    }
    if (isValueFiltered) {
      if (deal.value === null) {
        unvaluedHidden++;
        continue;
      }
      if (deal.value < filter.minValue!) continue;
    }
    out.push(deal);
  }
  return { deals: out, undatedHidden, unvaluedHidden };
}

class NodeTotals {
  readonly nodes = new Map<
    string,
    {
      id: string;
      name: string;
      type: MapNodeType;
      dealCount: number;
      totals: Map<string | null, number>;
      memberCount?: number;
    }
  >();

  add(id: string, name: string, type: MapNodeType, value: number | null, currency: string | null, deals = 1): void {
    let node = this.nodes.get(id);
    if (!node) {
      node = { id, name: bounded(name, MAX_NAME_LENGTH), type, dealCount: 0, totals: new Map() };
      this.nodes.set(id, node);
    }
    node.dealCount += deals;
    if (value !== null) node.totals.set(currency, (node.totals.get(currency) ?? 0) + value);
  }

  list(): MapNode[] {
    return [...this.nodes.values()].map((n) => {
      const totals = [...n.totals]
        .map(([currency, value]) => ({ currency, value }))
        .sort((a, b) => b.value - a.value)
        .slice(0, 20);
      const node: MapNode = {
        id: n.id,
        name: n.name,
        type: n.type,
        total: totals.reduce((s, t) => s + t.value, 0),
        totals,
        dealCount: n.dealCount,
      };
      return n.memberCount === undefined ? node : { ...node, memberCount: n.memberCount };
    });
  }
}

/** The graph of the deals that pass the filter. */
export function dealGraph(input: DealGraphInput): DealGraph {
  const { deals, filter, typeOf } = input;
  const maxDrawn = input.maxDrawn ?? MAX_DRAWN_DEALS;
  const found = matching(deals, filter);
  const linked = found.deals.filter((d) => new Set(d.partyIds).size >= 2);
  const typeFor = (id: string): MapNodeType => typeOf(id) ?? 'unknown';
  const drawn = linked.length <= maxDrawn ? drawEach(linked, typeFor) : drawClustered(linked, typeFor, maxDrawn);
  const kinds = DEAL_KINDS.filter((k) => deals.some((d) => d.kind === k));
  const dates = deals
    .map((d) => d.date)
    .filter((d): d is string => d !== null)
    .sort();
  const values = deals.map((d) => d.value).filter((v): v is number => v !== null);
  const parties = new Map<string, string>();
  for (const deal of deals)
    deal.partyIds.forEach(
      (id, i) => parties.has(id) || parties.set(id, bounded(deal.parties[i] ?? id, MAX_NAME_LENGTH)),
    );
  return {
    nodes: drawn.nodes,
    edges: drawn.edges,
    dealCount: deals.length,
    matchingCount: found.deals.length,
    unlinkedCount: found.deals.length - linked.length,
    undatedHidden: found.undatedHidden,
    unvaluedHidden: found.unvaluedHidden,
    clustered: drawn.clustered,
    kinds,
    dateRange: dates.length ? [dates[0]!, dates[dates.length - 1]!] : null,
    maxValue: values.length ? values.reduce((a, b) => Math.max(a, b)) : null,
    parties: [...parties]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
  };
}

interface Drawn {
  readonly nodes: MapNode[];
  readonly edges: MapEdge[];
  readonly clustered: string | null;
}

/** Each deal: one edge per party after the first. */
function drawEach(deals: readonly DealRow[], typeFor: (id: string) => MapNodeType): Drawn {
  const nodes = new NodeTotals();
  const edges: MapEdge[] = [];
  const lanes = new Map<string, number>();
  for (const deal of deals) {
    const ids = [...new Set(deal.partyIds)];
    ids.forEach((id) =>
      nodes.add(id, deal.parties[deal.partyIds.indexOf(id)] ?? id, typeFor(id), deal.value, deal.currency),
    );
    const [from, ...others] = ids;
    for (const to of others) {
      const pair = from! < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
      const lane = lanes.get(pair) ?? 0;
      lanes.set(pair, lane + 1);
      edges.push({
        id: `${deal.id}>${to}`,
        dealId: deal.id,
        from: from!,
        to,
        kind: deal.kind,
        value: deal.value,
        currency: deal.currency,
        date: deal.date,
        isDateInferred: deal.isDateInferred,
        status: statusOf(deal),
        sourceCount: deal.sourcePaths.length,
        mentionCount: deal.mentionCount,
        conflict: deal.difference,
        lane,
        dealCount: 1,
      });
    }
  }
  return { nodes: nodes.list(), edges, clustered: null };
}

/**
 * Too many deals to draw one by one: one edge per ordered pair of parties (its width the sum
 * of the pair's deals, its kind theirs or "mixed"), and past `MAX_CLUSTERED_PARTIES` parties
 * the ones with the fewest deals folded into one "other parties" node.
 */
function drawClustered(deals: readonly DealRow[], typeFor: (id: string) => MapNodeType, maxDrawn: number): Drawn {
  const dealCount = new Map<string, number>();
  for (const deal of deals) for (const id of new Set(deal.partyIds)) dealCount.set(id, (dealCount.get(id) ?? 0) + 1);
  const ranked = [...dealCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = new Set(ranked.slice(0, MAX_CLUSTERED_PARTIES).map(([id]) => id));
  const folded = ranked.length - kept.size;
  const nodeOf = (id: string) => (kept.has(id) ? id : OTHERS_ID);
  const nodes = new NodeTotals();
  const pairs = new Map<string, { from: string; to: string; deals: DealRow[] }>();
  for (const deal of deals) {
    const ids = [...new Set(deal.partyIds)];
    for (const id of new Set(ids.map(nodeOf))) {
      if (id === OTHERS_ID) nodes.add(OTHERS_ID, `${folded} other parties`, 'cluster', deal.value, deal.currency);
      else nodes.add(id, deal.parties[deal.partyIds.indexOf(id)] ?? id, typeFor(id), deal.value, deal.currency);
    }
    const from = nodeOf(ids[0]!);
    for (const other of ids.slice(1)) {
      const to = nodeOf(other);
      if (to === from) continue; // both folded: inside the cluster
      const key = `${from}\u0000${to}`;
      const pair = pairs.get(key) ?? { from, to, deals: [] };
      pair.deals.push(deal);
      pairs.set(key, pair);
    }
  }
  const others = nodes.nodes.get(OTHERS_ID);
  if (others) others.memberCount = folded;
  const edges: MapEdge[] = [...pairs.values()].map(({ from, to, deals: list }) => {
    const first = list[0]!;
    const kind = list.every((d) => d.kind === first.kind) ? first.kind : 'mixed';
    const currencies = new Set(list.filter((d) => d.value !== null).map((d) => d.currency));
    const valued = list.filter((d) => d.value !== null);
    const dates = list
      .map((d) => d.date)
      .filter((d): d is string => d !== null)
      .sort();
    const conflicts = list.filter((d) => d.differs).length;
    return {
      id: `pair:${from}>${to}`,
      dealId: first.id,
      from,
      to,
      kind,
      value: valued.length ? valued.reduce((s, d) => s + d.value!, 0) : null,
      currency: currencies.size === 1 ? [...currencies][0]! : null,
      date: dates.length ? dates[dates.length - 1]! : null,
      isDateInferred: false,
      status: null,
      sourceCount: new Set(list.flatMap((d) => d.sourcePaths)).size,
      mentionCount: list.reduce((s, d) => s + d.mentionCount, 0),
      conflict: conflicts ? `${conflicts} deal${conflicts === 1 ? '' : 's'} whose sources differ` : null,
      lane: 0,
      dealCount: list.length,
    };
  });
  const clustered = `${deals.length.toLocaleString('en-US')} deals are too many to draw one by one (more than ${maxDrawn.toLocaleString('en-US')}): clustered by party — one edge per pair of parties${folded ? `, and the ${folded.toLocaleString('en-US')} parties with the fewest deals folded into one node` : ''}. Filter by kind, date, amount or party to see the deals.`;
  return { nodes: nodes.list(), edges, clustered };
}

/** The entity ids a fact key's subject names: "entity:a>entity:b" → both; "deal:kind:a+b" → entity:a, entity:b. */
export function subjectPartyIds(subject: string): string[] {
  if (subject.startsWith('deal:')) {
    const parties = subject.slice(subject.indexOf(':', 5) + 1);
    return parties.split('+').map((id) => (id.startsWith('entity:') ? id : `entity:${id}`));
  }
  return subject.split('>');
}
