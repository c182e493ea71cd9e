/**
 * "Newsmark: Export Tagged Claims…": the core's claims export of a workspace folder's
 * annotations, over the articles as they stand in the editor (unsaved text included),
 * validated against the published schema, written atomically where the user chose.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import * as z from 'zod';
import { exportClaims, type ExportSource } from '../core/export';
import { ClaimsExport } from '../core/schema';
import { folderRelativePath } from './articles';
import { writeTextFileAtomically } from './files';
import type { Log } from './log';
import type { AnnotationStore } from './store';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ExportResult {
  readonly uri: vscode.Uri;
  readonly claimCount: number;
  readonly orphanCount: number;
}

export async function exportTaggedClaims(
  deps: { index: WorkspaceIndex; store: AnnotationStore; log: Log; version: string },
  target?: vscode.Uri,
  folderArg?: vscode.WorkspaceFolder,
): Promise<ExportResult | undefined> {
  const { index, store, log } = deps;
  await store.ready();
  const folder = folderArg ?? (await pickFolder(target));
  if (!folder) return undefined;
  const problem = store.problems().find((p) => p.folder.uri.toString() === folder.uri.toString());
  if (problem) throw new Error(`${vscode.workspace.asRelativePath(problem.fileUri)} is not valid; fix it before exporting (${problem.message.split('\n')[0]})`);
  const file = store.fileOf(folder);
  if (file.annotations.length === 0 && !target) {
    void vscode.window.showInformationMessage('Newsmark: no tagged or corrected claims yet. Press Ctrl+. on a claim to tag it.');
    return undefined;
  }
  const uri = target ?? (await vscode.window.showSaveDialog({
    title: 'Export tagged claims', saveLabel: 'Export',
    defaultUri: vscode.Uri.joinPath(folder.uri, 'newsmark-claims.json'), filters: { JSON: ['json'] },
  }));
  if (!uri) return undefined;

  const sources: ExportSource[] = [];
  const unavailable = new Map<string, string>();
  for (const path of new Set(file.annotations.map((a) => a.source))) {
    const sourceUri = vscode.Uri.joinPath(folder.uri, path);
    const article = await index.getUri(sourceUri);
    if (!article) {
      unavailable.set(path, 'the source file was not found or is not an article (newsmark.include)');
      continue;
    }
    const sha256 = createHash('sha256').update(article.text, 'utf8').digest('hex');
    sources.push({ path: folderRelativePath(sourceUri), sha256, text: article.text, analysis: article.analysis });
  }
  const output = exportClaims({
    sources, annotations: file.annotations, unavailable, generatedAt: new Date().toISOString(), tool: { name: 'newsmark', version: deps.version },
  });
  const checked = ClaimsExport.safeParse(output);
  if (!checked.success) {
    log.error(`export: the output does not match the claims schema; nothing written\n${z.prettifyError(checked.error)}`);
    throw new Error('the export did not match its schema, so nothing was written (details in the log)');
  }
  await writeTextFileAtomically(uri, `${JSON.stringify(output, null, 2)}\n`);
  log.info(`export: ${output.claims.length} claim(s), ${output.outsideClaims.length} outside claims, ${output.orphans.length} orphan(s) → ${uri.fsPath}`);
  if (!target) {
    void vscode.window.showInformationMessage(`Newsmark: exported ${output.claims.length} claim(s) to ${vscode.workspace.asRelativePath(uri)}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.window.showTextDocument(uri);
    });
  }
  return { uri, claimCount: output.claims.length, orphanCount: output.orphans.length };
}

async function pickFolder(target: vscode.Uri | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (target) {
    const own = vscode.workspace.getWorkspaceFolder(target);
    if (own) return own;
  }
  if (folders.length <= 1) {
    if (!folders[0]) void vscode.window.showInformationMessage('Newsmark: open a folder of articles to export its tagged claims.');
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Export the tagged claims of which folder?' });
}
