import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExtractOutput } from '../../../src/core/schema';
import { CliHarness, ROOT, assertOneLine, seedText } from './cliHarness';

/**
 * A CLI for people as well as pipes: a readable summary at a terminal (JSON when piped), progress
 * on stderr for a long run at a terminal only, --help everywhere, `check` in words. A terminal is
 * had from util-linux `script`, which runs the command on a pseudo-terminal.
 */
const TWO = { 'g-stake.txt': '001_45896242951b7f89.txt', 'e-investment.txt': '004_cab57fbbdb23375a.txt' };

function hasScript(): boolean {
  return spawnSync('script', ['--version']).status === 0;
}

suite('cli: for people as well as pipes', function () {
  this.timeout(120_000);
  const h = new CliHarness();

  suiteSetup(async function () {
    this.timeout(120_000);
    await h.build();
    fs.mkdirSync(h.at('two'));
    for (const [name, seed] of Object.entries(TWO)) fs.writeFileSync(h.at('two', name), seedText(seed));
  });
  suiteTeardown(() => h.dispose());

  /** The command on a pseudo-terminal: what a person sees (stdout and stderr together, CRLF line ends). */
  const atTerminal = (args: readonly string[], env: Record<string, string> = {}) => {
    const command = ['node', ...h.cliArgs(args)].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: h.workspace,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 256 << 20,
      env: {
        ...process.env,
        NEWSMARK_DEBUG: '',
        PATH: `${path.dirname(process.execPath)}:${process.env['PATH']}`,
        ...env,
      },
    });
    assert.equal(run.error, undefined);
    return { status: run.status, screen: run.stdout.replace(/\r\n/g, '\n') };
  };

  test('should print a readable summary with --summary: per article its counts and deals, then the deals across articles and the conflicts', () => {
    const json = ExtractOutput.parse(JSON.parse(h.run(['extract', 'two']).stdout));
    const run = h.run(['extract', 'two', '--summary']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    for (const source of json.sources) {
      const at = lines.indexOf(source.path);
      assert.ok(at >= 0, `a heading for ${source.path}`);
      const deals = json.deals.filter((d) => d.mentions.some((m) => m.path === source.path)).length;
      assert.equal(
        lines[at + 1],
        `  ${source.entities.length} entities · ${source.figures.length} figures · ${source.claims.length} claims · ${deals} deal${deals === 1 ? '' : 's'}`,
      );
    }
    assert.ok(
      lines.some((l) => /^ {2}deal: Microsoft → OpenAI: investment, \$13 billion$/.test(l)),
      'a deal with its parties, kind and value in words',
    );
    assert.match(run.stdout, /\n2 articles, \d+ deals \(\d+ in more than one article\), 1 conflict between sources\n/);
    assert.match(
      run.stdout,
      / {2}conflict: Microsoft → OpenAI: investment, cumulative\n {4}\$13 billion in two\/e-investment\.txt\n {4}~\$13\.5 billion in two\/g-stake\.txt\n {4}\$13 billion and ~\$13\.5 billion are 3\.7% apart/,
    );
    assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colour when not at a terminal');
  });

  test('should refuse --summary with what only JSON has', () => {
    for (const extra of [['--jsonl'], ['--json'], ['--pretty'], ['--out', 'x.json']]) {
      const run = h.run(['extract', 'two', '--summary', ...extra]);
      assert.equal(run.status, 2, extra.join(' '));
      assertOneLine(run, new RegExp(`--summary is for reading, not with ${extra[0]}`), extra.join(' '));
    }
  });

  test('should print the summary at a terminal and JSON in a pipe; --json gives JSON at a terminal; NO_COLOR plain', function () {
    if (!hasScript()) {
      console.log('      (skipped: util-linux `script` is not installed, so no pseudo-terminal)');
      this.skip();
    }
    const screen = atTerminal(['extract', 'two']);
    assert.equal(screen.status, 0);
    assert.match(
      screen.screen,
      /\x1b\[1mtwo\/g-stake\.txt\x1b\[22m\n {2}\d+ entities · /,
      'a bold heading at a terminal',
    );
    assert.match(screen.screen, /1 conflict between sources/);
    assert.doesNotMatch(atTerminal(['extract', 'two'], { NO_COLOR: '1' }).screen, /\x1b\[/);
    const asJson = atTerminal(['extract', 'two', '--json']);
    assert.equal(ExtractOutput.parse(JSON.parse(asJson.screen)).sources.length, 2);
    const piped = h.run(['extract', 'two']);
    assert.equal(ExtractOutput.parse(JSON.parse(piped.stdout)).sources.length, 2, 'JSON when piped');
  });

  test('should show progress on stderr for a run over a second at a terminal, and never in a pipe', function () {
    if (!hasScript()) {
      console.log('      (skipped: util-linux `script` is not installed, so no pseudo-terminal)');
      this.skip();
    }
    const block = `${seedText(TWO['g-stake.txt'])}\n\n`;
    fs.writeFileSync(h.at('long.md'), block.repeat(Math.ceil(1.3e6 / block.length))); // seconds of work, in its own thread
    try {
      const screen = atTerminal(['extract', 'long.md', '--json']);
      assert.equal(screen.status, 0);
      assert.match(screen.screen, /\r\x1b\[Knewsmark: analysing article 1 of 1… \d+ s/);
      assert.match(screen.screen, /\r\x1b\[K\{"schemaVersion"/, 'the line is cleared before the output');
      const piped = h.run(['extract', 'long.md']);
      assert.equal(piped.stderr, '', 'no progress in a pipe');
    } finally {
      fs.rmSync(h.at('long.md'));
    }
  });

  test('should give --help and -h on every command, `newsmark help <command>`, and --version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const command of ['extract', 'merge', 'export', 'check', 'schema', 'help']) {
      const long = h.run([command, '--help']);
      assert.equal(long.status, 0, command);
      assert.match(long.stdout, new RegExp(`^Usage: newsmark ${command} `), command);
      assert.match(long.stdout, /Exit status: 0 done; 1 some input could not be read or analysed/);
      assert.equal(h.run([command, '-h']).stdout, long.stdout);
      if (command !== 'help') assert.equal(h.run(['help', command]).stdout, long.stdout);
    }
    assert.match(h.run(['extract', '--help']).stdout, /--summary +the readable summary/);
    assert.equal(h.run(['--version']).stdout, `${version}\n`);
    assert.match(h.run(['--help']).stdout, /newsmark extract <files\|folders\|->\.\.\./);
    const unknown = h.run(['help', 'frobnicate']);
    assert.equal(unknown.status, 2);
    assertOneLine(
      unknown,
      /no command 'frobnicate' \(known: extract, merge, export, deals, check, schema, help\)/,
      'help frobnicate',
    );
  });

  test('check should say what it checked in words (before: "0 sources, 0 annotations, 0 orphans, 1 conflict")', () => {
    const run = h.run(['check', 'two']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), 'Checked 2 articles in two: 1 conflict between sources');
    assert.match(lines[0]!, /two\/\.newsmark\/annotations\.json: no annotations file; nothing to check/);
    fs.mkdirSync(h.at('one'));
    fs.writeFileSync(h.at('one', 'a.md'), seedText(TWO['g-stake.txt']));
    assert.equal(
      h.run(['check', 'one']).stdout.trimEnd().split('\n').at(-1),
      'Checked 1 article in one: nothing to compare',
    );
  });
});
