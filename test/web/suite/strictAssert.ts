// `node:assert/strict` in the browser: the integration suites import it, and the web test bundle
// (test/web/run.mjs) points that import here. The members the suites use, with Node's strict
// meanings, on chai's assert (there is no Node `assert` in a web worker).
import { assert as chai } from 'chai';

type Message = string | Error | undefined;

function text(message: Message): string | undefined {
  return message instanceof Error ? message.message : message;
}

export function ok(value: unknown, message?: Message): asserts value {
  chai.ok(value, text(message));
}

/** Strict: `Object.is`, as Node's strict `equal`. */
export function equal<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) chai.strictEqual(actual, expected, text(message));
}

export const strictEqual = equal;

export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) chai.notStrictEqual(actual, expected, text(message));
}

/** Deep and strict (types, keys, `undefined` members), as Node's `deepStrictEqual`. */
export function deepEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  chai.deepStrictEqual(actual, expected, text(message));
}

export function match(value: string, pattern: RegExp, message?: Message): void {
  chai.typeOf(value, 'string', text(message));
  chai.match(value, pattern, text(message));
}

export function doesNotMatch(value: string, pattern: RegExp, message?: Message): void {
  chai.typeOf(value, 'string', text(message));
  chai.notMatch(value, pattern, text(message));
}

export function fail(message?: Message): never {
  return chai.fail(text(message));
}
