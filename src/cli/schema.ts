/** `newsmark schema [name]`: the JSON Schema generated from the zod schemas. */
import { SCHEMAS, jsonSchemaOf, type SchemaName } from '../core/schema';
import { UsageError, type ParsedArgs } from './args';

export function runSchema(args: ParsedArgs): number {
  const name = args.positionals[0] ?? 'extract';
  if (!(name in SCHEMAS)) throw new UsageError(`unknown schema '${name}' (known: ${Object.keys(SCHEMAS).join(', ')})`);
  process.stdout.write(`${JSON.stringify(jsonSchemaOf(name as SchemaName), null, 2)}\n`);
  return 0;
}
