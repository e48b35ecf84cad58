// The Node.js entry point (node.mjs, what `import ... from "waflow"` gives Node): the
// findings of a valid and of broken flows with their exact codes and positions, in both
// spellings; the options; rules, version and fix.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

import * as waflow from 'waflow';
import { validate, findings, rules, version, fix, graph } from '../node.mjs';
import { read, PARALLEL_STAGES } from './support.mjs';

const FINDING_KEYS = [
  'error',
  'errorType',
  'message',
  'lineStart',
  'lineEnd',
  'columnStart',
  'columnEnd',
  'pointers',
];
const POINTER_KEYS = ['lineStart', 'lineEnd', 'columnStart', 'columnEnd', 'path'];

// One unknown key, `initial-text`, on line 3.
const TYPO = `{"version": "7.3", "screens": [{"id": "END",
  "title": "Thanks", "terminal": true, "layout": {"type": "SingleColumnLayout",
  "children": [{"type": "TextInput", "name": "n", "label": "Name", "initial-text": "x"}]}}]}`;

test('the package name resolves to the Node entry point', () => {
  assert.equal(waflow.validate, validate);
  assert.deepEqual(Object.keys(waflow).sort(), ['findings', 'fix', 'graph', 'rules', 'validate', 'version']);
});

test('a valid flow has no findings and no fixes', () => {
  const report = validate(read('testdata/examples/valid-survey.json'));
  assert.deepEqual(report, { validationErrors: [], warnings: [] });
  assert.deepEqual(validate(read('testdata/examples/valid-survey.json'), { spelling: 'meta' }), {
    validation_errors: [],
    warnings: [],
  });
});

test('a version given as a number: the whole finding, in both spellings', () => {
  const text = '{"version": 7.3}';
  assert.deepEqual(validate(text), {
    validationErrors: [
      {
        error: 'INVALID_FLOW_JSON_VERSION',
        errorType: 'FLOW_JSON_ERROR',
        message: "Property 'version' should be of type string, found a number",
        lineStart: 1,
        lineEnd: 1,
        columnStart: 13,
        columnEnd: 15,
        pointers: [{ lineStart: 1, lineEnd: 1, columnStart: 13, columnEnd: 15, path: 'version' }],
      },
    ],
    warnings: [],
  });
  assert.deepEqual(validate(text, { spelling: 'meta' }), {
    validation_errors: [
      {
        error: 'INVALID_FLOW_JSON_VERSION',
        error_type: 'FLOW_JSON_ERROR',
        message: "Property 'version' should be of type string, found a number",
        line_start: 1,
        line_end: 1,
        column_start: 13,
        column_end: 15,
        pointers: [
          { line_start: 1, line_end: 1, column_start: 13, column_end: 15, path: 'version' },
        ],
      },
    ],
    warnings: [],
  });
  // The spelling "8x8" is the default.
  assert.deepEqual(validate(text, { spelling: '8x8' }), validate(text));
});

test('an unknown key: Meta code, the exact token, and its fix by UTF-8 byte offsets', () => {
  const report = validate(TYPO);
  assert.equal(report.validationErrors.length, 1);
  const [error] = report.validationErrors;
  assert.deepEqual(Object.keys(error), FINDING_KEYS);
  assert.deepEqual(Object.keys(error.pointers[0]), POINTER_KEYS);
  assert.equal(error.error, 'INVALID_PROPERTY_KEY');
  assert.match(error.message, /Did you mean 'init-value'\?$/);
  // The position is the `"initial-text"` token with its quotes, end column inclusive.
  const line = TYPO.split('\n')[2];
  const column = line.indexOf('"initial-text"') + 1;
  assert.deepEqual(error.pointers, [
    {
      lineStart: 3,
      lineEnd: 3,
      columnStart: column,
      columnEnd: column + '"initial-text"'.length - 1,
      path: 'screens[0].layout.children[0].initial-text',
    },
  ]);
  assert.equal(report.fixes.length, 1);
  const [proposed] = report.fixes;
  // Keys as the CLI writes them (serde_json's json! sorts them).
  assert.deepEqual(Object.keys(proposed), ['applicability', 'edits', 'finding', 'rule', 'title']);
  assert.deepEqual(proposed.finding, { list: 'validationErrors', index: 0 });
  assert.equal(proposed.rule, 'unknown-property');
  assert.equal(proposed.applicability, 'unsafe');
  const bytes = new TextEncoder().encode(TYPO);
  const [edit] = proposed.edits;
  assert.equal(new TextDecoder().decode(bytes.subarray(edit.start, edit.end)), '"initial-text"');
  assert.equal(edit.replacement, '"init-value"');
  // Meta's spelling names the list by Meta's key.
  assert.deepEqual(validate(TYPO, { spelling: 'meta' }).fixes[0].finding, {
    list: 'validation_errors',
    index: 0,
  });
});

