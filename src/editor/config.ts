/**
 * The only reader of `newsmark.*` settings. A zod schema holds the defaults (the same as
 * package.json's `contributes.configuration`); an invalid value is logged and its default used.
 */
import * as vscode from 'vscode';
import * as z from 'zod';
import { lazySchema } from '../core/lazySchema';
import { DEFAULT_ARTICLE_GLOB } from '../core/articleFiles';
import { ENTITY_TYPES } from '../core/extract/entities/entityTypes';
import { FIGURE_KINDS } from '../core/extract/figures/figure';
import { DEFAULT_PROBLEM_ARTICLES } from '../core/views/problemsScope';
import type { Log } from './log';

const SECTION = 'newsmark';

/** How a fact two sources state differently is reported in the Problems view ("off": not at all). */
export const CONFLICT_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type ConflictSeverity = (typeof CONFLICT_SEVERITIES)[number];

export const Settings = lazySchema(() =>
  z.object({
    enable: z.boolean().default(true),
    include: z.string().min(1).default(DEFAULT_ARTICLE_GLOB),
    highlight: z
      .object({
        entityTypes: z.array(z.enum(ENTITY_TYPES)).default([...ENTITY_TYPES]),
        figureKinds: z.array(z.enum(FIGURE_KINDS)).default([...FIGURE_KINDS]),
      })
      .default({ entityTypes: [...ENTITY_TYPES], figureKinds: [...FIGURE_KINDS] }),
    analysis: z
      .object({
        debounceMs: z.number().int().min(0).max(10_000).default(300),
        workers: z.number().int().min(0).max(16).default(0),
        /** Larger articles are not analysed at all (open or on disk): never a 100 MB log on the extension host. */
        maxFileSizeKB: z
          .number()
          .int()
          .min(1)
          .max(1 << 20)
          .default(2048),
      })
      .default({ debounceMs: 300, workers: 0, maxFileSizeKB: 2048 }),
    author: z.string().default(''),
    conflicts: z
      .object({
        severity: z.enum(CONFLICT_SEVERITIES).default('information'),
        /** Articles whose conflicts Problems lists besides the open ones (core/views/problemsScope.ts). */
        maxArticles: z.number().int().min(0).max(1_000_000).default(DEFAULT_PROBLEM_ARTICLES),
      })
      .default({ severity: 'information', maxArticles: DEFAULT_PROBLEM_ARTICLES }),
  }),
);
export type Settings = z.infer<typeof Settings>;

/** Keys read from the configuration, each validated on its own so one bad value spoils nothing else. */
const KEYS = [
  'enable',
  'include',
  'highlight.entityTypes',
  'highlight.figureKinds',
  'analysis.debounceMs',
  'analysis.workers',
  'analysis.maxFileSizeKB',
  'author',
  'conflicts.severity',
  'conflicts.maxArticles',
] as const;

export class Config implements vscode.Disposable {
  private current: Settings;
  private readonly changed = new vscode.EventEmitter<Settings>();
  private readonly listener: vscode.Disposable;
  /** Fires with the new settings after any `newsmark.*` setting changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    this.current = this.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      this.current = this.read();
      this.log.info(`settings changed: ${JSON.stringify(this.current)}`);
      this.changed.fire(this.current);
    });
  }

  get settings(): Settings {
    return this.current;
  }

  /**
   * One parse of every value set; only when it fails is each value tried alone, to name the bad
   * ones and keep the good. (Parsing once per key was most of what activation spent here.)
   */
  private read(): Settings {
    const section = vscode.workspace.getConfiguration(SECTION);
    const raw: Record<string, unknown> = {};
    for (const key of KEYS) {
      const value = section.get(key);
      if (value !== undefined) setPath(raw, key, value);
    }
    const parsed = Settings.safeParse(raw);
    if (parsed.success) return parsed.data;
    const valid: Record<string, unknown> = {};
    for (const key of KEYS) {
      const value = section.get(key);
      if (value === undefined) continue;
      const checked = Settings.safeParse(setPath({}, key, value));
      if (checked.success) setPath(valid, key, value);
      else
        this.log.warn(
          `newsmark.${key}: invalid value ${JSON.stringify(value)}, using the default (${z.prettifyError(checked.error)})`,
        );
    }
    const checked = Settings.safeParse(valid);
    return checked.success ? checked.data : Settings.parse({});
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
  return target;
}
