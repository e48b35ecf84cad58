#!/usr/bin/env bash
# Seeds every target's corpus from testdata/ and, when present, the real-flow corpus.
set -euo pipefail
cd "$(dirname "$0")"
for target in parse validate; do
  mkdir -p "corpus/$target"
  find ../testdata ../../shared/corpus/real -name '*.json' 2>/dev/null | while read -r f; do
    cp "$f" "corpus/$target/$(echo "$f" | md5sum | cut -c1-16).json"
  done
done
mkdir -p corpus/expression
grep -rhoE '"(`[^"]*`|[^"]*\$\{[^"]*)"' ../testdata ../../shared/corpus/real 2>/dev/null | sort -u | while read -r s; do
  printf '%s' "${s:1:${#s}-2}" > "corpus/expression/$(printf '%s' "$s" | md5sum | cut -c1-16)"
done
echo "seeded: $(ls corpus/parse | wc -l) flows, $(ls corpus/expression | wc -l) expressions"
