// The workspace lexicon, .newsmark/lexicon.json, from the lightbulb: a fix made in one article
// changes the entities (and their highlights) of every open article, the file stays sorted and
// valid, and an invalid file is reported and never overwritten.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WorkspaceLexicon } from '../../../src/core/schema';
import { INVALID_LEXICON_CODE } from '../../../src/editor/lexiconSource';
import type { NewsmarkApi } from '../../../src/extension';
import {
  analysed,
  codeActionsAt,
  exists,
  newsmarkApi,
  positionOf,
  readText,
  runAction,
  seedUri,
  until,
  workspaceFolder,
  writeText,
} from './helpers';

const WORD = 'GPUs';

function lexiconUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, '.newsmark', 'lexicon.json');
}

/** The texts an editor underlines as entities of a type, as last drawn. */
function underlined(api: NewsmarkApi, doc: vscode.TextDocument, type: 'product' | 'org'): string[] {
  return (api.highlights.entityHighlights(doc.uri)?.get(type) ?? []).map((r) => doc.getText(r));
}

suite('Workspace lexicon', () => {
  let api: NewsmarkApi;
  let here: vscode.TextDocument;
  let there: vscode.TextDocument;

  suiteSetup(async () => {
    api = await newsmarkApi();
    assert.equal(await exists(lexiconUri()), false, 'the workspace starts without a lexicon');
    here = await vscode.workspace.openTextDocument(seedUri('000_2619ed4e9be0e23f.txt'));
    there = await vscode.workspace.openTextDocument(seedUri('004_cab57fbbdb23375a.txt'));
    await vscode.window.showTextDocument(there, vscode.ViewColumn.Two);
    await vscode.window.showTextDocument(here, vscode.ViewColumn.One);
    await analysed(api, here);
    await analysed(api, there);
  });

  suiteTeardown(async () => {
    if (await exists(lexiconUri())) {
      await vscode.workspace.fs.delete(lexiconUri());
      await until(
        vscode.languages.onDidChangeDiagnostics,
        () => vscode.languages.getDiagnostics(lexiconUri()).length === 0,
        'the lexicon gone',
      );
    }
    await api.corpus.whenIdle();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('should offer, on a capitalised word, to add it as each entity type, as an alias, or as not an entity', async () => {
    assert.ok(
      !(await analysed(api, there)).analysis.entities.some((e) => e.mentions.some((m) => m.text === WORD)),
      `"${WORD}" is not an entity yet`,
    );
    const titles = (await codeActionsAt(here, positionOf(here, WORD))).map((a) => a.title);
    for (const type of ['organisation', 'person', 'product', 'place', 'initiative', 'event']) {
      assert.ok(titles.includes(`Add '${WORD}' as ${type}`), `"Add '${WORD}' as ${type}" in ${JSON.stringify(titles)}`);
    }
    assert.ok(titles.includes(`Add '${WORD}' as an alias of …`));
    assert.ok(titles.includes(`'${WORD}' is not an entity`));
    assert.ok(
      !(await codeActionsAt(here, positionOf(here, '$38 billion'))).some((a) => a.title.startsWith("Add '")),
      'not on a figure',
    );
  });

  test('should add a word as a product from one article and underline it in another open article', async () => {
    const action = (await codeActionsAt(here, positionOf(here, WORD))).find(
      (a) => a.title === `Add '${WORD}' as product`,
    );
    await runAction(action);
    await until(
      api.highlights.onDidRender,
      () => underlined(api, there, 'product').includes(WORD),
      `"${WORD}" underlined as a product in the other editor`,
    );
    const file = WorkspaceLexicon.parse(JSON.parse(await readText(lexiconUri())));
    assert.deepEqual(file, { version: 1, entities: [{ name: WORD, type: 'product' }], notEntities: [] });
  });

  test('should make a word another name of an entity, written sorted and stable', async () => {
    await vscode.commands.executeCommand('newsmark.addLexiconAlias', WORD, 'Nvidia', here.uri);
    await until(
      api.highlights.onDidRender,
      () => !underlined(api, there, 'product').includes(WORD) && underlined(api, there, 'org').includes(WORD),
      `"${WORD}" underlined as Nvidia, an organisation`,
    );
    const entity = api.index.latest(there.uri)!.analysis.entities.find((e) => e.mentions.some((m) => m.text === WORD));
    assert.equal(entity?.name, 'Nvidia');
    const text = await readText(lexiconUri());
    const file = WorkspaceLexicon.parse(JSON.parse(text));
    assert.deepEqual(
      file.entities.map((e) => e.name),
      ['Nvidia'],
      `"${WORD}" is no longer an entity of its own`,
    );
    assert.ok(file.entities[0]!.aliases!.includes(WORD));
    assert.deepEqual(
      file.entities[0]!.aliases,
      [...file.entities[0]!.aliases!].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
      'aliases sorted',
    );
    assert.ok(text.endsWith('}\n') && text.includes('\n  "entities": ['), 'pretty-printed, one trailing newline');
  });

  test('should mark a word as not an entity in every article', async () => {
    const action = (await codeActionsAt(here, positionOf(here, WORD))).find(
      (a) => a.title === `'${WORD}' is not an entity`,
    );
    await runAction(action);
    await until(
      api.highlights.onDidRender,
      () => !underlined(api, there, 'org').includes(WORD) && !underlined(api, there, 'product').includes(WORD),
      `"${WORD}" no longer underlined`,
    );
    const file = WorkspaceLexicon.parse(JSON.parse(await readText(lexiconUri())));
    assert.deepEqual(file.notEntities, [WORD]);
    assert.ok(!file.entities.some((e) => e.aliases?.includes(WORD)));
  });

  test('should report an invalid lexicon in Problems and never overwrite it', async () => {
    const invalid = '{ "version": 1, "entities": [{ "name": "Acme" }] }\n';
    await writeText(lexiconUri(), invalid);
    await until(
      vscode.languages.onDidChangeDiagnostics,
      () => vscode.languages.getDiagnostics(lexiconUri()).some((d) => d.code === INVALID_LEXICON_CODE),
      'the invalid lexicon in Problems',
    );
    const result = await vscode.commands.executeCommand('newsmark.addToLexicon', 'Acme', 'org', here.uri);
    assert.equal(result, undefined, 'refused (the error is shown to the user)');
    assert.equal(await readText(lexiconUri()), invalid, 'left untouched');
  });
});
