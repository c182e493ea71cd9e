/**
 * `newsmark` — the command line over the same core as the extension: extract, merge, deals, export,
 * check, schema, help. Every error a user can cause is one line on stderr and an exit status:
 *   0 done; 1 some input could not be read or analysed (one line each; the rest is written);
 *   2 usage error (nothing read or written); 3 the output could not be written (an existing
 *   --out file is left as it was); 70 a bug in newsmark (one line; NEWSMARK_DEBUG=1 for the stack).
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { UsageError, parseArgs, type ParsedArgs } from './args';
import { runCheck } from './check';
import { runDeals } from './deals';
import { runExport } from './export';
import { runExtract } from './extract';
import { runMerge } from './merge';
import { EXTRACT_WORKER, serveExtractJobs } from './extractJobs';
import { COMMANDS, GENERAL_HELP, commandHelp, type CommandName } from './help';
import { boundHeapGrowth } from './heap';
import { BrokenPipeError, OutputError, report, writeAll } from './output';
import { runSchema } from './schema';

declare const VERSION: string;

const RUNS: Record<CommandName, (args: ParsedArgs) => number | Promise<number>> = {
  extract: runExtract,
  merge: runMerge,
  export: runExport,
  deals: runDeals,
  check: runCheck,
  schema: runSchema,
  help: runHelp,
};

/** Exit status of a broken pipe: what a shell reports for a program ended by SIGPIPE (128 + 13). */
const BROKEN_PIPE_STATUS = 141;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  let name: CommandName | undefined;
  try {
    if (command === undefined) {
      writeAll(2, GENERAL_HELP);
      return 2;
    }
    if (command === '--help' || command === '-h') return print(GENERAL_HELP);
    if (command === '--version' || command === '-v' || command === '-V') return print(`${VERSION}\n`);
    if (!Object.hasOwn(COMMANDS, command)) {
      throw new UsageError(
        command.startsWith('-')
          ? `unknown option '${command}' (a command comes first: extract, merge, deals, export, check, schema, help)`
          : `unknown command '${command}' (known: ${Object.keys(COMMANDS).join(', ')})`,
      );
    }
    name = command as CommandName;
    const args = parseArgs(rest, COMMANDS[name].options);
    if (args.flags.has('help')) return print(commandHelp(name));
    return await RUNS[name](args);
  } catch (error) {
    if (error instanceof UsageError) {
      report(error.isHelpful ? `${error.message} (see: newsmark ${name ? `${name} ` : ''}--help)` : error.message);
      return 2;
    }
    if (error instanceof OutputError) {
      report(error.message);
      return 3;
    }
    if (error instanceof BrokenPipeError) return BROKEN_PIPE_STATUS; // the reader has gone: nothing to say, no one to say it to
    throw error;
  }
}

function print(text: string): number {
  writeAll(1, text);
  return 0;
}

/** `newsmark help [command]`. */
function runHelp(args: ParsedArgs): number {
  const [topic, ...extra] = args.positionals;
  if (extra.length > 0) throw new UsageError('help takes at most one command');
  if (topic === undefined) return print(GENERAL_HELP);
  if (!Object.hasOwn(COMMANDS, topic))
    throw new UsageError(`no command '${topic}' (known: ${Object.keys(COMMANDS).join(', ')})`);
  return print(commandHelp(topic as CommandName));
}

/** A bug: one line, the stack only when asked for (NEWSMARK_DEBUG=1). */
function reportInternalError(error: unknown): void {
  const isDebug = Boolean(process.env['NEWSMARK_DEBUG']);
  const summary = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  report(`internal error: ${summary} — a bug in newsmark; please report it (NEWSMARK_DEBUG=1 shows the details)`);
  if (isDebug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

if (!isMainThread && workerData === EXTRACT_WORKER)
  serveExtractJobs(); // `extract --jobs`: this bundle in a worker thread
else {
  boundHeapGrowth(); // a corpus's facts stay live while each analysis is thrown away: see heap.ts
  void main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof BrokenPipeError || (error as NodeJS.ErrnoException).code === 'EPIPE') {
        process.exitCode = BROKEN_PIPE_STATUS;
        return;
      }
      reportInternalError(error);
      process.exitCode = 70;
    },
  );
}
