// Vendored from the shared vscode-real recipe (Newsmark: test/integration/harness/); keep the copies in sync.
// ui.mjs — a real VS Code (code-server) driven by headless Chromium through playwright-core.
// Used by run-tests.mjs (extension-host mocha tests) and importable for UI checks:
//
//   import { startVSCode, openFile, decorations, hoverText, screenshot } from './ui.mjs';
//   const vs = await startVSCode({ extension: '/abs/ext', workspace: '/abs/folder' });
//   try { await openFile(vs.page, 'article.md'); ... } finally { await vs.stop(); }
//
// Needs setup.sh to have run (same NEWSMARK_VSCODE_HOME). Node >= 18 (any; code-server
// itself runs on the Node 24 that setup.sh installed).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PREFIX = process.env.NEWSMARK_VSCODE_HOME || path.join(os.homedir(), '.cache', 'vscode-real');
export const CODE_SERVER = path.join(PREFIX, 'bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PLAYWRIGHT_DIR = path.join(PREFIX, 'tools', 'node_modules', 'playwright-core');
const SETUP_HINT = `run setup.sh first (it installs into ${PREFIX}; set NEWSMARK_VSCODE_HOME to use another prefix)`;

export function checkSetup() {
  for (const [what, p] of [
    ['code-server launcher', CODE_SERVER],
    ['playwright-core', PLAYWRIGHT_DIR],
    ['chromium', CHROMIUM],
  ]) {
    if (!fs.existsSync(p)) throw new Error(`vscode-real: ${what} not found at ${p}: ${SETUP_HINT}`);
  }
}

function loadPlaywright() {
  checkSetup();
  return createRequire(path.join(PREFIX, 'tools', 'package.json'))('playwright-core');
}

/** A TCP port free on 127.0.0.1 now. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Settings for a quiet, deterministic workbench (no welcome page, no AI/chat, no git scans).
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 300,
  'window.commandCenter': false,
};

/**
 * Start code-server on 127.0.0.1 in its own process group, with every state dir in a temp dir —
 * but the user data (settings, workspace storage) in `userDataDir` when given, kept after stop():
 * a second start on it, on the same `port` (the workspace storage is keyed by the folder's uri,
 * whose authority holds the port), is a reopened window. Resolves when /healthz answers. Returns
 * { port, origin, dir, logFile, child, stop() }.
 */
export async function startCodeServer({ workspace, port, settings = {}, vsix, userDataDir, log = () => {} } = {}) {
  checkSetup();
  if (!workspace || !fs.existsSync(workspace)) throw new Error(`vscode-real: workspace folder not found: ${workspace}`);
  port = port ? Number(port) : await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-real-'));
  const d = (n) => {
    const p = path.join(dir, n);
    fs.mkdirSync(p, { recursive: true });
    return p;
  };
  const userData = userDataDir ? path.resolve(userDataDir) : d('user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = { ...process.env };
  // Variables that would make code-server reuse another instance or another port.
  for (const k of Object.keys(env))
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'PORT') delete env[k];
  Object.assign(env, {
    XDG_CONFIG_HOME: d('xdg-config'),
    XDG_DATA_HOME: d('xdg-data'),
    XDG_CACHE_HOME: d('xdg-cache'),
    CODE_SERVER_CONFIG: config,
    // No extension gallery (open-vsx.org by default): nothing to reach offline, no DNS look-ups.
    EXTENSIONS_GALLERY: '{}',
  });
  if (vsix) {
    // a packaged extension installed as a user installs it, instead of a development folder
    const installed = spawnSync(
      CODE_SERVER,
      [
        '--user-data-dir',
        userData,
        '--extensions-dir',
        path.join(dir, 'extensions'),
        '--install-extension',
        path.resolve(vsix),
      ],
      { env, encoding: 'utf8' },
    );
    if (installed.status !== 0)
      throw new Error(
        `vscode-real: --install-extension ${vsix} failed (${installed.status}): ${installed.stderr || installed.stdout}`,
      );
    log(`vscode-real: installed ${path.basename(vsix)}: ${installed.stdout.trim().split('\n').pop()}`);
  }
  const logFile = path.join(dir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    d('extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without it the workbench ignores the ?payload= (extensionDevelopmentPath/extensionTestsPath)
    // and never calls window.codeAutomationExit/codeAutomationLog.
    '--vscode-option',
    'enable-smoke-test-driver',
    path.resolve(workspace),
  ];
  const child = spawn(CODE_SERVER, args, { detached: true, stdio: ['ignore', out, out], env }); // detached = setsid
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch {
      return false;
    }
  };
  // Last resort when the caller never reaches stop(): an exit, or a signal nobody else handles.
  const onExit = () => {
    killGroup('SIGKILL');
    if (!process.env.VSCODE_REAL_KEEP)
      try {
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        /* busy */
      }
  };
  const onSignal = (sig) => {
    if (process.listenerCount(sig) === 1) process.exit(128 + os.constants.signals[sig]);
  };
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.on('exit', onExit);
  for (const sig of SIGNALS) process.on(sig, onSignal);

  let stopped = false;
  async function stop({ keep = !!process.env.VSCODE_REAL_KEEP } = {}) {
    if (stopped) return;
    stopped = true;
    if (killGroup('SIGTERM')) {
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      killGroup('SIGKILL'); // leftovers of the group (extension host, pty host, watchers)
    }
    process.removeListener('exit', onExit);
    for (const sig of SIGNALS) process.removeListener(sig, onSignal);
    if (keep) log(`vscode-real: kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }

  const origin = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (exited) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      await stop({ keep: true });
      throw new Error(
        `vscode-real: code-server exited (${JSON.stringify(exited)}) before it was ready; log ${logFile}:\n${tail}`,
      );
    }
    try {
      const r = await fetch(`${origin}/healthz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - t0 > 60_000) {
      await stop({ keep: true });
      throw new Error(`vscode-real: code-server not ready after 60 s; log ${logFile}`);
    }
    await sleep(150);
  }
  log(`vscode-real: code-server ready on ${origin} in ${Date.now() - t0} ms (pid ${child.pid}, dir ${dir})`);
  return { port, origin, dir, logFile, child, stop };
}

/**
 * The workbench URL; extension/tests are absolute paths on this machine (the "remote").
 * kind 'web' adds `extensionDevelopmentKind: web` to the payload — which code-server 4.139 reads
 * but does not apply to an extension that also has a `main`: see webKindSettings, which does.
 */
export function workbenchUrl({ port, workspace, extension, tests, kind }) {
  const remote = (p) =>
    `vscode-remote://127.0.0.1:${port}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload = [];
  if (extension) payload.push(['extensionDevelopmentPath', remote(extension)]);
  if (extension && kind === 'web') payload.push(['extensionDevelopmentKind', 'web']);
  else if (kind && kind !== 'node')
    throw new Error(`vscode-real: kind must be 'node' or 'web' (with an extension), not ${kind}`);
  if (tests) payload.push(['extensionTestsPath', remote(tests)]);
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(workspace))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Headless Debian Chromium with a fresh profile (playwright makes a temp --user-data-dir). */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = loadPlaywright();
  // Chromium writes ~/.config/chromium/Crash Reports and ~/.cache/dconf even with a temp profile.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-real-browser-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
    // Signals are handled by startCodeServer/run-tests (which stop code-server too); playwright
    // still kills this browser when the process exits.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const rmHome = () => {
    try {
      fs.rmSync(home, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      /* busy */
    }
  };
  process.on('exit', rmHome);
  browser.on('disconnected', () => {
    rmHome();
    process.removeListener('exit', rmHome);
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { browser, context, page };
}

/** Wait until the workbench has restored its editors and views. */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page.waitForFunction(() => typeof window.driver?.whenWorkbenchRestored === 'function', null, { timeout });
  await page.evaluate(() => window.driver.whenWorkbenchRestored());
}

/**
 * The user settings that make the extension in folder `extension` run in the browser's web worker
 * extension host — its package.json `browser` entry, as vscode.dev and github.dev run it — instead
 * of code-server's Node extension host (`main`): `remote.extensionKind` set to ["web"] for its id.
 */
export function webKindSettings(extension) {
  const { publisher, name, browser } = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  if (!browser)
    throw new Error(
      `vscode-real: ${extension}/package.json has no "browser" entry to run in the web worker extension host`,
    );
  return { 'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] } };
}

/**
 * Start code-server + browser with the extension under development loaded (`extension`: its folder)
 * or a packaged extension installed (`vsix`: a .vsix file), on `workspace`. `kind: 'web'` runs the
 * extension under development in the browser's web worker extension host (webKindSettings).
 * Returns { page, browser, url, server, stop() }. stop() is safe to call twice.
 */
export async function startVSCode({ extension, vsix, workspace, port, settings, viewport, kind, log = () => {} } = {}) {
  if (kind === 'web') {
    if (!extension) throw new Error("vscode-real: kind 'web' needs the extension's folder (`extension`)");
    settings = { ...settings, ...webKindSettings(extension) };
  }
  const server = await startCodeServer({ workspace, port, settings, vsix, log });
  let browser;
  const stop = async () => {
    try {
      if (browser) await browser.close();
    } catch {
      /* already gone */
    }
    await server.stop();
  };
  try {
    const b = await launchBrowser({ viewport });
    browser = b.browser;
    const url = workbenchUrl({ port: server.port, workspace, extension, kind });
    const t0 = Date.now();
    await b.page.goto(url);
    await waitForWorkbench(b.page);
    log(`vscode-real: workbench restored in ${Date.now() - t0} ms`);
    return { page: b.page, browser, url, server, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Runs a command from the palette (F1), as a person does. The workbench may close the palette as
 * it opens (the walkthrough settling beside a just-opened article took it once in CI): nothing ran
 * yet then, so it is opened again (three tries). With `pick`, the item of the quick pick the command
 * shows is chosen next. That pick once never showed in CI (the palette closed, and nothing opened
 * for 30 s; the same check passed when run again): the command is then run once more, which for a
 * command that only shows a pick changes nothing else.
 */
export async function runCommand(page, title, { pick, log = () => {} } = {}) {
  await fromPalette(page, title, log);
  if (!pick) return;
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      await ownQuickPick(page, 20_000);
      break;
    } catch (error) {
      if (attempt === 2) throw error;
      log(`"${title}" showed no quick pick (${String(error.message).split('\n')[0]}); running it again`);
      await fromPalette(page, title, log);
    }
  }
  await input.fill(pick);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** The quick input, open and not the command palette (whose input is labelled for commands). */
async function ownQuickPick(page, timeout) {
  await page.waitForFunction(
    () => {
      const input = document.querySelector('.quick-input-widget input');
      const widget = document.querySelector('.quick-input-widget');
      return (
        input instanceof HTMLInputElement &&
        widget instanceof HTMLElement &&
        widget.style.display !== 'none' &&
        widget.offsetParent !== null &&
        !widget.closest('[inert]') &&
        input.getAttribute('aria-label') !== 'Type the name of a command to run.'
      );
    },
    undefined,
    { timeout },
  );
}

/** The command chosen in the palette (F1) and run with Enter; the palette opened again if it closed first. */
async function fromPalette(page, title, log) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      log(`the command palette closed before "${title}" could run (${String(error.message).split('\n')[0]}); again`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Open a workspace-relative file with Quick Open (Ctrl+P) and wait for its editor to be active. */
export async function openFile(page, relPath, timeout = 30_000) {
  const base = path.basename(relPath);
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 }, force: true })
    .catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(relPath);
  // The file search (ripgrep on the server side) fills the list asynchronously.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${base}"]`).waitFor({ timeout });
  await page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor({ timeout });
}

