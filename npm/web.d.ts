// Types of "waflow/web" (web.mjs), the browser entry point, which bundlers also pick for
// "waflow": the API of index.d.ts, usable once init() has resolved.

export * from './index.js';

/** What init() loads the .wasm from: its URL (fetched), a fetch Response, its bytes or
 * a compiled module. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads the .wasm; the other functions throw until it resolves. Without an argument it
 * fetches `pkg/waflow_bg.wasm` next to the module (`new URL(..., import.meta.url)`, which
 * bundlers follow). Later calls return the first call's promise (or a resolved one).
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Loads the .wasm synchronously from its bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;

export default init;
