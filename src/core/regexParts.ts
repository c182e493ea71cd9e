/**
 * Regular expressions built from named parts, so that a long pattern reads as what it matches:
 *
 *   const SPEECH = words(['says', 'said', 'reports?', 'told']);
 *   const SOURCE_AFTER = pattern(['^\\s+', SPEECH, '(?:\\s+that\\b|\\s*[,:“"])'], 'i');
 *
 * `words` joins alternatives into one non-capturing group (each item is itself a pattern: `reports?`
 * is "report" or "reports"); `pattern` joins the parts in order. Parts are pattern source, not
 * literal text: escape what must be literal with `literal`. Pure.
 */

/** `(?:a|b|c)`: one of the alternatives, each a pattern of its own. */
export function words(alternatives: readonly string[]): string {
  return `(?:${alternatives.join('|')})`;
}

/** The parts, one after the other, as a RegExp with `flags`. */
export function pattern(parts: readonly string[], flags = ''): RegExp {
  return new RegExp(parts.join(''), flags);
}

/** `text` as a pattern that matches exactly it. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
