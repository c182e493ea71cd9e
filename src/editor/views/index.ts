/** The webview views — the deal map and the fact timeline — their commands, and what the API exposes of them. */
import * as vscode from 'vscode';
import type { Log } from '../log';
import type { Platform } from '../platform';
import type { WorkspaceCorpus } from '../workspaceCorpus';
import type { WorkspaceIndex } from '../workspaceIndex';
import { DealMapView } from './dealMap';
import { FactTimelineView, type TimelineTarget } from './factTimeline';

export interface NewsmarkViews {
  readonly dealMap: DealMapView;
  readonly factTimeline: FactTimelineView;
}

export function registerViews(
  sources: WorkspaceCorpus,
  index: WorkspaceIndex,
  extensionUri: vscode.Uri,
  log: Log,
  write: Platform['writeTextFile'],
  /** Resolves once the first-run walkthrough has opened: the views wait for it before making a webview. */
  whenLayoutSettled: () => Promise<unknown> = () => Promise.resolve(),
) {
  const factTimeline = new FactTimelineView(sources, index, extensionUri, log, write, whenLayoutSettled);
  const dealMap = new DealMapView(
    sources,
    extensionUri,
    log,
    write,
    (keyId) => factTimeline.show(keyId),
    whenLayoutSettled,
  );
  return {
    views: { dealMap, factTimeline } as NewsmarkViews,
    disposable: vscode.Disposable.from(dealMap, factTimeline),
    handlers: {
      showDealMap: () => dealMap.show(),
      /** (key id | {keyId} | {path, figureId} | {uri, offset})? — the figure under the cursor, else a quick pick */
      showFactTimeline: (target?: TimelineTarget) => factTimeline.showFor(target),
    },
  };
}
