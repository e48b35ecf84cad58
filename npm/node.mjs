// The Node.js entry point (`import { validate } from "waflow"`): the .wasm is read from
// this package and instantiated synchronously on import, so every function is ready at
// once. Node's `require()` loads it too where it can load ES modules (Node 20.19+, 22.12+).

import { readFileSync } from 'node:fs';
import { initSync } from './pkg/waflow.js';
import { markReady } from './api.mjs';

initSync({ module: readFileSync(new URL('./pkg/waflow_bg.wasm', import.meta.url)) });
markReady();

export { validate, findings, rules, version, fix, graph } from './api.mjs';
