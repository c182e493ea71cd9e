/**
 * Saving a picture a webview drew (the deal map, a fact timeline) as SVG or PNG: the webview
 * posts the data (validated by `Picture`: an inert SVG, or a PNG data URL), the extension asks
 * where to save it — or takes the target it was given (tests, the API) — checks the PNG's
 * signature and writes the file atomically.
 */
import * as vscode from 'vscode';
import type { Picture } from '../../core/webviewMessages';
import type { Log } from '../log';
import type { Platform } from '../platform';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bytes of a picture, or a reason it cannot be saved. */
export function pictureBytes(picture: Picture): Uint8Array | string {
  if (picture.format === 'svg') return new TextEncoder().encode(picture.data);
  const base64 = picture.data.slice(picture.data.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'the PNG data does not start with a PNG signature';
  return bytes;
}

/**
 * Asks where to save (unless `target` is given) and writes. Returns the file written, or
 * undefined when the user cancelled; a failure is shown and thrown.
 */
export async function savePicture(
  picture: Picture,
  suggestedName: string,
  log: Log,
  write: Platform['writeTextFile'],
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const bytes = pictureBytes(picture);
  if (typeof bytes === 'string') {
    log.error(`export picture: ${bytes}`);
    void vscode.window.showErrorMessage(`Newsmark: cannot save the picture: ${bytes}.`);
    throw new Error(bytes);
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const extension = picture.format;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: `Save as ${extension.toUpperCase()}`,
      saveLabel: 'Save',
      defaultUri: folder && vscode.Uri.joinPath(folder, `${suggestedName}.${extension}`),
      filters: extension === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    }));
  if (!uri) return undefined;
  try {
    await write(uri, picture.format === 'svg' ? picture.data : bytes);
  } catch (error) {
    log.error(`export picture: cannot write ${uri.toString()}: ${(error as Error).stack ?? error}`);
    void vscode.window.showErrorMessage(
      `Newsmark: cannot save ${vscode.workspace.asRelativePath(uri)}: ${(error as Error).message}`,
    );
    throw error;
  }
  log.info(`export picture: ${bytes.length} bytes of ${extension.toUpperCase()} → ${uri.toString()}`);
  if (!target)
    vscode.window.setStatusBarMessage(`$(file-media) Newsmark: saved ${vscode.workspace.asRelativePath(uri)}`, 4000);
  return uri;
}
