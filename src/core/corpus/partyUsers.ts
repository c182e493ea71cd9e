/** Which sources' fact keys and deals name which entity ids: the sources to re-key when an id resolves differently. */
import { forEachPartyId } from '../store/packedDeals';
import type { SourceFacts } from '../store/sourceFacts';

/** What of a source names parties: its keyed statements and its deals. */
type PartySource = Pick<SourceFacts, 'path' | 'statements' | 'deals'>;

/** Up to this many paths an id is held in an array; past it in a set, so that removing a source stays cheap. */
const ARRAY_LIMIT = 32;

export class PartyUsers {
  /**
   * id → the paths using it. Most ids are used by a few sources: an array takes a third of a set's
   * memory. An id used by many (OpenAI in a corpus about AI) gets a set, whose removals cost
   * O(1) rather than O(sources).
   */
  private readonly pathsById = new Map<string, string[] | Set<string>>();

  add(source: PartySource): void {
    for (const id of partyIdsOf(source)) {
      const paths = this.pathsById.get(id);
      if (!paths) this.pathsById.set(id, [source.path]);
      else if (paths instanceof Set) paths.add(source.path);
      else if (paths.length < ARRAY_LIMIT) {
        // a source is added once between removals, its ids each once: no path is there twice
        if (paths[paths.length - 1] !== source.path) paths.push(source.path);
      } else this.pathsById.set(id, new Set(paths).add(source.path));
    }
  }

  remove(source: PartySource): void {
    for (const id of partyIdsOf(source)) {
      const paths = this.pathsById.get(id);
      if (!paths) continue;
      if (paths instanceof Set) paths.delete(source.path);
      else {
        const at = paths.indexOf(source.path);
        if (at >= 0) paths.splice(at, 1);
      }
      if ((paths instanceof Set ? paths.size : paths.length) === 0) this.pathsById.delete(id);
    }
  }

  pathsUsing(id: string): Iterable<string> {
    return this.pathsById.get(id) ?? [];
  }
}

function partyIdsOf(source: PartySource): Set<string> {
  const ids = new Set<string>();
  for (const s of source.statements) for (const p of s.key.subject.parties) ids.add(p.id);
  forEachPartyId(source.deals, (id) => ids.add(id));
  return ids;
}
