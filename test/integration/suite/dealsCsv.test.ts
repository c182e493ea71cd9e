// "Copy Deals as CSV" on the deals panel writes the text `newsmark deals --format csv` writes for
// the folder (desktop only: it runs the CLI). Named to run before the durability suite, which
// moves files outside VS Code.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newsmarkApi, workspaceFolder } from './helpers';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

suite('Deals as CSV, the same from the panel and the CLI', () => {
  test('should copy the deals panel as CSV byte for byte what newsmark deals --format csv writes for the folder', async () => {
    const api = await newsmarkApi();
    // the corpus as the disk has it now: earlier suites create and delete articles, and the
    // watcher's events may still be on their way (a user's "Re-index Workspace")
    await api.corpus.reindex();
    await api.corpus.whenIdle();
    api.dealsTree.refresh();
    const csv = await vscode.commands.executeCommand<string>('newsmark.copyDealsAsCsv');
    const cli = spawnSync(process.execPath, [path.join(REPO, 'bin', 'newsmark.js'), 'deals', '.', '--format', 'csv'], {
      cwd: workspaceFolder().uri.fsPath,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.equal(cli.status, 0, cli.stderr);
    assert.ok(cli.stdout.split('\r\n').length > 5, cli.stdout.slice(0, 200));
    assert.equal(csv, cli.stdout);
  });
});
