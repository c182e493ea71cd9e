// Durability: the researcher's annotations survive everything a workspace goes through, in a real
// VS Code. Each scenario counts what it created and, at the end, what is anchored on the right
// text, orphaned (kept, shown), lost (gone from annotations.json) or wrong (anchored on other
// text); the table is printed after the suite and any loss or wrong anchor fails its test.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Claim } from '../../../src/core/analysis';
import { describe as describeRange } from '../../../src/core/anchor/index';
import { parseAnnotationFile, type Annotation, type AnnotationChange } from '../../../src/core/annotations/index';
import type { NewsmarkApi } from '../../../src/extension';
import type { DealNode } from '../../../src/editor/dealsTree';
import { nodePlatform } from '../../../src/editor/nodePlatform';
import { AnnotationStore } from '../../../src/editor/store';
import {
  EXT_ID,
  analysed,
  annotationFileUri,
  newsmarkApi,
  nextEvent,
  readText,
  until,
  workspaceFolder,
} from './helpers';
import { seededRandom } from '../../unit/seededRandom';

interface Row {
  scenario: string;
  created: number;
  anchored: number;
  orphaned: number;
  lost: number;
  wrong: number;
}

const rows: Row[] = [];
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

function folderPath(...parts: string[]): string {
  return path.join(workspaceFolder().uri.fsPath, ...parts);
}

async function onDisk(api: NewsmarkApi): Promise<Annotation[]> {
  await api.store.flush();
  const parsed = parseAnnotationFile(await readText(annotationFileUri()));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  return [...parsed.file.annotations];
}

/** A copy of a seed under durability/, opened and analysed; its claims with text. */
async function article(
  api: NewsmarkApi,
  name: string,
  seed = '000_2619ed4e9be0e23f.txt',
): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; claims: Claim[] }> {
  const file = folderPath('durability', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(folderPath(seed), file);
  const uri = vscode.Uri.file(file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const { analysis, text } = await analysed(api, doc);
  // each claim with the file's own characters (a claim's `text` has the markup taken out)
  return { uri, doc, claims: analysis.claims.map((c) => ({ ...c, text: text.slice(c.start, c.end) })) };
}

/** Distinct claims: no two with the same text (a tag on one copy could be read on the other). */
function distinctClaims(claims: readonly Claim[], count: number): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => c.text.length > 20 && !seen.has(c.text) && seen.add(c.text)).slice(0, count);
}

async function tag(uri: vscode.Uri, offset: number, value: string): Promise<Annotation> {
  const annotation = await vscode.commands.executeCommand<Annotation>('newsmark.tagClaim', uri, offset, value);
  assert.ok(annotation, `tagged at ${offset}`);
  return annotation;
}

/** Counts, for the annotations `expected` (id → the text each must stand on, or null: it may be orphaned), what happened to them. */
function count(
  scenario: string,
  annotations: readonly Annotation[],
  expected: ReadonlyMap<string, { text: string; truth?: readonly [number, number]; tags: readonly string[] }>,
  textOf: (source: string) => string | undefined,
): Row {
  const row: Row = { scenario, created: expected.size, anchored: 0, orphaned: 0, lost: 0, wrong: 0 };
  const byId = new Map(annotations.map((a) => [a.id, a]));
  for (const [id, want] of expected) {
    const found = byId.get(id);
    if (!found || want.tags.some((t) => !found.tags.includes(t))) {
      row.lost++;
      continue;
    }
    if (found.orphan) {
      row.orphaned++;
      continue;
    }
    const text = textOf(found.source);
    const { start, end } = found.anchor.position;
    const isRight =
      text !== undefined &&
      (want.truth
        ? start < want.truth[1] && want.truth[0] < end // an edited claim: on the text it became
        : text.slice(start, end) === want.text);
    if (isRight) row.anchored++;
    else {
      row.wrong++;
      console.log(
        `    wrong: ${scenario}: ${id} wants ${JSON.stringify(want.text.slice(0, 60))}${want.truth ? ` near ${want.truth}` : ''}, stands on ${JSON.stringify(text?.slice(start, end).slice(0, 60))} at ${start}`,
      );
    }
  }
  rows.push(row);
  return row;
}

