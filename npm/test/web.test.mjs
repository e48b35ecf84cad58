// The browser entry point (web.mjs, "waflow/web"), run in Node: nothing works before
// init(); init() takes the .wasm's bytes, a compiled module, a fetch Response, a Promise
// of them, or a URL that it fetches (served here from 127.0.0.1, as a page would be).
// Each way of loading runs in a fresh process: a module is instantiated once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import init, { initSync, validate, rules, version, fix, graph } from '../web.mjs';
import { read } from './support.mjs';

const npm = fileURLToPath(new URL('..', import.meta.url));
const wasmBytes = () => readFileSync(new URL('../pkg/waflow_bg.wasm', import.meta.url));

const VERSION_FINDING = {
  error: 'INVALID_FLOW_JSON_VERSION',
  errorType: 'FLOW_JSON_ERROR',
  message: "Property 'version' should be of type string, found a number",
  lineStart: 1,
  lineEnd: 1,
  columnStart: 13,
  columnEnd: 15,
  pointers: [{ lineStart: 1, lineEnd: 1, columnStart: 13, columnEnd: 15, path: 'version' }],
};

test('before init() every function throws; after init(bytes) all work', async () => {
  for (const call of [() => validate('{}'), () => rules(), () => version(), () => fix('{}'), () => graph('{}')]) {
    assert.throws(call, /waflow: the WebAssembly module is not loaded yet: await init\(\)/);
  }
  const loading = init(wasmBytes());
  // A second call while loading shares the first one's promise.
  assert.equal(init(), loading);
  await loading;
  assert.deepEqual(validate('{"version": 7.3}'), { validationErrors: [VERSION_FINDING], warnings: [] });
  assert.deepEqual(validate(read('testdata/examples/valid-survey.json'), { spelling: 'meta' }), {
    validation_errors: [],
    warnings: [],
  });
  assert.ok(rules().length >= 100);
  assert.equal(version(), JSON.parse(read('npm/package.json')).version);
  assert.equal(
    fix(read('testdata/invalid-json/invalid-trailing-comma-in-array.json')),
    read('testdata/invalid-json/invalid-trailing-comma-in-array.fixed'),
  );
  assert.deepEqual(graph(read('testdata/examples/book-a-call.json')).screens.map((s) => s.id), ['ASK', 'WELCOME']);
  // Loaded once: later calls resolve at once and load nothing.
  await init('http://127.0.0.1:9/never-fetched.wasm');
  initSync(new Uint8Array([0, 1, 2]));
});

/** Runs an ES module script in a fresh Node process in npm/; returns its stdout. */
function fresh(script) {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: npm,
    encoding: 'utf8',
  });
}

const CHECK = `
  const r = w.validate('{"version": 7.3}');
  if (r.validationErrors[0].error !== 'INVALID_FLOW_JSON_VERSION') throw new Error(JSON.stringify(r));
  process.stdout.write('ok ' + w.version());
`;

for (const [how, load] of [
  ['a compiled WebAssembly.Module', 'await w.init(new WebAssembly.Module(bytes))'],
  ['a fetch Response', "await w.init(new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }))"],
  ['a Promise of the bytes', 'await w.init(Promise.resolve(bytes))'],
  ['initSync with the bytes', 'w.initSync(bytes)'],
  ['the default export, as `import init from "waflow/web"`', 'await w.default(bytes.buffer)'],
]) {
  test(`init from ${how}`, () => {
    const out = fresh(`
      import { readFileSync } from 'node:fs';
      import * as w from 'waflow/web';
      const bytes = readFileSync('pkg/waflow_bg.wasm');
      ${load};
      ${CHECK}
    `);
    assert.equal(out, `ok ${JSON.parse(read('npm/package.json')).version}`);
  });
}

test('init from a URL: fetched over HTTP as a page would, then a failed fetch can be retried', () => {
  const out = fresh(`
    import { createServer } from 'node:http';
    import { readFileSync } from 'node:fs';
    import * as w from 'waflow/web';
    const bytes = readFileSync('pkg/waflow_bg.wasm');
    let requests = 0;
    const server = createServer((req, res) => {
      requests += 1;
      if (req.url !== '/assets/waflow_bg.wasm') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(bytes);
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const base = 'http://127.0.0.1:' + server.address().port;
    try {
      await w.init(base + '/missing.wasm').then(
        () => { throw new Error('a 404 loaded'); },
        (e) => { if (!/404/.test(e.message)) throw e; },
      );
      await w.init(new URL('/assets/waflow_bg.wasm', base));
    } finally {
      server.close();
    }
    if (requests !== 2) throw new Error(requests + ' requests');
    ${CHECK}
  `);
  assert.match(out, /^ok /);
});

test('the browser entry imports nothing but files of the package (plain <script type=module>)', () => {
  // What web.mjs loads, transitively: only relative specifiers, no Node built-ins, no
  // CommonJS, nothing a browser without a bundler or an import map cannot load.
  const seen = new Set();
  const visit = (relative) => {
    if (seen.has(relative)) return;
    seen.add(relative);
    const source = read(`npm/${relative}`);
    assert.doesNotMatch(source, /\brequire\s*\(|\bprocess\.|\b__dirname\b/, relative);
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map(
      (m) => m[1],
    );
    for (const specifier of specifiers) {
      assert.match(specifier, /^\.\.?\//, `${relative} imports ${specifier}`);
      visit(new URL(specifier, `file:///${relative}`).pathname.slice(1));
    }
  };
  visit('web.mjs');
  assert.deepEqual([...seen].sort(), ['api.mjs', 'pkg/waflow.js', 'web.mjs']);
  // Without an argument, init() fetches the .wasm next to the glue, the way bundlers
  // (webpack 5, Vite, esbuild's file loader) recognise and copy an asset.
  assert.match(read('npm/pkg/waflow.js'), /new URL\('waflow_bg\.wasm', import\.meta\.url\)/);
});
