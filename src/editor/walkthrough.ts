/**
 * The first-run walkthrough ("Get Started with Newsmark", `contributes.walkthroughs`): open the
 * sample articles, hover a figure, open the deals panel, tag a claim, export. Each step completes
 * on the real action (its command, the panel opening, the context key set by the first figure
 * hover). It opens once, on the first activation after install.
 */
import * as vscode from 'vscode';
import type { Log } from './log';

export const WALKTHROUGH_ID = 'gettingStarted';
/** Set (true) the first time a figure's provenance hover is shown: completes the walkthrough's hover step. */
export const HOVERED_FIGURE_CONTEXT = 'newsmark.hasHoveredFigure';
/** Set once a claim was tagged, a workspace exported, the samples copied: the steps' completion, on the real action. */
export const STEP_CONTEXTS = {
  tagged: 'newsmark.hasTaggedClaim',
  exported: 'newsmark.hasExported',
  samples: 'newsmark.hasOpenedSamples',
} as const;

/** Marks a walkthrough step done (a context key its completion event waits for). */
export function completeStep(key: (typeof STEP_CONTEXTS)[keyof typeof STEP_CONTEXTS]): void {
  void vscode.commands.executeCommand('setContext', key, true);
}
const SHOWN_KEY = 'newsmark.walkthroughShown';

/** The commands that focus the editor group of a view column (one to eight), as the keyboard does. */
const FOCUS_GROUP = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'].map(
  (n) => `workbench.action.focus${n}EditorGroup`,
);

/** Opens the walkthrough on the first run; returns whether it did. */
export async function showWalkthroughOnFirstRun(context: vscode.ExtensionContext, log: Log): Promise<boolean> {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return false;
  await context.globalState.update(SHOWN_KEY, true);
  try {
    // an article the user just opened keeps the focus: the walkthrough opens beside it, and the
    // focus goes back to the article's group — to whatever it shows by then: a command run right
    // after opening the article (the deal map, opened in that group) stays in front
    const column = vscode.window.activeTextEditor?.viewColumn;
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${context.extension.id}#${WALKTHROUGH_ID}`,
      column !== undefined,
    );
    if (column !== undefined) await vscode.commands.executeCommand(FOCUS_GROUP[column - 1] ?? FOCUS_GROUP[0]!);
    log.info('walkthrough: opened on the first run');
    return true;
  } catch (error) {
    log.warn(`walkthrough: could not open it (${(error as Error).message})`);
    return false;
  }
}

/**
 * "Newsmark: Open Sample Articles…": copies the bundled samples into a new folder `newsmark-samples`
 * inside a folder the user picks (or `parent`), then opens it (unless `isOpening` is false).
 */
export async function openSamples(
  extensionUri: vscode.Uri,
  log: Log,
  parent?: vscode.Uri,
  isOpening = true,
): Promise<vscode.Uri | undefined> {
  const picked =
    parent ??
    (
      await vscode.window.showOpenDialog({
        title: 'Where should the sample articles go?',
        openLabel: 'Copy the Samples Here',
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
      })
    )?.[0];
  if (!picked) return undefined;
  const target = await freeName(picked, 'newsmark-samples');
  const samples = vscode.Uri.joinPath(extensionUri, 'seeds');
  const files = (await vscode.workspace.fs.readDirectory(samples)).filter(
    ([name, type]) => type === vscode.FileType.File && /\.(md|markdown|txt)$/i.test(name),
  );
  await vscode.workspace.fs.createDirectory(target);
  for (const [name] of files)
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(samples, name), vscode.Uri.joinPath(target, name), {
      overwrite: false,
    });
  log.info(`walkthrough: copied ${files.length} sample article(s) to ${target.fsPath}`);
  completeStep(STEP_CONTEXTS.samples);
  if (isOpening) await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
  return target;
}

/** `parent/name`, or `parent/name-2`, `-3`… when it exists: nothing of the user's is written over. */
async function freeName(parent: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? name : `${name}-${n}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
