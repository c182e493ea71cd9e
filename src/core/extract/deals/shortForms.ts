/**
 * A new name's short form: "Meridian Compute will buy power …" and, sentences later, "Meridian
 * committed to spend $2.5 billion on Oracle's cloud" — the same company, as news writes it after
 * the first mention. A party that is a single word no lexicon knows, and the first word of a
 * longer new name a deal of an earlier sentence named, is that name (its entity, its id). Names
 * the entity recogniser found are already linked by their aliases (entities/index.ts); this is
 * for names only a deal made entities (partyEntities.ts). A first word two such names share
 * ("Apex Cloud", "Apex Robotics") stands for neither.
 */
import type { PartyMention, SentenceDeal } from './sentenceDeals';

/** A short form at least this long: "Meridian", not "AI" or "The". */
const MIN_SHORT_FORM = 4;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

export class ShortForms {
  /** First word → the longer name it stands for; null when two names share it. */
  private readonly byFirstWord = new Map<string, PartyMention | null>();

  /** The deals of a sentence with their short forms resolved; then their longer new names are learnt. */
  resolve(deals: SentenceDeal[]): SentenceDeal[] {
    const out = this.byFirstWord.size === 0 ? deals : deals.map((deal) => this.resolved(deal));
    for (const deal of out) for (const party of deal.parties) this.learn(party);
    return out;
  }

  private resolved(deal: SentenceDeal): SentenceDeal {
    let changed = false;
    const parties = deal.parties.map((party) => {
      if (!party.isNewName || party.name.includes(' ')) return party;
      const longer = this.byFirstWord.get(party.name);
      if (!longer || deal.parties.some((p) => p.entityId === longer.entityId)) return party;
      changed = true;
      return { ...party, entityId: longer.entityId, name: longer.name };
    });
    return changed ? { ...deal, parties } : deal;
  }

  private learn(party: PartyMention): void {
    if (!party.isNewName) return;
    const space = party.name.indexOf(' ');
    if (space < MIN_SHORT_FORM) return;
    const first = party.name.slice(0, space);
    if (!CAPITALISED.test(first)) return;
    const known = this.byFirstWord.get(first);
    if (known === undefined) this.byFirstWord.set(first, party);
    else if (known !== null && known.entityId !== party.entityId) this.byFirstWord.set(first, null);
  }
}