/**
 * Decorations rendered in the active editor: the `.cdr` overlay divs (decoration `className`s) and
 * the inline spans with extra classes (decoration `inlineClassName`s, e.g. from fontWeight/color).
 * Each entry: { kind: 'overlay'|'inline', className, line (1-based, from the line-number gutter),
 * text (characters of the line under it), x, y, width, height (page px) }.
 * Monaco renders only visible lines, and these are screen facts, not model ranges.
 */
export async function decorations(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return [];
    const linesByTop = new Map();
    for (const el of editor.querySelectorAll('.view-lines .view-line')) linesByTop.set(el.style.top, el);
    const numbersByTop = new Map();
    for (const el of editor.querySelectorAll('.margin-view-overlays > div')) {
      const n = el.querySelector('.line-numbers');
      if (n) numbersByTop.set(el.style.top, Number(n.textContent.trim()) || null);
    }
    const charsUnder = (lineEl, left, right) => {
      if (!lineEl) return '';
      let s = '';
      const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        for (let i = 0; i < t.length; i++) {
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          const r = range.getBoundingClientRect();
          const mid = r.left + r.width / 2;
          if (mid >= left && mid <= right) s += t.data[i];
        }
      }
      return s.replace(/\u00a0/g, ' ');
    };
    const out = [];
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    // Overlay decorations (className): <div class="view-overlays"><div style="top:…"><div class="cdr …">
    for (const cdr of editor.querySelectorAll('.view-overlays .cdr')) {
      const row = cdr.parentElement;
      const b = box(cdr);
      const className = [...cdr.classList].filter((c) => c !== 'cdr').join(' ');
      if (!className || /\b(current-line|selected-text|selectionHighlight|wordHighlight)/.test(className)) continue;
      out.push({
        kind: 'overlay',
        className,
        line: numbersByTop.get(row.style.top) ?? null,
        text: charsUnder(linesByTop.get(row.style.top), b.x, b.x + b.width),
        ...b,
      });
    }
    // Inline decorations (inlineClassName): spans in the text with classes beyond the mtk* tokens.
    for (const lineEl of editor.querySelectorAll('.view-lines .view-line')) {
      for (const span of lineEl.querySelectorAll('span > span')) {
        const extra = [...span.classList].filter((c) => !/^mtk\d+$|^mtki$|^mtkb$|^mtku$|^mtks$/.test(c));
        if (!extra.length) continue;
        out.push({
          kind: 'inline',
          className: extra.join(' '),
          line: numbersByTop.get(lineEl.style.top) ?? null,
          text: span.textContent.replace(/\u00a0/g, ' '),
          ...box(span),
        });
      }
    }
    return out;
  });
}

