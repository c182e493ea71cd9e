// The first run: the walkthrough opens by itself, and its first step copies the bundled sample
// articles into a folder the user picks (never over anything already there).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newsmarkApi } from './helpers';

suite('Walkthrough and sample articles', () => {
  test('should open the "Get Started with Newsmark" walkthrough on the first run, and from the palette', async () => {
    const api = await newsmarkApi();
    assert.equal(await api.firstRun, true, 'a fresh profile: the walkthrough opened at activation');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    await vscode.commands.executeCommand('newsmark.showWalkthrough');
    for (const until = Date.now() + 20_000; Date.now() < until && labels().length === 0;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(
      labels().some((l) => /Welcome|Walkthrough|Newsmark/.test(l)),
      `a walkthrough tab among ${JSON.stringify(labels())}`,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('should copy the five sample articles into a new folder, never over an existing one', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-samples-'));
    try {
      const first = await vscode.commands.executeCommand<vscode.Uri>(
        'newsmark.openSamples',
        vscode.Uri.file(parent),
        false,
      );
      assert.equal(first?.fsPath, path.join(parent, 'newsmark-samples'));
      const names = fs.readdirSync(first!.fsPath).sort();
      assert.equal(names.length, 5, names.join(', '));
      assert.ok(names.every((n) => n.endsWith('.txt')));
      fs.writeFileSync(path.join(first!.fsPath, names[0]!), 'my own edit');
      const second = await vscode.commands.executeCommand<vscode.Uri>(
        'newsmark.openSamples',
        vscode.Uri.file(parent),
        false,
      );
      assert.equal(second?.fsPath, path.join(parent, 'newsmark-samples-2'), 'a second copy goes beside the first');
      assert.equal(
        fs.readFileSync(path.join(first!.fsPath, names[0]!), 'utf8'),
        'my own edit',
        'the first copy is left alone',
      );
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
