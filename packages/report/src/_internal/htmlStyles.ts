/** The report's style sheet: system fonts only, light and dark themes, print-friendly. */
export const HTML_STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --card: #ffffff; --text: #1b1f24; --muted: #57606a; --border: #d8dee4; --track: #e7ebef;
  --accent: #0a66c2; --good: #1a7f37; --fair: #855c00; --poor: #c9252d;
  --good-bg: #dafbe1; --fair-bg: #fff1c5; --poor-bg: #ffe4e2; --code-bg: #eff2f5;
  --shadow: 0 1px 2px rgba(27,31,36,.06), 0 1px 8px rgba(27,31,36,.04);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --card: #161b22; --text: #e6edf3; --muted: #9ea7b3; --border: #30363d; --track: #262c36;
    --accent: #58a6ff; --good: #3fb950; --fair: #d29922; --poor: #f85149;
    --good-bg: #12361f; --fair-bg: #3a2d0b; --poor-bg: #42191b; --code-bg: #1f2630;
    --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
a { color: var(--accent); }
code, .mono { font-family: ui-monospace, SFMono-Regular, "Cascadia Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: .88em; }
code { background: var(--code-bg); padding: .05em .35em; border-radius: 4px; overflow-wrap: anywhere; }
code.rule { overflow-wrap: normal; }
.wrap { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header.top { background: var(--card); border-bottom: 1px solid var(--border); padding: 22px 0 18px; }
header.top .eyebrow { margin: 0; color: var(--muted); font-size: .8rem; letter-spacing: .06em; text-transform: uppercase; font-weight: 600; }
header.top h1 { margin: 2px 0 4px; font-size: 1.75rem; line-height: 1.2; }
header.top .meta { margin: 0; color: var(--muted); }
main.wrap { padding-top: 22px; padding-bottom: 40px; }
h2 { font-size: 1.35rem; margin: 0; }
h3 { font-size: 1rem; margin: 0 0 12px; }
h3.sub { margin-top: 22px; }
ul.legend { list-style: none; margin: 12px 0 0; padding: 0; display: grid; gap: 2px; font-size: .88rem; }
ul.legend li span:first-child { font-weight: 600; }
.waterfall { max-width: 640px; margin: 0 0 12px; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 18px 20px; box-shadow: var(--shadow); margin: 0 0 16px; min-width: 0; }
.overview { display: grid; grid-template-columns: auto 1fr; gap: 24px; align-items: center; }
.headline { text-align: center; }
.headline .band { margin: 2px 0 0; font-weight: 650; font-size: .85rem; text-transform: uppercase; letter-spacing: .06em; }
.headline.good .band { color: var(--good); } .headline.fair .band { color: var(--fair); } .headline.poor .band { color: var(--poor); }
ul.formula li { margin: 4px 0; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 12px; margin: 0; }
.kpi { border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; background: var(--bg); }
.kpi dt { color: var(--muted); font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
.kpi dd { margin: 2px 0 0; font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.kpi dd small { font-size: .8rem; font-weight: 500; color: var(--muted); margin-left: 4px; }
.grid { display: grid; gap: 16px; }
.grid.two { grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); }
.dataset { margin-top: 34px; }
.dataset > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 10px 14px; margin-bottom: 12px; }
.dataset > header p { margin: 0; color: var(--muted); flex-basis: 100%; }
.badge { display: inline-block; min-width: 3.4em; text-align: center; border-radius: 999px; padding: 2px 10px; font-weight: 650; font-size: .9rem; font-variant-numeric: tabular-nums; }
.badge.good, .pill.good { background: var(--good-bg); color: var(--good); }
.badge.fair, .pill.fair { background: var(--fair-bg); color: var(--fair); }
.badge.poor, .pill.poor { background: var(--poor-bg); color: var(--poor); }
.pill { display: inline-block; border-radius: 999px; padding: 0 8px; font-size: .8rem; font-weight: 600; }
.pill.error { background: var(--poor-bg); color: var(--poor); }
.pill.warning { background: var(--fair-bg); color: var(--fair); }
.pill.info { background: var(--code-bg); color: var(--muted); }
.muted { color: var(--muted); }
nav.toc { display: flex; flex-wrap: wrap; gap: 8px; margin: 18px 0 0; }
nav.toc a { text-decoration: none; border: 1px solid var(--border); background: var(--card); border-radius: 999px; padding: 4px 12px; color: var(--text); }
nav.toc a:hover, nav.toc a:focus-visible { border-color: var(--accent); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--border); vertical-align: top; }
thead th { color: var(--muted); font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; font-weight: 650; white-space: nowrap; }
tbody tr:hover { background: color-mix(in srgb, var(--accent) 6%, transparent); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th button { background: none; border: 0; padding: 0; margin: 0; font: inherit; color: inherit; text-transform: inherit; letter-spacing: inherit; cursor: pointer; }
th button::after { content: " ↕"; opacity: .35; }
th[aria-sort="ascending"] button::after { content: " ↑"; opacity: 1; }
th[aria-sort="descending"] button::after { content: " ↓"; opacity: 1; }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
.examples { margin: 0; padding: 0; list-style: none; }
.examples li { margin: 0 0 3px; overflow-wrap: anywhere; font-size: .88rem; }
.examples .where { color: var(--muted); font-size: .82rem; margin-right: 4px; }
.cell-bar { display: flex; align-items: center; gap: 8px; justify-content: flex-end; }
svg.mini { width: 70px; height: 8px; flex: none; }
svg.chart { width: 100%; height: auto; max-height: 360px; display: block; font: inherit; }
svg .track { fill: var(--track); stroke: none; }
svg circle.track { fill: none; stroke: var(--track); }
svg .bar.good { fill: var(--good); } svg .bar.fair { fill: var(--fair); } svg .bar.poor { fill: var(--poor); }
svg .bar.muted { fill: var(--muted); } svg .bar.total { opacity: .85; }
svg .arc.good { stroke: var(--good); } svg .arc.fair { stroke: var(--fair); } svg .arc.poor { stroke: var(--poor); }
svg .axis { stroke: var(--border); stroke-width: 1; }
svg text { fill: var(--text); font-size: 12px; }
svg text.axis-label { fill: var(--muted); }
svg text.strong { font-weight: 700; fill: var(--text); }
svg text.small { font-size: 10.5px; }
svg text.value { font-weight: 600; font-variant-numeric: tabular-nums; }
svg .gauge-value { font-size: 30px; font-weight: 700; }
svg .gauge-label { fill: var(--muted); font-size: 11px; }
.delta.better { color: var(--good); font-weight: 600; } .delta.worse { color: var(--poor); font-weight: 600; }
.delta.same, .delta.changed { color: var(--muted); }
ul.plain { margin: 0; padding-left: 18px; }
.stats { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 0 0 14px; }
.stats div { min-width: 90px; }
.stats dt { color: var(--muted); font-size: .78rem; }
.stats dd { margin: 0; font-weight: 650; font-variant-numeric: tabular-nums; }
details { margin: 0 0 16px; }
details > summary { cursor: pointer; color: var(--muted); font-weight: 600; padding: 4px 0; }
.note { color: var(--muted); font-size: .88rem; margin: 10px 0 0; }
.warning-box { border-left: 4px solid var(--fair); background: var(--fair-bg); padding: 8px 12px; border-radius: 6px; margin: 0 0 8px; color: var(--text); }
footer { color: var(--muted); font-size: .85rem; padding: 18px 0 32px; border-top: 1px solid var(--border); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 640px) { .overview { grid-template-columns: 1fr; justify-items: center; } .overview .kpis { width: 100%; } .wrap { padding-left: 14px; padding-right: 14px; } }
@media print { body { background: #fff; } .card { box-shadow: none; break-inside: avoid; } nav.toc, th button::after { display: none; } }
`;

/** Sorts a table when its column header is clicked; the page reads fine without it. */
export const SORT_SCRIPT = `
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.querySelectorAll("thead th");
  heads.forEach(function (th, col) {
    var label = th.textContent;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var cell = row.cells[col];
        if (!cell) return "";
        var v = cell.getAttribute("data-v");
        return v !== null && v !== "" && !isNaN(Number(v)) ? Number(v) : (v !== null ? v : cell.textContent.trim().toLowerCase());
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return asc ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
`;
