// Starts the coach in the page: the shared DOM layer (www/coach/, the same
// code the extension injects into real helpdesks) with the wasm engine loaded
// in the page, pointed at this page's site profile.
//
// Where the page's CSP forbids WebAssembly (the /strict/ route, like most
// real helpdesks) the in-page engine cannot start; the page then says so
// quietly and leaves the coaching to the extension, and nothing else breaks.

/**
 * An `onStatus` for `startCoach` that shows the status in `element` (the top
 * bar's pill): its text, and the state in `data-state` for the styles.
 */
export function statusIn(element) {
  return (state, text) => {
    element.dataset.state = state;
    element.textContent = text;
  };
}

/**
 * Starts the page coach; `onStatus(state, text)` hears how it goes
 * (`starting`, `running`, `extension`, `waiting`, `unavailable`).
 * Resolves to the coach's handle, or null when the page has none.
 */
export async function startCoach({ mode, agent, site, onStatus }) {
  onStatus('starting', 'coach: starting…');
  let entry;
  try {
    entry = await import('../coach/page.js');
  } catch (err) {
    onStatus('unavailable', 'coach: not built (run scripts/run)');
    console.warn('handoff-coach demo: the DOM layer www/coach/page.js did not load:', err);
    return null;
  }
  try {
    const coach = await entry.startPageCoach({ mode, agent, site });
    onStatus('running', 'coach: running in the page');
    return coach;
  } catch (err) {
    onStatus('waiting', 'coach: waiting for the extension');
    console.info('handoff-coach demo: the in-page engine did not start:', err?.message ?? err);
    return null;
  }
}
