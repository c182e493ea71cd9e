import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse } from '../../../../src/core/analysis';
import { Lexicon } from '../../../../src/core/extract/entities/lexicon';
import { KIND_FRAMES } from '../../../../src/core/extract/deals/frames/index';
import { kindSignals } from '../../../../src/core/extract/deals/kinds';
import { compileTemplate, leadingWords } from '../../../../src/core/extract/deals/frames/grammar';
import { candidateFrames, COMPILED_FRAMES, forEachWord } from '../../../../src/core/extract/deals/match';
import { entityId } from '../../../../src/core/extract/entities/index';
import { FRAME_CASES, NEGATIVE_CASES } from './frameTable';
import { assertAgreeOnTexts, assertAgreeOnWordTexts } from '../../helpers';

const lexicon = Lexicon.withAdditions();
const dealsOf = (text: string) => analyse({ path: 'case.txt', text }, { lexicon }).deals;

suite('deals: frames as data', () => {
  test('should compile every frame of every kind, each with at least one name', () => {
    for (const kind of KIND_FRAMES) {
      for (const frame of kind.frames) {
        const compiled = compileTemplate(frame.template);
        assert.doesNotThrow(() => new RegExp(compiled.source, 'gi'), `${kind.kind}/${frame.id}`);
        assert.ok(compiled.roles.length > 0, `${kind.kind}/${frame.id} names no role`);
        for (const role of Object.keys(frame.types ?? {}))
          assert.ok(compiled.roles.includes(role), `${kind.kind}/${frame.id}: types for a role it has not: ${role}`);
      }
    }
  });

  test('should take as prefilter words the words that open every match of a literal token, only where each is whole', () => {
    const words = (token: string) => {
      const found = leadingWords(token);
      return found && [...found].sort();
    };
    assert.deepEqual(words('(?:round|Series\\s[A-K]\\d?\\b|pre-seed|venture\\s(?:capital|funding))'), [
      'pre-seed',
      'round',
      'series',
      'venture',
    ]);
    assert.deepEqual(
      words('(?:warrants?|options)'),
      ['options', 'warrant', 'warrants'],
      'an optional letter, spelled out',
    );
    assert.deepEqual(words('licen[cs]e'), ['licence', 'license'], 'a class of letters, spelled out');
    assert.deepEqual(words('(?:per|a)\\sshare'), ['a', 'per'], 'a group and what follows it');
    assert.deepEqual(words('(?:(?:acquisition|take-over)|sale)'), ['acquisition', 'sale', 'take-over'], 'nested');
    assert.deepEqual(words('(?:revenue|profit)[- ]shar\\w*'), ['profit', 'revenue'], 'a hyphen ends a word part');
    assert.deepEqual(words('(?:stake\\s[(]|holding)'), ['holding', 'stake'], 'a "(" in a class opens no group');
    assert.equal(words('(?:\\d+|shares)'), undefined, 'a branch opens with no word');
    assert.equal(words('shar\\w*'), undefined, 'the word may run on');
    assert.deepEqual(words('subsid(?:y|ies)'), ['subsidies', 'subsidy'], 'a group inside a word');
    assert.deepEqual(words('launch(?:es)?'), ['launch', 'launches'], 'an optional group inside a word');
    assert.deepEqual(
      words('(?:which\\sis\\s|is\\s)?backed'),
      ['backed', 'is', 'which'],
      'an optional group, or what follows',
    );
    assert.equal(words('(?:the|a)?\\sdeal'), undefined, 'the group may be absent, and no word follows it');
    assert.equal(words('stake(?!holder)'), undefined, 'what follows may not end the word');
    assert.equal(words('(?:a)|(?:b)'), undefined, 'two groups side by side, not one');
    // a frame's regex never matches a sentence that lacks one of its prefilter words
    const compiled = compileTemplate('(?:round|Series\\s[A-K]\\d?\\b|seed) (?:in|for) {company}');
    assert.deepEqual(
      compiled.anchors.map((a) => [...a]),
      [
        ['round', 'series', 'seed'],
        ['in', 'for'],
      ],
    );
  });

  test('should give every frame words a sentence must hold, and let each phrasing of the table pass its own frame', () => {
    // a frame with neither anchors nor `requires` would run on every sentence, and no sentence could skip shaping
    const ids = KIND_FRAMES.flatMap((k) => k.frames.map((f) => `${k.kind}/${f.id}`));
    const unfiltered = KIND_FRAMES.flatMap((k) =>
      k.frames.filter((f) => compileTemplate(f.template).anchors.length === 0 && !f.requires).map((f) => f.id),
    );
    assert.deepEqual(unfiltered, [], 'frames with no prefilter');
    assert.equal(COMPILED_FRAMES.length, ids.length);
    for (const c of FRAME_CASES) {
      const frame = ids.indexOf(c.frame);
      const sentences = analyse({ path: 'case.txt', text: c.text }, { lexicon }).sentences;
      assert.ok(
        sentences.some((s) => candidateFrames(s.text).includes(frame)),
        `${c.frame} is no candidate in: ${c.text}`,
      );
    }
    assert.deepEqual(candidateFrames('The weather in Oslo was mild on Tuesday.'), []);
    // "-backed" is glued to a name: no anchor word, the frame's `requires` filters instead
    const backed = ids.indexOf('investment/x-backed');
    assert.ok(candidateFrames('SoftBank-backed Arlo Systems opened an office.').includes(backed));
    assert.ok(!candidateFrames('SoftBank opened an office.').includes(backed));
  });

  test('should hold, for every frame, at least two phrasings in the table', () => {
    const counts = new Map<string, number>();
    for (const c of FRAME_CASES) counts.set(c.frame, (counts.get(c.frame) ?? 0) + 1);
    const missing = KIND_FRAMES.flatMap((k) => k.frames.map((f) => `${k.kind}/${f.id}`)).filter(
      (id) => (counts.get(id) ?? 0) < 2,
    );
    assert.deepEqual(missing, [], 'frames with fewer than two phrasings');
    const unknown = [...counts.keys()].filter(
      (id) => !KIND_FRAMES.some((k) => k.frames.some((f) => `${k.kind}/${f.id}` === id)),
    );
    assert.deepEqual(unknown, [], 'table rows for frames that do not exist');
  });

  test('should name, for every frame kept for particular articles, the articles (the rule of two)', () => {
    for (const kind of KIND_FRAMES)
      for (const frame of kind.frames) {
        if (frame.seenIn) assert.ok(frame.seenIn.length >= 1, `${kind.kind}/${frame.id}`);
      }
    // the two frames of named projects are each needed by one seed; together, two independent articles
    const seen = KIND_FRAMES.flatMap((k) => k.frames.flatMap((f) => f.seenIn ?? []));
    assert.ok(new Set(seen).size >= 2 || seen.length === 0);
  });

  for (const c of FRAME_CASES) {
    test(`${c.frame}: ${c.text}`, () => {
      const deals = dealsOf(c.text);
      const kind = c.kind ?? (c.frame.split('/')[0] as string);
      // the table names parties by their canonical names; a deal names them as the case writes them
      const candidates = deals.filter(
        (d) => d.kind === kind && c.parties.every((p, i) => d.partyIds[i] === entityId(p)),
      );
      const deal = candidates.find((d) => d.frames?.includes(c.frame)) ?? candidates[0];
      const seen = deals
        .map((d) => `${d.kind} [${d.parties.join(', ')}] ${d.value ?? ''} ${d.status} ← ${(d.frames ?? []).join(' ')}`)
        .join('\n  ');
      assert.ok(deal, `no ${kind} deal [${c.parties.join(', ')}]; found:\n  ${seen || 'nothing'}`);
      assert.ok(deal.frames?.includes(c.frame), `read by ${(deal.frames ?? []).join(', ')}, not ${c.frame}`);
      if (c.value !== undefined) assert.equal(deal.value, c.value);
      if (c.currency !== undefined) assert.equal(deal.currency, c.currency);
      if (c.status !== undefined) assert.equal(deal.status, c.status);
    });
  }

  for (const c of NEGATIVE_CASES) {
    test(`not ${c.status ? `an agreed ${c.kind} (only ${c.status})` : `a ${c.kind}`} — ${c.why}: ${c.text}`, () => {
      const wrong = dealsOf(c.text).filter(
        (d) => d.kind === c.kind && (c.status === undefined || d.status !== c.status),
      );
      assert.deepEqual(
        wrong.map((d) => `${d.kind} [${d.parties.join(', ')}] ${d.status}`),
        [],
      );
      if (c.status)
        assert.ok(
          dealsOf(c.text).some((d) => d.kind === c.kind && d.status === c.status),
          `the ${c.status} deal is kept, apart`,
        );
    });
  }
});