test('a broken flow: every code and position, errors and warnings apart', () => {
  const report = validate(read('testdata/examples/book-a-call.json'));
  const summary = (f) => [f.error, f.errorType, f.pointers.map((p) => [p.lineStart, p.columnStart, p.columnEnd, p.path])];
  assert.deepEqual(report.validationErrors.map(summary), [
    [
      'INVALID_ROUTING_MODEL',
      'FLOW_JSON_ERROR',
      [
        [5, 13, 17, 'screens[0].id'],
        [30, 13, 21, 'screens[1].id'],
      ],
    ],
    [
      'MISSING_REQUIRED_PROPERTY',
      'FLOW_JSON_ERROR',
      [[20, 23, 37, 'screens[0].layout.children[1].on-click-action.name']],
    ],
    ['INVALID_PROPERTY_VALUE', 'FLOW_JSON_ERROR', [[51, 26, 29, 'screens[1].refresh_on_back']]],
  ]);
  assert.deepEqual(
    report.warnings.map((f) => [f.error, f.lineStart, f.columnStart, f.pointers.length]),
    [['WAFLOW_DUPLICATE_KEY', 32, 7, 2]],
  );
  // The top-level position is the first pointer's.
  for (const f of [...report.validationErrors, ...report.warnings]) {
    const [p] = f.pointers;
    assert.deepEqual(
      [f.lineStart, f.lineEnd, f.columnStart, f.columnEnd],
      [p.lineStart, p.lineEnd, p.columnStart, p.columnEnd],
    );
  }
  // The same findings in Meta's spelling, key for key.
  const meta = validate(read('testdata/examples/book-a-call.json'), { spelling: 'meta' });
  const snake = (f) => ({
    error: f.error,
    error_type: f.errorType,
    message: f.message,
    line_start: f.lineStart,
    line_end: f.lineEnd,
    column_start: f.columnStart,
    column_end: f.columnEnd,
    pointers: f.pointers.map((p) => ({
      line_start: p.lineStart,
      line_end: p.lineEnd,
      column_start: p.columnStart,
      column_end: p.columnEnd,
      path: p.path,
    })),
  });
  assert.deepEqual(meta.validation_errors, report.validationErrors.map(snake));
  assert.deepEqual(meta.warnings, report.warnings.map(snake));
  assert.deepEqual(
    meta.fixes,
    report.fixes.map((f) => ({
      ...f,
      finding: { ...f.finding, list: f.finding.list === 'warnings' ? 'warnings' : 'validation_errors' },
    })),
  );
});

