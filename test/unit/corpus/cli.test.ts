import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ExtractOutput } from '../../../src/core/schema';
import { FIXTURES, REPO } from './fixtures';

/**
 * `newsmark extract` and `newsmark check` on a copy of test/fixtures/corpus/workspace: three
 * articles that disagree on Quarry Capital's total investment in Nimbrel AI ($2.4 billion vs
 * $3.1 billion) and agree on the rest. The CLI is bundled from src/cli/main.ts into a temporary
 * folder, with the launcher bin/newsmark.js, so that builds of dist/ running meanwhile neither
 * disturb this test nor are disturbed by it.
 */
const INVESTMENT = 'entity:quarry-capital>entity:nimbrel-ai|investment|cumulative';
let cliRoot = '';
let workspace = '';

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(cliRoot, 'bin', 'newsmark.js'), ...args], {
    cwd: workspace,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

suite('cli: conflicts between sources', function () {
  this.timeout(60_000);

  suiteSetup(async () => {
    cliRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-corpus-bin-'));
    fs.mkdirSync(path.join(cliRoot, 'bin'));
    fs.copyFileSync(path.join(REPO, 'bin', 'newsmark.js'), path.join(cliRoot, 'bin', 'newsmark.js'));
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    await esbuild.build({
      entryPoints: [path.join(REPO, 'src', 'cli', 'main.ts')],
      outfile: path.join(cliRoot, 'dist', 'cli.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
      define: { VERSION: JSON.stringify(version) },
    });
  });

  setup(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-corpus-'));
    fs.cpSync(path.join(FIXTURES, 'workspace'), path.join(workspace, 'ws'), { recursive: true });
  });

  teardown(() => fs.rmSync(workspace, { recursive: true, force: true }));
  suiteTeardown(() => fs.rmSync(cliRoot, { recursive: true, force: true }));

  test("extract should list the conflict with its key, verdict, reason and each source's statement, valid against the schema", () => {
    const { status, stdout, stderr } = run(['extract', 'ws']);
    assert.equal(status, 0, stderr);
    const output = ExtractOutput.parse(JSON.parse(stdout));
    assert.deepEqual(
      output.conflicts?.map((c) => c.key.id),
      [INVESTMENT],
    );
    const conflict = output.conflicts![0]!;
    assert.equal(conflict.verdict, 'conflict');
    assert.equal(conflict.key.label, 'Quarry Capital → Nimbrel AI: investment, cumulative');
    assert.equal(conflict.reason, '$3.1 billion and $2.4 billion are 23% apart, beyond 1%');
    assert.deepEqual(
      conflict.statements.map((s) => [s.path, s.text, s.value]),
      [
        [path.join('ws', 'analyst-note.md'), '$3.1 billion', 3.1e9],
        [path.join('ws', 'newswire.md'), '$2.4 billion', 2.4e9],
      ],
    );
    for (const s of conflict.statements)
      assert.equal(
        fs.readFileSync(path.join(workspace, s.path), 'utf8').slice(s.start, s.end),
        s.text,
        'offsets point at the figure',
      );
  });

  test('extract --jsonl should end with the deals and the conflicts', () => {
    const lines = run(['extract', 'ws', '--jsonl'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.filter((l) => l.source).length, 3);
    assert.deepEqual(
      lines[lines.length - 1].conflicts.map((c: { key: { id: string } }) => c.key.id),
      [INVESTMENT],
    );
    assert.ok(Array.isArray(lines[lines.length - 1].deals));
  });

  test('extract of one article should have no conflicts', () => {
    const output = ExtractOutput.parse(JSON.parse(run(['extract', path.join('ws', 'newswire.md')]).stdout));
    assert.deepEqual(output.conflicts, []);
  });

  test('check should print one line per conflict, with the sources and values, and exit 0 without --strict', () => {
    const { status, stdout } = run(['check', 'ws']);
    assert.equal(status, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('conflict:')),
      [
        `conflict: Quarry Capital → Nimbrel AI: investment, cumulative: $3.1 billion in ${path.join('ws', 'analyst-note.md')}; $2.4 billion in ${path.join('ws', 'newswire.md')} ($3.1 billion and $2.4 billion are 23% apart, beyond 1%)`,
      ],
    );
    assert.match(lines[lines.length - 1]!, /^Checked 3 articles in ws: 1 conflict between sources$/);
  });

  test('check --strict should exit 1 with a conflict, and 0 once the sources agree', () => {
    assert.equal(run(['check', 'ws', '--strict']).status, 1);
    const note = path.join(workspace, 'ws', 'analyst-note.md');
    fs.writeFileSync(note, fs.readFileSync(note, 'utf8').replace('$3.1 billion', '$2.4 billion'));
    const { status, stdout } = run(['check', 'ws', '--strict']);
    assert.equal(status, 0, stdout);
    assert.doesNotMatch(stdout, /conflict/);
  });

  test('extract of the seeds should report Microsoft\'s total investment in OpenAI: "~$13.5 billion" against "$13 billion"', () => {
    const output = ExtractOutput.parse(JSON.parse(run(['extract', path.join(REPO, 'seeds')]).stdout));
    assert.deepEqual(
      output.conflicts?.map((c) => [c.key.label, c.statements.map((s) => `${path.basename(s.path)} ${s.text}`)]),
      [
        [
          'Microsoft → OpenAI: investment, cumulative',
          ['001_45896242951b7f89.txt ~$13.5 billion', '004_cab57fbbdb23375a.txt $13 billion'],
        ],
      ],
    );
  });
});
