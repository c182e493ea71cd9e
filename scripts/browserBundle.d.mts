// Types of browserBundle.mjs (for test/unit/browserBundle.test.ts).
import type { BuildOptions, Plugin } from 'esbuild';

export declare const BROWSER_ENTRY: string;
export declare const BROWSER_OUTFILE: string;
export declare const MAX_BROWSER_BUNDLE_BYTES: number;
export declare const WORKER_MISSING_GLOBALS: readonly string[];
export declare const refuseNodeBuiltins: Plugin;
export declare function browserBuildOptions(options?: BuildOptions & { production?: boolean }): BuildOptions;
export declare function browserBundleProblems(text: string, options?: { production?: boolean }): string[];
