import type { ProseBlock } from '../../../src/core/parse/blocks';

/** Each block as kind, depth, prose and the file offset of every prose character: two routes agree when these do. */
export function describeBlocks(blocks: readonly ProseBlock[]): string {
  return JSON.stringify(
    blocks.map((b) => [
      b.kind,
      b.depth,
      b.map.text,
      Array.from({ length: b.map.text.length + 1 }, (_, i) => b.map.toFile(i)),
    ]),
  );
}
