/** Counts for the active article (entities · figures · claims · tags); a click focuses the deals panel. */
import * as vscode from 'vscode';
import type { AnnotationView } from './anchored';
import { Commands } from './commands';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

export function registerStatusBar(index: WorkspaceIndex, annotations: AnnotationView, config: Config): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('newsmark.counts', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Newsmark';
  item.command = Commands.showDeals;

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !index.isArticle(doc)) return item.hide();
    const latest = index.latest(doc.uri);
    if (!latest) {
      void index.get(doc);
      return item.hide();
    }
    const { entities, figures, claims } = latest.analysis;
    const anchored = annotations.anchoredIn(doc.uri);
    const tags = anchored.reduce((n, a) => n + a.annotation.tags.length, 0);
    const orphans = anchored.filter((a) => !a.span).length;
    const counts = [count(entities.length, 'entity', 'entities'), count(figures.length, 'figure'), count(claims.length, 'claim'), count(tags, 'tag')];
    item.text = `$(bookmark) ${counts.join(' · ')}${orphans ? ` · $(warning) ${orphans}` : ''}`;
    item.tooltip = `Newsmark: ${latest.path}${orphans ? ` — ${orphans} orphaned annotation(s)` : ''}\nClick to show the deals panel`;
    item.show();
  };

  setTimeout(update, 0);
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    index.onDidAnalyse((a) => a.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && update()),
    index.onDidForget(update),
    annotations.onDidChange(update),
    config.onDidChange(update),
  );
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
