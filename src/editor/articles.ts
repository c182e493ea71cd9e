/** Which documents are articles, and how they are named: the selector, the include glob, paths. */
import * as vscode from 'vscode';
import type { Settings } from './config';

/** Providers register for these languages and then ask `isArticle` (the include glob is a setting). */
export const ARTICLE_LANGUAGES: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

export function isArticleDocument(doc: vscode.TextDocument, settings: Settings): boolean {
  if (!settings.enable) return false;
  if (doc.languageId !== 'markdown' && doc.languageId !== 'plaintext') return false;
  // a file of a workspace folder, whatever its file system: `file:`, `vscode-remote:`, github.dev's
  // `vscode-vfs:`; never a view of one under another scheme (a `git:` diff side, an output channel)
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder || folder.uri.scheme !== doc.uri.scheme) return false;
  return vscode.languages.match({ pattern: settings.include }, doc) > 0;
}

/** The article's path as the core, the panel and the export name it: workspace-relative, forward slashes. */
export function articlePath(uri: vscode.Uri): string {
  const isMultiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  return vscode.workspace.asRelativePath(uri, isMultiRoot);
}

/** The path the annotation store records: relative to the article's own workspace folder. */
export function folderRelativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export function rangeOf(
  doc: vscode.TextDocument,
  span: { readonly start: number; readonly end: number },
): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** Opens an article (a closed one too) with `[start, end)` selected and in view. */
export async function revealSpan(uri: vscode.Uri, start: number, end: number): Promise<vscode.Range> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const clamp = (n: number) => Math.max(0, Math.min(n, doc.getText().length));
  const range = new vscode.Range(doc.positionAt(clamp(start)), doc.positionAt(clamp(end)));
  await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
  return range;
}
