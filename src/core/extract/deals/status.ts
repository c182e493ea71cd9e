/**
 * A deal's status, from what its sentence says around it: talks and reports are rumoured, a
 * deal called off or blocked is terminated, one awaiting approval or expected to close is
 * pending, one closed (or told in the past tense: "acquired Nuvia in 2021") is completed, and
 * anything else agreed is announced. A denial or a hypothetical ("could buy", "would value")
 * states no deal at all. The cues are data: one table, checked in this order.
 */

export const DEAL_STATUSES = ['announced', 'completed', 'pending', 'rumoured', 'terminated'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** What a sentence says of a deal it names: a status, or that there is no deal. */
export type StatusVerdict = DealStatus | 'denied' | 'hypothetical';

interface StatusCue {
  readonly verdict: StatusVerdict;
  readonly pattern: RegExp;
  readonly what: string;
}

/** Bounded patterns, checked in order: the first that matches decides. */
export const STATUS_CUES: readonly StatusCue[] = [
  {
    verdict: 'denied',
    what: 'a denial: "denied a report", "has no plans to", "ruled out"',
    pattern:
      /\b(?:den(?:y|ies|ied|ying)\b(?![^.;]{0,40}\bclaims?\b)|dismiss(?:ed|es)? (?:the |a )?(?:reports?|speculation|rumou?rs?)|(?:has|have|had) no (?:plans?|intention) to|ruled out|(?:is|are|was|were) not (?:in talks|considering|for sale|planning)|did not (?:acquire|buy|invest|merge|agree))\b/i,
  },
  {
    verdict: 'hypothetical',
    what: 'a hypothetical: "could buy", "might merge", "would value", "if it were to"',
    pattern:
      /\b(?:could|might|may)\s+(?:\w+\s+){0,2}?(?:buy|acquire|invest|merge|sell|bid|value|fetch|be worth|cost|pursue|make|launch|consider|sign|form|strike|reach|agree|license|licence|take|order|partner|supply|raise|lead|back|fund)\b|\b(?:would|could) (?:value|be valued|be worth|fetch)\b|\b(?:could|might|may) (?:be|get) (?:formed|signed|agreed|struck|created|announced|launched|set up|sealed|reached)\b|\bif (?:it|they|\w+) (?:were|was) to\b|\bhypothetical\w*\b|\bspeculat\w+ (?:that|about)\b|\banalysts? (?:say|said|says|estimate[sd]?|expect(?:s|ed)?|compared?d?|reckon(?:s|ed)?)\b[^.;]{0,60}\b(?:could|would|might)\b/i,
  },
  {
    verdict: 'terminated',
    what: 'called off, abandoned, blocked, terminated, collapsed, withdrawn, rejected',
    pattern:
      /\b(?:call(?:ed|s|ing)? off|abandon(?:ed|s|ing)?|terminat(?:ed|es|ing|ion)|scrap(?:ped|s|ping)|collaps(?:ed|es|ing)|fell through|fall(?:s|en)? through|walk(?:ed|s)? away from|block(?:ed|s|ing)|withdr(?:ew|awn|aws) (?:from|its|their|the)|pull(?:ed|s)? out of|cancel+(?:ed|s|ing)?|reject(?:ed|s|ing)|broke off|(?:dropped|drops) (?:its|their|the) (?:bid|offer|plan|pursuit)|failed (?:bid|offer|deal|merger|takeover|attempt)|(?:bid|offer|deal|merger|takeover|talks) failed|prohibit(?:ed|s))\b/i,
  },
  {
    verdict: 'rumoured',
    what: 'talks, reports, unnamed sources: "in talks to", "people familiar with", "reportedly", "is considering"',
    pattern:
      /\b(?:in (?:advanced |early |exclusive |preliminary |late-stage |final |detailed )?(?:talks|discussions|negotiations)|(?:held|holding|hold) (?:preliminary |early |advanced )?(?:talks|discussions)|(?:is|are|was|were) (?:said to be|reported to be|reportedly)|(?:negotiating|exploring|considering|weighing|mulling|eyeing|preparing to|closing in on) |(?:considered|explored|weighed|mulled|discussed) (?:\w+ing\b|an? )|(?:getting |is |are |was |were )close to (?:an? )?(?:deal|agreement|\w+ing\b)|nearing (?:an? )?(?:deal|agreement)|people (?:familiar|close|with knowledge)|(?:sources|persons?|insiders|executives) (?:familiar|close|briefed|with knowledge)|sources (?:said|say|told|tell)|according to (?:sources|people|a person|persons|two|three|several|multiple|unnamed|insiders)|reportedly|reported(?: on \w+)? (?:that|by)|,\s*(?:\w+\s+){0,3}reported(?:\s+\w+)?[.]?$|(?:Bloomberg|Reuters|The Information|the Financial Times|The Wall Street Journal|CNBC)\s+reported|is said to|are said to|rumou?r(?:s|ed)?|speculation)\b/i,
  },
  {
    verdict: 'pending',
    what: 'awaiting approval or closing: "expected to close", "subject to regulatory approval", "pending approval"',
    pattern:
      /\b(?:expect(?:s|ed)? (?:the (?:deal|transaction|acquisition|merger|purchase|sale) )?to (?:close|complete|be completed|be finali[sz]ed)|(?:is|are) (?:set|slated|scheduled|due) to (?:close|complete)|subject to (?:\w+\s+){0,3}(?:approvals?|clearance|conditions|review)|pending (?:\w+\s+){0,2}(?:approvals?|clearance|review)|awaits? (?:\w+\s+){0,2}approval|(?:still )?needs? (?:\w+\s+){0,2}approval|under (?:regulatory |antitrust )?review|(?:is|are) (?:reviewing|examining|scrutini[sz]ing|investigating)|has yet to close)\b/i,
  },
  {
    verdict: 'completed',
    what: 'closed: "completed", "closed the deal", "finalised"',
    pattern:
      /\b(?:complet(?:ed|es)|clos(?:ed|es) (?:its|the|their)? ?(?:acquisition|purchase|deal|merger|takeover|sale|round|transaction|funding)|finali[sz]ed|has (?:now )?closed)\b/i,
  },
];

/**
 * Past-tense verbs that tell a done deal: a company acquired, money invested or raised, a stake
 * taken. Announcing, signing or agreeing in the past tense tells an announced deal.
 */
const PAST_FORM =
  /^(?:acquired|bought|purchased|took|taken|snapped|scooped|merged|combined|invested|poured|pumped|injected|sank|sunk|ploughed|plowed|put|raised|secured|closed|completed|landed|netted|bagged|sold|divested|offloaded|spun|became|paid|spent|licensed|licenced|collected|received)(?:\s+\w+)?$/i;
/** Words before a verb that make it no report of a done deal ("agreed to", "will", "plans to", "would"). */
const NOT_DONE =
  /\b(?:to|will|would|shall|plans?|planned|agree[sd]?|intends?|aims?|seeks?|set|expects?|wants?|hopes?|offer(?:s|ed)?|proposed?|be|being|been)\s*$/i;

/** The first cue that matches `text`, or undefined. */
export function statusCue(text: string): StatusVerdict | undefined {
  for (const cue of STATUS_CUES) if (cue.pattern.test(text)) return cue.verdict;
  return undefined;
}

/**
 * The status of a deal a frame found: cues in its clause first (or in the whole sentence for
 * attributions), then the verb's tense ("acquired Nuvia in 2021"), then the frame's own.
 */
export function statusOf(
  clause: string,
  sentence: string,
  verb: { text: string; before: string } | undefined,
  frameStatus: DealStatus | undefined,
): StatusVerdict {
  // "If Microsoft is OpenAI's largest shareholder, shouldn't OpenAI stick to Azure?": a question reports no deal
  if (/\?["”’)]*\s*$/.test(sentence)) return 'hypothetical';
  const cue = statusCue(clause) ?? attributionCue(sentence);
  if (cue) return cue;
  // "Apple could take a stake", "Meta might sign …" (a reported "said it would acquire" is no hypothetical)
  if (verb && /\b(?:could|might|may)\s+(?:\w+\s+)?(?:be\s+)?$/i.test(verb.before)) return 'hypothetical';
  if (frameStatus) return frameStatus;
  if (
    verb &&
    PAST_FORM.test(verb.text) &&
    !NOT_DONE.test(verb.before) &&
    !/\b(?:has|have|had) been\s*$/i.test(verb.before)
  )
    return 'completed';
  return 'announced';
}

/** Reports and unnamed sources hold for the whole sentence ("…, according to people familiar with the matter"). */
function attributionCue(sentence: string): StatusVerdict | undefined {
  const rumoured = STATUS_CUES.find((c) => c.verdict === 'rumoured')!;
  return rumoured.pattern.test(sentence) ? 'rumoured' : undefined;
}

/** Later news wins: a deal told as talks, then agreed, then closed, is closed; one called off is off. */
const RANK: Readonly<Record<DealStatus, number>> = {
  rumoured: 0,
  announced: 1,
  pending: 2,
  completed: 3,
  terminated: 4,
};

export function latestStatus(a: DealStatus, b: DealStatus): DealStatus {
  return RANK[b] > RANK[a] ? b : a;
}