test('bytes are validated as the file is: invalid UTF-8 is a finding, a BOM is allowed', () => {
  const bytes = readFileSync(new URL('../../testdata/invalid-utf8/invalid-bytes.json', import.meta.url));
  const report = validate(bytes);
  assert.equal(report.validationErrors.length, 1);
  assert.equal(report.validationErrors[0].error, 'INVALID_FLOW_JSON');
  assert.match(report.validationErrors[0].message, /^Invalid UTF-8 at byte offset 262/);
  assert.deepEqual(
    [report.validationErrors[0].lineStart, report.validationErrors[0].columnStart],
    [13, 25],
  );
  const bom = readFileSync(new URL('../../testdata/invalid-utf8/valid-utf8-bom.json', import.meta.url));
  assert.deepEqual([bom[0], bom[1], bom[2]], [0xef, 0xbb, 0xbf]);
  assert.deepEqual(validate(bom).validationErrors, []);
  // A string and its UTF-8 bytes give one report.
  assert.deepEqual(validate(new TextEncoder().encode(TYPO)), validate(TYPO));
});

test('over 1 MiB: the library cannot start its second thread in wasm and runs the stages in turn', () => {
  for (const [file, errors] of [
    ['testdata/examples/book-a-call.json', 3],
    ['testdata/wrong-type/invalid-label-is-a-number.json', 1],
  ]) {
    const text = read(file);
    const small = validate(text);
    assert.equal(small.validationErrors.length, errors, file);
    // Trailing spaces move no position.
    const padded = text + ' '.repeat(PARALLEL_STAGES + 1 - text.length);
    assert.ok(padded.length > PARALLEL_STAGES);
    assert.deepEqual(validate(padded), small, file);
  }
});

test('maxFindings caps the report and says how many were left out', () => {
  // Four findings; counted as the stages make them (the parser's duplicate key first).
  const text = read('testdata/examples/book-a-call.json');
  assert.equal(validate(text, { maxFindings: 4 }).warnings.length, 1);
  const report = validate(text, { maxFindings: 2 });
  const cap = report.warnings.pop();
  assert.equal(cap.error, 'WAFLOW_TOO_MANY_FINDINGS');
  assert.equal(cap.message, '2 more findings are not reported: the report is capped at 2');
  assert.equal(report.validationErrors.length + report.warnings.length, 2);
});

test('frozenVersion: "warning" moves the frozen-version finding to the warnings', () => {
  const text = read('testdata/frozen-version/invalid-5-0.json');
  const frozen = (f) => f.error === validate(text).validationErrors[0].error && /frozen/i.test(f.message);
  const strict = validate(text);
  assert.equal(strict.validationErrors.filter(frozen).length, 1, JSON.stringify(strict));
  const lowered = validate(text, { frozenVersion: 'warning' });
  assert.equal(lowered.validationErrors.filter(frozen).length, 0);
  assert.equal(lowered.warnings.filter(frozen).length, 1, JSON.stringify(lowered));
  assert.deepEqual(validate(text, { frozenVersion: 'error' }), strict);
});

test('bad options and arguments throw; a bad document never does', () => {
  assert.throws(() => validate('{}', { spelling: 'camel' }), {
    name: 'Error',
    message: 'unknown spelling "camel": expected "8x8" or "meta"',
  });
  assert.throws(() => validate('{}', { frozenVersion: 'info' }), /frozenVersion: unknown severity 'info'/);
  assert.throws(() => validate('{}', { Spelling: 'meta' }), {
    name: 'TypeError',
    message: 'waflow.validate: unknown option "Spelling" (known: spelling, maxFindings, frozenVersion, version)',
  });
  for (const maxFindings of [0, -1, 1.5, 2 ** 32, Number.NaN]) {
    assert.throws(() => validate('{}', { maxFindings }), RangeError, String(maxFindings));
  }
  assert.throws(() => validate('{}', { maxFindings: '10' }), TypeError);
  assert.throws(() => validate('{}', { spelling: 8 }), TypeError);
  assert.throws(() => validate(42), TypeError);
  assert.throws(() => validate('{}', 'meta'), TypeError);
  assert.throws(() => fix('{}', { unsafe: 'yes' }), TypeError);
  assert.throws(() => fix('{}', { safe: true }), TypeError);
  assert.throws(() => fix(new Uint8Array(2)), TypeError);
  assert.throws(() => validate('{}', { version: '7.30' }), /^Error: version: "7.30" is not a Flow JSON version/);
  assert.throws(() => fix('{}', { version: 7.3 }), TypeError);
  assert.throws(() => graph('{}', { format: 'svg' }), /unknown graph format "svg"/);
  assert.throws(() => graph('{}', { Format: 'dot' }), TypeError);
  assert.throws(() => graph(new Uint8Array(2)), TypeError);
  for (const text of ['', 'null', '{', '\u0000', '[1,2', '{"version": "7.3", "screens": 5}', '\ud800']) {
    const report = validate(text);
    assert.ok(report.validationErrors.length > 0, JSON.stringify(text));
  }
});

