/**
 * The deal map: a webview panel that draws the workspace's deals as a graph (the webview in
 * src/webview/dealMap/ lays it out with d3-force and draws SVG). The extension builds the graph
 * of the deals that pass the filter (core/views/dealGraph), posts it, and answers the webview's
 * requests: a deal's mentions and facts, a party's facts, revealing a mention (the article opens
 * beside the map with the sentence selected), a fact's timeline, saving the picture. Every
 * message from the webview is validated (`FromDealMap`); the map follows the corpus live.
 */
import * as vscode from 'vscode';
import type { CorpusFact, DealRow } from '../../core/corpus/index';
import type { DealMention } from '../../core/extract/deals/deal';
import { dealGraph, subjectPartyIds } from '../../core/views/dealGraph';
import {
  bounded,
  DealMapFilter,
  FromDealMap,
  MAX_SENTENCE_LENGTH,
  NO_FILTER,
  type DealDetails,
  type DealGraph,
  type DealMapState,
  type Picture,
  type ToDealMap,
} from '../../core/webviewMessages';
import { compactAmount, dealParties } from '../format';
import type { Log } from '../log';
import type { WorkspaceCorpus } from '../workspaceCorpus';
import type { Platform } from '../platform';
import { savePicture } from './picture';
import type { PageWatch } from './pageWatch';
import { openViewPanel } from './viewPanel';
import { revealBeside } from './reveal';

export const DEAL_MAP_VIEW_TYPE = 'newsmark.dealMap';
/** After the corpus changes, the map is drawn again at most this often. */
const REDRAW_MS = 400;
const MAX_FACTS = 50;

export type DealMapAction = Extract<ToDealMap, { type: 'act' }>;

