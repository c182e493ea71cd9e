/**
 * Tags as stored: trimmed, lower-case, runs of spaces as one "-", 1 to `MAX_TAG_LENGTH`
 * characters. "Needs Source" and "needs-source" are the same tag.
 */
import { BUILTIN_TAGS } from './model';

export const MAX_TAG_LENGTH = 40;

export type BuiltinTag = (typeof BUILTIN_TAGS)[number];

/** The stored form of a tag, or null when nothing is left of it or it is too long. */
export function normaliseTag(raw: string): string | null {
  const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
  if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) return null;
  return tag;
}

export function isBuiltinTag(tag: string): tag is BuiltinTag {
  return (BUILTIN_TAGS as readonly string[]).includes(tag);
}
