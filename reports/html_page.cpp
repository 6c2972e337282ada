// The HTML report's CSS (light and dark themes by custom properties) and script (theme
// toggle, source panel). Kept apart from the markup so each reads on its own.
#include "reports/html_page.hpp"

namespace lockstep::reports {

std::string_view html_style() {
    return R"css(
:root { --bg: #ffffff; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --lane: #f6f8fa;
  --op: #ddf4ff; --mark: #ffebe9; --mark-edge: #cf222e; --note: #9a6700; --error: #cf222e;
  --warning: #9a6700; --note-sev: #0969da; --ok: #1a7f37; --panel: #f6f8fa; color-scheme: light; }
:root[data-theme="dark"] { --bg: #0d1117; --fg: #e6edf3; --muted: #8d96a0; --line: #30363d;
  --lane: #161b22; --op: #0c2d6b; --mark: #4b1113; --mark-edge: #f85149; --note: #d29922;
  --error: #f85149; --warning: #d29922; --note-sev: #58a6ff; --ok: #3fb950; --panel: #161b22; color-scheme: dark; }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { --bg: #0d1117; --fg: #e6edf3;
  --muted: #8d96a0; --line: #30363d; --lane: #161b22; --op: #0c2d6b; --mark: #4b1113; --mark-edge: #f85149;
  --note: #d29922; --error: #f85149; --warning: #d29922; --note-sev: #58a6ff; --ok: #3fb950; --panel: #161b22; color-scheme: dark; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
code, pre, .op, .step-no, .where, .src { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
header { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
header h1 { font-size: 1.3rem; margin: 0; }
header .summary { color: var(--muted); flex: 1; }
button { background: var(--lane); color: var(--fg); border: 1px solid var(--line); border-radius: 6px; padding: .25rem .7rem; cursor: pointer; font: inherit; }
.scenario { margin: 1.5rem 0; }
.scenario > h2 { font-size: 1.05rem; margin: 0 0 .5rem; font-weight: 600; }
.verdict-bug, .verdict-error { color: var(--error); }
.verdict-verified { color: var(--ok); }
.verdict-bounded { color: var(--warning); }
.bound { color: var(--muted); margin: .2rem 0 .6rem; }
.bug { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: .8rem 0; }
.bug h3 { margin: 0 0 .3rem; font-size: 1rem; }
.sev { text-transform: uppercase; font-size: .75rem; font-weight: 700; letter-spacing: .04em; margin-right: .4rem; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-note { color: var(--note-sev); }
.where { color: var(--muted); }
.details { white-space: pre-wrap; margin: .4rem 0; }
.lanes { display: grid; gap: 2px 8px; margin: .6rem 0; overflow-x: auto; align-items: start; }
.lane-head { background: var(--lane); border-bottom: 2px solid var(--line); padding: .3rem .5rem; font-weight: 600; position: sticky; top: 0; }
.lane-head small { display: block; font-weight: 400; color: var(--muted); }
.step-no { color: var(--muted); text-align: right; padding: .15rem .3rem; }
.cell { min-height: 1.4em; border-left: 2px solid var(--line); }
.op { background: var(--op); border-radius: 4px; padding: .15rem .4rem; margin-left: 4px; cursor: pointer; overflow-wrap: anywhere; }
.op.decisive { background: var(--mark); outline: 2px solid var(--mark-edge); font-weight: 600; }
.op.decisive::before { content: "\25B6  "; color: var(--mark-edge); }
.op.selected { outline: 2px dashed var(--fg); }
.note { display: block; color: var(--note); font-weight: 400; font-style: italic; }
.elided { grid-column: 1 / -1; color: var(--muted); text-align: center; font-style: italic; padding: .2rem; }
.src-panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .4rem .7rem; min-height: 2.2em; white-space: pre-wrap; }
.folded { margin: .3rem 0; color: var(--muted); }
.folded summary { cursor: pointer; }
.folded table { border-collapse: collapse; margin: .4rem 0 .4rem 1rem; color: var(--fg); }
.folded td { padding: .05rem .6rem; border-bottom: 1px solid var(--line); }
.output { background: var(--panel); border-left: 3px solid var(--line); padding: .3rem .7rem; margin: .3rem 0; white-space: pre-wrap; }
.help { margin: .4rem 0 0; }
.help b { color: var(--note-sev); }
.replay code { user-select: all; }
)css";
}

std::string_view html_script() {
    return R"js(
(function () {
  var root = document.documentElement;
  var toggle = document.getElementById("theme-toggle");
  function current() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  if (toggle) toggle.addEventListener("click", function () {
    root.dataset.theme = current() === "dark" ? "light" : "dark";
  });
  document.querySelectorAll(".bug").forEach(function (bug) {
    var panel = bug.querySelector(".src-panel");
    bug.querySelectorAll(".op").forEach(function (op) {
      op.addEventListener("click", function () {
        bug.querySelectorAll(".op.selected").forEach(function (o) { o.classList.remove("selected"); });
        op.classList.add("selected");
        if (panel) panel.textContent = "step " + op.dataset.step + ", goroutine " + op.dataset.goroutine + ": " + op.title;
      });
    });
  });
})();
)js";
}

}  // namespace lockstep::reports
