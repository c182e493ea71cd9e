/**
 * A source's compact facts (`SourceFacts`) as plain JSON with a string table: every string once,
 * referred to by its index (in the table's own strings, or in strings that many tables share:
 * `SharedStrings`); statements, keys, entities as fixed-position tuples; the typed arrays
 * as number arrays. `tableOf` and `factsOf` are inverse: `factsOf(tableOf(f))` deep-equals `f`.
 * Numbers JSON cannot hold (NaN marks "no value" in packed deals) are written as strings.
 * `factsOf` checks every index and every enumerated value: a table that does not hold (a
 * hand-edited or damaged entry) gives undefined, never a half-read source.
 */
import * as z from 'zod';
import { lazySchema } from '../lazySchema';
import { METRICS, type FactKey, type Metric, type Party, type Subject } from '../facts/index';
import {
  DEAL_NUMBERS,
  MAX_STATUS_INDEX,
  MENTION_NUMBERS,
  NO_DEALS,
  STATUS_SHIFT,
  type PackedDeals,
} from './packedDeals';
import { NO_ALIASES, type SourceEntity, type SourceFacts, type StoredStatement } from './sourceFacts';
import { DEAL_KINDS, type DealKind } from '../extract/deals/kinds';
import { ENTITY_TYPES, type EntityType } from '../extract/entities/lexicon';
import { FIGURE_KINDS, QUALIFIERS, type FigureKind, type Qualifier } from '../extract/figures/figure';

const NON_FINITE = ['NaN', 'Infinity', '-Infinity'] as const;
const Num = lazySchema(() => z.union([z.number(), z.enum(NON_FINITE)]));
const Index = lazySchema(() => z.number().int().nonnegative());
const NullableIndex = lazySchema(() => Index.nullable());

/** [id, metric, period, shape, dealKind, party id, party name, party id, party name, …]: string indices (period and dealKind nullable). */
const KeyRow = lazySchema(() => z.array(NullableIndex).min(5));
/** [key, start, end, text, sentence, kind, value, unit, qualifier, isApprox, precision, asOf, dealDate]. */
const StatementRow = lazySchema(() =>
  z.tuple([
    Index,
    z.number().int(),
    z.number().int(),
    Index,
    Index,
    Index,
    z.union([Num, z.tuple([Num, Num])]),
    NullableIndex,
    NullableIndex,
    z.union([z.literal(0), z.literal(1)]),
    Num.nullable(),
    NullableIndex,
    NullableIndex,
  ]),
);
/** [id, name, type, aliases, first, count]. */
const EntityRow = lazySchema(() => z.tuple([Index, Index, Index, z.array(Index), Index, Index]));

export const FactsTable = lazySchema(() =>
  z.object({
    strings: z.array(z.string()),
    path: Index,
    dateline: NullableIndex,
    keys: z.array(KeyRow),
    statements: z.array(StatementRow),
    entities: z.array(EntityRow),
    mentions: z.array(z.number().int()),
    forms: z.array(Index),
    deals: z.object({ count: Index, numbers: z.array(Num), strings: z.array(NullableIndex) }),
  }),
);
export type FactsTable = z.infer<typeof FactsTable>;

type Num = z.infer<typeof Num>;

/**
 * Strings that many tables share (a corpus snapshot's, written once before its records): a table
 * made with them refers to `strings[i]` as `i`, and to its own strings after them (its own first
 * string as `strings.length`). A reader given the same strings gets these very string objects back
 * in every table, which a corpus then interns without comparing their characters.
 */
export interface SharedStrings {
  readonly strings: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
}

/** The shared strings of a list (the first of any repeated one counts). */
export function sharedStrings(strings: Iterable<string>): SharedStrings {
  const list: string[] = [];
  const indexOf = new Map<string, number>();
  for (const text of strings) if (!indexOf.has(text)) indexOf.set(text, list.push(text) - 1);
  return { strings: list, indexOf };
}

/** No strings shared: a table holds every string it refers to (the per-file entries, the JSONL). */
export const NO_SHARED_STRINGS: SharedStrings = { strings: [], indexOf: new Map() };

