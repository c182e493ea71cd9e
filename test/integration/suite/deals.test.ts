// The deals panel, read through its tree provider as the view reads it, and its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExtractDeal } from '../../../src/core/schema';
import { DEALS_PAGE, type DealNode } from '../../../src/editor/dealsTree';
import type { NewsmarkApi } from '../../../src/extension';
import { newsmarkApi, seedUri, unescape, until } from './helpers';

type Of<T extends DealNode['type']> = Extract<DealNode, { type: T }>;
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

async function groups(api: NewsmarkApi): Promise<Of<'group'>[]> {
  return (await api.dealsTree.getChildren()).filter((n): n is Of<'group'> => n.type === 'group');
}

async function awsDeal(api: NewsmarkApi): Promise<Of<'deal'>> {
  for (const group of await groups(api)) {
    for (const node of await api.dealsTree.getChildren(group)) {
      if (node.type === 'deal' && node.deal.kind === 'cloud-contract' && node.deal.value === 38e9) return node;
    }
  }
  assert.fail('the $38 billion OpenAI–AWS cloud contract is in the panel');
}

suite('Deals panel', () => {
  let api: NewsmarkApi;
  suiteSetup(async () => {
    api = await newsmarkApi();
    await api.dealsTree.setGrouping('kind');
  });
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('should list the deals of every article in the workspace, without opening them', async () => {
    const deals = await api.deals();
    assert.ok(deals.length >= 5, `deals found: ${deals.length}`);
    const paths = new Set(deals.flatMap((d) => d.sourcePaths));
    assert.ok(paths.size >= 3, `deals come from several articles: ${[...paths].join(', ')}`);
  });

  test('should group deals by kind, each deal showing parties, kind, value and date', async () => {
    const kinds = (await groups(api)).map((g) => label(api.dealsTree.getTreeItem(g)));
    assert.ok(kinds.includes('cloud contract'), `kind groups: ${kinds.join(', ')}`);
    const node = await awsDeal(api);
    const item = api.dealsTree.getTreeItem(node);
    assert.equal(label(item), 'OpenAI → Amazon Web Services');
    assert.equal(item.description, '$38B · 2025-11-03');
    assert.equal(item.contextValue, 'deal');
    assert.equal(item.tooltip, undefined, 'made when the deal is hovered');
    const tooltip = unescape((api.dealsTree.resolveTreeItem(item, node).tooltip as vscode.MarkdownString).value);
    assert.match(tooltip, /Kind:\*\* cloud contract/);
    assert.match(tooltip, /Value:\*\* 38,000,000,000 USD/);
    assert.match(tooltip, /Sources:\*\* 3\n/);
    assert.match(
      tooltip,
      /- 000_2619ed4e9be0e23f\.txt: \$38B · 2025-11-03 \(\d+ mentions?\)/,
      'what each source states',
    );
  });

  test("should show a deal's mentions as file and sentence, and reveal the sentence when one is selected", async () => {
    const [mention] = await api.dealsTree.getChildren(await awsDeal(api));
    assert.ok(mention?.type === 'mention');
    const item = api.dealsTree.getTreeItem(mention);
    assert.equal(item.description, '000_2619ed4e9be0e23f.txt');
    assert.match(label(item), /^On November 3, 2025, OpenAI and Amazon Web Services/);
    assert.equal(item.contextValue, 'mention');
    assert.ok(item.command, 'selecting the mention runs a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), seedUri().toString());
    assert.equal(
      editor.document.getText(editor.selection),
      editor.document.getText().slice(mention.mention.start, mention.mention.end),
    );
    assert.match(editor.document.getText(editor.selection), /\$38 billion/);
  });

  test('should group by party when toggled from the view title', async () => {
    await vscode.commands.executeCommand('newsmark.groupDealsByParty');
    try {
      const parties = (await groups(api)).map((g) => label(api.dealsTree.getTreeItem(g)));
      assert.ok(parties.includes('OpenAI'), `party groups: ${parties.slice(0, 10).join(', ')}`);
      const openai = (await groups(api)).find((g) => g.label === 'OpenAI')!;
      const deals = await api.dealsTree.getChildren(openai);
      assert.ok(deals.every((d) => d.type === 'deal' && d.deal.parties.includes('OpenAI')));
      const item = api.dealsTree.getTreeItem(deals.find((d) => d.type === 'deal' && d.deal.value === 38e9)!);
      assert.equal(item.description, 'cloud contract · $38B · 2025-11-03', 'the kind is shown when grouped by party');
    } finally {
      await vscode.commands.executeCommand('newsmark.groupDealsByKind');
    }
  });

  test('should tag the claim of a mention from the context menu', async () => {
    const deal = await awsDeal(api);
    const mention = (await api.dealsTree.getChildren(deal)).find(
      (n): n is Of<'mention'> => n.type === 'mention' && n.mention.path === '004_cab57fbbdb23375a.txt',
    );
    assert.ok(mention, 'a mention in 004');
    const annotation = await vscode.commands.executeCommand<{
      source: string;
      tags: string[];
      anchor: { quote: { exact: string } };
    }>('newsmark.tagDealMention', mention, 'needs-source');
    assert.equal(annotation?.source, '004_cab57fbbdb23375a.txt');
    assert.deepEqual(annotation?.tags, ['needs-source']);
    const article = await api.index.getUri(mention.uri!);
    assert.equal(
      annotation?.anchor.quote.exact,
      article!.text.slice(mention.mention.start, mention.mention.end),
      "the mention's sentence is the tagged claim",
    );
  });

  test('should copy a deal as JSON in the extract contract', async () => {
    const json = await vscode.commands.executeCommand<string>('newsmark.copyDealAsJson', await awsDeal(api));
    const deal = ExtractDeal.parse(JSON.parse(json));
    assert.deepEqual(deal.parties, ['OpenAI', 'Amazon Web Services']);
    assert.equal(deal.value, 38e9);
    assert.equal(await vscode.env.clipboard.readText(), json);
  });

  test("should copy every deal of the panel as CSV, from the panel's menu", async () => {
    await api.corpus.whenIdle();
    api.dealsTree.refresh();
    const csv = await vscode.commands.executeCommand<string>('newsmark.copyDealsAsCsv');
    assert.equal(await vscode.env.clipboard.readText(), csv);
    const { deals } = await api.dealsTree.deals();
    assert.equal(csv.trimEnd().split('\r\n').length, deals.length + 1, 'a header and a row per deal of the panel');
    assert.ok(csv.startsWith('\ufeffdeal_id,kind,status,parties'));
    const commands = (
      vscode.extensions.getExtension('newsmark.newsmark')!.packageJSON as {
        contributes: { menus: Record<string, Array<{ command: string; when?: string }>> };
      }
    ).contributes.menus;
    assert.ok(
      commands['view/title']!.some(
        (m) => m.command === 'newsmark.copyDealsAsCsv' && m.when === 'view == newsmark.deals',
      ),
      "on the panel's menu",
    );
  });

  test('should list a large group a page at a time, its "Show more" row adding a page', async function () {
    this.timeout(180_000);
    // 250 acquisitions between made-up companies, one article written here and removed after
    const names = Array.from(
      { length: 500 },
      (_, i) =>
        `${['Vel', 'Qor', 'Zin', 'Tam', 'Pex'][i % 5]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 5) % 26]}${['ora', 'exa', 'ium', 'ant'][Math.floor(i / 130)]} ${['Systems', 'Labs', 'Robotics', 'Networks'][i % 4]}`,
    );
    const lines = ['# Acquisitions roundup', ''];
    for (let i = 0; i < 250; i++)
      lines.push(`${names[2 * i]} agreed to acquire ${names[2 * i + 1]} for $${i + 1} million.`, '');
    const uri = vscode.Uri.joinPath(
      seedUri().with({ path: seedUri().path.replace(/[^/]+$/, '') }),
      'roundup-generated.md',
    );
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n')));
    const acquisitions = async () => (await groups(api)).find((g) => g.label === 'acquisition');
    try {
      await until(
        api.dealsTree.onDidChangeTreeData,
        async () => ((await acquisitions())?.deals.length ?? 0) >= 250,
        'the 250 generated acquisitions in the panel',
        120_000,
      );
      const group = (await acquisitions())!;
      const total = group.deals.length;
      const groupItem = api.dealsTree.getTreeItem(group);
      assert.equal(
        groupItem.collapsibleState,
        vscode.TreeItemCollapsibleState.Collapsed,
        'a panel of this many deals starts collapsed',
      );
      assert.equal(groupItem.description, String(total), 'the group still counts every deal');
      const first = await api.dealsTree.getChildren(group);
      assert.equal(first.length, DEALS_PAGE + 1, 'a page of deals and a "Show more" row');
      assert.deepEqual(
        first.slice(0, DEALS_PAGE).map((n) => n.type === 'deal' && n.deal),
        group.deals.slice(0, DEALS_PAGE),
        "the first page, in the panel's order",
      );
      const more = first[DEALS_PAGE]!;
      assert.equal(more.type, 'more');
      const item = api.dealsTree.getTreeItem(more);
      assert.equal(label(item), `Show ${Math.min(DEALS_PAGE, total - DEALS_PAGE)} more…`);
      assert.equal(item.description, `${DEALS_PAGE} of ${total} shown`);
      assert.equal(item.command?.command, 'newsmark.showMoreDeals');
      const refreshed = new Promise((resolve) => {
        const listener = api.dealsTree.onDidChangeTreeData((node) => {
          listener.dispose();
          resolve(node);
        });
      });
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      assert.equal(await refreshed, group, 'only the group is refreshed');
      const second = await api.dealsTree.getChildren(group);
      const shown = Math.min(total, 2 * DEALS_PAGE);
      assert.deepEqual(
        second.filter((n) => n.type === 'deal').map((n) => n.type === 'deal' && n.deal),
        group.deals.slice(0, shown),
        'the deals listed so far stay, a page more follows',
      );
      assert.equal(second.at(-1)!.type === 'more', shown < total);
      if (shown === total) assert.ok(!second.some((n) => n.type === 'more'), 'no "Show more" row once all are listed');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await until(
      api.dealsTree.onDidChangeTreeData,
      async () => ((await acquisitions())?.deals.length ?? 0) < 250,
      'the generated article out of the panel',
      60_000,
    );
    const [again] = await groups(api);
    assert.equal(
      api.dealsTree.getTreeItem(again!).collapsibleState,
      vscode.TreeItemCollapsibleState.Expanded,
      'a small panel is expanded again',
    );
  });

  test('should refresh when an article is edited', async () => {
    const uri = vscode.Uri.joinPath(seedUri().with({ path: seedUri().path.replace(/[^/]+$/, '') }), 'new-article.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('Microsoft agreed to acquire Nvidia for $2.5 billion on March 3, 2025.\n'),
    );
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const hasNewDeal = async () =>
        (await api.deals()).some(
          (d) =>
            d.sourcePaths.includes('new-article.md') &&
            !!api.corpus
              .dealDetails(d)
              ?.mentions.some((m) => m.path === 'new-article.md' && m.sentence.includes('Google invested')),
        );
      await until(
        api.dealsTree.onDidChangeTreeData,
        async () => (await api.deals()).some((d) => d.sourcePaths.includes('new-article.md')),
        'the new article in the panel',
      );
      assert.equal(await hasNewDeal(), false);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(1, 0), 'Google invested $300 million in Anthropic in 2024.\n');
      await vscode.workspace.applyEdit(edit);
      await until(api.dealsTree.onDidChangeTreeData, hasNewDeal, "the edited, unsaved article's new deal in the panel");
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
    // deleted with its tab just closed (VS Code may keep the document a while): it leaves the panel
    await until(
      api.dealsTree.onDidChangeTreeData,
      async () => !(await api.deals()).some((d) => d.sourcePaths.includes('new-article.md')),
      'the deleted article out of the panel',
    );
    await api.corpus.reindex();
    assert.ok(
      !(await api.deals()).some((d) => d.sourcePaths.includes('new-article.md')),
      'a re-index brings the deleted article back',
    );
  });
});
