import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../src/core/analysis';
import {
  EMPTY_ANNOTATION_FILE,
  newAnnotation,
  upsert,
  withCorrection,
  withTag,
  type Annotation,
} from '../../src/core/annotations/index';
import {
  exportClaims,
  exportWebAnnotations,
  fileIri,
  type ExportInput,
  type ExportSource,
} from '../../src/core/export';
import {
  ClaimsExport,
  SCHEMAS,
  WebAnnotationExport,
  jsonSchemaFileText,
  schemaIdOf,
  type SchemaName,
} from '../../src/core/schema';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = 'seeds/000_2619ed4e9be0e23f.txt';
const SEED_TEXT = fs.readFileSync(path.join(ROOT, SEED), 'utf8');
const T0 = '2025-11-30T09:00:00.000Z';
const T1 = '2025-11-30T10:00:00.000Z';
const T2 = '2025-11-30T11:00:00.000Z';
const FAKE_SHA = 'a'.repeat(64);

function sourceOf(relativePath: string, text: string): ExportSource {
  return { path: relativePath, sha256: FAKE_SHA, text, analysis: analyse({ path: relativePath, text }) };
}

function on(text: string, quote: string, id: string, source = SEED): Annotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `fixture: ${quote}`);
  return newAnnotation({ source, text, start, end: start + quote.length, now: T0, id });
}

/** Two annotations on the $38 billion claim, one on a heading (no claim), one whose source is gone, one whose text is gone. */
function sampleInput(text = SEED_TEXT): ExportInput {
  const money = withCorrection(
    withTag(on(SEED_TEXT, '**$38 billion**', 'ann-money'), 'verified', T1),
    { original: '$38 billion', corrected: '$38bn', note: 'house style', author: 'kim', isApplied: false },
    T2,
  );
  const sentence = withTag(
    withTag(on(SEED_TEXT, 'unveiled a **multi-year strategic partnership**', 'ann-sentence'), 'needs-source', T1),
    'verified',
    T1,
  );
  const heading = withTag(on(SEED_TEXT, 'Altman–Nadella Honeymoon Ends', 'ann-heading'), 'context', T1);
  const gone = on('Nothing here.', 'Nothing', 'ann-gone', 'seeds/deleted.md');
  const file = [money, sentence, heading, gone].reduce(upsert, EMPTY_ANNOTATION_FILE);
  return {
    sources: [sourceOf(SEED, text)],
    annotations: file.annotations,
    generatedAt: T2,
    tool: { name: 'newsmark', version: '0.1.0' },
  };
}