/** The screen point of the middle of the first occurrence of `needle` in the active editor (throws if it is not on a rendered line). */
export async function pointOf(page, needle) {
  const pt = await page.evaluate((text) => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    for (const lineEl of editor?.querySelectorAll('.view-lines .view-line') ?? []) {
      const at = lineEl.textContent.replace(/\u00a0/g, ' ').indexOf(text);
      if (at < 0) continue;
      // Map the character offset to a text node position and measure it.
      let offset = at + Math.floor(text.length / 2);
      const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (offset < t.length) {
          const r = document.createRange();
          r.setStart(t, offset);
          r.setEnd(t, offset + 1);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
        offset -= t.length;
      }
    }
    return null;
  }, needle);
  if (!pt) throw new Error(`"${needle}" is not on a rendered line of the active editor`);
  return pt;
}

/**
 * Hover the mouse over the first occurrence of `text` in the active editor and return the
 * visible `.monaco-hover` text (throws if none appears within `timeout`).
 */
export async function hoverText(page, text, timeout = 10_000) {
  const pt = await pointOf(page, text);
  await page.mouse.move(pt.x - 40, pt.y + 40); // come from elsewhere so a mousemove happens
  await page.mouse.move(pt.x, pt.y, { steps: 5 });
  const hover = page
    .locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents')
    .first();
  await hover.waitFor({ state: 'visible', timeout });
  // Providers can answer in parts; let the content settle a moment.
  await page.waitForTimeout(300);
  return (await hover.innerText()).trim();
}

/** The text of the first status bar item that contains `hasText`, or '' while there is none (to poll). */
export function statusBarText(page, hasText) {
  return page
    .locator('.statusbar-item', { hasText })
    .first()
    .innerText({ timeout: 1000 })
    .catch(() => '');
}

export async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}
