/** Figures of a parsed source, in file offsets. */
import type { ProseBlock } from '../../parse/blocks';
import type { ProseFigure } from './figure';
import { recogniseFigures } from './recognise';
import type { AnalysisCache } from '../../analysisCache';

export interface BlockFigure extends ProseFigure {
  readonly blockIndex: number;
  /** `[start, end)` in the file. */
  readonly fileStart: number;
  readonly fileEnd: number;
}

export function figuresOfBlocks(blocks: readonly ProseBlock[], cache?: AnalysisCache): BlockFigure[] {
  const out: BlockFigure[] = [];
  blocks.forEach((block, blockIndex) => {
    let figures = cache?.figures.get(block.map.text);
    if (!figures) {
      figures = recogniseFigures(block.map.text);
      cache?.figures.set(block.map.text, figures);
    }
    for (const figure of figures) {
      const span = block.map.spanToFile(figure.start, figure.end);
      if (!span) continue;
      out.push({
        kind: figure.kind,
        value: figure.value,
        unit: figure.unit,
        start: figure.start,
        end: figure.end,
        qualifier: figure.qualifier,
        isApprox: figure.isApprox,
        blockIndex,
        fileStart: span.start,
        fileEnd: span.end,
      });
    }
  });
  return out;
}
