import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * docs/scale.md names the fields of the JSON lines and of the merge's output, in prose, tables and
 * the SQL recipes. Each name must exist in the published schema it is documented by
 * (schemas/jsonl.schema.json, schemas/corpus.schema.json), so the page cannot rot: a field renamed
 * or removed fails here.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'scale.md'), 'utf8');
type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
const SCHEMAS: Record<string, JsonSchema> = {
  jsonl: JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'jsonl.schema.json'), 'utf8')) as JsonSchema,
  corpus: JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'corpus.schema.json'), 'utf8')) as JsonSchema,
};
/** Dotted words in backticks that are not fields: file names, Spark's RDD.pipe, settings (`newsmark.conflicts.maxArticles`). */
const NOT_FIELDS = /^(?:RDD\.pipe|newsmark(?:\.\w+)+|[\w-]+\.(?:json|jsonl|md|ts|mjs|sh))$/;

function alternatives(schema: JsonSchema): JsonSchema[] {
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return [schema, ...branches.flatMap(alternatives)];
}

/** Whether `source.figures[].value` (a dotted path, `[]` for an array's items) names a field of `schema`. */
function hasField(schema: JsonSchema, fieldPath: string): boolean {
  let nodes = [schema];
  for (const part of fieldPath.split('.')) {
    const [, name, brackets] = /^(\w+)((?:\[\])*)$/.exec(part) ?? [];
    if (!name) return false;
    nodes = nodes.flatMap(alternatives).flatMap((n) => (n.properties?.[name] ? [n.properties[name]] : []));
    for (let i = 0; i < (brackets ?? '').length / 2; i++)
      nodes = nodes.flatMap(alternatives).flatMap((n) => (n.items ? [n.items] : []));
    if (nodes.length === 0) return false;
  }
  return true;
}

function rootsOf(schema: JsonSchema): Set<string> {
  return new Set(alternatives(schema).flatMap((n) => Object.keys(n.properties ?? {})));
}

/** Every field the page names, with the schema it is documented by (the last `<!-- schema: … -->` above it; jsonl before any). */
function fieldsNamed(doc: string): Array<{ schema: string; field: string }> {
  const out: Array<{ schema: string; field: string }> = [];
  const segments = doc.split(/<!-- schema: (\w+) -->/);
  for (let i = 0; i < segments.length; i += 2) {
    const schema = i === 0 ? 'jsonl' : segments[i - 1]!;
    const text = segments[i]!;
    const code = [...text.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
    const prose = text.replace(/```\w*\n[\s\S]*?```/g, '');
    for (const [, token] of prose.matchAll(/`([A-Za-z]\w*(?:\[\]|\.\w+)+)`/g)) out.push({ schema, field: token! });
    // in the recipes: `unnest(facts.statements) AS st` makes st one of facts.statements[]
    const aliases = new Map<string, string>();
    for (const [, list, alias] of code.matchAll(
      /(?:unnest|explode)\(\s*(\w+(?:\.\w+)*)\s*\)(?:\s+\w+)?\s+AS\s+(\w+)/gi,
    ))
      aliases.set(alias!, `${list}[]`);
    for (const [, field] of code.matchAll(
      /(?:source\.figures\[[^\]]*\]|element_at\(\s*source\.figures\s*,[^)]*\))\.(\w+)/g,
    ))
      out.push({ schema, field: `source.figures[].${field}` });
    const roots = ['source', 'facts', ...aliases.keys()].join('|');
    for (const [, root, rest] of code.matchAll(new RegExp(`\\b(${roots})((?:\\.\\w+)+)`, 'g')))
      out.push({ schema, field: `${aliases.get(root!) ?? root}${rest}` });
  }
  return out;
}

suite('docs/scale.md: every field it names is in the published schema', () => {
  test('should find the fields the page names, in prose, tables and the SQL recipes', () => {
    const fields = fieldsNamed(DOC);
    assert.ok(fields.filter((f) => f.schema === 'jsonl').length > 60, `${fields.length} fields found`);
    assert.ok(fields.filter((f) => f.schema === 'corpus').length > 15);
    assert.ok(
      fields.some((f) => f.field === 'facts.statements[].key.metric'),
      'st.key.metric in the SQL, through its alias',
    );
    assert.ok(
      fields.some((f) => f.field === 'source.figures[].unit'),
      'source.figures[…].unit in the SQL',
    );
  });

  test('should name only fields of schemas/jsonl.schema.json and schemas/corpus.schema.json', () => {
    const missing: string[] = [];
    for (const { schema, field } of fieldsNamed(DOC)) {
      const root = field.split(/[.[]/)[0]!;
      if (!rootsOf(SCHEMAS[schema]!).has(root)) {
        if (!NOT_FIELDS.test(field)) missing.push(`${field} (no such root in ${schema})`);
        continue;
      }
      if (!hasField(SCHEMAS[schema]!, field)) missing.push(`${field} (not in schemas/${schema}.schema.json)`);
    }
    assert.deepEqual(missing, []);
  });

  test('should tell a field that the schema lacks (the check can fail)', () => {
    assert.equal(hasField(SCHEMAS['jsonl']!, 'facts.statements[].key.id'), true);
    assert.equal(hasField(SCHEMAS['jsonl']!, 'facts.statements[].key.ids'), false);
    assert.equal(hasField(SCHEMAS['jsonl']!, 'source.figures.value'), false, 'an array needs []');
    assert.equal(hasField(SCHEMAS['corpus']!, 'entities[].sources[].mentionCount'), true);
    assert.deepEqual(
      fieldsNamed('<!-- schema: corpus -->\n`entities[].nope`').map((f) => hasField(SCHEMAS[f.schema]!, f.field)),
      [false],
    );
  });
});
