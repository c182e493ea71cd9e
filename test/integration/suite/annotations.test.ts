// Tagging and correcting claims with the lightbulb, the annotation file, re-anchoring after
// edits (unsaved), orphans, the export, and a corrupt annotations file — as a user does it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseAnnotationFile } from '../../../src/core/annotations/file';
import type { Annotation } from '../../../src/core/annotations/model';
import { ClaimsExport } from '../../../src/core/schema';
import type { NewsmarkApi } from '../../../src/extension';
import type { DealNode } from '../../../src/editor/dealsTree';
import {
  analysed,
  annotationFileUri,
  codeActionsAt,
  exists,
  hoverText,
  newsmarkApi,
  openSeed,
  positionOf,
  readText,
  runAction,
  unescape,
  until,
  workspaceFolder,
  writeText,
} from './helpers';

const CLAIM =
  'On **November 3, 2025**, **OpenAI** and **Amazon Web Services (AWS)** unveiled a **multi-year strategic partnership** valued at **$38 billion**.';
const STAKE = 'Microsoft’s equity stake dropped to **27%**.';

async function annotationsOnDisk(api: NewsmarkApi): Promise<Annotation[]> {
  await api.store.flush();
  const parsed = parseAnnotationFile(await readText(annotationFileUri()));
  assert.ok(parsed.ok, `annotations.json is valid: ${parsed.ok ? '' : parsed.message}`);
  return [...parsed.file.annotations];
}

async function applyEdit(edit: (e: vscode.WorkspaceEdit) => void): Promise<void> {
  const workspaceEdit = new vscode.WorkspaceEdit();
  edit(workspaceEdit);
  assert.ok(await vscode.workspace.applyEdit(workspaceEdit), 'the edit applies');
}

async function hoverOn(doc: vscode.TextDocument, needle: string): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    positionOf(doc, needle),
  );
  return unescape(hoverText(hovers ?? []));
}

