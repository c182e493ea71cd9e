/** Where lines start in a text (no `vscode` import: the index's worker threads use it too). */

/** Offsets of the first character of each line (line 0 starts at 0). Compact: 4 bytes a line. */
export function lineStartsOf(text: string): Uint32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Uint32Array.from(starts);
}
