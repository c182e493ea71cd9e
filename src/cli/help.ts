/** The commands, their options (for `parseArgs`) and their help texts: `newsmark <command> --help`, `newsmark help <command>`. */
import type { OptionSpecs } from './args';

export interface CommandSpec {
  /** One line for the general help. */
  readonly summary: string;
  readonly usage: string;
  readonly options: OptionSpecs;
  /** The command's own help, after its usage line. */
  readonly details: string;
}

export const COMMANDS = {
  extract: {
    summary: 'analyse articles: entities, figures, claims, deals, conflicts',
    usage: 'newsmark extract <files|folders|->... [options]',
    options: {
      out: { type: 'string' },
      jsonl: { type: 'boolean' },
      lexicon: { type: 'string' },
      pretty: { type: 'boolean' },
      jobs: { type: 'string' },
      json: { type: 'boolean' },
      summary: { type: 'boolean' },
      cache: { type: 'string' },
    },
    details: `Analyses each article (.md, .markdown, .txt; folders are searched, skipping .git,
node_modules and .newsmark) and prints one JSON document: the sources, the deals merged
across them and the facts two sources state differently. "-" reads standard input.
At a terminal it prints a readable summary instead: per article what was found and its
deals, then the deals across articles and the conflicts. Progress goes to stderr when a
run takes over a second at a terminal.

Options:
  --out FILE       write the JSON to FILE (atomically: FILE is replaced only once complete;
                   never one of the inputs)
  --jsonl          one JSON object per line: each source with its facts, then one line
                   with the deals merged across sources and the conflicts between them
                   (the map step: newsmark merge joins any split of such files)
  --json           JSON even at a terminal
  --summary        the readable summary even when standard output is not a terminal
  --pretty         indent the JSON
  --lexicon FILE   the workspace lexicon (default: .newsmark/lexicon.json in the current
                   folder or the first folder argument)
  --jobs N         analyse in N worker threads (default: one per core, at most 4, for 16
                   files or more; 1: in this thread). Files over 1 MB are analysed in a
                   thread of their own. The output is the same for any N
  --cache DIR      keep each article's results in DIR (created if missing) and read them
                   back on the next run: an article whose bytes, path and lexicon are
                   unchanged is not analysed again, and the output is the same as without
                   the cache. With --jsonl the last line (deals and conflicts) is kept
                   too, and read back while no article changed. A last line on stderr
                   says how many came from it`,
  },
  merge: {
    summary: 'merge shards of extract --jsonl: entity index, deals, conflicts of the whole corpus',
    usage: 'newsmark merge <shards.jsonl|-|files|folders>... [options]',
    options: {
      out: { type: 'string' },
      pretty: { type: 'boolean' },
      lexicon: { type: 'string' },
      jobs: { type: 'string' },
    },
    details: `The reduce step of map and reduce: reads the JSON lines that newsmark extract --jsonl
wrote on any split of a corpus (shard files named .jsonl or .ndjson; "-" reads them from
standard input) and prints one JSON document: the sources, the entity index, the deals
merged across sources and the facts two sources state differently — the same as one run
over the whole corpus. Articles and folders given too are analysed in this run, so
'newsmark merge corpus/' is that one run. A source in two shards is counted once. A line
that cannot be read is one line on stderr (file:line) and the rest is merged (exit 1).
Only each source's facts are kept in memory, never its text. Run the map step from one
folder with the same relative paths: a source is known by its path.

Options:
  --out FILE       write the JSON to FILE (atomically; never one of the inputs)
  --pretty         indent the JSON
  --lexicon FILE   the workspace lexicon for articles analysed in this run
  --jobs N         worker threads for articles analysed in this run (as for extract)`,
  },
  export: {
    summary: 'export the tagged claims of a workspace as JSON',
    usage: 'newsmark export <workspace folder> [options]',
    options: { out: { type: 'string' }, format: { type: 'string' }, lexicon: { type: 'string' } },
    details: `Reads <folder>/.newsmark/annotations.json (validated; never written), re-anchors each
annotation in its article and prints the claims export, valid against its published schema.

Options:
  --out FILE          write the export to FILE (atomically; never an article or the
                      annotations file)
  --format claims|w3c|csv  the claims export as JSON (default), W3C Web Annotation
                      JSON-LD, or CSV (a row per claim and figure, for a spreadsheet)
  --lexicon FILE      the workspace lexicon (default: <folder>/.newsmark/lexicon.json)`,
  },
  deals: {
    summary: 'the deals of articles, merged across them, as JSON or CSV',
    usage: 'newsmark deals <files|folders|->... [options]',
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      lexicon: { type: 'string' },
      jobs: { type: 'string' },
      pretty: { type: 'boolean' },
    },
    details: `Analyses the articles as extract does and prints their deals, merged across sources
as the deals panel merges them (sources that state one deal with different values or dates
make one deal): parties in role order, kind, status, value, currency, date, every mention.

Options:
  --format json|csv  JSON (default; schema: newsmark schema deals) or CSV, one row per
                   deal, for a spreadsheet (UTF-8 with a byte-order mark)
  --out FILE       write to FILE (atomically; never one of the inputs)
  --pretty         indent the JSON
  --lexicon FILE   the workspace lexicon (default: .newsmark/lexicon.json in the current
                   folder or the first folder argument)
  --jobs N         analyse in N worker threads (as extract)`,
  },
  check: {
    summary: 'conflicts between sources, orphaned annotations',
    usage: 'newsmark check <workspace folder> [--strict] [--cache DIR]',
    options: { strict: { type: 'boolean' }, cache: { type: 'string' } },
    details: `Says which facts the articles of the folder state differently, and whether every
annotation of .newsmark/annotations.json still finds its text (nothing is written).

Options:
  --strict         exit 1 when sources conflict, an annotation is orphaned or the
                   annotations file is invalid (for CI)
  --cache DIR      read unchanged articles' facts from DIR and keep new ones there (the
                   same folder as newsmark extract --cache)`,
  },
  schema: {
    summary: 'print the JSON Schema of an output or file',
    usage: 'newsmark schema [extract|jsonl|corpus|deals|lexicon|annotations|claims|w3c]',
    options: {},
    details: `Prints the JSON Schema generated from the schemas the tool validates with (default:
extract). jsonl: one line of extract --jsonl; corpus: the output of merge.`,
  },
  help: {
    summary: 'help on a command',
    usage: 'newsmark help [command]',
    options: {},
    details: 'Prints the help of a command (the same as newsmark <command> --help).',
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

const EXIT_STATUS = `Exit status: 0 done; 1 some input could not be read or analysed (one line each on stderr;
the rest is written); 2 usage error; 3 the output could not be written (an existing --out
file is left as it was); 70 a bug in newsmark.`;

export const GENERAL_HELP = `newsmark — entities, figures, claims and deals in tech-news articles

Usage:
${(Object.values(COMMANDS) as CommandSpec[]).map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}
  newsmark --help | --version

Run 'newsmark <command> --help' for a command's options.

${EXIT_STATUS}
`;

export function commandHelp(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  return `Usage: ${spec.usage}\n\n${spec.details}\n  -h, --help       this help\n\n${EXIT_STATUS}\n`;
}
