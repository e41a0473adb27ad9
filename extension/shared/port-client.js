// The engine as the content script and the extension's pages reach it: a
// long-lived port to the service worker, which hosts the wasm.
//
// The worker is stopped after 30 s idle and its ports close with it. A call
// then reconnects (which starts the worker again; it rebuilds its engine
// from storage) and is sent once more, so the agent's next keystroke still
// gets its findings. A call that gets no answer in time is treated the
// same way: a worker that died mid-call never answers.

const TIMEOUT_MS = 5000;
const ATTEMPTS = 3;
const GONE_CHECK_MS = 500;

class Disconnected extends Error {}

/**
 * An engine client (`read`, `check`, `opening`, `explain`, `auditLine`,
 * `csvHeader`, `limits`, `packInfo`, `validatePack`, `packTests`) over a port. `onGone()` is called once if the extension
 * itself went away (reloaded, updated, removed): this copy of the page's
 * coach must then stop, a new one takes over.
 */
export function portEngine(name = 'engine', { onGone: heardGone = () => {} } = {}) {
  let gone = false;
  const onGone = () => {
    if (gone) return;
    gone = true;
    heardGone();
  };
  let port = null;
  let seq = 0;
  const pending = new Map();

  function drop(p, why) {
    if (port === p) port = null;
    for (const [id, call] of pending) {
      if (call.port === p) {
        pending.delete(id);
        call.reject(new Disconnected(why));
      }
    }
  }

  function connect() {
    const p = chrome.runtime.connect({ name });
    p.onMessage.addListener((msg) => {
      const call = pending.get(msg.id);
      if (!call) return;
      pending.delete(msg.id);
      clearTimeout(call.timer);
      if (msg.error) call.reject(Object.assign(new Error(msg.error.message), msg.error));
      else call.resolve(msg.value);
    });
    p.onDisconnect.addListener(() => {
      drop(p, 'the engine went away');
      // A stopped worker closes its ports too, and then nothing is wrong. An
      // extension turned off or reloaded closes them while this context is
      // still being invalidated: look again a moment later, so the page
      // hears it now rather than at the agent's next keystroke.
      if (!chrome.runtime?.id) onGone();
      else setTimeout(() => chrome.runtime?.id || onGone(), GONE_CHECK_MS);
    });
    port = p;
    return p;
  }

  function send(op, args) {
    return new Promise((resolve, reject) => {
      let p;
      try {
        p = port ?? connect();
      } catch (err) {
        // The extension was reloaded or removed under this page: nothing to retry.
        if (!chrome.runtime?.id) onGone();
        throw err;
      }
      const id = ++seq;
      const timer = setTimeout(() => {
        p.disconnect();
        drop(p, 'the engine did not answer');
      }, TIMEOUT_MS);
      pending.set(id, { port: p, resolve, reject: (e) => (clearTimeout(timer), reject(e)), timer });
      p.postMessage({ id, op, args });
    });
  }

  async function call(op, ...args) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send(op, args);
      } catch (err) {
        if (!(err instanceof Disconnected) || attempt >= ATTEMPTS) throw err;
      }
    }
  }

  return {
    // The answers come from the worker's thread: the coach sends a check as
    // soon as a keystroke's text is in the DOM (www/coach/fields/editable.js).
    remote: true,
    read: (card) => call('read', card),
    check: (context, reply, options) => call('check', context, reply, options),
    opening: (context, agent) => call('opening', context, agent),
    explain: (id) => call('explain', id),
    auditLine: (line) => call('auditLine', line),
    csvHeader: () => call('csvHeader'),
    limits: () => call('limits'),
    packInfo: () => call('packInfo'),
    packTests: () => call('packTests'),
    validatePack: (text) => call('validatePack', text),
  };
}
