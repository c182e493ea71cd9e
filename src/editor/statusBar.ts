/**
 * Counts for the active article (entities · figures · claims · tags); a click focuses the deals
 * panel. An article over the size limit says instead that it is not analysed, and a second item
 * counts every article left out for its size (a click opens the setting).
 */
import * as vscode from 'vscode';
import type { AnnotationView } from './anchored';
import { Commands } from './commands';
import type { Config } from './config';
import { formatSize, type SkippedArticle } from './sizeLimit';
import type { WorkspaceIndex } from './workspaceIndex';

const SIZE_SETTING = 'newsmark.analysis.maxFileSizeKB';
const OPEN_SIZE_SETTING: vscode.Command = {
  title: 'Change the size limit',
  command: 'workbench.action.openSettings',
  arguments: [SIZE_SETTING],
};
/** Paths listed in the tooltip of the skipped-files item. */
const MAX_LISTED = 10;

export function registerStatusBar(
  index: WorkspaceIndex,
  annotations: AnnotationView,
  config: Config,
): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('newsmark.counts', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Newsmark';
  const skippedItem = vscode.window.createStatusBarItem('newsmark.skipped', vscode.StatusBarAlignment.Right, 99);
  skippedItem.name = 'Newsmark: articles not analysed';
  skippedItem.command = OPEN_SIZE_SETTING;

  const updateSkipped = () => {
    const skipped = index.skippedArticles();
    if (skipped.length === 0) return skippedItem.hide();
    const status = skippedStatus(skipped);
    skippedItem.text = status.text;
    skippedItem.tooltip = status.tooltip;
    skippedItem.show();
  };

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !index.isArticle(doc)) return item.hide();
    const skipped = index.skipped(doc.uri);
    if (skipped) {
      const status = activeSkippedStatus(skipped);
      item.text = status.text;
      item.tooltip = status.tooltip;
      item.command = OPEN_SIZE_SETTING;
      return item.show();
    }
    item.command = Commands.showDeals;
    const latest = index.latest(doc.uri);
    if (!latest) {
      void index.get(doc);
      return item.hide();
    }
    const { entities, figures, claims } = latest.analysis;
    const anchored = annotations.anchoredIn(doc.uri);
    const tags = anchored.reduce((n, a) => n + a.annotation.tags.length, 0);
    const orphans = anchored.filter((a) => !a.span).length;
    const counts = [
      count(entities.length, 'entity', 'entities'),
      count(figures.length, 'figure'),
      count(claims.length, 'claim'),
      count(tags, 'tag'),
    ];
    item.text = `$(bookmark) ${counts.join(' · ')}${orphans ? ` · $(warning) ${orphans}` : ''}`;
    item.tooltip = `Newsmark: ${latest.path}${orphans ? ` — ${orphans} orphaned annotation(s)` : ''}\nClick to show the deals panel`;
    item.show();
  };

  setTimeout(update, 0);
  return vscode.Disposable.from(
    item,
    skippedItem,
    index.onDidChangeSkipped(() => {
      update();
      updateSkipped();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    index.onDidAnalyse((a) => a.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && update()),
    index.onDidForget(update),
    annotations.onDidChange(update),
    config.onDidChange(update),
  );
}

/** The active article, left out for its size. */
export function activeSkippedStatus(skipped: SkippedArticle): { text: string; tooltip: string } {
  return {
    text: '$(circle-slash) Newsmark: not analysed (too large)',
    tooltip: `Newsmark: ${skipped.path} is ${formatSize(skipped.bytes)}, over the ${formatSize(skipped.limitBytes)} limit (${SIZE_SETTING}), so it is not analysed and the editor stays responsive.\nClick to change the limit`,
  };
}

/** Every article left out for its size (the background index's too). */
export function skippedStatus(skipped: readonly SkippedArticle[]): { text: string; tooltip: string } {
  const listed = skipped.slice(0, MAX_LISTED).map((s) => `${s.path} (${formatSize(s.bytes)})`);
  const more = skipped.length > MAX_LISTED ? [`and ${skipped.length - MAX_LISTED} more`] : [];
  return {
    text: `$(circle-slash) ${count(skipped.length, 'article')} not analysed`,
    tooltip: [
      `Newsmark: over the ${formatSize(skipped[0]!.limitBytes)} limit (${SIZE_SETTING}), not analysed:`,
      ...listed,
      ...more,
      'Click to change the limit',
    ].join('\n'),
  };
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
