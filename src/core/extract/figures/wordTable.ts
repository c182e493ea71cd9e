/**
 * A lookup table of words with no prototype: "constructor" or "toString" in an article are
 * words, not entries ("OpenAI signed constructor deals" once read "constructor" as a number).
 */
export function wordTable<V>(entries: Record<string, V>): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, entries);
}
