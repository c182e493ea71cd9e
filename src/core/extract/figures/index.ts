/** Figures of a parsed source, in file offsets. */
import type { ProseBlock } from '../../parse/blocks';
import type { ProseFigure } from './figure';
import { recogniseFigures } from './recognise';

export interface BlockFigure extends ProseFigure {
  readonly blockIndex: number;
  /** `[start, end)` in the file. */
  readonly fileStart: number;
  readonly fileEnd: number;
}

export function figuresOfBlocks(blocks: readonly ProseBlock[]): BlockFigure[] {
  const out: BlockFigure[] = [];
  blocks.forEach((block, blockIndex) => {
    for (const figure of recogniseFigures(block.map.text)) {
      const span = block.map.spanToFile(figure.start, figure.end);
      if (span) out.push({ ...figure, blockIndex, fileStart: span.start, fileEnd: span.end });
    }
  });
  return out;
}
