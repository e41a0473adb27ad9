// The trainer page: the guide's four training exercises, played with the
// same engine as the coach (the wasm in this page, www/coach/page.js):
//
//   1 reading.js   Context speed reading: the card against a 30 s clock,
//                  graded against the engine's reading (gradeReading)
//   2 opening.js   First message practice: the real coach (trainer mode) on
//                  a reply box, the ready opening on demand
//   3 roleplay.js  Role-play: the customer's persona and lines, the agent's
//                  card, a debrief checklist (the guide's QA items)
//   4 spotting.js  Mistake spotting: click the agent's faulty messages,
//                  graded against the engine's audit of the conversation
//
// This module loads the scenarios (./scenarios.js), switches exercises and
// scenarios, and keeps the session's results, which download as JSON.
// Nothing leaves the browser. For tests: `window.trainer` = {ready,
// results(), scenarios()}.
import { pageEngine } from '../coach/page.js';
import { saveFile } from '../coach/qa/files.js';
import { OpeningExercise } from './opening.js';
import { ReadingExercise } from './reading.js';
import { RoleplayExercise } from './roleplay.js';
import { defaultScenarios, parseScenarios } from './scenarios.js';
import { SpottingExercise } from './spotting.js';

const $ = (id) => document.getElementById(id);
const section = (name) => document.querySelector(`[data-tr-exercise="${name}"]`);

const session = { started: new Date().toISOString(), results: [] };
let set = null; // the scenario set in use
let exercises = {};

/** Adds one exercise's result to the session (each exercise calls it). */
function record(exercise, scenario, result) {
  session.results.push({ exercise, scenario: scenario.id, at: new Date().toISOString(), ...result });
  $('tr-result-count').textContent = String(session.results.length);
  $('tr-download').disabled = false;
}

function current() {
  return set.scenarios.find((s) => s.id === $('tr-scenario').value) ?? set.scenarios[0];
}

function useSet(next, from) {
  set = next;
  $('tr-scenario').replaceChildren(...set.scenarios.map((s) => {
    const o = document.createElement('option');
    o.value = s.id;
    o.textContent = s.title;
    return o;
  }));
  $('tr-set').textContent = `${set.title ?? 'Scenarios'} · ${set.scenarios.length} scenario${set.scenarios.length === 1 ? '' : 's'} (${from})`;
  showScenario();
}

function showScenario() {
  const s = current();
  for (const ex of Object.values(exercises)) ex.show(s);
}

function showTab(name) {
  for (const tab of document.querySelectorAll('[data-tr-tab]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.trTab === name));
  }
  for (const ex of document.querySelectorAll('[data-tr-exercise]')) ex.hidden = ex.dataset.trExercise !== name;
}

function loadStatus(text, ok) {
  const el = $('tr-load-status');
  el.hidden = !text;
  el.textContent = text;
  el.dataset.ok = String(ok);
}

async function start() {
  const engine = await pageEngine();
  $('tr-engine').dataset.state = 'running';
  $('tr-engine').textContent = 'engine: running in the page';
  exercises = {
    reading: new ReadingExercise(section('reading'), { engine, record }),
    opening: new OpeningExercise(section('opening'), { engine, record }),
    roleplay: new RoleplayExercise(section('roleplay'), { engine, record }),
    spotting: new SpottingExercise(section('spotting'), { engine, record }),
  };
  await Promise.all(Object.values(exercises).map((ex) => ex.ready));
  useSet(await defaultScenarios(), 'scenarios.json');
}

const ready = start().catch((err) => {
  $('tr-engine').dataset.state = 'error';
  $('tr-engine').textContent = `engine: did not start (${err?.message ?? err})`;
  throw err;
});

$('tr-scenario').addEventListener('change', showScenario);
document.querySelector('[role=tablist]').addEventListener('click', (e) => {
  const tab = e.target.closest('[data-tr-tab]');
  if (tab) showTab(tab.dataset.trTab);
});

const picker = document.querySelector('input[data-tr-action="load-scenarios"]');
picker.addEventListener('change', async () => {
  const [file] = picker.files;
  if (!file) return;
  try {
    await ready;
    useSet(parseScenarios(await file.text()), file.name);
    loadStatus(`Loaded ${set.scenarios.length} scenarios from ${file.name}.`, true);
  } catch (err) {
    loadStatus(`${file.name} was not loaded: ${err.message}`, false);
  } finally {
    picker.value = '';
  }
});

$('tr-download').addEventListener('click', () => {
  const results = {
    format: 'handoff-coach trainer results 1',
    trainee: $('tr-trainee').value.trim() || null,
    scenarios: set?.title ?? null,
    started: session.started,
    saved: new Date().toISOString(),
    results: session.results,
  };
  const day = session.started.slice(0, 10);
  saveFile(`handoff-training-${day}.json`, `${JSON.stringify(results, null, 2)}\n`, 'application/json');
});

window.trainer = { ready, results: () => structuredClone(session.results), scenarios: () => set };
