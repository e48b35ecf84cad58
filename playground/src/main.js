// The playground: a flow in an editor, checked by waflow's WebAssembly build as it is
// typed, its findings underlined and listed, its picture, validate's own output, and the
// flow kept in the URL fragment.

import { basicSetup, EditorView } from "codemirror";
import { EditorState } from "@codemirror/state";
import { json } from "@codemirror/lang-json";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import examples from "virtual:examples";
import versions from "virtual:versions";

import { el } from "./dom.js";
import { rangeOf, toDiagnostics } from "./findings.js";
import { drawGraph, legend } from "./graph.js";
import { decodeFlow, encodeFlow } from "./share.js";
import { readVersion, setVersion } from "./version.js";
import { loadWaflow, ruleDoc } from "./waflow.js";

/* global WAFLOW_ENTRY */

const $ = (id) => document.getElementById(id);
const LISTED = 500; // findings listed at most (all are underlined)

let waflow = null;
let edits = 0; // changes to the document so far
let checked = { edits: -1, text: "", findings: [] };
let lastCost = 0;
let checkTimer = 0;
let viewsTimer = 0;
let shareTimer = 0;
const stale = { graph: true, output: true };

function status(message, kind = "info") {
  const s = $("status");
  s.textContent = message;
  s.dataset.kind = kind;
}

// ---- the editor -----------------------------------------------------------------------

const view = new EditorView({
  parent: $("editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      basicSetup,
      json(),
      lintGutter(),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) changed();
      }),
    ],
  }),
});

function replaceAll(text, userEvent) {
  const old = view.state.doc.toString();
  if (old === text) return;
  // Only the part that differs, so the cursor and the undo history stay meaningful.
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let end = 0;
  while (end < old.length - start && end < text.length - start
    && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
  view.dispatch({
    changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) },
    userEvent,
  });
}

// ---- checking -------------------------------------------------------------------------

// Debounced by cost. While a check takes under CHEAP ms, the change is checked as soon as
// the event that made it is handled (in a microtask: the changes of one event are checked
// once, and the findings are drawn in the same frame as the typed character). A slower
// check waits three times as long as the last one took (at most 300 ms), so a large flow
// is checked once a burst of typing pauses.
const CHEAP = 8;
let queued = false;

function changed() {
  edits++;
  if (!waflow) return;
  document.body.dataset.pending = "true";
  clearTimeout(checkTimer);
  if (lastCost < CHEAP) {
    if (!queued) {
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (document.body.dataset.pending) check();
      });
    }
  } else {
    checkTimer = setTimeout(check, Math.min(300, Math.round(lastCost * 3)));
  }
}

function check() {
  const text = view.state.doc.toString();
  const start = performance.now();
  const findings = inOrder(waflow.findings(text));
  lastCost = performance.now() - start;
  checked = { edits, text, findings };
  delete document.body.dataset.pending;
  view.dispatch(setDiagnostics(view.state, toDiagnostics(findings, view.state.doc)));
  renderFindings(findings);
  showVersion();
  $("example").value = examples.find((e) => e.text === text)?.path ?? "";
  stale.graph = stale.output = true;
  clearTimeout(viewsTimer);
  viewsTimer = setTimeout(renderViews, 120);
  clearTimeout(shareTimer);
  shareTimer = setTimeout(share, 400);
  document.dispatchEvent(new CustomEvent("waflow:checked", {
    detail: { edits, ms: lastCost, total: performance.now() - start },
  }));
}

function goTo(pointer) {
  const { from, to } = rangeOf(view.state.doc, pointer);
  view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
  view.focus();
}

/** Top to bottom, as the text reads (a finding with no place last), errors first at one place. */
function inOrder(findings) {
  const key = (f) => {
    const p = f.pointers?.[0];
    return p?.lineStart > 0 ? [0, p.lineStart, p.columnStart] : [1, 0, 0];
  };
  return findings
    .map((f, i) => [key(f), f.severity === "warning" ? 1 : 0, i, f])
    .sort((a, b) => a[0][0] - b[0][0] || a[0][1] - b[0][1] || a[0][2] - b[0][2] || a[1] - b[1] || a[2] - b[2])
    .map((k) => k[3]);
}

function renderFindings(findings) {
  const errors = findings.filter((f) => f.severity !== "warning").length;
  const warnings = findings.length - errors;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  $("summary").textContent = findings.length === 0
    ? `No problems found (checked in ${lastCost.toFixed(1)} ms)`
    : `${plural(errors, "error")}, ${plural(warnings, "warning")} (checked in ${lastCost.toFixed(1)} ms)`;
  $("summary").dataset.errors = String(errors);
  const items = findings.slice(0, LISTED).map((f) => {
    const rule = waflow.rules.get(f.rule);
    const ruleLink = f.rule
      ? el("a", { class: "rule", href: f.doc ?? ruleDoc(f.rule), target: "_blank", rel: "noopener", title: rule?.summary }, f.rule)
      : el("span", { class: "rule unknown", title: "this build of the waflow package does not name the rule of a finding" },
        f.candidates?.length ? `one of ${f.candidates.join(", ")}` : "rule not named");
    const places = (f.pointers ?? []).filter((p) => p.lineStart > 0);
    const positions = places.slice(0, 6).map((p) =>
      el("button", { class: "position", type: "button", title: p.path || undefined, onclick: () => goTo(p) },
        `${p.lineStart}:${p.columnStart}`));
    if (places.length > 6) positions.push(el("span", { class: "more" }, `+${places.length - 6}`));
    return el("li", { class: `finding ${f.severity === "warning" ? "warning" : "error"}`, dataset: { rule: f.rule ?? "", error: f.error } },
      el("div", { class: "head" },
        el("span", { class: "severity" }, f.severity === "warning" ? "warning" : "error"),
        el("code", { class: "meta-code" }, f.error),
        ruleLink,
        el("span", { class: "positions" }, places.length ? positions : el("span", { class: "position none" }, "no position"))),
      el("div", { class: "message" }, f.message),
      f.help ? el("div", { class: "help" }, f.help) : null,
      places[0]?.path ? el("div", { class: "path" }, places[0].path) : null);
  });
  if (findings.length > LISTED) items.push(el("li", { class: "more" }, `and ${findings.length - LISTED} more (all are underlined)`));
  $("findings").replaceChildren(...items);
}

