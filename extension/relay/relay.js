// The relay: hands one end of a MessageChannel from a content script to the
// service worker, then is thrown away (extension/content/channel.js).
//
// A content script can reach the worker only through extension messaging,
// which routes every message through the browser process and cannot carry a
// MessagePort. This page is the extension's own, so it can: it posts the
// port to the worker (navigator.serviceWorker), and from then on the
// content script and the worker talk directly, with no browser-process hop.
//
// Anything that frames this page can post to it, so it forwards blindly and
// the worker decides: a port comes with the one-time token the worker gave
// the content script over its runtime port, or it is closed unanswered.
addEventListener('message', async (event) => {
  const port = event.ports[0];
  if (!port) return;
  const token = typeof event.data?.token === 'string' ? event.data.token : '';
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ token }, [port]);
});
