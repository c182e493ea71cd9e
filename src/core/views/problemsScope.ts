/**
 * Which articles' conflicts the Problems view lists. Every conflicting figure of every article
 * is a problem, and a large workspace has conflicts in nearly every article: at 10,000 articles
 * of the bench's corpus, 165,310 problems in all 10,000 files, which took the extension host from
 * about 1.0 GB to 1.6 GB and make a Problems view no one reads to the end. So the open articles
 * are always listed, and of the others the first `limit` by path (code-unit order, as the CLI
 * sorts); the hover still shows a figure's conflicts in any article, and the status bar says how
 * many articles' conflicts are left out.
 */
import { byText } from '../facts/order';

/** Articles whose conflicts Problems lists besides the open ones (`newsmark.conflicts.maxArticles`). */
export const DEFAULT_PROBLEM_ARTICLES = 500;

export interface ProblemsScope {
  /** The articles whose conflicts are listed. */
  readonly listed: ReadonlySet<string>;
  /** Articles with conflicts, listed or not. */
  readonly withConflicts: number;
  /** The limit applied (open articles come on top of it). */
  readonly limit: number;
}

/**
 * The articles to list: the open ones that have conflicts, and the first `limit` of the others
 * by path. Linear in the conflicting articles but for the sort, and the sort only when the limit
 * bites.
 */
export function problemsScope(conflicting: ReadonlySet<string>, open: Iterable<string>, limit: number): ProblemsScope {
  const bound = Math.max(0, Math.floor(limit));
  if (conflicting.size <= bound) return { listed: conflicting, withConflicts: conflicting.size, limit: bound };
  const listed = new Set<string>();
  for (const path of open) if (conflicting.has(path)) listed.add(path);
  const sorted = [...conflicting].sort(byText);
  for (let i = 0; i < bound; i++) listed.add(sorted[i]!);
  return { listed, withConflicts: conflicting.size, limit: bound };
}

/** Whether some articles' conflicts are not listed. */
export function isLimited(scope: ProblemsScope): boolean {
  return scope.listed.size < scope.withConflicts;
}
