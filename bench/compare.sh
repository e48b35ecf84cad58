#!/usr/bin/env bash
# Peer comparison: the same generated flows through waflow (full validation: spans,
# schema, every semantic rule), Python jsonschema and fastjsonschema, and node's ajv. The
# peers get waflow's own JSON Schema for Flow JSON 7.3 (structure only: an easier job)
# and each includes its own JSON parse. Installs the peers into a scratch directory
# (PyPI, npm).
#
# Two figures per peer, both against the same waflow figure (the whole `waflow check`
# process: start, read, validate, exit, best of 20):
# - warm: inside one running interpreter with the schema already compiled, best of N of
#   read + parse + validate (the peers' most favourable case);
# - process: one fresh process doing all of it (start, imports, schema compile, read,
#   parse, validate), best of M: what a command-line check built on the peer costs.
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

# Each peer script takes: schema flow runs. runs > 0: warm, prints the best in-process
# time in ms. runs = 0: one cold pass, prints nothing (timed from outside).
cat >"$work/peer.py" <<'PY'
import json, sys, time
tool, schema_path, flow_path, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
schema = json.load(open(schema_path))
if tool == "fastjsonschema":
    import fastjsonschema
    check = fastjsonschema.compile(schema)
else:
    import jsonschema
    validator = jsonschema.Draft7Validator(schema)
    def check(doc):
        errors = list(validator.iter_errors(doc))
        assert not errors, errors[:1]
def once():
    with open(flow_path) as f:
        check(json.load(f))
if runs == 0:
    once()
else:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter(); once(); best = min(best, time.perf_counter() - t)
    print(f"{best * 1000:.1f}")
PY
cat >"$work/peer.js" <<'JS'
const fs = require("fs");
const Ajv = require(process.env.AJV_DIR + "/node_modules/ajv");
const [, , schemaPath, flowPath, runsArg] = process.argv;
const runs = Number(runsArg);
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
const once = () => {
  if (!validate(JSON.parse(fs.readFileSync(flowPath, "utf8")))) {
    throw new Error(JSON.stringify(validate.errors[0]));
  }
};
if (runs === 0) {
  once();
} else {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    once();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(best.toFixed(1));
}
JS

# Best wall time in ms of `runs` fresh processes of the command.
cold() {
  python3 - "$@" <<'PY'
import os, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best = float("inf")
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - t)
print(f"{best * 1000:.1f}")
PY
}
ratio() { python3 -c "print(f'{$1 / $2:.1f}x')"; }

echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%d)"
printf '%-9s %-16s %14s %9s %14s %9s\n' size tool "warm (ms)" "x waflow" "process (ms)" "x waflow"
for mib in $sizes; do
  flow="$work/flow-$mib.json"
  target/release/examples/genflow "$mib" >"$flow"
  size="$(($(wc -c <"$flow") / 1024)) KiB"
  waflow=$(cold 20 target/release/waflow check --quiet "$flow")
  printf '%-9s %-16s %14s %9s %14s %9s\n' "$size" "waflow CLI" - - "$waflow" 1.0x
  py="$work/venv/bin/python"
  export AJV_DIR="$work/node"
  for peer in ajv fastjsonschema jsonschema; do
    case $peer in
      ajv) warm_runs=10 cold_runs=5 cmd=(node "$work/peer.js") ;;
      fastjsonschema) warm_runs=5 cold_runs=3 cmd=("$py" "$work/peer.py" fastjsonschema) ;;
      jsonschema) warm_runs=1 cold_runs=1 cmd=("$py" "$work/peer.py" jsonschema) ;;
    esac
    warm=$("${cmd[@]}" "$schema" "$flow" "$warm_runs")
    proc=$(cold "$cold_runs" "${cmd[@]}" "$schema" "$flow" 0)
    printf '%-9s %-16s %14s %9s %14s %9s\n' "$size" "$peer" "$warm" "$(ratio "$warm" "$waflow")" \
      "$proc" "$(ratio "$proc" "$waflow")"
  done
done
