/**
 * Sources by key (an entity id → the sources naming it), each source as its slot, a small
 * number (`SourceSlots`): an array of slots while a key has a few sources, a bitset once it has
 * more than ARRAY_LIMIT. Most keys are named by a few sources; a key named by most of them
 * (OpenAI in a corpus about AI) gets a bitset, a bit a source, so that adding or removing a
 * source costs O(1) for it. Sets of paths did the same work with a hash of each path: at
 * 10,000 articles they took 1.2–1.4 s of putting a reopened window's facts back (631,000 entity
 * records, and the parties of every key and deal), the slots 0.15–0.25 s (CPU profiles).
 *
 * A source is added once between removals (a source's keys are added together, each once), so
 * an array never holds it twice.
 */

/** A source's number while it is in the corpus; a removed source's number is given to the next one added. */
export class SourceSlots {
  private readonly slotByPath = new Map<string, number>();
  private readonly pathBySlot: Array<string | undefined> = [];
  private readonly free: number[] = [];

  /** The source's slot, given it now if it has none. */
  take(path: string): number {
    let slot = this.slotByPath.get(path);
    if (slot !== undefined) return slot;
    slot = this.free.pop() ?? this.pathBySlot.length;
    this.pathBySlot[slot] = path;
    this.slotByPath.set(path, slot);
    return slot;
  }

  slotOf(path: string): number | undefined {
    return this.slotByPath.get(path);
  }

  pathAt(slot: number): string {
    return this.pathBySlot[slot]!;
  }

  /** The source is gone from every index: its slot can be given again. */
  release(path: string): void {
    const slot = this.slotByPath.get(path);
    if (slot === undefined) return;
    this.slotByPath.delete(path);
    this.pathBySlot[slot] = undefined;
    this.free.push(slot);
  }

  /** Slots given and not released (for tests). */
  get size(): number {
    return this.slotByPath.size;
  }
}

/** A bit a slot; `size` bits set. */
interface Bitset {
  words: Uint32Array;
  size: number;
}

export type SlotList = number[] | Bitset;

export const ARRAY_LIMIT = 32;

/** Adds `slot` under `key`; true when the key is new. */
export function addSlot(lists: Map<string, SlotList>, key: string, slot: number): boolean {
  const slots = lists.get(key);
  if (!slots) {
    lists.set(key, [slot]);
    return true;
  }
  if (!Array.isArray(slots)) setBit(slots, slot);
  else if (slots[slots.length - 1] === slot) return false;
  else if (slots.length < ARRAY_LIMIT) slots.push(slot);
  else {
    const bits: Bitset = { words: new Uint32Array(0), size: 0 };
    for (const s of slots) setBit(bits, s);
    setBit(bits, slot);
    lists.set(key, bits);
  }
  return false;
}

/** Removes `slot` from under `key` (the key goes with its last slot); false when it was not there. */
export function removeSlot(lists: Map<string, SlotList>, key: string, slot: number): boolean {
  const slots = lists.get(key);
  if (!slots) return false;
  if (Array.isArray(slots)) {
    const at = slots.indexOf(slot);
    if (at < 0) return false;
    slots.splice(at, 1);
  } else {
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    if (word >= slots.words.length || (slots.words[word]! & bit) === 0) return false;
    slots.words[word]! &= ~bit;
    slots.size--;
  }
  if (slotCount(slots) === 0) lists.delete(key);
  return true;
}

export function slotCount(slots: SlotList): number {
  return Array.isArray(slots) ? slots.length : slots.size;
}

/** The slots of a list: an array's in the order added, a bitset's in increasing order. */
export function* slotsIn(slots: SlotList | undefined): Generator<number> {
  if (!slots) return;
  if (Array.isArray(slots)) {
    yield* slots;
    return;
  }
  const { words } = slots;
  for (let w = 0; w < words.length; w++) {
    for (let word = words[w]!; word !== 0; word &= word - 1) yield (w << 5) + (31 - Math.clz32(word & -word));
  }
}

function setBit(bits: Bitset, slot: number): void {
  const word = slot >>> 5;
  if (word >= bits.words.length) {
    const grown = new Uint32Array(Math.max(word + 1, bits.words.length * 2));
    grown.set(bits.words);
    bits.words = grown;
  }
  const bit = 1 << (slot & 31);
  if ((bits.words[word]! & bit) !== 0) return;
  bits.words[word]! |= bit;
  bits.size++;
}
