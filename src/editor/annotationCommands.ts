/**
 * Tag, untag and correct the claim at an offset of an article: the handlers of the quick fixes,
 * the editor context menu and the palette. Each takes its answers as arguments (code actions
 * and tests pass them) and prompts only for what is missing.
 */
import * as vscode from 'vscode';
import type { Claim } from '../core/analysis';
import { describe } from '../core/anchor/index';
import {
  BUILTIN_TAGS,
  normaliseTag,
  withoutTag,
  type Anchor,
  type Annotation,
  type ChangeTarget,
} from '../core/annotations/index';
import { claimAt, type AnchoredAnnotation } from './anchored';
import { folderRelativePath } from './articles';
import { shorten } from './format';
import type { AnnotationStore } from './store';
import type { AnalysedArticle, WorkspaceIndex } from './workspaceIndex';

export interface CorrectionAnswers {
  readonly corrected: string;
  readonly note?: string;
  /** Also replace the claim's text in the article (a WorkspaceEdit). */
  readonly isApplied?: boolean;
}

interface ClaimTarget {
  readonly uri: vscode.Uri;
  readonly article: AnalysedArticle;
  readonly claim: Claim;
}

const TAG_LABELS: Readonly<Record<string, string>> = {
  verified: 'Verified',
  disputed: 'Disputed',
  'needs-source': 'Needs source',
};

