// What the tests share: the repository's paths and its testdata flows.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (npm/ is one level down). */
export const root = fileURLToPath(new URL('../../', import.meta.url));

export const testdata = path.join(root, 'testdata');

export function read(relative) {
  return readFileSync(path.join(root, relative), 'utf8');
}

/** Every flow under testdata/ (not the endpoint responses), sorted, relative to root. */
export function flows() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(dir === testdata && entry.name === 'endpoint')) walk(full);
      } else if (entry.name.endsWith('.json')) {
        out.push(path.relative(root, full));
      }
    }
  };
  walk(testdata);
  return out;
}

/** The findings as tests/support/mod.rs writes a `.snap` (errors, then warnings),
 * without what Meta's shape does not carry (rule, severity, help, focus). */
export function snapFindings(snap) {
  return JSON.parse(snap).map((f) => ({
    severity: f.severity,
    error: f.error,
    errorType: f.errorType,
    message: f.message,
    pointers: f.pointers.map(({ lineStart, lineEnd, columnStart, columnEnd, path }) => ({
      lineStart,
      lineEnd,
      columnStart,
      columnEnd,
      path,
    })),
  }));
}

/** The 1 MiB threshold above which the library runs two stages on two threads
 * (crates/waflow/src/lib.rs PARALLEL_STAGES). */
export const PARALLEL_STAGES = 1 << 20;
