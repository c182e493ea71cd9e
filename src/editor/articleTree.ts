/**
 * A set of article files kept by folder, so that what a file or folder event asks of the index's
 * list costs what the event touches, not the size of the workspace (issue 14 §5):
 * - adding or removing one file: its folder depth;
 * - "which articles were under this folder?" (a folder deleted or moved out): the articles found,
 *   and nothing at all for a path that is not a folder of articles — every file deleted asks;
 * - the sorted list: sorted once after a batch of changes, when it is next asked for.
 * Before, each event filtered (and each file created re-sorted) the whole list: deleting or
 * moving in a folder of k articles in a workspace of n cost k × n.
 *
 * Keys are uri strings (`uri.toString()`); a folder's key is its uri string without the
 * trailing slash. No `vscode` here: the items are anything with a key and a path.
 */
export interface TreeItem {
  toString(): string;
  readonly path: string;
}

export class ArticleTree<T extends TreeItem> {
  private readonly items = new Map<string, T>();
  /** Folder key → the keys of the articles right inside it. */
  private readonly files = new Map<string, Set<string>>();
  /** Folder key → the keys of its folders that hold articles, at any depth below. */
  private readonly folders = new Map<string, Set<string>>();
  private sorted: T[] | undefined;

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  get size(): number {
    return this.items.size;
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  add(item: T): void {
    const key = item.toString();
    if (this.items.has(key)) {
      this.items.set(key, item);
      return;
    }
    this.items.set(key, item);
    this.sorted = undefined;
    this.climb(key, (links, folder, child) => {
      const isNewFolder = !this.holds(folder);
      let set = links.get(folder);
      if (!set) links.set(folder, (set = new Set()));
      set.add(child);
      return isNewFolder; // a folder known already leads up from here
    });
  }

  /** Removes the article of `key`; returns it, or undefined when it was not there. */
  remove(key: string): T | undefined {
    const item = this.items.get(key);
    if (!item) return undefined;
    this.items.delete(key);
    this.sorted = undefined;
    this.climb(key, (links, folder, child) => {
      const set = links.get(folder);
      set?.delete(child);
      if (set?.size === 0) links.delete(folder);
      return !this.holds(folder); // a folder that still holds articles stays, and those above it
    });
    return item;
  }

  /** Every article inside the folder `key` (at any depth); none when `key` is not a folder of articles. */
  under(key: string): T[] {
    const folder = key.endsWith('/') ? key.slice(0, -1) : key;
    const found: T[] = [];
    const stack = [folder];
    while (stack.length > 0) {
      const next = stack.pop()!;
      for (const file of this.files.get(next) ?? []) found.push(this.items.get(file)!);
      for (const sub of this.folders.get(next) ?? []) stack.push(sub);
    }
    return found;
  }

  /**
   * Walks up from `key`: each folder above it, with the child that leads to `key` (the file
   * itself, then folders) and the links that hold it (`files` for the file, then `folders`), for
   * as long as `step` returns true.
   */
  private climb(key: string, step: (links: Map<string, Set<string>>, folder: string, child: string) => boolean): void {
    let child = key;
    let links = this.files;
    for (let folder = parentOf(key); folder !== undefined; folder = parentOf(folder)) {
      if (!step(links, folder, child)) return;
      child = folder;
      links = this.folders;
    }
  }

  /** Whether `folder` holds articles, right inside it or below. */
  private holds(folder: string): boolean {
    return this.files.has(folder) || this.folders.has(folder);
  }

  /** Every article, by path (sorted once after changes). */
  list(): T[] {
    return (this.sorted ??= [...this.items.values()].sort((a, b) => a.path.localeCompare(b.path)));
  }
}

/** The folder key of a key: without its last segment; undefined at the top (`file://` or `scheme:`). */
function parentOf(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const parent = key.slice(0, slash);
  // "file://" + "/a.md": the root folder "file://" has no parent of its own
  return parent.endsWith('/') || !parent.includes('/') ? undefined : parent;
}
