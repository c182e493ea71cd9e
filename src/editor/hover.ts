/**
 * Provenance on hover. On a figure: its normalised value, kind and qualifier; the sentence it
 * stands in; who says it; the file; its deals; the tags and corrections on its claim; and what
 * other sources state about the same fact, each with its value and verdict (agrees / conflicts,
 * and why). On an entity: type, canonical name, aliases, mentions here and in the workspace.
 * Never trusted markdown: no HTML, and one command link only — "Show timeline" of a fact other
 * sources state (trust limited to that one command); every piece of article text (and every
 * path) goes through `escapeMarkdown`, so no article can make a link.
 */
import * as vscode from 'vscode';
import type { Analysis, Figure } from '../core/analysis';
import type { Verdict } from '../core/corpus/index';
import type { Entity } from '../core/extract/entities/index';
import { EVIDENCE_LABELS } from '../core/extract/entities/evidence';
import { leftWords, othersToShow } from '../core/views/otherSources';
import { annotationsOfClaim, tagsOf, type AnnotationView } from './anchored';
import { ARTICLE_LANGUAGES, rangeOf } from './articles';
import { Commands } from './commands';
import {
  correctionSummary,
  dealKindWords,
  dealParties,
  dealValue,
  escapeMarkdown,
  normalisedValue,
  qualifierWords,
} from './format';
import type { WorkspaceCorpus } from './workspaceCorpus';
import { HOVERED_FIGURE_CONTEXT } from './walkthrough';
import type { AnalysedArticle, WorkspaceIndex } from './workspaceIndex';

const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  agree: 'agrees',
  conflict: '**conflicts**',
  incomparable: '*not comparable*',
};

export function registerHover(
  index: WorkspaceIndex,
  annotations: AnnotationView,
  sources: WorkspaceCorpus,
): vscode.Disposable {
  let hasHoveredFigure = false;
  return vscode.languages.registerHoverProvider(ARTICLE_LANGUAGES, {
    async provideHover(doc, position, token) {
      const article = await index.getArticle(doc, token);
      if (!article || token.isCancellationRequested) return undefined;
      const offset = doc.offsetAt(position);
      const figure = figureAt(article.analysis, offset);
      if (figure) {
        if (!hasHoveredFigure) {
          // completes the walkthrough's hover step
          hasHoveredFigure = true;
          void vscode.commands.executeCommand('setContext', HOVERED_FIGURE_CONTEXT, true);
        }
        return new vscode.Hover(figureProvenance(article, figure, annotations, sources), rangeOf(doc, figure));
      }
      const found = entityAt(article.analysis, offset);
      if (found) return new vscode.Hover(entityCard(found.entity, sources), rangeOf(doc, found.mention));
      return undefined;
    },
  });
}

export function figureAt(analysis: Analysis, offset: number): Figure | undefined {
  return analysis.figures.find((f) => f.start <= offset && offset < f.end);
}

export function entityAt(
  analysis: Analysis,
  offset: number,
): { entity: Entity; mention: Entity['mentions'][number] } | undefined {
  for (const entity of analysis.entities) {
    const mention = entity.mentions.find((m) => m.start <= offset && offset < m.end);
    if (mention) return { entity, mention };
  }
  return undefined;
}

/** An untrusted MarkdownString: fixed labels in markdown, article text only through `text()`. */
class Card {
  readonly md = new vscode.MarkdownString('', false);
  constructor() {
    this.md.isTrusted = false;
    this.md.supportHtml = false;
  }
  label(markdown: string): this {
    this.md.appendMarkdown(markdown);
    return this;
  }
  text(articleText: string): this {
    this.md.appendMarkdown(escapeMarkdown(articleText));
    return this;
  }
  line(): this {
    this.md.appendMarkdown('  \n');
    return this;
  }
  paragraph(): this {
    this.md.appendMarkdown('\n\n');
    return this;
  }
}