test('version: the flow judged as the version named, whatever it declares', () => {
  // 7.3 with a screen that uses nothing newer; declared as a number, then without one.
  const text = read('testdata/examples/valid-survey.json');
  const declared = JSON.parse(text).version;
  const asNumber = text.replace(`"version": "${declared}"`, `"version": ${declared}`);
  assert.notEqual(asNumber, text);
  assert.equal(validate(asNumber).validationErrors[0].error, 'INVALID_FLOW_JSON_VERSION');
  assert.deepEqual(validate(asNumber, { version: declared }), { validationErrors: [], warnings: [] });
  // A frozen version named: what Meta says of a flow declaring it, at the member.
  const frozen = validate(text, { version: '3.1' });
  const [error] = frozen.validationErrors;
  assert.match(error.message, /frozen/i, JSON.stringify(frozen));
  assert.equal(error.pointers[0].path, 'version');
  assert.equal(fix(asNumber, { version: declared }), asNumber);
});

test('graph: screens and ways between them, as JSON, Mermaid or DOT', () => {
  const text = read('testdata/examples/book-a-call.json');
  const g = graph(text);
  assert.deepEqual(Object.keys(g), ['screens', 'edges']);
  assert.deepEqual(
    g.screens.map((s) => [s.id, s.terminal, s.errors > 0, s.missing]),
    [
      ['ASK', false, true, false],
      ['WELCOME', true, true, false],
    ],
  );
  assert.deepEqual(Object.keys(g.screens[0]), ['id', 'title', 'terminal', 'exchanges', 'errors', 'missing']);
  for (const edge of g.edges) {
    assert.deepEqual(Object.keys(edge), ['from', 'to', 'kind', 'fault']);
    assert.ok(['navigate', 'routing', 'data_exchange'].includes(edge.kind), edge.kind);
  }
  assert.deepEqual(graph(text, { format: 'json' }), g);
  assert.match(graph(text, { format: 'mermaid' }), /^flowchart LR\n/);
  assert.match(graph(text, { format: 'dot' }), /^digraph /);
  // Not a flow with screens: null, in every format.
  for (const format of ['json', 'mermaid', 'dot']) {
    assert.equal(graph('{"version": "7.3"}', { format }), null);
    assert.equal(graph('not json', { format }), null);
  }
});

test('findings: the rule code, severity, doc link and the place to underline', () => {
  const all = findings(TYPO);
  assert.equal(all.length, 1);
  const [f] = all;
  assert.equal(f.rule, 'unknown-property');
  assert.equal(f.severity, 'error');
  assert.equal(f.error, 'INVALID_PROPERTY_KEY');
  assert.equal(f.doc, 'https://github.com/waflow/waflow/blob/main/docs/rules.md#unknown-property');
  assert.deepEqual(f.pointers[0].shown, { lineStart: 3, columnStart: 68, lineEnd: 3, columnEnd: 81 });
  // The same finding as validate gives, in Meta's terms.
  const meta = validate(TYPO).validationErrors[0];
  assert.equal(f.message, meta.message);
  assert.equal(f.pointers[0].path, meta.pointers[0].path);
  assert.throws(() => findings(TYPO, { spelling: 'meta' }), /unknown option "spelling"/);
  for (const maxFindings of [0, -1, 1.5, 2 ** 32]) {
    assert.throws(() => findings(TYPO, { maxFindings }), RangeError, String(maxFindings));
  }
  assert.throws(() => findings(TYPO, { maxFindings: '1' }), TypeError);
});

