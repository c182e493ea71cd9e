// Shared by the integration suites: the API, the seeds, and waiting on events (never sleeping).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import pkg from '../../../package.json';
import type { NewsmarkApi } from '../../../src/extension';
import type { AnalysedArticle } from '../../../src/editor/workspaceIndex';

export const EXT_ID = `${pkg.publisher}.${pkg.name}`;
export const SEED = '000_2619ed4e9be0e23f.txt';

export async function newsmarkApi(): Promise<NewsmarkApi> {
  const ext = vscode.extensions.getExtension<NewsmarkApi>(EXT_ID);
  assert.ok(ext, `${EXT_ID} is not loaded`);
  return ext.activate();
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder;
}

export function seedUri(name = SEED): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

export function annotationFileUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, '.newsmark', 'annotations.json');
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the first event that satisfies `predicate`; fails after `timeoutMs` saying what never happened. */
export function nextEvent<T>(
  event: vscode.Event<T>,
  predicate: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = event((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/** Waits until `check()` holds, re-checking on each event (the event says "something changed"). */
export async function until(
  event: vscode.Event<unknown>,
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  if (await check()) return;
  let settled = false;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      settled = true;
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = event(async () => {
      if (settled || !(await check())) return;
      settled = true;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/** The analysis of the document's current version, waiting for api.onDidAnalyse when it has not landed yet. */
export async function analysed(api: NewsmarkApi, doc: vscode.TextDocument): Promise<AnalysedArticle> {
  const current = () => {
    const latest = api.index.latest(doc.uri);
    return latest && latest.version === doc.version ? latest : undefined;
  };
  const landed = current();
  if (landed) return landed;
  const waiting = nextEvent(
    api.onDidAnalyse,
    (a) => a.uri.toString() === doc.uri.toString() && a.version === doc.version,
    `the analysis of ${doc.uri.path} v${doc.version}`,
  );
  const now = current(); // it may have landed between the two looks
  return now ?? waiting;
}

export async function openSeed(
  api: NewsmarkApi,
  name = SEED,
): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor; article: AnalysedArticle }> {
  const doc = await vscode.workspace.openTextDocument(seedUri(name));
  const editor = await vscode.window.showTextDocument(doc);
  const article = await analysed(api, doc);
  return { doc, editor, article };
}

/** The position of the middle of the first occurrence of `needle` in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" is in ${doc.uri.path}`);
  return doc.positionAt(at + Math.floor(needle.length / 2));
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Markdown escapes removed, so assertions can read the text a person sees. */
export function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export async function codeActionsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    new vscode.Range(position, position),
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && 'kind' in a);
}

export async function runAction(action: vscode.CodeAction | undefined, ...extra: unknown[]): Promise<unknown> {
  assert.ok(action?.command, 'the code action has a command');
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), ...extra);
}
