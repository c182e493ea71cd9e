/**
 * The fact timeline: a webview panel charting every statement of one fact across the
 * workspace's sources over time (the webview in src/webview/timeline/ draws it with Observable
 * Plot). The fact comes from the hover's "Also stated in other sources" (a figure), the figure
 * under the cursor, a quick pick of the facts two sources or more state (conflicts first), or a
 * node of the deal map. The chart follows the corpus live; a point opens its sentence beside
 * the chart; the picture is saved as SVG or PNG. Messages from the webview are validated.
 */
import * as vscode from 'vscode';
import { factTimeline } from '../../core/views/factTimeline';
import {
  FromTimeline,
  type FactTimeline,
  type Picture,
  type TimelineState,
  type ToTimeline,
} from '../../core/webviewMessages';
import { figureAt } from '../hover';
import type { Log } from '../log';
import type { WorkspaceCorpus } from '../workspaceCorpus';
import type { WorkspaceIndex } from '../workspaceIndex';
import { articlePath } from '../articles';
import type { Platform } from '../platform';
import { savePicture } from './picture';
import type { PageWatch } from './pageWatch';
import { openViewPanel } from './viewPanel';
import { revealBeside } from './reveal';

export const FACT_TIMELINE_VIEW_TYPE = 'newsmark.factTimeline';
const REDRAW_MS = 400;

/** What "Show Fact Timeline" may be given: a key id, or a figure of an article (the hover's link). */
export type TimelineTarget =
  | string
  | { readonly keyId: string }
  | { readonly path: string; readonly figureId: string }
  | { readonly uri: string; readonly offset: number };

export type TimelineAction = Omit<Extract<ToTimeline, { type: 'act' }>, 'type' | 'seq'>;

