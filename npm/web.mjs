// The browser entry point (`import init, { validate } from "waflow/web"`, and what
// bundlers pick for "waflow"): nothing is loaded until init() is awaited. Without an
// argument, init() fetches pkg/waflow_bg.wasm next to pkg/waflow.js (`new URL(...,
// import.meta.url)`, which bundlers follow and copy); or pass a URL, a Response, the
// bytes or a compiled WebAssembly.Module.

import initWasm, { initSync as initSyncWasm } from './pkg/waflow.js';
import { isReady, markReady } from './api.mjs';

let loading = null;

/** Loads the .wasm once; later calls return the same promise. */
export function init(input) {
  if (isReady()) {
    return Promise.resolve();
  }
  if (loading === null) {
    loading = initWasm(input === undefined ? undefined : { module_or_path: input }).then(
      () => {
        markReady();
      },
      (error) => {
        // A failed fetch may be retried.
        loading = null;
        throw error;
      },
    );
  }
  return loading;
}

/** Loads the .wasm synchronously from its bytes or a compiled module (workers, tests). */
export function initSync(module) {
  if (!isReady()) {
    initSyncWasm({ module });
    markReady();
  }
}

export default init;
export { validate, findings, rules, version, fix, graph } from './api.mjs';
