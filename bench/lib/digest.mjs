// A digest of what the editor shows and the CLI exports: ranges and kinds of figures and
// entity mentions, claims and deals. Two analyses with the same digest decorate the same way.
import { createHash } from 'node:crypto';

export function decorationRanges(analysis) {
  const ranges = [];
  for (const f of analysis.figures) ranges.push({ start: f.start, end: f.end, kind: f.kind });
  for (const e of analysis.entities)
    for (const m of e.mentions) ranges.push({ start: m.start, end: m.end, kind: e.type });
  return ranges;
}

export function digestOf(analysis) {
  const view = {
    figures: analysis.figures.map((f) => [
      f.start,
      f.end,
      f.kind,
      f.value,
      f.unit,
      f.qualifier,
      f.isApprox,
      f.sentenceIndex,
    ]),
    entities: analysis.entities.map((e) => [e.id, e.name, e.type, e.aliases, e.mentions.map((m) => [m.start, m.end])]),
    claims: analysis.claims.map((c) => [
      c.start,
      c.end,
      c.figureIds,
      c.entityIds,
      c.dealIds,
      c.attribution?.text ?? null,
    ]),
    deals: analysis.deals.map((d) => [d.id, d.parties, d.kind, d.value, d.date]),
    sentences: analysis.sentences.map((s) => [s.start, s.end]),
  };
  return createHash('sha256').update(JSON.stringify(view)).digest('hex').slice(0, 16);
}
