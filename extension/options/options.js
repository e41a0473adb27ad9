// The options page: mode, agent name, the sites the coach may run on (each
// one granted by the user through Chrome's own prompt), and the rule pack.
//
// A pack is imported only when the engine validates it (a refusal names the
// line and column), the browser accepts its CSS selectors, and its own
// [[tests]] pass; only then is its text stored, and the service worker
// rebuilds its engine from it.
import { KNOWN_SITES, loadSettings, saveSettings } from '../shared/settings.js';
import { portEngine } from '../shared/port-client.js';

const $ = (id) => document.getElementById(id);
const engine = portEngine('options');

function status(el, text, kind = '') {
  el.textContent = text;
  el.className = `status ${kind}`;
}

async function showSettings() {
  const s = await loadSettings();
  $('mode').value = s.mode;
  $('agent').value = s.agent;
  $('send-guard').checked = s.sendGuard;
  const patterns = [...new Set([...KNOWN_SITES.map(([, p]) => p), ...s.sites])];
  const label = (p) => KNOWN_SITES.find(([, q]) => q === p)?.[0] ?? p;
  const granted = await Promise.all(patterns.map((p) => chrome.permissions.contains({ origins: [p] })));
  $('sites').replaceChildren(...patterns.map((pattern, i) => {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: s.sites.includes(pattern) && granted[i] });
    box.dataset.pattern = pattern;
    box.addEventListener('change', () => setSite(pattern, box.checked));
    const code = document.createElement('code');
    code.textContent = pattern;
    const l = document.createElement('label');
    l.append(box, `${label(pattern)} `, code);
    const li = document.createElement('li');
    li.append(l);
    return li;
  }));
}

/** Enables a site: Chrome asks the user for access first (this is the click's own task). */
async function setSite(pattern, on) {
  const s = await loadSettings();
  if (on) {
    let ok = false;
    try {
      ok = await chrome.permissions.request({ origins: [pattern] });
    } catch (err) {
      status($('sites-status'), `${pattern}: ${err.message}`, 'error');
    }
    if (!ok) {
      await showSettings();
      return;
    }
    await saveSettings({ sites: [...new Set([...s.sites, pattern])] });
    status($('sites-status'), `The coach runs on ${pattern}.`, 'ok');
  } else {
    await saveSettings({ sites: s.sites.filter((p) => p !== pattern) });
    await chrome.permissions.remove({ origins: [pattern] }).catch(() => {});
    status($('sites-status'), `The coach no longer runs on ${pattern}.`);
  }
  await showSettings();
}

/**
 * Shows the pack in use: `info` is `{pack, changes, problem}` (the engine's
 * packInfo, or a fresh import's validation); `problem` says why a stored pack
 * is not used.
 */
async function showPack(info) {
  const { pack } = await chrome.storage.local.get('pack');
  const el = $('pack-current');
  if (!pack) {
    el.textContent = 'Using the built-in rules.';
    return;
  }
  info ??= await engine.packInfo();
  if (info.problem) {
    el.textContent = `The stored rule pack is not used: ${info.problem}. The built-in rules are in use; import the pack again.`;
    el.dataset.problem = 'true';
    return;
  }
  delete el.dataset.problem;
  const list = document.createElement('ul');
  for (const change of info.changes) list.append(Object.assign(document.createElement('li'), { textContent: change }));
  el.replaceChildren(`Pack “${info.pack.name ?? 'unnamed'}” is in use:`, list);
}

/** Line and column of `needle` in `text` (1-based), for a problem the engine could not place. */
function positionOf(text, needle) {
  const i = text.indexOf(needle);
  if (i < 0) return null;
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - before.lastIndexOf('\n') };
}

/** Why the pack `result` (validatePack's answer for `text`) must be refused, or null. */
function packProblem(text, result) {
  if (!result.ok) {
    const e = result.error;
    return `Refused: line ${e.line}, column ${e.column}: ${e.message}`;
  }
  // The engine checks a selector's shape; the browser is the judge of the rest.
  const selectors = result.pack.sites
    .flatMap((s) => [s.card, s.reply, s.thread, s.send, s.agent, s.customer, s.ai, s.time, s.text]).filter(Boolean);
  for (const selector of selectors) {
    try {
      document.createDocumentFragment().querySelector(selector);
    } catch {
      const at = positionOf(text, selector);
      return `Refused: ${at ? `line ${at.line}, column ${at.column}: ` : ''}the browser rejects the selector "${selector}"`;
    }
  }
  const failed = result.tests.filter((t) => t.missed.length || t.unexpected.length);
  if (failed.length) {
    return ['Refused: the pack\u2019s own tests fail:', ...failed.map((t) => [
      `  test at line ${t.line}:`,
      t.missed.length ? ` expected ${t.missed.join(', ')} to fire` : '',
      t.unexpected.length ? ` expected ${t.unexpected.join(', ')} to stay silent` : '',
    ].join(''))].join('\n');
  }
  return null;
}

async function importPack(file) {
  const el = $('pack-status');
  status(el, `Checking ${file.name}…`);
  const text = await file.text();
  let result;
  try {
    result = await engine.validatePack(text);
  } catch (err) {
    status(el, `${file.name}: ${err.message}`, 'error');
    return;
  }
  const problem = packProblem(text, result);
  if (problem) {
    status(el, `${file.name}: ${problem}`, 'error');
    return;
  }
  await chrome.storage.local.set({ pack: text });
  const tests = result.tests.length;
  const passed = tests === 0 ? '' : tests === 1 ? ': its test passes' : `: its ${tests} tests pass`;
  status(el, `${file.name} imported${passed}.`, 'ok');
  await showPack(result);
}

$('mode').addEventListener('change', () => saveSettings({ mode: $('mode').value }));
$('agent').addEventListener('change', () => saveSettings({ agent: $('agent').value.trim() }));
$('send-guard').addEventListener('change', () => saveSettings({ sendGuard: $('send-guard').checked }));
$('custom-site').addEventListener('submit', (e) => {
  e.preventDefault();
  const pattern = $('custom-pattern').value.trim();
  if (!/^(https?|\*):\/\/(\*|(\*\.)?[^/*]+)\/.*$/.test(pattern)) {
    status($('sites-status'), `"${pattern}" is not a match pattern like https://support.example.com/*`, 'error');
    return;
  }
  setSite(pattern, true);
});
$('pack-file').addEventListener('change', (e) => {
  const [file] = e.target.files;
  e.target.value = '';
  if (file) importPack(file);
});
$('pack-remove').addEventListener('click', async () => {
  await chrome.storage.local.remove('pack');
  status($('pack-status'), 'Using the built-in rules.');
  await showPack();
});

showSettings();
showPack();
