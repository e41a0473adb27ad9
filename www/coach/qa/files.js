// Handing audits to the reviewer as files: CSV text from the engine's own
// header and cells (`csvHeader()` and an audit's `row`, the columns
// `handoff-coach audit --format csv` prints), and a download made in the
// browser (a blob URL: nothing is uploaded anywhere). The QA overlay and the
// QA page both use these.

/** One CSV field, quoted when it must be (RFC 4180, as the command line's csv writer does). */
function field(cell) {
  const text = String(cell ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text: the header line, then one line per row. */
export function csvText(header, rows) {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}

/** Offers `text` as a file named `name` (a download of a blob, in this page). */
export function saveFile(name, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  // A detached link: the page's own DOM is never touched.
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Puts `text` on the clipboard; resolves to whether it got there. Without
 * the clipboard API (or its permission) it copies from a selection in
 * `scratch`, an element of the caller's own (a shadow root), never the page's.
 */
export async function copyText(text, scratch) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.cssText = 'position:fixed;left:-9999px;top:0;';
    scratch.append(area);
    area.select();
    const ok = document.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  }
}
