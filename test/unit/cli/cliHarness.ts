/**
 * The CLI as shipped (bin/newsmark.js loading ../dist/cli.js), built into a temporary folder with
 * the test-only fault hook switched on (NEWSMARK_FAULTS; the shipped bundle has it off), and run
 * in a temporary workspace. Run as root, the CLI runs as the user `nobody`, so that permissions
 * (an unreadable folder, a read-only one) mean what they mean for everyone else.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEEDS = path.join(ROOT, 'seeds');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly input?: string | Buffer;
  /** A file to give as standard input. */
  readonly stdinFile?: string;
}

/** Who the CLI runs as: `nobody` when the tests run as root and may switch users. */
export function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const probe = spawnSync(process.execPath, ['-e', ''], { uid: 65534, gid: 65534 });
  return probe.error ? undefined : { uid: 65534, gid: 65534 };
}

/** Whether file permissions apply to the CLI (false only for root that cannot switch users). */
export function permissionsApply(): boolean {
  return process.getuid?.() !== 0 || runAsUser() !== undefined;
}

export class CliHarness {
  private cliRoot = '';
  /** The workspace the commands run in (every folder readable by the CLI's user). */
  workspace = '';
  private readonly user = runAsUser();

  async build(): Promise<void> {
    this.cliRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-hostile-bin-'));
    fs.mkdirSync(path.join(this.cliRoot, 'bin'));
    fs.copyFileSync(path.join(ROOT, 'bin', 'newsmark.js'), path.join(this.cliRoot, 'bin', 'newsmark.js'));
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
      outfile: path.join(this.cliRoot, 'dist', 'cli.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
      define: { VERSION: JSON.stringify(version), NEWSMARK_FAULTS: 'true' },
    });
    this.workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-hostile-'));
    for (const dir of [this.cliRoot, path.join(this.cliRoot, 'bin'), path.join(this.cliRoot, 'dist'), this.workspace])
      fs.chmodSync(dir, 0o755);
  }

  dispose(): void {
    for (const dir of [this.cliRoot, this.workspace]) {
      if (!dir) continue;
      makeRemovable(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /** A path in the workspace. */
  at(...parts: string[]): string {
    return path.join(this.workspace, ...parts);
  }

  /** The arguments to `node` that run the CLI with `args`. */
  cliArgs(args: readonly string[]): string[] {
    return [path.join(this.cliRoot, 'bin', 'newsmark.js'), ...args];
  }

  run(args: readonly string[], options: RunOptions = {}): CliRun {
    const stdin = options.stdinFile ? fs.openSync(options.stdinFile, 'r') : undefined;
    try {
      const result = spawnSync(process.execPath, [path.join(this.cliRoot, 'bin', 'newsmark.js'), ...args], {
        cwd: options.cwd ?? this.workspace,
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 256 << 20,
        timeout: 120_000,
        env: { ...process.env, NEWSMARK_DEBUG: '', ...options.env },
        stdio: [stdin ?? 'pipe', 'pipe', 'pipe'],
        ...this.user,
      });
      assert.equal(
        result.error,
        undefined,
        `newsmark ${args.join(' ')} did not finish: ${result.error?.message} (hung on its input?)`,
      );
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    } finally {
      if (stdin !== undefined) fs.closeSync(stdin);
    }
  }

  /** Started without waiting (to interrupt it, or to close its output early). */
  start(args: readonly string[], options: RunOptions = {}): ReturnType<typeof spawn> {
    return spawn(process.execPath, [path.join(this.cliRoot, 'bin', 'newsmark.js'), ...args], {
      cwd: options.cwd ?? this.workspace,
      env: { ...process.env, NEWSMARK_DEBUG: '', ...options.env },
      ...this.user,
    });
  }
}

/** Folders the tests locked (mode 000) are opened again so that they can be removed. */
function makeRemovable(dir: string): void {
  const visit = (p: string) => {
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(p);
    } catch {
      return;
    }
    if (!stats.isDirectory()) return;
    fs.chmodSync(p, 0o755);
    for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
}

/** Exactly one line on stderr, matching `pattern`, and no stack trace. */
export function assertOneLine(run: CliRun, pattern: RegExp, what: string): void {
  assert.doesNotMatch(run.stderr, /\n\s+at /, `${what}: a stack trace on stderr`);
  const lines = run.stderr.split('\n').filter((l) => l.length > 0);
  assert.equal(lines.length, 1, `${what}: one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0]!, pattern, what);
  assert.match(lines[0]!, /^newsmark: /, what);
}

/** Makes a named pipe (mkfifo): the one kind of file Node cannot create by itself. */
export function makeFifo(filePath: string): void {
  const made = spawnSync('mkfifo', [filePath]);
  assert.equal(made.status, 0, `mkfifo ${filePath}: ${made.stderr}`);
}

/** The readable part of a seed, for fixtures (the seeds are the project's own sample articles). */
export function seedText(name: string): string {
  return fs.readFileSync(path.join(SEEDS, name), 'utf8');
}
