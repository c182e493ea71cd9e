import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import { DEALS_CSV_COLUMNS } from '../../../src/core/dealsCsv';
import { DealsExport, ExtractOutput } from '../../../src/core/schema';
import { CliHarness, ROOT, assertOneLine, seedText } from './cliHarness';

/** `newsmark deals <folder> --format json|csv`: the deals of a corpus, merged across sources, for a pipeline or a spreadsheet. */
suite('cli: newsmark deals', function () {
  this.timeout(120_000);
  const h = new CliHarness();
  const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));

  suiteSetup(async function () {
    this.timeout(120_000);
    await h.build();
    fs.mkdirSync(h.at('corpus'));
    for (const seed of SEEDS) fs.writeFileSync(h.at('corpus', seed), seedText(seed));
  });
  suiteTeardown(() => h.dispose());

  test('should print the deals merged as the panel merges them, valid against the published deals schema', () => {
    const run = h.run(['deals', 'corpus']);
    assert.equal(run.status, 0, run.stderr);
    const output = DealsExport.parse(JSON.parse(run.stdout));
    const extracted = ExtractOutput.parse(JSON.parse(h.run(['extract', 'corpus', '--json']).stdout));
    assert.equal(output.sources, SEEDS.length);
    assert.ok(output.deals.length >= 5, `${output.deals.length} deals`);
    // the same mentions as extract's deals, each in one deal; deals extract keeps apart by stated value are one here
    const mentionsOf = (deals: typeof output.deals) =>
      deals.flatMap((d) => d.mentions.map((m) => `${d.kind} ${m.path}:${m.start}`)).sort();
    assert.deepEqual(mentionsOf(output.deals), mentionsOf(extracted.deals));
    assert.ok(output.deals.length <= extracted.deals.length);
    const joined = output.deals.find((d) => new Set(d.mentions.map((m) => m.value).filter((v) => v !== null)).size > 1);
    assert.ok(
      joined,
      'a deal whose sources state different values is one deal (Microsoft → OpenAI: $13 billion and ~$13.5 billion)',
    );
    const schema = JSON.parse(h.run(['schema', 'deals']).stdout) as {
      $id: string;
      properties: Record<string, unknown>;
    };
    assert.match(schema.$id, /deals\.v\d+\.json$/);
    assert.deepEqual(Object.keys(schema.properties), ['schemaVersion', 'sources', 'deals']);
  });

  test('should write CSV a spreadsheet reads: a BOM, a header, one row per deal with its parties, kind, status and value', () => {
    const json = DealsExport.parse(JSON.parse(h.run(['deals', 'corpus']).stdout));
    const run = h.run(['deals', 'corpus', '--format', 'csv']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith('\ufeff'), 'a UTF-8 byte-order mark');
    assert.ok(run.stdout.includes('\r\n'), 'CRLF line ends (RFC 4180)');
    const parsed = Papa.parse<Record<string, string>>(run.stdout.slice(1), { header: true, skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.meta.fields, [...DEALS_CSV_COLUMNS]);
    assert.equal(parsed.data.length, json.deals.length);
    json.deals.forEach((deal, i) => {
      const row = parsed.data[i]!;
      assert.equal(row['deal_id'], deal.id);
      assert.equal(row['kind'], deal.kind);
      assert.equal(row['status'], deal.status);
      assert.equal(row['parties'], deal.parties.join('; '));
      assert.equal(row['party_1'], deal.parties[0]);
      assert.equal(row['value'], deal.value === null ? '' : String(deal.value));
      assert.equal(Number(row['mention_count']), deal.mentions.length);
      assert.equal(
        row['sources_differ'] !== '',
        new Set(deal.mentions.map((m) => m.value).filter((v) => v !== null)).size > 1 ||
          new Set(deal.mentions.map((m) => m.date).filter(Boolean)).size > 1,
      );
      assert.equal(
        row['first_sentence'],
        deal.mentions[0]!.sentence.replace(/\s+/g, ' ')
          .trim()
          .replace(/^([=+\-@])/, "'$1"),
      );
    });
  });

  test('should keep article text inert in a spreadsheet: a sentence that opens like a formula is written as text', () => {
    fs.mkdirSync(h.at('formula'));
    fs.writeFileSync(
      h.at('formula', 'a.txt'),
      '@Nordlicht Energie agreed to acquire Kestrel Orbital for $3.1 billion.\n',
    );
    const run = h.run(['deals', 'formula', '--format', 'csv']);
    assert.equal(run.status, 0, run.stderr);
    const rows = Papa.parse<Record<string, string>>(run.stdout.slice(1), { header: true, skipEmptyLines: true }).data;
    assert.equal(rows.length, 1, run.stdout);
    assert.ok(rows[0]!['first_sentence']!.startsWith("'@Nordlicht"), rows[0]!['first_sentence']);
  });

  test('should refuse an unknown format and an --out that is an input, reading nothing', () => {
    assertOneLine(
      h.run(['deals', 'corpus', '--format', 'xml']),
      /--format is json or csv, not 'xml'/,
      'an unknown format',
    );
    const before = fs.readFileSync(h.at('corpus', SEEDS[0]!), 'utf8');
    const run = h.run(['deals', 'corpus', '--out', `corpus/${SEEDS[0]}`]);
    assert.equal(run.status, 2);
    assert.equal(fs.readFileSync(h.at('corpus', SEEDS[0]!), 'utf8'), before);
  });

  test('should write --out atomically and say what it is in --help', () => {
    fs.mkdirSync(h.at('out'), { mode: 0o777 });
    fs.chmodSync(h.at('out'), 0o777);
    const run = h.run(['deals', 'corpus', '--format', 'csv', '--out', 'out/deals.csv']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(fs.readFileSync(h.at('out', 'deals.csv'), 'utf8').startsWith('\ufeffdeal_id,kind,status'));
    assert.deepEqual(fs.readdirSync(h.at('out')), ['deals.csv'], 'no temporary file left');
    assert.match(h.run(['deals', '--help']).stdout, /--format json\|csv/);
    assert.match(h.run(['help']).stdout, /newsmark deals/);
  });
});
