/**
 * A write-ahead journal: one JSON line per change, appended and fsynced before the change counts
 * as made, removed once the change is in the file it was waiting for. A session that ends
 * abruptly (a crash, a killed window) leaves its journal behind for the next one to replay.
 * Each session appends to a file of its own (`<dir>/<session>.jsonl`), so sessions never truncate
 * each other's lines. Lines that do not parse (a torn last line after a crash) are skipped and
 * counted. Node only.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface JournalFile {
  readonly path: string;
  readonly lines: readonly unknown[];
  /** Lines that were not JSON (a write cut short by a crash). */
  readonly badLines: number;
}

export class Journal {
  readonly file: string;
  private appending: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    session = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
  ) {
    this.file = path.join(dir, `${session}.jsonl`);
  }

  /** Appends the values as lines and waits until they are on disk. Appends are serialised. */
  append(values: readonly unknown[]): Promise<void> {
    const text = values.map((v) => `${JSON.stringify(v)}\n`).join('');
    const run = this.appending.then(async () => {
      await fs.mkdir(this.dir, { recursive: true });
      const handle = await fs.open(this.file, 'a');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.datasync();
      } finally {
        await handle.close();
      }
    });
    this.appending = run.catch(() => undefined);
    return run;
  }

  /**
   * Keeps only `values` in this session's journal (the changes still waiting for a write);
   * none: the journal is removed. Atomic (temp file + rename), after the appends in flight.
   */
  rewrite(values: readonly unknown[]): Promise<void> {
    const run = this.appending.then(async () => {
      if (values.length === 0) {
        await fs.unlink(this.file).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        return;
      }
      await fs.mkdir(this.dir, { recursive: true });
      const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(temp, values.map((v) => `${JSON.stringify(v)}\n`).join(''), 'utf8');
      await fs.rename(temp, this.file);
    });
    this.appending = run.catch(() => undefined);
    return run;
  }

  /** Every journal in the folder, this session's included, oldest first. */
  async readAll(): Promise<JournalFile[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.jsonl'));
    } catch {
      return [];
    }
    const files: Array<JournalFile & { mtimeMs: number }> = [];
    for (const name of names) {
      const full = path.join(this.dir, name);
      const [text, stat] = await Promise.all([
        fs.readFile(full, 'utf8').catch(() => ''),
        fs.stat(full).catch(() => undefined),
      ]);
      const lines: unknown[] = [];
      let badLines = 0;
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          lines.push(JSON.parse(line));
        } catch {
          badLines++;
        }
      }
      files.push({ path: full, lines, badLines, mtimeMs: stat?.mtimeMs ?? 0 });
    }
    return files.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : 1)).map(({ mtimeMs: _m, ...f }) => f);
  }

  /** Removes journals of earlier sessions once their changes were replayed and written. */
  async removeFiles(paths: readonly string[]): Promise<void> {
    for (const p of paths) if (p !== this.file) await fs.unlink(p).catch(() => undefined);
  }
}
