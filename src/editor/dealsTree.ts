/**
 * The deals panel: the workspace's deals merged across sources, grouped by kind or by party; each
 * deal's children are its mentions (file and sentence), every source's. The panel keeps a row for
 * each deal (the corpus's `dealRows()`); a deal's mentions, and the tooltip that says what each
 * source states, come from its group merged again when it is expanded or hovered (`dealDetails`).
 * A deal whose sources state different amounts or dates is marked ("values differ"), and each of
 * its mentions shows what its source states. Orphaned annotations are listed under their own
 * node. Built when the view first asks, once the workspace is indexed; rebuilt when the corpus
 * changes (an edit, a file created, deleted or renamed) or the store does.
 *
 * A workspace of thousands of articles has tens of thousands of deals, many thousands to a kind:
 * a group lists its first `DEALS_PAGE` deals and a "Show more" row that adds a page each time,
 * and the groups start collapsed once the panel has more than `DEALS_PAGE` deals in all, so that
 * the view is never handed more items than a reader can scroll.
 */
import * as vscode from 'vscode';
import type { CorpusDeal, DealRow, SourceDealStatement } from '../core/corpus/index';
import type { DealMention } from '../core/extract/deals/deal';
import { dealsCsv } from '../core/dealsCsv';
import { pushTo } from '../core/collections';
import { toExtractDeal } from '../core/extractOutput';
import type { AnchoredAnnotation } from './anchored';
import { revealSpan } from './articles';
import { Commands } from './commands';
import { compactAmount, dealKindWords, dealParties, dealValue, escapeMarkdown, shorten } from './format';
import type { Log } from './log';
import type { WorkspaceCorpus } from './workspaceCorpus';

export const DEALS_VIEW = 'newsmark.deals';
export type DealGrouping = 'kind' | 'party';
const GROUPING_KEY = 'newsmark.dealsGrouping';
const SCAN_CONTEXT = 'newsmark.articleScan';
/** How many deals a group lists at first, and how many more each "Show more" row adds. */
export const DEALS_PAGE = 200;

export interface DealGroupNode {
  readonly type: 'group';
  readonly label: string;
  readonly deals: readonly DealRow[];
}

export type DealNode =
  | DealGroupNode
  | { readonly type: 'more'; readonly group: DealGroupNode; readonly shown: number }
  | { readonly type: 'deal'; readonly deal: DealRow; readonly parentLabel: string }
  | {
      readonly type: 'mention';
      /** The deal merged again when it was opened, with its sources and mentions. */
      readonly deal: CorpusDeal;
      readonly mention: DealMention;
      readonly uri: vscode.Uri | undefined;
    }
  | { readonly type: 'orphans'; readonly orphans: readonly AnchoredAnnotation[] }
  | { readonly type: 'orphan'; readonly orphan: AnchoredAnnotation };

export interface DealsModel {
  readonly articleCount: number;
  readonly deals: readonly DealRow[];
}

/** What the panel reads of the store. */
export interface OrphanSource {
  readonly onDidChange: vscode.Event<void>;
  orphans(): readonly AnchoredAnnotation[];
}

