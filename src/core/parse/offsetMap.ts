/**
 * Maps offsets in extracted prose back to offsets in the file.
 *
 * Prose is built by appending pieces of the file (mapped one-to-one) and separators that the
 * file does not contain (a space for skipped inline code, a newline between lines). A separator
 * maps to the file offset just after the previous mapped piece.
 */
interface Piece {
  readonly proseStart: number;
  readonly fileStart: number;
  readonly length: number;
  /** Set when the prose stands for more of the file than its length: "&amp;" read as "&". */
  readonly fileLength?: number;
}

export class ProseBuilder {
  private text = '';
  private readonly pieces: Piece[] = [];

  get length(): number {
    return this.text.length;
  }

  /** Appends `file.slice(fileStart, fileStart + text.length)`, which must equal `text`. */
  appendMapped(text: string, fileStart: number): void {
    if (!text) return;
    const last = this.pieces[this.pieces.length - 1];
    if (
      last &&
      last.fileLength === undefined &&
      last.proseStart + last.length === this.text.length &&
      last.fileStart + last.length === fileStart
    ) {
      this.pieces[this.pieces.length - 1] = { ...last, length: last.length + text.length };
    } else {
      this.pieces.push({ proseStart: this.text.length, fileStart, length: text.length });
    }
    this.text += text;
  }

  /**
   * Appends prose that stands for a longer piece of the file as a whole — a character reference
   * ("&#36;" read as "$"): any span that holds it covers the whole reference.
   */
  appendWide(text: string, fileStart: number, fileLength: number): void {
    if (!text) return;
    this.pieces.push({ proseStart: this.text.length, fileStart, length: text.length, fileLength });
    this.text += text;
  }

  /** Appends text that stands for nothing in the file (or for something that is not prose). */
  appendSeparator(text: string): void {
    this.text += text;
  }

  /** The file offset just after the last mapped piece, if any. */
  get fileEnd(): number | undefined {
    const last = this.pieces[this.pieces.length - 1];
    return last ? last.fileStart + (last.fileLength ?? last.length) : undefined;
  }

  endsWithSpace(): boolean {
    return this.text.length === 0 || /\s$/.test(this.text);
  }

  build(): OffsetMap {
    return new OffsetMap(this.text, this.pieces);
  }
}

export class OffsetMap {
  constructor(
    readonly text: string,
    private readonly pieces: readonly Piece[],
    /** Added to every file offset: the same prose found again elsewhere in an edited file. */
    private readonly shift = 0,
  ) {}

  /** This prose, moved by `delta` characters in the file. */
  shifted(delta: number): OffsetMap {
    return delta === 0 ? this : new OffsetMap(this.text, this.pieces, this.shift + delta);
  }

  /**
   * This prose with each mapped character taken from `file` (same length as the text parsed):
   * what was parsed with some characters made inert shows the file's own.
   */
  withFileText(file: string): OffsetMap {
    let text = '';
    let at = 0;
    for (const piece of this.pieces) {
      const own =
        piece.fileLength === undefined
          ? file.slice(piece.fileStart + this.shift, piece.fileStart + this.shift + piece.length)
          : this.text.slice(piece.proseStart, piece.proseStart + piece.length);
      text += this.text.slice(at, piece.proseStart) + own;
      at = piece.proseStart + piece.length;
    }
    return new OffsetMap(text + this.text.slice(at), this.pieces, this.shift);
  }

  /** The file offset of the prose character at `proseOffset`; `undefined` out of range. */
  toFile(proseOffset: number): number | undefined {
    if (proseOffset < 0 || proseOffset > this.text.length || this.pieces.length === 0) return undefined;
    const piece = this.pieceAt(proseOffset);
    if (!piece) return this.pieces[0]!.fileStart + this.shift;
    const inside = proseOffset - piece.proseStart;
    if (inside >= piece.length) return piece.fileStart + this.shift + (piece.fileLength ?? piece.length);
    return piece.fileStart + this.shift + (piece.fileLength === undefined ? inside : 0);
  }

  /** File span of a prose span `[start, end)`: the end maps from its last character. */
  spanToFile(start: number, end: number): { start: number; end: number } | undefined {
    const fileStart = this.toFile(start);
    const last = this.toFile(Math.max(start, end - 1));
    if (fileStart === undefined || last === undefined) return undefined;
    if (end <= start) return { start: fileStart, end: fileStart };
    const piece = this.pieceAt(end - 1);
    const isWide = piece?.fileLength !== undefined && end - 1 < piece.proseStart + piece.length;
    return { start: fileStart, end: isWide ? piece.fileStart + this.shift + piece.fileLength! : last + 1 };
  }

  /** True when every character of the prose span maps to consecutive file characters. */
  isContiguous(start: number, end: number): boolean {
    const piece = this.pieceAt(start);
    return !!piece && start >= piece.proseStart && end <= piece.proseStart + piece.length;
  }

  /** The last piece starting at or before `proseOffset` (binary search). */
  private pieceAt(proseOffset: number): Piece | undefined {
    let lo = 0;
    let hi = this.pieces.length - 1;
    let found: Piece | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const piece = this.pieces[mid]!;
      if (piece.proseStart <= proseOffset) {
        found = piece;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
