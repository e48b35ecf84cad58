// The playground in a real browser: Debian's Chromium driven by playwright-core, the built
// page (dist/, `node build.mjs` first) served from 127.0.0.1 by test/serve.mjs.
//
//   node --test test/playground.test.mjs
//
// CHROMIUM: the browser (default /usr/bin/chromium). WAFLOW_BIN: a `waflow` binary; when
// set, the page's output is compared with `waflow check --format json|meta`. WAFLOW_CORPUS:
// the real flows (default ../shared/corpus/real from the repository), whose largest one
// the keystroke-to-diagnostics time is measured on. Screenshots go to test-results/.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync, inflateSync } from "node:zlib";
import { chromium } from "playwright-core";

import { serve } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const playground = resolve(here, "..");
const repo = resolve(playground, "..");
const results = join(playground, "test-results");
const DOCS = "https://github.com/waflow/waflow/blob/main/docs/rules.md";
const RED = "rgb(196, 0, 0)";

// Typed into the editor, key by key: a navigate to a screen that does not exist, no
// terminal screen, and a key written twice (a warning).
const BROKEN = '{"version": "7.3", "screens": [{"id": "START", "title": "Hi", "title": "Hi", '
  + '"layout": {"type": "SingleColumnLayout", "children": [{"type": "Footer", "label": "Go", '
  + '"on-click-action": {"name": "navigate", "next": {"type": "screen", "name": "NOWHERE"}}}]}}]}';

let server;
let url;
let browser;
let page;

/** The fragment that carries `text`, made here as the page makes it (zlib deflate, base64url). */
function fragmentOf(text) {
  return `flow=${deflateSync(Buffer.from(text)).toString("base64url")}`;
}

/** The flow a page URL carries, or null. */
function flowOf(pageUrl) {
  const m = /#flow=([^&]*)/.exec(pageUrl);
  return m ? inflateSync(Buffer.from(m[1], "base64url")).toString() : null;
}

async function open(fragment = "") {
  const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  p.setDefaultTimeout(10000);
  p.errors = [];
  p.on("pageerror", (e) => p.errors.push(e.message));
  p.on("console", (m) => m.type() === "error" && p.errors.push(m.text()));
  await p.goto(url + (fragment ? `#${fragment}` : ""));
  await p.waitForSelector("body[data-ready]:not([data-pending])", { timeout: 20000 });
  return p;
}

/** Waits until the page has checked its latest text, and its URL carries `text`. */
async function settled(p, text) {
  await p.waitForSelector("body:not([data-pending])");
  const deadline = Date.now() + 5000;
  while (flowOf(p.url()) !== text) {
    assert.ok(Date.now() < deadline, `the URL does not carry the flow: ${JSON.stringify(flowOf(p.url()))}`);
    await p.waitForTimeout(50);
  }
}

/** What the findings list shows. */
function shown(p) {
  return p.$$eval("#findings > li.finding", (items) => items.map((li) => ({
    severity: li.querySelector(".severity").textContent,
    error: li.querySelector(".meta-code").textContent,
    rule: li.querySelector(".rule").textContent,
    doc: li.querySelector("a.rule")?.getAttribute("href") ?? null,
    positions: [...li.querySelectorAll("button.position")].map((b) => b.textContent),
    message: li.querySelector(".message").textContent,
  })));
}

async function typeFlow(p, text) {
  await p.click(".cm-content");
  await p.keyboard.press("Control+A");
  await p.keyboard.press("Backspace");
  await p.keyboard.type(text);
  await settled(p, text);
}

async function outputOf(p, spelling) {
  await p.click('[role="tab"][data-tab="output"]');
  await p.check(`input[name="spelling"][value="${spelling}"]`);
  await p.waitForFunction(
    (key) => document.querySelector("#output").textContent.includes(`"${key}"`),
    spelling === "meta" ? "validation_errors" : "validationErrors",
  );
  const out = JSON.parse(await p.textContent("#output"));
  await p.click('[role="tab"][data-tab="graph"]');
  return out;
}

