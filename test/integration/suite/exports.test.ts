// "Export Tagged Claims…" in its three formats, and the same bytes from `newsmark export`:
// JSON claims, W3C Web Annotation JSON-LD, CSV for a spreadsheet.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ClaimsExport, WebAnnotationExport } from '../../../src/core/schema';
import { newsmarkApi, openSeed, positionOf, workspaceFolder } from './helpers';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const SEED = '002_71c83b9243e01aa3.txt';

/** The CLI on this workspace, as a user runs it. */
function cliExport(format: string): string {
  const result = spawnSync(
    process.execPath,
    [path.join(REPO, 'bin', 'newsmark.js'), 'export', workspaceFolder().uri.fsPath, '--format', format],
    {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    },
  );
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** The one line that differs between two runs: the time of the export. */
const withoutTime = (text: string) => text.replace(/"(generatedAt|generated)": "[^"]+"/g, '"$1": "…"');

suite('Exports in three formats, the same from the editor and the CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-exports-'));

  suiteSetup(async () => {
    const api = await newsmarkApi();
    const { doc } = await openSeed(api, SEED);
    for (const [needle, tag] of [
      ['$300 billion', 'verified'],
      ['4.5', 'disputed'],
    ] as const) {
      await vscode.commands.executeCommand('newsmark.tagClaim', doc.uri, doc.offsetAt(positionOf(doc, needle)), tag);
    }
    await api.store.flush();
  });

  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('should write JSON claims valid against their schema, as the CLI does', async () => {
    const target = vscode.Uri.file(path.join(dir, 'claims.json'));
    const result = await vscode.commands.executeCommand<{ format: string; claimCount: number }>(
      'newsmark.exportClaims',
      target,
      'claims',
    );
    assert.equal(result?.format, 'claims');
    const text = fs.readFileSync(target.fsPath, 'utf8');
    assert.ok(ClaimsExport.safeParse(JSON.parse(text)).success);
    assert.equal(withoutTime(text), withoutTime(cliExport('claims')));
  });

  test('should write W3C Web Annotation JSON-LD with file: IRIs, as the CLI does', async () => {
    const target = vscode.Uri.file(path.join(dir, 'annotations.jsonld'));
    await vscode.commands.executeCommand('newsmark.exportClaims', target); // the format from the extension
    const text = fs.readFileSync(target.fsPath, 'utf8');
    const parsed = WebAnnotationExport.parse(JSON.parse(text));
    assert.ok(parsed.first.items.length >= 1 && parsed.total === parsed.first.items.length);
    assert.ok(parsed.first.items.every((a) => a.target.source.startsWith('file:///')));
    assert.equal(withoutTime(text), withoutTime(cliExport('w3c')));
  });

  test('should write CSV with a header row and UTF-8 BOM, byte for byte what the CLI writes', async () => {
    const target = vscode.Uri.file(path.join(dir, 'claims.csv'));
    await vscode.commands.executeCommand('newsmark.exportClaims', target, 'csv');
    const text = fs.readFileSync(target.fsPath, 'utf8');
    assert.ok(text.startsWith('\ufeffsource,source_sha256,claim_id'));
    assert.ok(text.includes('$300 billion'));
    assert.equal(text, cliExport('csv'));
  });
});
