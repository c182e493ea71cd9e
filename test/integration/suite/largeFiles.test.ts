// The editor protects itself: articles over newsmark.analysis.maxFileSizeKB are analysed nowhere
// (open or on disk) and the status bar says so; larger-than-1-MB files under the limit are
// analysed in a worker thread, not on the extension host; the index follows files.exclude; the
// export's sha256 is of the file's bytes, the same as `newsmark export` gives. Every large file is
// generated here, at test time, and removed after.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { ClaimsExport } from '../../../src/core/schema';
import { activeSkippedStatus, skippedStatus } from '../../../src/editor/statusBar';
import type { NewsmarkApi } from '../../../src/extension';
import { EXT_ID, exists, newsmarkApi, nextEvent, readText, until, workspaceFolder } from './helpers';

const execFileAsync = promisify(execFile);
const SENTENCE = 'Vexa Robotics hired 40 engineers in Lisbon in March 2025, the company said.\n\n';

function fileIn(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...parts);
}

async function writeBytes(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, bytes);
}

async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true });
}

suite("Large files, excluded and moved-in folders, and the export's sha256", () => {
  let api: NewsmarkApi;
  const created: vscode.Uri[] = [];

  suiteSetup(async () => {
    api = await newsmarkApi();
    await api.corpus.whenIdle();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.reverse()) await remove(uri);
    await api.corpus.whenIdle();
  });

  test('should leave a file over the size limit out of the index, without analysing it on the host', async () => {
    const huge = fileIn('huge-log.txt');
    created.push(huge);
    const limit = api.index.maxFileBytes;
    assert.equal(limit, 2048 * 1024, 'the default limit');
    let analysedOnHost = false;
    const watch = api.onDidAnalyse((a) => {
      if (a.uri.toString() === huge.toString()) analysedOnHost = true;
    });
    try {
      const skipped = nextEvent(
        api.index.onDidChangeSkipped,
        () => api.index.skipped(huge) !== undefined,
        'huge-log.txt listed as skipped',
        60_000,
      );
      await writeBytes(huge, new TextEncoder().encode(SENTENCE.repeat(Math.ceil((limit * 1.25) / SENTENCE.length))));
      await skipped;
      await api.corpus.whenIdle();
      const entry = api.index.skipped(huge)!;
      assert.ok(entry.bytes > limit && entry.limitBytes === limit);
      assert.equal(analysedOnHost, false, 'never analysed on the extension host');
      assert.ok(!api.corpus.corpus.has('huge-log.txt'), 'not in the corpus');
      const status = skippedStatus(api.index.skippedArticles());
      assert.match(status.text, /\$\(circle-slash\) 1 article not analysed/);
      assert.match(status.tooltip, /huge-log\.txt \(2\.5 MB\)/);

      // opened in an editor: still not analysed, and the status bar says why
      const doc = await vscode.workspace.openTextDocument(huge);
      await vscode.window.showTextDocument(doc);
      assert.equal(await api.analysisOf(huge), undefined);
      assert.equal(analysedOnHost, false, 'opening it did not analyse it either');
      assert.match(
        activeSkippedStatus(api.index.skipped(huge)!).tooltip,
        /huge-log\.txt is 2\.5 MB, over the 2\.0 MB limit \(newsmark\.analysis\.maxFileSizeKB\)/,
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      watch.dispose();
    }
    const gone = nextEvent(
      api.index.onDidChangeSkipped,
      () => api.index.skipped(huge) === undefined,
      'huge-log.txt no longer skipped once deleted',
      30_000,
    );
    await remove(huge);
    await gone;
  });

  test('should analyse a file over 1 MB but under the limit in a worker thread, not on the host', async function () {
    this.timeout(180_000);
    const large = fileIn('large-report.md');
    created.push(large);
    let analysedOnHost = false;
    const watch = api.onDidAnalyse((a) => {
      if (a.uri.toString() === large.toString()) analysedOnHost = true;
    });
    try {
      const indexed = nextEvent(
        api.index.onDidIndexFile,
        (f) => f.uri.toString() === large.toString(),
        'large-report.md indexed in a worker',
        170_000,
      );
      await writeBytes(large, new TextEncoder().encode(SENTENCE.repeat(Math.ceil(1.2e6 / SENTENCE.length))));
      const file = await indexed;
      assert.ok(file.text.length > 1_000_000);
      assert.equal(analysedOnHost, false);
      assert.equal(api.index.skipped(large), undefined);
    } finally {
      watch.dispose();
      await remove(large);
    }
  });

  test('should follow files.exclude and skip the folders every Newsmark tool skips', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const drafts = fileIn('private-drafts', 'draft.md');
    const vendored = fileIn('node_modules', 'pkg', 'README.md');
    const kept = fileIn('kept', 'note.md');
    created.push(fileIn('private-drafts'), fileIn('node_modules'), fileIn('kept'));
    for (const uri of [drafts, vendored, kept]) await writeBytes(uri, new TextEncoder().encode(SENTENCE));
    const listed = async () => (await api.index.articles()).map((u) => vscode.workspace.asRelativePath(u, false));
    await until(
      api.index.onDidChangeArticles,
      async () => (await listed()).includes('kept/note.md'),
      'kept/note.md listed',
    );
    assert.ok(!(await listed()).includes('node_modules/pkg/README.md'), 'node_modules is never searched');
    assert.ok((await listed()).includes('private-drafts/draft.md'), 'not excluded yet');
    try {
      await files.update('exclude', { '**/private-drafts': true }, vscode.ConfigurationTarget.Workspace);
      await until(
        api.index.onDidChangeArticles,
        async () => !(await listed()).includes('private-drafts/draft.md'),
        'files.exclude applied',
      );
      assert.ok((await listed()).includes('kept/note.md'));
      // a file created in the excluded folder later stays out too
      await writeBytes(fileIn('private-drafts', 'second.md'), new TextEncoder().encode(SENTENCE));
      await writeBytes(fileIn('kept', 'second.md'), new TextEncoder().encode(SENTENCE));
      await until(
        api.index.onDidChangeArticles,
        async () => (await listed()).includes('kept/second.md'),
        'kept/second.md listed',
      );
      assert.ok(!(await listed()).includes('private-drafts/second.md'));
    } finally {
      // the index starts over when files.exclude changes: the next test begins after that
      const reset = nextEvent(api.index.onDidReset, () => true, 'the index reset after files.exclude was restored');
      await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await reset;
      await api.corpus.whenIdle();
    }
  });

  test('should give a source the sha256 of its bytes on disk — a BOM and invalid UTF-8 included — as newsmark export does', async function () {
    this.timeout(120_000);
    const article = fileIn('sha-check.md');
    created.push(article);
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Vexa Robotics raised $40 million from Sequoia in March 2025. Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' owners said so.\n'),
    ]);
    await writeBytes(article, bytes);
    const onDisk = createHash('sha256').update(bytes).digest('hex');
    await until(
      api.index.onDidChangeArticles,
      async () => (await api.index.articles()).some((u) => u.toString() === article.toString()),
      'sha-check.md listed',
    );
    const text = (await api.index.getUri(article))!.text;
    await vscode.commands.executeCommand('newsmark.tagClaim', article, text.indexOf('$40 million'), 'verified');
    await api.store.flush();
    const target = vscode.Uri.file(path.join(os.tmpdir(), `newsmark-sha-${Date.now()}.json`));
    try {
      await vscode.commands.executeCommand('newsmark.exportClaims', target);
      const editorExport = ClaimsExport.parse(JSON.parse(await readText(target)));
      const fromEditor = editorExport.claims.find((c) => c.source.path === 'sha-check.md');
      assert.ok(fromEditor, 'the tagged claim is exported');
      assert.equal(fromEditor.source.sha256, onDisk, 'the sha256 of the bytes on disk, not of the decoded text');

      const cli = path.join(vscode.extensions.getExtension(EXT_ID)!.extensionPath, 'bin', 'newsmark.js');
      // asynchronously: a synchronous spawn would block the extension host for the CLI's run
      const run = await execFileAsync(process.execPath, [cli, 'export', workspaceFolder().uri.fsPath], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      });
      const cliExport = ClaimsExport.parse(JSON.parse(run.stdout));
      assert.equal(
        cliExport.claims.find((c) => c.source.path === 'sha-check.md')?.source.sha256,
        onDisk,
        `newsmark export agrees (${run.stderr})`,
      );

      // with unsaved changes: the sha256 of the file as it will be once saved
      const doc = await vscode.workspace.openTextDocument(article);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(article, new vscode.Position(0, 0), 'Draft. ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.commands.executeCommand('newsmark.exportClaims', target);
      const unsaved = ClaimsExport.parse(JSON.parse(await readText(target))).claims.find(
        (c) => c.source.path === 'sha-check.md',
      );
      const onceSaved = createHash('sha256')
        .update(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc.getText(), 'utf8')]))
        .digest('hex');
      assert.equal(unsaved?.source.sha256, onceSaved);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('newsmark.removeTag', article, text.indexOf('$40 million'), 'verified'); // leaves the annotations as they were
      await api.store.flush();
    } finally {
      if (await exists(target)) await vscode.workspace.fs.delete(target);
    }
  });

  test('should index the articles of a folder moved into the workspace from outside VS Code, and drop them when it goes', async () => {
    // the file watcher reports a folder moved in as the folder alone, never its files
    const workspace = workspaceFolder().uri.fsPath;
    const outside = fs.mkdtempSync(path.join(path.dirname(workspace), 'newsmark-moved-in-'));
    const inside = path.join(workspace, 'moved-in');
    const paths = ['moved-in/first.md', 'moved-in/deeper/second.txt'];
    fs.mkdirSync(path.join(outside, 'deeper'));
    fs.writeFileSync(path.join(outside, 'first.md'), 'Helio Grid agreed to acquire Tarn Robotics for $410 million.\n');
    fs.writeFileSync(path.join(outside, 'deeper', 'second.txt'), 'Tarn Robotics raised $30 million in 2024.\n');
    try {
      fs.renameSync(outside, inside);
      await until(
        api.onDidUpdateCorpus,
        () => paths.every((p) => api.corpus.corpus.has(p)),
        'the moved-in articles in the corpus',
      );
      fs.rmSync(inside, { recursive: true });
      await until(
        api.onDidUpdateCorpus,
        () => paths.every((p) => !api.corpus.corpus.has(p)),
        'the articles out with their folder',
      );
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
      fs.rmSync(inside, { recursive: true, force: true });
      await api.corpus.whenIdle();
    }
  });
});