export function tableOf(facts: SourceFacts, shared: SharedStrings = NO_SHARED_STRINGS): FactsTable {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const offset = shared.strings.length;
  const s = (text: string): number => {
    let index = shared.indexOf.get(text) ?? indexOf.get(text);
    if (index === undefined) indexOf.set(text, (index = strings.push(text) - 1 + offset));
    return index;
  };
  const ns = (text: string | null): number | null => (text === null ? null : s(text));
  const keys: Array<Array<number | null>> = [];
  const keyIndex = new Map<string, number>();
  const k = (key: FactKey): number => {
    const row = [
      s(key.id),
      s(key.metric),
      ns(key.period),
      s(key.subject.shape),
      key.subject.shape === 'deal' ? s(key.subject.dealKind) : null,
    ];
    for (const party of key.subject.parties) row.push(s(party.id), s(party.name));
    const signature = row.join(',');
    let index = keyIndex.get(signature);
    if (index === undefined) keyIndex.set(signature, (index = keys.push(row) - 1));
    return index;
  };
  const statements = facts.statements.map((st): z.infer<typeof StatementRow> => [
    k(st.key),
    st.start,
    st.end,
    s(st.text),
    s(st.sentence),
    s(st.kind),
    typeof st.value === 'number' ? num(st.value) : [num(st.value[0]), num(st.value[1])],
    ns(st.unit),
    ns(st.qualifier),
    st.isApprox ? 1 : 0,
    st.precision === null ? null : num(st.precision),
    ns(st.asOf),
    ns(st.dealDate),
  ]);
  const entities = facts.entities.map((e): z.infer<typeof EntityRow> => [
    s(e.id),
    s(e.name),
    s(e.type),
    e.aliases.map(s),
    e.first,
    e.count,
  ]);
  return {
    strings,
    path: s(facts.path),
    dateline: ns(facts.dateline),
    keys,
    statements,
    entities,
    mentions: Array.from(facts.mentions),
    forms: facts.forms.map(s),
    deals: {
      count: facts.deals.count,
      numbers: Array.from(facts.deals.numbers, num),
      strings: facts.deals.strings.map(ns),
    },
  };
}

/**
 * The facts back, or undefined when the table refers to a string it lacks or holds a value no
 * engine wrote. `shared`: the strings it was made with (`SharedStrings.strings`), if any.
 */
export function factsOf(table: FactsTable, shared: readonly string[] = []): SourceFacts | undefined {
  try {
    return readTable(table, shared);
  } catch (error) {
    if (error instanceof BadTable) return undefined;
    throw error;
  }
}

/**
 * The facts of a table parsed from JSON, or in a few words why it does not hold: `FactsTable`'s
 * check (by hand, `shapeProblem`), then `factsOf`'s.
 */
export function readFactsTable(json: unknown, shared: readonly string[] = []): SourceFacts | string {
  const problem = shapeProblem(json);
  if (problem !== undefined) return problem;
  return factsOf(json as FactsTable, shared) ?? 'a string it lacks or a value no engine writes';
}

/**
 * What is wrong with the shape of `json` as a `FactsTable` (where, in a few words), or undefined
 * when `FactsTable.safeParse` accepts it. By hand: a reopened window reads ten thousand tables,
 * and zod's check of them cost more than the rest of the read together (issue 14). The schema
 * stays the readable statement of the format; a property test holds the two to the same answer.
 */
export function shapeProblem(json: unknown): string | undefined {
  if (!isJsonObject(json)) return 'root: not an object';
  const { strings, keys, statements, entities, mentions, forms, deals } = json;
  if (!Array.isArray(strings) || !strings.every((text) => typeof text === 'string')) return 'strings';
  if (!isIndex(json.path)) return 'path';
  if (!isNullableIndex(json.dateline)) return 'dateline';
  if (!Array.isArray(keys)) return 'keys';
  for (let k = 0; k < keys.length; k++) {
    const row: unknown = keys[k];
    if (!Array.isArray(row) || row.length < 5 || !row.every(isNullableIndex)) return `keys.${k}`;
  }
  if (!Array.isArray(statements)) return 'statements';
  for (let i = 0; i < statements.length; i++) if (!isStatementRow(statements[i])) return `statements.${i}`;
  if (!Array.isArray(entities)) return 'entities';
  for (let i = 0; i < entities.length; i++) {
    const row: unknown = entities[i];
    if (
      !Array.isArray(row) ||
      row.length !== 6 ||
      !isIndex(row[0]) ||
      !isIndex(row[1]) ||
      !isIndex(row[2]) ||
      !Array.isArray(row[3]) ||
      !(row[3] as unknown[]).every(isIndex) ||
      !isIndex(row[4]) ||
      !isIndex(row[5])
    )
      return `entities.${i}`;
  }
  if (!Array.isArray(mentions) || !mentions.every(isInteger)) return 'mentions';
  if (!Array.isArray(forms) || !forms.every(isIndex)) return 'forms';
  if (
    !isJsonObject(deals) ||
    !isIndex(deals.count) ||
    !Array.isArray(deals.numbers) ||
    !deals.numbers.every(isNum) ||
    !Array.isArray(deals.strings) ||
    !deals.strings.every(isNullableIndex)
  )
    return 'deals';
  return undefined;
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isIndex(value: unknown): value is number {
  return isInteger(value) && value >= 0;
}

function isNullableIndex(value: unknown): value is number | null {
  return value === null || isIndex(value);
}

function isNum(value: unknown): value is Num {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    value === 'NaN' ||
    value === 'Infinity' ||
    value === '-Infinity'
  );
}

