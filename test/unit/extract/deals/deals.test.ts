import * as assert from 'node:assert/strict';
import { analyse } from '../../../../src/core/analysis';
import { Lexicon } from '../../../../src/core/extract/entities/lexicon';

const lexicon = Lexicon.withAdditions();
const dealsOf = (text: string, path = 'a.txt') =>
  analyse({ path, text }, { lexicon }).deals.map((d) => ({
    kind: d.kind,
    parties: d.parties,
    value: d.value,
    date: d.date,
  }));

suite('deals', () => {
  test('should name a new party as its entity is named: without the legal form, "Limited" too', () => {
    for (const text of [
      'Harbrook Logistics Limited agreed to acquire Quillon Freight for $40 million.',
      'Harbrook Logistics Ltd agreed to acquire Quillon Freight for $40 million.',
    ]) {
      const analysis = analyse({ path: 'a.txt', text }, { lexicon });
      const deal = analysis.deals.find((d) => d.kind === 'acquisition');
      assert.ok(deal, text);
      assert.equal(deal.parties[0], 'Harbrook Logistics', text);
      const entity = analysis.entities.find((e) => e.id === deal.partyIds[0]);
      assert.equal(entity?.name, deal.parties[0], `${text}: the entity and the deal name the party alike`);
    }
  });

  test('should read the text after a wire dateline as a sentence opening: a descriptor there is no party', () => {
    // the word after the dash is capitalised because it opens the text, as at a sentence's start
    for (const [text, buyer] of [
      [
        'HELSINKI, 2 June 2026 — Mobile operator Televa Oyj said on Monday it had agreed to buy Nordmast Towers for $410 million.',
        'Televa',
      ],
      [
        'SAN JOSE, Calif., June 2 (Wirewatch) - Chip designer Corvane said it would acquire Lumet Photonics for $95 million in cash.',
        'Corvane',
      ],
      [
        'ST. LOUIS -- Cloud provider Brightforge agreed to acquire Paxter Data for $120 million, the company said.',
        'Brightforge',
      ],
    ] as const) {
      const deals = dealsOf(text).filter((d) => d.kind === 'acquisition');
      assert.equal(deals.length, 1, text);
      assert.equal(deals[0]!.parties[0], buyer, text);
    }
    // not a dateline: a name in capitals inside a sentence keeps its descriptor reading as before
    assert.deepEqual(
      dealsOf('Shares rose after Zentra Bio agreed to acquire Halvex for $30 million.').map((d) => d.parties),
      [['Zentra Bio', 'Halvex']],
    );
  });

  test('should take a new name written short in a later sentence for the longer name, after an adverb too', () => {
    for (const later of [
      'Tarvik also committed to spend $800 million on Oracle’s cloud over four years.',
      'Tarvik committed to spend $800 million on Oracle’s cloud over four years.',
    ]) {
      const text = `Tarvik Compute will buy 300 MW of power from Helionyx Energy under a power purchase agreement. ${later}`;
      const cloud = dealsOf(text).find((d) => d.kind === 'cloud-contract');
      assert.deepEqual(cloud?.parties, ['Tarvik Compute', 'Oracle'], later);
    }
    // two new names share the first word: the short form stands for neither
    const shared = dealsOf(
      'Apex Cloud agreed to buy Brevon Data for $30 million. Apex Robotics agreed to buy Quillon Motion for $20 million. ' +
        'Apex also committed to spend $50 million on Oracle’s cloud.',
    ).find((d) => d.kind === 'cloud-contract');
    assert.deepEqual(shared?.parties, ['Apex', 'Oracle']);
  });

  test('should read an investment with investor before investee', () => {
    assert.deepEqual(dealsOf('Microsoft invested $1 billion in OpenAI in 2019.'), [
      { kind: 'investment', parties: ['Microsoft', 'OpenAI'], value: 1e9, date: '2019' },
    ]);
  });

  test('should read a partnership with a cloud provider as a cloud contract', () => {
    const [deal] = dealsOf(
      'On November 3, 2025, OpenAI and Amazon Web Services unveiled a partnership valued at $38 billion.',
    );
    assert.deepEqual(deal, {
      kind: 'cloud-contract',
      parties: ['OpenAI', 'Amazon Web Services'],
      value: 38e9,
      date: '2025-11-03',
    });
  });

  test('should name a party as the article writes it, keeping the canonical id for merging', () => {
    // the lexicon says "Paramount Skydance" (the company's name since August 2025) and "Samsung
    // Electronics"; articles written before, or loosely, say "Paramount" and "Samsung"
    const text =
      'Skydance Media agreed to merge with Paramount Global in a deal worth $8 billion. Samsung invested $5 million in Figure AI.';
    const deals = analyse({ path: 'a.txt', text }, { lexicon }).deals;
    assert.deepEqual(
      deals.map((d) => d.parties),
      [
        ['Skydance Media', 'Paramount'],
        ['Samsung', 'Figure AI'],
      ],
    );
    assert.ok(deals[0]!.partyIds.includes('entity:paramount-skydance'), deals[0]!.partyIds.join());
    // named as entities are, without the legal form
    assert.deepEqual(dealsOf('Intel Corp. invested $25 million in Figure AI.')[0]?.parties, ['Intel', 'Figure AI']);
    // the canonical name where the article writes it, even beside shorter forms
    assert.deepEqual(
      dealsOf('Samsung Electronics invested $5 million in Figure AI. Samsung said the round closed.')[0]?.parties,
      ['Samsung Electronics', 'Figure AI'],
    );
  });

  test('should read a deal named by its cloud ("an exclusive Azure deal") beside another deal of the same parties', () => {
    // two phrasings: the seeds' "exclusive Azure deal" after an investment, and an "AWS contract"
    assert.deepEqual(
      dealsOf('In 2019 Microsoft made a $1 billion investment and an exclusive Azure deal with OpenAI.').map((d) => [
        d.kind,
        d.parties,
      ]),
      [
        ['investment', ['Microsoft', 'OpenAI']],
        ['cloud-contract', ['OpenAI', 'Microsoft']],
      ],
    );
    assert.deepEqual(
      dealsOf('Anthropic took a $2 billion investment from Google and signed a new Google Cloud contract.').map(
        (d) => d.kind,
      ),
      ['investment', 'cloud-contract'],
    );
    // a cloud named after the noun is a party of the agreement, not what names it
    assert.deepEqual(
      dealsOf('ByteDance signed binding agreements with Oracle, Silver Lake and MGX to form a joint venture.').map(
        (d) => d.kind,
      ),
      ['joint-venture'],
    );
  });

  test('should let a product stand for its owner: an Azure commitment is a deal with Microsoft', () => {
    assert.deepEqual(dealsOf('OpenAI’s future Azure commitment: $250 B spend.')[0]?.parties, ['OpenAI', 'Microsoft']);
  });

  test('should take the ceiling of "up to" as the value', () => {
    assert.deepEqual(
      dealsOf('Nvidia agreed to invest up to $100 billion in OpenAI.').map((d) => [d.parties, d.value]),
      [[['Nvidia', 'OpenAI'], 100e9]],
    );
  });

  test('should take the other party of a list item from its lead-in', () => {
    const text =
      'OpenAI has signed with many suppliers.\nIts recent deals include:\nOracle: Five-year agreement worth $300 billion.\nCoreWeave: Cloud contract valued at $22.4 billion.';
    assert.deepEqual(
      dealsOf(text).map((d) => [d.parties, d.value]),
      [
        [['OpenAI', 'Oracle'], 300e9],
        [['OpenAI', 'CoreWeave'], 22.4e9],
      ],
    );
  });

  test('should complete the deal just stated with "The agreement is valued at …"', () => {
    const text =
      'Helionyx Energy, Inc. today announced a power purchase agreement with Meridian Compute Inc. The agreement is valued at about $3.4 billion.';
    assert.deepEqual(
      dealsOf(text).map((d) => [d.kind, d.value]),
      [['supply-agreement', 3.4e9]],
    );
  });

  test('should merge the same deal stated twice into one deal with two mentions', () => {
    const analysis = analyse(
      {
        path: 'a.txt',
        text: 'Microsoft invested $1 billion in OpenAI in 2019.\nIn 2019 Microsoft invests $1 billion in OpenAI.',
      },
      { lexicon },
    );
    assert.equal(analysis.deals.length, 1);
    assert.equal(analysis.deals[0]!.mentions.length, 2);
  });

  test('should not make deals of headings, cited sources or relationships without an act', () => {
    assert.deepEqual(
      dealsOf(
        '# Microsoft Agreement With OpenAI\n\nMicrosoft and OpenAI have a deep partnership, according to Reuters.',
        'a.md',
      ),
      [],
    );
  });

  test('should date a year-less list item from the nearest earlier date, marked inferred', () => {
    const analysis = analyse(
      {
        path: 'a.md',
        text: 'Turning point in January 2025.\n\n- **Jan**: Stargate project launched with SoftBank & Oracle — $500 B for data centers.',
      },
      { lexicon },
    );
    const [deal] = analysis.deals;
    assert.deepEqual([deal?.kind, deal?.date, deal?.isDateInferred], ['joint-venture', '2025-01', true]);
  });

  test('should keep €1 billion and $1 billion deals of the same parties apart, each with its own id', () => {
    const text =
      'Siemens agreed to acquire Altair for €1 billion in 2024.\nLater, Siemens agreed to acquire Altair for $1 billion in 2024.';
    const deals = analyse({ path: 'a.txt', text }, { lexicon }).deals;
    assert.deepEqual(
      deals.map((d) => [d.currency, d.value]),
      [
        ['EUR', 1e9],
        ['USD', 1e9],
      ],
    );
    assert.deepEqual(
      deals.map((d) => d.id),
      ['deal:acquisition:altair+siemens:1000000000EUR:2024', 'deal:acquisition:altair+siemens:1000000000USD:2024'],
    );
  });
  test('should tell the deals of one sentence in the order of their words', () => {
    const deals = dealsOf(
      'Tencent bought a 10% stake in Kestrel Games in 2019 and became its controlling shareholder in 2021.',
    );
    assert.deepEqual(
      deals.map((d) => [d.kind, d.date]),
      [
        ['equity-stake', '2019'],
        ['acquisition', '2021'],
      ],
    );
  });

  test('should read a headline partnership among the parties of a joint venture as that joint venture', () => {
    const text =
      'Sony partners Honda to build electric cars\n\nSony signed binding agreements with Honda to form a joint venture that will sell electric cars from 2026.';
    const deals = analyse({ path: 'a.md', text }, { lexicon }).deals;
    assert.deepEqual(
      deals.map((d) => [d.kind, d.parties, d.mentions.length]),
      [['joint-venture', ['Sony', 'Honda'], 2]],
    );
    assert.ok(deals[0]!.frames?.includes('partnership/partners-transitive'));
  });

  test('should not make deals of a stake in a facility, nor of a generic noun beside a deal of the same parties', () => {
    const text =
      'Helix Grid signed a $2 billion financing deal with Brookfield, as the utility ramps up investment in data centres. Under the agreement, Brookfield will retain a 49% stake in the project, while Helix Grid keeps the rest.';
    assert.deepEqual(
      dealsOf(text).map((d) => [d.kind, d.value]),
      [['partnership', 2e9]],
    );
  });
  test('should take a list item label no lexicon knows as a party, and a topic label over an item with its own subject as none', () => {
    const text =
      'OpenAI has signed with many suppliers.\n\nKestrel Orbital: five-year agreement worth $30 billion.\n\nData Rights: Microsoft keeps royalty-free access to OpenAI’s models.';
    assert.deepEqual(
      dealsOf(text).map((d) => [d.kind, d.parties, d.value]),
      [
        ['partnership', ['OpenAI', 'Kestrel Orbital'], 30e9],
        ['licensing', ['Microsoft', 'OpenAI'], null],
      ],
    );
  });

  test('should read a name in quotes as a name', () => {
    const text =
      'OpenAI lists its partners.\n\nSoftBank: Partner in the $500 billion “Stargate Project” to build data centers.';
    assert.deepEqual(
      dealsOf(text).map((d) => [d.kind, d.parties, d.value]),
      [['joint-venture', ['SoftBank', 'OpenAI'], 500e9]],
    );
  });
  test('should give the deal just told the amount of a sentence that names it and its parties', () => {
    const text =
      'Netflix announced a five-year licensing agreement with Sony Pictures. Netflix will pay Sony Pictures £140 million over the term of the agreement.';
    assert.deepEqual(
      dealsOf(text).map((d) => [d.kind, d.parties, d.value]),
      [['licensing', ['Netflix', 'Sony'], 140e6]],
    );
  });

  test('should read a deal once where a nominal frame holds another ("X\'s $N acquisition of Y"), leaving the later amount to the later deal', () => {
    const text =
      "Tencent's $1.3 billion acquisition of Frostpine is its biggest deal since it bought Supercell in 2016 for $8.6 billion.";
    assert.deepEqual(
      dealsOf(text).map((d) => [d.parties, d.value]),
      [
        [['Tencent', 'Frostpine'], 1.3e9],
        [['Tencent', 'Supercell'], 8.6e9],
      ],
    );
  });
  test('should give a stake the amount its holder puts in, told in a sentence after it', () => {
    const text =
      'Lumen Nine raised €90 million in a Series B round led by Airbus. The round gives Airbus a 9% stake. Airbus is contributing €40 million of the total.';
    assert.deepEqual(
      dealsOf(text).map((d) => [d.kind, d.parties, d.value]),
      [
        ['funding-round', ['Lumen Nine', 'Airbus'], 90e6],
        ['equity-stake', ['Airbus', 'Lumen Nine'], 40e6],
      ],
    );
  });
  test('should read "the X–Y deal" as no acquisition of its own, and its end as the end of the deal told', () => {
    const text =
      'Adobe agreed to buy Figma for $20 billion in 2022. The Adobe–Figma deal collapsed under regulatory pressure in December.';
    const deals = analyse({ path: 'a.txt', text }, { lexicon }).deals;
    assert.deepEqual(
      deals.map((d) => [d.kind, d.parties, d.value, d.status]),
      [['acquisition', ['Adobe', 'Figma'], 20e9, 'terminated']],
    );
  });
});