suite('Tag and correct claims', () => {
  let api: NewsmarkApi;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    api = await newsmarkApi();
    await api.store.ready();
    assert.equal(await exists(annotationFileUri()), false, 'the workspace starts without annotations');
    ({ doc } = await openSeed(api));
  });

  suiteTeardown(async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('should offer the tag and correct quick fixes on a figure, an entity and a claim', async () => {
    const titles = (await codeActionsAt(doc, positionOf(doc, '$38 billion'))).map((a) => a.title);
    for (const title of [
      'Tag claim as verified',
      'Tag claim as disputed',
      'Tag claim as needs source',
      'Tag claim…',
      'Correct claim…',
    ]) {
      assert.ok(titles.includes(title), `"${title}" in ${JSON.stringify(titles)}`);
    }
    assert.ok(!titles.some((t) => t.startsWith('Remove tag')), 'nothing to remove yet');
    const onEntity = (await codeActionsAt(doc, positionOf(doc, 'Satya Nadella'))).map((a) => a.title);
    assert.ok(onEntity.includes('Tag claim as verified'), 'an entity in a claim offers the claim actions');
    const outside = (await codeActionsAt(doc, positionOf(doc, 'Under this deal'))).map((a) => a.title);
    assert.ok(!outside.includes('Tag claim as verified'), 'a sentence without figures or deals is not a claim');
  });

  test('should tag a claim as verified: annotations.json holds the quote and position, the hover shows the tag', async () => {
    const actions = await codeActionsAt(doc, positionOf(doc, '$38 billion'));
    await runAction(actions.find((a) => a.title === 'Tag claim as verified'));
    const [annotation, ...rest] = await annotationsOnDisk(api);
    assert.equal(rest.length, 0);
    assert.ok(annotation);
    const start = doc.getText().indexOf(CLAIM);
    assert.equal(annotation.source, '000_2619ed4e9be0e23f.txt');
    assert.deepEqual(annotation.tags, ['verified']);
    assert.deepEqual(annotation.anchor.position, { start, end: start + CLAIM.length });
    assert.equal(annotation.anchor.quote.exact, CLAIM);
    assert.equal(annotation.orphan, undefined);
    assert.match(await hoverOn(doc, '$38 billion'), /Tags:\*\* verified/);
    const titles = (await codeActionsAt(doc, positionOf(doc, '$38 billion'))).map((a) => a.title);
    assert.ok(titles.includes('Remove tag "verified"'));
    assert.ok(!titles.includes('Tag claim as verified'), 'no second "verified"');
  });

  test('should add a custom tag through "Tag claim…" and remove it through "Remove tag"', async () => {
    const tagAny = (await codeActionsAt(doc, positionOf(doc, '$38 billion'))).find((a) => a.title === 'Tag claim…');
    await runAction(tagAny, 'Check with analyst');
    assert.deepEqual((await annotationsOnDisk(api))[0]?.tags, ['verified', 'check-with-analyst']);
    assert.ok(api.store.recentTags().includes('check-with-analyst'), 'offered as a recent tag next time');
    const removeIt = (await codeActionsAt(doc, positionOf(doc, '$38 billion'))).find(
      (a) => a.title === 'Remove tag "check-with-analyst"',
    );
    await runAction(removeIt);
    assert.deepEqual((await annotationsOnDisk(api))[0]?.tags, ['verified']);
  });

  test('should record a correction with original, correction, note, author and time, and show it in the hover', async () => {
    const correct = (await codeActionsAt(doc, positionOf(doc, '$38 billion'))).find(
      (a) => a.title === 'Correct claim…',
    );
    const corrected = CLAIM.replace('$38 billion', '$38 billion over seven years');
    const before = Date.now();
    await runAction(correct, { corrected, note: 'Amazon press release: seven-year term', isApplied: false });
    const [annotation] = await annotationsOnDisk(api);
    const [correction, ...others] = annotation?.corrections ?? [];
    assert.equal(others.length, 0);
    assert.ok(correction);
    assert.equal(correction.original, CLAIM);
    assert.equal(correction.corrected, corrected);
    assert.equal(correction.note, 'Amazon press release: seven-year term');
    assert.ok(correction.author.length > 0, 'an author');
    assert.ok(Date.parse(correction.time) >= before - 1000, 'the time it was made');
    assert.equal(correction.isApplied, false);
    assert.ok(doc.getText().includes(CLAIM), 'a recorded correction leaves the article alone');
    const hover = await hoverOn(doc, '$38 billion');
    assert.match(hover, /Corrections:/);
    assert.ok(hover.includes('over seven years'), 'the corrected text');
    assert.ok(hover.includes('Amazon press release: seven-year term'), 'the note');
  });

  test('should move the annotation with its claim when text is inserted above it (unsaved)', async () => {
    const inserted = 'An editor’s note inserted at the top.\n';
    const oldStart = doc.getText().indexOf(CLAIM);
    await applyEdit((e) => e.insert(doc.uri, new vscode.Position(0, 0), inserted));
    assert.equal(doc.isDirty, true);
    await analysed(api, doc);
    const [annotation] = await annotationsOnDisk(api);
    assert.deepEqual(annotation?.anchor.position, {
      start: oldStart + inserted.length,
      end: oldStart + inserted.length + CLAIM.length,
    });
    const [live] = api.store.anchoredIn(doc.uri);
    assert.deepEqual(live?.span, annotation?.anchor.position, 'the store holds the new place');
    assert.match(
      await hoverOn(doc, '$38 billion'),
      /Tags:\*\* verified/,
      'the hover at the new place still shows the tag',
    );
  });

  test('should apply a correction to the article when asked, and keep the annotation on the corrected text', async () => {
    const correct = (await codeActionsAt(doc, positionOf(doc, '27%'))).find((a) => a.title === 'Correct claim…');
    const corrected = 'Microsoft’s equity stake dropped to **about 27%**.';
    const annotation = (await runAction(correct, {
      corrected,
      note: 'as-converted basis',
      isApplied: true,
    })) as Annotation;
    assert.ok(doc.getText().includes(corrected), 'the article now reads the correction');
    assert.ok(!doc.getText().includes(STAKE));
    await analysed(api, doc);
    const stored = (await annotationsOnDisk(api)).find((a) => a.id === annotation.id);
    assert.ok(stored, 'the correction is stored');
    assert.equal(stored.anchor.quote.exact, corrected);
    assert.equal(stored.orphan, undefined);
    assert.equal(stored.corrections[0]?.isApplied, true);
    assert.equal(stored.corrections[0]?.original, STAKE);
  });

  test('should keep an annotation whose sentence is deleted as an orphan: in the file, in the panel, in Problems', async () => {
    const start = doc.getText().indexOf(CLAIM);
    await applyEdit((e) =>
      e.delete(doc.uri, new vscode.Range(doc.positionAt(start), doc.positionAt(start + CLAIM.length))),
    );
    await analysed(api, doc);
    const annotations = await annotationsOnDisk(api);
    const orphan = annotations.find((a) => a.anchor.quote.exact === CLAIM);
    assert.ok(orphan, 'still in annotations.json');
    assert.ok(orphan.orphan?.reason, `marked orphan with a reason: ${JSON.stringify(orphan.orphan)}`);
    assert.deepEqual(orphan.tags, ['verified'], 'its tags are kept');
    assert.equal(orphan.corrections.length, 1, 'its correction is kept');

    const problems = vscode.languages.getDiagnostics(doc.uri);
    const warning = problems.find((d) => typeof d.code === 'object' && d.code.value === 'newsmark.orphan');
    assert.ok(warning, `an orphan warning in ${JSON.stringify(problems.map((d) => d.message))}`);
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(warning.message, /Orphaned annotation \(tags: verified\)/);

    const roots = await api.dealsTree.getChildren();
    const orphansNode = roots.find((n): n is Extract<DealNode, { type: 'orphans' }> => n.type === 'orphans');
    assert.ok(orphansNode, 'the panel lists orphans');
    assert.ok(orphansNode.orphans.some((o) => o.annotation.id === orphan.id));

    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      warning.range,
    );
    assert.ok(
      fixes?.some((f) => f.title === 'Remove the orphaned annotation'),
      `a quick fix on the warning ${JSON.stringify(warning.range)}: ${JSON.stringify(fixes?.map((f) => f.title))}`,
    );
  });

  test('should anchor the orphan again when its sentence comes back', async () => {
    const at = doc.getText().indexOf('\nUnder this deal');
    await applyEdit((e) => e.insert(doc.uri, doc.positionAt(at), CLAIM));
    await analysed(api, doc);
    const back = (await annotationsOnDisk(api)).find((a) => a.anchor.quote.exact === CLAIM);
    assert.ok(back);
    assert.equal(back.orphan, undefined, 'no longer an orphan');
    assert.ok(
      !vscode.languages
        .getDiagnostics(doc.uri)
        .some((d) => typeof d.code === 'object' && d.code.value === 'newsmark.orphan'),
      'the warning is gone',
    );
  });

  test('should export the tagged claims as JSON valid against the published schema', async () => {
    const target = vscode.Uri.joinPath(workspaceFolder().uri, '..', `newsmark-export-${Date.now()}.json`); // beside the workspace, in the run's temp folder
    try {
      await vscode.commands.executeCommand('newsmark.exportClaims', target);
      const json: unknown = JSON.parse(await readText(target));
      const checked = ClaimsExport.safeParse(json);
      assert.ok(checked.success, checked.success ? '' : checked.error.message);
      const output = checked.data;
      assert.match(output.$schema, /claims\.v1\.json$/);
      const tagged = output.claims.find((c) => c.tags.includes('verified'));
      assert.ok(tagged, 'the verified claim is exported');
      assert.equal(tagged.source.path, '000_2619ed4e9be0e23f.txt');
      assert.match(tagged.source.sha256, /^[0-9a-f]{64}$/);
      assert.ok(
        tagged.figures.some((f) => f.kind === 'money' && f.value === 38e9 && f.unit === 'USD'),
        'with its normalised figure',
      );
      assert.ok(tagged.entities.some((e) => e.name === 'OpenAI'));
      assert.equal(tagged.corrections.length, 1);
      assert.ok(
        output.claims.some((c) => c.corrections.some((k) => k.isApplied)),
        'the applied correction too',
      );
    } finally {
      if (await exists(target)) await vscode.workspace.fs.delete(target);
    }
  });

  test('should report a corrupt annotations.json and never overwrite it, then work again once it is fixed', async () => {
    await api.store.flush();
    const good = await readText(annotationFileUri());
    const corrupt = good.replace('"annotations": [', '"annotations": [ oops,');
    await writeText(annotationFileUri(), corrupt);
    // (the watcher may first see the file truncated, mid-write: wait for what was written)
    await until(
      api.store.onDidChange,
      () => /not valid JSON/.test(api.store.problems()[0]?.message ?? ''),
      'the store to report the corrupt file',
    );
    const fileProblems = vscode.languages.getDiagnostics(annotationFileUri());
    assert.ok(
      fileProblems.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'an error on the file in Problems',
    );

    // a user action is refused, and re-anchoring after an edit writes nothing
    const result = await vscode.commands.executeCommand(
      'newsmark.tagClaim',
      doc.uri,
      doc.getText().indexOf('$38 billion'),
      'disputed',
    );
    assert.equal(result, undefined, 'the tag was refused');
    await applyEdit((e) => e.insert(doc.uri, new vscode.Position(0, 0), 'More text.\n'));
    await analysed(api, doc);
    await api.store.flush();
    assert.equal(await readText(annotationFileUri()), corrupt, 'the corrupt file is left exactly as it was');

    await writeText(annotationFileUri(), good);
    await until(api.store.onDidChange, () => api.store.problems().length === 0, 'the store to accept the fixed file');
    const tagged = await vscode.commands.executeCommand<Annotation>(
      'newsmark.tagClaim',
      doc.uri,
      doc.getText().indexOf('$38 billion'),
      'disputed',
    );
    assert.deepEqual(tagged?.tags, ['verified', 'disputed']);
    const onDisk = await annotationsOnDisk(api);
    assert.deepEqual(onDisk.find((a) => a.id === tagged?.id)?.tags, ['verified', 'disputed']);
    assert.ok(!vscode.languages.getDiagnostics(annotationFileUri()).length, 'the error is gone');
  });
});
