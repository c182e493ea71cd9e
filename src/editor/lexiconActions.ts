/**
 * The workspace lexicon from the editor: quick fixes on an entity or a capitalised word —
 * "Add 'X' as organisation / person / product / place / initiative / event", "Add 'X' as an
 * alias of …" (a quick pick of entities), "'X' is not an entity" — and the same commands in the
 * palette, on the selection or the word at the cursor. The lexicon is workspace-wide, so one fix
 * covers every occurrence in every article: the file is written, every article is analysed
 * again, and the highlights of every open editor follow.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import type { Entity } from '../core/extract/entities/index';
import { ENTITY_TYPES, type EntityType, type LexiconEntry } from '../core/extract/entities/entityTypes';
import type { WorkspaceLexicon } from '../core/schema';
import { ARTICLE_LANGUAGES } from './articles';
import { Commands } from './commands';
import { shorten } from './format';
import { entityAt, figureAt } from './hover';
import { withAlias, withEntity, withNotEntity } from './lexiconEdits';
import type { LexiconSource } from './lexiconSource';
import type { WorkspaceIndex } from './workspaceIndex';

export const LEXICON_KIND = vscode.CodeActionKind.QuickFix.append('newsmark').append('lexicon');

export const TYPE_WORDS: Readonly<Record<EntityType, string>> = {
  org: 'organisation',
  person: 'person',
  product: 'product',
  place: 'place',
  initiative: 'initiative',
  event: 'event',
};

const MAX_NAME_LENGTH = 80;

export interface LexiconTarget {
  /** The name as written: the entity mention, the selection, or the word. */
  readonly text: string;
  readonly entity: Entity | undefined;
}

/** What a lexicon fix at `range` is about: a one-line selection, an entity mention, or a capitalised word (never a figure). */
export function lexiconTargetAt(
  doc: vscode.TextDocument,
  range: vscode.Range,
  analysis: Analysis,
): LexiconTarget | undefined {
  if (!range.isEmpty) {
    if (!range.isSingleLine) return undefined;
    const text = doc.getText(range).trim();
    const entity = analysis.entities.find((e) => e.name === text || e.mentions.some((m) => m.text === text));
    return isName(text) ? { text, entity } : undefined;
  }
  const offset = doc.offsetAt(range.start);
  if (figureAt(analysis, offset)) return undefined;
  const found = entityAt(analysis, offset);
  if (found) return { text: found.mention.text, entity: found.entity };
  const wordRange = doc.getWordRangeAtPosition(range.start);
  const word = wordRange && withoutPossessive(doc.getText(wordRange));
  return word && isName(word) ? { text: word, entity: undefined } : undefined;
}

/** Starts with a capital letter; not a lone letter; short enough to be a name. */
function isName(text: string): boolean {
  const first = text.charAt(0);
  return text.length >= 2 && text.length <= MAX_NAME_LENGTH && first !== first.toLowerCase();
}

function withoutPossessive(word: string): string {
  return word.endsWith('’s') || word.endsWith("'s") ? word.slice(0, -2) : word;
}

export function registerLexiconActions(index: WorkspaceIndex): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    ARTICLE_LANGUAGES,
    {
      async provideCodeActions(doc, range, context, token) {
        if (context.only && !LEXICON_KIND.intersects(context.only)) return [];
        const article = await index.getArticle(doc, token);
        if (!article || token.isCancellationRequested) return [];
        const target = lexiconTargetAt(doc, range, article.analysis);
        if (!target) return [];
        const name = shorten(target.text, 40);
        const actions: vscode.CodeAction[] = [];
        const add = (title: string, command: string, args: unknown[]) => {
          const action = new vscode.CodeAction(title, LEXICON_KIND);
          action.command = { title, command, arguments: args };
          actions.push(action);
        };
        for (const type of ENTITY_TYPES) {
          if (target.entity?.name === target.text && target.entity.type === type) continue; // already that
          add(`Add '${name}' as ${TYPE_WORDS[type]}`, Commands.addToLexicon, [target.text, type, doc.uri]);
        }
        add(`Add '${name}' as an alias of …`, Commands.addLexiconAlias, [target.text, undefined, doc.uri]);
        add(`'${name}' is not an entity`, Commands.markNotEntity, [target.text, doc.uri]);
        return actions;
      },
    },
    { providedCodeActionKinds: [LEXICON_KIND] },
  );
}

