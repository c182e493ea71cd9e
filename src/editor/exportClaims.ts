/**
 * "Newsmark: Export Tagged Claims…": the core's claims export of a workspace folder's
 * annotations, over the articles as they stand in the editor (unsaved text included),
 * validated against the published schema, written atomically where the user chose.
 * Each source's sha256 is of the file's bytes, as `newsmark export` gives it: the bytes on disk
 * (read again, not the decoded text), or, for an article with unsaved changes, the bytes it will
 * have once saved (its text in UTF-8, with the byte-order mark the file has).
 */
import * as vscode from 'vscode';
import { fileIri, type ExportSource } from '../core/export';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, renderExport, type ExportFormat } from '../core/exportFormats';
import { folderRelativePath } from './articles';
import type { Log } from './log';
import type { Platform } from './platform';
import type { AnnotationStore } from './store';
import { decodeArticle } from './indexProtocol';
import type { AnalysedArticle, WorkspaceIndex } from './workspaceIndex';

export interface ExportResult {
  readonly uri: vscode.Uri;
  readonly format: ExportFormat;
  readonly claimCount: number;
  readonly orphanCount: number;
}

export async function exportTaggedClaims(
  deps: { index: WorkspaceIndex; store: AnnotationStore; log: Log; platform: Platform; version: string },
  target?: vscode.Uri,
  formatArg?: ExportFormat,
  folderArg?: vscode.WorkspaceFolder,
): Promise<ExportResult | undefined> {
  const { index, store, log, platform } = deps;
  await store.ready();
  const folder = folderArg ?? (await pickFolder(target));
  if (!folder) return undefined;
  const problem = store.problems().find((p) => p.folder.uri.toString() === folder.uri.toString());
  if (problem)
    throw new Error(
      `${vscode.workspace.asRelativePath(problem.fileUri)} is not valid; fix it before exporting (${problem.message.split('\n')[0]})`,
    );
  const file = store.fileOf(folder);
  if (file.annotations.length === 0 && !target) {
    void vscode.window.showInformationMessage(
      'Newsmark: no tagged or corrected claims yet. Press Ctrl+. on a claim to tag it.',
    );
    return undefined;
  }
  if (formatArg !== undefined && !EXPORT_FORMATS.includes(formatArg))
    throw new Error(`unknown export format "${String(formatArg)}" (known: ${EXPORT_FORMATS.join(', ')})`);
  const format = formatArg ?? (target ? formatOfFile(target) : await pickFormat());
  if (!format) return undefined;
  const { extension, filter } = EXPORT_FORMAT_LABELS[format];
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: `Export tagged claims as ${EXPORT_FORMAT_LABELS[format].label}`,
      saveLabel: 'Export',
      defaultUri: vscode.Uri.joinPath(folder.uri, `newsmark-claims.${extension}`),
      filters: { [filter]: [extension] },
    }));
  if (!uri) return undefined;

  const sources: ExportSource[] = [];
  const unavailable = new Map<string, string>();
  for (const path of new Set(file.annotations.map((a) => a.source))) {
    const sourceUri = vscode.Uri.joinPath(folder.uri, path);
    const source = await exportSource(index, platform, sourceUri);
    if ('reason' in source) {
      unavailable.set(path, source.reason);
      continue;
    }
    if (source.isUnsaved)
      log.info(
        `export: ${path} has unsaved changes: exported as it stands in the editor, with the sha256 of the file once saved`,
      );
    sources.push({
      path: folderRelativePath(sourceUri),
      sha256: source.sha256,
      text: source.article.text,
      analysis: source.article.analysis,
    });
  }
  const input = {
    sources,
    annotations: file.annotations,
    unavailable,
    generatedAt: new Date().toISOString(),
    tool: { name: 'newsmark', version: deps.version },
  };
  // the folder's IRI as the CLI names it (core fileIri), so that both write the same bytes
  const rendered = renderExport(
    format,
    input,
    folder.uri.scheme === 'file' ? fileIri(folder.uri.fsPath) : folder.uri.toString(),
  );
  if (!rendered.ok) {
    log.error(`export: the ${format} output does not match its schema; nothing written\n${rendered.message}`);
    throw new Error('the export did not match its schema, so nothing was written (details in the log)');
  }
  await platform.writeTextFile(uri, rendered.text);
  log.info(`export: ${rendered.claimCount} claim(s), ${rendered.orphanCount} orphan(s) as ${format} → ${uri.fsPath}`);
  if (!target) {
    void vscode.window
      .showInformationMessage(
        `Newsmark: exported ${rendered.claimCount} claim(s) as ${EXPORT_FORMAT_LABELS[format].label} to ${vscode.workspace.asRelativePath(uri)}.`,
        'Open',
      )
      .then((choice) => {
        if (choice === 'Open') void vscode.window.showTextDocument(uri);
      });
  }
  return { uri, format, claimCount: rendered.claimCount, orphanCount: rendered.orphanCount };
}

/** The format a target file's extension names (.csv, .jsonld), else the claims JSON. */
function formatOfFile(uri: vscode.Uri): ExportFormat {
  const path = uri.path.toLowerCase();
  return path.endsWith('.csv') ? 'csv' : path.endsWith('.jsonld') ? 'w3c' : 'claims';
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((format) => ({
      format,
      label: EXPORT_FORMAT_LABELS[format].label,
      detail: EXPORT_FORMAT_LABELS[format].detail,
    })),
    {
      title: 'Export tagged claims as…',
      placeHolder: 'A format',
    },
  );
  return picked?.format;
}

/**
 * An annotated article's analysis and the sha256 of its bytes. A closed file that changes on
 * disk between its analysis and the read of its bytes is analysed again, so the two agree.
 */
async function exportSource(
  index: WorkspaceIndex,
  platform: Platform,
  uri: vscode.Uri,
): Promise<{ article: AnalysedArticle; sha256: string; isUnsaved: boolean } | { reason: string }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const article = await index.getUri(uri);
    if (!article) {
      const skipped = index.skipped(uri);
      return {
        reason: skipped
          ? 'the source file is over the size limit (newsmark.analysis.maxFileSizeKB) and is not analysed'
          : 'the source file was not found or is not an article (newsmark.include)',
      };
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      bytes = new Uint8Array(); // unsaved and never saved (or deleted meanwhile): only the editor has it
    }
    if (article.version !== undefined) {
      // an open document: the file, or what the file will be once the changes are saved
      if (!index.openDocument(uri)?.isDirty)
        return { article, sha256: await platform.sha256([bytes]), isUnsaved: false };
      const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      const saved = new TextEncoder().encode(article.text);
      return { article, sha256: await platform.sha256(hasBom ? [UTF8_BOM, saved] : [saved]), isUnsaved: true };
    }
    if (decodeArticle(bytes) === article.text)
      return { article, sha256: await platform.sha256([bytes]), isUnsaved: false };
  }
  return { reason: 'the source file kept changing while it was exported' };
}

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

async function pickFolder(target: vscode.Uri | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (target) {
    const own = vscode.workspace.getWorkspaceFolder(target);
    if (own) return own;
  }
  if (folders.length <= 1) {
    if (!folders[0])
      void vscode.window.showInformationMessage('Newsmark: open a folder of articles to export its tagged claims.');
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Export the tagged claims of which folder?' });
}
