// The text a keystroke is about to make, worked out at its `beforeinput`.
//
// With the engine on another thread (the extension's service worker), a
// check can leave before the browser has edited the reply: between a key's
// `beforeinput` and its `input` the browser (or the rich editor) updates the
// DOM and lays it out, 1-2 ms on a 2,000-character reply, and the worker
// spends them checking the text the key will make. The guess is only ever a
// head start: the answer is used only if the reply then holds exactly that
// text (Session compares when it arrives), so a key the page cancels, an
// editor that does something else, or a guess that is simply wrong costs one
// more check and nothing else. Only plain typing is guessed: a character or
// a line break, never while an IME composes, never a deletion (what one
// removes depends on grapheme clusters and the editor).

/**
 * The characters `event` (a `beforeinput`) types, or null when it is not
 * plain typing. `lineBreaks`: whether Enter types "\n" into this field
 * (a textarea; in a one-line input it submits).
 */
export function typedText(event, lineBreaks) {
  if (event.isComposing) return null;
  if (event.inputType === 'insertText') return typeof event.data === 'string' && event.data ? event.data : null;
  if (event.inputType === 'insertLineBreak' && lineBreaks) return '\n';
  return null;
}