before(async () => {
  assert.ok(existsSync(join(playground, "dist/index.html")), "build the page first: node build.mjs");
  mkdirSync(results, { recursive: true });
  ({ server, url } = await serve(join(playground, "dist")));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // Playwright adds --headless, --no-sandbox and a fresh empty --user-data-dir itself.
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  page = await open();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("the package has what the page needs", async () => {
  // graph(text): the picture; findings(text): each finding's rule code (Meta's shape,
  // which validate returns, names none), its help and the finer place to underline.
  const has = await page.evaluate(async () => {
    const pkg = await import(new URL("waflow/" + document.body.dataset.entry, document.baseURI).href);
    return { graph: typeof pkg.graph, findings: typeof pkg.findings };
  });
  assert.deepEqual(has, { graph: "function", findings: "function" });
});

test("the page loads the package and checks the first example", async () => {
  assert.match(await page.textContent("#package-version"), /^waflow \d+\.\d+\.\d+/);
  assert.equal(await page.inputValue("#example"), "testdata/examples/valid-survey.json");
  assert.match(await page.textContent("#summary"), /^No problems found/);
  assert.equal(await page.inputValue("#flow-version"), "7.3");
  assert.deepEqual(page.errors, []);
});

test("a broken flow typed into the editor: its findings listed and underlined", async () => {
  await typeFlow(page, BROKEN);
  assert.match(await page.textContent("#summary"), /^2 errors, 1 warning/);
  assert.deepEqual(await shown(page), [
    {
      severity: "error", error: "MISSING_TERMINAL_SCREEN", rule: "missing-terminal-screen",
      doc: `${DOCS}#missing-terminal-screen`, positions: ["1:31"],
      message: 'The flow has no terminal screen: at least one screen needs "terminal": true',
    },
    {
      severity: "warning", error: "WAFLOW_DUPLICATE_KEY", rule: "duplicate-key",
      doc: `${DOCS}#duplicate-key`, positions: ["1:63", "1:48"],
      message: (await shown(page))[1].message, // checked below
    },
    {
      severity: "error", error: "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME", rule: "unknown-navigate-target",
      doc: `${DOCS}#unknown-navigate-target`, positions: ["1:241"],
      message: "navigate targets 'NOWHERE', which is not a screen of this flow",
    },
  ]);
  assert.match((await shown(page))[1].message, /title/);
  // Underlined in the editor: each place is a range of its own (the lint extension draws
  // overlapping ones in the colour of the worst, here the error on the whole "screens").
  const underlined = await page.$$eval(".cm-lintRange", (spans) => spans.map((s) => s.textContent));
  for (const place of ['"NOWHERE"', '"title"']) assert.ok(underlined.includes(place), JSON.stringify(underlined));
  assert.ok(await page.locator(".cm-lintRange-error").count() >= 1);
  // A position button puts the cursor on the place.
  await page.click("#findings li.finding:nth-child(3) button.position");
  const selected = await page.evaluate(() => getSelection().toString());
  assert.equal(selected, '"NOWHERE"');
  assert.deepEqual(page.errors, []);
});

test("the flow's picture: boxes, a missing screen, the broken navigate in red", async () => {
  await page.waitForSelector(".flow-graph");
  assert.equal(await page.locator('.flow-graph g.screen[data-id="START"]').count(), 1);
  assert.equal(await page.locator('.flow-graph g.screen.missing[data-id="NOWHERE"]').count(), 1);
  const edge = page.locator('.flow-graph path.edge[data-from="START"][data-to="NOWHERE"]');
  assert.equal(await edge.getAttribute("data-kind"), "navigate");
  assert.match(await edge.getAttribute("class"), /\bfaulty\b/);
  assert.equal(await edge.evaluate((e) => getComputedStyle(e).stroke), RED);
  assert.match(await edge.locator("title").textContent(), /no screen is called NOWHERE/);
  await page.screenshot({ path: join(results, "playground.png") });
});

test("the three kinds of edge in three styles, sound ones not red", async () => {
  const p = await open();
  await p.selectOption("#example", "testdata/endpoint/_flows/shop.json");
  await settled(p, readFileSync(join(repo, "testdata/endpoint/_flows/shop.json"), "utf8"));
  await p.waitForSelector(".flow-graph");
  const styles = await p.$$eval(".flow-graph path.edge", (paths) => paths.map((e) => ({
    kind: e.dataset.kind, faulty: e.classList.contains("faulty"),
    stroke: getComputedStyle(e).stroke, dash: getComputedStyle(e).strokeDasharray,
  })));
  const kinds = new Set(styles.map((s) => s.kind));
  assert.ok(kinds.has("routing") || kinds.has("data_exchange"), JSON.stringify(styles));
  for (const s of styles.filter((s) => !s.faulty)) assert.notEqual(s.stroke, RED, JSON.stringify(s));
  const dash = (kind) => styles.find((s) => s.kind === kind)?.dash;
  if (kinds.has("routing") && kinds.has("data_exchange")) assert.notEqual(dash("routing"), dash("data_exchange"));
  await p.screenshot({ path: join(results, "shop.png") });
  await p.close();
});

test("the output view is what validate returns, in both spellings", async () => {
  const json = await outputOf(page, "8x8");
  const meta = await outputOf(page, "meta");
  assert.deepEqual(json.validationErrors.map((e) => e.error),
    ["MISSING_TERMINAL_SCREEN", "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME"]);
  assert.equal(meta.validation_errors[1].line_start, 1);
  assert.equal(meta.validation_errors[1].column_start, 241);
  assert.equal(json.warnings[0].error, "WAFLOW_DUPLICATE_KEY");
  if (!process.env.WAFLOW_BIN) return;
  // Exactly `waflow check --format json|meta` for the same text, less its "file" key.
  for (const [format, shownOutput] of [["json", json], ["meta", meta]]) {
    const cli = (() => {
      try {
        return execFileSync(process.env.WAFLOW_BIN, ["check", "--format", format, "-"], { input: BROKEN });
      } catch (e) {
        return e.stdout; // exit 1: the flow has errors
      }
    })();
    const [one] = JSON.parse(cli);
    delete one.file;
    assert.deepEqual(shownOutput, one, `--format ${format}`);
  }
});

test("the URL fragment carries the flow, and a link restores it", async () => {
  const link = page.url();
  assert.equal(flowOf(link), BROKEN);
  const p = await open(new URL(link).hash.slice(1));
  await settled(p, BROKEN);
  assert.deepEqual(await shown(p), await shown(page));
  await p.waitForSelector('.flow-graph path.edge.faulty[data-kind="navigate"]', { state: "attached" });
  await p.close();
  // A link cut short says so and shows the first example.
  const cut = await open(new URL(link).hash.slice(1, 40));
  assert.match(await cut.textContent("#status"), /could not be read/);
  assert.match(await cut.textContent("#summary"), /^No problems found/);
  await cut.close();
});

test("the version picker rewrites the flow's version, and adds one", async () => {
  await page.selectOption("#flow-version", "6.0");
  await settled(page, BROKEN.replace('"7.3"', '"6.0"'));
  assert.equal(await page.inputValue("#flow-version"), "6.0");
  const versionless = '{\n  "screens": []\n}';
  await typeFlow(page, versionless.replaceAll("\n", "").replaceAll("  ", ""));
  assert.equal(await page.inputValue("#flow-version"), "");
  assert.equal(await page.locator("#flow-version option.extra").textContent(), "(none)");
  await page.selectOption("#flow-version", "7.3");
  await settled(page, '{"version": "7.3", "screens": []}');
});

test("the example picker loads the repository's flows", async () => {
  assert.equal(await page.inputValue("#example"), ""); // the flow typed before is no example
  const options = await page.$$eval("#example option:not([disabled])", (os) => os.map((o) => o.value));
  assert.deepEqual(options.sort(), [
    "testdata/endpoint/_flows/shop.json",
    "testdata/examples/book-a-call.json",
    "testdata/examples/valid-survey.json",
  ]);
  await page.selectOption("#example", "testdata/examples/book-a-call.json");
  await settled(page, readFileSync(join(repo, "testdata/examples/book-a-call.json"), "utf8"));
  const errors = (await shown(page)).filter((f) => f.severity === "error").map((f) => f.rule);
  assert.ok(errors.includes("routing-disconnected-screens"), errors.join(" "));
});

test("nothing of the flow becomes markup", async () => {
  const evil = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
  const flow = JSON.stringify({
    version: "7.3",
    screens: [{
      id: "A", title: evil, terminal: true,
      layout: { type: "SingleColumnLayout", children: [{ type: evil, text: evil }] },
    }],
  });
  const p = await open(fragmentOf(flow));
  await settled(p, flow);
  await p.waitForSelector(".flow-graph");
  assert.equal(await p.locator("img, b").count(), 0);
  assert.notEqual(await p.title(), "pwned");
  assert.ok((await p.textContent("#findings")).includes(evil.slice(0, 20)) || (await p.textContent(".flow-graph")).includes("<img"));
  assert.deepEqual(p.errors, []);
  await p.close();
});

/**
 * The real flows to time: the corpus's largest file and, when that one is not strict JSON
 * (its check stops at the parse), the largest that is, whose check runs every stage.
 */
function realFlows() {
  const dir = process.env.WAFLOW_CORPUS ?? join(repo, "../shared/corpus/real");
  if (!existsSync(dir)) return [];
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".json")) files.push(join(d, e.name));
    }
  };
  walk(dir);
  files.sort((a, b) => statSync(b).size - statSync(a).size || a.localeCompare(b));
  const parses = (f) => {
    try {
      JSON.parse(readFileSync(f, "utf8"));
      return true;
    } catch {
      return false;
    }
  };
  return [...new Set([files[0], files.find(parses)].filter(Boolean))];
}

