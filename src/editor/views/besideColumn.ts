/**
 * Where an article opened from a webview goes, so that the view stays in sight: never the view's
 * own group. VS Code's `ViewColumn.Beside` is beside the *active* group, and a click in a webview
 * does not always make its group active (the focus may still be in the article's group), so it can
 * open the article on top of the map. The column is chosen from the view's column instead:
 *   1. a group beside the view that already shows this article;
 *   2. else a group beside the view that shows an article (it is where the user reads);
 *   3. else the group right of the view (VS Code makes it when there is none).
 * Pure (no `vscode`): columns are VS Code's 1-based ViewColumn numbers.
 */
export interface ShownEditor {
  readonly column: number | undefined;
  readonly uri: string;
}

/** The largest ViewColumn VS Code names (ViewColumn.Nine). */
const LAST_COLUMN = 9;

export function besideColumn(
  viewColumn: number | undefined,
  shown: readonly ShownEditor[],
  uri: string,
): number | 'beside' {
  if (viewColumn === undefined || viewColumn < 1) return 'beside';
  const elsewhere = shown.filter((e) => e.column !== undefined && e.column >= 1 && e.column !== viewColumn);
  const same = elsewhere.find((e) => e.uri === uri);
  if (same) return same.column!;
  if (elsewhere.length) return elsewhere[0].column!;
  return viewColumn < LAST_COLUMN ? viewColumn + 1 : viewColumn - 1;
}
