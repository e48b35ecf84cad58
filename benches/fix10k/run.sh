#!/usr/bin/env bash
# Times `waflow check` and `waflow check --fix` (and with --unsafe-fixes) on the 10,000
# flows of gen.py, 7 runs each, each --fix run on a fresh copy made outside the timing.
# Usage: benches/fix10k/run.sh [path/to/waflow] (default target/release/waflow).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
waflow=$(realpath "${1:-$here/../../target/release/waflow}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/gen.py" "$work/flows"
now() { date +%s.%N; }
for i in 1 2 3 4 5 6 7; do
  s=$(now); "$waflow" check -q "$work/flows" >/dev/null 2>&1 || true; e=$(now)
  echo "check $(echo "$e - $s" | bc)"
  for mode in "--fix" "--fix --unsafe-fixes"; do
    rm -rf "$work/copy" && cp -r "$work/flows" "$work/copy" && sync
    # shellcheck disable=SC2086
    s=$(now); "$waflow" check -q $mode "$work/copy" >/dev/null 2>&1 || true; e=$(now)
    echo "${mode// /} $(echo "$e - $s" | bc)"
  done
done | sort | awk '{ t[$1] = t[$1] " " $2 } END { for (k in t) print k ":" t[k] }'
