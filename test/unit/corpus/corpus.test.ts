import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyse } from '../../../src/core/analysis';
import { Corpus } from '../../../src/core/corpus/corpus';
import {
  byFirstMention,
  differenceWords,
  sortByFirstMention,
  sortRowsByFirstMention,
} from '../../../src/core/corpus/deals';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import type { CorpusFact } from '../../../src/core/facts/index';
import { subjectPartyIds } from '../../../src/core/views/dealGraph';
import { seededRandom } from '../seededRandom';
import { FIXTURES, analyseText, articlesIn, corpusOf } from './fixtures';

const WIRE =
  '# Quarry Capital and Nimbrel AI\n\nMay 12, 2025\n\nQuarry Capital has invested a total of $2.4 billion in Nimbrel AI.\n';
const NOTE =
  '# Notes\n\nMay 14, 2025\n\nQuarry Capital’s cumulative investment in Nimbrel AI now stands at $2.4 billion.\n';
const EDITED_NOTE = NOTE.replace('$2.4 billion', '$3.1 billion');

function corpusWith(articles: Record<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [articlePath, text] of Object.entries(articles))
    corpus.update(articlePath, analyseText(text, articlePath));
  return corpus;
}

/** The id of the keyed figure whose text is `text` in an article. */
function figureId(text: string, figure: string, articlePath = 'x.md'): string {
  return analyseText(text, articlePath).figures.find((f) => f.text === figure)!.id;
}

