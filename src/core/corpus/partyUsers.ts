/** Which sources' fact keys and deals name which entity ids: the sources to re-key when an id resolves differently. */
import { forEachPartyId } from '../store/packedDeals';
import type { SourceFacts } from '../store/sourceFacts';
import { addPath, removePath, type PathList } from './pathLists';

/** What of a source names parties: its keyed statements and its deals. */
type PartySource = Pick<SourceFacts, 'path' | 'statements' | 'deals'>;

export class PartyUsers {
  /** id → the paths using it (`PathList`: an array for a few, a set for many). */
  private readonly pathsById = new Map<string, PathList>();

  add(source: PartySource): void {
    for (const id of partyIdsOf(source)) addPath(this.pathsById, id, source.path);
  }

  remove(source: PartySource): void {
    for (const id of partyIdsOf(source)) removePath(this.pathsById, id, source.path);
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
