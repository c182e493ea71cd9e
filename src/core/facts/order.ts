/** Ordinal string order (by UTF-16 code unit): stable across locales, and much cheaper than `localeCompare`. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