export class DealsTreeProvider implements vscode.TreeDataProvider<DealNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DealNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: Promise<DealsModel> | undefined;
  /** The root nodes made from a model, kept so that a group is the same node when "Show more" refreshes it. */
  private roots:
    { readonly model: DealsModel; readonly grouping: DealGrouping; readonly nodes: DealNode[] } | undefined;
  /** How many deals each group lists, by grouping and label, when more than a page. */
  private readonly shown = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly sources: WorkspaceCorpus,
    private readonly orphanSource: OrphanSource,
    private readonly state: vscode.Memento,
    private readonly log: Log,
  ) {
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, this.grouping);
    this.disposables.push(
      sources.onDidUpdate(() => this.scheduleRefresh()),
      orphanSource.onDidChange(() => this.changed.fire(undefined)),
    );
  }

  get grouping(): DealGrouping {
    return this.state.get<DealGrouping>(GROUPING_KEY) === 'party' ? 'party' : 'kind';
  }

  async setGrouping(grouping: DealGrouping): Promise<void> {
    this.roots = undefined;
    await this.state.update(GROUPING_KEY, grouping);
    await vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.model = undefined;
    this.changed.fire(undefined);
  }

  /** Lists another page of a group's deals (its "Show more" row); the deals listed so far stay. */
  showMore(node: DealNode): number | undefined {
    if (node?.type !== 'more') return undefined;
    const shown = node.shown + DEALS_PAGE;
    this.shown.set(this.shownKey(node.group), shown);
    // (a node of a model since replaced: the whole panel, which lists the group anew)
    this.changed.fire(this.roots?.nodes.includes(node.group) ? node.group : undefined);
    return Math.min(shown, node.group.deals.length);
  }

  private shownKey(group: DealGroupNode): string {
    return `${this.grouping}\u0000${group.label}`;
  }

  /** The model is stale now (the next read rebuilds it); the view hears of it a little later, once. */
  private scheduleRefresh(): void {
    this.model = undefined;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.changed.fire(undefined), 250);
  }

  /** The uri of a mention's article. */
  uriOf(path: string): vscode.Uri | undefined {
    return this.sources.uriOf(path);
  }

  /** The deals of every article, once the workspace index is idle (the view shows its progress bar meanwhile). */
  deals(): Promise<DealsModel> {
    return (this.model ??= this.build());
  }

  private async build(): Promise<DealsModel> {
    await this.sources.whenIdle();
    const started = Date.now();
    const deals = await this.sources.deals();
    const articleCount = this.sources.status.indexedCount;
    this.log.debug(`deals panel: ${deals.length} deal(s) in ${articleCount} article(s), ${Date.now() - started} ms`);
    await vscode.commands.executeCommand('setContext', SCAN_CONTEXT, articleCount ? 'found' : 'empty');
    return { articleCount, deals };
  }

  async getChildren(node?: DealNode): Promise<DealNode[]> {
    if (!node) {
      const model = await this.deals();
      if (model.articleCount === 0) return []; // the welcome view explains
      const orphans = this.orphanSource.orphans();
      if (this.roots?.model !== model || this.roots.grouping !== this.grouping)
        this.roots = { model, grouping: this.grouping, nodes: groupDeals(model.deals, this.grouping) };
      const roots: DealNode[] = [...this.roots.nodes];
      if (orphans.length) roots.push({ type: 'orphans', orphans });
      return roots;
    }
    switch (node.type) {
      case 'group': {
        const shown = Math.min(node.deals.length, this.shown.get(this.shownKey(node)) ?? DEALS_PAGE);
        const children: DealNode[] = node.deals
          .slice(0, shown)
          .map((deal) => ({ type: 'deal', deal, parentLabel: node.label }));
        if (shown < node.deals.length) children.push({ type: 'more', group: node, shown });
        return children;
      }
      case 'deal': {
        // its mentions are merged again now: the panel keeps a row for each deal, not its mentions
        const deal = this.sources.dealDetails(node.deal);
        if (!deal) {
          this.scheduleRefresh(); // the deal changed since the panel listed it
          return [];
        }
        return deal.mentions.map((mention) => ({
          type: 'mention',
          deal,
          mention,
          uri: this.uriOf(mention.path ?? ''),
        }));
      }
      case 'orphans':
        return node.orphans.map((orphan) => ({ type: 'orphan', orphan }));
      default:
        return [];
    }
  }

  getTreeItem(node: DealNode): vscode.TreeItem {
    switch (node.type) {
      case 'group': {
        const isLarge = (this.roots?.model.deals.length ?? 0) > DEALS_PAGE;
        const item = new vscode.TreeItem(
          node.label,
          isLarge ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.description = `${node.deals.length}`;
        item.contextValue = 'group';
        item.iconPath = new vscode.ThemeIcon(this.grouping === 'kind' ? 'symbol-enum' : 'organization');
        return item;
      }
      case 'deal':
        return dealItem(node.deal, node.parentLabel, this.grouping);
      case 'more': {
        const next = Math.min(DEALS_PAGE, node.group.deals.length - node.shown);
        const item = new vscode.TreeItem(`Show ${next} more…`, vscode.TreeItemCollapsibleState.None);
        item.description = `${node.shown.toLocaleString('en-US')} of ${node.group.deals.length.toLocaleString('en-US')} shown`;
        item.id = `more:${this.grouping}:${node.group.label}`;
        item.contextValue = 'more';
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { title: 'Show more', command: Commands.showMoreDeals, arguments: [node] };
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(shorten(node.mention.sentence, 64), vscode.TreeItemCollapsibleState.None);
        const source = node.deal.sources.find((s) => s.path === node.mention.path);
        const stated = source && statedBy(source);
        // in a deal whose sources differ, each mention says what its source states
        item.description = [node.mention.path, node.deal.differs ? stated : undefined].filter(Boolean).join(' · ');
        item.contextValue = 'mention';
        item.iconPath = new vscode.ThemeIcon('quote');
        item.tooltip = untrusted()
          .appendMarkdown(escapeMarkdown(node.mention.sentence))
          .appendMarkdown('\n\n*')
          .appendMarkdown(escapeMarkdown(node.mention.path ?? ''))
          .appendMarkdown('*')
          .appendMarkdown(stated ? ` — this source states ${escapeMarkdown(stated)}` : '');
        if (node.uri) {
          item.resourceUri = node.uri;
          item.command = { title: 'Reveal', command: Commands.revealMention, arguments: [node] };
        }
        return item;
      }
      case 'orphans': {
        const item = new vscode.TreeItem('Orphaned annotations', vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.orphans.length}`;
        item.contextValue = 'orphans';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip =
          'Annotations whose text is no longer in their article: kept in .newsmark/annotations.json until you remove them.';
        return item;
      }
      case 'orphan': {
        const { annotation } = node.orphan;
        const item = new vscode.TreeItem(
          shorten(annotation.anchor.quote.exact, 80),
          vscode.TreeItemCollapsibleState.None,
        );
        item.description = [annotation.source, node.orphan.entry ? 'article missing' : '', annotation.tags.join(', ')]
          .filter(Boolean)
          .join(' · ');
        item.contextValue = 'orphan';
        item.iconPath = new vscode.ThemeIcon('debug-disconnect');
        item.tooltip = untrusted()
          .appendMarkdown('**Orphaned:** ')
          .appendMarkdown(escapeMarkdown(annotation.orphan?.reason ?? 'cannot be anchored'))
          .appendMarkdown('\n\n> ')
          .appendMarkdown(escapeMarkdown(annotation.anchor.quote.exact));
        item.command = { title: 'Reveal', command: Commands.revealAnnotation, arguments: [node] };
        return item;
      }
    }
  }

  /** A deal's tooltip, made when it is hovered: the deal is merged again for what each source states. */
  resolveTreeItem(item: vscode.TreeItem, node: DealNode): vscode.TreeItem {
    if (node.type === 'deal' && item.tooltip === undefined) {
      const deal = this.sources.dealDetails(node.deal);
      if (!deal) this.scheduleRefresh();
      item.tooltip = dealTooltip(node.deal, deal);
    }
    return item;
  }

  /** The deal a row of the panel stands for, with its sources and mentions; undefined once it changed. */
  dealDetails(row: DealRow): CorpusDeal | undefined {
    return this.sources.dealDetails(row);
  }

  /** Every deal of the panel whole, with its sources and mentions, in the panel's order (not kept). */
  async wholeDeals(): Promise<CorpusDeal[]> {
    await this.sources.whenIdle();
    return this.sources.wholeDeals();
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}

function untrusted(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** "$38B · 2025-11-03", "value not stated": what one source says of a deal. */
function statedBy(source: SourceDealStatement): string {
  const amount = source.value !== null ? compactAmount(source.value, source.currency) : 'value not stated';
  return [amount, source.date].filter(Boolean).join(' · ');
}

function dealItem(deal: DealRow, parentLabel: string, grouping: DealGrouping): vscode.TreeItem {
  const item = new vscode.TreeItem(dealParties(deal), vscode.TreeItemCollapsibleState.Collapsed);
  const amount = deal.value !== null ? compactAmount(deal.value, deal.currency) : undefined;
  const difference = deal.difference;
  item.description = [
    grouping === 'party' ? dealKindWords(deal.kind) : undefined,
    amount,
    deal.date,
    difference && `≠ ${difference}`,
  ]
    .filter(Boolean)
    .join(' · ');
  item.contextValue = 'deal';
  item.id = `${grouping}:${parentLabel}:${deal.id}`;
  item.iconPath = difference
    ? new vscode.ThemeIcon('diff', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon(deal.sourcePaths.length > 1 ? 'references' : 'link');
  // the tooltip, which lists what each source states, is made when the deal is hovered (`resolveTreeItem`)
  return item;
}

/** A deal's tooltip: what it is, and what each source states (`deal` merged again when hovered). */
function dealTooltip(row: DealRow, deal: CorpusDeal | undefined): vscode.MarkdownString {
  const difference = row.difference;
  const md = untrusted();
  md.appendMarkdown('**')
    .appendMarkdown(escapeMarkdown(dealParties(row)))
    .appendMarkdown('**\n\n');
  md.appendMarkdown(`- **Kind:** ${escapeMarkdown(dealKindWords(row.kind))}\n`);
  md.appendMarkdown(`- **Value:** ${escapeMarkdown(dealValue(row) ?? 'not stated')}\n`);
  md.appendMarkdown(
    `- **Date:** ${escapeMarkdown(row.date ?? 'not stated')}${row.isDateInferred ? ' *(from the dateline)*' : ''}\n`,
  );
  md.appendMarkdown(`- **Mentions:** ${row.mentionCount}\n`);
  md.appendMarkdown(`- **Sources:** ${row.sourcePaths.length}${difference ? ` — **${difference}**` : ''}\n`);
  if (!deal) return md.appendMarkdown('\n*This deal changed since the panel listed it: the panel is listing again.*\n');
  for (const source of deal.sources) {
    md.appendMarkdown('  - ')
      .appendMarkdown(escapeMarkdown(source.path))
      .appendMarkdown(': ')
      .appendMarkdown(escapeMarkdown(statedBy(source)))
      .appendMarkdown(` (${source.mentions.length} mention${source.mentions.length === 1 ? '' : 's'})\n`);
  }
  return md;
}

export function groupDeals(deals: readonly DealRow[], grouping: DealGrouping): DealNode[] {
  const groups = new Map<string, DealRow[]>();
  for (const deal of deals) {
    const labels =
      grouping === 'kind' ? [dealKindWords(deal.kind)] : deal.parties.length ? deal.parties : ['(parties not named)'];
    for (const label of new Set(labels)) pushTo(groups, label, deal);
  }
  return [...groups.entries()]
    .sort(([a, da], [b, db]) => (grouping === 'party' ? db.length - da.length : 0) || a.localeCompare(b))
    .map(([label, ds]) => ({ type: 'group', label, deals: ds }));
}

export function registerDealsTree(provider: DealsTreeProvider): vscode.Disposable {
  const view = vscode.window.createTreeView(DEALS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    void provider.deals().then((m) => {
      view.message = m.articleCount && !m.deals.length ? `No deals found in ${m.articleCount} article(s).` : undefined;
      view.description = m.articleCount ? `${m.deals.length} deals · ${m.articleCount} articles` : undefined;
    });
  };
  return vscode.Disposable.from(
    view,
    provider.onDidChangeTreeData(() => view.visible && describe()),
    view.onDidChangeVisibility((e) => e.visible && describe()),
  );
}

/** The panel's commands: reveal a mention or an orphan, tag a mention's claim, copy a deal. */
export function dealsCommandHandlers(
  provider: DealsTreeProvider,
  tagClaim: (uri: vscode.Uri, offset: number, tag?: string) => Promise<unknown>,
) {
  const mentionOf = (node: DealNode): { uri: vscode.Uri; start: number; end: number } | undefined => {
    if (node.type === 'mention') return node.uri && { uri: node.uri, start: node.mention.start, end: node.mention.end };
    if (node.type !== 'deal') return undefined;
    const { firstPath, firstStart, firstEnd } = node.deal;
    const uri = firstPath ? provider.uriOf(firstPath) : undefined;
    return uri && { uri, start: firstStart, end: firstEnd };
  };
  const reveal = revealSpan;
  return {
    refreshDeals: () => provider.refresh(),
    showMoreDeals: (node: DealNode) => provider.showMore(node),
    groupDealsByKind: () => provider.setGrouping('kind'),
    groupDealsByParty: () => provider.setGrouping('party'),
    showDeals: () => vscode.commands.executeCommand(`${DEALS_VIEW}.focus`),
    revealMention: async (node: DealNode) => {
      const target = node && mentionOf(node);
      return target && reveal(target.uri, target.start, target.end);
    },
    /** (node, tag?) — asks for the tag when none is given. */
    tagDealMention: async (node: DealNode, tag?: string) => {
      const target = node && mentionOf(node);
      return target && tagClaim(target.uri, target.start, tag);
    },
    /** Every deal of the panel as CSV (what `newsmark deals --format csv` writes), on the clipboard. */
    copyDealsAsCsv: async () => {
      const deals = await provider.wholeDeals();
      const csv = dealsCsv(deals.map(toExtractDeal));
      await vscode.env.clipboard.writeText(csv);
      void vscode.window.showInformationMessage(
        `Newsmark: copied ${deals.length} deal(s) as CSV — paste them into a spreadsheet.`,
      );
      return csv;
    },
    copyDealAsJson: async (node: DealNode) => {
      if (node?.type !== 'deal' && node?.type !== 'mention') return undefined;
      const deal = node.type === 'deal' ? provider.dealDetails(node.deal) : node.deal;
      if (!deal) {
        void vscode.window.showInformationMessage(
          'Newsmark: that deal changed since the panel listed it; listing again.',
        );
        provider.refresh();
        return undefined;
      }
      const json = `${JSON.stringify(toExtractDeal(deal), null, 2)}\n`;
      await vscode.env.clipboard.writeText(json);
      vscode.window.setStatusBarMessage('$(json) Newsmark: deal copied as JSON', 3000);
      return json;
    },
    revealAnnotation: async (node: DealNode) => {
      if (node?.type !== 'orphan') return undefined;
      const { entry } = node.orphan;
      if (entry) {
        // the article is gone: its entry in the annotations file
        await vscode.window.showTextDocument(entry.uri, { selection: entry.range });
        return entry.range;
      }
      const { start, end } = node.orphan.annotation.anchor.position;
      return reveal(node.orphan.uri, start, end);
    },
  };
}
