/**
 * The command line of each subcommand, through Node's own `util.parseArgs` in strict mode:
 * unknown options (`-x`), values on flags (`--pretty=no`) and missing values are usage errors,
 * never paths; `--out=a=b.json` is the file `a=b.json`; `--` ends the options. Node's messages
 * become one line each, in newsmark's words.
 */
import { parseArgs as parseNodeArgs } from 'node:util';

/** A mistake on the command line: one line on stderr, exit status 2. */
export class UsageError extends Error {
  /** `isHelpful`: the line ends with where to read the command's usage (not for a refused --out, say). */
  constructor(
    message: string,
    readonly isHelpful = true,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Flags that were given (`--jsonl`), by name without dashes. */
  readonly flags: ReadonlySet<string>;
  /** Option values (`--out FILE`), by name without dashes. */
  readonly options: ReadonlyMap<string, string>;
}

/** Parses one subcommand's arguments; `--help`/`-h` is known to every subcommand. */
export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string; multiple: true }> = {
    help: { type: 'boolean', short: 'h', multiple: true },
  };
  for (const [name, spec] of Object.entries(specs)) options[name] = { ...spec, multiple: true };
  let parsed: { values: Record<string, Array<string | boolean> | undefined>; positionals: string[] };
  try {
    parsed = parseNodeArgs({ args: [...argv], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (const [name, given] of Object.entries(parsed.values)) {
    if (!given || given.length === 0) continue;
    if (given.length > 1 && options[name]!.type === 'string')
      throw new UsageError(`--${name} is given ${given.length} times; give it once`);
    if (options[name]!.type === 'boolean') flags.add(name);
    else values.set(name, String(given[0]));
  }
  return { positionals: parsed.positionals, flags, options: values };
}

/** Node's parse errors are several lines and mention its own API; this is one line a user reads. */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = String(message ?? error);
  const quoted = /'(-{1,2}[^' ]*)/.exec(text)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${quoted}' (a file whose name starts with '-' goes after '--', as in: -- ${quoted})`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(text)) return `${quoted} takes no value`;
      if (/ambiguous/.test(text))
        return `${quoted} needs a value (a value that starts with '-' is written ${quoted}=-value)`;
      return `${quoted} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'this command takes no file or folder arguments';
    default:
      return text.split('\n')[0]!;
  }
}
