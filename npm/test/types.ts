// Compiled, never run, by test/types.test.mjs (tsc --noEmit): the hand-written .d.ts
// files against uses of every export. `@ts-expect-error` lines must stay errors.

import { validate, findings, rules, version, fix, graph } from 'waflow';
import type { Finding, MetaFinding, Report, MetaReport, Rule, Fix, Edit, Graph, GraphEdge, EditorFinding } from 'waflow';
import init, { initSync, validate as validateWeb } from 'waflow/web';
import type { InitInput } from 'waflow/web';

const text = '{"version": "7.3"}';

const report: Report = validate(text);
const first: Finding | undefined = report.validationErrors[0];
const line: number | undefined = first?.pointers[0]?.lineStart;
const path: string | undefined = first?.pointers[0]?.path;
const warnings: Finding[] = validate(new Uint8Array([123, 125]), { spelling: '8x8', maxFindings: 10 }).warnings;
const fixes: Fix[] | undefined = report.fixes;
const edit: Edit | undefined = fixes?.[0]?.edits[0];
const offsets: [number, number] | undefined = edit && [edit.start, edit.end];
const list: 'validationErrors' | 'warnings' | undefined = fixes?.[0]?.finding.list;

const meta: MetaReport = validate(text, { spelling: 'meta', frozenVersion: 'warning', version: '7.3' });
const metaFirst: MetaFinding | undefined = meta.validation_errors[0];
const metaColumn: number | undefined = metaFirst?.column_start;
const metaList: 'validation_errors' | 'warnings' | undefined = meta.fixes?.[0]?.finding.list;

// @ts-expect-error: Meta's spelling has no validationErrors
validate(text, { spelling: 'meta' }).validationErrors;
// @ts-expect-error: 8x8's spelling has no validation_errors
validate(text).validation_errors;
// @ts-expect-error: no such spelling
validate(text, { spelling: 'camel' });
// @ts-expect-error: no such option
validate(text, { maxWarnings: 3 });
// @ts-expect-error: frozenVersion is a severity
validate(text, { frozenVersion: 'off' });
// @ts-expect-error: text is a string or bytes
validate(42);

const forEditor: EditorFinding[] = findings(text, { maxFindings: 5, version: '7.3' });
const ruleCode: string | null | undefined = forEditor[0]?.rule;
const underline: number | undefined = forEditor[0]?.pointers[0]?.shown.columnEnd;
// @ts-expect-error: findings have one spelling
findings(text, { spelling: 'meta' });

const all: Rule[] = rules();
const since: string | null | undefined = all[0]?.since;
const fixable: boolean = all.some((r) => r.fix !== null && r.fix.applicability === 'safe');
const v: string = version();
const fixed: string = fix(text);
const fixedUnsafe: string = fix(text, { unsafe: true, version: '7.3' });
const drawn: Graph | null = graph(text);
const kind: GraphEdge['kind'] | undefined = drawn?.edges[0]?.kind;
const title: string | null | undefined = drawn?.screens[0]?.title;
const mermaid: string | null = graph(text, { format: 'mermaid' });
// @ts-expect-error: Mermaid text is no Graph
const notAGraph: Graph | null = graph(text, { format: 'dot' });
// @ts-expect-error: no such format
graph(text, { format: 'svg' });
// @ts-expect-error: fix takes a string
fix(new Uint8Array(1));

async function browser(bytes: ArrayBuffer, module: WebAssembly.Module): Promise<Report> {
  await init();
  await init('/assets/waflow_bg.wasm');
  await init(new URL('https://example.com/waflow_bg.wasm'));
  await init(bytes);
  await init(fetch('/waflow_bg.wasm'));
  const input: InitInput = module;
  await init(input);
  initSync(bytes);
  // @ts-expect-error: init takes no null (WebAssembly.Module is an empty interface in
  // TypeScript's DOM types: any object or number passes for one)
  await init(null);
  return validateWeb(text);
}

export {
  line,
  path,
  warnings,
  offsets,
  list,
  metaColumn,
  metaList,
  since,
  fixable,
  v,
  fixed,
  fixedUnsafe,
  kind,
  title,
  ruleCode,
  underline,
  mermaid,
  notAGraph,
  browser,
};
