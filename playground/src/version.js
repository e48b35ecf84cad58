// The flow's "version", found and rewritten through CodeMirror's JSON syntax tree, so the
// rest of the text is left as the author wrote it.

import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";

function topObject(state) {
  const tree = ensureSyntaxTree(state, state.doc.length, 100) ?? syntaxTree(state);
  return tree.topNode.getChild("Object");
}

/** The top-level "version" member's value node (the last one, as JSON.parse keeps), or null. */
function versionValue(state) {
  const top = topObject(state);
  if (!top) return null;
  let found = null;
  for (const prop of top.getChildren("Property")) {
    const name = prop.getChild("PropertyName");
    if (!name || state.sliceDoc(name.from, name.to) !== '"version"') continue;
    const value = prop.lastChild;
    if (value && value.name !== "PropertyName" && value.name !== ":") found = value;
  }
  return found;
}

/** The version the flow declares as a string, or null. */
export function readVersion(state) {
  const value = versionValue(state);
  if (!value || value.name !== "String") return null;
  try {
    return JSON.parse(state.sliceDoc(value.from, value.to));
  } catch {
    return null;
  }
}

/** The change that makes the flow declare `version`, or null when it is no JSON object. */
export function setVersion(state, version) {
  const insert = JSON.stringify(version);
  const value = versionValue(state);
  if (value) return { from: value.from, to: value.to, insert };
  const top = topObject(state);
  if (!top) return null;
  const open = top.from + 1;
  const empty = top.getChildren("Property").length === 0;
  const rest = state.sliceDoc(open, Math.min(top.to, open + 200));
  const indent = /^\r?\n([ \t]*)/.exec(rest);
  const member = `"version": ${insert}${empty ? "" : ","}`;
  return { from: open, insert: indent ? `\n${indent[1]}${member}` : empty ? member : `${member} ` };
}
