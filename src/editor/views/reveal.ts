/** Opening an article at a span from a webview: beside the view, so the map or the timeline stays in sight. */
import * as vscode from 'vscode';
import { besideColumn } from './besideColumn';

/**
 * Opens `uri` with `start`–`end` selected, in a group other than `view`'s (see besideColumn):
 * `ViewColumn.Beside` alone follows the active group, which a click in a webview may not have moved.
 */
export async function revealBeside(
  uri: vscode.Uri,
  start: number,
  end: number,
  view?: vscode.WebviewPanel,
): Promise<vscode.Range> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const length = doc.getText().length;
  const clamp = (n: number) => Math.max(0, Math.min(n, length));
  const range = new vscode.Range(doc.positionAt(clamp(start)), doc.positionAt(clamp(end)));
  // the active text editor first: of the groups showing an article, the one the user last read in
  const active = vscode.window.activeTextEditor;
  const shown = [...(active ? [active] : []), ...vscode.window.visibleTextEditors.filter((e) => e !== active)].map(
    (e) => ({ column: e.viewColumn, uri: e.document.uri.toString() }),
  );
  const column = besideColumn(view?.viewColumn, shown, uri.toString());
  const editor = await vscode.window.showTextDocument(doc, {
    selection: range,
    viewColumn: column === 'beside' ? vscode.ViewColumn.Beside : (column as vscode.ViewColumn),
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return range;
}
