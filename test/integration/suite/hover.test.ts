// Provenance hovers, as a user gets them: open a seed, hover a figure or an entity.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  analysed,
  hoverText,
  newsmarkApi,
  openSeed,
  positionOf,
  unescape,
  until,
  workspaceFolder,
  writeText,
} from './helpers';

async function hoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
}

suite('Provenance hover', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('should show "$38 billion → 38,000,000,000 USD", its kind, its sentence, who says it and the file', async () => {
    const api = await newsmarkApi();
    const { doc } = await openSeed(api);
    await api.corpus.whenIdle();
    const text = unescape(hoverText(await hoverAt(doc, positionOf(doc, '$38 billion'))));
    assert.match(text, /\$38 billion\*\* → 38,000,000,000 USD/);
    assert.match(text, /money/);
    assert.match(
      text,
      /OpenAI and Amazon Web Services \(AWS\) unveiled a multi-year strategic partnership valued at \$38 billion\./,
      'the sentence, as prose',
    );
    assert.match(text, /Who says it:/);
    assert.match(text, /File:\*\* 000_2619ed4e9be0e23f\.txt, line 7/);
    assert.match(text, /Deals:[\s\S]*cloud contract: OpenAI → Amazon Web Services · 38,000,000,000 USD · 2025-11-03/);
    assert.match(
      text,
      /Also stated in other sources[\s\S]*- agrees · 004_cab57fbbdb23375a\.txt, line \d+: \*\*\$38 billion\*\* → 38,000,000,000 USD/,
      'another seed states the same deal value',
    );
  });

  test('should list at most 8 other sources of a fact, conflicts first, and count the rest by verdict', async function () {
    this.timeout(120_000);
    const api = await newsmarkApi();
    // ten more sources state the seeds' $38 billion OpenAI–AWS cloud contract, one (last by path) $45 billion
    const sentence = (value: number) =>
      `OpenAI signed a $${value} billion cloud contract with Amazon Web Services on November 3, 2025, the companies said.\n`;
    const files = [
      ...Array.from({ length: 10 }, (_, i) => [`echo-${String(i + 1).padStart(2, '0')}.md`, sentence(38)] as const),
      ['zz-conflict.md', sentence(45)] as const,
    ];
    const uris = files.map(([name]) => vscode.Uri.joinPath(workspaceFolder().uri, name));
    try {
      for (const [i, [, text]] of files.entries()) await writeText(uris[i]!, text);
      await until(
        api.onDidUpdateCorpus,
        () => files.every(([name]) => api.corpus.corpus.has(name)),
        'the eleven new sources in the corpus',
        60_000,
      );
      await api.corpus.whenIdle();
      const { doc, article } = await openSeed(api);
      const text = unescape(hoverText(await hoverAt(doc, positionOf(doc, '$38 billion'))));
      const listed = [...text.matchAll(/^- (agrees|\*\*conflicts\*\*|\*not comparable\*) · (\S+?),/gm)].map(
        (m) => m[2],
      );
      // what the corpus says of the fact (other tests' files may state it too): the hover shows its
      // conflicts first, then agreements, then the rest, eight at most, each in the order by path
      const at = doc.getText().indexOf('$38 billion');
      const figure = article.analysis.figures.find((f) => f.start <= at && at < f.end)!;
      const others = api.corpus.corpus.statementsFor(article.path, figure.id)!.others;
      assert.ok(others.length >= 12, `the seeds' and the eleven new sources: ${others.length}`);
      const byVerdict = (verdict: string) => others.filter((o) => o.verdict === verdict);
      const chosen = new Set(
        [...byVerdict('conflict'), ...byVerdict('agree'), ...byVerdict('incomparable')].slice(0, 8),
      );
      assert.deepEqual(
        listed,
        others.filter((o) => chosen.has(o)).map((o) => o.path),
        'the conflicts, then the first agreements, eight in all, by path',
      );
      assert.ok(listed.includes('zz-conflict.md'), 'the conflict is listed though it is last by path');
      assert.ok(!listed.includes('echo-10.md'), 'not every agreement is listed');
      assert.match(text, /- \*\*conflicts\*\* · zz-conflict\.md, line 1: \*\*\$45 billion\*\*/);
      const left = (verdict: string) => byVerdict(verdict).filter((o) => !chosen.has(o)).length;
      const words = [
        [left('conflict'), 'conflict'],
        [left('agree'), 'agree'],
        [left('incomparable'), 'not comparable'],
      ]
        .filter(([n]) => (n as number) > 0)
        .map(([n, word]) => `${n} ${word}`)
        .join(', ');
      assert.ok(
        text.includes(
          `…and ${others.length - 8} more statements of other sources (${words}): the timeline charts them all`,
        ),
        text,
      );
      assert.match(text, /\[Show timeline\]\(command:newsmark\.showFactTimeline/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of uris) await vscode.workspace.fs.delete(uri);
      await until(
        api.onDidUpdateCorpus,
        () => files.every(([name]) => !api.corpus.corpus.has(name)),
        'the eleven sources out of the corpus',
        60_000,
      );
    }
  });

  test('should normalise a range "6–7%" to "6 to 7 percent"', async () => {
    const api = await newsmarkApi();
    const { doc } = await openSeed(api);
    const text = unescape(hoverText(await hoverAt(doc, positionOf(doc, '6–7%'))));
    assert.match(text, /6–7%\*\* → 6 to 7 percent/);
  });

  test('should describe an entity: type, canonical name, aliases, mention count', async () => {
    const api = await newsmarkApi();
    const { doc, article } = await openSeed(api);
    const altman = article.analysis.entities.find((e) => e.name === 'Sam Altman');
    assert.ok(altman, 'Sam Altman is an entity of the seed');
    const at = doc.getText().indexOf('Altman underscored');
    const text = unescape(hoverText(await hoverAt(doc, doc.positionAt(at + 2))));
    assert.match(text, /Sam Altman\*\* · person/);
    assert.match(text, /Also written as:\*\* Altman/);
    assert.match(text, new RegExp(`Mentions in this article:\\*\\* ${altman.mentions.length}`));
    assert.match(text, /Why:\*\* person — “(Sam )?Altman” \*\(lexicon\)\*/);
  });

  test('should say why a name is an entity of its type: "org — “chipmaker Zeta Labs” (apposition)"', async () => {
    const api = await newsmarkApi();
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'evidence.md');
    await writeText(
      uri,
      'Shares of chipmaker Quillon Dynamics rose after finance minister Ana Ferreira spoke in Ningbo.\n',
    );
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await analysed(api, doc);
      const company = unescape(hoverText(await hoverAt(doc, positionOf(doc, 'Quillon'))));
      assert.match(company, /Quillon Dynamics\*\* · org/);
      assert.match(company, /Why:\*\* org — “chipmaker Quillon Dynamics” \*\(apposition\)\*/);
      const person = unescape(hoverText(await hoverAt(doc, positionOf(doc, 'Ferreira'))));
      assert.match(person, /Why:\*\* person — “finance minister Ana Ferreira” \*\(role\)\*/);
      const place = unescape(hoverText(await hoverAt(doc, positionOf(doc, 'Ningbo'))));
      assert.match(place, /Why:\*\* place — “in Ningbo” \*\(place cue\)\*/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('should show nothing away from figures and entities', async () => {
    const api = await newsmarkApi();
    const { doc } = await openSeed(api);
    const text = hoverText(await hoverAt(doc, positionOf(doc, 'honeymoon between')));
    assert.doesNotMatch(text, /Also stated in other sources|Mentions in this article/);
  });

  test('should escape article text: links, command URIs, HTML and icons stay text, the hover is not trusted', async () => {
    const api = await newsmarkApi();
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'hostile.md');
    // escaped in the markdown source, so the prose (what the hover quotes) holds a link, HTML, an icon
    await writeText(
      uri,
      'Acme raised $5 million from \\[Globex\\](command:workbench.action.quit) &lt;img src=x onerror=alert(1)&gt; $(zap) and **Initech**.\n',
    );
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await analysed(api, doc);
      const hovers = await hoverAt(doc, positionOf(doc, '$5 million'));
      const ours = hovers
        .flatMap((h) => h.contents)
        .filter((c): c is vscode.MarkdownString => typeof c !== 'string' && /Who says it/.test(c.value));
      assert.equal(ours.length, 1, 'one provenance hover');
      const md = ours[0]!;
      assert.notEqual(md.isTrusted, true, 'not trusted');
      assert.notEqual(md.supportHtml, true, 'no HTML');
      assert.doesNotMatch(md.value, /\]\(command:/, 'no command link survives');
      assert.doesNotMatch(md.value, /(?<!\\)<img/, 'no raw HTML survives');
      assert.doesNotMatch(md.value, /(?<!\\)\$\(zap/, 'no theme icon survives');
      assert.match(md.value, /\\\[Globex\\\]\\\(command\\:/, 'the link is shown escaped, as text');
      assert.match(unescape(md.value), /<img src=x onerror=alert\(1\)>/, 'the HTML is shown as text');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
