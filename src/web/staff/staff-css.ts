/**
 * The staff pages' one stylesheet, served from memory at /personal/stil.css
 * (the CSP allows no inline style). The site's colour tokens and GOV.UK-style
 * form patterns (src/styles/site.css, tip-form.css), made denser for work
 * at a desk, and readable at 320 px. Colour never carries meaning alone:
 * unread tips are also bold and say "Oläst", personal data is marked and named.
 * The print part puts the lägesbild's week on A4 for the meeting: no navigation
 * or forms, tables that fit the width and keep their rows whole, charts in grey.
 */
export const STAFF_CSS = `
:root {
  --text: #1b1b1b; --muted: #4a4f55; --background: #fff; --brand: #0b3a53; --link: #005a9c;
  --surface: #eef3f6; --border: #b1b4b6; --error: #b3261e; --action: #00703c; --action-hover: #005a30;
  --warning: #7a4a00; --mark: #fff1c2; --focus: #ffdd00; --focus-text: #0b0c0c;
  --font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: var(--background); font-family: var(--font); font-size: 1rem; line-height: 1.5; overflow-wrap: break-word; }
.skip-link { position: absolute; inset-inline-start: -10000px; }
.skip-link:focus { position: static; display: block; padding: 0.75rem 1rem; background: var(--focus); color: var(--focus-text); }
.container { max-inline-size: 80rem; margin-inline: auto; padding-inline: clamp(0.75rem, 3vw, 1.5rem); }
header.staff-header { background: var(--brand); color: #fff; }
.staff-header .container { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; padding-block: 0.75rem; }
.staff-header a, .staff-header .who { color: #fff; }
.staff-name { font-weight: 700; font-size: 1.1rem; text-decoration: none; }
.staff-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; list-style: none; }
.staff-nav a[aria-current='page'] { font-weight: 700; text-decoration-thickness: 0.2em; }
.staff-user { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.staff-user form { margin: 0; }
main { padding-block: 1rem 3rem; }
main:focus { outline: none; }
h1, h2, h3 { color: var(--brand); line-height: 1.25; }
h1 { font-size: clamp(1.5rem, 4vw, 2rem); margin-block: 0.5rem 1rem; }
h2 { font-size: 1.3rem; margin-block: 1.75rem 0.5rem; }
p, ul, ol, dl { max-inline-size: 48rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--focus-text); outline-offset: 2px; }
a:focus-visible { color: var(--focus-text); background: var(--focus); box-shadow: 0 0 0 3px var(--focus); text-decoration: none; }
.visually-hidden { position: absolute !important; inline-size: 1px !important; block-size: 1px !important; overflow: hidden !important; clip-path: inset(50%) !important; white-space: nowrap !important; }
.lead { font-size: 1.15rem; }
.muted { color: var(--muted); }
.notice { padding: 0.75rem 1rem; border-inline-start: 6px solid var(--brand); background: var(--surface); max-inline-size: 48rem; }
.notice--success { border-color: var(--action); }
.notice--warning { border-color: var(--warning); }
.error-summary { padding: 1rem; border: 4px solid var(--error); max-inline-size: 48rem; margin-block-end: 1.5rem; }
.error-summary:focus { outline: 3px solid var(--focus-text); }
.error-summary h2 { margin-block-start: 0; color: var(--error); }
.error-message { display: block; color: var(--error); font-weight: 700; }
.field { margin-block-end: 1.25rem; }
.field--error { padding-inline-start: 0.75rem; border-inline-start: 5px solid var(--error); }
label, legend { display: block; font-weight: 700; margin-block-end: 0.25rem; }
fieldset { margin: 0 0 1.25rem; padding: 0; border: 0; min-inline-size: 0; }
.hint { display: block; color: var(--muted); margin-block-end: 0.35rem; }
input[type='text'], input[type='email'], input[type='search'], input[type='week'], select, textarea {
  font: inherit; inline-size: 100%; max-inline-size: 32rem; min-block-size: 2.75rem; padding: 0.4rem 0.5rem; border: 2px solid var(--text); border-radius: 0; background: #fff; color: var(--text);
}
textarea { min-block-size: 6rem; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--focus-text); }
.choice { display: flex; gap: 0.5rem; align-items: flex-start; margin-block: 0.35rem; }
.choice input { inline-size: 1.5rem; block-size: 1.5rem; margin: 0.1rem 0 0; flex: none; }
.choice label { font-weight: 400; margin: 0; }
button, .button { font: inherit; font-weight: 700; display: inline-block; min-block-size: 2.75rem; padding: 0.5rem 1rem; border: 2px solid transparent; background: var(--action); color: #fff; cursor: pointer; text-decoration: none; box-shadow: 0 2px 0 #002d18; }
button:hover, .button:hover { background: var(--action-hover); }
button:focus-visible, .button:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; background: var(--focus); color: var(--focus-text); box-shadow: 0 2px 0 var(--focus-text); }
button.secondary { background: var(--surface); color: var(--text); box-shadow: 0 2px 0 #929191; }
button.warning { background: var(--error); }
button.link { background: none; border: 0; box-shadow: none; padding: 0; min-block-size: 0; color: inherit; text-decoration: underline; font-weight: 400; }
.filters { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); align-items: end; padding: 1rem; background: var(--surface); margin-block-end: 1rem; }
.filters .field { margin-block-end: 0.75rem; }
.filters .actions { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin-block-end: 0.75rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; inline-size: 100%; }
caption { text-align: start; font-weight: 700; padding-block: 0.5rem; }
th, td { text-align: start; vertical-align: top; padding: 0.5rem; border-block-end: 1px solid var(--border); }
thead th { border-block-end: 2px solid var(--text); }
tr.unread td { font-weight: 700; }
.tag { display: inline-block; padding: 0 0.35rem; border: 1px solid currentColor; font-size: 0.9rem; font-weight: 700; white-space: nowrap; }
.pager { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-block: 1rem; }
dl.fields { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.35rem 1rem; }
dl.fields dt { font-weight: 700; }
dl.fields dd { margin: 0; }
@media (max-width: 40rem) { dl.fields { grid-template-columns: 1fr; } dl.fields dd { margin-block-end: 0.5rem; } }
.description { white-space: pre-wrap; padding: 1rem; border: 1px solid var(--border); background: #fff; max-inline-size: 48rem; unicode-bidi: isolate; }
mark.pii { background: var(--mark); color: var(--text); border-block-end: 2px solid var(--warning); }
.pii-kind { font-size: 0.8rem; font-weight: 700; }
.panels { display: grid; gap: 1rem 2rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
.panel { border-block-start: 4px solid var(--brand); padding-block-start: 0.5rem; }
.notes { list-style: none; padding: 0; }
.notes li { padding: 0.5rem 0; border-block-end: 1px solid var(--border); }
.notes .note-body { white-space: pre-wrap; unicode-bidi: isolate; }
.week-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; padding: 0; list-style: none; max-inline-size: none; }
.chart-and-table { display: grid; gap: 1rem 2rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); align-items: start; }
figure.chart { margin: 0 0 1rem; }
svg.lagesbild-chart { inline-size: 100%; block-size: auto; max-inline-size: 45rem; }
table.numbers td, table.numbers tfoot th { text-align: end; font-variant-numeric: tabular-nums; }
table.numbers thead th:not(:first-child) { text-align: end; }
table.numbers td.sum, table.numbers tfoot td { font-weight: 700; }
table.matrix { font-size: 0.9rem; }
table.matrix thead th { vertical-align: bottom; }
table.trend th[scope='row'] { white-space: nowrap; }
abbr[title] { text-decoration: none; }
.entries { list-style: none; padding: 0; }
.entries li { padding-block: 0.5rem; border-block-end: 1px solid var(--border); }
.entries p { margin-block: 0.15rem; }
.entry-summary, .meeting-notes { white-space: pre-wrap; unicode-bidi: isolate; }
.meeting-notes { padding: 0.75rem 1rem; border: 1px solid var(--border); max-inline-size: 48rem; }
.entry-controls { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; align-items: baseline; }
form.inline { display: inline; margin: 0; }
input.short { max-inline-size: 12rem; }
section.panel { margin-block-start: 1.5rem; }
@media print {
  @page { size: A4; margin: 12mm 10mm; }
  :root { --text: #000; --brand: #000; --muted: #000; --border: #555; }
  body { font-size: 9pt; line-height: 1.3; }
  .skip-link, .staff-nav, .staff-user, .no-print, form, .error-summary, .notice[role='status'] { display: none !important; }
  header.staff-header { background: none; color: #000; border-block-end: 1pt solid #000; }
  .staff-header a, .staff-header .who { color: #000; text-decoration: none; }
  .staff-header .container { padding-block: 0 2pt; }
  .container { max-inline-size: none; padding-inline: 0; }
  main { padding-block: 4pt 0; }
  a { color: #000; text-decoration: none; }
  h1 { font-size: 15pt; margin-block: 4pt; }
  h2 { font-size: 12pt; margin-block: 10pt 4pt; break-after: avoid; }
  h3 { font-size: 10pt; margin-block: 6pt 2pt; break-after: avoid; }
  caption { break-after: avoid; }
  p, ul, ol, dl, .meeting-notes { max-inline-size: none; }
  .notice { border: 1pt solid #000; background: none; padding: 3pt 6pt; }
  .lead { font-size: 10pt; }
  .table-wrap { overflow: visible; }
  table { inline-size: 100%; font-size: 7.5pt; }
  table.matrix { font-size: 7pt; }
  th, td { padding: 1.5pt 3pt; border-color: #555; }
  table.matrix th, table.matrix td { overflow-wrap: anywhere; hyphens: auto; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; }
  .chart-and-table { display: block; }
  figure.chart { break-inside: avoid; margin-block: 4pt; }
  svg.lagesbild-chart { max-inline-size: 100%; filter: grayscale(1); }
  .panel { border: 0; }
}
`;
