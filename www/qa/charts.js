// The QA page's charts, drawn as SVG: a column chart (a distribution over
// bins) and a bar chart (a share per item). Every label goes in through
// `textContent`; the charts size themselves to their viewBox, so CSS sets
// their width.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * Columns: `bins` is `[{label, count, kind}]` (`kind` colours a column:
 * good, fair, poor or none). Each column says its count; the whole says
 * what it shows in `title`.
 */
export function columns(title, bins) {
  const width = 460;
  const height = 200;
  const bottom = 36;
  const top = 14;
  const max = Math.max(1, ...bins.map((b) => b.count));
  // Room for the longest tick (about 7 units a digit at the chart's 11px).
  const left = 14 + 7 * String(max).length;
  const slot = (width - left - 6) / bins.length;
  const scale = (height - top - bottom) / max;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart columns' });
  root.append(svg('title', {}, title));
  const axis = height - bottom;
  root.append(svg('line', { x1: left, y1: axis, x2: width - 4, y2: axis, class: 'axis' }));
  for (const tick of [0, Math.round(max / 2), max]) {
    const y = axis - tick * scale;
    root.append(svg('text', { x: left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, String(tick)));
  }
  bins.forEach((b, i) => {
    const h = b.count * scale;
    const x = left + i * slot + slot * 0.12;
    const w = slot * 0.76;
    const g = svg('g', { class: `bin ${b.kind ?? ''}`, 'data-count': b.count });
    g.append(svg('title', {}, `${b.label}: ${b.count}`));
    g.append(svg('rect', { x, y: axis - h, width: w, height: Math.max(h, b.count ? 1 : 0), rx: 2 }));
    if (b.count) g.append(svg('text', { x: x + w / 2, y: axis - h - 3, class: 'count', 'text-anchor': 'middle' }, String(b.count)));
    g.append(svg('text', { x: x + w / 2, y: axis + 14, class: 'label', 'text-anchor': 'middle' }, b.label));
    root.append(g);
  });
  return root;
}

/**
 * Bars: `items` is `[{label, share (0..1, or null), note}]`, one row each,
 * the share drawn and written as a percentage.
 */
export function bars(title, items) {
  const width = 460;
  const row = 26;
  const labelWidth = 230;
  const height = items.length * row + 8;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart bars' });
  root.append(svg('title', {}, title));
  items.forEach((item, i) => {
    const y = 4 + i * row;
    const span = width - labelWidth - 54;
    const share = item.share ?? 0;
    const kind = item.share === null ? 'none' : share >= 0.8 ? 'good' : share >= 0.5 ? 'fair' : 'poor';
    const g = svg('g', { class: `bar ${kind}` });
    g.append(svg('title', {}, `${item.label}: ${item.share === null ? 'n/a' : `${Math.round(share * 100)}%`} ${item.note ?? ''}`.trim()));
    // A long label is shortened to fit; the row's title holds it whole.
    const label = item.label.length > 34 ? `${item.label.slice(0, 33)}…` : item.label;
    g.append(svg('text', { x: 0, y: y + 16, class: 'label' }, label));
    g.append(svg('rect', { x: labelWidth, y: y + 4, width: span, height: 14, rx: 3, class: 'track' }));
    g.append(svg('rect', { x: labelWidth, y: y + 4, width: span * share, height: 14, rx: 3 }));
    g.append(svg('text', { x: width - 4, y: y + 16, class: 'count', 'text-anchor': 'end' },
      item.share === null ? 'n/a' : `${Math.round(share * 100)}%`));
    root.append(g);
  });
  return root;
}
