/**
 * The frames of every kind run over a shaped sentence; each match is a FrameHit: the kind, the
 * names in each role, the amount when the frame places one, and where the frame's verb stands.
 * Where frames read the same verb, the one that fills more roles wins, then the more specific
 * kind (the order of frames/index.ts). The engine knows nothing of any one kind.
 */
import type { DealKind } from './kinds';
import { KIND_FRAMES, type DealFrame } from './frames/index';
import { compileTemplate, INDEX_BASE } from './frames/grammar';
import type { ShapedSentence, ShapedSlot } from './shape';
import { matchesOf } from '../../regexParts';
import { forEachWordSpan, wordKey } from './words';

export { forEachWord } from './words';

export interface FrameHit {
  readonly kind: DealKind;
  readonly frame: DealFrame;
  /** The names of each role the template filled, in text order. */
  readonly roles: ReadonlyMap<string, readonly ShapedSlot[]>;
  readonly amount: ShapedSlot | undefined;
  /** `[start, end)` of the match in the sentence. */
  readonly start: number;
  readonly end: number;
  /** Where the frame's verb stands, else where the match starts. */
  readonly trigger: number;
  readonly verb: { readonly text: string; readonly start: number } | undefined;
  /** The frame's priority: its kind's place in the list, then its own. */
  readonly rank: number;
}

interface CompiledFrame {
  readonly kind: DealKind;
  readonly frame: DealFrame;
  readonly pattern: RegExp;
  /** Words every match holds (one of each set): tested on the sentence's words first. */
  readonly anchors: ReadonlyArray<ReadonlySet<string>>;
  /** How many names a match holds at least. */
  readonly minNames: number;
  readonly rank: number;
}

/** Compiled once, when the module loads: the frames are constant data. */
export const COMPILED_FRAMES: readonly CompiledFrame[] = KIND_FRAMES.flatMap((kind, k) =>
  kind.frames.map((frame, f) => {
    const compiled = compileTemplate(frame.template);
    return {
      kind: frame.kind ?? kind.kind,
      frame,
      pattern: new RegExp(compiled.source, 'gi'),
      anchors: compiled.anchors,
      minNames: compiled.minNames,
      rank: k * 100 + f,
    };
  }),
);

/**
 * Which frames a word can open the way for: word → (frame, anchor set) pairs, so that a sentence's
 * candidate frames come from its own words, not from testing every frame's sets one by one.
 */
const ANCHOR_INDEX = new Map<string, Array<{ frame: number; bit: number }>>();
/** Per frame, the mask of all its anchor sets: the sentence's words must set every bit. */
const ANCHOR_MASKS = COMPILED_FRAMES.map((compiled, frame) => {
  if (compiled.anchors.length > 31) throw new Error(`${compiled.kind}/${compiled.frame.id}: too many anchor sets`);
  compiled.anchors.forEach((set, k) => {
    for (const word of set) {
      let list = ANCHOR_INDEX.get(word);
      if (!list) ANCHOR_INDEX.set(word, (list = []));
      list.push({ frame, bit: 1 << k });
    }
  });
  return (1 << compiled.anchors.length) - 1;
});

/** Names a role takes unless its frame says otherwise: organisations, unknown names, implicit subjects, and products no lexicon gives an owner (a camel-cased "HashiCorp" is as likely a company). */
const DEFAULT_TYPES = new Set(['org', 'name', 'implicit', 'product']);
/** An organisation that is a government body by its name. */
const GOVERNMENT_NAME =
  /\b(?:Department|Ministry|Agency|Commission|Authority|Government|Administration|Office|Council|Federal|National|State|Republic|Kingdom|Bureau|Treasury|Parliament|Congress|Senate|Directorate|Commonwealth|Province|Prefecture|Municipality|City of)\b|^(?:EU|European Union|DOE|DOD|DARPA|NASA|ESA|EIB|European Investment Bank)$/;
const PLACEHOLDER = /[\uE000-\uE003]([\uE100-\uF8FF])/g;

/** The keys of the anchor words: a word whose key is not here is no anchor. */
const MAY_ANCHOR = new Uint8Array(1 << 14);
for (const word of ANCHOR_INDEX.keys()) MAY_ANCHOR[wordKey(word, 0, word.length)] = 1;

/** Frames with no anchor words (their `requires` alone prefilters them): candidates of every sentence. */
const UNANCHORED = ANCHOR_MASKS.flatMap((mask, frame) => (mask === 0 ? [frame] : []));
/**
 * Per frame, the anchor sets the sentence's words hold; one array for every call (a new typed
 * array costs more than the search), all zero between calls.
 */
const FOUND = new Int32Array(COMPILED_FRAMES.length);

/**
 * The frames whose anchor words the sentence holds, by index: only these can match it. None
 * means no frame reads a deal in the sentence, whatever its names (so it need not be shaped).
 */
export function candidateFrames(sentence: string): number[] {
  // only the frames some word of the sentence touched are looked at, and set back to zero
  const touched = UNANCHORED.length ? [...UNANCHORED] : [];
  const text = sentence.toLowerCase();
  forEachWordSpan(text, (start, end) => {
    // most words are no anchor, and are told so by their length and their first and last letters
    if (!MAY_ANCHOR[wordKey(text, start, end)]) return;
    const frames = ANCHOR_INDEX.get(text.slice(start, end));
    if (!frames) return;
    for (const { frame, bit } of frames) {
      if (FOUND[frame] === 0) touched.push(frame);
      FOUND[frame] = FOUND[frame]! | bit;
    }
  });
  const out: number[] = [];
  for (const f of touched) {
    const requires = COMPILED_FRAMES[f]!.frame.requires;
    if (FOUND[f] === ANCHOR_MASKS[f] && (!requires || requires.test(sentence))) out.push(f);
    FOUND[f] = 0;
  }
  return out.sort((a, b) => a - b);
}

