#!/usr/bin/env bash
# Peer comparison: the same generated flows through waflow (full validation: spans,
# schema, every semantic rule), Python jsonschema and fastjsonschema, and node's ajv. The
# peers get waflow's own JSON Schema for Flow JSON 7.3 (structure only: an easier job)
# and each includes its own JSON parse. Prints wall time (best of N) and the ratio to
# waflow. Installs the peers into a scratch directory (PyPI, npm).
# Usage: bench/compare.sh [sizes in MiB, default "1 10"]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-1 10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --bin waflow -p waflow-cli
cargo build --release --quiet -p waflow --example genflow
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check jsonschema fastjsonschema
npm install --silent --prefix "$work/node" ajv@8 >/dev/null
schema=schemas/flow-json-7.3.schema.json
echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%d)"
printf '%-8s %-28s %12s %10s\n' size tool "best (ms)" "x waflow"
for mib in $sizes; do
  flow="$work/flow-$mib.json"
  target/release/examples/genflow "$mib" >"$flow"
  bytes=$(wc -c <"$flow")
  # waflow: the whole CLI run (process start, read, validate, print), best of 10.
  waflow_ms=$(python3 - "$flow" <<'PY'
import subprocess, sys, time
best = min(
    (lambda t: (subprocess.run(["target/release/waflow", "check", "--quiet", sys.argv[1]], check=True, stdout=subprocess.DEVNULL), time.perf_counter() - t)[1])(time.perf_counter())
    for _ in range(10)
)
print(f"{best * 1000:.1f}")
PY
)
  py=$("$work/venv/bin/python" - "$schema" "$flow" <<'PY'
import json, sys, time
import fastjsonschema, jsonschema
schema = json.load(open(sys.argv[1]))
path = sys.argv[2]
def best(f, n):
    out = []
    for _ in range(n):
        t = time.perf_counter(); f(); out.append(time.perf_counter() - t)
    return min(out) * 1000
validator = jsonschema.Draft7Validator(schema)
def js():
    errors = list(validator.iter_errors(json.load(open(path))))
    assert not errors, errors[:1]
fast = fastjsonschema.compile(schema)
def fj():
    fast(json.load(open(path)))
print(f"{best(fj, 5):.1f} {best(js, 1):.1f}")
PY
)
  ajv=$(AJV_DIR="$work/node" node - "$schema" "$flow" <<'JS'
const fs = require("fs");
const Ajv = require(process.env.AJV_DIR + "/node_modules/ajv");
const [schemaPath, flowPath] = process.argv.slice(2);
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let best = Infinity;
for (let i = 0; i < 10; i++) {
  const t = process.hrtime.bigint();
  const ok = validate(JSON.parse(fs.readFileSync(flowPath, "utf8")));
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (!ok) throw new Error(JSON.stringify(validate.errors[0]));
  best = Math.min(best, ms);
}
console.log(best.toFixed(1));
JS
)
  read -r fast js <<<"$py"
  for row in "waflow (CLI, full validation) $waflow_ms" "ajv 8 (JSON.parse + validate) $ajv" "fastjsonschema (json.load + ...) $fast" "jsonschema (json.load + ...) $js"; do
    ms=${row##* }
    name=${row% *}
    printf '%-8s %-28s %12s %9.1fx\n' "$((bytes / 1024)) KiB" "$name" "$ms" "$(python3 -c "print($ms / $waflow_ms)")"
  done
done
