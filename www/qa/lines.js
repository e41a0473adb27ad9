// Reading an audit file as the command line does, but in a browser: the
// file is streamed (never read whole), cut into batches of whole lines, and
// each batch goes to a worker whose engine splits it into lines and audits
// them one by one with the command line's own line reader (blank lines
// skipped, bad lines refused with the same words). This module only finds
// the line breaks: it says where each batch starts in the file and which
// line number it starts at, so that a result can be traced back to its
// bytes (the drill-down reads one line again from the file).

const NEWLINE = 10;

/** `chunks` (Uint8Arrays) as one. */
function join(chunks, length) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Offsets of the line starts in `bytes` (a batch of whole lines). */
function lineStarts(bytes) {
  const starts = [0];
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(NEWLINE, i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The batches of `file` (a Blob), in order:
 *   `{bytes, first, offset, starts}`: whole lines (each but maybe the file's
 *     last ending in "\n"), the first being line `first` (1-based), at byte
 *     `offset` of the file; `starts[i]` is where line `first + i` starts in
 *     `bytes`;
 *   `{tooLong: {line, length}}`: a line longer than `maxLine` bytes, which is
 *     counted and skipped, never held.
 * A batch holds about `batchBytes` bytes.
 */
export async function* batches(file, { batchBytes = 256 << 10, maxLine = 4 << 20 } = {}) {
  const reader = file.stream().getReader();
  let pending = [];
  let pendingLength = 0;
  let line = 1;
  let offset = 0; // of the first pending byte in the file
  let skipping = null; // the too-long line being skipped: {line, length}

  // Cuts the pending bytes after their last line break (all of them at the end).
  function* cut(final) {
    if (!pendingLength) return;
    const data = join(pending, pendingLength);
    const end = final ? data.length : data.lastIndexOf(NEWLINE) + 1;
    if (end === 0) {
      // No line break yet: a line in the making, unless it is already too long.
      pending = [data];
      if (data.length > maxLine) {
        skipping = { line, length: data.length };
        offset += data.length;
        pending = [];
        pendingLength = 0;
      }
      return;
    }
    // A batch owns its buffer whole: it is handed to a worker by transfer.
    const owned = end === data.length && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    const bytes = owned ? data : data.slice(0, end);
    const starts = lineStarts(bytes);
    // What follows the batch is kept first: the batch's buffer is about to
    // be transferred away.
    const rest = data.slice(end);
    pending = rest.length ? [rest] : [];
    pendingLength = rest.length;
    const batchOffset = offset;
    line += starts.length;
    offset += end;
    yield { bytes, first: line - starts.length, offset: batchOffset, starts };
  }

  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    let chunk = value;
    if (skipping) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) {
        skipping.length += chunk.length;
        offset += chunk.length;
        continue;
      }
      skipping.length += nl;
      yield { tooLong: skipping };
      skipping = null;
      line += 1;
      offset += nl + 1;
      chunk = chunk.subarray(nl + 1);
    }
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= batchBytes) yield* cut(false);
  }
  if (skipping) yield { tooLong: skipping };
  else yield* cut(true);
}
