// "Pick element" picker, injected on demand from the options page: the user
// clicks an element of the chat page and the options page receives a CSS
// selector for it. Esc cancels. Nothing on the page is clicked through.
(() => {
  'use strict';
  const api = globalThis.browser ?? globalThis.chrome;
  if (globalThis.__cuifuPicker) return;
  globalThis.__cuifuPicker = true;

  let request = null;
  const box = document.createElement('div');
  box.style.cssText =
    'position:fixed;z-index:2147483647;pointer-events:none;border:2px solid #ff5000;background:rgba(255,80,0,.12);border-radius:3px;display:none';
  const tip = document.createElement('div');
  tip.style.cssText =
    'position:fixed;z-index:2147483647;pointer-events:none;left:8px;bottom:8px;padding:4px 8px;border-radius:4px;background:#1f2328;color:#fff;font:12px/1.4 monospace;display:none;max-width:90vw;overflow:hidden;white-space:nowrap;text-overflow:ellipsis';

  const stableClass = (c) => c && !/\d{3,}|^(active|selected|hover|focus|open|on|is-|has-)|[A-Za-z]+-[A-Za-z0-9]{5,}$/.test(c);
  const esc = (s) => (globalThis.CSS?.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, '\\$&'));

  /** One step: tag, id or a few stable classes. */
  function step(el) {
    const tag = el.tagName.toLowerCase();
    const classes = [...el.classList].filter(stableClass).slice(0, 2).map((c) => '.' + esc(c)).join('');
    return classes ? `${tag}${classes}` : tag;
  }

  /**
   * A selector for `el`: unique on the page unless `many` (message lists:
   * then it matches all siblings of the same kind); `rel` gives a short
   * selector to use inside a message or item.
   */
  function selectorFor(el, { many, rel }) {
    if (rel) return step(el);
    if (!many && el.id && !/\d{4,}/.test(el.id)) return '#' + esc(el.id);
    const parts = [];
    let cur = el;
    for (let depth = 0; cur && cur !== document.body && depth < 5; depth++) {
      let s = step(cur);
      if (!many && cur.parentElement) {
        const same = [...cur.parentElement.children].filter((c) => c.tagName === cur.tagName);
        if (same.length > 1) s += `:nth-of-type(${same.indexOf(cur) + 1})`;
      }
      if (cur.id && !/\d{4,}/.test(cur.id) && depth > 0) {
        parts.unshift('#' + esc(cur.id));
        break;
      }
      parts.unshift(s);
      const sel = parts.join(' > ');
      try {
        const found = document.querySelectorAll(sel);
        if (!many && found.length === 1) return sel;
      } catch {
        // keep climbing
      }
      cur = cur.parentElement;
    }
    return parts.join(' > ');
  }

  function onMove(e) {
    if (!request) return;
    const el = e.target;
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: r.left + 'px', top: r.top + 'px', width: r.width + 'px', height: r.height + 'px' });
    tip.style.display = 'block';
    tip.textContent = selectorFor(el, request);
  }

  function finish(result) {
    const req = request;
    request = null;
    box.style.display = tip.style.display = 'none';
    removeEventListener('mousemove', onMove, true);
    removeEventListener('click', onClick, true);
    removeEventListener('keydown', onKey, true);
    if (req && result) api.runtime.sendMessage({ type: 'picked', ...req, ...result }).catch(() => {});
  }

  function onClick(e) {
    if (!request) return;
    e.preventDefault();
    e.stopPropagation();
    const el = e.target;
    finish({ selector: selectorFor(el, request), sample: (el.textContent || '').trim().slice(0, 80) });
  }

  function onKey(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      finish({ cancelled: true });
    }
  }

  api.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg?.type !== 'pick') return;
    document.documentElement.append(box, tip);
    request = { field: msg.field, adapter: msg.adapter, many: !!msg.many, rel: !!msg.rel };
    addEventListener('mousemove', onMove, true);
    addEventListener('click', onClick, true);
    addEventListener('keydown', onKey, true);
    reply({ ok: true });
  });
})();
