// Small DOM helpers shared by the demo page and the extension's side panel.
// Every piece of data goes in through textContent or an attribute: never
// through innerHTML.

/**
 * Creates an element. `attrs` keys: `class`, `text` (textContent), `on<event>`
 * handlers, `dataset` (object), anything else as an attribute. Children may be
 * nodes, strings (as text) or null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Removes every child of `el`. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/**
 * Fills `el` with `text`, wrapping each `{start, end}` range (UTF-16 offsets,
 * i.e. JS string indices) in a `<mark>`. Overlapping or out-of-range ranges
 * are clipped; `decorate(mark, range)` may add a class or title to each mark.
 */
export function highlight(el, text, ranges = [], decorate = () => {}) {
  clear(el);
  const s = String(text ?? '');
  const sorted = ranges
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(at, Math.min(r.start, s.length));
    const end = Math.min(r.end, s.length);
    if (end <= start) continue;
    if (start > at) el.append(document.createTextNode(s.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = s.slice(start, end);
    decorate(mark, r);
    el.append(mark);
    at = end;
  }
  if (at < s.length) el.append(document.createTextNode(s.slice(at)));
  return el;
}

/** Copies `text` to the clipboard; resolves to true when it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no focus, insecure context): old-style fallback.
    const ta = h('textarea', { class: 'cf-offscreen', readonly: true });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
}

/** A button that copies `getText()` and says so for a moment. */
export function copyButton(getText, labels) {
  const btn = h('button', { type: 'button', class: 'cf-copy', text: labels.copy });
  btn.addEventListener('click', async () => {
    const ok = await copyText(typeof getText === 'function' ? getText() : String(getText));
    btn.textContent = ok ? labels.copied : labels.copyFailed;
    btn.classList.toggle('cf-copy--done', ok);
    setTimeout(() => {
      btn.textContent = labels.copy;
      btn.classList.remove('cf-copy--done');
    }, 1200);
  });
  return btn;
}
