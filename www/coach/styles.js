// The coach's own styles, one sheet per host, adopted into its shadow root:
// the page's CSS cannot reach in, ours cannot leak out, and no <style> or
// <link> is added to the page (whose CSP may forbid both).

const SEVERITY = `
  --hc-error: #c5221f; --hc-warning: #b06000; --hc-hint: #1a73e8; --hc-ok: #188038;
`;

/** The fixed overlay over a reply box: underline boxes, mirror, hover card. */
export const OVERLAY_CSS = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; contain: strict; ${SEVERITY} }
:host([hidden]) { display: none; }
.clip { position: absolute; overflow: hidden; }
.box { position: absolute; left: 0; top: 0; box-sizing: border-box; border-bottom: 2px solid; border-radius: 1px; }
.box.error { border-color: var(--hc-error); background: rgb(197 34 31 / 0.08); }
.box.warning { border-color: var(--hc-warning); background: rgb(242 153 0 / 0.10); }
.box.hint { border-bottom-style: dotted; border-color: var(--hc-hint); }
.mirror { position: absolute; left: 0; top: 0; visibility: hidden; margin: 0; }
.card { position: absolute; pointer-events: auto; max-width: 340px; box-sizing: border-box;
  font: 13px/1.4 system-ui, sans-serif; color: #202124; background: #fff; border: 1px solid #dadce0;
  border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.18); padding: 10px 12px; }
