// What the editor adapters share: marking the editable element, loading an
// editor's bundle and styles from www/gen/vendor/ (built by
// scripts/vendor.mjs), and splitting plain text into paragraphs.
import { REPLY_ATTRIBUTE } from '../site.js';

/** Marks `el` as the reply box's editable element, with an accessible name. */
export function markEditable(el, label) {
  el.setAttribute(REPLY_ATTRIBUTE, '');
  el.setAttribute('aria-label', label);
}

const styles = new Map();

/** Loads a <link rel=stylesheet> once; resolves when it has loaded. */
function loadStyle(href) {
  if (!styles.has(href)) {
    styles.set(
      href,
      new Promise((resolve, reject) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.addEventListener('load', () => resolve());
        link.addEventListener('error', () => reject(new Error(`cannot load ${href}`)));
        document.head.append(link);
      }),
    );
  }
  return styles.get(href);
}

/**
 * Loads the bundle `name` of www/gen/vendor/ and its styles. Relative to this
 * module, so the page works at / and under /strict/ alike.
 */
export async function loadVendor(name) {
  const base = new URL(`../../gen/vendor/${name}`, import.meta.url).href;
  try {
    const [mod] = await Promise.all([import(`${base}.js`), loadStyle(`${base}.css`)]);
    return mod;
  } catch (err) {
    throw new Error(`the ${name} bundle is missing (run scripts/run, or node scripts/vendor.mjs): ${err.message}`);
  }
}

/** The paragraphs of a plain-text reply ("" is one empty paragraph). */
export function paragraphs(text) {
  return String(text).replace(/\r\n?/g, '\n').split('\n');
}
