// The package's API over the raw exports of wasm-bindgen's glue (pkg/waflow.js, built by
// .ci/wasm from crates/waflow-wasm). Both entry points (node.mjs, web.mjs) re-export these
// functions; they differ only in how the .wasm gets loaded.
//
// The raw exports return JSON text, which JSON.parse turns into plain objects: the bytes
// are the library's own serializers' (the CLI's --format json), so nothing here can drift
// from the CLI (crates/waflow-wasm/src/lib.rs says why not serde-wasm-bindgen).

import * as raw from './pkg/waflow.js';

let ready = false;

/** Called by an entry point once the .wasm is instantiated. */
export function markReady() {
  ready = true;
}

/** Whether the .wasm is instantiated. */
export function isReady() {
  return ready;
}

function ensureReady() {
  if (!ready) {
    throw new Error(
      'waflow: the WebAssembly module is not loaded yet: await init() (or call initSync()) from "waflow/web" first',
    );
  }
}

const VALIDATE_OPTIONS = ['spelling', 'maxFindings', 'frozenVersion', 'version'];
const FIX_OPTIONS = ['unsafe', 'version'];
const GRAPH_OPTIONS = ['format'];

/** The options object, checked: a typo in a key must not pass silently. */
function checked(options, known, fn) {
  if (options === undefined || options === null) {
    return {};
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`waflow.${fn}: options must be an object`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(
        `waflow.${fn}: unknown option ${JSON.stringify(key)} (known: ${known.join(', ')})`,
      );
    }
  }
  return options;
}

function optionalString(value, name, fn) {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new TypeError(`waflow.${fn}: ${name} must be a string`);
  }
  return value;
}

/** `maxFindings`, checked: the glue would coerce anything to a u32 (`>>> 0`), so -1
 * would become 4294967295 and 1.5 would become 1. */
function optionalCap(value, fn) {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number') {
    throw new TypeError(`waflow.${fn}: maxFindings must be a number`);
  }
  if (!Number.isInteger(value) || value < 1 || value > 0xffffffff) {
    throw new RangeError(`waflow.${fn}: maxFindings must be an integer from 1 to 4294967295`);
  }
  return value;
}

/**
 * The findings of one Flow JSON document, as `waflow check --format json` (or
 * `--format meta` with `spelling: "meta"`) reports them for one file, without its `file`
 * key.
 */
export function validate(text, options) {
  ensureReady();
  const o = checked(options, VALIDATE_OPTIONS, 'validate');
  const spelling = optionalString(o.spelling, 'spelling', 'validate');
  const frozenVersion = optionalString(o.frozenVersion, 'frozenVersion', 'validate');
  const flowVersion = optionalString(o.version, 'version', 'validate');
  const maxFindings = optionalCap(o.maxFindings, 'validate');
  let json;
  if (typeof text === 'string') {
    json = raw.validateText(text, spelling, maxFindings, frozenVersion, flowVersion);
  } else if (text instanceof Uint8Array) {
    json = raw.validateBytes(text, spelling, maxFindings, frozenVersion, flowVersion);
  } else {
    throw new TypeError('waflow.validate: text must be a string or a Uint8Array');
  }
  return JSON.parse(json);
}

/**
 * Every finding with what waflow adds to Meta's shape (the rule code, severity, help, the
 * rule's doc link, the finer place to underline), errors then warnings: for editors.
 */
export function findings(text, options) {
  ensureReady();
  const o = checked(options, ['maxFindings', 'frozenVersion', 'version'], 'findings');
  if (typeof text !== 'string') {
    throw new TypeError('waflow.findings: text must be a string');
  }
  return JSON.parse(
    raw.findingsText(
      text,
      optionalCap(o.maxFindings, 'findings'),
      optionalString(o.frozenVersion, 'frozenVersion', 'findings'),
      optionalString(o.version, 'version', 'findings'),
    ),
  );
}

/** Every rule waflow has, as `waflow rules --format json` lists them. */
export function rules() {
  ensureReady();
  return JSON.parse(raw.rulesJson());
}

/** waflow's version. */
export function version() {
  ensureReady();
  return raw.version();
}

/** The text with its safe fixes applied (and the unsafe ones with `unsafe: true`). */
export function fix(text, options) {
  ensureReady();
  const o = checked(options, FIX_OPTIONS, 'fix');
  if (typeof text !== 'string') {
    throw new TypeError('waflow.fix: text must be a string');
  }
  if (o.unsafe !== undefined && typeof o.unsafe !== 'boolean') {
    throw new TypeError('waflow.fix: unsafe must be a boolean');
  }
  const flowVersion = optionalString(o.version, 'version', 'fix');
  return raw.fixText(text, o.unsafe === true, flowVersion);
}

/**
 * The flow's screens and the ways between them, as `waflow graph --format json` gives
 * them (an object), or as Mermaid or Graphviz text; null when the text is not a JSON
 * object with `screens`.
 */
export function graph(text, options) {
  ensureReady();
  const o = checked(options, GRAPH_OPTIONS, 'graph');
  if (typeof text !== 'string') {
    throw new TypeError('waflow.graph: text must be a string');
  }
  const format = optionalString(o.format, 'format', 'graph');
  const out = raw.graphText(text, format);
  if (out === undefined) {
    return null;
  }
  return format === undefined || format === 'json' ? JSON.parse(out) : out;
}
