/**
 * Changes to a workspace lexicon (`.newsmark/lexicon.json`) and its text on disk: pure functions
 * from one validated `WorkspaceLexicon` to the next, and the one way it is serialised — sorted
 * and stable, so the file diffs cleanly in git: entities by name (case-insensitive, then
 * ordinal), their aliases and tickers sorted without duplicates, roles in schema order, empty
 * lists left out; `notEntities` sorted without case-insensitive duplicates.
 */
import { byText } from '../core/facts/index';
import { ENTITY_ROLES, type EntityType, type LexiconEntry } from '../core/extract/entities/entityTypes';
import { WorkspaceLexicon } from '../core/schema';

type Entry = WorkspaceLexicon['entities'][number];

export const EMPTY_LEXICON: WorkspaceLexicon = { version: 1, entities: [], notEntities: [] };

const sameForm = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const byName = (a: string, b: string) => byText(a.toLowerCase(), b.toLowerCase()) || byText(a, b);

/** `name` is an entity of `type` (re-typed if the file has it already); no longer an alias elsewhere nor a non-entity. */
export function withEntity(file: WorkspaceLexicon, name: string, type: EntityType): WorkspaceLexicon {
  const entities = withoutAlias(file.entities, name);
  const at = entities.findIndex((e) => e.name === name);
  if (at >= 0) entities[at] = { ...entities[at]!, type };
  else entities.push({ name, type });
  return { ...file, entities, notEntities: file.notEntities.filter((n) => !sameForm(n, name)) };
}

/**
 * `alias` is another name of `target` (an entry of the built-in or workspace lexicon, or an
 * entity the heuristics found). A target not in the file yet is copied into it whole, so the
 * workspace entry (which wins over the built-in one of the same name) keeps everything else.
 */
export function withAlias(file: WorkspaceLexicon, alias: string, target: LexiconEntry): WorkspaceLexicon {
  const entities = withoutAlias(
    file.entities.filter((e) => e.name !== alias),
    alias,
  );
  const at = entities.findIndex((e) => e.name === target.name);
  if (at >= 0) {
    entities[at] = { ...entities[at]!, aliases: [...(entities[at]!.aliases ?? []), alias] };
  } else {
    entities.push(
      withoutEmpty({
        name: target.name,
        type: target.type,
        aliases: [...(target.aliases ?? []), alias],
        tickers: target.tickers && [...target.tickers],
        parent: target.parent,
        roles: target.roles && [...target.roles],
      }),
    );
  }
  return { ...file, entities, notEntities: file.notEntities.filter((n) => !sameForm(n, alias)) };
}

/** `text` is not an entity: never recognised, whether from the lexicon or the name heuristics. */
export function withNotEntity(file: WorkspaceLexicon, text: string): WorkspaceLexicon {
  const entities = withoutAlias(
    file.entities.filter((e) => e.name !== text),
    text,
  );
  const notEntities = file.notEntities.some((n) => sameForm(n, text)) ? file.notEntities : [...file.notEntities, text];
  return { ...file, entities, notEntities };
}

/** The file's text: sorted, stable, validated (throws only on a bug: every change above keeps the schema). */
export function serialiseLexicon(file: WorkspaceLexicon): string {
  const valid = WorkspaceLexicon.parse(file);
  const notEntities: string[] = [];
  for (const n of [...valid.notEntities].sort(byName))
    if (!notEntities.some((m) => sameForm(m, n))) notEntities.push(n);
  const entities = valid.entities.map(sortedEntry).sort((a, b) => byName(a.name, b.name));
  return `${JSON.stringify({ version: valid.version, entities, notEntities }, null, 2)}\n`;
}

function sortedEntry(entry: Entry): Entry {
  const unique = (list: readonly string[] | undefined) =>
    [...new Set(list ?? [])].filter((a) => a !== entry.name).sort(byName);
  return withoutEmpty({
    name: entry.name,
    type: entry.type,
    aliases: unique(entry.aliases),
    tickers: unique(entry.tickers),
    parent: entry.parent,
    roles: ENTITY_ROLES.filter((r) => entry.roles?.includes(r)),
  });
}

/** Keys in schema order; undefined values and empty lists left out. */
function withoutEmpty(entry: {
  name: string;
  type: EntityType;
  aliases?: string[];
  tickers?: string[];
  parent?: string;
  roles?: Entry['roles'];
}): Entry {
  const out: Entry = { name: entry.name, type: entry.type };
  if (entry.aliases?.length) out.aliases = entry.aliases;
  if (entry.tickers?.length) out.tickers = entry.tickers;
  if (entry.parent) out.parent = entry.parent;
  if (entry.roles?.length) out.roles = entry.roles;
  return out;
}

function withoutAlias(entities: readonly Entry[], form: string): Entry[] {
  return entities.map((e) =>
    e.aliases?.includes(form) ? withoutEmpty({ ...e, aliases: e.aliases.filter((a) => a !== form) }) : { ...e },
  );
}