export class AnnotationCommands {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly store: AnnotationStore,
  ) {}

  /** Tags the claim at `offset` of `uri` (default: the cursor); asks for the tag when none is given. */
  async tagClaim(uri?: vscode.Uri, offset?: number, tag?: string): Promise<Annotation | undefined> {
    const target = await this.target(uri, offset);
    if (!target) return undefined;
    const chosen = tag ?? (await this.pickTag(target));
    if (chosen === undefined) return undefined;
    if (normaliseTag(chosen) === null)
      throw new Error(`"${chosen}" is not a usable tag: 1 to 40 characters, spaces become "-"`);
    return this.store.tag(target.uri, this.changeTarget(target), chosen);
  }

  async removeTag(uri?: vscode.Uri, offset?: number, tag?: string): Promise<Annotation | undefined> {
    const target = await this.target(uri, offset);
    if (!target) return undefined;
    const existing = await this.store.annotationAt(target.uri, target.claim.start, target.claim.end);
    if (!existing?.tags.length) {
      void vscode.window.showInformationMessage('Newsmark: this claim has no tags.');
      return undefined;
    }
    const chosen =
      tag ??
      (existing.tags.length === 1
        ? existing.tags[0]
        : await vscode.window.showQuickPick([...existing.tags], { title: 'Remove which tag?' }));
    if (chosen === undefined) return undefined;
    // the annotation goes with its last tag unless it holds corrections
    return (await this.store.untag(target.uri, existing.id, chosen)) ?? withoutTag(existing, chosen, this.store.now());
  }

  /** Records a correction of the claim (original, correction, note, author, time), optionally applying it. */
  async correctClaim(uri?: vscode.Uri, offset?: number, answers?: CorrectionAnswers): Promise<Annotation | undefined> {
    const target = await this.target(uri, offset);
    if (!target) return undefined;
    const { claim, article } = target;
    const original = article.text.slice(claim.start, claim.end);
    const given = answers ?? (await this.askCorrection(original));
    if (!given || given.corrected === original) return undefined;
    const changeTarget = this.changeTarget(target);
    let appliedAnchor: Anchor | undefined;
    if (given.isApplied) {
      const doc = await vscode.workspace.openTextDocument(target.uri);
      const range = new vscode.Range(doc.positionAt(claim.start), doc.positionAt(claim.end));
      if (doc.getText(range) !== original)
        throw new Error('the article changed while the correction was written; try again');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(target.uri, range, given.corrected);
      if (!(await vscode.workspace.applyEdit(edit)))
        throw new Error('the correction could not be applied to the article');
      // an article not shown in an editor would be left dirty and invisible: save it
      if (!vscode.window.visibleTextEditors.some((e) => e.document === doc)) await doc.save();
      // the annotation now quotes the corrected text, so it anchors to it
      appliedAnchor = describe(doc.getText(), claim.start, claim.start + given.corrected.length);
    }
    return this.store.correct(
      target.uri,
      changeTarget,
      {
        original,
        corrected: given.corrected,
        note: given.note ?? '',
        author: this.store.author(),
        isApplied: !!given.isApplied,
      },
      appliedAnchor,
    );
  }

  /**
   * Removes an annotation (an orphan, from the panel or the Problems view). Asks first unless
   * `isConfirmed`: its tags and corrections go with it.
   */
  async removeAnnotation(target: unknown, id?: string, isConfirmed = false): Promise<boolean> {
    const node = target as { type?: string; orphan?: AnchoredAnnotation } | undefined;
    const uri = target instanceof vscode.Uri ? target : node?.type === 'orphan' ? node.orphan?.uri : undefined;
    const annotationId = id ?? (node?.type === 'orphan' ? node.orphan?.annotation.id : undefined);
    if (!uri || !annotationId) return false;
    if (!isConfirmed) {
      const answer = await vscode.window.showWarningMessage(
        'Remove this orphaned annotation? Its tags and corrections are deleted from .newsmark/annotations.json.',
        { modal: true },
        'Remove',
      );
      if (answer !== 'Remove') return false;
    }
    await this.store.remove(uri, annotationId);
    return true;
  }

  async openAnnotationFile(): Promise<void> {
    const folder =
      (vscode.window.activeTextEditor &&
        vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri)) ||
      vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage(
        'Newsmark: open a folder first; annotations live in its .newsmark/annotations.json.',
      );
      return;
    }
    await this.store.ready();
    try {
      await vscode.window.showTextDocument(this.store.fileUri(folder));
    } catch {
      void vscode.window.showInformationMessage(
        'Newsmark: no annotations yet. Tag a claim (Ctrl+. on it) to create .newsmark/annotations.json.',
      );
    }
  }

  /** The claim as a change names it: its annotation if there is one, else the quote and place a new one gets. */
  private changeTarget(target: ClaimTarget): ChangeTarget {
    return {
      id: this.store.newId(),
      source: folderRelativePath(target.uri),
      anchor: describe(target.article.text, target.claim.start, target.claim.end),
    };
  }

  /** The claim at an offset (default: the active editor's cursor), or a message saying why there is none. */
  private async target(uri?: vscode.Uri, offset?: number): Promise<ClaimTarget | undefined> {
    const editor = vscode.window.activeTextEditor;
    const targetUri = uri ?? editor?.document.uri;
    if (!targetUri) {
      void vscode.window.showInformationMessage('Newsmark: open an article and put the cursor on a claim first.');
      return undefined;
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === targetUri.toString());
    const at =
      offset ??
      (editor && editor.document.uri.toString() === targetUri.toString()
        ? editor.document.offsetAt(editor.selection.active)
        : undefined);
    const article = doc ? await this.index.getArticle(doc) : await this.index.getUri(targetUri);
    if (!article || at === undefined) {
      void vscode.window.showInformationMessage(
        'Newsmark: this file is not an article (see the newsmark.include setting).',
      );
      return undefined;
    }
    const claim = claimAt(article.analysis, at);
    if (!claim) {
      void vscode.window.showInformationMessage(
        'Newsmark: no claim here. A claim is a sentence that states a figure or a deal.',
      );
      return undefined;
    }
    return { uri: targetUri, article, claim };
  }

  private async pickTag(target: ClaimTarget): Promise<string | undefined> {
    const existing = await this.store.annotationAt(target.uri, target.claim.start, target.claim.end);
    const present = new Set(existing?.tags ?? []);
    const custom = this.store.recentTags().filter((t) => !(BUILTIN_TAGS as readonly string[]).includes(t));
    type Item = vscode.QuickPickItem & { tag?: string };
    const items: Item[] = [
      ...BUILTIN_TAGS.map((tag) => ({ label: `$(tag) ${TAG_LABELS[tag] ?? tag}`, description: tag, tag })),
      ...(custom.length ? [{ label: 'recent', kind: vscode.QuickPickItemKind.Separator } as Item] : []),
      ...custom.map((tag) => ({ label: `$(tag) ${tag}`, tag })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(add) New tag…' },
    ].filter((i) => !i.tag || !present.has(i.tag));
    const picked = await vscode.window.showQuickPick(items, {
      title: `Tag claim: ${shorten(target.claim.text, 60)}`,
      placeHolder: 'A tag, or a new one',
    });
    if (!picked) return undefined;
    if (picked.tag) return picked.tag;
    return vscode.window.showInputBox({
      title: 'New tag',
      prompt: 'Lower-case, spaces become "-", at most 40 characters',
      placeHolder: 'e.g. check-with-analyst',
      validateInput: (value) => (normaliseTag(value) === null ? 'Between 1 and 40 characters' : undefined),
    });
  }

  private async askCorrection(original: string): Promise<CorrectionAnswers | undefined> {
    const corrected = await vscode.window.showInputBox({
      title: 'Correct claim (1/3): the corrected text',
      value: original,
      prompt: 'Edit the claim as it should read',
      validateInput: (value) => (value.trim() ? undefined : 'The correction cannot be empty'),
    });
    if (corrected === undefined || corrected === original) return undefined;
    const note = await vscode.window.showInputBox({
      title: 'Correct claim (2/3): a note',
      prompt: 'Why, and the source of the correction (optional)',
    });
    if (note === undefined) return undefined;
    const apply = await vscode.window.showQuickPick(
      [
        { label: 'Record the correction', isApplied: false },
        { label: 'Record it and apply it to the article', isApplied: true },
      ],
      { title: 'Correct claim (3/3)' },
    );
    return apply && { corrected, note, isApplied: apply.isApplied };
  }
}
