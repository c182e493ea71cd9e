/** Text files through `vscode.workspace.fs` (never Node's fs in the extension host). */
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

/** Writes a temp file next to the target, then renames it over the target: readers never see half a file. */
export async function writeTextFileAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const dir = vscode.Uri.joinPath(uri, '..');
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(dir, `.${name}.${globalThis.crypto.randomUUID().slice(0, 8)}.tmp`);
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}