/** The handlers of the lexicon commands; each takes its answers as arguments and asks only for what is missing. */
export function lexiconCommandHandlers(index: WorkspaceIndex, lexicons: LexiconSource) {
  const folderOf = (uri: vscode.Uri | undefined) => (uri && vscode.workspace.getWorkspaceFolder(uri)) || undefined;
  const announce = (message: string) =>
    vscode.window.setStatusBarMessage(`$(book) Newsmark: ${message}; every article is analysed again`, 4000);

  /** The name to act on: given, else the selection or the word at the cursor of the active article. */
  const nameOf = async (
    text: unknown,
    uri: unknown,
  ): Promise<{ text: string; uri: vscode.Uri | undefined } | undefined> => {
    const given = uri instanceof vscode.Uri ? uri : undefined;
    if (typeof text === 'string') {
      if (!text.trim()) throw new Error('an empty name cannot go in the lexicon');
      return { text: text.trim(), uri: given };
    }
    const editor = vscode.window.activeTextEditor;
    const article = editor && (await index.getArticle(editor.document));
    const target = editor && article && lexiconTargetAt(editor.document, editor.selection, article.analysis);
    if (!target) {
      void vscode.window.showInformationMessage(
        'Newsmark: put the cursor on an entity or a capitalised word of an article, or select a name.',
      );
      return undefined;
    }
    return { text: target.text, uri: editor.document.uri };
  };

  /** An entity by name: the lexicon's entry, else one the heuristics found in the article. */
  const entryNamed = async (name: string, uri: vscode.Uri | undefined): Promise<LexiconEntry | undefined> => {
    const lexicon = await lexicons.get();
    const found = uri && index.latest(uri)?.analysis.entities.find((e) => e.name === name);
    return lexicon.entryNamed(name) ?? (found && { name: found.name, type: found.type });
  };

  const pickEntry = async (alias: string, uri: vscode.Uri | undefined): Promise<LexiconEntry | undefined> => {
    type Item = vscode.QuickPickItem & { entry?: LexiconEntry };
    const here = (uri && index.latest(uri)?.analysis.entities) ?? [];
    const lexicon = await lexicons.get();
    const seen = new Set<string>([alias]);
    const item = (entry: LexiconEntry): Item[] =>
      seen.has(entry.name)
        ? []
        : (seen.add(entry.name), [{ label: entry.name, description: TYPE_WORDS[entry.type], entry }]);
    const items: Item[] = [
      { label: 'In this article', kind: vscode.QuickPickItemKind.Separator },
      ...here.flatMap((e) => item(lexicon.entryNamed(e.name) ?? { name: e.name, type: e.type })),
      { label: 'In the lexicon', kind: vscode.QuickPickItemKind.Separator },
      ...lexicon.entries.flatMap(item),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `Add '${shorten(alias, 40)}' as an alias of…`,
      placeHolder: 'An entity',
      matchOnDescription: true,
    });
    return picked?.entry;
  };

  return {
    /** (text?, type?, uri?) — adds `text` to the workspace lexicon as an entity of `type`. */
    addToLexicon: async (text?: string, type?: string, uri?: vscode.Uri): Promise<WorkspaceLexicon | undefined> => {
      const target = await nameOf(text, uri);
      if (!target) return undefined;
      const chosen =
        type ??
        (
          await vscode.window.showQuickPick(
            ENTITY_TYPES.map((t) => ({ label: TYPE_WORDS[t], type: t })),
            {
              title: `Add '${shorten(target.text, 40)}' to the workspace lexicon as…`,
            },
          )
        )?.type;
      if (chosen === undefined) return undefined;
      if (!(ENTITY_TYPES as readonly string[]).includes(chosen))
        throw new Error(`"${chosen}" is not an entity type (${ENTITY_TYPES.join(', ')})`);
      const file = await lexicons.update((f) => withEntity(f, target.text, chosen as EntityType), folderOf(target.uri));
      announce(`'${target.text}' added to the workspace lexicon as ${TYPE_WORDS[chosen as EntityType]}`);
      return file;
    },
    /** (text?, entityName?, uri?) — `text` becomes another name of the entity `entityName` (asked for when missing). */
    addLexiconAlias: async (
      text?: string,
      entityName?: string,
      uri?: vscode.Uri,
    ): Promise<WorkspaceLexicon | undefined> => {
      const target = await nameOf(text, uri);
      if (!target) return undefined;
      const entry =
        entityName === undefined ? await pickEntry(target.text, target.uri) : await entryNamed(entityName, target.uri);
      if (entityName !== undefined && !entry)
        throw new Error(`'${entityName}' is neither in the lexicon nor an entity of this article`);
      if (!entry) return undefined;
      if (entry.name === target.text) throw new Error(`'${target.text}' cannot be an alias of itself`);
      const file = await lexicons.update((f) => withAlias(f, target.text, entry), folderOf(target.uri));
      announce(`'${target.text}' is another name of ${entry.name}`);
      return file;
    },
    /** (text?, uri?) — `text` is never recognised as an entity. */
    markNotEntity: async (text?: string, uri?: vscode.Uri): Promise<WorkspaceLexicon | undefined> => {
      const target = await nameOf(text, uri);
      if (!target) return undefined;
      const file = await lexicons.update((f) => withNotEntity(f, target.text), folderOf(target.uri));
      announce(`'${target.text}' is not an entity`);
      return file;
    },
    openLexiconFile: async () => {
      const state = await lexicons.current();
      if (state.fileUri) return vscode.window.showTextDocument(state.fileUri);
      void vscode.window.showInformationMessage(
        'Newsmark: no workspace lexicon yet. Press Ctrl+. on a capitalised word of an article to add it to .newsmark/lexicon.json.',
      );
      return undefined;
    },
  };
}
