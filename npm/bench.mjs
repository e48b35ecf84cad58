// Times validate() on one flow the way crates/waflow/examples/warm.rs times the native
// library: inside one running process, best of N (after warm-up runs, so that V8 has
// compiled the hot functions with its optimising tier), in ms. Also the first call, with
// the baseline tier only. The flow must be valid, so that a broken generator cannot pass
// for a fast validator.
//
//   cargo run --release -p waflow --example genflow -- 1 > /tmp/1mb.json
//   cargo run --release -p waflow --example warm -- /tmp/1mb.json 40   # native
//   node npm/bench.mjs /tmp/1mb.json 40                               # this package

import { readFileSync } from 'node:fs';

const [flow, runsArg, warmArg] = process.argv.slice(2);
if (!flow) {
  console.error('usage: node npm/bench.mjs FLOW [RUNS] [WARM-UP RUNS]');
  process.exit(2);
}
const start = performance.now();
const { validate } = await import('./node.mjs');
const loaded = performance.now() - start;
const text = readFileSync(flow, 'utf8');
const once = () => {
  const report = validate(text);
  if (report.validationErrors.length > 0) {
    throw new Error(`not a valid flow: ${JSON.stringify(report.validationErrors[0])}`);
  }
};
let t = performance.now();
once();
const first = performance.now() - t;
for (let i = 0; i < Number(warmArg ?? 20); i++) once();
let best = Infinity;
for (let i = 0; i < Math.max(1, Number(runsArg ?? 20)); i++) {
  t = performance.now();
  once();
  best = Math.min(best, performance.now() - t);
}
console.log(
  `${(Buffer.byteLength(text) / 1048576).toFixed(2)} MiB: best ${best.toFixed(2)} ms, first call ${first.toFixed(1)} ms, import ${loaded.toFixed(1)} ms`,
);
