/**
 * Text files through `vscode.workspace.fs`. Local files on the desktop are written through Node
 * instead (atomically: nodePlatform.ts); every module writes through its platform's `writeTextFile`.
 */
import * as vscode from 'vscode';

/** The file's text, or undefined when there is no such file (any other failure is thrown). */
export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/** Writes a text file in one `workspace.fs.writeFile` (atomic as far as its file-system provider makes it), its folder created. */
export async function writeWorkspaceFsText(uri: vscode.Uri, text: string | Uint8Array): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, typeof text === 'string' ? new TextEncoder().encode(text) : text);
}