/** `StatementRow`: [key, start, end, text, sentence, kind, value, unit, qualifier, isApprox, precision, asOf, dealDate]. */
function isStatementRow(row: unknown): boolean {
  if (!Array.isArray(row) || row.length !== 13) return false;
  const value: unknown = row[6];
  return (
    isIndex(row[0]) &&
    isInteger(row[1]) &&
    isInteger(row[2]) &&
    isIndex(row[3]) &&
    isIndex(row[4]) &&
    isIndex(row[5]) &&
    (isNum(value) || (Array.isArray(value) && value.length === 2 && isNum(value[0]) && isNum(value[1]))) &&
    isNullableIndex(row[7]) &&
    isNullableIndex(row[8]) &&
    (row[9] === 0 || row[9] === 1) &&
    (row[10] === null || isNum(row[10])) &&
    isNullableIndex(row[11]) &&
    isNullableIndex(row[12])
  );
}

class BadTable extends Error {}

const METRIC_SET: ReadonlySet<string> = new Set(METRICS);
const DEAL_KIND_SET: ReadonlySet<string> = new Set(DEAL_KINDS);
const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);
const FIGURE_KIND_SET: ReadonlySet<string> = new Set(FIGURE_KINDS);
const QUALIFIER_SET: ReadonlySet<string> = new Set(QUALIFIERS);
const SHAPES: ReadonlySet<string> = new Set(['entity', 'pair', 'deal']);

function readTable(table: FactsTable, shared: readonly string[]): SourceFacts {
  const { strings } = table;
  const offset = shared.length;
  const s = (index: number | null | undefined): string => {
    const text =
      index === null || index === undefined ? undefined : index < offset ? shared[index] : strings[index - offset];
    if (text === undefined) throw new BadTable();
    return text;
  };
  const ns = (index: number | null): string | null => (index === null ? null : s(index));
  const member = <T extends string>(set: ReadonlySet<string>, text: string): T => {
    if (!set.has(text)) throw new BadTable();
    return text as T;
  };
  // (rows read by index, not destructured: destructuring walks an iterator, an object an element)
  const keys = table.keys.map((row): FactKey => {
    const id = row[0];
    const metric = row[1];
    const period = row[2];
    const shape = row[3];
    const dealKind = row[4];
    if ((row.length - 5) % 2 !== 0) throw new BadTable();
    const parties: Party[] = [];
    for (let i = 5; i < row.length; i += 2) parties.push({ id: s(row[i]), name: s(row[i + 1]) });
    const shapeText = member<Subject['shape']>(SHAPES, s(shape));
    const subject = subjectOf(
      shapeText,
      parties,
      dealKind === null || dealKind === undefined ? null : member<DealKind>(DEAL_KIND_SET, s(dealKind)),
    );
    return { id: s(id), subject, metric: member<Metric>(METRIC_SET, s(metric)), period: ns(period ?? null) };
  });
  const statements = table.statements.map((row): StoredStatement => {
    const stored = keys[row[0]];
    const start = row[1];
    const end = row[2];
    if (!stored || start > end) throw new BadTable();
    const value = row[6];
    const qualifier = row[8];
    const precision = row[10];
    return {
      key: stored,
      start,
      end,
      text: s(row[3]),
      sentence: s(row[4]),
      kind: member<FigureKind>(FIGURE_KIND_SET, s(row[5])),
      value: Array.isArray(value) ? [fromNum(value[0]), fromNum(value[1])] : fromNum(value as Num),
      unit: ns(row[7]),
      qualifier: qualifier === null ? null : member<Qualifier>(QUALIFIER_SET, s(qualifier)),
      isApprox: row[9] === 1,
      precision: precision === null ? null : fromNum(precision),
      asOf: ns(row[11]),
      dealDate: ns(row[12]),
    };
  });
  if (table.mentions.length % 3 !== 0) throw new BadTable();
  const mentionCount = table.mentions.length / 3;
  const forms = table.forms.map(s);
  for (let m = 0; m < mentionCount; m++)
    if (table.mentions[m * 3 + 2]! < 0 || table.mentions[m * 3 + 2]! >= forms.length) throw new BadTable();
  const entities = table.entities.map((row): SourceEntity => {
    const first = row[4];
    const count = row[5];
    if (first + count > mentionCount) throw new BadTable();
    return {
      id: s(row[0]),
      name: s(row[1]),
      type: member<EntityType>(ENTITY_TYPE_SET, s(row[2])),
      aliases: row[3].length === 0 ? NO_ALIASES : row[3].map(s),
      first,
      count,
    };
  });
  return {
    path: s(table.path),
    dateline: ns(table.dateline),
    statements,
    entities,
    mentions: int32s(table.mentions),
    forms,
    deals: dealsOf(table.deals, ns),
  };
}