export class DealMapView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** Loads the page again when it never says it is ready (pageWatch.ts). */
  private page: PageWatch | undefined;
  private filter: DealMapFilter = NO_FILTER;
  private deals = new Map<string, DealRow>();
  /** The mentions of the deal whose details were shown last, as they were shown: what a click on one reveals. */
  private shownMentions: { readonly dealId: string; readonly mentions: readonly DealMention[] } | undefined;
  private graph: DealGraph | undefined;
  private state: DealMapState | undefined;
  private isStale = false;
  /** Numbers the messages that the webview answers with a state, so a wait ends on the answer to its own message. */
  private seq = 0;
  /** Bumped by each graph asked for: a merge that a later request overtook is not posted. */
  private graphRequests = 0;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly exportTargets: Array<vscode.Uri | undefined> = [];
  private readonly stateChanged = new vscode.EventEmitter<DealMapState>();
  private readonly saved = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.stateChanged, this.saved];
  /** Fires when the webview reports what it shows (after each draw and each action). */
  readonly onDidChangeState = this.stateChanged.event;
  /** Fires when a picture was saved (undefined: cancelled or failed). */
  readonly onDidSavePicture = this.saved.event;

  constructor(
    private readonly sources: WorkspaceCorpus,
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    private readonly write: Platform['writeTextFile'],
    private readonly showTimeline: (keyId: string) => Promise<unknown>,
    /** Resolves once the first-run walkthrough has opened (a webview made while the editor area splits may stay blank). */
    private readonly whenLayoutSettled: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    this.disposables.push(sources.onDidUpdate(() => this.scheduleRedraw()));
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** What the webview last reported. */
  get lastState(): DealMapState | undefined {
    return this.state;
  }

  /** The graph last posted. */
  get lastGraph(): DealGraph | undefined {
    return this.graph;
  }

  get currentFilter(): DealMapFilter {
    return this.filter;
  }

  /** Opens the map (or brings it forward), with a filter when one is given; resolves once it has drawn. */
  async show(filter?: Partial<DealMapFilter>): Promise<DealMapState> {
    if (filter) this.filter = DealMapFilter.parse({ ...this.filter, ...filter });
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return this.postGraph();
    } else {
      await this.whenLayoutSettled();
      if (!this.panel) this.open(vscode.ViewColumn.Active, 0);
    }
    return this.stateAfter(this.seq + 1); // the graph posted when the page is ready
  }

  /** Makes the panel in `column` (again, `attempt` times, when its page never started). */
  private open(column: vscode.ViewColumn, attempt: number): void {
    const spec = {
      viewType: DEAL_MAP_VIEW_TYPE,
      title: 'Deal Map',
      page: { title: 'Deal Map', script: 'dealMap.js', style: 'dealMap.css' },
      what: 'deal map',
    };
    openViewPanel(spec, this.extensionUri, this.log, column, attempt, (panel, page) => {
      this.panel = panel;
      this.page = page;
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.isStale) void this.postGraph();
      });
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    });
  }

  /** Sets the filter (as the map's controls do) and resolves once the map has drawn it. */
  async setFilter(filter: Partial<DealMapFilter>): Promise<DealMapState> {
    this.filter = DealMapFilter.parse({ ...this.filter, ...filter });
    if (!this.panel) return this.show();
    return this.postGraph();
  }

  /** Does in the webview what a user would (hover or click an edge, click a mention, export…); resolves with what it then shows. */
  async act(action: Omit<DealMapAction, 'type' | 'seq'>, target?: vscode.Uri): Promise<DealMapState> {
    if (!this.panel) await this.show();
    if (action.action === 'export') this.exportTargets.push(target);
    const seq = ++this.seq;
    const done = this.stateAfter(seq);
    await this.post({ ...action, type: 'act', seq });
    return done;
  }

  /** Saves the map as SVG or PNG: the webview draws the picture, then the save dialog (or `target`). */
  async exportPicture(format: 'svg' | 'png', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const saved = new Promise<vscode.Uri | undefined>((resolve) => {
      const sub = this.onDidSavePicture((uri) => {
        sub.dispose();
        resolve(uri);
      });
    });
    await this.act({ action: 'export', format }, target);
    return saved;
  }

  /** The first state the webview reports after handling message `seq` (or a later one). */
  private stateAfter(seq: number): Promise<DealMapState> {
    return new Promise((resolve) => {
      const sub = this.onDidChangeState((state) => {
        if (state.seq < seq) return;
        sub.dispose();
        resolve(state);
      });
    });
  }

  private scheduleRedraw(): void {
    if (!this.panel) return;
    this.isStale = true;
    clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => {
      if (this.panel?.visible) void this.postGraph();
    }, REDRAW_MS);
  }

  /**
   * Posts the graph of the deals as they are now, under the filter, and resolves once the map has
   * drawn it (or a later graph). The deals are merged in slices of the host's time (at 10,000
   * articles the first merge takes seconds); a graph asked for meanwhile supersedes this one, which
   * is then not posted: the later one carries the same filter or a newer one.
   */
  private async postGraph(): Promise<DealMapState> {
    const request = ++this.graphRequests;
    const started = Date.now();
    const deals = await this.sources.deals();
    if (request !== this.graphRequests || !this.panel) return this.stateAfter(this.seq + 1);
    this.deals = new Map(deals.map((d) => [d.id, d]));
    const graph = dealGraph({ deals, filter: this.filter, typeOf: (id) => this.sources.corpus.entity(id)?.type });
    this.graph = graph;
    this.isStale = false;
    this.log.debug(
      `deal map: ${graph.edges.length} edge(s), ${graph.nodes.length} node(s) of ${graph.matchingCount}/${graph.dealCount} deal(s) in ${Date.now() - started} ms`,
    );
    const message = {
      type: 'graph',
      seq: ++this.seq,
      graph,
      filter: this.filter,
      isIndexing: this.sources.status.isIndexing,
    } as const;
    const drawn = this.stateAfter(message.seq);
    await this.post(message);
    return drawn;
  }

  private async post(message: ToDealMap): Promise<void> {
    if (!this.panel) return;
    const isDelivered = await this.panel.webview.postMessage(message);
    if (!isDelivered)
      this.log.debug(`deal map: a "${message.type}" message was not delivered (the view is hidden or closing)`);
  }

  private receive(raw: unknown): void {
    const parsed = FromDealMap.safeParse(raw);
    if (!parsed.success) {
      this.log.warn(
        `deal map: ignored a message that is not valid: ${parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')
          .slice(0, 500)}`,
      );
      return;
    }
    const message = parsed.data;
    const fail = (what: string) => (error: unknown) =>
      this.log.error(`deal map: ${what}: ${(error as Error).stack ?? error}`);
    switch (message.type) {
      case 'ready':
        this.page?.ready();
        void this.postGraph();
        return;
      case 'setFilter':
        this.filter = message.filter;
        void this.postGraph();
        return;
      case 'details': {
        const details = this.details(message.dealId);
        if (details) void this.post({ type: 'details', details });
        return;
      }
      case 'nodeFacts':
        void this.post({ type: 'nodeFacts', partyId: message.partyId, facts: this.factsAbout([message.partyId]) });
        return;
      case 'reveal':
        void this.reveal(message.dealId, message.index).catch(fail('cannot reveal the mention'));
        return;
      case 'showTimeline':
        void this.showTimeline(message.keyId);
        return;
      case 'export':
        void this.save(message.picture).catch(fail('cannot save the picture'));
        return;
      case 'state':
        this.state = message.state;
        this.stateChanged.fire(message.state);
        return;
    }
  }

  private details(dealId: string): DealDetails | undefined {
    const row = this.deals.get(dealId);
    // the map keeps a row for each deal: its sources and mentions are merged again when it is opened
    const deal = row && this.sources.dealDetails(row);
    if (!deal) return undefined;
    this.shownMentions = { dealId, mentions: deal.mentions };
    const stated = new Map(
      deal.sources.map((s) => [
        s.path,
        [s.value !== null ? compactAmount(s.value, s.currency) : 'value not stated', s.date]
          .filter(Boolean)
          .join(' · '),
      ]),
    );
    const mentions = deal.mentions.slice(0, 500).map((m) => ({
      path: m.path ?? '',
      start: m.start,
      end: m.end,
      sentence: bounded(m.sentence, MAX_SENTENCE_LENGTH),
      stated: bounded(stated.get(m.path ?? '') ?? '', 200),
    }));
    return {
      dealId,
      title: bounded(dealParties(deal), 500),
      mentions,
      moreCount: Math.max(0, deal.mentions.length - 500),
      facts: this.factsAbout(deal.partyIds),
    };
  }

  /** Facts stated by two sources or more whose subject names one of the parties: conflicts first. */
  private factsAbout(partyIds: readonly string[]): DealDetails['facts'] {
    const wanted = new Set(partyIds);
    const names = (fact: CorpusFact) => subjectPartyIds(fact.key.subject);
    return this.sources.corpus
      .factsNaming(partyIds)
      .filter((fact) => names(fact).some((id) => wanted.has(id)))
      .sort(
        (a, b) =>
          Number(b.verdict === 'conflict') - Number(a.verdict === 'conflict') || a.key.label.localeCompare(b.key.label),
      )
      .slice(0, MAX_FACTS)
      .map((fact) => ({ keyId: fact.key.id, label: bounded(fact.key.label, 600), verdict: fact.verdict }));
  }

  private async reveal(dealId: string, index: number): Promise<void> {
    // the mention as the details showed it (the deal may have been merged again since, in another order)
    const shown = this.shownMentions?.dealId === dealId ? this.shownMentions.mentions : undefined;
    const row = this.deals.get(dealId);
    const mention = (shown ?? (row && this.sources.dealDetails(row)?.mentions))?.[index];
    const uri = mention && this.sources.uriOf(mention.path ?? '');
    if (!mention || !uri) {
      void vscode.window.showInformationMessage(
        'Newsmark: that mention is no longer in the workspace; the map is being redrawn.',
      );
      void this.postGraph();
      return;
    }
    await revealBeside(uri, mention.start, mention.end, this.panel);
  }

  private async save(picture: Picture): Promise<void> {
    const target = this.exportTargets.shift();
    let uri: vscode.Uri | undefined;
    try {
      uri = await savePicture(picture, 'deal-map', this.log, this.write, target);
    } finally {
      this.saved.fire(uri);
    }
  }

  dispose(): void {
    clearTimeout(this.redrawTimer);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
