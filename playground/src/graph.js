// The picture of a flow, from the package's graph(text): screens as boxes in layers from
// the first screen (a breadth-first layering, then one barycentre pass to untangle each
// layer), navigate, routing and data_exchange edges in three styles, faulty ones red.
// Plain SVG, drawn here: no graph library.

import { svg } from "./dom.js";

const BOX = { w: 168, h: 50 };
const GAP = { x: 84, y: 30 };
const PAD = 24;

/**
 * Where each screen goes: `place[i] = {layer, row}` for `graph.screens[i]`. A screen id
 * written twice (a fault of its own) names its first screen; the second gets a box too.
 */
export function layout(graph) {
  const n = graph.screens.length;
  const index = new Map();
  graph.screens.forEach((s, i) => index.has(s.id) || index.set(s.id, i));
  const next = Array.from({ length: n }, () => []);
  const prev = Array.from({ length: n }, () => []);
  for (const e of graph.edges) {
    const [a, b] = [index.get(e.from), index.get(e.to)];
    if (a === undefined || b === undefined) continue;
    next[a].push(b);
    prev[b].push(a);
  }
  // Breadth first from the first screen, then from each screen not reached yet, in
  // document order; a screen keeps the layer it was first reached at.
  const layer = new Array(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (layer[root] >= 0) continue;
    layer[root] = 0;
    const queue = [root];
    for (let q = 0; q < queue.length; q++) {
      for (const to of next[queue[q]]) {
        if (layer[to] < 0) {
          layer[to] = layer[queue[q]] + 1;
          queue.push(to);
        }
      }
    }
  }
  const layers = [];
  for (let i = 0; i < n; i++) (layers[layer[i]] ??= []).push(i);
  // One barycentre pass: order a layer by the mean row of the screens leading into it.
  const row = new Array(n).fill(0);
  layers.forEach((members, l) => {
    if (l > 0) {
      const mean = (i) => {
        const from = prev[i].filter((p) => layer[p] === l - 1).map((p) => row[p]);
        return from.length ? from.reduce((a, b) => a + b, 0) / from.length : Infinity;
      };
      const keyed = members.map((i, k) => [mean(i), k, i]);
      keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      members.splice(0, members.length, ...keyed.map((k) => k[2]));
    }
    members.forEach((i, r) => { row[i] = r; });
  });
  return {
    index,
    place: graph.screens.map((_, i) => ({ layer: layer[i], row: row[i] })),
    layers: layers.length,
    rows: Math.max(1, ...layers.map((m) => m.length)),
  };
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const KINDS = {
  navigate: "navigate",
  routing: "routing_model route",
  data_exchange: "data_exchange route",
};

/** The SVG element of `graph`. */
export function drawGraph(graph) {
  const { index, place, layers, rows } = layout(graph);
  const at = (id) => place[index.get(id)];
  const x = (id) => PAD + at(id).layer * (BOX.w + GAP.x);
  const y = (id) => PAD + at(id).row * (BOX.h + GAP.y);
  const known = (e) => index.has(e.from) && index.has(e.to);
  // Room under the boxes for the edges that go back or stay in their layer.
  const back = (e) => at(e.to).layer <= at(e.from).layer;
  const below = graph.edges.some((e) => known(e) && back(e)) ? 70 : 0;
  const width = PAD * 2 + layers * BOX.w + (layers - 1) * GAP.x;
  const height = PAD * 2 + rows * BOX.h + (rows - 1) * GAP.y + below;

  const marker = (name) =>
    svg("marker", { id: `arrow-${name}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerUnits: "userSpaceOnUse", markerWidth: 10, markerHeight: 10, orient: "auto-start-reverse" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", class: `arrowhead ${name}` }));
  // Shrunk to the panel's width (CSS max-width), down to 60 %; wider than that, it scrolls.
  const root = svg("svg", {
    class: "flow-graph", width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    style: `min-width: ${Math.round(width * 0.6)}px`,
    "aria-label": `${graph.screens.length} screens, ${graph.edges.length} ways between them`,
  }, svg("defs", {}, marker("plain"), marker("exchange"), marker("faulty")));

  // Edges first, boxes over them. Edges between the same two screens fan out.
  const seen = new Map();
  const edges = svg("g", { class: "edges" });
  for (const e of graph.edges) {
    if (!known(e)) continue;
    const pair = `${e.from}\u0000${e.to}`;
    const nth = seen.get(pair) ?? 0;
    seen.set(pair, nth + 1);
    const spread = (nth % 2 ? 1 : -1) * Math.ceil(nth / 2) * 8;
    const [fx, fy, tx, ty] = [x(e.from), y(e.from), x(e.to), y(e.to)];
    let d;
    if (e.from === e.to) {
      const cx = fx + BOX.w / 2;
      d = `M${cx - 20},${fy + BOX.h} C${cx - 40},${fy + BOX.h + 44 + spread} ${cx + 40},${fy + BOX.h + 44 + spread} ${cx + 20},${fy + BOX.h}`;
    } else if (!back(e)) {
      const [sx, sy, ex, ey] = [fx + BOX.w, fy + BOX.h / 2 + spread, tx, ty + BOX.h / 2 + spread];
      const bend = Math.max(30, (ex - sx) / 2);
      d = `M${sx},${sy} C${sx + bend},${sy} ${ex - bend},${ey} ${ex},${ey}`;
    } else if (at(e.to).layer === at(e.from).layer && Math.abs(at(e.to).row - at(e.from).row) === 1) {
      // To the box just above or below: straight across the gap.
      const down = at(e.to).row > at(e.from).row;
      const [sx, sy] = [fx + BOX.w / 2 + spread, down ? fy + BOX.h : fy];
      const [ex, ey] = [tx + BOX.w / 2 + spread, down ? ty : ty + BOX.h];
      d = `M${sx},${sy} C${sx},${(sy + ey) / 2} ${ex},${(sy + ey) / 2} ${ex},${ey}`;
    } else if (at(e.to).layer === at(e.from).layer) {
      // Further along its own layer: out on the right, around, and back in on the right.
      const [sx, sy, ex, ey] = [fx + BOX.w, fy + BOX.h / 2 + spread, tx + BOX.w, ty + BOX.h / 2 + spread];
      const out = sx + GAP.x / 2 + Math.abs(spread);
      d = `M${sx},${sy} C${out},${sy} ${out},${ey} ${ex},${ey}`;
    } else {
      // Back to an earlier layer: out of the bottom of one box, into the bottom of the other.
      const [sx, sy, ex, ey] = [fx + BOX.w / 2 + spread, fy + BOX.h, tx + BOX.w / 2 - spread, ty + BOX.h];
      const depth = Math.max(sy, ey) + 36 + Math.abs(spread) * 2;
      d = `M${sx},${sy} C${sx},${depth} ${ex},${depth} ${ex},${ey}`;
    }
    const faulty = e.fault !== null && e.fault !== undefined;
    const head = faulty ? "faulty" : e.kind === "data_exchange" ? "exchange" : "plain";
    const tip = `${e.from} → ${e.to}: ${KINDS[e.kind] ?? e.kind}${faulty ? `\n${e.fault}` : ""}`;
    edges.append(svg("path", {
      d, class: `edge ${e.kind}${faulty ? " faulty" : ""}`, "marker-end": `url(#arrow-${head})`,
      dataset: { from: e.from, to: e.to, kind: e.kind },
    }, svg("title", {}, tip)));
  }
  root.append(edges);

  const boxes = svg("g", { class: "screens" });
  graph.screens.forEach((s, i) => {
    const classes = ["screen"];
    if (s.terminal) classes.push("terminal");
    if (s.missing) classes.push("missing");
    if (s.errors > 0) classes.push("has-errors");
    if (s.exchanges) classes.push("exchanges");
    const notes = [
      s.missing ? "no screen has this id" : null,
      s.terminal ? "terminal" : null,
      s.exchanges ? "sends a data_exchange" : null,
      s.errors > 0 ? `${s.errors} error${s.errors === 1 ? "" : "s"} inside` : null,
    ].filter(Boolean);
    const tip = [s.title ? `${s.id}: ${s.title}` : s.id, ...notes].join("\n");
    const [bx, by] = [PAD + place[i].layer * (BOX.w + GAP.x), PAD + place[i].row * (BOX.h + GAP.y)];
    const g = svg("g", { class: classes.join(" "), transform: `translate(${bx},${by})`, dataset: { id: s.id } },
      svg("title", {}, tip),
      svg("rect", { width: BOX.w, height: BOX.h, rx: s.terminal ? 18 : 4 }),
      svg("text", { x: 10, y: 20, class: "id" }, truncate(s.id, 20)),
      svg("text", { x: 10, y: 38, class: "title" }, truncate(s.missing ? "(missing)" : s.title ?? "", s.exchanges ? 20 : 24)));
    if (s.errors > 0) {
      g.append(svg("circle", { cx: BOX.w - 2, cy: 2, r: 10, class: "badge" }),
        svg("text", { x: BOX.w - 2, y: 6, class: "badge-text", "text-anchor": "middle" }, s.errors > 99 ? "99+" : s.errors));
    }
    if (s.exchanges) g.append(svg("text", { x: BOX.w - 10, y: 38, class: "exchange-mark", "text-anchor": "end" }, "⇄"));
    boxes.append(g);
  });
  root.append(boxes);
  return root;
}

/** The legend under the picture. */
export function legend() {
  const item = (cls, label) => {
    const line = svg("svg", { width: 44, height: 12, "aria-hidden": "true" },
      svg("path", { d: "M2,6 L42,6", class: `edge ${cls}` }));
    const span = document.createElement("span");
    span.className = "legend-item";
    span.append(line, document.createTextNode(label));
    return span;
  };
  return [item("navigate", "navigate"), item("routing", "routing_model"),
    item("data_exchange", "data_exchange"), item("navigate faulty", "faulty")];
}
