/**
 * Reading articles for the CLI: folders walked for .md/.markdown/.txt, files decoded as
 * VS Code does (UTF-8, a BOM dropped, undecodable bytes replaced by U+FFFD and reported),
 * binary files refused with a clear message. Errors are values, never thrown at the caller.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ARTICLE_EXTENSIONS = /\.(md|markdown|txt)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.newsmark', '.vscode-test', 'dist', 'out']);

export type ReadResult =
  | { readonly ok: true; readonly path: string; readonly text: string; readonly bytes: Buffer; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly path: string; readonly error: string };

export interface InputFile {
  readonly path: string;
  /** Read from standard input ("-"). */
  readonly isStdin?: boolean;
}

/** Expands the command's arguments into article files; problems come back as failed results. */
export function expandInputs(args: readonly string[]): { files: InputFile[]; failures: ReadResult[] } {
  const files: InputFile[] = [];
  const failures: ReadResult[] = [];
  for (const arg of args) {
    if (arg === '-') {
      files.push({ path: '-', isStdin: true });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      failures.push({ ok: false, path: arg, error: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      const found = walk(arg);
      if (found.length === 0) failures.push({ ok: false, path: arg, error: 'no articles (.md, .markdown, .txt) in this folder' });
      files.push(...found.map((p) => ({ path: p })));
    } else {
      files.push({ path: arg });
    }
  }
  return { files, failures };
}

function walk(folder: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) visit(full);
      else if (entry.isFile() && ARTICLE_EXTENSIONS.test(entry.name)) out.push(full);
    }
  };
  visit(folder);
  return out;
}

export function readArticle(file: InputFile): ReadResult {
  let bytes: Buffer;
  try {
    bytes = file.isStdin ? fs.readFileSync(0) : fs.readFileSync(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, path: file.path, error: code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(error)})` };
  }
  return decodeArticle(file.path, bytes);
}

export function decodeArticle(filePath: string, bytes: Buffer): ReadResult {
  if (looksBinary(bytes)) return { ok: false, path: filePath, error: 'looks like a binary file (it contains NUL bytes); skipped' };
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
    const count = [...text.matchAll(/\ufffd/g)].length;
    warnings.push(`is not valid UTF-8: ${count} undecodable byte sequence(s) replaced by U+FFFD, as VS Code shows them`);
  }
  if (bytes.length === 0) warnings.push('is empty');
  return { ok: true, path: filePath, text, bytes, warnings };
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}
