import * as assert from 'node:assert/strict';
import { dealRow, type CorpusDeal, type DealRow } from '../../../src/core/corpus/deals';
import type { DealKind } from '../../../src/core/extract/deals/kinds';
import type { DealStatus } from '../../../src/core/extract/deals/status';
import { dealGraph, isDateWithin, OTHERS_ID, subjectPartyIds } from '../../../src/core/views/dealGraph';
import { DealGraph, DealMapFilter, NO_FILTER } from '../../../src/core/webviewMessages';
import { corpusOf } from '../corpus/fixtures';

interface DealSpec {
  readonly kind?: DealKind;
  readonly parties: readonly string[];
  readonly value?: number | null;
  readonly currency?: string | null;
  readonly date?: string | null;
  readonly paths?: readonly string[];
  readonly differs?: boolean;
  readonly status?: DealStatus;
}

let counter = 0;
/** The row the panel and the map keep of a deal (`dealRow`), made from the deal whole. */
function deal(spec: DealSpec): DealRow {
  return dealRow(wholeDeal(spec), 'a group');
}

function wholeDeal(spec: DealSpec): CorpusDeal {
  const paths = spec.paths ?? ['a.md'];
  const value = spec.value === undefined ? 1e9 : spec.value;
  const mentions = paths.map((path, i) => ({
    path,
    sentenceIndex: i,
    start: 10 * i,
    end: 10 * i + 5,
    sentence: `sentence ${i}`,
    value,
    currency: 'USD',
    date: spec.date ?? null,
    status: spec.status ?? 'announced',
  }));
  const out: CorpusDeal = {
    id: `deal:${counter++}`,
    kind: spec.kind ?? 'investment',
    parties: spec.parties,
    partyIds: spec.parties.map((p) => `entity:${p.toLowerCase()}`),
    value,
    currency: spec.currency === undefined ? 'USD' : spec.currency,
    date: spec.date ?? null,
    isDateInferred: false,
    isPartyInferred: false,
    sources: paths.map((path, i) => ({
      path,
      value: spec.differs && i === 1 ? (value ?? 0) * 1.1 : value,
      currency: 'USD',
      date: spec.date ?? null,
      mentions: [mentions[i]!],
    })),
    differs: spec.differs ?? false,
    mentions,
    status: spec.status ?? 'announced',
  };
  return out;
}

const typeOf = (id: string) =>
  id === 'entity:sam' ? ('person' as const) : id.startsWith('entity:') ? ('org' as const) : undefined;
const graphOf = (deals: DealRow[], filter: Partial<DealMapFilter> = {}, maxDrawn?: number) =>
  DealGraph.parse(dealGraph({ deals, typeOf, filter: { ...NO_FILTER, ...filter }, ...(maxDrawn ? { maxDrawn } : {}) }));