function subjectOf(shape: Subject['shape'], parties: Party[], dealKind: DealKind | null): Subject {
  if (shape === 'deal') {
    if (dealKind === null) throw new BadTable();
    return { shape, dealKind, parties };
  }
  if (dealKind !== null) throw new BadTable();
  if (shape === 'entity' && parties.length === 1) return { shape, parties: [parties[0]!] };
  if (shape === 'pair' && parties.length === 2) return { shape, parties: [parties[0]!, parties[1]!] };
  throw new BadTable();
}

/** The packed deals back; their layout is checked as `unpackDeals` will walk it. */
function dealsOf(table: FactsTable['deals'], ns: (index: number | null) => string | null): PackedDeals {
  if (table.count === 0) {
    if (table.numbers.length > 0 || table.strings.length > 0) throw new BadTable();
    return NO_DEALS;
  }
  const numbers = new Float64Array(table.numbers.length);
  for (let n = 0; n < numbers.length; n++) numbers[n] = fromNum(table.numbers[n]!);
  const strings = table.strings.map(ns);
  let i = 0;
  let j = 0;
  for (let k = 0; k < table.count; k++) {
    const partyCount = numbers[i + 2];
    const mentionCount = numbers[i + 3];
    if (!isCount(partyCount) || !isCount(mentionCount)) throw new BadTable();
    const kind = strings[j];
    if (kind === null || kind === undefined || !DEAL_KIND_SET.has(kind)) throw new BadTable();
    if (!isCount(numbers[i + 1]) || (numbers[i + 1] ?? 0) >> STATUS_SHIFT > MAX_STATUS_INDEX) throw new BadTable();
    for (let p = 0; p < 2 * partyCount; p++) if (typeof strings[j + 3 + p] !== 'string') throw new BadTable();
    j += 3 + 2 * partyCount;
    i += DEAL_NUMBERS;
    for (let m = 0; m < mentionCount; m++, i += MENTION_NUMBERS, j += 3) {
      if (
        typeof strings[j] !== 'string' ||
        !isCount(numbers[i]) ||
        !isCount(numbers[i + 1]) ||
        !isCount(numbers[i + 2])
      )
        throw new BadTable();
      if (!isCount(numbers[i + 4]) || numbers[i + 4]! > MAX_STATUS_INDEX) throw new BadTable();
    }
  }
  if (i !== numbers.length || j !== strings.length) throw new BadTable();
  return { count: table.count, numbers, strings };
}

/**
 * The numbers as a typed array, by index: `Int32Array.from` (and `from` with a map function) walks
 * an iterator, one result object an element, which was a tenth of the garbage of a reopen.
 */
function int32s(values: readonly number[]): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}

function isCount(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 0;
}

function num(value: number): Num {
  if (Number.isFinite(value)) return value;
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

function fromNum(value: Num): number {
  return typeof value === 'number' ? value : Number(value);
}