suite('deals: the words a sentence holds, for the frames prefilter', () => {
  /** The definition: the matches of a word pattern, and the parts of hyphenated ones. */
  const WORD_RUN = /[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
  const byPattern = (sentence: string) => {
    const words = new Set<string>();
    for (const match of sentence.toLowerCase().matchAll(WORD_RUN)) {
      words.add(match[0]);
      if (match[0].includes('-')) for (const part of match[0].split('-')) words.add(part);
    }
    return [...words].sort();
  };
  const bySplit = (sentence: string) => {
    const words = new Set<string>();
    forEachWord(sentence, (w) => words.add(w));
    return [...words].sort();
  };

  test('should find the words of hyphenated, dashed and accented text', () => {
    assert.deepEqual(bySplit('SoftBank-backed Arlo--its -new- pre-seed round, Zürich 2025!'), [
      '2025',
      'arlo',
      'backed',
      'its',
      'new',
      'pre',
      'pre-seed',
      'round',
      'seed',
      'softbank',
      'softbank-backed',
      'zürich',
    ]);
  });

  test('should find the same words as the word pattern, for any text', () => {
    const alphabet = [
      'a',
      'B',
      'é',
      'Ж',
      '中',
      '1',
      '-',
      '-',
      ' ',
      ',',
      '’',
      '_',
      '\u0301',
      '😀',
      '𝐀',
      '\uD835',
      'İ',
      'ǅ',
      '\n',
    ];
    assertAgreeOnTexts(alphabet, { maxLength: 40, runs: 2000 }, bySplit, byPattern);
  });
});

suite('deals: candidate frames', () => {
  /** The definition: the frames each of whose anchor sets has a word of the sentence, and whose `requires` holds. */
  const plainly = (sentence: string) => {
    const words = new Set<string>();
    forEachWord(sentence, (w) => words.add(w));
    return COMPILED_FRAMES.flatMap((compiled, f) =>
      compiled.anchors.every((set) => [...set].some((w) => words.has(w))) &&
      (!compiled.frame.requires || compiled.frame.requires.test(sentence))
        ? [f]
        : [],
    );
  };

  test('should be the frames whose anchor words the sentence holds, for any sentence', () => {
    // anchor words of every frame, in any case, beside words that only look like them
    const anchors = [...new Set(COMPILED_FRAMES.flatMap((c) => c.anchors.flatMap((set) => [...set])))];
    const alphabet = [
      ...anchors.slice(0, 60),
      ...anchors.slice(0, 20).map((w) => w.toUpperCase()),
      ...anchors.slice(0, 20).map((w) => `${w}x`),
      'deal',
      'billion',
      'cloud',
      '-backed',
      'Acme',
      ' ',
      ' ',
      '--',
      '-',
      ', ',
      'é',
    ];
    const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(texts, (text) => assert.deepEqual(candidateFrames(text), plainly(text))),
      { numRuns: 3000 },
    );
  });
});

