/** An entity's id from its name: `entity:amazon-web-services` (a module of its own: the corpus needs it, not the recognisers). */
const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;

export function entityId(name: string): string {
  return `entity:${name.normalize('NFKC').toLowerCase().replace(NOT_LETTERS_OR_DIGITS, '-').replace(/^-|-$/g, '')}`;
}
