#!/usr/bin/env node
// npm start: seeds/ opened in VS Code with Newsmark loaded from this repository.
// With a desktop `code` on the PATH: `code --extensionDevelopmentPath=<repo> seeds`.
// Otherwise (offline machines): the real VS Code workbench from code-server, installed by
// test/integration/harness/setup.sh, at a printed http://127.0.0.1 URL. Ctrl+C stops it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.join(repo, process.argv[2] ?? 'seeds');

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const hasCode =
  process.env.NEWSMARK_START_HOST !== 'code-server' &&
  spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  spawn('code', [`--extensionDevelopmentPath=${repo}`, workspace], { stdio: 'inherit', detached: true }).unref();
  console.log(`Opened ${workspace} in VS Code with Newsmark from ${repo}.`);
} else {
  const setup = spawnSync('bash', [path.join(repo, 'test', 'integration', 'harness', 'setup.sh')], {
    stdio: 'inherit',
  });
  if (setup.status !== 0) {
    console.error('npm start: could not install the local VS Code (code-server); see the lines above.');
    process.exit(1);
  }
  const { startCodeServer, workbenchUrl } = await import('../test/integration/harness/ui.mjs');
  const port = Number(process.env.NEWSMARK_PORT) || undefined;
  const server = await startCodeServer({ workspace, port, log: (line) => console.log(line) });
  const url = workbenchUrl({ port: server.port, workspace, extension: repo });
  console.log(
    `\nNewsmark is running in VS Code (code-server) for ${workspace}:\n\n  ${url}\n\nOpen the URL in a browser on this machine. Ctrl+C stops it.`,
  );
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
