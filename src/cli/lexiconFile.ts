/** Reads `.newsmark/lexicon.json` for the CLI: validated, with a clear message when it is not valid. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Lexicon, type LexiconAdditions } from '../core/extract/entities/lexicon';
import { WorkspaceLexicon, describeIssues } from '../core/schema';
import { readArticle } from './read';

export type LexiconLoad = {
  readonly lexicon: Lexicon;
  /** What the lexicon adds to the built-in one (sent to worker threads, which build their own). */
  readonly additions: LexiconAdditions | undefined;
  readonly source: string | null;
  readonly error: string | null;
};

export function loadLexicon(explicit: string | undefined, folders: readonly string[]): LexiconLoad {
  const candidates = explicit
    ? [explicit]
    : [process.cwd(), ...folders].map((dir) => path.join(dir, '.newsmark', 'lexicon.json'));
  const file = explicit ?? candidates.find((c) => fs.existsSync(c));
  if (!file) return { lexicon: Lexicon.withAdditions(), additions: undefined, source: null, error: null };
  const read = readArticle({ path: file }); // never waits on a pipe; refuses a binary file
  if (!read.ok)
    return {
      lexicon: Lexicon.withAdditions(),
      additions: undefined,
      source: file,
      error: `${file}: ${read.error}; using the built-in lexicon only`,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(read.text);
  } catch (error) {
    return {
      lexicon: Lexicon.withAdditions(),
      additions: undefined,
      source: file,
      error: `${file}: not readable JSON (${(error as Error).message}); using the built-in lexicon only`,
    };
  }
  const parsed = WorkspaceLexicon.safeParse(raw);
  if (!parsed.success) {
    return {
      lexicon: Lexicon.withAdditions(),
      additions: undefined,
      source: file,
      error: `${file}: not a valid lexicon; using the built-in lexicon only\n${describeIssues(parsed.error)}`,
    };
  }
  return { lexicon: Lexicon.withAdditions(parsed.data), additions: parsed.data, source: file, error: null };
}
