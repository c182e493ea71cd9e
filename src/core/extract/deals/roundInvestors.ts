/**
 * The investors named around a funding round: "led by Index Ventures", "with participation
 * from Sequoia Capital, NVentures and Kinnevik", "backed by existing investors A and B",
 * "A and B also participated" — in the round's sentence or one that refers back to it.
 * Leads first, then the others in text order.
 */
import { compileTemplate, INDEX_BASE } from './frames/grammar';
import { ROUND_INVESTOR_CUES } from './frames/fundingRound';
import type { ShapedSentence, ShapedSlot } from './shape';
import { matchesOf } from '../../regexParts';

const CUES = ROUND_INVESTOR_CUES.map((cue) => ({
  role: cue.role,
  pattern: new RegExp(compileTemplate(cue.template).source, 'gi'),
}));
const PLACEHOLDER = /[\uE000-\uE002]([\uE100-\uF8FF])/g;

export interface RoundInvestors {
  readonly leads: readonly ShapedSlot[];
  readonly investors: readonly ShapedSlot[];
  /** `[start, end)` of each cue's words in the sentence. */
  readonly spans: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

export function roundInvestors(shaped: ShapedSentence): RoundInvestors {
  const leads: ShapedSlot[] = [];
  const investors: ShapedSlot[] = [];
  const spans: Array<{ start: number; end: number }> = [];
  const seen = new Set<ShapedSlot>();
  for (const cue of CUES) {
    for (const match of matchesOf(cue.pattern, shaped.text)) {
      const names = match.groups?.x ?? '';
      spans.push({ start: shaped.toSentence(match.index!), end: shaped.toSentence(match.index! + match[0].length) });
      for (const m of matchesOf(PLACEHOLDER, names)) {
        const slot = shaped.slots[m[1]!.charCodeAt(0) - INDEX_BASE];
        if (!slot || seen.has(slot) || slot.cls === 'amount' || slot.cls === 'implicit' || slot.type === 'place')
          continue;
        seen.add(slot);
        (cue.role === 'lead' ? leads : investors).push(slot);
      }
    }
  }
  const byStart = (a: ShapedSlot, b: ShapedSlot) => a.start - b.start;
  return { leads: leads.sort(byStart), investors: investors.sort(byStart), spans };
}