.card .rule { font-size: 11px; color: #5f6368; margin: 0 0 4px; }
.card .rule::before { content: "●"; margin-right: 4px; }
.card.error .rule::before { color: var(--hc-error); }
.card.warning .rule::before { color: var(--hc-warning); }
.card.hint .rule::before { color: var(--hc-hint); }
.card p { margin: 0 0 6px; }
.card .suggestion { background: #f1f3f4; border-radius: 4px; padding: 6px 8px; }
.card button { font: inherit; cursor: pointer; border: 0; border-radius: 4px; padding: 4px 12px;
  background: #1a73e8; color: #fff; }
.guard { position: absolute; pointer-events: auto; width: 320px; box-sizing: border-box;
  font: 13px/1.4 system-ui, sans-serif; color: #202124; background: #fff; border: 1px solid #f4b4ae;
  border-left: 4px solid var(--hc-error); border-radius: 8px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.2); padding: 10px 12px; }
.guard p { margin: 0 0 6px; }
.guard .lead { font-weight: 600; }
.guard ul { margin: 0 0 6px; padding-left: 18px; }
.guard button { font: inherit; cursor: pointer; border: 1px solid #dadce0; border-radius: 4px; padding: 3px 10px;
  background: #fff; color: #1a73e8; }
`;

/** The hint panel beside a reply box. */
export const PANEL_CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; display: block; ${SEVERITY}
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; }
:host([hidden]) { display: none; }
.panel { width: 340px; max-height: var(--hc-max-height, 70vh); display: flex; flex-direction: column;
  background: #fff; border: 1px solid #dadce0; border-radius: 10px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.16); overflow: hidden; }
header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid #eceff1; background: #f8f9fa; }
header .title { flex: 1; min-width: 0; overflow: hidden; display: flex; white-space: nowrap; align-items: center; gap: 8px; font: inherit; font-weight: 600;
  background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: left; }
header .title::before { content: "▾"; color: #5f6368; font-size: 11px; }
.panel.collapsed header .title::before { content: "▸"; }
.panel.collapsed .body { display: none; }
.panel.collapsed { width: auto; }
.panel.collapsed select { display: none; }
.panel.collapsed header { border-bottom: 0; }
.mode { font-size: 11px; font-weight: 500; color: #5f6368; text-transform: uppercase; letter-spacing: .04em; }
.score { min-width: 38px; text-align: center; font-weight: 600; border-radius: 10px; padding: 1px 6px; background: #e8eaed; }
.score.good { background: #e6f4ea; color: var(--hc-ok); }
.score.fair { background: #fef7e0; color: var(--hc-warning); }
.score.poor { background: #fce8e6; color: var(--hc-error); }
select { font: inherit; font-size: 12px; max-width: 112px; border: 1px solid #dadce0; border-radius: 4px; background: #fff; }
.body { overflow: auto; padding: 4px 10px 10px; }
h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #5f6368; margin: 10px 0 4px; font-weight: 600; }
.notice { background: #fef7e0; border-radius: 6px; padding: 6px 8px; margin-top: 8px; }
.notice:empty { display: none; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 0; }
dt { color: #5f6368; }
dd { margin: 0; min-width: 0; overflow-wrap: anywhere; white-space: pre-line; border-radius: 3px; padding: 0 2px; outline: none; }
dd[contenteditable]:hover, dd[role=switch]:hover { background: #f1f3f4; cursor: text; }
dd[role=switch] { cursor: pointer; }
dd:focus { background: #e8f0fe; box-shadow: inset 0 0 0 1px #1a73e8; }
dd:empty::before { content: "—"; color: #bdc1c6; }
dd.edited { background: #fef7e0; }
details summary { cursor: pointer; color: #5f6368; margin: 4px 0; }
.reset { margin-top: 4px; }
ul { list-style: none; padding: 0; margin: 0; }
.checklist li { display: flex; gap: 6px; align-items: baseline; padding: 1px 0; }
.checklist li::before { content: "○"; color: #9aa0a6; width: 1em; text-align: center; }
.checklist li[data-hc-ok="true"]::before { content: "✓"; color: var(--hc-ok); font-weight: 700; }
.checklist li[data-hc-ok="false"]::before { content: "✗"; color: var(--hc-error); }
.checklist li:not([data-hc-ok]) { color: #9aa0a6; }
.findings li { border-left: 3px solid #dadce0; padding: 4px 8px; margin: 4px 0; border-radius: 0 4px 4px 0; background: #f8f9fa; cursor: pointer; }
.findings li[data-hc-severity="error"] { border-color: var(--hc-error); }
.findings li[data-hc-severity="warning"] { border-color: var(--hc-warning); }
.findings li[data-hc-severity="hint"] { border-color: var(--hc-hint); }
.findings .rule { font-size: 11px; color: #5f6368; }
.findings p { margin: 2px 0; }
.findings .suggestion { color: #3c4043; font-style: italic; }
.findings .none { color: #5f6368; background: none; border: 0; cursor: default; padding-left: 0; }
.progress { display: none; align-items: center; gap: 8px; padding: 6px 10px; border-bottom: 1px solid #eceff1; }
.trainer .progress { display: flex; }
.panel.collapsed .progress { display: none; }
.meter { flex: 1; height: 6px; border-radius: 3px; background: #e8eaed; overflow: hidden; }
.meter .fill { display: block; height: 100%; width: 0; background: #9aa0a6; transition: width .25s ease-out; }
.meter .fill.good { background: var(--hc-ok); }
.meter .fill.fair { background: #f29900; }
.meter .fill.poor { background: var(--hc-error); }
.change { min-width: 3em; font-size: 12px; font-weight: 600; text-align: right; }
.change.up { color: var(--hc-ok); }
.change.down { color: var(--hc-error); }
.explain { margin: 4px 0 2px; padding: 4px 6px; background: #fff; border-radius: 4px; font-size: 12px; }
.explain p { margin: 2px 0; }
.explain .bad { color: #a50e0e; }
.explain .good { color: #0d652d; }
.opening p { background: #f1f3f4; border-radius: 6px; padding: 6px 8px; margin: 0 0 6px; white-space: pre-wrap; }
button { font: inherit; cursor: pointer; border: 1px solid #dadce0; border-radius: 4px; padding: 3px 10px; background: #fff; color: #1a73e8; }
button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
button:disabled { opacity: .5; cursor: default; }
/* Dimmed only when an answer is slow (panel.js STALE_MS): a keystroke's answer comes within a frame. */
.stale .findings, .stale .checklist { opacity: .6; transition: opacity .1s; }
`;

/** The QA overlay over a conversation: badges on the agent's messages and the audit card. */
export const QA_CSS = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483645; ${SEVERITY}
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; }
:host([hidden]) { display: none; }
.badge { position: absolute; left: 0; top: 0; pointer-events: auto; cursor: pointer; display: flex; align-items: center; gap: 4px;
  font: 600 11px/1 system-ui, sans-serif; border-radius: 10px; padding: 3px 8px; border: 1px solid; background: #fff;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); white-space: nowrap; }
.badge[hidden] { display: none; }
.badge.ok { color: var(--hc-ok); border-color: #a8dab5; background: #e6f4ea; }
.badge.error { color: var(--hc-error); border-color: #f4b4ae; background: #fce8e6; }
.badge.warning { color: var(--hc-warning); border-color: #f6d28b; background: #fef7e0; }
.badge.hint { color: var(--hc-hint); border-color: #aecbfa; background: #e8f0fe; }
.pop { position: absolute; pointer-events: auto; width: 320px; max-height: 50vh; overflow: auto; box-sizing: border-box;
  background: #fff; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.18); padding: 8px 10px; }
.pop[hidden] { display: none; }
.pop h4 { margin: 0 0 4px; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #5f6368; }
.pop ul { list-style: none; margin: 0; padding: 0; }
.pop li { border-left: 3px solid #dadce0; padding: 3px 8px; margin: 4px 0; background: #f8f9fa; border-radius: 0 4px 4px 0; }
.pop li[data-hc-severity="error"] { border-color: var(--hc-error); }
.pop li[data-hc-severity="warning"] { border-color: var(--hc-warning); }
.pop li[data-hc-severity="hint"] { border-color: var(--hc-hint); }
.pop .rule { font-size: 11px; color: #5f6368; }
.pop q { font-style: italic; }
.pop p { margin: 2px 0; }
.card { position: absolute; pointer-events: auto; width: 280px; max-height: calc(100vh - 16px); display: flex; flex-direction: column;
  background: #fff; border: 1px solid #dadce0; border-radius: 10px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.16); overflow: hidden; }
.card header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #f8f9fa; border-bottom: 1px solid #eceff1; }
.card .title { flex: 1; font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; color: inherit; }
.card .title::before { content: "▾ "; color: #5f6368; font-size: 11px; }
.card.collapsed .title::before { content: "▸ "; }
.card.collapsed .body { display: none; }
.card.collapsed header { border-bottom: 0; }
.score { min-width: 38px; text-align: center; font-weight: 600; border-radius: 10px; padding: 1px 6px; background: #e8eaed; }
.score.good { background: #e6f4ea; color: var(--hc-ok); }
.score.fair { background: #fef7e0; color: var(--hc-warning); }
.score.poor { background: #fce8e6; color: var(--hc-error); }
.body { overflow: auto; padding: 4px 10px 10px; }
h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #5f6368; margin: 10px 0 4px; font-weight: 600; }
ul.qa { list-style: none; padding: 0; margin: 0; }
ul.qa li { display: flex; gap: 6px; align-items: baseline; padding: 1px 0; }
ul.qa li::before { content: "–"; color: #9aa0a6; width: 1em; text-align: center; }
ul.qa li[data-hc-ok="true"]::before { content: "✓"; color: var(--hc-ok); font-weight: 700; }
ul.qa li[data-hc-ok="false"]::before { content: "✗"; color: var(--hc-error); }
ul.qa li:not([data-hc-ok]) { color: #9aa0a6; }
dl { display: grid; grid-template-columns: 1fr max-content; gap: 2px 8px; margin: 0; }
dt { color: #5f6368; }
dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.actions { display: flex; gap: 6px; margin-top: 10px; }
button.action { font: inherit; cursor: pointer; border: 1px solid #dadce0; border-radius: 4px; padding: 3px 10px; background: #fff; color: #1a73e8; }
.status { margin: 6px 0 0; color: #5f6368; min-height: 1em; }
.notice { background: #fef7e0; border-radius: 6px; padding: 6px 8px; margin-top: 8px; }
`;

/** The extension's one-line notice where a panel was (the extension went away under the page). */
export const NOTICE_CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; display: block; max-width: 340px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; }
.notice { display: flex; gap: 8px; align-items: flex-start; background: #fef7e0; border: 1px solid #f9d67a;
  border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.16); padding: 8px 10px; }
.notice p { margin: 0; flex: 1; }
button { font: inherit; cursor: pointer; border: 1px solid #dadce0; border-radius: 4px; padding: 1px 8px; background: #fff; }
`;
