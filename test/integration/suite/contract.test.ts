// The extension's contract: the API's shape, commands, settings and colours as package.json declares them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import pkg from '../../../package.json';
import { ENTITY_TYPES } from '../../../src/core/extract/entities/lexicon';
import { FIGURE_KINDS } from '../../../src/core/extract/figures/figure';
import { Commands, INTERNAL_COMMANDS } from '../../../src/editor/commands';
import { Settings } from '../../../src/editor/config';
import { CLAIM_MARKS, claimColour, entityColour, figureColour } from '../../../src/editor/decorations';
import type { NewsmarkApi } from '../../../src/extension';
import { analysed, newsmarkApi, seedUri } from './helpers';

/** Fails to compile when NewsmarkApi gains or loses a member without this list following. */
const API_MEMBERS: { readonly [K in keyof NewsmarkApi]: true } = {
  version: true,
  analysisOf: true,
  onDidAnalyse: true,
  deals: true,
  corpus: true,
  onDidUpdateCorpus: true,
  activationMs: true,
  firstRun: true,
  index: true,
  store: true,
  dealsTree: true,
  highlights: true,
  commands: true,
  views: true,
  conflictProblems: true,
  platform: true,
};

interface Contributed {
  commands: Array<{ command: string; title: string; category?: string }>;
  menus: { commandPalette: Array<{ command: string; when: string }> };
  configuration: { properties: Record<string, { default: unknown; markdownDescription?: string }> };
  colors: Array<{ id: string; defaults: Record<string, string> }>;
}
const contributes = pkg.contributes as unknown as Contributed;

suite('Extension contract', () => {
  test('should return a NewsmarkApi with exactly the documented members', async () => {
    const api = await newsmarkApi();
    assert.deepEqual(Object.keys(api).sort(), Object.keys(API_MEMBERS).sort());
  });

  test('should analyse an article per uri and announce it with onDidAnalyse', async () => {
    const api = await newsmarkApi();
    const doc = await vscode.workspace.openTextDocument(seedUri('001_45896242951b7f89.txt'));
    const article = await analysed(api, doc);
    assert.equal(article.path, '001_45896242951b7f89.txt');
    assert.equal(
      await api.analysisOf(doc.uri),
      article.analysis,
      'analysisOf shares the cached analysis of the same version',
    );
    assert.ok(article.analysis.figures.length > 0 && article.analysis.entities.length > 0);
  });

  test('should declare every command id of Commands, each under the "Newsmark" category, internal ones hidden', async () => {
    const declared = contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(declared, Object.values(Commands).sort());
    for (const c of contributes.commands) assert.equal(c.category, 'Newsmark', c.command);
    const hidden = contributes.menus.commandPalette
      .filter((m) => m.when === 'false')
      .map((m) => m.command)
      .sort();
    assert.deepEqual(hidden, INTERNAL_COMMANDS.map((n) => Commands[n]).sort());
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(Commands)) assert.ok(registered.has(id), `${id} is registered`);
  });

  test('should document every setting with a markdownDescription and the defaults config.ts uses', () => {
    const properties = contributes.configuration.properties;
    const defaults = Settings.parse({});
    const expected: Record<string, unknown> = {
      'newsmark.enable': defaults.enable,
      'newsmark.include': defaults.include,
      'newsmark.highlight.entityTypes': defaults.highlight.entityTypes,
      'newsmark.highlight.figureKinds': defaults.highlight.figureKinds,
      'newsmark.analysis.debounceMs': defaults.analysis.debounceMs,
      'newsmark.analysis.workers': defaults.analysis.workers,
      'newsmark.analysis.maxFileSizeKB': defaults.analysis.maxFileSizeKB,
      'newsmark.author': defaults.author,
      'newsmark.conflicts.severity': defaults.conflicts.severity,
      'newsmark.conflicts.maxArticles': defaults.conflicts.maxArticles,
    };
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(properties[key]!.default, value, `${key} default`);
      assert.ok(properties[key]!.markdownDescription, `${key} has a markdownDescription`);
      assert.deepEqual(vscode.workspace.getConfiguration().get(key), value, `${key} as VS Code reads it`);
    }
    assert.equal(defaults.include, '**/*.{md,markdown,txt}');
  });

  test('should declare every theme colour it uses, with light, dark and high-contrast defaults', () => {
    const declared = new Map(contributes.colors.map((c) => [c.id, c.defaults]));
    const used = [
      ...ENTITY_TYPES.map(entityColour),
      ...FIGURE_KINDS.map(figureColour),
      ...CLAIM_MARKS.map(claimColour),
    ];
    for (const id of used) {
      const defaults = declared.get(id);
      assert.ok(defaults, `${id} is in contributes.colors`);
      for (const theme of ['light', 'dark', 'highContrast']) assert.ok(defaults[theme], `${id} has a ${theme} default`);
    }
  });

  test('should toggle the highlights with a command', async () => {
    const api = await newsmarkApi();
    assert.equal(api.highlights.isEnabled, true);
    assert.equal(await vscode.commands.executeCommand('newsmark.toggleHighlights'), false);
    assert.equal(api.highlights.isEnabled, false);
    assert.equal(await vscode.commands.executeCommand('newsmark.toggleHighlights'), true);
  });

  test('should leave every file alone when newsmark.enable is off, and come back when it is on', async () => {
    const api = await newsmarkApi();
    const doc = await vscode.workspace.openTextDocument(seedUri());
    await vscode.window.showTextDocument(doc);
    const config = vscode.workspace.getConfiguration('newsmark');
    await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal(await api.analysisOf(doc.uri), undefined, 'no analysis');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        doc.positionAt(doc.getText().indexOf('$38 billion') + 3),
      );
      assert.ok(
        !hovers?.some((h) => h.contents.some((c) => typeof c !== 'string' && /Who says it/.test(c.value))),
        'no provenance hover',
      );
      api.dealsTree.refresh();
      assert.deepEqual(await api.dealsTree.getChildren(), [], 'an empty panel (its welcome view says Newsmark is off)');
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.ok(await api.analysisOf(doc.uri), 'analysed again');
  });
});
