// Only one coach per page: when the extension runs on a page that also
// starts its own coach (the demo pages), the extension wins.
//
// The two never share JavaScript (the extension lives in an isolated world)
// but they share the document, and an event dispatched on it reaches
// listeners in both worlds synchronously. So no element of the page is
// marked: the extension answers a probe, and also announces itself when it
// arrives late; the page coach stands down as soon as it hears either.

const PROBE = 'handoff-coach:probe';
const PRESENT = 'handoff-coach:extension-present';

/**
 * The extension's side: says it is here, now and whenever asked while
 * `alive()` (a content script cut off by an extension update must not keep
 * answering for the new one). Returns a function that stops answering.
 */
export function announceExtension(doc = document, alive = () => true) {
  const answer = () => alive() && doc.dispatchEvent(new Event(PRESENT));
  doc.addEventListener(PROBE, answer);
  answer();
  return () => doc.removeEventListener(PROBE, answer);
}

/**
 * The page coach's side: calls `onPresent` if the extension is here (at
 * once, before this returns) or arrives later. Returns a function that
 * stops listening.
 */
export function watchForExtension(onPresent, doc = document) {
  doc.addEventListener(PRESENT, onPresent);
  doc.dispatchEvent(new Event(PROBE));
  return () => doc.removeEventListener(PRESENT, onPresent);
}
