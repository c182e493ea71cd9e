/** The one LogOutputChannel, "Newsmark": everything that is not an answer to a user action goes here. */
import * as vscode from 'vscode';

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Newsmark', { log: true });
}