// ---- the picture and the output --------------------------------------------------------

function renderViews() {
  if (!$("graph-panel").hidden && stale.graph) renderGraph();
  if (!$("output-panel").hidden && stale.output) renderOutput();
}

function renderGraph() {
  stale.graph = false;
  const box = $("graph");
  if (!waflow.hasGraph) {
    box.replaceChildren(el("p", { class: "note" },
      "This build of the waflow package has no graph(text): the picture needs it."));
    return;
  }
  const graph = waflow.graph(checked.text);
  box.replaceChildren(graph && graph.screens.length
    ? drawGraph(graph)
    : el("p", { class: "note" }, "No picture: the flow is not a JSON object with screens."));
}

function renderOutput() {
  stale.output = false;
  const spelling = document.querySelector('input[name="spelling"]:checked').value;
  $("output").textContent = JSON.stringify(waflow.output(checked.text, spelling), null, 2);
}

function showTab(name) {
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const on = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", String(on));
    $(`${tab.dataset.tab}-panel`).hidden = !on;
  }
  if (waflow) renderViews();
}

// ---- the version and example pickers ---------------------------------------------------

function showVersion() {
  const picker = $("flow-version");
  const current = readVersion(view.state);
  const extra = picker.querySelector("option.extra");
  if (current !== null && versions.includes(current)) {
    extra.hidden = true;
    picker.value = current;
  } else {
    extra.hidden = false;
    extra.textContent = current === null ? "(none)" : `${current} (unknown)`;
    picker.value = "";
  }
}

function pickVersion() {
  const version = $("flow-version").value;
  if (!version) return;
  const change = setVersion(view.state, version);
  if (change) view.dispatch({ changes: change, userEvent: "input.version" });
  else status("The flow is not a JSON object: there is no version to set.", "error");
}

function pickExample() {
  const example = examples.find((e) => e.path === $("example").value);
  if (example) replaceAll(example.text, "input.example");
}

// ---- the URL fragment --------------------------------------------------------------------

async function share() {
  const fragment = await encodeFlow(checked.text);
  if (location.hash.slice(1) !== fragment) history.replaceState(null, "", `#${fragment}`);
}

/** The flow the URL's fragment carries: its text, null, or an Error (a damaged link). */
function fromFragment() {
  return decodeFlow(location.hash);
}

// ---- start ---------------------------------------------------------------------------------

async function start() {
  $("example").append(el("option", { value: "", disabled: true }, "(your flow)"),
    ...examples.map((e) => el("option", { value: e.path }, e.path)));
  $("flow-version").append(el("option", { value: "", class: "extra", hidden: true }),
    ...versions.map((v) => el("option", { value: v }, v)));
  $("legend").append(...legend());
  $("example").addEventListener("change", pickExample);
  $("flow-version").addEventListener("change", pickVersion);
  for (const tab of document.querySelectorAll('[role="tab"]')) tab.addEventListener("click", () => showTab(tab.dataset.tab));
  for (const radio of document.querySelectorAll('input[name="spelling"]')) radio.addEventListener("change", () => {
    stale.output = true;
    if (waflow) renderViews();
  });
  $("fix").addEventListener("click", () => {
    const before = view.state.doc.toString();
    const after = waflow.fix(before, $("unsafe").checked);
    if (after === before) status("Nothing to fix.");
    else {
      replaceAll(after, "input.fix");
      status("Fixes applied (Ctrl-Z undoes them).");
    }
  });
  $("copy-link").addEventListener("click", async () => {
    await share();
    try {
      await navigator.clipboard.writeText(location.href);
      status("Link copied: it carries the flow.");
    } catch {
      status("The address bar's link carries the flow: copy it from there.");
    }
  });
  window.addEventListener("hashchange", async () => {
    const text = await fromFragment();
    if (text instanceof Error) status(text.message, "error");
    else if (text !== null && text !== view.state.doc.toString()) replaceAll(text, "input.link");
  });

  const linked = await fromFragment();
  const first = typeof linked === "string" ? linked : examples[0]?.text ?? "{}";
  view.dispatch({ changes: { from: 0, insert: first } });

  status("Loading waflow…");
  try {
    waflow = await loadWaflow();
  } catch (e) {
    status(`waflow could not be loaded: ${e.message}`, "error");
    throw e;
  }
  $("package-version").textContent = `waflow ${waflow.version}`;
  if (linked instanceof Error) status(`${linked.message}; showing ${examples[0]?.path} instead`, "error");
  else status("");
  document.body.dataset.entry = WAFLOW_ENTRY;
  document.body.dataset.ready = "true";
  check();
}

start();
