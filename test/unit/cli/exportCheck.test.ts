import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import {
  EMPTY_ANNOTATION_FILE,
  newAnnotation,
  serialiseAnnotationFile,
  upsert,
  withTag,
  type Annotation,
} from '../../../src/core/annotations/index';
import { ClaimsExport, WebAnnotationExport } from '../../../src/core/schema';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEEDS = ['000_2619ed4e9be0e23f.txt', '001_45896242951b7f89.txt'];
const T0 = '2025-11-30T09:00:00.000Z';

/**
 * The CLI as shipped (bin/newsmark.js loading ../dist/cli.js), built from src/cli/main.ts into
 * a temporary copy so that parallel builds of dist/ neither disturb nor are disturbed by it.
 */
let cliRoot = '';
let workspaces: string[] = [];

function run(
  args: readonly string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(cliRoot, 'bin', 'newsmark.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function on(source: string, text: string, quote: string, id: string): Annotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `fixture: ${quote}`);
  return newAnnotation({ source, text, start, end: start + quote.length, now: T0, id });
}

/**
 * A workspace with two seeds and an annotations file: a tagged claim in each seed, and one
 * annotation on an article that is not there. The first seed then gets a title inserted, so
 * re-anchoring moves its annotation (which must not be written back).
 */
function makeWorkspace(): { folder: string; annotationsPath: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-'));
  workspaces.push(folder);
  fs.mkdirSync(path.join(folder, 'articles'));
  fs.mkdirSync(path.join(folder, '.newsmark'));
  const texts = SEEDS.map((seed) => fs.readFileSync(path.join(ROOT, 'seeds', seed), 'utf8'));
  const annotations = [
    withTag(on(`articles/${SEEDS[0]}`, texts[0]!, '**$38 billion**', 'ann-1'), 'verified', T0),
    withTag(on(`articles/${SEEDS[1]}`, texts[1]!, texts[1]!.slice(0, 40), 'ann-2'), 'disputed', T0),
    on('articles/deleted.md', 'Gone for good.', 'Gone', 'ann-3'),
  ];
  fs.writeFileSync(path.join(folder, 'articles', SEEDS[0]!), `# Inserted title\n\n${texts[0]}`);
  fs.writeFileSync(path.join(folder, 'articles', SEEDS[1]!), texts[1]!);
  const annotationsPath = path.join(folder, '.newsmark', 'annotations.json');
  fs.writeFileSync(annotationsPath, serialiseAnnotationFile(annotations.reduce(upsert, EMPTY_ANNOTATION_FILE)));
  return { folder, annotationsPath };
}

suite('cli: newsmark export and check', function () {
  this.timeout(30_000);

  suiteSetup(async () => {
    cliRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bin-'));
    fs.mkdirSync(path.join(cliRoot, 'bin'));
    fs.copyFileSync(path.join(ROOT, 'bin', 'newsmark.js'), path.join(cliRoot, 'bin', 'newsmark.js'));
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
      outfile: path.join(cliRoot, 'dist', 'cli.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
      define: { VERSION: JSON.stringify(version) },
    });
  });

  suiteTeardown(() => {
    for (const folder of [cliRoot, ...workspaces]) fs.rmSync(folder, { recursive: true, force: true });
    workspaces = [];
  });

  test('export should print the claims JSON, valid against its schema, and exit 0 with a source missing', () => {
    const { folder, annotationsPath } = makeWorkspace();
    const before = fs.readFileSync(annotationsPath);
    const { status, stdout, stderr } = run(['export', folder]);
    assert.equal(status, 0, stderr);
    const output = ClaimsExport.parse(JSON.parse(stdout));
    assert.deepEqual(
      output.claims.map((c) => [c.source.path, c.tags]),
      [
        [`articles/${SEEDS[0]}`, ['verified']],
        [`articles/${SEEDS[1]}`, ['disputed']],
      ],
    );
    assert.equal(output.claims[0]!.annotations[0]!.anchoredBy, 'exact', 'found after the inserted title');
    assert.match(output.claims[0]!.source.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      output.orphans.map((o) => [o.id, o.reason]),
      [['ann-3', 'the source file was not found']],
    );
    assert.ok(fs.readFileSync(annotationsPath).equals(before), 'the annotations file is never written by export');
  });

  test('export --format w3c should print W3C Web Annotation JSON-LD', () => {
    const { folder } = makeWorkspace();
    const { status, stdout, stderr } = run(['export', folder, '--format', 'w3c']);
    assert.equal(status, 0, stderr);
    assert.equal(WebAnnotationExport.parse(JSON.parse(stdout)).total, 3);
  });

  test('export --format csv should print a CSV of the claims (a row per claim and figure) that the claims JSON backs', () => {
    const { folder } = makeWorkspace();
    const csv = run(['export', folder, '--format', 'csv']);
    assert.equal(csv.status, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('\ufeffsource,source_sha256,claim_id,'), 'a UTF-8 BOM and the header row');
    const claims = ClaimsExport.parse(JSON.parse(run(['export', folder]).stdout));
    const rows = csv.stdout.trimEnd().split('\r\n').slice(1);
    assert.equal(
      rows.length,
      claims.claims.reduce((n, c) => n + Math.max(1, c.figures.length), 0),
    );
    const bad = run(['export', folder, '--format', 'xlsx']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown format 'xlsx' \(known: claims, w3c, csv\)/);
  });

  test('export --out should write the file, print nothing, and use SOURCE_DATE_EPOCH for the time', () => {
    const { folder } = makeWorkspace();
    const out = path.join(folder, 'claims.json');
    const { status, stdout, stderr } = run(['export', folder, '--out', out], { SOURCE_DATE_EPOCH: '1764493200' });
    assert.equal(status, 0, stderr);
    assert.equal(stdout, '');
    assert.equal(ClaimsExport.parse(JSON.parse(fs.readFileSync(out, 'utf8'))).generatedAt, '2025-11-30T09:00:00.000Z');
  });

  test('an invalid annotations file should be reported, exit 1, and be left byte for byte untouched', () => {
    const { folder, annotationsPath } = makeWorkspace();
    const broken = Buffer.from(
      fs
        .readFileSync(annotationsPath, 'utf8')
        .replace('"verified"', '"Verified Twice"')
        .replace(/\n}\n$/, ',\n}\n'),
    );
    fs.writeFileSync(annotationsPath, broken);
    const exported = run(['export', folder]);
    assert.equal(exported.status, 1);
    assert.equal(exported.stdout, '');
    assert.match(exported.stderr, /annotations\.json: not valid JSON: line \d+, column \d+/);
    assert.match(exported.stderr, /left untouched/);
    assert.doesNotMatch(exported.stderr, /\n\s+at /, 'no stack trace');
    const checked = run(['check', folder]);
    assert.equal(checked.status, 0, 'check reports; only --strict fails');
    assert.match(checked.stdout, /invalid: not valid JSON/);
    assert.equal(run(['check', folder, '--strict']).status, 1);
    assert.ok(fs.readFileSync(annotationsPath).equals(broken));
  });

  test('a schema error in the annotations file should name the field', () => {
    const { folder, annotationsPath } = makeWorkspace();
    fs.writeFileSync(annotationsPath, fs.readFileSync(annotationsPath, 'utf8').replace('"verified"', '"Verified"'));
    const { status, stderr } = run(['export', folder]);
    assert.equal(status, 1);
    assert.match(stderr, /must be lower-case\n\s+→ at annotations\[\d\]\.tags\[0\]/);
  });

  test('check should list orphans (file, id, reason) and each source with its counts', () => {
    const { folder, annotationsPath } = makeWorkspace();
    const before = fs.readFileSync(annotationsPath);
    const { status, stdout, stderr } = run(['check', folder]);
    assert.equal(status, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.deepEqual(lines, [
      `${path.join(folder, 'articles', 'deleted.md')}: ann-3: orphan: the source file was not found`,
      `${path.join(folder, 'articles', SEEDS[0]!)}: 1 annotation, 1 anchored (1 moved), 0 orphans`,
      `${path.join(folder, 'articles', SEEDS[1]!)}: 1 annotation, 1 anchored, 0 orphans`,
      `${path.join(folder, 'articles', 'deleted.md')}: 1 annotation, 0 anchored, 1 orphan`,
      `Checked 2 articles and 3 annotations in ${folder}: 1 orphan`,
    ]);
    assert.ok(fs.readFileSync(annotationsPath).equals(before), 'the annotations file is never written by check');
  });

  test('check --strict should exit 1 with an orphan and 0 without', () => {
    const { folder, annotationsPath } = makeWorkspace();
    assert.equal(run(['check', folder, '--strict']).status, 1);
    fs.writeFileSync(path.join(folder, 'articles', 'deleted.md'), 'Gone for good.');
    const { status, stdout } = run(['check', folder, '--strict']);
    assert.equal(status, 0, stdout);
    assert.ok(fs.existsSync(annotationsPath));
  });

  test('a folder without an annotations file: an empty export, nothing to check, exit 0', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-empty-'));
    workspaces.push(folder);
    const exported = run(['export', folder]);
    assert.equal(exported.status, 0);
    assert.deepEqual(ClaimsExport.parse(JSON.parse(exported.stdout)).claims, []);
    const checked = run(['check', folder, '--strict']);
    assert.equal(checked.status, 0);
    assert.match(checked.stdout, /nothing to check/);
  });

  test("export should read the workspace's own lexicon, and exit 1 (still exporting) when it is broken", () => {
    const { folder } = makeWorkspace();
    fs.writeFileSync(path.join(folder, '.newsmark', 'lexicon.json'), '{"version": 1, "entities": [');
    const { status, stdout, stderr } = run(['export', folder]);
    assert.equal(status, 1);
    assert.match(stderr, /lexicon\.json: not readable JSON/);
    assert.equal(ClaimsExport.parse(JSON.parse(stdout)).claims.length, 2);
  });

  test('schema should print the committed JSON Schemas of the new files', () => {
    for (const name of ['annotations', 'claims', 'w3c']) {
      const { status, stdout } = run(['schema', name]);
      assert.equal(status, 0);
      assert.equal(stdout, fs.readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
    }
  });

  const USAGE_ERRORS: ReadonlyArray<readonly string[]> = [
    ['export'],
    ['export', 'a', 'b'],
    ['export', '.', '--format', 'pdf'],
    ['export', '.', '--bogus'],
    ['check'],
    ['check', '.', '--out'],
  ];
  for (const args of USAGE_ERRORS) {
    test(`should exit 2 with one line that points to the command's help, no stack trace: newsmark ${args.join(' ')}`, () => {
      const { status, stdout, stderr } = run(args);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, new RegExp(`^newsmark: [^\\n]+ \\(see: newsmark ${args[0]} --help\\)\\n$`));
    });
  }

  test('should exit 1 with one line for a folder that does not exist', () => {
    for (const command of ['export', 'check']) {
      const { status, stderr } = run([command, path.join(os.tmpdir(), 'newsmark-no-such-folder')]);
      assert.equal(status, 1);
      assert.match(stderr, /^newsmark: .*newsmark-no-such-folder: no such folder\n$/);
    }
  });
});
