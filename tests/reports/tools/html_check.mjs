// Loads HTML reports in headless Chromium through the DevTools protocol and prints, per
// file, one JSON line: the console errors and exceptions, every request other than the
// page itself, DOM facts (lanes, decisive marks, bugs, folds, the source panel and the
// theme toggle at work) and where its PNG screenshot went.
// Usage: node --experimental-websocket html_check.mjs CHROMIUM OUTDIR [--dark] FILE.html...
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

const [chromiumPath, outDir, ...rest] = process.argv.slice(2);
const dark = rest[0] === "--dark";
const files = dark ? rest.slice(1) : rest;
const profile = mkdtempSync(join(tmpdir(), "lockstep-chromium-"));
const browser = spawn(chromiumPath, ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
  "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });

function fail(message) {
  process.stderr.write(message + "\n");
  try { browser.kill("SIGKILL"); } catch (e) {}
  try { rmSync(profile, { recursive: true, force: true }); } catch (e) {}
  process.exit(1);
}
const timer = setTimeout(() => fail("html_check: timed out"), 120000);

const wsUrl = await new Promise((ok) => {
  let buf = "";
  browser.stderr.on("data", (d) => {
    buf += d.toString();
    const m = buf.match(/DevTools listening on (ws:\/\/\S+)/);
    if (m) ok(m[1]);
  });
  browser.on("exit", () => fail("html_check: chromium exited before DevTools came up:\n" + buf));
});

const ws = new WebSocket(wsUrl);
await new Promise((ok, bad) => { ws.onopen = ok; ws.onerror = () => bad(new Error("websocket")); });
let nextId = 1;
const pending = new Map();
const listeners = [];
ws.onmessage = (ev) => {
  const msg = JSON.parse(ev.data);
  if (msg.id && pending.has(msg.id)) {
    const { ok, bad } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) bad(new Error(JSON.stringify(msg.error))); else ok(msg.result);
  } else if (msg.method) {
    for (const l of listeners) l(msg);
  }
};
function send(method, params = {}, sessionId) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params, sessionId }));
  return new Promise((ok, bad) => pending.set(id, { ok, bad }));
}

const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
const s = (m, p) => send(m, p, sessionId);
let events = { console: [], requests: [], loaded: null };
listeners.push((msg) => {
  if (msg.sessionId !== sessionId) return;
  const p = msg.params;
  if (msg.method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert" || p.type === "warning"))
    events.console.push(p.type + ": " + p.args.map((a) => a.value ?? a.description ?? "").join(" "));
  if (msg.method === "Runtime.exceptionThrown") events.console.push("exception: " + (p.exceptionDetails.exception?.description ?? p.exceptionDetails.text));
  if (msg.method === "Log.entryAdded" && (p.entry.level === "error" || p.entry.level === "warning")) events.console.push("log: " + p.entry.text + " " + (p.entry.url ?? ""));
  if (msg.method === "Network.requestWillBeSent") events.requests.push(p.request.url);
  if (msg.method === "Page.loadEventFired" && events.loaded) events.loaded();
});
await s("Page.enable");
await s("Runtime.enable");
await s("Log.enable");
await s("Network.enable");
await s("Emulation.setDeviceMetricsOverride", { width: 1200, height: 900, deviceScaleFactor: 1, mobile: false });
if (dark) await s("Emulation.setEmulatedMedia", { features: [{ name: "prefers-color-scheme", value: "dark" }] });

const probe = `(() => {
  const q = (sel) => document.querySelectorAll(sel);
  const ops = [...q(".op")];
  const first = ops[0];
  let panel = "";
  if (first) { first.click(); const p = first.closest(".bug").querySelector(".src-panel"); panel = p ? p.textContent : ""; }
  const root = document.documentElement;
  const before = getComputedStyle(document.body).backgroundColor;
  const toggle = document.getElementById("theme-toggle");
  if (toggle) toggle.click();
  const after = getComputedStyle(document.body).backgroundColor;
  if (toggle) toggle.click();
  const folded = [...q("details.folded")];
  let expandable = folded.length === 0;
  if (folded.length) { folded[0].open = true; expandable = folded[0].querySelectorAll("tr").length > 0; folded[0].open = false; }
  return JSON.stringify({
    bugs: q(".bug").length, lanes: q(".lane-head[data-goroutine]").length, decisive: q(".op.decisive").length,
    notes: q(".op.decisive .note").length, ops: ops.length, titled: ops.filter((o) => o.title.includes(":")).length,
    folded: folded.length, expandable, panel, themeChanges: before !== after, scenarios: q("section.scenario").length,
    externals: [...q("script[src], link[rel=stylesheet], img[src^=http], iframe")].length });
})()`;

for (const file of files) {
  const url = "file://" + resolve(file);
  events = { console: [], requests: [], loaded: null };
  const loaded = new Promise((ok) => { events.loaded = ok; });
  await s("Page.navigate", { url });
  await loaded;
  await new Promise((ok) => setTimeout(ok, 50));
  const { result } = await s("Runtime.evaluate", { expression: probe, returnByValue: true });
  const dom = JSON.parse(result.value);
  const shot = await s("Page.captureScreenshot", { format: "png", captureBeyondViewport: false });
  const png = join(outDir, basename(file).replace(/\.html$/, "") + (dark ? ".dark" : "") + ".png");
  writeFileSync(png, Buffer.from(shot.data, "base64"));
  const others = events.requests.filter((r) => r !== url);
  console.log(JSON.stringify({ file, console: events.console, requests: others, dom, screenshot: png }));
}
clearTimeout(timer);
ws.close();
browser.kill("SIGKILL");
try { rmSync(profile, { recursive: true, force: true }); } catch (e) {}
process.exit(0);