suite('deal map: the graph of the deals', () => {
  test('should draw each party once and each deal as an edge in role order', () => {
    const graph = graphOf([
      deal({ parties: ['Microsoft', 'OpenAI'], value: 13e9 }),
      deal({ kind: 'cloud-contract', parties: ['OpenAI', 'Oracle'], value: 300e9, date: '2025-07' }),
    ]);
    assert.deepEqual(graph.nodes.map((n) => n.name).sort(), ['Microsoft', 'OpenAI', 'Oracle']);
    assert.deepEqual(
      graph.edges.map((e) => `${e.from} → ${e.to} ${e.kind}`),
      ['entity:microsoft → entity:openai investment', 'entity:openai → entity:oracle cloud-contract'],
    );
    const openai = graph.nodes.find((n) => n.name === 'OpenAI')!;
    assert.equal(openai.total, 313e9, 'a node is sized by the total of its deals');
    assert.equal(openai.dealCount, 2);
    assert.equal(openai.type, 'org');
  });

  test('should give parallel deals between two parties their own lanes', () => {
    const graph = graphOf([
      deal({ parties: ['A', 'B'] }),
      deal({ kind: 'equity-stake', parties: ['B', 'A'] }),
      deal({ parties: ['A', 'C'] }),
    ]);
    assert.deepEqual(
      graph.edges.map((e) => e.lane),
      [0, 1, 0],
    );
  });

  test('should draw a three-party deal from its first party to each other', () => {
    const graph = graphOf([deal({ kind: 'joint-venture', parties: ['SoftBank', 'OpenAI', 'Oracle'] })]);
    assert.deepEqual(
      graph.edges.map((e) => `${e.from}>${e.to}`),
      ['entity:softbank>entity:openai', 'entity:softbank>entity:oracle'],
    );
    assert.equal(new Set(graph.edges.map((e) => e.dealId)).size, 1);
  });

  test('should count, not draw, a deal that names one party', () => {
    const graph = graphOf([deal({ parties: ['A'] }), deal({ parties: ['A', 'B'] })]);
    assert.equal(graph.unlinkedCount, 1);
    assert.equal(graph.edges.length, 1);
  });

  test('should filter by kind', () => {
    const graph = graphOf(
      [deal({ kind: 'cloud-contract', parties: ['A', 'B'] }), deal({ kind: 'investment', parties: ['C', 'D'] })],
      { kinds: ['cloud-contract'] },
    );
    assert.deepEqual(
      graph.edges.map((e) => e.kind),
      ['cloud-contract'],
    );
    assert.equal(graph.matchingCount, 1);
    assert.deepEqual(graph.kinds, ['investment', 'cloud-contract'], 'the legend lists every kind of the workspace');
  });

  test('should filter by date range, each date at its own precision, counting undated deals left out', () => {
    const deals = [
      deal({ parties: ['A', 'B'], date: '2025' }),
      deal({ parties: ['A', 'C'], date: '2024-12-31' }),
      deal({ parties: ['A', 'D'], date: null }),
    ];
    const graph = graphOf(deals, { from: '2025-03', to: '2025-06' });
    assert.deepEqual(
      graph.edges.map((e) => e.to),
      ['entity:b'],
    );
    assert.equal(graph.undatedHidden, 1);
    assert.ok(isDateWithin('2025-06-30', '2025-03', '2025-06'));
    assert.ok(!isDateWithin('2025-07-01', '2025-03', '2025-06'));
    assert.ok(isDateWithin('2025-03', null, '2025-03-01'));
  });

  test('should filter by minimum amount, counting unvalued deals left out', () => {
    const graph = graphOf(
      [
        deal({ parties: ['A', 'B'], value: 5e9 }),
        deal({ parties: ['A', 'C'], value: 5e8 }),
        deal({ parties: ['A', 'D'], value: null }),
      ],
      { minValue: 1e9 },
    );
    assert.deepEqual(
      graph.edges.map((e) => e.to),
      ['entity:b'],
    );
    assert.equal(graph.unvaluedHidden, 1);
  });

  test('should filter to a party and its neighbours, with the deals among them', () => {
    const graph = graphOf(
      [
        deal({ parties: ['A', 'B'] }),
        deal({ parties: ['C', 'A'] }),
        deal({ parties: ['B', 'C'] }),
        deal({ parties: ['C', 'D'] }),
      ],
      { party: 'entity:a' },
    );
    assert.deepEqual(
      graph.edges.map((e) => `${e.from}>${e.to}`),
      ['entity:a>entity:b', 'entity:c>entity:a', 'entity:b>entity:c'],
    );
    assert.ok(!graph.nodes.some((n) => n.id === 'entity:d'));
    assert.equal(graph.parties.length, 4, 'every party stays choosable');
  });

  test("should say how sources disagree and carry each deal's status", () => {
    const graph = graphOf([
      deal({ parties: ['A', 'B'], paths: ['x.md', 'y.md'], differs: true, status: 'rumoured' }),
      deal({ parties: ['A', 'C'], status: 'terminated' }),
    ]);
    assert.equal(graph.edges[0]!.conflict, 'values differ');
    assert.equal(graph.edges[0]!.sourceCount, 2);
    assert.equal(graph.edges[0]!.status, 'rumoured');
    assert.equal(graph.edges[1]!.status, 'terminated');
  });

  test('should cut a 10,000-character party name and keep it as text', () => {
    const long = `<script>alert(1)</script>${'x'.repeat(10_000)}`;
    const graph = graphOf([deal({ parties: [long, 'B'] })]);
    const node = graph.nodes.find((n) => n.name.startsWith('<script>'))!;
    assert.ok(node.name.length <= 200, `cut to ${node.name.length}`);
    assert.ok(node.name.endsWith('…'));
  });

  test('should cluster by party past the drawing limit, and say so', () => {
    const deals: DealRow[] = [];
    for (let i = 0; i < 30; i++) deals.push(deal({ parties: ['Hub', `P${i % 10}`], value: 1e6 * (i + 1) }));
    const graph = graphOf(deals, {}, 20);
    assert.ok(graph.clustered?.includes('30 deals'), graph.clustered ?? 'not clustered');
    assert.equal(graph.edges.length, 10, 'one edge per pair of parties');
    assert.equal(
      graph.edges.reduce((n, e) => n + e.dealCount, 0),
      30,
    );
    const unclustered = graphOf(deals, {}, 30);
    assert.equal(unclustered.clustered, null);
    assert.equal(unclustered.edges.length, 30);
  });

  test('should fold the parties with the fewest deals into one node when there are too many', () => {
    const deals: DealRow[] = [];
    for (let i = 0; i < 450; i++)
      deals.push(deal({ parties: [`Q${i}`, `R${i}`] }), deal({ parties: ['Hub', `Q${i}`] }));
    const graph = graphOf(deals, {}, 100);
    const others = graph.nodes.find((n) => n.id === OTHERS_ID)!;
    assert.equal(others.type, 'cluster');
    assert.equal(others.memberCount! + graph.nodes.length - 1, 901);
    assert.ok(graph.nodes.length <= 401);
    assert.match(graph.clustered!, /folded into one node/);
  });

  test('should map the seeds: the OpenAI–AWS cloud contract and typed parties', () => {
    const corpus = corpusOf('seeds');
    const graph = graphOf(corpus.dealRows(), { kinds: ['cloud-contract'] });
    const aws = graph.edges.find((e) => e.value === 38e9)!;
    const name = (id: string) => graph.nodes.find((n) => n.id === id)!.name;
    assert.equal(`${name(aws.from)} → ${name(aws.to)}`, 'OpenAI → Amazon Web Services');
    assert.ok(graph.edges.every((e) => e.kind === 'cloud-contract'));
    assert.ok(graph.nodes.length >= 4);
  });

  test('should read the parties a fact is about from its subject', () => {
    assert.deepEqual(subjectPartyIds('entity:openai'), ['entity:openai']);
    assert.deepEqual(subjectPartyIds('entity:microsoft>entity:openai'), ['entity:microsoft', 'entity:openai']);
    assert.deepEqual(subjectPartyIds('deal:cloud-contract:amazon-web-services+openai'), [
      'entity:amazon-web-services',
      'entity:openai',
    ]);
  });
});
