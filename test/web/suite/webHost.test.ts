// What only the browser build does, checked in the web worker extension host it runs in there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe as describeRange } from '../../../src/core/anchor/index';
import type { AnnotationChange } from '../../../src/core/annotations/index';
import { webPlatform } from '../../../src/editor/webPlatform';
import { AnnotationStore } from '../../../src/editor/store';
import type { NewsmarkApi } from '../../../src/extension';
import { analysed, newsmarkApi, readText, seedUri, workspaceFolder, writeText } from '../../integration/suite/helpers';

const log = {
  info() {},
  debug() {},
  trace() {},
  show() {},
  warn: (m: string) => console.log(`    [second store] ${m}`),
  error: (m: string) => console.log(`    [second store] ${m}`),
} as unknown as ConstructorParameters<typeof AnnotationStore>[2];
const config = { settings: { author: '' } } as unknown as ConstructorParameters<typeof AnnotationStore>[1];

suite('The browser build in a web worker extension host (vscode.dev, github.dev)', () => {
  let api: NewsmarkApi;
  suiteSetup(async () => {
    api = await newsmarkApi();
    await api.store.ready();
  });

  test('should run the browser build in a web worker: no Node, no worker threads', () => {
    assert.deepEqual(api.platform, { kind: 'web', host: 'a web worker extension host' });
    assert.equal(
      typeof (globalThis as { importScripts?: unknown }).importScripts,
      'function',
      'these tests run in a web worker too',
    );
    assert.equal(api.index.workerCount, 0);
    assert.equal(api.index.canIndexInWorker(seedUri()), false, 'a closed article is analysed on the host');
    assert.notEqual(
      workspaceFolder().uri.scheme,
      'file',
      `the workspace is reached through vscode.workspace.fs (${workspaceFolder().uri.scheme}:)`,
    );
  });

  test('should record corrections by "unknown" when newsmark.author is empty: a browser has no user name', () => {
    assert.equal(vscode.workspace.getConfiguration('newsmark').get('author'), '');
    assert.equal(api.store.author(), 'unknown');
  });

  test("should keep the change journal in the extension's storage through vscode.workspace.fs, and replay what a closed tab left", async () => {
    const journal = api.store.journalLocation(workspaceFolder());
    assert.ok(journal, 'the store has a journal');
    assert.notEqual(journal.scheme, 'file');
    const doc = await vscode.workspace.openTextDocument(seedUri('002_71c83b9243e01aa3.txt'));
    const { analysis, text } = await analysed(api, doc);
    const claim = analysis.claims.find((c) => c.figureIds.length > 0)!;
    // what a tab closed before its write leaves: a journal line, and no annotation in the file
    const id = 'ann-closed-browser-tab';
    const change: AnnotationChange = {
      type: 'tag',
      tag: 'needs-source',
      time: new Date().toISOString(),
      target: { id, source: '002_71c83b9243e01aa3.txt', anchor: describeRange(text, claim.start, claim.end) },
    };
    await writeText(
      vscode.Uri.joinPath(journal, 'closed-tab.jsonl'),
      `${JSON.stringify({ folder: workspaceFolder().uri.toString(), seq: 1, change })}\n`,
    );
    const storage = vscode.Uri.joinPath(journal, '..', '..');
    const next = new AnnotationStore(api.index, config, log, webPlatform(), storage);
    try {
      await next.ready();
      await next.flush();
      const onDisk = JSON.parse(await readText(next.fileUri(workspaceFolder()))) as {
        annotations: Array<{ id: string; tags: string[] }>;
      };
      assert.deepEqual(
        onDisk.annotations.find((a) => a.id === id)?.tags,
        ['needs-source'],
        'the journaled tag is in annotations.json',
      );
      const left = (await vscode.workspace.fs.readDirectory(journal)).map(([name]) => name);
      assert.ok(
        !left.includes('closed-tab.jsonl'),
        `the replayed journal is removed once written (left: ${left.join(', ')})`,
      );
    } finally {
      next.dispose();
    }
  });
});
