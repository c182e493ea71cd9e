/**
 * Find All References (Shift+F12 / Shift+Alt+F12) across the workspace: on an entity, every
 * mention of it (under any of its names) in every article; on a figure, every source's statement
 * of the same fact. Answered from the corpus: once the workspace is indexed, or — while a large
 * workspace is still being indexed — after a short wait, from the articles indexed so far.
 */
import * as vscode from 'vscode';
import { ARTICLE_LANGUAGES } from './articles';
import { entityAt, figureAt } from './hover';
import type { WorkspaceCorpus } from './workspaceCorpus';
import type { WorkspaceIndex } from './workspaceIndex';

/** How long a request waits for indexing in progress before answering with what is indexed. */
const INDEXING_WAIT_MS = 2000;

export function registerReferences(index: WorkspaceIndex, sources: WorkspaceCorpus): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(ARTICLE_LANGUAGES, {
    async provideReferences(doc, position, _context, token) {
      const article = await index.getArticle(doc, token);
      if (!article || token.isCancellationRequested) return undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        sources.whenIdle(),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, INDEXING_WAIT_MS))),
      ]);
      clearTimeout(timer);
      if (token.isCancellationRequested) return undefined;
      const offset = doc.offsetAt(position);
      const found = entityAt(article.analysis, offset);
      if (found)
        return sources.corpus
          .entityMentions(found.entity.id)
          .flatMap((m) => sources.location(m.path, m.start, m.end) ?? []);
      const figure = figureAt(article.analysis, offset);
      const facts = figure && sources.corpus.statementsFor(article.path, figure.id);
      if (!facts) return undefined;
      return [facts.statement, ...facts.others].flatMap((s) => sources.location(s.path, s.start, s.end) ?? []);
    },
  });
}