export function figureProvenance(
  article: AnalysedArticle,
  figure: Figure,
  annotations: AnnotationView,
  sources: WorkspaceCorpus,
): vscode.MarkdownString {
  const { analysis } = article;
  const card = new Card();
  card.label('**').text(figure.text).label('** → ').text(normalisedValue(figure)).line();
  const facts = [
    figure.kind,
    qualifierWords(figure.qualifier) && `qualifier: ${qualifierWords(figure.qualifier)}`,
    figure.isApprox && 'approximate',
  ];
  card.label('*').text(facts.filter(Boolean).join(' · ')).label('*').paragraph();

  const sentence = analysis.sentences[figure.sentenceIndex];
  if (sentence) card.label('> ').text(sentence.text).paragraph();

  const claim = analysis.claims.find((c) => c.sentenceIndex === figure.sentenceIndex);
  const attribution = claim?.attribution;
  card.label('**Who says it:** ');
  if (attribution) card.text(attribution.text).label(` *(${attribution.kind.replace('-', ' ')})*`);
  else card.label('*not attributed in the sentence*');
  card.line().label('**File:** ').text(article.path);
  if (sentence) card.text(`, line ${lineOf(article.text, sentence.start)}`);
  card.paragraph();

  const deals = analysis.deals.filter((d) => claim?.dealIds.includes(d.id));
  if (deals.length) {
    card.label('**Deals:**').paragraph();
    for (const deal of deals) {
      card.label('- ').text(dealKindWords(deal.kind)).label(': ').text(dealParties(deal));
      const details = [
        dealValue(deal),
        deal.date && `${deal.date}${deal.isDateInferred ? ' (from the dateline)' : ''}`,
      ].filter(Boolean);
      if (details.length) card.label(' · ').text(details.join(' · '));
      card.label('\n');
    }
    card.paragraph();
  }

  const own = claim ? annotationsOfClaim(annotations.anchoredIn(article.uri), analysis, claim) : [];
  const tags = tagsOf(own);
  card.label('**Tags:** ');
  if (tags.length) card.text(tags.join(', '));
  else card.label('*none — Ctrl+. on the claim to tag it*');
  card.paragraph();
  const corrections = own.flatMap((a) => a.annotation.corrections);
  if (corrections.length) {
    card.label('**Corrections:**').paragraph();
    for (const c of corrections) {
      card.label('- ~~').text(c.original).label('~~ → ').text(c.corrected);
      if (c.note) card.label(' — ').text(c.note);
      card.label(' *(').text(correctionSummary(c)).label(')*\n');
    }
    card.paragraph();
  }

  alsoStated(card, article, figure, sources);
  return card.md;
}

/** The figure's fact as other sources state it: each statement with its value, verdict and reason. */
function alsoStated(card: Card, article: AnalysedArticle, figure: Figure, sources: WorkspaceCorpus): void {
  card.label('---\n\n**Also stated in other sources**\n\n');
  const facts = sources.corpus.statementsFor(article.path, figure.id);
  if (!facts) {
    card.label('*Not compared across sources: its claim names no subject and measure for this figure.*');
  } else {
    card.label('*Fact:* ').text(facts.key.label).paragraph();
    if (!facts.others.length) card.label('*No other source in the workspace states this.*');
    const { shown, left, leftCount } = othersToShow(facts.others);
    for (const other of shown) {
      const line = sources.rangeOf(other.path, other.start, other.end)?.start.line;
      card
        .label(`- ${VERDICT_LABELS[other.verdict]} · `)
        .text(other.path)
        .label(line === undefined ? '' : `, line ${line + 1}`)
        .label(': **')
        .text(other.text)
        .label('** → ')
        .text(normalisedValue(other))
        .line()
        .label('  *')
        .text(other.reason)
        .label('*')
        .line()
        .label('  “')
        .text(other.sentence)
        .label('”\n');
    }
    if (leftCount > 0)
      card.label(
        `- *…and ${leftCount.toLocaleString('en-US')} more statement${leftCount === 1 ? '' : 's'} of other sources (${leftWords(left)}): the timeline charts them all*\n`,
      );
    if (facts.others.length) timelineLink(card, article.path, figure.id);
  }
  const status = sources.status;
  if (status.isIndexing)
    card
      .paragraph()
      .label(
        `*Indexing the workspace: ${status.indexedCount} articles so far${status.passTotal ? ` of ${status.passTotal}` : ''}.*`,
      );
  else if (status.isIncomplete)
    card
      .paragraph()
      .label('*Indexing was cancelled: some articles are not compared yet (Newsmark: Re-index Workspace).*');
}

/** "Show timeline": the one command link a hover carries; its arguments are encoded, never article text as markdown. */
function timelineLink(card: Card, path: string, figureId: string): void {
  const args = encodeURIComponent(JSON.stringify([{ path, figureId }])).replace(
    /[()'!*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  card
    .paragraph()
    .label(
      `[Show timeline](command:${Commands.showFactTimeline}?${args} "Chart every statement of this fact across the sources")`,
    );
  card.md.isTrusted = { enabledCommands: [Commands.showFactTimeline] };
}

export function entityCard(entity: Entity, sources: WorkspaceCorpus): vscode.MarkdownString {
  const card = new Card();
  card.label('**').text(entity.name).label('** · ').text(entity.type).paragraph();
  card.label('**Also written as:** ');
  if (entity.aliases.length) card.text(entity.aliases.join(', '));
  else card.label('*no other name in this article*');
  card.line().label(`**Mentions in this article:** ${entity.mentions.length}`);
  const workspace = sources.corpus.entity(entity.id);
  if (workspace) {
    const articles = `${workspace.sourceCount} article${workspace.sourceCount === 1 ? '' : 's'}`;
    card
      .line()
      .label(
        `**In the workspace:** ${workspace.mentionCount} mention${workspace.mentionCount === 1 ? '' : 's'} in ${articles} *(Find All References lists them)*`,
      );
  }
  card
    .line()
    .label('**Why:** ')
    .text(entity.type)
    .label(' — “')
    .text(entity.evidence.phrase)
    .label(`” *(${EVIDENCE_LABELS[entity.evidence.rule]})*`);
  return card.md;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
