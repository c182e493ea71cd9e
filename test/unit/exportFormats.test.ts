// The export formats other tools read: W3C Web Annotation JSON-LD (every MUST of the Web
// Annotation Data Model, and expanded by a JSON-LD processor against the bundled anno.jsonld
// context, offline), and CSV (RFC 4180, parsed back by papaparse, UTF-8 with a BOM).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import jsonld from 'jsonld';
import Papa from 'papaparse';
import { analyse } from '../../src/core/analysis';
import {
  EMPTY_ANNOTATION_FILE,
  newAnnotation,
  upsert,
  withCorrection,
  withTag,
  type Annotation,
} from '../../src/core/annotations/index';
import { exportClaims, exportWebAnnotations, fileIri, type ExportInput } from '../../src/core/export';
import { CSV_COLUMNS, claimsCsv } from '../../src/core/exportCsv';
import { WebAnnotationExport } from '../../src/core/schema';

const ROOT = path.resolve(__dirname, '..', '..');
const CONTEXT_IRI = 'http://www.w3.org/ns/anno.jsonld';
const CONTEXT = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'anno.jsonld'), 'utf8'));
const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-01-05T10:00:00+01:00';
const ARTICLE =
  '# Deals\n\n🚀 OpenAI will pay Amazon **$38 billion** over seven years, Reuters reported.\n\n=SUM(A1) was the cell that cost "Acme" 6–7% more.\n';

function on(quote: string, id: string, source = 'news/a b.md'): Annotation {
  const start = ARTICLE.indexOf(quote);
  assert.ok(start >= 0, quote);
  return newAnnotation({ source, text: ARTICLE, start, end: start + quote.length, now: T0, id });
}

function input(): ExportInput {
  const money = withCorrection(
    withTag(on('OpenAI will pay Amazon **$38 billion** over seven years, Reuters reported.', 'ann-1'), 'verified', T0),
    {
      original: 'x',
      corrected: 'OpenAI agreed to pay Amazon $38 billion over seven years.',
      note: 'Reuters, 3 Nov',
      author: 'Kim Lee',
      isApplied: false,
    },
    T1,
  );
  const formula = withTag(on('=SUM(A1) was the cell that cost "Acme" 6–7% more.', 'ann-2'), 'needs-source', T0);
  const gone = withTag(on('Deals', 'ann-3', 'news/deleted.md'), 'disputed', T0);
  const file = [money, formula, gone].reduce(upsert, EMPTY_ANNOTATION_FILE);
  return {
    sources: [
      {
        path: 'news/a b.md',
        sha256: 'b'.repeat(64),
        text: ARTICLE,
        analysis: analyse({ path: 'news/a b.md', text: ARTICLE }),
      },
    ],
    annotations: file.annotations,
    generatedAt: T0,
    tool: { name: 'newsmark', version: '9.9.9' },
  };
}

const BASE = fileIri('/home/kim/My Research');

/** A document loader that knows the bundled context and refuses the network. */
const documentLoader = async (url: string) => {
  if (url === CONTEXT_IRI) return { contextUrl: undefined, documentUrl: url, document: CONTEXT };
  throw new Error(`no network in tests: ${url}`);
};

const isIri = (value: unknown) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
const XSD_DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

