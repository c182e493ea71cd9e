/**
 * Myers' bit-parallel approximate string matching (Myers 1999), in Hyyrö's block form with
 * Ukkonen's cut-off: every place where `pattern` occurs in `text` with at most `maxErrors`
 * edits (insertions, deletions, substitutions of UTF-16 code units).
 *
 * Cost: O(text.length × ⌈active rows / 32⌉), and the active rows stay near `maxErrors` on text
 * that does not resemble the pattern, so a search is linear in the text for a bounded error
 * budget. Same algorithm as `approx-string-match` (used by hypothesis/client's match-quote),
 * with one change: it keeps every local best within the budget, not only the global best, so
 * that context and position can rank near-misses against exact copies.
 */

const WORD_BITS = 32;

/** An occurrence ending at `end` (exclusive) with `errors` edits; the start is found separately. */
export interface MatchEnd {
  readonly end: number;
  readonly errors: number;
}

interface BlockState {
  readonly positive: Uint32Array;
  readonly negative: Uint32Array;
  readonly lastRowMask: Uint32Array;
}

/** Per character code, the bit mask of the pattern rows holding it, one word per 32 rows. */
interface PatternMasks {
  readonly blockCount: number;
  readonly byCode: Map<number, Uint32Array>;
  /** The same masks for codes below 256, where most article text is: an array beats a Map. */
  readonly byLatin1Code: readonly Uint32Array[];
  readonly none: Uint32Array;
}

function patternMasks(pattern: string): PatternMasks {
  const blockCount = Math.ceil(pattern.length / WORD_BITS);
  const byCode = new Map<number, Uint32Array>();
  for (let row = 0; row < pattern.length; row++) {
    const code = pattern.charCodeAt(row);
    let masks = byCode.get(code);
    if (!masks) {
      masks = new Uint32Array(blockCount);
      byCode.set(code, masks);
    }
    masks[Math.floor(row / WORD_BITS)]! |= 1 << (row % WORD_BITS);
  }
  const none = new Uint32Array(blockCount);
  const byLatin1Code = Array.from({ length: 256 }, (_, code) => byCode.get(code) ?? none);
  return { blockCount, byCode, byLatin1Code, none };
}

/** One column step of one 32-row block; returns the horizontal delta (-1, 0, +1) at its last row. */
function advanceBlock(state: BlockState, masks: Uint32Array, block: number, deltaIn: number): number {
  let positive = state.positive[block]!;
  let negative = state.negative[block]!;
  const isDeltaInNegative = deltaIn < 0 ? 1 : 0;
  const equal = masks[block]! | isDeltaInNegative;
  const verticalX = equal | negative;
  const horizontalX = (((equal & positive) + positive) ^ positive) | equal;
  let horizontalPositive = negative | ~(horizontalX | positive);
  let horizontalNegative = positive & horizontalX;
  const lastRow = state.lastRowMask[block]!;
  const deltaOut = (horizontalPositive & lastRow ? 1 : 0) - (horizontalNegative & lastRow ? 1 : 0);
  horizontalPositive <<= 1;
  horizontalNegative <<= 1;
  horizontalNegative |= isDeltaInNegative;
  horizontalPositive |= deltaIn > 0 ? 1 : 0;
  positive = horizontalNegative | ~(verticalX | horizontalPositive);
  negative = horizontalPositive & verticalX;
  state.positive[block] = positive;
  state.negative[block] = negative;
  return deltaOut;
}

/**
 * Where `pattern` ends in `text` with at most `maxErrors` edits: one entry per run of
 * neighbouring end positions (its best), at most `limit` entries, the fewest errors first and,
 * of equal errors, those ending nearest `nearEnd`. Once `limit` entries are held, the budget
 * shrinks to the worst of them, which bounds the work on repetitive text.
 */
