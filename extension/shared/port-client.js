// The engine as the content script and the extension's pages reach it: a
// long-lived port to the service worker, which hosts the wasm.
//
// The worker is stopped after 30 s idle and its ports close with it. A call
// then reconnects (which starts the worker again; it rebuilds its engine
// from storage) and is sent once more, so the agent's next keystroke still
// gets its findings. A call that gets no answer in time is treated the
// same way: a worker that died mid-call never answers.
//
// A content script may also have a direct line to the worker (`channel`,
// see extension/content/channel.js): once it is open, checks go out over it
// and their answers still come back over the runtime port (the worker says
// why each way is the faster one). Only checks, the one call made on every
// keystroke: the line is not ordered with extension events, so a call over
// it could overtake the storage change that swaps the worker's rule pack,
// and `packInfo` after a pack import must see the new pack.
//
// The runtime port also says when the worker stops: the line dies with the
// worker without a word, so its calls are counted as the runtime port's and
// sent again when that closes. And its traffic is what keeps the worker
// awake, so a line in use pings over it now and then.

const TIMEOUT_MS = 5000;
const ATTEMPTS = 3;
const GONE_CHECK_MS = 500;
// Chrome stops a worker 30 s after the last extension event; messages on a
// channel are not extension events, so a channel in use sends one this often.
const KEEPALIVE_MS = 15000;

class Disconnected extends Error {}

/**
 * An engine client (`read`, `check`, `opening`, `explain`, `auditLine`,
 * `csvHeader`, `limits`, `packInfo`, `validatePack`, `packTests`) over a
 * port. `onGone()` is called once if the extension itself went away
 * (reloaded, updated, removed): this copy of the page's coach must then
 * stop, a new one takes over. `channel(token)`, if given, opens a direct
 * line to the worker (resolves to a MessagePort, or null); it is tried once
 * per worker, at the first check.
 */
export function portEngine(name = 'engine', { onGone: heardGone = () => {}, channel = null } = {}) {
  let gone = false;
  const onGone = () => {
    if (gone) return;
    gone = true;
    heardGone();
  };
  let port = null;
  // The direct line, `{ line: MessagePort, via: runtime port }`, good while
  // `via` is the runtime port in use (the same worker).
  let fast = null;
  let tried = null; // the runtime port a channel was last tried for
  let pinged = 0;
  let seq = 0;
  const pending = new Map();

  function settle(msg) {
    const call = pending.get(msg?.id);
    if (!call) return;
    pending.delete(msg.id);
    clearTimeout(call.timer);
    if (msg.error) call.reject(Object.assign(new Error(msg.error.message), msg.error));
    else call.resolve(msg.value);
  }

  function drop(p, why) {
    if (port === p) port = null;
    if (fast?.via === p) {
      fast.line.close();
      fast = null;
    }
    for (const [id, call] of pending) {
      if (call.port === p) {
        pending.delete(id);
        call.reject(new Disconnected(why));
      }
    }
  }

  function connect() {
    const p = chrome.runtime.connect({ name });
    p.onMessage.addListener(settle);
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
      if (op !== 'check') {
        p.postMessage({ id, op, args });
      } else if (fast?.via === p) {
        fast.line.postMessage({ id, op, args });
        keepAwake(p);
      } else {
        p.postMessage({ id, op, args });
        tryChannel(p);
      }
    });
  }

  /** Opens the channel to the worker behind `p`, once; calls take it when it is ready. */
  async function tryChannel(p) {
    if (!channel || tried === p) return;
    tried = p;
    try {
      const line = await channel(await send('channel', []));
      if (!line) return;
      if (port !== p) {
        line.close();
        return;
      }
      fast = { line, via: p };
      pinged = performance.now();
    } catch {
      // No channel: the runtime port carries everything, as before.
    }
  }

  function keepAwake(p) {
    const now = performance.now();
    if (now - pinged < KEEPALIVE_MS) return;
    pinged = now;
    p.postMessage({ id: 0, op: 'ping' });
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
