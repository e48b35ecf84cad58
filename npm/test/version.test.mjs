// The package's version is the Cargo workspace's (a release bumps both: see README.md,
// "Releasing"); version() reports the library's.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { version } from '../node.mjs';
import { read } from './support.mjs';

/** `version = "..."` of Cargo.toml's [workspace.package]. */
function cargoVersion() {
  const section = read('Cargo.toml').split(/^\[workspace\.package\]\s*$/m)[1];
  assert.ok(section, 'Cargo.toml has a [workspace.package] table');
  const table = section.split(/^\[/m)[0];
  const found = table.match(/^version\s*=\s*"([^"]+)"\s*$/m);
  assert.ok(found, 'the workspace has a version');
  return found[1];
}

test('package.json, package-lock.json and version() say the Cargo workspace version', () => {
  const cargo = cargoVersion();
  assert.match(cargo, /^\d+\.\d+\.\d+/);
  const pkg = JSON.parse(read('npm/package.json'));
  assert.equal(pkg.version, cargo, 'npm/package.json');
  const lock = JSON.parse(read('npm/package-lock.json'));
  assert.equal(lock.version, cargo, 'npm/package-lock.json');
  assert.equal(lock.packages[''].version, cargo, 'npm/package-lock.json');
  assert.equal(version(), cargo, 'version() (the .wasm was built from this tree)');
});