export class FactTimelineView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** Loads the page again when it never says it is ready (pageWatch.ts). */
  private page: PageWatch | undefined;
  private keyId: string | undefined;
  private timeline: FactTimeline | null = null;
  private state: TimelineState | undefined;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private readonly exportTargets: Array<vscode.Uri | undefined> = [];
  private readonly stateChanged = new vscode.EventEmitter<TimelineState>();
  private readonly saved = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.stateChanged, this.saved];
  readonly onDidChangeState = this.stateChanged.event;
  readonly onDidSavePicture = this.saved.event;

  constructor(
    private readonly sources: WorkspaceCorpus,
    private readonly index: WorkspaceIndex,
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    private readonly write: Platform['writeTextFile'],
    /** Resolves once the first-run walkthrough has opened (a webview made while the editor area splits may stay blank). */
    private readonly whenLayoutSettled: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    this.disposables.push(sources.onDidUpdate(() => this.scheduleRedraw()));
  }

  get lastState(): TimelineState | undefined {
    return this.state;
  }

  get lastTimeline(): FactTimeline | null {
    return this.timeline;
  }

  /**
   * The command: a key id or a figure when given; else the figure under the cursor, when another
   * source states its fact; else a quick pick. Resolves once the chart is drawn (undefined: nothing chosen).
   */
  async showFor(target?: TimelineTarget): Promise<TimelineState | undefined> {
    const keyId = await this.keyOf(target);
    if (!keyId) return undefined;
    return this.show(keyId);
  }

  async show(keyId: string): Promise<TimelineState> {
    this.keyId = keyId;
    const message = this.timelineMessage();
    const title = `Timeline: ${this.timeline?.label ?? 'fact'}`;
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(undefined, false);
      const drawn = this.stateAfter(message.seq);
      await this.post(message);
      return drawn;
    } else {
      await this.whenLayoutSettled();
      if (!this.panel) this.open(title, vscode.ViewColumn.Active, 0);
    }
    return this.stateAfter(this.seq + 1); // the timeline posted when the page is ready
  }

  /** Makes the panel in `column` (again, `attempt` times, when its page never started). */
  private open(title: string, column: vscode.ViewColumn, attempt: number): void {
    const spec = {
      viewType: FACT_TIMELINE_VIEW_TYPE,
      title,
      page: { title: 'Fact Timeline', script: 'factTimeline.js', style: 'factTimeline.css' },
      what: 'fact timeline',
    };
    openViewPanel(spec, this.extensionUri, this.log, column, attempt, (panel, page) => {
      this.panel = panel;
      this.page = page;
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
    });
  }

  async act(action: TimelineAction, target?: vscode.Uri): Promise<TimelineState> {
    if (!this.panel) throw new Error('the fact timeline is not open');
    if (action.action === 'export') this.exportTargets.push(target);
    const seq = ++this.seq;
    const done = this.stateAfter(seq);
    await this.post({ ...action, type: 'act', seq });
    return done;
  }

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

  private async keyOf(target: TimelineTarget | undefined): Promise<string | undefined> {
    const corpus = this.sources.corpus;
    if (typeof target === 'string') return target;
    if (target && 'keyId' in target) return target.keyId;
    if (target && 'path' in target)
      return corpus.statementsFor(target.path, target.figureId)?.key.id ?? this.notStated();
    const editor = vscode.window.activeTextEditor;
    const uri = target && 'uri' in target ? vscode.Uri.parse(target.uri) : editor?.document.uri;
    const offset = target && 'uri' in target ? target.offset : editor?.document.offsetAt(editor.selection.active);
    if (uri && offset !== undefined) {
      const article = await this.index.getUri(uri);
      const figure = article && figureAt(article.analysis, offset);
      const facts = figure && corpus.statementsFor(articlePath(uri), figure.id);
      if (facts && facts.others.length > 0) return facts.key.id;
      if (target) return this.notStated();
    }
    await this.sources.whenIdle();
    const items = corpus
      .facts()
      .sort(
        (a, b) =>
          Number(b.verdict === 'conflict') - Number(a.verdict === 'conflict') || a.key.label.localeCompare(b.key.label),
      )
      .map((fact) => ({
        label: `${fact.verdict === 'conflict' ? '$(warning)' : fact.verdict === 'agree' ? '$(check)' : '$(circle-outline)'} ${fact.key.label}`,
        description: `${fact.statements.length} statements · ${new Set(fact.statements.map((s) => s.path)).size} sources · ${fact.verdict}`,
        detail: fact.statements
          .map((s) => s.text)
          .slice(0, 6)
          .join(' · '),
        keyId: fact.key.id,
      }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage(
        'Newsmark: no fact is stated by two sources or more in this workspace yet.',
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Show Fact Timeline',
      placeHolder: 'A fact stated by two sources or more (conflicts first)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.keyId;
  }

  private notStated(): undefined {
    void vscode.window.showInformationMessage("Newsmark: no other source in the workspace states this figure's fact.");
    return undefined;
  }

  private stateAfter(seq: number): Promise<TimelineState> {
    return new Promise((resolve) => {
      const sub = this.onDidChangeState((state) => {
        if (state.seq < seq) return;
        sub.dispose();
        resolve(state);
      });
    });
  }

  private scheduleRedraw(): void {
    if (!this.panel || !this.keyId) return;
    clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => void this.post(this.timelineMessage()), REDRAW_MS);
  }

  private timelineMessage(): Extract<ToTimeline, { type: 'timeline' }> {
    const statements = this.keyId ? this.sources.corpus.factStatements(this.keyId) : undefined;
    this.timeline = statements ? factTimeline(statements) : null;
    if (this.timeline && this.panel) this.panel.title = `Timeline: ${this.timeline.label}`;
    const message = this.timeline ? null : 'No source in the workspace states this fact any more.';
    return { type: 'timeline', seq: ++this.seq, timeline: this.timeline, message };
  }

  private async post(message: ToTimeline): Promise<void> {
    if (this.panel) await this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const parsed = FromTimeline.safeParse(raw);
    if (!parsed.success) {
      this.log.warn(
        `fact timeline: ignored a message that is not valid: ${parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')
          .slice(0, 500)}`,
      );
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.page?.ready();
        void this.post(this.timelineMessage());
        return;
      case 'reveal': {
        // only a statement the chart was given: the webview names it, the corpus says where it is
        const point = this.timeline?.points.find(
          (p) => p.path === message.path && p.start === message.start && p.end === message.end,
        );
        const uri = point && this.sources.uriOf(point.path);
        if (!uri) {
          this.log.warn('fact timeline: asked to open a statement that is not on the chart');
          return;
        }
        void revealBeside(uri, point.start, point.end, this.panel).catch((error) =>
          this.log.error(`fact timeline: cannot open ${point.path}: ${(error as Error).stack ?? error}`),
        );
        return;
      }
      case 'export':
        void this.save(message.picture).catch((error) =>
          this.log.error(`fact timeline: cannot save the picture: ${(error as Error).stack ?? error}`),
        );
        return;
      case 'state':
        this.state = message.state;
        this.stateChanged.fire(message.state);
        return;
    }
  }

  private async save(picture: Picture): Promise<void> {
    const target = this.exportTargets.shift();
    let uri: vscode.Uri | undefined;
    try {
      uri = await savePicture(picture, 'fact-timeline', this.log, this.write, target);
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
