import * as assert from 'node:assert/strict';
import lexicon from '../../../../src/core/extract/entities/builtinLexicon.json';
import nonEntities from '../../../../src/core/extract/entities/nonEntities.json';
import { formTokens } from '../../../../src/core/extract/entities/nameTokens';

const TYPES = new Set(['org', 'person', 'product', 'place', 'initiative', 'event']);
const ROLES = new Set(['cloud', 'chips', 'media', 'investor']);
const KEYS = new Set(['name', 'type', 'aliases', 'tickers', 'ambiguous', 'parent', 'roles']);

interface RawEntry {
  name: string;
  type: string;
  aliases: string[];
  tickers: string[];
  ambiguous?: boolean;
  parent?: string;
  roles?: string[];
}

const entries = (lexicon as { version: number; entries: RawEntry[] }).entries;
const words = (nonEntities as { version: number; words: string[] }).words;

/** Fails with the list of offenders (capped) so the data can be fixed quickly. */
function assertNone(offenders: string[], what: string): void {
  if (offenders.length > 0) {
    const shown = offenders.slice(0, 50).join('\n  ');
    const more = offenders.length > 50 ? `\n  … and ${offenders.length - 50} more` : '';
    assert.fail(`${offenders.length} ${what}:\n  ${shown}${more}`);
  }
}

