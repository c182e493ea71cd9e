/**
 * The annotations that are not saved yet, in the status bar — only while writing them fails
 * (a read-only file, a full disk, a folder that cannot be written): "$(warning) 3 annotation
 * changes not saved". Its click runs "Save Annotations Now", which tries again at once.
 */
import * as vscode from 'vscode';
import { Commands } from './commands';
import type { SaveState } from './store';

export interface SaveStateSource {
  readonly onDidChangeSaveState: vscode.Event<SaveState>;
  saveState(): SaveState;
}

export function registerSaveStatus(store: SaveStateSource): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('newsmark.saveState', vscode.StatusBarAlignment.Right, 101);
  item.name = 'Newsmark: annotations not saved';
  item.command = Commands.saveAnnotations;
  item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  const update = (state: SaveState) => {
    if (state.failure === undefined || state.unsaved === 0) return item.hide();
    item.text = `$(warning) ${state.unsaved} annotation change${state.unsaved === 1 ? '' : 's'} not saved`;
    item.tooltip = `Newsmark cannot write the annotations file: ${state.failure}\nThe changes are kept (and journaled) and saved as soon as it can be written. Click to try again now.`;
    item.show();
  };
  update(store.saveState());
  return vscode.Disposable.from(item, store.onDidChangeSaveState(update));
}
