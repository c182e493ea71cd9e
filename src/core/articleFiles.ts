/**
 * Which files are articles and which folders are never searched for them: one policy for the
 * editor's workspace index and the CLI's folder walk, so both see the same set of files.
 * Pure: names and glob strings only, no file system.
 */

/** File extensions of articles, lower case, without the dot. */
export const ARTICLE_EXTENSIONS = ['md', 'markdown', 'txt'] as const;

/** The default `newsmark.include`: every article file of the workspace. */
export const DEFAULT_ARTICLE_GLOB = `**/*.{${ARTICLE_EXTENSIONS.join(',')}}`;

/**
 * Folders never searched for articles: version control, dependencies, Newsmark's own files and
 * VS Code's test downloads. Matched by name at any depth. A folder named on the command line is
 * still read; only the walk below it skips these.
 */
export const EXCLUDED_FOLDERS = ['.git', '.hg', '.svn', 'node_modules', '.newsmark', '.vscode-test'] as const;

const EXCLUDED_FOLDER_SET: ReadonlySet<string> = new Set(EXCLUDED_FOLDERS);

/** Whether a file name (no folder) has an article's extension, in any case: `a.MD` is an article. */
export function isArticleFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = name.slice(dot + 1).toLowerCase();
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extension);
}

export function isExcludedFolderName(name: string): boolean {
  return EXCLUDED_FOLDER_SET.has(name);
}

/** Whether a forward-slash path (a URI path, a workspace-relative path) lies inside an excluded folder. */
export function isInExcludedFolder(path: string): boolean {
  const parts = path.split('/');
  return parts.slice(0, -1).some(isExcludedFolderName);
}

/** At most this many alternatives come from expanding one user glob's braces (a bigger one is left out). */
const MAX_EXPANSIONS = 64;

export interface ArticleExclude {
  /** One glob for `workspace.findFiles`: the excluded folders and every pattern the user excludes. */
  readonly glob: string;
  /** The user's patterns in it, braces expanded. */
  readonly userPatterns: readonly string[];
  /** User patterns that one glob cannot hold (sibling `when` clauses, a literal comma, too many braces). */
  readonly leftOut: readonly string[];
}

/**
 * The exclude for `workspace.findFiles`: ours and the user's `files.exclude` (its patterns set to
 * `true`). Passing any exclude to findFiles replaces the user's `files.exclude`, so it is merged
 * here. A pattern's own braces are expanded first: VS Code's globs do not nest `{…}` groups.
 */
export function articleExcludeGlob(filesExclude: Readonly<Record<string, unknown>> | undefined): ArticleExclude {
  const alternatives = EXCLUDED_FOLDERS.map((name) => `**/${name}/**`);
  const userPatterns: string[] = [];
  const leftOut: string[] = [];
  for (const [pattern, value] of Object.entries(filesExclude ?? {})) {
    if (value === false) continue;
    if (value !== true) {
      leftOut.push(pattern); // { when: "$(basename).ts" }: depends on sibling files
      continue;
    }
    const expanded = expandBraces(pattern.replace(/\\/g, '/'));
    if (!expanded || expanded.some((p) => p.includes(',') || p.length === 0)) {
      leftOut.push(pattern);
      continue;
    }
    userPatterns.push(...expanded);
  }
  return { glob: `{${[...new Set([...alternatives, ...userPatterns])].join(',')}}`, userPatterns, leftOut };
}

/** A name without glob syntax. */
const LITERAL_NAME = /^[^*?[\]{}/]+$/;

/**
 * Whether a workspace-relative path (forward slashes) is excluded by these patterns, told without
 * a glob engine for the shapes `files.exclude` nearly always has — a name at any depth (with or
 * without everything under it), a name at the root, a path of names — or undefined when some
 * pattern has wildcards inside a name (then ask the search).
 */
export function isExcludedByPatterns(relativePath: string, patterns: readonly string[]): boolean | undefined {
  const parts = relativePath.split('/');
  let isUnknown = false;
  for (const pattern of patterns) {
    const anywhere = pattern.startsWith('**/');
    const body = (anywhere ? pattern.slice(3) : pattern).replace(/\/\*\*$/, '');
    const names = body.split('/');
    if (!names.every((n) => LITERAL_NAME.test(n))) {
      isUnknown = true;
      continue;
    }
    // the pattern's names as consecutive path segments: at the start, or anywhere after `**/`
    for (let at = 0; at + names.length <= parts.length && (anywhere || at === 0); at++) {
      if (names.every((n, k) => parts[at + k] === n)) return true;
    }
  }
  return isUnknown ? undefined : false;
}

/**
 * `a/{b,c{d,e}}/f` → `a/b/f`, `a/cd/f`, `a/ce/f`. Undefined when the braces do not balance or the
 * expansion would pass MAX_EXPANSIONS.
 */
export function expandBraces(pattern: string): string[] | undefined {
  const open = pattern.indexOf('{');
  if (open < 0) return pattern.includes('}') ? undefined : [pattern];
  // the matching close brace, and the top-level commas between them
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    const char = pattern[i];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) close = i;
    else if (char === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return undefined;
  const head = pattern.slice(0, open);
  if (head.includes('}')) return undefined;
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const option = pattern.slice(bounds[k]! + 1, bounds[k + 1]);
    const rest = expandBraces(`${head}${option}${pattern.slice(close + 1)}`);
    if (!rest) return undefined;
    out.push(...rest);
    if (out.length > MAX_EXPANSIONS) return undefined;
  }
  return out;
}