suite('export: W3C Web Annotation Data Model, every MUST', () => {
  const output = exportWebAnnotations(input(), BASE);

  test('should give the collection, its page and every annotation an IRI id, and the right types', () => {
    assert.ok(WebAnnotationExport.safeParse(output).success);
    assert.equal(output['@context'], CONTEXT_IRI, 'the anno.jsonld context');
    assert.ok(isIri(output.id) && output.type === 'AnnotationCollection');
    assert.ok(isIri(output.first.id) && output.first.type === 'AnnotationPage' && output.first.partOf === output.id);
    assert.equal(output.total, output.first.items.length);
    const ids = output.first.items.map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const annotation of output.first.items) {
      assert.ok(isIri(annotation.id), annotation.id);
      assert.equal(annotation.type, 'Annotation');
      assert.ok(annotation.target, 'an annotation MUST have a target');
    }
  });

  test("should name each target's source by an IRI (a file: URI, spaces and all encoded)", () => {
    const sources = output.first.items.map((a) => a.target.source);
    assert.deepEqual(sources, [
      'file:///home/kim/My%20Research/news/a%20b.md',
      'file:///home/kim/My%20Research/news/a%20b.md',
      'file:///home/kim/My%20Research/news/deleted.md',
    ]);
    assert.ok(sources.every((s) => new URL(s).protocol === 'file:'));
    assert.equal(fileIri('C:\\Users\\kim\\News'), 'file:///C:/Users/kim/News', 'a Windows path');
  });

  test('should give agents as objects with a type, and times as xsd:dateTime with a zone', () => {
    for (const a of output.first.items) {
      assert.match(a.created, XSD_DATE_TIME_WITH_ZONE);
      assert.match(a.modified, XSD_DATE_TIME_WITH_ZONE);
      for (const body of a.body) {
        if (body.creator !== undefined) assert.deepEqual(body.creator, { type: 'Person', name: 'Kim Lee' });
        if (body.created !== undefined) assert.match(body.created, XSD_DATE_TIME_WITH_ZONE);
      }
    }
    assert.equal(output.generator.type, 'Software');
    assert.match(output.generated, XSD_DATE_TIME_WITH_ZONE);
  });

  test('should expand with a JSON-LD processor against the bundled context, losing no term', async () => {
    const expanded = await jsonld.expand(output as never, { documentLoader } as never);
    const text = JSON.stringify(expanded);
    for (const iri of [
      'http://www.w3.org/ns/oa#hasTarget',
      'http://www.w3.org/ns/oa#hasSource',
      'http://www.w3.org/ns/oa#TextQuoteSelector',
      'http://www.w3.org/ns/oa#TextPositionSelector',
      'http://www.w3.org/ns/oa#tagging',
      'http://purl.org/dc/terms/creator',
      'http://xmlns.com/foaf/0.1/Person',
      'http://www.w3.org/ns/activitystreams#OrderedCollection',
      'http://www.w3.org/ns/activitystreams#items',
      'http://www.w3.org/2001/XMLSchema#dateTime',
    ]) {
      assert.ok(text.includes(iri), `expands to ${iri}`);
    }
    assert.ok(
      text.includes('"@id":"file:///home/kim/My%20Research/news/a%20b.md"'),
      'the source is a node, by its IRI',
    );
    // compacting back gives the same document: every key of ours is a term of the context
    const compacted = (await jsonld.compact(
      expanded as never,
      CONTEXT_IRI as never,
      { documentLoader } as never,
    )) as unknown;
    const { '@context': _context, ...ours } = output;
    const { '@context': _compactedContext, ...back } = compacted as Record<string, unknown>;
    assert.deepEqual(normalise(back), normalise(ours));
  });
});

/** JSON-LD compaction writes single-item arrays as values and numbers typed by the context as values: compare what they say. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 1 ? normalise(value[0]) : value.map(normalise);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, normalise(v)]),
    );
  return typeof value === 'number' ? String(value) : value;
}

suite('export: CSV for spreadsheets', () => {
  const claims = exportClaims(input());
  const csv = claimsCsv(claims);

  test('should write UTF-8 with a BOM, CRLF line ends, the columns in order, one row per claim × figure', () => {
    assert.ok(csv.startsWith('\ufeff'));
    assert.ok(csv.includes('\r\n') && !/[^\r]\n/.test(csv), 'CRLF only');
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.meta.fields, [...CSV_COLUMNS]);
    const figures = claims.claims.reduce((n, c) => n + Math.max(1, c.figures.length), 0);
    assert.equal(parsed.data.length, figures);
    const money = parsed.data.find((r) => r.figure === '$38 billion');
    assert.ok(money, JSON.stringify(parsed.data.map((r) => r.figure)));
    assert.equal(money.value, '38000000000');
    assert.equal(money.unit, 'USD');
    assert.equal(money.source, 'news/a b.md');
    assert.equal(money.tags, 'verified');
    assert.equal(money.said_by, 'Reuters');
    assert.equal(money.latest_correction, 'OpenAI agreed to pay Amazon $38 billion over seven years.');
    const range = parsed.data.find((r) => r.figure_kind === 'percent');
    assert.deepEqual([range?.value, range?.value_low, range?.value_high], ['', '6', '7']);
  });

  test('should keep article text as data: a cell that would be a formula is prefixed, quotes and emoji survive', () => {
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    const formula = parsed.data.find((r) => r.claim.includes('SUM'));
    assert.ok(formula);
    assert.ok(formula.claim.startsWith("'=SUM(A1)"), `prefixed: ${formula.claim}`);
    assert.ok(formula.claim.includes('"Acme"'), 'quotes inside a field survive');
    assert.ok(!parsed.data.some((r) => Object.values(r).some((v) => /^[=+@]/.test(v))), 'no cell starts a formula');
    assert.ok(parsed.data.some((r) => r.claim.includes('🚀') || r.claim.includes('OpenAI')));
  });
});