suite('export: claims', () => {
  test('should validate against the ClaimsExport schema and name it in $schema', () => {
    const output = exportClaims(sampleInput());
    assert.deepEqual(ClaimsExport.parse(output), output);
    assert.equal(output.$schema, schemaIdOf('claims'));
    assert.equal(
      output.$schema,
      JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/claims.schema.json'), 'utf8')).$id,
    );
    assert.equal(output.schemaVersion, 1);
    assert.equal(output.generatedAt, T2);
  });

  test('should make one entry per annotated claim, merging the annotations on it', () => {
    const [claim, ...others] = exportClaims(sampleInput()).claims;
    assert.equal(others.length, 0);
    assert.ok(claim);
    assert.equal(
      claim.text,
      'On November 3, 2025, OpenAI and Amazon Web Services (AWS) unveiled a multi-year strategic partnership valued at $38 billion.',
    );
    assert.deepEqual(claim.source, { path: SEED, sha256: FAKE_SHA });
    assert.equal(SEED_TEXT.slice(claim.span.start, claim.span.end).startsWith('On **November 3, 2025**'), true);
    assert.deepEqual(claim.tags, ['needs-source', 'verified']);
    assert.deepEqual(
      claim.annotations.map((a) => [a.id, a.anchoredBy, a.score]),
      [
        ['ann-sentence', 'position', 1],
        ['ann-money', 'position', 1],
      ],
    );
    assert.deepEqual(claim.corrections, [
      {
        original: '$38 billion',
        corrected: '$38bn',
        note: 'house style',
        author: 'kim',
        time: T2,
        isApplied: false,
        annotationId: 'ann-money',
      },
    ]);
  });

  test("should carry the claim's normalised figures, its entities and its attribution", () => {
    const [claim] = exportClaims(sampleInput()).claims;
    assert.deepEqual(
      claim!.figures.map((f) => [f.text, f.kind, f.value, f.unit, f.qualifier, f.approx]),
      [
        ['November 3, 2025', 'date', '2025-11-03', null, null, false],
        ['$38 billion', 'money', 38e9, 'USD', null, false],
      ],
    );
    assert.deepEqual(
      claim!.entities.map((e) => [e.name, e.type]),
      [
        ['OpenAI', 'org'],
        ['Amazon Web Services', 'org'],
      ],
    );
    assert.equal(claim!.attribution, null);
  });

  test('should carry an attribution when the claim has one', () => {
    const text = 'Cloud news.\n\nMicrosoft will spend $80 billion on data centres this year, according to Reuters.\n';
    const output = exportClaims({
      ...sampleInput(),
      sources: [sourceOf('news.md', text)],
      annotations: [on(text, '$80 billion', 'ann-1', 'news.md')],
    });
    assert.deepEqual(output.claims[0]!.attribution, {
      text: 'Reuters',
      entityId: output.claims[0]!.attribution!.entityId,
      kind: 'according-to',
    });
  });

  test('should list an anchored annotation on no claim apart, with the text it covers now', () => {
    const { outsideClaims } = exportClaims(sampleInput());
    assert.deepEqual(
      outsideClaims.map((a) => [a.id, a.text, a.tags]),
      [['ann-heading', 'Altman–Nadella Honeymoon Ends', ['context']]],
    );
  });

  test('should list orphans with their reason and last anchor: a missing source, and text that is gone', () => {
    const edited = SEED_TEXT.replace('## Altman–Nadella Honeymoon Ends\n', '');
    const { orphans } = exportClaims(sampleInput(edited));
    assert.deepEqual(
      orphans.map((o) => [o.id, o.source.path, o.source.sha256]),
      [
        ['ann-heading', SEED, FAKE_SHA],
        ['ann-gone', 'seeds/deleted.md', null],
      ],
    );
    assert.equal(orphans[1]!.reason, 'the source file was not found');
    assert.equal(orphans[0]!.lastAnchor.quote.exact, 'Altman–Nadella Honeymoon Ends');
    assert.deepEqual(orphans[0]!.tags, ['context']);
  });

  test('should give the reason the caller knows for an unavailable source', () => {
    const { orphans } = exportClaims({
      ...sampleInput(),
      unavailable: new Map([['seeds/deleted.md', 'the source file could not be read: permission denied']]),
    });
    assert.equal(
      orphans.find((o) => o.id === 'ann-gone')!.reason,
      'the source file could not be read: permission denied',
    );
  });

  test('should re-anchor to the given text: the claim found after text was inserted before it', () => {
    const edited = `# Added title\n\n${SEED_TEXT}`;
    const output = exportClaims(sampleInput(edited));
    const claim = output.claims[0]!;
    assert.equal(claim.span.start, exportClaims(sampleInput()).claims[0]!.span.start + '# Added title\n\n'.length);
    assert.deepEqual(
      claim.annotations.map((a) => a.anchoredBy),
      ['exact', 'exact'],
    );
    assert.equal(
      edited.slice(claim.annotations[1]!.anchor.position.start, claim.annotations[1]!.anchor.position.end),
      '**$38 billion**',
    );
  });

  test('should be stable: the same input gives the same output', () => {
    assert.deepEqual(
      exportClaims(sampleInput()),
      exportClaims({ ...sampleInput(), annotations: [...sampleInput().annotations].reverse() }),
    );
  });

  test('should export nothing, validly, without annotations', () => {
    const output = exportClaims({ ...sampleInput(), annotations: [] });
    assert.deepEqual([output.claims, output.outsideClaims, output.orphans], [[], [], []]);
    assert.ok(ClaimsExport.safeParse(output).success);
  });
});

const BASE = fileIri('/home/kim/My Articles');

suite('export: W3C Web Annotation JSON-LD', () => {
  test('should validate against its schema, one annotation per item', () => {
    const output = exportWebAnnotations(sampleInput(), BASE);
    assert.deepEqual(WebAnnotationExport.parse(output), output);
    assert.equal(output['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(output.total, 4);
  });

  test('should turn tags and corrections into bodies with their purposes', () => {
    const money = exportWebAnnotations(sampleInput(), BASE).first.items.find((a) => a.id.endsWith('ann-money'))!;
    assert.equal(money.motivation, 'editing');
    assert.deepEqual(
      money.body.map((b) => [b.purpose, b.value]),
      [
        ['tagging', 'verified'],
        ['editing', '$38bn'],
        ['commenting', 'house style'],
      ],
    );
  });

  test('should count TextPositionSelector offsets in code points, and give orphans only a quote', () => {
    const text = '🚀🚀 Rockets: OpenAI raised $6.6 billion in October 2024.';
    const input: ExportInput = {
      ...sampleInput(),
      sources: [sourceOf('emoji.md', text)],
      annotations: [on(text, '$6.6 billion', 'ann-1', 'emoji.md'), on('x', 'x', 'ann-2', 'gone.md')],
    };
    const [found, orphan] = exportWebAnnotations(input, BASE).first.items;
    const position = found!.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.deepEqual(position, {
      type: 'TextPositionSelector',
      start: text.indexOf('$6.6') - 2,
      end: text.indexOf('$6.6') - 2 + 12,
    });
    assert.deepEqual(
      orphan!.target.selector.map((s) => s.type),
      ['TextQuoteSelector'],
    );
  });
});

suite('published JSON Schemas (schemas/*.schema.json)', () => {
  for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
    test(`schemas/${name}.schema.json should equal the one generated from the zod schema (else run node scripts/schemas.mjs)`, () => {
      const committed = fs.readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8');
      assert.equal(
        committed,
        jsonSchemaFileText(name),
        `schemas/${name}.schema.json is stale: run node scripts/schemas.mjs`,
      );
    });
  }

  test('should have no schema file without a zod schema', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'schemas'))
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    assert.deepEqual(
      files,
      Object.keys(SCHEMAS)
        .map((name) => `${name}.schema.json`)
        .sort(),
    );
  });
});
