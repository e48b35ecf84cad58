// Findings as CodeMirror diagnostics. Positions are Meta's: 1-based lines, 1-based
// columns in UTF-16 code units (CodeMirror's units too), the end column inclusive.

/** The offset of 1-based `line`, `column` in `doc`, clamped into it. */
export function offsetOf(doc, line, column) {
  if (line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  return l.from + Math.min(Math.max(column - 1, 0), l.length);
}

/** Where a pointer is to be underlined: its finer place when it has one. */
export function rangeOf(doc, pointer) {
  const p = pointer.shown ?? pointer;
  if (!p.lineStart) return { from: 0, to: 0 };
  const from = offsetOf(doc, p.lineStart, p.columnStart);
  const to = Math.max(from, offsetOf(doc, p.lineEnd || p.lineStart, (p.columnEnd || p.columnStart) + 1));
  return { from, to };
}

/** One diagnostic per place of each finding. */
export function toDiagnostics(findings, doc) {
  const out = [];
  for (const f of findings) {
    const text = `${f.error}${f.rule ? ` (${f.rule})` : ""}: ${f.message}${f.help ? `\n${f.help}` : ""}`;
    const pointers = f.pointers?.length ? f.pointers : [{ lineStart: 0 }];
    for (const p of pointers) {
      out.push({ ...rangeOf(doc, p), severity: f.severity === "warning" ? "warning" : "error", message: text, source: "waflow" });
    }
  }
  return out;
}
