// Where one text became another: the changed range, found from the common
// prefix and suffix (a keystroke, a paste, an accepted suggestion are each
// one range). The session uses it to carry underlines over an edit, the
// textarea painter to change its mirror's text in place.

/** Where `before` became `after`: the changed range in both. */
export function editRegion(before, after) {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}
