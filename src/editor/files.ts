/** Text files through `vscode.workspace.fs`, and atomic writes through Node for local files. */
import * as vscode from 'vscode';
import { writeAtomically } from '../node/lockedFile';

/** The file's text, or undefined when there is no such file (any other failure is thrown). */
export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/**
 * Writes `text` so that readers never see half a file and the old file is never deleted first: a
 * local file through a temp file, fsync and `rename(2)` (its mode kept; `workspace.fs.rename` with
 * `overwrite` deletes the target before renaming); any other scheme in one `workspace.fs.writeFile`.
 */
export async function writeTextFileAtomically(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme === 'file') {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await writeAtomically(uri.fsPath, text);
    return;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
