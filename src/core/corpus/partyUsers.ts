/** Which sources' fact keys and deals name which entity ids: the sources to re-key when an id resolves differently. */
import { forEachPartyId } from '../store/packedDeals';
import type { SourceFacts } from '../store/sourceFacts';

export class PartyUsers {
  private readonly pathsById = new Map<string, Set<string>>();

  add(source: SourceFacts): void {
    for (const id of partyIdsOf(source)) {
      const paths = this.pathsById.get(id) ?? new Set<string>();
      this.pathsById.set(id, paths.add(source.path));
    }
  }

  remove(source: SourceFacts): void {
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

function partyIdsOf(source: SourceFacts): Set<string> {
  const ids = new Set<string>();
  for (const s of source.statements) for (const p of s.key.subject.parties) ids.add(p.id);
  forEachPartyId(source.deals, (id) => ids.add(id));
  return ids;
}
