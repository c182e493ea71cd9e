// Runs inside a real VS Code extension host, with the repo as the extension under development
// and a temporary copy of seeds/ as the workspace folder (see test/integration/run.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import pkg from '../../../package.json';
import type { NewsmarkApi } from '../../../src/extension';

const EXT_ID = `${pkg.publisher}.${pkg.name}`; // newsmark.newsmark
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function newsmark(): vscode.Extension<NewsmarkApi> {
  const ext = vscode.extensions.getExtension<NewsmarkApi>(EXT_ID);
  assert.ok(ext, `${EXT_ID} is not loaded as the extension under development`);
  return ext;
}

async function seedUris(): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles('**/*.txt');
  return uris.sort((a, b) => a.path.localeCompare(b.path));
}

suite('Newsmark activation', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the extension newsmark.newsmark is present', () => {
    assert.equal(EXT_ID, 'newsmark.newsmark');
    const ext = newsmark();
    assert.equal(ext.packageJSON.version, pkg.version);
    assert.equal(ext.packageJSON.main, './dist/extension.js');
  });

  test('the workspace is the seeds folder', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder is open');
    const seeds = await seedUris();
    assert.ok(seeds.length >= 1, 'findFiles("**/*.txt") finds the seed articles');
  });

  test('opening a seed shows its text and activates the extension (onLanguage:plaintext)', async () => {
    const [first] = await seedUris();
    assert.ok(first, 'a seed file');
    const doc = await vscode.workspace.openTextDocument(first);
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.toString());
    assert.equal(editor.document.languageId, 'plaintext');
    const onDisk = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(first));
    assert.equal(doc.getText(), onDisk.replace(/^\uFEFF/, ''), 'the document text equals the file on disk');
    assert.ok(doc.lineCount > 1);

    // The activation event, not an explicit activate(): wait for it.
    const ext = newsmark();
    for (let i = 0; i < 100 && !ext.isActive; i++) await sleep(100);
    assert.equal(ext.isActive, true, 'opening a plaintext seed did not activate the extension');
    // isActive is true even when activate() threw: the returned API proves it ran to the end.
    assert.ok(ext.exports, 'activate() returned no API (did it throw?)');
  });

  test('activate() returns the API with version === package.json version', async () => {
    const ext = newsmark();
    const api = await ext.activate();
    assert.equal(ext.isActive, true);
    assert.ok(api && typeof api === 'object', 'activate() returned no API object');
    assert.equal(typeof api.version, 'string');
    assert.equal(api.version, pkg.version);
    assert.strictEqual(ext.exports, api, 'ext.exports is the object activate() returned');
  });

  test('activate() reports how long it ran (the bench reads it)', async () => {
    const api = await newsmark().activate();
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activationMs = ${api.activationMs}`);
  });
});
