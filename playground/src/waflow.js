// The npm package, as the page uses it. build.mjs copies the package directory (by default
// the repository's npm/, built by .ci/wasm) into dist/waflow/; the browser imports its
// entry from there as it is, so the entry finds its .wasm next to itself.

/* global WAFLOW_ENTRY */
const DOCS = "https://github.com/waflow/waflow/blob/main/docs/rules.md";

/** The documentation of rule `code`: its section of docs/rules.md. */
export function ruleDoc(code) {
  return `${DOCS}#${code}`;
}

/**
 * The package loaded and started: `{pkg, version, rules, hasGraph, findings(text),
 * output(text, spelling), graph(text), fix(text, unsafe)}`.
 */
export async function loadWaflow() {
  const pkg = await import(new URL(`./waflow/${WAFLOW_ENTRY}`, import.meta.url).href);
  await pkg.init();
  const rules = new Map(pkg.rules().map((r) => [r.code, r]));
  // The rules with each Meta code, for a package whose findings carry no rule code.
  const byMetaCode = new Map();
  for (const r of rules.values()) byMetaCode.set(r.error, [...(byMetaCode.get(r.error) ?? []), r.code]);

  /**
   * Every finding of `text`, errors then warnings, each
   * `{severity, rule, error, errorType, message, help, doc, pointers: [{lineStart,
   * columnStart, lineEnd, columnEnd, path, shown}]}`: from the package's findings(text)
   * when it has it (waflow's own additions: the rule, the help, the finer place to
   * underline), else from validate(text) with the rule found from the fixes or, when
   * only one rule has the Meta code, from that.
   */
  function findings(text) {
    if (typeof pkg.findings === "function") {
      const list = pkg.findings(text);
      return Array.isArray(list) ? list : [...(list.validationErrors ?? list.errors ?? []), ...(list.warnings ?? [])];
    }
    const report = pkg.validate(text, { spelling: "8x8" });
    const ruleOf = new Map();
    for (const f of report.fixes ?? []) ruleOf.set(`${f.finding.list}/${f.finding.index}`, f.rule);
    const lists = [["validationErrors", "error"], ["warnings", "warning"]];
    return lists.flatMap(([list, severity]) =>
      (report[list] ?? []).map((f, i) => {
        const candidates = byMetaCode.get(f.error) ?? [];
        const rule = f.rule ?? ruleOf.get(`${list}/${i}`) ?? (candidates.length === 1 ? candidates[0] : null);
        return { ...f, severity: f.severity ?? severity, rule, candidates: rule || candidates.length > 3 ? [] : candidates };
      }));
  }

  return {
    pkg,
    rules,
    version: pkg.version(),
    hasGraph: typeof pkg.graph === "function",
    findings,
    /** Exactly what validate returns, for the output view. */
    output: (text, spelling) => pkg.validate(text, { spelling }),
    graph: (text) => pkg.graph(text),
    fix: (text, unsafe) => {
      const fixed = pkg.fix(text, { unsafe });
      return typeof fixed === "string" ? fixed : fixed.text;
    },
  };
}
