/**
 * `newsmark` — the command line over the same core as the extension.
 *   newsmark extract <files|folders|-…> [--out FILE] [--jsonl] [--lexicon FILE] [--pretty] [--jobs N]
 *   newsmark export <workspace folder> [--out FILE] [--format claims|w3c] [--lexicon FILE]
 *   newsmark check <workspace folder> [--strict]
 *   newsmark schema [extract|lexicon|annotations|claims|w3c]
 * Exit codes: 0 all inputs read, 1 some failed (one line each on stderr), 2 usage error.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { runExtract } from './extract';
import { EXTRACT_WORKER, serveExtractJobs } from './extractJobs';
import { runSchema } from './schema';
import { runExport } from './export';
import { runCheck } from './check';
import { UsageError, parseArgs } from './args';

const HELP = `newsmark — entities, figures, claims and deals in tech-news articles

Usage:
  newsmark extract <files|folders|->... [options]   analyse articles, print one JSON document
  newsmark export <workspace folder> [options]      export the annotated claims as JSON
  newsmark check <workspace folder> [--strict]      conflicts between sources, orphaned annotations
  newsmark schema [extract|lexicon|annotations|claims|w3c]
                                                    print the JSON Schema of an output or file
  newsmark --help | --version

Options for extract:
  --out FILE       write the JSON to FILE instead of standard output
  --jsonl          stream one JSON object per line: each source, then one line with the
                   deals merged across sources and the conflicts between them
  --lexicon FILE   the workspace lexicon (default: .newsmark/lexicon.json in the current folder
                   or the first folder argument)
  --pretty         indent the JSON
  --jobs N         analyse in N worker threads (default: one per core, at most 4; 1: in
                   this thread). The output is the same for any N

Options for export (reads <folder>/.newsmark/annotations.json, never writes it):
  --out FILE          write the export to FILE instead of standard output
  --format claims|w3c the claims export (default) or W3C Web Annotation JSON-LD
  --lexicon FILE      the workspace lexicon (default: <folder>/.newsmark/lexicon.json)

Options for check:
  --strict         exit 1 when sources conflict, an annotation is orphaned or the annotations
                   file is invalid

Exit status: 0 when every input was read, 1 when some could not be, 2 on a usage error.
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    if (command === 'extract') return await runExtract(parseArgs(rest, { flags: ['--jsonl', '--pretty'], options: ['--out', '--lexicon', '--jobs'] }));
    if (command === 'export') return await runExport(parseArgs(rest, { flags: [], options: ['--out', '--format', '--lexicon'] }));
    if (command === 'check') return runCheck(parseArgs(rest, { flags: ['--strict'], options: [] }));
    if (command === 'schema') return runSchema(parseArgs(rest, { flags: [], options: [] }));
    throw new UsageError(`unknown command '${command}'`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`newsmark: ${error.message}\nRun 'newsmark --help' for usage.\n`);
      return 2;
    }
    throw error;
  }
}

declare const VERSION: string;

if (!isMainThread && workerData === EXTRACT_WORKER) serveExtractJobs(); // `extract --jobs`: this bundle in a worker thread
else void main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`newsmark: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