suite('deals: kind nouns', () => {
  /** The definition: every kind's nouns, all run over the sentence, by position. */
  const plainly = (sentence: string) =>
    KIND_FRAMES.flatMap(({ kind, nouns }) =>
      [...sentence.matchAll(nouns)].map((m) => ({ kind, index: m.index, end: m.index + m[0].length })),
    ).sort((a, b) => a.index - b.index);

  test('should find the nouns of each kind, and none in a sentence without them', () => {
    assert.deepEqual(
      kindSignals('Zeta signed a supply agreement and a licensing deal.').map((s) => s.kind),
      ['supply-agreement', 'partnership', 'licensing', 'partnership'],
    );
    assert.deepEqual(kindSignals('The weather in Oslo was mild on Tuesday.'), []);
  });

  test('should find what every kind’s nouns find, in any sentence of words', () => {
    const words = [
      'acquisition',
      'Takeovers',
      'purchase',
      'of',
      'merger',
      'revenue',
      'sharing',
      'profit-share',
      'licence',
      'Licensing',
      'royalties',
      'broadcast',
      'joint',
      'venture',
      'JVs',
      'funding',
      'rounds',
      'Series',
      'B',
      'seed',
      'round',
      'stake',
      'equity',
      'warrants',
      'grants',
      'subsidies',
      'loan',
      'compute',
      'deal',
      'cloud',
      'contracts',
      'commitment',
      'hosting',
      'power',
      'PPA',
      'supply',
      'offtake',
      'agreements',
      'partnership',
      'pacts',
      'Acme',
      'é',
      'x_deal',
      'deal2',
    ];
    assertAgreeOnWordTexts(words, [' ', ', ', '-', ' (', '’s ', '--', '. '], 3000, kindSignals, plainly);
  });
});
