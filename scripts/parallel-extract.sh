#!/usr/bin/env bash
# Map and reduce on one machine (docs/scale.md): the map step — newsmark extract --jsonl — on
# shards of a corpus in parallel with GNU parallel (or xargs -P where parallel is missing), then
# the reduce step — newsmark merge — into the corpus document that one run would print.
#
#   scripts/parallel-extract.sh CORPUS_DIR OUT_DIR [JOBS] [FILES_PER_SHARD]
#
#   CORPUS_DIR       the articles (.md, .markdown, .txt, any case; .git, .hg, .svn, node_modules,
#                    .newsmark and .vscode-test skipped, as newsmark does). Give it relative to the
#                    folder you run in: a source is known by its path, in the shards as in one run.
#   OUT_DIR          gets shard-N.jsonl (one per job) and corpus.json (the merge)
#   JOBS             processes at once (default: the number of cores)
#   FILES_PER_SHARD  articles per shard (default 500)
#
# Environment: NEWSMARK  the command to run (default: newsmark on the PATH, else this
#                        repository's bin/newsmark.js)
#              NEWSMARK_PARALLEL=xargs  use xargs -P even where GNU parallel is installed
# The lexicon is .newsmark/lexicon.json of the current folder, else of CORPUS_DIR (as newsmark
# extract CORPUS_DIR finds it), given to every shard with --lexicon.
# Exit status: 0 done; 1 some article or shard could not be read (said on stderr; the rest is
# merged); 2 a usage error.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -n "${NEWSMARK:-}" ]; then
  read -r -a newsmark <<< "$NEWSMARK"
elif command -v newsmark > /dev/null; then
  newsmark=(newsmark)
else
  newsmark=(node "$here/../bin/newsmark.js")
fi

# The map step of one shard, run by parallel or xargs: --map-shard OUT_FILE|--map-shard-in OUT_DIR LEXICON ARTICLE...
if [ "${1:-}" = "--map-shard" ] || [ "${1:-}" = "--map-shard-in" ]; then
  mode=$1 target=$2 lexicon=$3
  shift 3
  # xargs has no job number: a fresh name in OUT_DIR
  [ "$mode" = "--map-shard-in" ] && target=$(mktemp --suffix=.jsonl "$target/shard-XXXXXXXX")
  lexicon_args=()
  [ -n "$lexicon" ] && lexicon_args=(--lexicon "$lexicon")
  exec "${newsmark[@]}" extract --jsonl --jobs 1 "${lexicon_args[@]}" --out "$target" -- "$@"
fi

usage() {
  echo "usage: $0 CORPUS_DIR OUT_DIR [JOBS] [FILES_PER_SHARD]" >&2
  exit 2
}
[ $# -ge 2 ] && [ $# -le 4 ] || usage
corpus=$1 out=$2
jobs=${3:-$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo 2)}
per_shard=${4:-500}
[ -d "$corpus" ] || { echo "$0: $corpus is not a folder" >&2; exit 2; }
[[ "$jobs" =~ ^[1-9][0-9]*$ && "$per_shard" =~ ^[1-9][0-9]*$ ]] || usage
mkdir -p "$out" || exit 2
if compgen -G "$out/shard-*.jsonl" > /dev/null; then
  echo "$0: $out already has shards; give an empty folder (the merge would read them too)" >&2
  exit 2
fi

lexicon=""
for candidate in .newsmark/lexicon.json "$corpus/.newsmark/lexicon.json"; do
  if [ -f "$candidate" ]; then lexicon=$candidate; break; fi
done

# The articles, NUL-separated (any name is safe), in one order whatever the locale.
list_articles() {
  find -L "$corpus" \( -name .git -o -name .hg -o -name .svn -o -name node_modules -o -name .newsmark -o -name .vscode-test \) -prune \
    -o -type f \( -iname '*.md' -o -iname '*.markdown' -o -iname '*.txt' \) -print0 | LC_ALL=C sort -z
}

status=0
if [ "${NEWSMARK_PARALLEL:-}" != "xargs" ] && command -v parallel > /dev/null; then
  echo "map: GNU parallel, $jobs jobs, $per_shard articles per shard" >&2
  # parallel runs each job through a shell: the script's own path and OUT_DIR quoted for it, the articles quoted by parallel
  list_articles | parallel --will-cite -0 -n "$per_shard" -j "$jobs" \
    "$(printf %q "$here/parallel-extract.sh")" --map-shard "$(printf %q "$out")/shard-{#}.jsonl" "$(printf %q "$lexicon")" {} || status=1
else
  why="GNU parallel is not installed"
  [ "${NEWSMARK_PARALLEL:-}" = "xargs" ] && why="NEWSMARK_PARALLEL=xargs"
  echo "map: xargs -P ($why), $jobs jobs, $per_shard articles per shard" >&2
  list_articles | xargs -0 -n "$per_shard" -P "$jobs" "$here/parallel-extract.sh" --map-shard-in "$out" "$lexicon" || status=1
fi

shards=("$out"/shard-*.jsonl)
echo "reduce: newsmark merge of ${#shards[@]} shards into $out/corpus.json" >&2
"${newsmark[@]}" merge "${shards[@]}" --out "$out/corpus.json" || status=1
exit "$status"
