// The bench texts: the five seed articles concatenated (markdown-ish .txt, analysed as
// markdown through a `.md` path), a ~20 KB prefix of them, and the concatenation repeated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.mjs';

export const SEPARATOR = '\n\n';

export function seedTexts() {
  const dir = join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** All five seeds, joined by a blank line (~36 KB). */
export function seedsConcatenated() {
  return seedTexts().join(SEPARATOR);
}

/** The first ~`bytes` of the concatenation, cut at the end of a line. */
export function prefix(text, bytes) {
  const cut = text.lastIndexOf('\n', bytes);
  return text.slice(0, cut > 0 ? cut : bytes);
}

/** The concatenation repeated until it reaches `bytes`. */
export function repeated(text, bytes) {
  const copies = Math.max(1, Math.ceil(bytes / Buffer.byteLength(text)));
  return Array.from({ length: copies }, () => text).join(SEPARATOR);
}

/** The texts of rows 1 and 2, by name. */
export const SIZES = ['20KB', '36KB', '1MB', '10MB'];

export function textOfSize(name) {
  const all = seedsConcatenated();
  switch (name) {
    case '20KB':
      return prefix(all, 20_000);
    case '36KB':
      return all;
    case '1MB':
      return repeated(all, 1_000_000);
    case '10MB':
      return repeated(all, 10_000_000);
    default:
      throw new Error(`unknown size ${name}`);
  }
}

/** The analysed path: `.md`, so that every row reads the seeds as markdown. */
export const BENCH_PATH = 'bench/seeds.md';