export function frameHits(
  shaped: ShapedSentence,
  sentence: string,
  candidates: readonly number[] = candidateFrames(sentence),
): FrameHit[] {
  // every frame names at least one party
  const names = shaped.slots.filter((s) => s.cls !== 'amount').length;
  if (names === 0) return [];
  const hits: FrameHit[] = [];
  for (const f of candidates) {
    const compiled = COMPILED_FRAMES[f]!;
    if (compiled.minNames > names) continue;
    for (const match of matchesOf(compiled.pattern, shaped.text)) {
      const hit = toHit(compiled, match, shaped);
      if (hit) hits.push(hit);
    }
  }
  return withoutGeneric(bestPerTrigger(hits));
}

/**
 * A partnership hit over the same words and names as another kind's is that deal told once
 * ("signed an exclusive reseller deal with OpenAI" is licensing, not a partnership); so is an
 * investment or stake within an acquisition's words between the same names.
 */
function withoutGeneric(hits: readonly FrameHit[]): FrameHit[] {
  const names = (h: FrameHit) => new Set([...h.roles.values()].flat().map((s) => s.start));
  const overlaps = (a: FrameHit, b: FrameHit) => a !== b && a.start < b.end && b.start < a.end;
  // "Tencent's $1.3 billion acquisition of Frostpine": "acquisition of Frostpine" inside it is the same deal read again
  const within = (a: FrameHit, b: FrameHit) =>
    a !== b && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  return hits.filter((hit) => {
    if (
      hits.some(
        (other) => other.kind === hit.kind && within(hit, other) && [...names(hit)].every((n) => names(other).has(n)),
      )
    )
      return false;
    if (hit.kind === 'partnership')
      return !hits.some(
        (other) =>
          overlaps(hit, other) && other.kind !== 'partnership' && [...names(other)].some((n) => names(hit).has(n)),
      );
    // "became majority shareholder of Nexfibre" is the acquisition, not also an investment
    if (hit.kind === 'investment' || hit.kind === 'equity-stake') {
      return !hits.some(
        (other) =>
          other.kind === 'acquisition' &&
          other.trigger >= hit.start &&
          other.trigger < hit.end &&
          [...names(hit)].every((n) => names(other).has(n)),
      );
    }
    return true;
  });
}

function toHit(compiled: CompiledFrame, match: RegExpMatchArray, shaped: ShapedSentence): FrameHit | undefined {
  const groups = match.groups ?? {};
  const roles = new Map<string, ShapedSlot[]>();
  let amount: ShapedSlot | undefined;
  for (const [role, value] of Object.entries(groups)) {
    if (value === undefined || role === 'verb') continue;
    const slots = [...matchesOf(PLACEHOLDER, value)]
      .map((m) => shaped.slots[m[1]!.charCodeAt(0) - INDEX_BASE]!)
      .filter(Boolean);
    if (role === 'amount') {
      amount = slots[0];
      continue;
    }
    const allowed = compiled.frame.types?.[role];
    const kept = slots.filter(
      (s) =>
        s.cls !== 'amount' &&
        (allowed ? isAllowed(s, allowed) : DEFAULT_TYPES.has(s.type) || isAnyRole(compiled.frame.template, role)),
    );
    if (kept.length === 0) return undefined;
    roles.set(role, kept);
  }
  const start = shaped.toSentence(match.index!);
  const end = shaped.toSentence(match.index! + match[0].length);
  const verbText = groups.verb;
  let verb: FrameHit['verb'];
  if (verbText !== undefined) {
    // the verb group is named once: find it in the match (the first occurrence at a word start)
    const at = findVerb(match[0], verbText);
    verb = { text: verbText, start: shaped.toSentence(match.index! + at) };
  }
  return {
    kind: compiled.kind,
    frame: compiled.frame,
    roles,
    amount,
    start,
    end,
    trigger: verb?.start ?? start,
    verb,
    rank: compiled.rank,
  };
}

/**
 * A name of the types a role allows; "it" or "we" where an organisation may stand ("The Space
 * Development Agency said it awarded Rocket Lab a contract": "it" is the agency, resolved later).
 */
function isAllowed(slot: ShapedSlot, allowed: readonly string[]): boolean {
  if (allowed.includes(slot.type)) return true;
  if (allowed.includes('government') && GOVERNMENT_NAME.test(slot.text)) return true;
  return slot.type === 'implicit' && (allowed.includes('org') || allowed.includes('government'));
}

function isAnyRole(template: string, role: string): boolean {
  return template.includes(`{${role}*}`) || template.includes(`{${role}+*}`);
}

function findVerb(text: string, verb: string): number {
  let at = text.indexOf(verb);
  while (at > 0 && /[\w-]/.test(text[at - 1]!)) at = text.indexOf(verb, at + 1);
  return Math.max(0, at);
}

/** One hit per verb (or start): the one filling more roles, then the more specific frame. */
function bestPerTrigger(hits: readonly FrameHit[]): FrameHit[] {
  const best = new Map<number, FrameHit>();
  const filled = (h: FrameHit) => [...h.roles.values()].reduce((n, s) => n + s.length, 0) + (h.amount ? 0.5 : 0);
  for (const hit of hits) {
    const current = best.get(hit.trigger);
    if (!current || filled(hit) > filled(current) || (filled(hit) === filled(current) && hit.rank < current.rank))
      best.set(hit.trigger, hit);
  }
  return [...best.values()].sort((a, b) => a.start - b.start || a.rank - b.rank);
}
