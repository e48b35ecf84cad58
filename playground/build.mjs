// Builds the playground into dist/: the page, its script bundled by esbuild (CodeMirror,
// the examples and the Flow JSON versions, read at build time), and a copy of the npm
// package, which the page imports at run time from dist/waflow/.
//
//   node build.mjs [--package DIR] [--entry FILE]
//
// --package (or WAFLOW_NPM): the npm package's directory, as .ci/wasm leaves it; by
// default the repository's npm/. --entry (or WAFLOW_NPM_ENTRY): its browser entry, a
// path inside it (default web.mjs), exporting init, validate, rules, version, fix, and
// graph and findings where the package has them.

import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const { values: args } = parseArgs({
  options: { package: { type: "string" }, entry: { type: "string" }, out: { type: "string" } },
});
const pkgDir = resolve(args.package ?? process.env.WAFLOW_NPM ?? join(repo, "npm"));
const entry = args.entry ?? process.env.WAFLOW_NPM_ENTRY ?? "web.mjs";
const out = resolve(args.out ?? join(here, "dist"));

if (!existsSync(join(pkgDir, entry))) {
  console.error(`build.mjs: no ${entry} in ${pkgDir}: build the npm package first (bash .ci/wasm), or name it with --package DIR`);
  process.exit(2);
}

// The examples: every flow in these folders, in this order.
const EXAMPLE_DIRS = ["testdata/examples", "testdata/endpoint/_flows"];
const examples = EXAMPLE_DIRS.flatMap((dir) =>
  readdirSync(join(repo, dir)).filter((f) => f.endsWith(".json")).sort()
    .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(repo, dir, f), "utf8") })));
// A valid flow first: it is what the page shows when a link brings none.
examples.sort((a, b) => Number(b.path.includes("valid")) - Number(a.path.includes("valid")));

// The Flow JSON versions waflow knows Meta publishes: the ones schemas/ has a schema for
// (generated from the catalog; a test keeps them fresh).
const versions = readdirSync(join(repo, "schemas"))
  .map((f) => /^flow-json-(\d+)\.(\d+)\.schema\.json$/.exec(f))
  .filter(Boolean)
  .sort((a, b) => a[1] - b[1] || a[2] - b[2])
  .map((m) => `${m[1]}.${m[2]}`);

const virtual = {
  name: "virtual",
  setup(b) {
    const modules = { "virtual:examples": examples, "virtual:versions": versions };
    b.onResolve({ filter: /^virtual:/ }, (a) => ({ path: a.path, namespace: "virtual" }));
    b.onLoad({ filter: /.*/, namespace: "virtual" }, (a) => ({
      contents: `export default ${JSON.stringify(modules[a.path])};`,
      loader: "js",
    }));
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, "src/main.js")],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: true,
  outfile: join(out, "app.js"),
  define: { WAFLOW_ENTRY: JSON.stringify(entry) },
  plugins: [virtual],
  logLevel: "warning",
});
for (const f of ["index.html", "style.css"]) cpSync(join(here, f), join(out, f));
// The package as npm would publish it (package.json's "files", else the whole directory
// but its node_modules and tests), laid out as it is, so its entry finds its .wasm.
const manifest = existsSync(join(pkgDir, "package.json"))
  ? JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"))
  : {};
const files = manifest.files ? ["package.json", ...manifest.files, entry] : ["."];
for (const f of new Set(files)) {
  if (!existsSync(join(pkgDir, f))) continue;
  cpSync(join(pkgDir, f), join(out, "waflow", f), {
    recursive: true,
    filter: (src) => !/(^|[/\\])(node_modules|tests?|\.git)$/.test(relative(pkgDir, src)),
  });
}
console.log(`built ${relative(process.cwd(), out) || "."}: ${examples.length} examples, versions ${versions[0]}-${versions.at(-1)}, package ${relative(process.cwd(), pkgDir)} (${entry})`);
