/**
 * Where a JSON text stops being JSON, for a message a person can act on ("line 4, column 12:
 * expected ',' or '}'"). `JSON.parse` words its errors differently on each Node version and
 * does not always give a position, so the first error is located here by a small scanner
 * (RFC 8259 grammar, no values built).
 */

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that does not fit. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly expected: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new JsonScanner(text);
  const stop = scanner.document();
  if (!stop) return null;
  const before = text.slice(0, stop.offset);
  const line = before.split('\n').length;
  const column = stop.offset - (before.lastIndexOf('\n') + 1) + 1;
  return { offset: stop.offset, line, column, expected: stop.expected };
}

/** Deeper nesting is reported rather than followed, so the scanner's recursion stays shallow. */
const MAX_DEPTH = 256;

class JsonScanner {
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): Stop | null {
    const stop = this.value();
    if (stop) return stop;
    this.whitespace();
    return this.at < this.text.length ? new Stop(this.at, 'the end of the file after the value') : null;
  }

  private value(): Stop | null {
    this.whitespace();
    const char = this.text[this.at];
    if (char === undefined) return new Stop(this.at, 'a value, but the file ends');
    if (char === '{' || char === '[') {
      if (this.depth >= MAX_DEPTH) return new Stop(this.at, `at most ${MAX_DEPTH} levels of nesting`);
      this.depth++;
      const stop = char === '{' ? this.object() : this.array();
      this.depth--;
      return stop;
    }
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.at)) {
        this.at += literal.length;
        return null;
      }
    }
    return new Stop(this.at, 'a value (object, array, string, number, true, false or null)');
  }

  private object(): Stop | null {
    this.at++;
    this.whitespace();
    if (this.text[this.at] === '}') {
      this.at++;
      return null;
    }
    for (;;) {
      this.whitespace();
      if (this.text[this.at] !== '"')
        return new Stop(
          this.at,
          this.text[this.at] === '}'
            ? 'a property name (a trailing comma is not allowed)'
            : 'a property name in double quotes',
        );
      const key = this.string();
      if (key) return key;
      this.whitespace();
      if (this.text[this.at] !== ':') return new Stop(this.at, "':' after the property name");
      this.at++;
      const value = this.value();
      if (value) return value;
      this.whitespace();
      const next = this.text[this.at];
      this.at++;
      if (next === '}') return null;
      if (next !== ',') return new Stop(this.at - 1, "',' or '}'");
    }
  }

  private array(): Stop | null {
    this.at++;
    this.whitespace();
    if (this.text[this.at] === ']') {
      this.at++;
      return null;
    }
    for (;;) {
      this.whitespace();
      if (this.text[this.at] === ']') return new Stop(this.at, 'a value (a trailing comma is not allowed)');
      const value = this.value();
      if (value) return value;
      this.whitespace();
      const next = this.text[this.at];
      this.at++;
      if (next === ']') return null;
      if (next !== ',') return new Stop(this.at - 1, "',' or ']'");
    }
  }

  private string(): Stop | null {
    this.at++;
    while (this.at < this.text.length) {
      const code = this.text.charCodeAt(this.at);
      if (code === 0x22) {
        this.at++;
        return null;
      }
      if (code < 0x20) return new Stop(this.at, "the closing '\"' (a line break inside a string must be written \\n)");
      if (code === 0x5c) {
        const escaped = this.text[this.at + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6)))
            return new Stop(this.at, 'four hex digits after \\u');
          this.at += 6;
          continue;
        }
        if (escaped === undefined || !'"\\/bfnrt'.includes(escaped))
          return new Stop(this.at, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        this.at += 2;
        continue;
      }
      this.at++;
    }
    return new Stop(this.at, "the closing '\"', but the file ends");
  }

  private number(): Stop | null {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.at;
    const found = match.exec(this.text);
    if (!found) return new Stop(this.at, 'a number');
    this.at += found[0].length;
    return null;
  }

  private whitespace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++;
  }
}
