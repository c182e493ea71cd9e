/** Where lines start in a text: offsets become positions in files that are not open in an editor. */
import * as vscode from 'vscode';

export { lineStartsOf } from './lineStarts';

/** The position of a UTF-16 offset, clamped to the text the line starts were taken from. */
export function positionIn(
  lineStarts: Uint32Array,
  offset: number,
  textLength = Number.MAX_SAFE_INTEGER,
): vscode.Position {
  const at = Math.max(0, Math.min(offset, textLength));
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, at - lineStarts[lo]!);
}
