/** Which sources' fact keys and deals name which entity ids: the sources to re-key when an id resolves differently. */
import { forEachPartyId } from '../store/packedDeals';
import type { SourceFacts } from '../store/sourceFacts';

/** What of a source names parties: its keyed statements and its deals. */
type PartySource = Pick<SourceFacts, 'path' | 'statements' | 'deals'>;

export class PartyUsers {
  private readonly pathsById = new Map<string, Set<string>>();

  add(source: PartySource): void {
    for (const id of partyIdsOf(source)) {
      const paths = this.pathsById.get(id) ?? new Set<string>();
      this.pathsById.set(id, paths.add(source.path));
    }
  }

  remove(source: PartySource): void {
    for (const id of partyIdsOf(source)) {
      const paths = this.pathsById.get(id);
      paths?.delete(source.path);
      if (paths?.size === 0) this.pathsById.delete(id);
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