suite('built-in lexicon data', () => {
  test('has version 1 and a non-trivial number of entries', () => {
    assert.equal(lexicon.version, 1);
    assert.ok(entries.length >= 1000, `only ${entries.length} entries`);
  });

  test('every entry has a valid type and the expected shape', () => {
    const bad: string[] = [];
    for (const e of entries) {
      if (!TYPES.has(e.type)) bad.push(`${JSON.stringify(e.name)}: type ${JSON.stringify(e.type)}`);
      if (!Array.isArray(e.aliases)) bad.push(`${JSON.stringify(e.name)}: aliases is not an array`);
      if (!Array.isArray(e.tickers)) bad.push(`${JSON.stringify(e.name)}: tickers is not an array`);
      if (e.ambiguous !== undefined && e.ambiguous !== true) {
        bad.push(`${JSON.stringify(e.name)}: ambiguous must be true or absent`);
      }
      const extra = Object.keys(e).filter((k) => !KEYS.has(k));
      if (extra.length > 0) bad.push(`${JSON.stringify(e.name)}: unexpected keys ${extra.join(', ')}`);
      if (e.roles !== undefined && (!Array.isArray(e.roles) || e.roles.some((r) => !ROLES.has(r)))) {
        bad.push(`${JSON.stringify(e.name)}: roles ${JSON.stringify(e.roles)}`);
      }
    }
    assertNone(bad, 'malformed entries');
  });

  test('every parent names another entry of type org', () => {
    const types = new Map(entries.map((e) => [e.name, e.type]));
    const bad = entries
      .filter((e) => e.parent !== undefined)
      .filter((e) => typeof e.parent !== 'string' || e.parent === e.name || types.get(e.parent) !== 'org')
      .map((e) => `${e.name} -> ${String(e.parent)} (${types.get(String(e.parent)) ?? 'missing'})`);
    assertNone(bad, 'dangling or non-org parents');
  });

  test('parents form no cycles', () => {
    const parentOf = new Map(entries.filter((e) => e.parent !== undefined).map((e) => [e.name, e.parent!]));
    const bad: string[] = [];
    for (const start of parentOf.keys()) {
      const chain = [start];
      for (let cur = parentOf.get(start); cur !== undefined; cur = parentOf.get(cur)) {
        if (chain.includes(cur)) {
          bad.push([...chain, cur].join(' -> '));
          break;
        }
        chain.push(cur);
      }
    }
    assertNone(bad, 'parent cycles');
  });

  test('roles are a non-empty list of known roles without duplicates', () => {
    const bad: string[] = [];
    for (const e of entries) {
      if (e.roles === undefined) continue;
      if (!Array.isArray(e.roles) || e.roles.length === 0) {
        bad.push(`${e.name}: roles ${JSON.stringify(e.roles)}`);
        continue;
      }
      const unknown = e.roles.filter((r) => !ROLES.has(r));
      if (unknown.length > 0) bad.push(`${e.name}: unknown roles ${unknown.join(', ')}`);
      if (new Set(e.roles).size !== e.roles.length) bad.push(`${e.name}: repeated roles ${e.roles.join(', ')}`);
    }
    assertNone(bad, 'bad roles');
  });

  test('every role is carried by at least 5 entries', () => {
    const bad: string[] = [];
    for (const role of ROLES) {
      const n = entries.filter((e) => e.roles?.includes(role)).length;
      if (n < 5) bad.push(`${role}: ${n}`);
    }
    assertNone(bad, 'roles with fewer than 5 entries');
  });

  test('well-known parents and roles are in place', () => {
    const byName = new Map(entries.map((e) => [e.name, e]));
    const expectParent: [string, string][] = [
      ['Azure', 'Microsoft'],
      ['GitHub Copilot', 'Microsoft'],
      ['ChatGPT', 'OpenAI'],
      ['GPT', 'OpenAI'],
      ['Claude', 'Anthropic'],
      ['Gemini', 'Google'],
      ['Amazon Bedrock', 'Amazon Web Services'],
      ['Amazon Web Services', 'Amazon'],
      ['Llama', 'Meta'],
      ['H100', 'Nvidia'],
      ['Grok', 'xAI'],
      ['TikTok', 'ByteDance'],
    ];
    const expectRole: [string, string][] = [
      ['Amazon Web Services', 'cloud'],
      ['Azure', 'cloud'],
      ['CoreWeave', 'cloud'],
      ['Nvidia', 'chips'],
      ['TSMC', 'chips'],
      ['Reuters', 'media'],
      ['The Information', 'media'],
      ['Sequoia Capital', 'investor'],
      ['SoftBank', 'investor'],
    ];
    const bad: string[] = [];
    for (const [name, parent] of expectParent) {
      if (byName.get(name)?.parent !== parent)
        bad.push(`${name}: parent ${String(byName.get(name)?.parent)}, expected ${parent}`);
    }
    for (const [name, role] of expectRole) {
      if (!byName.get(name)?.roles?.includes(role))
        bad.push(`${name}: roles ${JSON.stringify(byName.get(name)?.roles)}, expected ${role}`);
    }
    for (const name of ['Microsoft', 'Google', 'Amazon']) {
      if (byName.get(name)?.roles?.includes('cloud')) bad.push(`${name}: the cloud role belongs to its cloud unit`);
    }
    assertNone(bad, 'missing well-known parents or roles');
  });

  test('every name is non-empty and trimmed', () => {
    const bad = entries
      .filter((e) => typeof e.name !== 'string' || e.name.length === 0 || e.name !== e.name.trim())
      .map((e) => JSON.stringify(e.name));
    assertNone(bad, 'empty or untrimmed names');
  });

  test('no duplicate canonical names', () => {
    const seen = new Map<string, number>();
    for (const e of entries) seen.set(e.name, (seen.get(e.name) ?? 0) + 1);
    const dups = [...seen].filter(([, n]) => n > 1).map(([name, n]) => `${name} (x${n})`);
    assertNone(dups, 'duplicate names');
  });

  test('every alias is a non-empty trimmed string, distinct from its own name and not repeated', () => {
    const bad: string[] = [];
    for (const e of entries) {
      const local = new Set<string>();
      for (const a of e.aliases) {
        if (typeof a !== 'string' || a.length === 0 || a !== a.trim()) {
          bad.push(`${e.name}: alias ${JSON.stringify(a)}`);
        } else if (a === e.name) {
          bad.push(`${e.name}: alias repeats the name`);
        } else if (local.has(a)) {
          bad.push(`${e.name}: alias ${JSON.stringify(a)} listed twice`);
        }
        local.add(a);
      }
    }
    assertNone(bad, 'bad aliases');
  });

  test('no alias is the canonical name of a different entry', () => {
    const names = new Set(entries.map((e) => e.name));
    const bad: string[] = [];
    for (const e of entries) {
      for (const a of e.aliases) {
        if (a !== e.name && names.has(a)) bad.push(`"${a}" is an alias of "${e.name}" but also an entry name`);
      }
    }
    assertNone(bad, 'aliases shadowing other entries');
  });

  test('no alias is used by two entries', () => {
    const owners = new Map<string, string[]>();
    for (const e of entries) {
      for (const a of e.aliases) owners.set(a, [...(owners.get(a) ?? []), e.name]);
    }
    const bad = [...owners].filter(([, o]) => o.length > 1).map(([a, o]) => `"${a}": ${o.join(' | ')}`);
    assertNone(bad, 'aliases shared by several entries');
  });

  test('tickers are upper-case, trimmed and not repeated within an entry', () => {
    const bad: string[] = [];
    for (const e of entries) {
      const local = new Set<string>();
      for (const t of e.tickers) {
        if (typeof t !== 'string' || t.length === 0 || t !== t.trim() || t !== t.toUpperCase() || /\s/.test(t)) {
          bad.push(`${e.name}: ticker ${JSON.stringify(t)}`);
        } else if (local.has(t)) {
          bad.push(`${e.name}: ticker ${t} listed twice`);
        }
        local.add(t);
      }
    }
    assertNone(bad, 'bad tickers');
  });

  test('no ticker is a name or alias of a different entry', () => {
    const owner = new Map<string, string>();
    for (const e of entries) for (const f of [e.name, ...e.aliases]) owner.set(f, e.name);
    const bad: string[] = [];
    for (const e of entries) {
      for (const t of e.tickers) {
        const o = owner.get(t);
        if (o !== undefined && o !== e.name) bad.push(`ticker ${t} of "${e.name}" is a form of "${o}"`);
      }
    }
    assertNone(bad, 'tickers colliding with other entries');
  });

  test('no two entries have forms that tokenise the same way (the matcher could not tell them apart)', () => {
    const owner = new Map<string, string>();
    const bad: string[] = [];
    for (const e of entries) {
      for (const f of new Set([e.name, ...e.aliases, ...e.tickers])) {
        const { tokens, separators } = formTokens(f);
        if (tokens.length === 0) {
          bad.push(`"${f}" of "${e.name}" has no name tokens`);
          continue;
        }
        const key = tokens.map((t, i) => (i === 0 ? t : separators[i] + t)).join('');
        const o = owner.get(key);
        if (o !== undefined && o !== e.name) bad.push(`"${f}" of "${e.name}" matches like a form of "${o}"`);
        else owner.set(key, e.name);
      }
    }
    assertNone(bad, 'indistinguishable forms');
  });

  test('people have full names (no bare single-token canonical names)', () => {
    const bad = entries.filter((e) => e.type === 'person' && !/\s/.test(e.name)).map((e) => e.name);
    assertNone(bad, 'single-token person names');
  });
});

suite('nonEntities data', () => {
  test('has version 1 and a list of non-empty trimmed words without duplicates', () => {
    assert.equal(nonEntities.version, 1);
    assert.ok(words.length >= 300, `only ${words.length} words`);
    const bad: string[] = [];
    const seen = new Set<string>();
    for (const w of words) {
      if (typeof w !== 'string' || w.length === 0 || w !== w.trim()) bad.push(JSON.stringify(w));
      else if (seen.has(w)) bad.push(`${w} (duplicate)`);
      seen.add(w);
    }
    assertNone(bad, 'bad non-entity words');
  });

  test('no non-entity word is a lexicon name, alias or ticker (compared case-insensitively, as the code does)', () => {
    const surfaces = new Map<string, string>();
    for (const e of entries) {
      for (const f of [e.name, ...e.aliases, ...e.tickers]) surfaces.set(f.toLowerCase(), `${f} of ${e.name}`);
    }
    const bad = words
      .filter((w) => surfaces.has(w.toLowerCase()))
      .map((w) => `"${w}" (lexicon: ${surfaces.get(w.toLowerCase())})`);
    assertNone(bad, 'non-entity words that are lexicon surfaces');
  });
});
