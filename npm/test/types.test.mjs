// The hand-written types (index.d.ts, web.d.ts) compile against uses of every export
// (test/types.ts), with the package resolved as Node (node16) and as a bundler resolves
// it; misuses marked `@ts-expect-error` must stay errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const project = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

function compile(...extra) {
  try {
    execFileSync(process.execPath, [tsc, '-p', project, ...extra], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return e.stdout + e.stderr;
  }
}

for (const [resolution, flags] of [
  ['node16', []],
  ['bundler', ['--module', 'esnext', '--moduleResolution', 'bundler']],
]) {
  test(`the types compile (${resolution} resolution)`, () => {
    assert.equal(compile(...flags), '');
  });
}

test('tsc reads the .d.ts: wrong uses without @ts-expect-error fail with the expected errors', () => {
  const wrong = fileURLToPath(new URL('./fixtures/wrong-use.ts', import.meta.url));
  let out = '';
  try {
    execFileSync(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--lib', 'es2022,dom', wrong],
      { encoding: 'utf8' },
    );
  } catch (e) {
    out = e.stdout + e.stderr;
  }
  const errors = out.split('\n').filter((l) => l.includes('error TS'));
  assert.equal(errors.length, 3, out);
  assert.match(errors[0], /\(6,\d+\): error TS2551: Property 'validation_errors' does not exist on type 'Report'/);
  assert.match(errors[1], /\(7,\d+\): error TS2769: No overload matches this call/);
  assert.match(errors[2], /\(8,\d+\): error TS2345: .*'number'.*'string'/);
});
