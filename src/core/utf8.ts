/** UTF-8 sizes without encoding (no `Buffer` in a browser, no copy of a large text). */

/**
 * The bytes `text` takes in UTF-8, as a file saved by VS Code holds it: 1 to 3 bytes per UTF-16
 * code unit, 4 for a surrogate pair, and 3 for a lone surrogate (written as U+FFFD), the same
 * count as `Buffer.byteLength(text, 'utf8')` and `new TextEncoder().encode(text).length`.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
