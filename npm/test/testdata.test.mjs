// Every flow in testdata/ through the package, against two oracles: the snapshots the
// library's own harness keeps (crates/waflow/tests/testdata.rs), and, when WAFLOW_BIN
// names the built CLI (.ci/wasm passes it), the CLI's own JSON for the same files, key
// order included (check, rules, graph). Every `.fixed` text is what
// fix(..., { unsafe: true }) gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { validate, rules, fix, graph } from '../node.mjs';
import { flows, root, snapFindings } from './support.mjs';

const all = flows();

test('testdata is there', () => {
  assert.ok(all.length >= 300, `${all.length} flows`);
});

test('every flow: the findings of its snapshot, in order, in both spellings', () => {
  let checked = 0;
  for (const file of all) {
    const snap = file.replace(/\.json$/, '.snap');
    if (!existsSync(path.join(root, snap))) continue;
    const expected = snapFindings(readFileSync(path.join(root, snap), 'utf8'));
    const bytes = readFileSync(path.join(root, file));
    const report = validate(bytes);
    const got = [
      ...report.validationErrors.map((f) => ({ severity: 'error', f })),
      ...report.warnings.map((f) => ({ severity: 'warning', f })),
    ].map(({ severity, f }) => ({
      severity,
      error: f.error,
      errorType: f.errorType,
      message: f.message,
      pointers: f.pointers,
    }));
    assert.deepEqual(got, expected, file);
    const meta = validate(bytes, { spelling: 'meta' });
    assert.deepEqual(
      [...meta.validation_errors, ...meta.warnings].map((f) => [f.error, f.error_type, f.line_start, f.column_end]),
      [...report.validationErrors, ...report.warnings].map((f) => [f.error, f.errorType, f.lineStart, f.columnEnd]),
      file,
    );
    checked += 1;
  }
  assert.ok(checked >= 300, `${checked} snapshots`);
});

test('every .fixed text is what fix() gives with the unsafe fixes', () => {
  let checked = 0;
  for (const file of all) {
    const fixedPath = path.join(root, file.replace(/\.json$/, '.fixed'));
    const text = readFileSync(path.join(root, file), 'utf8');
    if (existsSync(fixedPath)) {
      assert.equal(fix(text, { unsafe: true }), readFileSync(fixedPath, 'utf8'), file);
      assert.ok(validate(text).fixes?.length > 0, `${file} has a .fixed but no fixes`);
      checked += 1;
    } else {
      // No fixes: the text comes back as it was.
      assert.equal(fix(text, { unsafe: true }), text, file);
    }
  }
  assert.ok(checked >= 40, `${checked} fixed texts`);
});

const bin = process.env.WAFLOW_BIN || '';
const noCli = bin === '' && 'WAFLOW_BIN is not set (.ci/wasm sets it to the built CLI)';
if (process.env.WAFLOW_REQUIRE_CLI === '1') {
  test('the CLI is there to compare with', () => {
    assert.ok(bin !== '' && existsSync(bin), `WAFLOW_BIN=${bin}`);
  });
}

/** `waflow check --format FORMAT` on every flow at once, with an empty config: the
 * CLI's objects, by file. */
function cli(format) {
  const dir = mkdtempSync(path.join(tmpdir(), 'waflow-npm-'));
  try {
    const config = path.join(dir, 'waflow.toml');
    writeFileSync(config, '');
    let out;
    try {
      out = execFileSync(bin, ['check', '--format', format, '--config', config, ...all], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
    } catch (e) {
      // Exit 1: some flows have errors, which is the point.
      if (e.status !== 1) throw e;
      out = e.stdout;
    }
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const [format, spelling] of [
  ['json', '8x8'],
  ['meta', 'meta'],
]) {
  test(`validate() is \`waflow check --format ${format}\` on every flow, key order included`, { skip: noCli }, () => {
    const files = cli(format);
    assert.equal(files.length, all.length);
    files.forEach((entry, i) => {
      const { file, ...findings } = entry;
      assert.equal(file, all[i]);
      const got = validate(readFileSync(path.join(root, file)), { spelling });
      assert.equal(JSON.stringify(got), JSON.stringify(findings), file);
    });
  });
}

test('rules() is `waflow rules --format json`', { skip: noCli }, () => {
  const listed = JSON.parse(execFileSync(bin, ['rules', '--format', 'json'], { encoding: 'utf8' }));
  assert.equal(JSON.stringify(rules()), JSON.stringify(listed));
});

test('graph() is `waflow graph` on every flow (JSON, and Mermaid and DOT on the examples)', { skip: noCli }, () => {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let drawn = 0;
  for (const file of all) {
    let text;
    try {
      text = utf8.decode(readFileSync(path.join(root, file)));
    } catch {
      continue; // Not UTF-8: the CLI refuses it before drawing.
    }
    const formats = file.startsWith('testdata/examples/') ? ['json', 'mermaid', 'dot'] : ['json'];
    for (const format of formats) {
      let out;
      try {
        out = execFileSync(bin, ['graph', '--format', format, file], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        // Exit 2: not a flow with screens.
        assert.equal(e.status, 2, `${file}: ${e.stderr}`);
        assert.equal(graph(text, { format }), null, file);
        continue;
      }
      const got = graph(text, { format });
      if (format === 'json') {
        assert.equal(JSON.stringify(got), JSON.stringify(JSON.parse(out)), file);
        drawn += 1;
      } else {
        assert.equal(got, out, `${file} (${format})`);
      }
    }
  }
  assert.ok(drawn >= 300, `${drawn} graphs`);
});
