// Types of corpus.mjs (for test/unit/merge and test/unit/cli/merge.test.ts, which split its corpus into shards).
export declare const BATCH: number;
export declare function writeCorpus(root: string, options: { count: number; parts?: number; seed?: number; targetBytes?: number }): {
  count: number; bytes: number; styles: { markdown: number; markdownTxt: number; plain: number }; parts: number;
};
export declare function articleFiles(folder: string): string[];
