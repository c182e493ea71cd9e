/** Sentences that go on about a deal already told. */

/** "As part of the agreement, …", "Under the deal, …": the sentence tells more of the deal just stated. */
export const BACK_REFERENCE_OPENER =
  /^(?:As part of|Under|Through|With|In|Per) (?:the|this|that|its) (?:\w+\s)?(?:agreement|deal|contract|pact|partnership|transaction|arrangement|round|investment|acquisition|merger|terms)\b/i;

/** "The round also saw participation from …", "The new funding …": the round just told. */
export const ROUND_BACK_REFERENCE =
  /^(?:The|This|That|Its|The new|The latest|The fresh) (?:\w+\s)?(?:round|financing|raise|funding)\b/i;

/** "The deal is expected to close …", "The transaction, which is based on …": the deal just told. */
export const DEAL_BACK_REFERENCE =
  /^(?:The|This|That|Its|Their) (?:\w+\s)?(?:agreement|deal|contract|pact|transaction|partnership|acquisition|purchase|investment|round|commitment|arrangement|merger|takeover|sale|tie-up|combination|joint venture|venture)\b/i;
