/**
 * Where the annotation store reads and writes: the annotations file and the write-ahead journal,
 * as the platform provides them (platform.ts). Here: the contracts, and the implementations
 * through `vscode.workspace.fs` — what the browser build uses for every file, and the desktop
 * build for a remote or virtual workspace (a local folder goes through Node: nodePlatform.ts).
 * `vscode.workspace.fs` has no lock and no atomic rename (its `rename(…, {overwrite})` deletes
 * the target first), so the file is written in one `writeFile` call, after reading it once more:
 * when another window changed it since it was read, the update starts over from the new text
 * (unlockedUpdate.ts).
 */
import * as vscode from 'vscode';
import { readTextFile, writeWorkspaceFsText } from './files';
import { hexOf } from './platform';
import { updateWithoutLock } from './unlockedUpdate';

export interface AnnotationFileUpdate {
  /** The file's text before (undefined: there was no file). */
  readonly before: string | undefined;
  /** The file's text now. */
  readonly after: string | undefined;
  readonly isWritten: boolean;
}

export interface AnnotationFileAccess {
  /** The file's text; undefined when there is no file. Other failures are thrown. */
  read(): Promise<string | undefined>;
  /**
   * Reads the file and writes what `next` makes of it (undefined: leave it as it is), with no
   * other writer in between where the platform allows. `next` may be called again when another
   * writer got in first. A file that could not be read is never written.
   */
  update(next: (current: string | undefined) => string | undefined): Promise<AnnotationFileUpdate>;
  /** Removes temp files left by a crash; how many. */
  cleanUp(): Promise<number>;
}

export interface JournalFile {
  readonly path: string;
  readonly lines: readonly unknown[];
  /** Lines that were not JSON (a write cut short by a crash). */
  readonly badLines: number;
}

export interface ChangeJournal {
  append(values: readonly unknown[]): Promise<void>;
  rewrite(values: readonly unknown[]): Promise<void>;
  readAll(): Promise<JournalFile[]>;
  removeFiles(paths: readonly string[]): Promise<void>;
}

/** The annotations file through `vscode.workspace.fs`: no lock; a second read just before the write (unlockedUpdate.ts). */
export function workspaceFsAnnotationFile(uri: vscode.Uri): AnnotationFileAccess {
  const file = { read: () => readTextFile(uri), write: (text: string) => writeWorkspaceFsText(uri, text) };
  return {
    read: file.read,
    update: async (next) => {
      const { before, after, isWritten } = await updateWithoutLock(file, next);
      return { before, after, isWritten };
    },
    cleanUp: async () => 0, // nothing writes temp files here
  };
}

/** The journal through `vscode.workspace.fs` (no append there: the session's file is rewritten whole; it stays small). */
export class WorkspaceFsJournal implements ChangeJournal {
  private readonly file: vscode.Uri;
  private lines: string[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly dir: vscode.Uri) {
    this.file = vscode.Uri.joinPath(
      dir,
      `${Date.now().toString(36)}-${hexOf(globalThis.crypto.getRandomValues(new Uint8Array(4)))}.jsonl`,
    );
  }

  append(values: readonly unknown[]): Promise<void> {
    return this.enqueue(() => {
      this.lines.push(...values.map((v) => JSON.stringify(v)));
      return this.save();
    });
  }

  rewrite(values: readonly unknown[]): Promise<void> {
    return this.enqueue(() => {
      this.lines = values.map((v) => JSON.stringify(v));
      return this.save();
    });
  }

  async readAll(): Promise<JournalFile[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(this.dir);
    } catch {
      return [];
    }
    const files: JournalFile[] = [];
    for (const [name] of entries.filter(([n, type]) => n.endsWith('.jsonl') && type === vscode.FileType.File).sort()) {
      const uri = vscode.Uri.joinPath(this.dir, name);
      const text = (await readTextFile(uri).catch(() => undefined)) ?? '';
      const lines: unknown[] = [];
      let badLines = 0;
      for (const line of text.split('\n').filter((l) => l.trim())) {
        try {
          lines.push(JSON.parse(line));
        } catch {
          badLines++;
        }
      }
      files.push({ path: uri.toString(), lines, badLines });
    }
    return files;
  }

  async removeFiles(paths: readonly string[]): Promise<void> {
    for (const p of paths) {
      if (p !== this.file.toString())
        await vscode.workspace.fs.delete(vscode.Uri.parse(p)).then(undefined, () => undefined);
    }
  }

  private enqueue(run: () => Promise<void>): Promise<void> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async save(): Promise<void> {
    if (this.lines.length === 0) {
      await vscode.workspace.fs.delete(this.file).then(undefined, () => undefined);
      return;
    }
    await vscode.workspace.fs.createDirectory(this.dir);
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(`${this.lines.join('\n')}\n`));
  }
}
