/**
 * `--cache DIR` (extract, check): the facts of unchanged articles are read from DIR instead of
 * analysed again (src/node/factCache.ts). DIR is created when missing; a folder of other files is
 * refused (usage error, nothing read). Another newsmark build's entries are dropped with one line,
 * a corrupt entry is analysed again with one line, and the run ends with one line saying how many
 * articles came from the cache and why the others were analysed.
 */
import type { LexiconAdditions } from '../core/extract/entities/lexicon';
import { engineBuild, engineKeyOf, openFactCache } from '../node/factCache';
import { UsageError, type ParsedArgs } from './args';
import type { CacheOutcome, CacheTarget, CachedLine, ExtractResult } from './extractJobs';
import { report } from './output';

declare const VERSION: string;

/** The cache of this run, or undefined without `--cache`. */
export async function openCacheOption(
  args: ParsedArgs,
  additions: LexiconAdditions | undefined,
): Promise<CacheTarget | undefined> {
  const dir = args.options.get('cache');
  if (dir === undefined) return undefined;
  if (dir.trim() === '') throw new UsageError('--cache needs a folder');
  const build = engineBuild();
  if (build === '') {
    report(
      `--cache ${dir}: this build of newsmark is not stamped (a development or watch build); every article is analysed and nothing is cached`,
    );
    return undefined;
  }
  const opened = await openFactCache(dir, build, { isOnlyOurs: true });
  if (opened.status === 'refused') throw new UsageError(`--cache: ${opened.error}`, false);
  if (opened.dropped) report(`cache: ${opened.dropped}`);
  return { dir, engine: engineKeyOf(build, additions), version: VERSION };
}

/** Counts what the cache gave; `line()` is the run's last word on it. */
export class CacheTally {
  private hits = 0;
  private readonly analysed = new Map<string, number>();
  private writeErrors = 0;

  constructor(readonly target: CacheTarget) {}

  /** Counts one result; a corrupt entry or a failed write is reported (one line each, through `say`). */
  count(result: ExtractResult | CachedLine, say: (line: string) => void): void {
    if ((result.status !== 'ok' && result.status !== 'cachedLine') || !result.cache) return;
    const outcome: CacheOutcome = result.cache;
    if (outcome.status === 'hit') {
      this.hits++;
      return;
    }
    const why = REASONS[outcome.why];
    this.analysed.set(why, (this.analysed.get(why) ?? 0) + 1);
    if (outcome.why === 'corrupt' || outcome.why === 'otherFormat')
      say(
        `${result.path}: its cache entry was dropped (${outcome.detail ?? outcome.why}) and the article analysed again`,
      );
    if (outcome.writeError !== undefined && this.writeErrors++ === 0)
      say(`cache: ${outcome.writeError}; the next run analyses it again`);
  }

  /** "cache DIR: 9,999 articles read from it, 1 analysed (1 changed)", and `more` after a semicolon. */
  line(more?: string): string {
    const analysedCount = [...this.analysed.values()].reduce((n, c) => n + c, 0);
    const why = [...this.analysed]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${n.toLocaleString('en')} ${reason}`)
      .join(', ');
    const failed = this.writeErrors > 0 ? `; ${this.writeErrors.toLocaleString('en')} could not be written` : '';
    return `cache ${this.target.dir}: ${this.hits.toLocaleString('en')} ${this.hits === 1 ? 'article' : 'articles'} read from it, ${analysedCount.toLocaleString('en')} analysed${why ? ` (${why})` : ''}${failed}${more ? `; ${more}` : ''}`;
  }
}

const REASONS: Readonly<Record<Exclude<CacheOutcome, { status: 'hit' }>['why'], string>> = {
  new: 'new',
  content: 'changed',
  path: 'named otherwise',
  engine: 'for another lexicon',
  corrupt: 'corrupt entry',
  otherFormat: 'entry of another format',
};
