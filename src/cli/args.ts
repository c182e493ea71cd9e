/** A small, strict argument parser: known flags and options, positionals, clear errors. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, string>;
}

export function parseArgs(argv: readonly string[], spec: { flags: readonly string[]; options: readonly string[] }): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2) as [string, string | undefined];
      if (spec.flags.includes(name)) {
        flags.add(name);
      } else if (spec.options.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`${name} needs a value`);
        options.set(name, value);
      } else {
        throw new UsageError(`unknown option '${name}'`);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, flags, options };
}
