/** Which sources' fact keys and deals name which entity ids: the sources to re-key when an id resolves differently. */
import { forEachPartyId } from '../store/packedDeals';
import type { SourceFacts } from '../store/sourceFacts';
import { addSlot, removeSlot, slotsIn, type SlotList, type SourceSlots } from './pathLists';

/** What of a source names parties: its keyed statements and its deals. */
type PartySource = Pick<SourceFacts, 'path' | 'statements' | 'deals'>;

export class PartyUsers {
  /** id → the sources using it, by slot (`SlotList`: an array for a few, a bitset for many). */
  private readonly slotsById = new Map<string, SlotList>();

  /** `slots`: the corpus's, shared with its entity index. */
  constructor(private readonly slots: SourceSlots) {}

  add(source: PartySource): void {
    const slot = this.slots.take(source.path);
    for (const id of partyIdsOf(source)) addSlot(this.slotsById, id, slot);
  }

  remove(source: PartySource): void {
    const slot = this.slots.slotOf(source.path);
    if (slot === undefined) return;
    for (const id of partyIdsOf(source)) removeSlot(this.slotsById, id, slot);
  }

  *pathsUsing(id: string): Generator<string> {
    for (const slot of slotsIn(this.slotsById.get(id))) yield this.slots.pathAt(slot);
  }
}

function partyIdsOf(source: PartySource): Set<string> {
  const ids = new Set<string>();
  for (const s of source.statements) for (const p of s.key.subject.parties) ids.add(p.id);
  forEachPartyId(source.deals, (id) => ids.add(id));
  return ids;
}
