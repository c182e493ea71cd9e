/** Test fixtures with the span written in place: "raised ⟦$38 billion⟧ in" → text and offsets. */
export interface MarkedText {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function marked(withMarkers: string): MarkedText {
  const start = withMarkers.indexOf('⟦');
  const end = withMarkers.indexOf('⟧') - 1;
  if (start < 0 || end < start) throw new Error(`fixture needs one ⟦span⟧: ${withMarkers}`);
  return { text: withMarkers.replace('⟦', '').replace('⟧', ''), start, end };
}
