/** Opening an article at a span from a webview: beside the view, so the map or the timeline stays in sight. */
import * as vscode from 'vscode';

export async function revealBeside(uri: vscode.Uri, start: number, end: number): Promise<vscode.Range> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const length = doc.getText().length;
  const clamp = (n: number) => Math.max(0, Math.min(n, length));
  const range = new vscode.Range(doc.positionAt(clamp(start)), doc.positionAt(clamp(end)));
  const editor = await vscode.window.showTextDocument(doc, {
    selection: range,
    viewColumn: vscode.ViewColumn.Beside,
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return range;
}