/**
 * Milliseconds from each keystroke to its findings on screen, on `text`; `latest`: first
 * move it to the newest version with the version picker (a frozen version's finding ends
 * the check before the schema and the rules; on the newest one every stage runs).
 */
async function keystrokes(text, count, latest) {
  const p = await open(fragmentOf(text));
  await settled(p, text);
  if (latest) {
    const newest = await p.$eval("#flow-version option:last-child", (o) => o.value);
    await p.selectOption("#flow-version", newest);
    let moved = null;
    for (let i = 0; i < 100 && !moved?.includes(`"version": "${newest}"`); i++) {
      await p.waitForTimeout(50);
      moved = flowOf(p.url());
    }
    assert.ok(moved?.includes(`"version": "${newest}"`), "the version picker moved the flow");
    text = moved;
  }
  await p.click(".cm-content");
  await p.keyboard.press("Control+End");
  // From the keydown event's time stamp to the frame after the list is redrawn (the
  // findings of the text with the keystroke are on screen): a space typed at the end of
  // the flow and taken back, each a check of the whole text.
  const times = [];
  for (let i = 0; i < count; i++) {
    await p.evaluate(() => {
      window.measured = new Promise((done) => {
        let t0 = 0;
        document.addEventListener("keydown", (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
        document.addEventListener("waflow:checked", () => {
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
        }, { once: true });
      });
    });
    await p.keyboard.press(i % 2 ? "Backspace" : "Space");
    times.push(await p.evaluate(() => window.measured));
  }
  await settled(p, text);
  const summary = await p.textContent("#summary");
  await p.close();
  return { times: times.sort((a, b) => a - b), summary };
}

test("keystroke to diagnostics on the largest real flows", async (t) => {
  const files = realFlows();
  if (!files.length) return t.skip("no corpus (WAFLOW_CORPUS, or ../shared/corpus/real)");
  const figures = [];
  const runs = files.map((file) => [file, false]);
  runs.push([files.at(-1), true]);
  for (const [file, latest] of runs) {
    const text = readFileSync(file, "utf8");
    const { times, summary } = await keystrokes(text, 40, latest);
    const at = (q) => +times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    const figure = {
      file: file.slice(file.indexOf("corpus/")), bytes: Buffer.byteLength(text),
      version: latest ? "newest (version picker)" : "as it is", findings: summary,
      keystrokes: times.length, medianMs: at(0.5), p90Ms: at(0.9), maxMs: at(1),
    };
    figures.push(figure);
    console.log(`keystroke to diagnostics on ${figure.file} (${figure.bytes} bytes, version ${figure.version}; ${summary}): median ${figure.medianMs} ms, p90 ${figure.p90Ms} ms, max ${figure.maxMs} ms`);
  }
  writeFileSync(join(results, "keystroke.json"), `${JSON.stringify(figures, null, 2)}\n`);
  for (const f of figures) assert.ok(f.medianMs < 50, `${f.file}: median ${f.medianMs} ms, the target is under 50 ms`);
});
