// Starts the coach in the page: the shared DOM layer (www/coach/, the same
// code the extension injects into real helpdesks) with the wasm engine loaded
// in the page, pointed at this page's site profile.
//
// Where the page's CSP forbids WebAssembly (the /strict/ route, like most
// real helpdesks) the in-page engine cannot start; the page then says so
// quietly and leaves the coaching to the extension, and nothing else breaks.
// Where the extension is installed it coaches and the page coach stands down
// (www/coach/handshake.js); the status says which one runs.

const STATUS = {
  starting: 'coach: starting…',
  running: 'coach: running in the page',
  extension: 'coach: running in the extension',
  waiting: 'coach: waiting for the extension',
  unavailable: 'coach: not built (run scripts/run)',
};

/**
 * An `onStatus` for `startCoach` that shows the status in `element` (the top
 * bar's pill): its text, and the state in `data-state` for the styles.
 */
export function statusIn(element) {
  return (state) => {
    element.dataset.state = state;
    element.textContent = STATUS[state] ?? `coach: ${state}`;
  };
}

/**
 * Starts the page coach; `onStatus(state)` hears how it goes: `starting`,
 * then `running` (the page's engine), `extension` (the extension took over,
 * now or later), `waiting` (no engine in this page and no extension yet) or
 * `unavailable` (the DOM layer is not built).
 * Resolves to the coach's handle (`setSettings({mode, agent})`, `stop()`,
 * see www/coach/page.js), or null when the page has none.
 */
export async function startCoach({ mode, agent, sendGuard, site, onStatus }) {
  onStatus('starting');
  let entry;
  let handshake;
  try {
    [entry, handshake] = await Promise.all([import('../coach/page.js'), import('../coach/handshake.js')]);
  } catch (err) {
    onStatus('unavailable');
    console.warn('demo helpdesk: the DOM layer www/coach/page.js did not load:', err);
    return null;
  }
  try {
    const coach = await entry.startPageCoach({ mode, agent, sendGuard, site, onStatus });
    onStatus(coach.state);
    return coach;
  } catch (err) {
    // The page's CSP forbids WebAssembly; the extension, when it comes,
    // announces itself and coaches on its own.
    onStatus('waiting');
    handshake.watchForExtension(() => onStatus('extension'));
    console.info('demo helpdesk: the in-page engine did not start:', err?.message ?? err);
    return null;
  }
}
