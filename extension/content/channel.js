// The content script's direct line to the service worker: a MessageChannel
// whose other end is handed to the worker through the extension's relay page
// (extension/relay/relay.js says why a page is needed).
//
// Measured on a 2-core machine under typing load, a runtime port's message
// takes ~1.4 ms to reach the worker, through the browser process, which is
// busy delivering the very keys being typed; a channel's goes from one
// renderer to the other directly, in ~0.4 ms. So calls go out over the
// channel. The runtime port stays: answers come back over it (the worker,
// extension/background.js, says why), it is how the token is asked for and
// how a stopped worker is noticed, and every call falls back to it
// (extension/shared/port-client.js).
//
// The relay is framed in a closed shadow root of a hidden host for the
// moment the hand-over takes (tens of ms, once per worker start), then
// removed: the page never sees its URL, and the coach leaves nothing behind.

const HOST = 'handoff-coach-relay';
const READY_TIMEOUT_MS = 3000;

/**
 * A MessagePort whose other end the worker now answers, or null when the
 * hand-over did not complete in time (a page that blocks the frame, say):
 * then everything goes on over the runtime port.
 */
export async function openChannel(token) {
  const root = document.documentElement;
  if (!root) return null;
  const host = document.createElement(HOST);
  host.hidden = true;
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL('relay/relay.html');
  host.attachShadow({ mode: 'closed' }).append(frame);
  const { port1, port2 } = new MessageChannel();
  let timer;
  const ready = new Promise((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    port1.onmessage = (event) => resolve(event.data?.ready === true);
    frame.addEventListener('load', () => {
      // Only to the extension's own origin: were the frame navigated
      // elsewhere, the port would not be delivered at all.
      frame.contentWindow?.postMessage({ token }, `chrome-extension://${chrome.runtime.id}`, [port2]);
    }, { once: true });
  });
  root.append(host);
  const ok = await ready;
  clearTimeout(timer);
  host.remove();
  port1.onmessage = null;
  if (ok) return port1;
  port1.close();
  return null;
}