suite('corpus: incremental, one article at a time', () => {
  test('statementsFor should list the other sources stating the fact, with a verdict and why', () => {
    const corpus = corpusWith({ 'wire.md': WIRE, 'note.md': NOTE });
    const facts = corpus.statementsFor('wire.md', figureId(WIRE, '$2.4 billion'))!;
    assert.equal(facts.key.label, 'Quarry Capital → Nimbrel AI: investment, cumulative');
    assert.equal(facts.key.id, 'entity:quarry-capital>entity:nimbrel-ai|investment|cumulative');
    assert.deepEqual(
      facts.others.map((o) => [o.path, o.text, o.verdict, o.reason]),
      [['note.md', '$2.4 billion', 'agree', 'equal']],
    );
    assert.equal(
      facts.others[0]!.sentence,
      'Quarry Capital’s cumulative investment in Nimbrel AI now stands at $2.4 billion.',
    );
    assert.equal(facts.verdict, 'agree');
  });

  test('statementsFor should be undefined for a figure without a key, and for an unknown source', () => {
    const text = '# Nimbrel AI\n\nMay 12, 2025\n\nNimbrel AI was founded 4 years ago.';
    const corpus = corpusWith({ 'a.md': text });
    assert.equal(corpus.statementsFor('a.md', figureId(text, '4 years')), undefined);
    assert.equal(corpus.statementsFor('missing.md', 'figure:0-1'), undefined);
  });

  test('an edit that changes a value should make a conflict appear, and reverting it should make it go', () => {
    const corpus = corpusWith({ 'wire.md': WIRE, 'note.md': NOTE });
    assert.deepEqual(corpus.conflicts(), []);
    const change = corpus.update('note.md', analyseText(EDITED_NOTE, 'note.md'));
    assert.deepEqual(
      change.affectedPaths,
      ['note.md', 'wire.md'],
      "the other source's diagnostics need refreshing too",
    );
    assert.deepEqual(
      corpus.conflicts().map((c) => c.statements.map((s) => `${s.path} ${s.text}`)),
      [['note.md $3.1 billion', 'wire.md $2.4 billion']],
    );
    assert.equal(corpus.conflictsIn('wire.md').length, 1);
    corpus.update('note.md', analyseText(NOTE, 'note.md'));
    assert.deepEqual(corpus.conflicts(), []);
    assert.deepEqual(corpus.conflictsIn('wire.md'), []);
  });

  test('updating a source again should replace it, not add to it', () => {
    const corpus = corpusWith({ 'wire.md': WIRE, 'note.md': NOTE });
    const before = corpus.retained();
    for (let i = 0; i < 3; i++) corpus.update('note.md', analyseText(NOTE, 'note.md'));
    assert.deepEqual(corpus.retained(), before);
  });

  test("remove should drop the source's statements, conflicts and mentions, and name the sources it shared facts with", () => {
    const corpus = corpusWith({
      'wire.md': WIRE,
      'note.md': EDITED_NOTE,
      'other.md': '# Vantor Cloud\n\nVantor Cloud is valued at $35 billion.',
    });
    assert.equal(corpus.conflicts().length, 1);
    assert.deepEqual(corpus.remove('note.md').affectedPaths, ['note.md', 'wire.md']);
    assert.deepEqual(corpus.conflicts(), []);
    assert.deepEqual(corpus.paths(), ['other.md', 'wire.md']);
    assert.ok(corpus.entityMentions('entity:nimbrel-ai').every((m) => m.path === 'wire.md'));
    assert.deepEqual(corpus.remove('note.md').affectedPaths, [], 'removing twice changes nothing');
  });

  test('removing every source should leave nothing behind', () => {
    const corpus = corpusWith({ 'wire.md': WIRE, 'note.md': EDITED_NOTE });
    corpus.remove('wire.md');
    corpus.remove('note.md');
    assert.deepEqual(corpus.retained(), {
      sources: 0,
      statements: 0,
      entities: 0,
      entityMentions: 0,
      deals: 0,
      dealMentions: 0,
      characters: 0,
      keys: 0,
      entityIds: 0,
      dealGroups: 0,
      pooledStrings: 0,
      pooledParties: 0,
    });
    assert.deepEqual([corpus.facts(), corpus.deals(), corpus.entityMentions('entity:nimbrel-ai')], [[], [], []]);
  });

  test('rename should move everything to the new path', () => {
    const corpus = corpusWith({ 'wire.md': WIRE, 'note.md': EDITED_NOTE });
    const change = corpus.rename('note.md', 'archive/note.md');
    assert.deepEqual(change.affectedPaths, ['archive/note.md', 'note.md', 'wire.md']);
    assert.equal(corpus.has('note.md'), false);
    assert.deepEqual(
      corpus.conflicts()[0]!.statements.map((s) => s.path),
      ['archive/note.md', 'wire.md'],
    );
    assert.ok(corpus.statementsFor('archive/note.md', figureId(EDITED_NOTE, '$3.1 billion')));
    assert.ok(corpus.deals().every((d) => d.mentions.every((m) => m.path !== 'note.md')));
    assert.deepEqual(corpus.rename('missing.md', 'x.md').affectedPaths, []);
  });

  test('entityMentions should count an entity in every source, in file offsets', () => {
    const corpus = corpusWith({ 'wire.md': WIRE, 'note.md': NOTE });
    const mentions = corpus.entityMentions('entity:nimbrel-ai');
    assert.deepEqual(
      mentions.map((m) => [
        m.path,
        m.text,
        WIRE.slice(m.start, m.end) === m.text || NOTE.slice(m.start, m.end) === m.text,
      ]),
      [
        ['note.md', 'Nimbrel AI', true],
        ['wire.md', 'Nimbrel AI', true],
        ['wire.md', 'Nimbrel AI', true],
      ],
    );
    assert.deepEqual(corpus.entity('entity:nimbrel-ai'), {
      id: 'entity:nimbrel-ai',
      name: 'Nimbrel AI',
      type: 'org',
      sourceCount: 2,
      mentionCount: 3,
    });
  });

  test('an entity should be one across the workspace: an alias in one article joins the short name of another', () => {
    const full = 'Brightwater Analytics Inc. opened an office in Leeds. Brightwater said it would hire 40 engineers.';
    const short =
      'Analysts expect Brightwater to grow. Last year Brightwater doubled its staff, and Brightwater now sells in Ohio.';
    const corpus = corpusWith({ 'full.md': full, 'short.md': short });
    assert.equal(corpus.canonicalEntityId('entity:brightwater'), 'entity:brightwater-analytics');
    assert.deepEqual(
      corpus.entityMentions('entity:brightwater').map((m) => `${m.path} ${m.text}`),
      [
        'full.md Brightwater Analytics Inc',
        'full.md Brightwater',
        'short.md Brightwater',
        'short.md Brightwater',
        'short.md Brightwater',
      ],
    );
    assert.equal(corpus.entity('entity:brightwater')?.name, 'Brightwater Analytics');
    corpus.remove('full.md');
    assert.equal(
      corpus.canonicalEntityId('entity:brightwater'),
      'entity:brightwater',
      'the alias went with its article',
    );
    assert.equal(corpus.entityMentions('entity:brightwater').length, 3);
  });

  test('a fact stated under an alias in one article should join the same fact stated under the full name in another', () => {
    const full =
      'Brightwater Analytics Inc. opened an office in Leeds. Brightwater said it would hire 40 engineers.\n\nBrightwater Analytics has 1,200 employees.';
    const short = 'Analysts expect Brightwater to grow. Brightwater has 1,500 employees.';
    const corpus = corpusWith({ 'full.md': full, 'short.md': short });
    assert.deepEqual(
      corpus.conflicts().map((c) => [c.key.id, c.statements.map((s) => `${s.path} ${s.text}`)]),
      [['entity:brightwater-analytics|employees|', ['full.md 1,200', 'short.md 1,500']]],
    );
    corpus.remove('full.md');
    assert.deepEqual(corpus.conflicts(), [], 'the alias went with its article, and so did the shared key');
  });

  test("deals should be merged across sources, with each source's value and date, differences marked", () => {
    const corpus = new Corpus();
    const folder = path.join(FIXTURES, 'workspace');
    for (const article of articlesIn(folder)) corpus.update(article.path, analyseText(article.text, article.path));
    const summary = corpus
      .deals()
      .map(
        (d) =>
          `${d.kind} ${d.parties.join(' + ')}: ${d.sources.map((s) => `${s.path}=${s.value ?? '-'}@${s.date ?? '-'}`).join(' ')}${d.differs ? ' (differs)' : ''}`,
      );
    assert.deepEqual(summary, [
      'cloud-contract Nimbrel AI + Vantor Cloud: analyst-note.md=12000000000@- newswire.md=12000000000@- podcast-recap.txt=-@-',
      'equity-stake Quarry Capital + Nimbrel AI: analyst-note.md=-@- podcast-recap.txt=-@-',
      'investment Quarry Capital + Nimbrel AI: analyst-note.md=3100000000@- newswire.md=2400000000@2021 (differs)',
    ]);
  });

  test('a wider tolerance should turn a small difference into agreement', () => {
    const note = NOTE.replace('$2.4 billion', '$2.45 billion');
    assert.equal(corpusWith({ 'wire.md': WIRE, 'note.md': note }).conflicts().length, 1);
    const lenient = new Corpus({ tolerance: 0.05 });
    lenient.update('wire.md', analyseText(WIRE, 'wire.md'));
    lenient.update('note.md', analyseText(note, 'note.md'));
    assert.deepEqual(lenient.conflicts(), []);
  });

  test('should take any content without throwing: empty, markup only, odd numbers, reversed ranges', () => {
    const odd = [
      '',
      '# \n\n---\n',
      '```\n$5 billion\n```',
      'Nimbrel AI’s valuation: $0 billion.',
      'Nimbrel AI lost -$5 billion in 2024.',
      'Vantor Cloud’s deal with Nimbrel AI covers 5–3 GW of capacity.',
      'Quarry Capital holds a 250% stake in Nimbrel AI.',
      '\ufffd\u0000 Nimbrel AI is valued at $1e400 billion.',
      'Valuation: $20 billion.',
      `${'Nimbrel AI is valued at $20 billion. '.repeat(300)}`,
    ];
    const corpus = new Corpus();
    odd.forEach((text, i) => corpus.update(`odd-${i}.md`, analyseText(text, `odd-${i}.md`)));
    corpus.update('again.md', analyseText(odd[9]!.replace(/\$20/g, '$30'), 'again.md'));
    assert.ok(corpus.facts().length > 0);
    assert.doesNotThrow(() => [corpus.conflicts(), corpus.deals(), corpus.entityMentions('entity:nimbrel-ai')]);
  });

  test('deals of equal value in € and $ should stay two deals with two ids across sources', () => {
    const corpus = corpusWith({
      'eu.md': '# Desk\n\nMay 12, 2025\n\nQuarry Capital has invested €2 billion in Nimbrel AI.\n',
      'us.md': '# Desk\n\nMay 14, 2025\n\nQuarry Capital has invested $2 billion in Nimbrel AI.\n',
    });
    const deals = corpus.deals();
    assert.deepEqual(
      deals.map((d) => [d.currency, d.value, d.sources.map((s) => s.path)]),
      [
        ['EUR', 2e9, ['eu.md']],
        ['USD', 2e9, ['us.md']],
      ],
    );
    assert.equal(new Set(deals.map((d) => d.id)).size, 2);
  });

  test('factsNaming should give the facts whose subject names an entity, as filtering every fact does', () => {
    let checked = 0;
    for (const name of ['seeds', 'workspace', 'conflict', 'agree', 'approximations', 'currencies', 'ranges']) {
      const corpus = corpusOf(name);
      const all = corpus.facts();
      const ids = [...new Set(all.flatMap((f) => subjectPartyIds(f.key.subject)))];
      assert.ok(ids.length > 0, `${name}: facts name entities`);
      for (const id of ids) {
        const naming = (f: CorpusFact) => subjectPartyIds(f.key.subject).includes(id);
        const found = corpus.factsNaming([id]);
        assert.deepEqual(found.filter(naming), all.filter(naming), `${name}: the facts naming ${id}`);
        assert.ok(found.length <= all.length);
        checked++;
      }
      // two ids at once: the facts naming either
      const [a, b] = ids;
      if (b) {
        const either = (f: CorpusFact) => subjectPartyIds(f.key.subject).some((id) => id === a || id === b);
        assert.deepEqual(corpus.factsNaming([a!, b]).filter(either), all.filter(either));
      }
      assert.deepEqual(corpus.factsNaming(['entity:no-such-entity']), []);
    }
    assert.ok(checked >= 15, `entities checked: ${checked}`);
    // the fact's first source names the company by its initials only: its key's party is that id,
    // which the other sources' alias makes one with the full name
    const aliased = new Corpus();
    const texts = {
      'a-initials.md':
        'HQS signed a $4 billion supply contract with Corvanta Labs. HQS was valued at $2 billion in March 2025.',
      'b-full.md': 'Halvorsen Quantum Systems (HQS) was valued at $3 billion in March 2025.',
      'c-deal.md':
        'Halvorsen Quantum Systems (HQS) signed a $4 billion supply contract with Corvanta Labs on 25 September 2025.',
    };
    for (const [name, text] of Object.entries(texts))
      aliased.update(name, analyse({ path: name, text }, { lexicon: Lexicon.withAdditions() }));
    const both = aliased.facts();
    assert.deepEqual(
      both.map((f) => f.key.metric),
      ['deal-value', 'valuation'],
      'the deal and the valuation, each stated by two sources',
    );
    for (const id of ['entity:hqs', 'entity:halvorsen-quantum-systems'])
      assert.deepEqual(aliased.factsNaming([id]), both, `named by ${id}`);
    assert.deepEqual(aliased.factsNaming(['entity:corvanta-labs']), [both[0]], 'the deal names Corvanta Labs');
  });

  test("should keep the merged deals through an edit that keeps every name, and merge again when a party's name changes", () => {
    const corpus = new Corpus();
    const put = (name: string, text: string) =>
      corpus.update(name, analyse({ path: name, text }, { lexicon: Lexicon.withAdditions() }));
    // a.md, first by path, names the company; b.md's deal calls it by its initials, which resolve to it
    put('a.md', 'Halvorsen Quantum Systems (HQS) was valued at $3 billion in March 2025.');
    put('b.md', 'HQS signed a $4 billion supply contract with Corvanta Labs on 25 September 2025.');
    put('c.md', 'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI.');
    const parties = () => corpus.deals().map((d) => d.parties.join(' / '));
    assert.deepEqual(parties(), ['Halvorsen Quantum Systems / Corvanta Labs', 'Quarry Capital / Nimbrel AI']);
    // the panel's rows are what is kept: the very same rows, merged once
    const before = corpus.dealRows();
    put('a.md', 'Halvorsen Quantum Systems (HQS) was valued at $3.5 billion in March 2025.');
    const after = corpus.dealRows();
    assert.equal(after.length, before.length);
    assert.ok(
      after.every((deal, i) => deal === before[i]),
      'the same merged deals: an edit of the naming source that keeps its names merges nothing again',
    );
    put('a.md', 'Halvorsen Quantum-Systems (HQS) was valued at $3.5 billion in March 2025.');
    assert.deepEqual(
      parties(),
      ['Halvorsen Quantum-Systems / Corvanta Labs', 'Quarry Capital / Nimbrel AI'],
      'the name the first source gives now, for the same id',
    );
    corpus.remove('a.md');
    assert.deepEqual(parties(), ['HQS / Corvanta Labs', 'Quarry Capital / Nimbrel AI'], 'no source names it but b.md');
  });

  test('dealGroups should give the deals of deals(), a merged group at a step', () => {
    for (const name of ['seeds', 'workspace']) {
      const corpus = corpusOf(name);
      const steps = [...corpus.dealGroups()];
      assert.ok(steps.length > 1, `${name}: several groups`);
      assert.deepEqual(steps.flat().sort(byFirstMention), corpus.deals(), name);
      assert.deepEqual([...corpus.dealGroups('same-value')].flat().sort(byFirstMention), corpus.deals('same-value'));
    }
  });

  test('dealRows should list the deals of deals() without their mentions, and dealDetails give each one whole', () => {
    for (const name of ['seeds', 'workspace']) {
      const corpus = corpusOf(name);
      const deals = corpus.deals();
      const rows = corpus.dealRows();
      assert.equal(rows.length, deals.length, name);
      assert.ok(
        deals.some((d) => d.sources.length > 1) && deals.some((d) => d.differs),
        `${name}: merged and differing deals`,
      );
      rows.forEach((row, i) => {
        const deal = deals[i]!;
        const { sources, mentions, ...what } = deal;
        const { difference, sourcePaths, mentionCount, firstPath, firstStart, firstEnd, group, ...kept } = row;
        assert.deepEqual(kept, what, `${name}: the same deal in the same place`);
        assert.equal(difference, differenceWords(deal));
        assert.deepEqual(
          sourcePaths,
          sources.map((s) => s.path),
        );
        assert.equal(mentionCount, mentions.length);
        assert.deepEqual([firstPath, firstStart, firstEnd], [mentions[0]!.path, mentions[0]!.start, mentions[0]!.end]);
        assert.match(group, new RegExp(`^${deal.kind}\\|`));
        assert.deepEqual(corpus.dealDetails(row), deal, `${name}: ${row.id} whole again`);
      });
      assert.deepEqual(sortRowsByFirstMention([...corpus.dealRowGroups()].flat()), rows, `${name}: a group at a step`);
    }
  });

  test('dealDetails should give a deal as it is now, and nothing once its sources are gone', () => {
    const corpus = new Corpus();
    const put = (name: string, text: string) => corpus.update(name, analyseText(text, name));
    put('a.md', 'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI.');
    const [row] = corpus.dealRows();
    assert.equal(corpus.dealDetails(row!)?.mentions.length, 1);
    put('b.md', 'Quarry Capital invested $2.4 billion in Nimbrel AI, the start-up said.');
    assert.deepEqual(
      corpus.dealDetails(row!)?.sources.map((s) => s.path),
      ['a.md', 'b.md'],
      'the row listed before b.md came: its details have both sources now',
    );
    corpus.remove('a.md');
    corpus.remove('b.md');
    assert.equal(corpus.dealDetails(row!), undefined);
    assert.deepEqual(corpus.dealRows(), []);
  });

  test('sortByFirstMention should give the order of byFirstMention, ties and deals without mentions included', () => {
    const random = seededRandom(29);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let round = 0; round < 20; round++) {
      const deals = Array.from({ length: 300 }, (_, i) => ({
        id: pick(['a', 'b', 'c', `d${i}`]),
        mentions:
          random() < 0.05
            ? []
            : [
                {
                  path: pick(['x.md', 'y.md', 'a/b.md', 'a-b.md', 'é.md', 'Z.md', '']),
                  start: Math.floor(random() * 5),
                },
              ],
      }));
      const expected = [...deals].sort(byFirstMention);
      assert.deepEqual(sortByFirstMention([...deals]), expected, `round ${round}`);
    }
  });
});
