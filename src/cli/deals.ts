/**
 * `newsmark deals <files|folders|->... [--format json|csv] [--out FILE]`: the deals of a corpus,
 * merged across its sources as the deals panel merges them (a deal whose sources state different
 * values or dates is one deal, its mentions saying each) — as JSON (`schemas/deals.schema.json`)
 * or as CSV, one row per deal (the text the panel's "Copy Deals as CSV" copies). Reads like
 * `extract`: a file that cannot be read or analysed is one line on stderr and left out.
 */
import { Corpus } from '../core/corpus/corpus';
import { dealsCsv } from '../core/dealsCsv';
import { toExtractDeal } from '../core/extractOutput';
import { DealsExport, EXTRACT_SCHEMA_VERSION } from '../core/schema';
import { UsageError, type ParsedArgs } from './args';
import { intoCorpus, startArticleRun } from './extract';
import { partOf } from '../core/corpus/corpusParts';
import { extractAll } from './extractJobs';
import { ProgressLine } from './progress';

const FORMATS = ['json', 'csv'] as const;
/** As the deals panel merges (`extract` keeps a deal per stated value: 'same-value'). */
const PANEL_MERGE = 'join-differing';
type DealsFormat = (typeof FORMATS)[number];

export async function runDeals(args: ParsedArgs): Promise<number> {
  const format = (args.options.get('format') ?? 'json') as DealsFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format is json or csv, not '${format}'`);
  const { files, jobs, loaded, out, failed: unread } = startArticleRun('deals', args);
  let failed = unread;
  const progress = new ProgressLine(files.length, 'article');
  try {
    const corpus = new Corpus(); // of the deals only: no statement is kept
    let read = 0;
    const options = {
      lexicon: loaded.lexicon,
      additions: loaded.additions,
      jobs,
      isJobsExplicit: args.options.has('jobs'),
      workerScript: __filename,
    };
    await extractAll(files, options, (result) => {
      if (intoCorpus(result, (facts) => corpus.updateFacts(partOf(facts, 'deals')), progress)) read++;
      else failed++;
    });
    progress.finish();
    const deals = corpus.deals(PANEL_MERGE).map(toExtractDeal);
    if (format === 'csv') out.write(dealsCsv(deals));
    else {
      const output: DealsExport = { schemaVersion: EXTRACT_SCHEMA_VERSION, sources: read, deals };
      DealsExport.parse(output); // a mismatch is a bug in newsmark, never written
      out.write(`${JSON.stringify(output, null, args.flags.has('pretty') ? 2 : undefined)}\n`);
    }
    out.commit();
  } catch (error) {
    progress.finish();
    out.abort();
    throw error;
  }
  return failed > 0 ? 1 : 0;
}
