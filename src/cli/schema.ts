/** `newsmark schema [name]`: the JSON Schema generated from the zod schemas. */
import { SCHEMAS, jsonSchemaOf, type SchemaName } from '../core/schema';
import { UsageError, type ParsedArgs } from './args';
import { writeAll } from './output';

export function runSchema(args: ParsedArgs): number {
  if (args.positionals.length > 1) throw new UsageError('schema takes one schema name');
  const name = args.positionals[0] ?? 'extract';
  // own keys only: 'toString' or 'constructor' are not schemas
  if (!Object.hasOwn(SCHEMAS, name))
    throw new UsageError(`unknown schema '${name}' (known: ${Object.keys(SCHEMAS).join(', ')})`);
  writeAll(1, `${JSON.stringify(jsonSchemaOf(name as SchemaName), null, 2)}\n`);
  return 0;
}
