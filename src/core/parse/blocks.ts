import type { OffsetMap } from './offsetMap';

/** Where a piece of prose stands in the article's structure. */
export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableCell' | 'quote';

/** A unit of prose: its plain text and the map back to file offsets. */
export interface ProseBlock {
  readonly kind: BlockKind;
  /** Heading depth (1–6) for headings, else 0. */
  readonly depth: number;
  readonly map: OffsetMap;
}

export type SourceFormat = 'markdown' | 'text';