test('rules: the registry, each rule as `waflow rules --format json` lists it', () => {
  const all = rules();
  assert.ok(all.length >= 100, `${all.length} rules`);
  // Keys as the CLI writes them (serde_json's json! sorts them).
  const keys = ['code', 'doc', 'error', 'errorType', 'fix', 'severity', 'since', 'summary', 'until'];
  for (const rule of all) {
    assert.deepEqual(Object.keys(rule), keys, rule.code);
    assert.match(rule.code, /^[a-z0-9-]+$/);
    assert.ok(['error', 'warning'].includes(rule.severity), rule.code);
    assert.ok(rule.summary.length > 0 && rule.doc.length > 0, rule.code);
  }
  assert.equal(new Set(all.map((r) => r.code)).size, all.length);
  const duplicate = all.find((r) => r.code === 'duplicate-key');
  assert.equal(duplicate.error, 'WAFLOW_DUPLICATE_KEY');
  assert.equal(duplicate.severity, 'warning');
  assert.deepEqual(Object.keys(duplicate.fix), ['applicability', 'what']);
  const removed = all.find((r) => r.code === 'data-channel-uri-removed');
  assert.ok(removed.since !== null && /^\d+\.\d+$/.test(removed.since), JSON.stringify(removed));
  // A fresh array each call: a caller's changes stay its own.
  all.pop();
  assert.equal(rules().length, all.length + 1);
});

test('version is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(version(), pkg.version);
});

test('fix applies the safe fixes, and the unsafe ones only when asked', () => {
  // Renaming an unknown key is a guess: unsafe.
  assert.equal(fix(TYPO), TYPO);
  assert.equal(fix(TYPO, { unsafe: false }), TYPO);
  // With the unsafe fixes: the key renamed, then (the next round, once the schema
  // passes) the terminal screen's missing Footer added.
  const fixed = fix(TYPO, { unsafe: true });
  assert.ok(fixed.includes('"init-value": "x"}, {"type": "Footer"'), fixed);
  assert.ok(!fixed.includes('initial-text'));
  assert.deepEqual(validate(fixed).validationErrors, []);
  // A trailing comma's removal is safe.
  const comma = read('testdata/invalid-json/invalid-trailing-comma-in-array.json');
  assert.equal(fix(comma), read('testdata/invalid-json/invalid-trailing-comma-in-array.fixed'));
  // Nothing to fix: the text itself.
  const valid = read('testdata/examples/valid-survey.json');
  assert.equal(fix(valid, { unsafe: true }), valid);
});

test('require() loads the package where Node can require ES modules', { skip: !process.features.require_module && 'this Node cannot require() ES modules' }, () => {
  const require = createRequire(import.meta.url);
  const required = require('waflow');
  assert.equal(required.validate, validate);
});

test("the README's JavaScript example runs", () => {
  const readme = read('README.md');
  const section = readme.split('\n## JavaScript\n')[1]?.split('\n## ')[0];
  assert.ok(section, 'README.md has a JavaScript section');
  const body = section.split('```js\n')[1]?.split('\n```')[0];
  assert.ok(body, 'the section has a js block');
  const lines = body.split('\n');
  assert.match(lines[0], /^import \{ ([\w, ]+) \} from 'waflow';/);
  const names = lines[0].match(/^import \{ ([\w, ]+) \}/)[1];
  // The block without its import, given the package's functions and a flow to work on.
  const run = new Function('waflow', 'text', 'bytes', `const { ${names} } = waflow;\n${lines.slice(1).join('\n')}\nreturn report;`);
  const text = read('testdata/examples/book-a-call.json');
  const report = run(waflow, text, new TextEncoder().encode(text));
  assert.deepEqual(report, validate(text));
  assert.equal(report.validationErrors.length, 3);
});