function assertSafe(row: Row): void {
  assert.equal(row.lost, 0, `${row.scenario}: ${row.lost} of ${row.created} lost`);
  assert.equal(row.wrong, 0, `${row.scenario}: ${row.wrong} of ${row.created} anchored on the wrong text`);
}

/** What a second store (another session) logs: problems go to the test output. */
const log = {
  info() {},
  debug() {},
  trace() {},
  show() {},
  warn: (m: string) => console.log(`    [second store] ${m}`),
  error: (m: string) => console.log(`    [second store] ${m}`),
} as unknown as ConstructorParameters<typeof AnnotationStore>[2];
const config = { settings: { author: 'test' } } as unknown as ConstructorParameters<typeof AnnotationStore>[1];
/** The events a scenario waits for come from file watchers: slow on a loaded machine. */
const WATCH_MS = 60_000;

const random = seededRandom;

suite('Durability: no annotation is ever lost or moved onto other text', function () {
  this.timeout(180_000);
  let api: NewsmarkApi;

  suiteSetup(async () => {
    api = await newsmarkApi();
    await api.store.ready();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const header = ['scenario', 'created', 'anchored', 'orphaned', 'lost', 'wrong'];
    const width = Math.max(...rows.map((r) => r.scenario.length), 8);
    console.log(
      `\n  durability\n  ${header[0]!.padEnd(width)}  ${header
        .slice(1)
        .map((h) => h.padStart(10))
        .join('')}`,
    );
    for (const r of rows)
      console.log(
        `  ${r.scenario.padEnd(width)}  ${[r.created, r.anchored, r.orphaned, r.lost, r.wrong].map((n) => String(n).padStart(10)).join('')}`,
      );
  });

  test('should keep 20 tagged claims through 200 random edits (unsaved), each on its own text or orphaned', async () => {
    const { uri, doc, claims } = await article(api, 'random-edits.txt');
    const chosen = distinctClaims(claims, 20);
    assert.equal(chosen.length, 20, 'the seed has 20 distinct claims');
    const truth = new Map<string, { range: [number, number]; text: string; isTouched: boolean }>();
    for (const claim of chosen) {
      const annotation = await tag(uri, claim.start, 'verified');
      truth.set(annotation.id, { range: [claim.start, claim.end], text: claim.text, isTouched: false });
    }
    const next = random(42);
    const alphabet = 'abc XYZ 0123 $. ,\n-';
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 10; i++) {
        const text = doc.getText();
        const at = Math.floor(next() * text.length);
        const remove = next() < 0.5 ? Math.floor(next() * 12) : 0;
        const insert = Array.from(
          { length: Math.floor(next() * 12) },
          () => alphabet[Math.floor(next() * alphabet.length)],
        ).join('');
        const end = Math.min(text.length, at + remove);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(end)), insert);
        assert.ok(await vscode.workspace.applyEdit(edit));
        const delta = insert.length - (end - at);
        for (const t of truth.values()) {
          const [s, e] = t.range;
          if (end <= s && !(at === s && insert.length > 0 && end === s)) t.range = [s + delta, e + delta];
          else if (at >= e) continue;
          else {
            t.isTouched = true; // the edit reached into the claim: it must follow it or be orphaned
            t.range = [Math.min(s, at), Math.max(at + insert.length, e + delta)];
          }
        }
      }
      await analysed(api, doc);
    }
    const annotations = await onDisk(api);
    const text = doc.getText();
    const touched = [...truth.values()].filter((t) => t.isTouched).length;
    const row = count(
      `200 random edits, 20 tags (${touched} claims edited inside)`,
      annotations,
      new Map(
        [...truth].map(([id, t]) => [
          id,
          { text: t.text, tags: ['verified'], ...(t.isTouched ? { truth: t.range } : {}) },
        ]),
      ),
      () => text,
    );
    // untouched claims were found by their exact text, and a touched one never stands on an untouched neighbour
    for (const [id, t] of truth) {
      const a = annotations.find((x) => x.id === id);
      if (!t.isTouched) assert.equal(a?.orphan, undefined, `${id}: "${t.text.slice(0, 40)}…" untouched, anchored`);
    }
    assertSafe(row);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('should keep every tag fired at once: 20 on one claim, 2 on a tagged claim, 2 on an untagged one (one annotation each)', async () => {
    const { uri, claims } = await article(api, 'concurrent.txt');
    const [one, two, three] = distinctClaims(claims, 3) as [Claim, Claim, Claim];
    const many = await Promise.all(Array.from({ length: 20 }, (_, i) => tag(uri, one.start, `t${i}`)));
    await tag(uri, two.start, 'verified');
    await Promise.all([tag(uri, two.start, 'disputed'), tag(uri, two.start, 'needs-source')]);
    await Promise.all([tag(uri, three.start, 'verified'), tag(uri, three.start, 'disputed')]);
    const annotations = (await onDisk(api)).filter((a) => a.source === 'durability/concurrent.txt');
    assert.equal(
      annotations.length,
      3,
      `one annotation per claim: ${annotations.map((a) => `${a.id}:${a.tags}`).join(' ')}`,
    );
    const onOne = annotations.find((a) => a.anchor.quote.exact === one.text)!;
    assert.equal(onOne.tags.length, 20);
    assert.deepEqual(new Set(many.map((a) => a.id)).size, 1, 'every call answered with the same annotation');
    assert.deepEqual(annotations.find((a) => a.anchor.quote.exact === two.text)?.tags, [
      'verified',
      'disputed',
      'needs-source',
    ]);
    assert.deepEqual(annotations.find((a) => a.anchor.quote.exact === three.text)?.tags, ['verified', 'disputed']);
    const expected = new Map(annotations.map((a) => [a.id, { text: a.anchor.quote.exact, tags: a.tags }]));
    assertSafe(
      count('24 tags fired at once on 3 claims', annotations, expected, () => fs.readFileSync(uri.fsPath, 'utf8')),
    );
  });

  test('should orphan a tagged list item deleted while a similar item remains, and follow one moved elsewhere; the stored quote is never rewritten', async () => {
    const { uri, doc, claims } = await article(api, 'list-items.txt', '001_45896242951b7f89.txt');
    const text = doc.getText();
    const items = claims.filter((c) => text.slice(c.start - 2, c.start) === '- ' && /\$[0-9]/.test(c.text));
    assert.ok(items.length >= 3, `the seed has list items with figures: ${items.map((c) => c.text).join(' | ')}`);
    const [deleted, moved] = items as [Claim, Claim];
    const onDeleted = await tag(uri, deleted.start, 'verified');
    const onMoved = await tag(uri, moved.start, 'disputed');
    await api.store.flush();
    // delete the first item's line, and move the second to the end of the article
    const lineOf = (c: Claim) => doc.lineAt(doc.positionAt(c.start).line);
    const movedLine = lineOf(moved).text;
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, lineOf(deleted).rangeIncludingLineBreak);
    edit.delete(uri, lineOf(moved).rangeIncludingLineBreak);
    edit.insert(uri, doc.positionAt(text.length), `\n${movedLine}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await analysed(api, doc);
    const annotations = await onDisk(api);
    const after = annotations.find((a) => a.id === onDeleted.id)!;
    assert.ok(
      after.orphan,
      `the deleted item's annotation is an orphan, not on a neighbour (it stands on ${JSON.stringify(doc.getText().slice(after.anchor.position.start, after.anchor.position.end))})`,
    );
    assert.equal(after.anchor.quote.exact, deleted.text, 'its quote is the text it was made on');
    const followed = annotations.find((a) => a.id === onMoved.id)!;
    assert.equal(followed.orphan, undefined);
    assert.equal(
      doc.getText().slice(followed.anchor.position.start, followed.anchor.position.end),
      moved.text,
      'the moved item is followed',
    );
    const row = count(
      'a list item deleted, another moved',
      annotations,
      new Map([
        [onDeleted.id, { text: deleted.text, tags: ['verified'] }],
        [onMoved.id, { text: moved.text, tags: ['disputed'] }],
      ]),
      () => doc.getText(),
    );
    assertSafe(row);
    assert.equal(row.orphaned, 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('should merge with a second writer process tagging the same claims at the same time', async () => {
    const { uri, claims } = await article(api, 'two-writers.txt');
    const chosen = distinctClaims(claims, 30);
    assert.equal(chosen.length, 30, 'the seed has 30 distinct claims');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const theirs: AnnotationChange[] = chosen.map((c, i) => ({
      type: 'tag',
      tag: 'process',
      time: new Date().toISOString(),
      target: {
        id: `ann-process-${i}`,
        source: 'durability/two-writers.txt',
        anchor: describeRange(text, c.start, c.end),
      },
    }));
    const changesFile = path.join(os.tmpdir(), `newsmark-changes-${process.pid}.json`);
    fs.writeFileSync(changesFile, JSON.stringify(theirs));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(REPO, 'test', 'integration', 'processes', 'secondWriter.ts'),
        annotationFileUri().fsPath,
        changesFile,
      ],
      {
        cwd: REPO,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    for (const claim of chosen) await tag(uri, claim.start, 'editor'); // meanwhile, in this window
    assert.equal(await exited, 0, `the second writer: ${stderr}`);
    fs.rmSync(changesFile, { force: true });
    await api.store.flush();
    // the window sees the other writer's tags too once it has read the file
    await until(
      api.store.onDidChange,
      () =>
        api.store
          .fileOf(workspaceFolder())
          .annotations.filter((a) => a.source === 'durability/two-writers.txt' && a.tags.includes('process')).length ===
        30,
      "the window to read the other writer's tags",
      WATCH_MS,
    );
    const annotations = (await onDisk(api)).filter((a) => a.source === 'durability/two-writers.txt');
    assert.equal(annotations.length, 30, 'one annotation per claim, not one per writer');
    for (const a of annotations)
      assert.deepEqual([...a.tags].sort(), ['editor', 'process'], `${a.id}: both writers' tags`);
    const expected = new Map(
      annotations.map((a) => [a.id, { text: a.anchor.quote.exact, tags: ['editor', 'process'] }]),
    );
    assertSafe(count('a second writer process, 30 + 30 tags', annotations, expected, () => text));
  });

  test('should write back every annotation when .newsmark/ is deleted (git clean) or replaced by an older copy, and say so', async () => {
    const { uri, claims } = await article(api, 'folder-deleted.txt');
    for (const claim of distinctClaims(claims, 5)) await tag(uri, claim.start, 'verified');
    const before = (await onDisk(api)).filter((a) => a.source === 'durability/folder-deleted.txt');
    const older = await readText(annotationFileUri());
    fs.rmSync(folderPath('.newsmark'), { recursive: true, force: true });
    const written = nextEvent(api.store.onDidWrite, () => true, 'the store to write the annotations back');
    const [late] = distinctClaims(claims, 6).slice(5);
    const added = await tag(uri, late!.start, 'disputed'); // one tag after the deletion
    await written;
    let after = await onDisk(api);
    const expected = new Map([...before, added].map((a) => [a.id, { text: a.anchor.quote.exact, tags: a.tags }]));
    const row1 = count('.newsmark/ deleted, then one tag', after, expected, (source) =>
      fs.readFileSync(folderPath(source), 'utf8'),
    );
    assertSafe(row1);
    // an older copy put back (a branch switch): what it lacks comes back, what it has stays
    fs.writeFileSync(annotationFileUri().fsPath, older);
    await until(
      api.store.onDidWrite,
      async () => (await readText(annotationFileUri())).includes(added.id),
      'the store to write back what the older copy lacks',
      WATCH_MS,
    );
    after = await onDisk(api);
    assertSafe(
      count('replaced by an older copy', after, expected, (source) => fs.readFileSync(folderPath(source), 'utf8')),
    );
  });

  test('should follow articles renamed and moved inside and outside VS Code, files and folders', async () => {
    const files = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((n) => `moves/${n}`);
    const tagged = new Map<string, { text: string; tags: string[] }>();
    for (const name of files) {
      const { uri, claims, doc } = await article(api, name);
      const [claim] = distinctClaims(claims, 1);
      const annotation = await tag(uri, claim!.start, 'verified');
      tagged.set(annotation.id, { text: claim!.text, tags: ['verified'] });
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await api.store.flush();
    const sourcesOf = () =>
      api.store
        .fileOf(workspaceFolder())
        .annotations.filter((a) => tagged.has(a.id))
        .map((a) => a.source)
        .sort();
    // inside VS Code: a file, then a folder
    const renameIn = new vscode.WorkspaceEdit();
    renameIn.renameFile(
      vscode.Uri.file(folderPath('durability', 'moves', 'a.txt')),
      vscode.Uri.file(folderPath('durability', 'moves', 'a-renamed.txt')),
    );
    assert.ok(await vscode.workspace.applyEdit(renameIn));
    // outside VS Code: `mv` of a file, then of the folder holding the others
    fs.renameSync(folderPath('durability', 'moves', 'b.txt'), folderPath('durability', 'b-moved.txt'));
    await until(
      api.store.onDidChange,
      () => sourcesOf().includes('durability/b-moved.txt'),
      'the annotation to follow b.txt moved outside VS Code',
      WATCH_MS,
    );
    fs.renameSync(folderPath('durability', 'moves'), folderPath('durability', 'moved-folder'));
    await until(
      api.store.onDidChange,
      () => sourcesOf().every((s) => !s.startsWith('durability/moves/')),
      'the annotations to follow the folder renamed outside VS Code',
      WATCH_MS,
    );
    assert.deepEqual(sourcesOf(), [
      'durability/b-moved.txt',
      'durability/moved-folder/a-renamed.txt',
      'durability/moved-folder/c.txt',
      'durability/moved-folder/d.txt',
    ]);
    const annotations = await onDisk(api);
    for (const a of annotations.filter((x) => tagged.has(x.id))) {
      const text = fs.readFileSync(folderPath(a.source), 'utf8');
      await until(
        api.store.onDidChange,
        () => !api.store.fileOf(workspaceFolder()).annotations.find((x) => x.id === a.id)?.orphan,
        `${a.source} anchored`,
        WATCH_MS,
      );
      assert.ok(text.includes(a.anchor.quote.exact));
    }
    assertSafe(
      count('renamed / moved in and outside VS Code', await onDisk(api), tagged, (source) =>
        fs.existsSync(folderPath(source)) ? fs.readFileSync(folderPath(source), 'utf8') : undefined,
      ),
    );
  });

  test('should list the annotations of a deleted article as detached — in the panel and Problems, as newsmark check does — and anchor them when it is back', async () => {
    const { uri, claims } = await article(api, 'deleted.txt');
    const annotation = await tag(uri, distinctClaims(claims, 1)[0]!.start, 'verified');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await api.store.flush();
    const saved = fs.readFileSync(uri.fsPath);
    fs.rmSync(uri.fsPath);
    await until(
      api.store.onDidChange,
      () => api.store.orphans().some((o) => o.annotation.id === annotation.id),
      'the annotation to be detached',
      WATCH_MS,
    );
    const orphan = api.store.orphans().find((o) => o.annotation.id === annotation.id)!;
    assert.equal(orphan.annotation.orphan?.reason, 'the source file was not found', 'the words newsmark check prints');
    assert.ok(orphan.entry, 'shown on its entry in annotations.json');
    const roots = await api.dealsTree.getChildren();
    const node = roots.find((n): n is Extract<DealNode, { type: 'orphans' }> => n.type === 'orphans');
    assert.ok(
      node?.orphans.some((o) => o.annotation.id === annotation.id),
      'listed in the panel',
    );
    await until(
      vscode.languages.onDidChangeDiagnostics,
      () => vscode.languages.getDiagnostics(annotationFileUri()).some((d) => d.message.includes('deleted.txt')),
      'a problem on the annotations file',
      WATCH_MS,
    );
    fs.writeFileSync(uri.fsPath, saved); // back (a checkout)
    await until(
      api.store.onDidChange,
      () => !api.store.fileOf(workspaceFolder()).annotations.find((a) => a.id === annotation.id)?.orphan,
      'the annotation to anchor again',
      WATCH_MS,
    );
    const row = count(
      'article deleted, then back',
      await onDisk(api),
      new Map([[annotation.id, { text: annotation.anchor.quote.exact, tags: ['verified'] }]]),
      (s) => fs.readFileSync(folderPath(s), 'utf8'),
    );
    assertSafe(row);
  });

  test('should show a failed write, keep the change pending and write it once the file is writable again', async () => {
    const { uri, claims } = await article(api, 'unwritable.txt');
    const [first, second] = distinctClaims(claims, 2) as [Claim, Claim];
    const kept = await tag(uri, first.start, 'verified');
    await api.store.flush();
    const file = annotationFileUri().fsPath;
    const before = fs.readFileSync(file, 'utf8');
    fs.chmodSync(file, 0o444);
    try {
      const failed = nextEvent(api.store.onDidChangeSaveState, (s) => s.failure !== undefined, 'the write to fail');
      const late = await tag(uri, second.start, 'disputed');
      const state = await failed;
      assert.match(state.failure!, /read-only/);
      assert.ok(state.unsaved >= 1, 'the change is kept as unsaved');
      assert.equal(fs.readFileSync(file, 'utf8'), before, 'the read-only file is left alone');
      assert.equal(fs.statSync(file).mode & 0o777, 0o444, 'and its mode too');
      assert.ok(
        api.store.fileOf(workspaceFolder()).annotations.some((a) => a.id === late.id),
        'the tag is shown meanwhile',
      );
      const stillFailing = await vscode.commands.executeCommand<{ unsaved: number; failure?: string }>(
        'newsmark.saveAnnotations',
      );
      assert.ok(stillFailing?.failure && stillFailing.unsaved >= 1, '"Save Annotations Now" says it still cannot');
      fs.chmodSync(file, 0o644);
      const saved = await vscode.commands.executeCommand<{ unsaved: number; failure?: string }>(
        'newsmark.saveAnnotations',
      );
      assert.deepEqual(
        saved,
        { unsaved: 0, failure: undefined },
        '"Save Annotations Now" writes them once the file is writable',
      );
      const row = count(
        'annotations.json read-only, then writable',
        await onDisk(api),
        new Map([kept, late].map((a) => [a.id, { text: a.anchor.quote.exact, tags: a.tags }])),
        () => fs.readFileSync(uri.fsPath, 'utf8'),
      );
      assertSafe(row);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });

  test('should write a tag made just before the window closes (deactivate), and one made just before a store is disposed', async () => {
    const { uri, claims } = await article(api, 'closing.txt');
    const [first, second] = distinctClaims(claims, 2) as [Claim, Claim];
    const extension = vscode.extensions.getExtension(EXT_ID)!;
    const module = require(path.join(extension.extensionPath, 'dist', 'extension.js')) as {
      deactivate(): Promise<void>;
    };
    const made = await tag(uri, first.start, 'verified');
    await module.deactivate(); // what VS Code awaits when the window closes
    assert.ok(fs.readFileSync(annotationFileUri().fsPath, 'utf8').includes(made.id), 'on disk when deactivate returns');
    // a store disposed right after a tag (its timer never fires): the journal brings the tag back
    const storage = api.store
      .journalLocation(workspaceFolder())!
      .with({ path: path.posix.join(api.store.journalLocation(workspaceFolder())!.path, '..', '..') });
    const short = new AnnotationStore(api.index, config, log, nodePlatform(), storage);
    await short.ready();
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const lost = await short.tag(
      uri,
      { id: short.newId(), source: 'durability/closing.txt', anchor: describeRange(text, second.start, second.end) },
      'disputed',
    );
    short.dispose();
    const next = new AnnotationStore(api.index, config, log, nodePlatform(), storage);
    try {
      await next.ready();
      assert.ok(
        next.fileOf(workspaceFolder()).annotations.some((a) => a.id === lost!.id),
        'the next session has it (file or journal)',
      );
      await next.flush();
      const row = count(
        'closed right after a tag',
        await onDisk(api),
        new Map([made, lost!].map((a) => [a.id, { text: a.anchor.quote.exact, tags: a.tags }])),
        () => text,
      );
      assertSafe(row);
    } finally {
      next.dispose();
    }
  });

  test('should recover from a crash between the temp file and the rename: old file intact, the change from the journal', async () => {
    const { uri, claims } = await article(api, 'crash.txt');
    const [claim] = distinctClaims(claims, 1) as [Claim];
    await api.store.flush();
    const file = annotationFileUri().fsPath;
    const before = fs.readFileSync(file, 'utf8');
    const parsedBefore = parseAnnotationFile(before);
    assert.ok(parsedBefore.ok);
    const beforeCount = parsedBefore.file.annotations.length;
    // what a session killed mid-write leaves: a half temp file beside the intact file, and its journal
    const temp = path.join(path.dirname(file), '.annotations.json.0123456789ab.tmp');
    fs.writeFileSync(temp, before.slice(0, 100));
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(temp, old, old);
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const change: AnnotationChange = {
      type: 'tag',
      tag: 'verified',
      time: new Date().toISOString(),
      target: {
        id: 'ann-crashed-session',
        source: 'durability/crash.txt',
        anchor: describeRange(text, claim.start, claim.end),
      },
    };
    const journalDir = api.store.journalLocation(workspaceFolder())!.fsPath;
    fs.mkdirSync(journalDir, { recursive: true });
    fs.writeFileSync(
      path.join(journalDir, 'crashed-session.jsonl'),
      `${JSON.stringify({ folder: workspaceFolder().uri.toString(), seq: 1, change })}\n{"folder": "cut sh`,
    );
    const storage = vscode.Uri.file(path.join(journalDir, '..', '..'));
    const next = new AnnotationStore(api.index, config, log, nodePlatform(), storage);
    try {
      await next.ready();
      await next.flush();
      const after = parseAnnotationFile(fs.readFileSync(file, 'utf8'));
      assert.ok(after.ok);
      assert.equal(
        after.file.annotations.length,
        beforeCount + 1,
        'every annotation there before, and the journaled tag',
      );
      assert.ok(!fs.existsSync(temp), 'the half temp file is removed');
      assert.ok(
        !fs.existsSync(path.join(journalDir, 'crashed-session.jsonl')),
        'the replayed journal is removed once written',
      );
      const row = count(
        'crash between temp file and rename',
        [...after.file.annotations],
        new Map([['ann-crashed-session', { text: claim.text, tags: ['verified'] }]]),
        () => text,
      );
      assertSafe(row);
    } finally {
      next.dispose();
    }
  });

  test('should never let a reader find annotations.json missing or half-written during 40 writes', async () => {
    const { uri, claims } = await article(api, 'watched.txt');
    const file = annotationFileUri().fsPath;
    let reads = 0;
    let missing = 0;
    let broken = 0;
    let isWatching = true;
    const watcher = (async () => {
      while (isWatching) {
        reads++;
        try {
          if (!parseAnnotationFile(fs.readFileSync(file, 'utf8')).ok) broken++;
        } catch {
          missing++;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const made: Annotation[] = [];
    const forty = distinctClaims(claims, 40);
    assert.equal(forty.length, 40);
    for (const [i, claim] of forty.entries()) {
      made.push(await tag(uri, claim.start, `w${i}`));
      await api.store.flush();
    }
    isWatching = false;
    await watcher;
    assert.ok(reads > 40, `the reader looked ${reads} times`);
    assert.equal(missing, 0, 'never missing');
    assert.equal(broken, 0, 'never half-written');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assertSafe(
      count(
        '40 writes watched from outside',
        await onDisk(api),
        new Map(made.map((a) => [a.id, { text: a.anchor.quote.exact, tags: a.tags }])),
        () => text,
      ),
    );
  });
});