export function findMatchEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  limit: number,
  nearEnd = 0,
): MatchEnd[] {
  if (pattern.length === 0 || maxErrors < 0) return [];
  const masks = patternMasks(pattern);
  const lastBlock = masks.blockCount - 1;
  const state: BlockState = {
    positive: new Uint32Array(masks.blockCount),
    negative: new Uint32Array(masks.blockCount),
    lastRowMask: new Uint32Array(masks.blockCount).fill(1 << (WORD_BITS - 1)),
  };
  state.lastRowMask[lastBlock] = 1 << ((pattern.length - 1) % WORD_BITS);
  const score = new Int32Array(masks.blockCount);
  let budget = maxErrors;
  let activeBlock = Math.min(lastBlock, Math.max(0, Math.ceil(budget / WORD_BITS) - 1));
  for (let block = 0; block <= activeBlock; block++) {
    score[block] = (block + 1) * WORD_BITS;
    state.positive[block] = ~0;
    state.negative[block] = 0;
  }
  score[lastBlock] = pattern.length;
  const found = new MatchCollector(limit, nearEnd);
  for (let column = 0; column < text.length; column++) {
    const code = text.charCodeAt(column);
    const columnMasks = code < 256 ? masks.byLatin1Code[code]! : (masks.byCode.get(code) ?? masks.none);
    let carry = 0;
    for (let block = 0; block <= activeBlock; block++) {
      carry = advanceBlock(state, columnMasks, block, carry);
      score[block]! += carry;
    }
    if (
      score[activeBlock]! - carry <= budget &&
      activeBlock < lastBlock &&
      ((columnMasks[activeBlock + 1]! & 1) !== 0 || carry < 0)
    ) {
      activeBlock++;
      state.positive[activeBlock] = ~0;
      state.negative[activeBlock] = 0;
      const rowsInBlock = activeBlock === lastBlock ? pattern.length - lastBlock * WORD_BITS : WORD_BITS;
      score[activeBlock] =
        score[activeBlock - 1]! + rowsInBlock - carry + advanceBlock(state, columnMasks, activeBlock, carry);
    } else {
      while (activeBlock > 0 && score[activeBlock]! >= budget + WORD_BITS) activeBlock--;
    }
    if (activeBlock === lastBlock && score[activeBlock]! <= budget) {
      found.add(column + 1, score[activeBlock]!);
      budget = Math.min(budget, found.budgetCeiling());
    }
  }
  return found.result();
}

/** Keeps the best end of each run of adjacent ends, and only the `limit` best runs. */
class MatchCollector {
  /** Sorted best first (see `isBetter`). */
  private readonly runs: MatchEnd[] = [];
  private current: MatchEnd | null = null;
  private lastEnd = -2;

  constructor(
    private readonly limit: number,
    private readonly nearEnd: number,
  ) {}

  add(end: number, errors: number): void {
    const current = this.current;
    if (current && end === this.lastEnd + 1) {
      if (errors < current.errors) this.current = { end, errors };
    } else {
      this.flush();
      this.current = { end, errors };
    }
    this.lastEnd = end;
  }

  /** The error count a new run must stay within to be worth keeping. */
  budgetCeiling(): number {
    if (this.runs.length < this.limit) return Number.POSITIVE_INFINITY;
    return this.runs[this.runs.length - 1]!.errors;
  }

  result(): MatchEnd[] {
    this.flush();
    return [...this.runs];
  }

  private isBetter(a: MatchEnd, b: MatchEnd): boolean {
    return (
      a.errors < b.errors || (a.errors === b.errors && Math.abs(a.end - this.nearEnd) < Math.abs(b.end - this.nearEnd))
    );
  }

  private flush(): void {
    const run = this.current;
    if (!run) return;
    this.current = null;
    let at = this.runs.length;
    while (at > 0 && this.isBetter(run, this.runs[at - 1]!)) at--;
    if (at >= this.limit) return;
    this.runs.splice(at, 0, run);
    if (this.runs.length > this.limit) this.runs.length = this.limit;
  }
}
