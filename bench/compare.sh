#!/usr/bin/env bash
# Peer comparison: the same generated flows through waflow (full validation: spans,
# schema, every semantic rule), Python jsonschema and fastjsonschema, and node's ajv. The
# peers get waflow's own JSON Schema for Flow JSON 7.3 (structure only: an easier job)
# and each includes its own JSON parse. Installs the peers into a scratch directory
# (PyPI, npm).
#
# Three figures per peer:
# - warm: inside one running interpreter with the schema already compiled, best of N of
#   read + parse + validate (the peers' most favourable case), against waflow's library
#   timed the same way (crates/waflow/examples/warm.rs: read + validate in one process,
#   best of 20);
# - alone: the peer validating a document it has already parsed, as throughput (MB/s):
#   the figure the issue's goals were set from, so a reader can compare this machine's
#   peers with the ones those goals assumed;
# - process: one fresh process doing all of it (start, imports, schema compile, read,
#   parse, validate), best of M: what a command-line check built on the peer costs,
#   against the whole `waflow check` process (start, read, validate, exit; best of 20).
# Usage: bench/compare.sh [sizes in MiB, default "1 10"]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-1 10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --bin waflow -p waflow-cli
cargo build --release --quiet -p waflow --example genflow --example warm
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check jsonschema fastjsonschema
npm install --silent --prefix "$work/node" ajv@8 >/dev/null
schema=schemas/flow-json-7.3.schema.json

# Each peer script takes: schema flow runs. runs > 0: warm, prints the best in-process
# times in ms of read + parse + validate and of validate alone. runs = 0: one cold pass,
# prints nothing (timed from outside).
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
        doc = json.load(f)
    check(doc)
    return doc
if runs == 0:
    once()
else:
    best = alone = float("inf")
    for _ in range(runs):
        t = time.perf_counter(); doc = once(); best = min(best, time.perf_counter() - t)
        t = time.perf_counter(); check(doc); alone = min(alone, time.perf_counter() - t)
    print(f"{best * 1000:.1f} {alone * 1000:.1f}")
PY
cat >"$work/peer.js" <<'JS'
const fs = require("fs");
const Ajv = require(process.env.AJV_DIR + "/node_modules/ajv");
const [, , schemaPath, flowPath, runsArg] = process.argv;
const runs = Number(runsArg);
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
const check = (doc) => {
  if (!validate(doc)) {
    throw new Error(JSON.stringify(validate.errors[0]));
  }
};
const once = () => {
  const doc = JSON.parse(fs.readFileSync(flowPath, "utf8"));
  check(doc);
  return doc;
};
const since = (t) => Number(process.hrtime.bigint() - t) / 1e6;
if (runs === 0) {
  once();
} else {
  let best = Infinity;
  let alone = Infinity;
  for (let i = 0; i < runs; i++) {
    let t = process.hrtime.bigint();
    const doc = once();
    best = Math.min(best, since(t));
    t = process.hrtime.bigint();
    check(doc);
    alone = Math.min(alone, since(t));
  }
  console.log(`${best.toFixed(1)} ${alone.toFixed(1)}`);
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
mbps() { python3 -c "print(f'{$1 / 1e3 / $2:.1f}')"; }

echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%d)"
row='%-9s %-16s %10s %9s %11s %13s %9s\n'
printf "$row" size tool "warm (ms)" "x waflow" "alone MB/s" "process (ms)" "x waflow"
for mib in $sizes; do
  flow="$work/flow-$mib.json"
  target/release/examples/genflow "$mib" >"$flow"
  bytes=$(wc -c <"$flow")
  size="$((bytes / 1024)) KiB"
  waflow_warm=$(target/release/examples/warm "$flow" 20)
  waflow=$(cold 20 target/release/waflow check --quiet "$flow")
  printf "$row" "$size" waflow "$waflow_warm" 1.0x - "$waflow" 1.0x
  py="$work/venv/bin/python"
  export AJV_DIR="$work/node"
  for peer in ajv fastjsonschema jsonschema; do
    case $peer in
      ajv) warm_runs=10 cold_runs=5 cmd=(node "$work/peer.js") ;;
      fastjsonschema) warm_runs=5 cold_runs=3 cmd=("$py" "$work/peer.py" fastjsonschema) ;;
      jsonschema) warm_runs=1 cold_runs=1 cmd=("$py" "$work/peer.py" jsonschema) ;;
    esac
    read -r warm alone < <("${cmd[@]}" "$schema" "$flow" "$warm_runs")
    proc=$(cold "$cold_runs" "${cmd[@]}" "$schema" "$flow" 0)
    printf "$row" "$size" "$peer" "$warm" "$(ratio "$warm" "$waflow_warm")" \
      "$(mbps "$bytes" "$alone")" "$proc" "$(ratio "$proc" "$waflow")"
  done
done
