// Content script: reads the chat page through a site adapter into the
// parts of a ChatContext (messages with roles and times, buyer nick, order
// card), follows the page live, and puts a chosen line into the input box
// when the side panel asks. It never sends a message itself.
(() => {
  'use strict';
  if (globalThis.__cuifuContent) return;
  globalThis.__cuifuContent = true;

  const api = globalThis.browser ?? globalThis.chrome;
  const { pickAdapter, PAID_PATTERN } = globalThis.cuifuAdapters;
  const MAX_MESSAGES = 200;

  let adapter = null;
  let observer = null;
  let last = '';
  let poll = 0;

  const pad = (n) => String(n).padStart(2, '0');

  // Times shown without a zone are the shop's time (default China, +08:00);
  // "today" for a bare "14:35" is the demo clock's date when one is pinned.
  let offset = '+08:00';
  let clock = null;

  function offsetMinutes(o) {
    const m = /^([+-])(\d{2}):(\d{2})$/.exec(o) || [null, '+', '08', '00'];
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }

  /** Today's [year, month, day] in the shop's zone. */
  function today() {
    const base = clock && !Number.isNaN(Date.parse(clock)) ? Date.parse(clock) : Date.now();
    const d = new Date(base + offsetMinutes(offset) * 60000);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }

  /** Reads a time from an element: `datetime`/`data-time` first, then the text. */
  function readTime(el) {
    if (!el) return undefined;
    const attr = el.getAttribute('datetime') || el.getAttribute('data-time') || el.getAttribute('title');
    if (attr && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(attr.trim())) {
      return attr.trim();
    }
    return parseTimeText((attr || '') + ' ' + el.textContent);
  }

  /** "2026-11-24 14:35:02", "11-24 14:35", "11月24日 14:35", "14:35" → RFC 3339 in the shop's zone. */
  function parseTimeText(text) {
    const s = String(text || '');
    let [y, mo, d] = today();
    let m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(s);
    let hh, mm, ss;
    if (m) {
      [y, mo, d, hh, mm, ss] = [+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] || 0)];
    } else if ((m = /(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(s))) {
      [mo, d, hh, mm, ss] = [+m[1], +m[2], +m[3], +m[4], +(m[5] || 0)];
    } else if ((m = /(?:^|\D)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)/.exec(s))) {
      [hh, mm, ss] = [+m[1], +m[2], +(m[3] || 0)];
    } else {
      return undefined;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return undefined;
    return `${y}-${pad(mo)}-${pad(d)}T${pad(hh)}:${pad(mm)}:${pad(ss)}${offset}`;
  }

  /** The first number in a text like "¥1,299.00" or "×2". */
  function readNumber(text) {
    const m = /(\d[\d,]*(?:\.\d+)?)/.exec(String(text || ''));
    if (!m) return undefined;
    const n = Number(m[1].replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }

  function q(rootEl, sel) {
    if (!sel || !rootEl) return null;
    try {
      return rootEl.querySelector(sel);
    } catch {
      return null;
    }
  }
  function qa(rootEl, sel) {
    if (!sel || !rootEl) return [];
    try {
      return [...rootEl.querySelectorAll(sel)];
    } catch {
      return [];
    }
  }
  function is(el, sel) {
    if (!sel) return false;
    try {
      return el.matches(sel) || !!el.querySelector(sel);
    } catch {
      return false;
    }
  }
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');

  /** Reads the page through `a` into {conversationId, buyer, order, messages}. */
  function read(a, agentNicks) {
    const doc = document;
    const nick = text(q(doc, a.buyerNick));
    const messages = [];
    for (const el of qa(doc, a.message).slice(-MAX_MESSAGES)) {
      const body = a.text ? q(el, a.text) : el;
      const t = body ? body.innerText ?? body.textContent : '';
      const words = String(t || '').trim();
      if (!words) continue;
      let from = 'buyer';
      const sender = text(q(el, a.sender));
      if (is(el, a.systemMessage)) from = 'system';
      else if (is(el, a.agentMessage)) from = 'agent';
      else if (is(el, a.buyerMessage)) from = 'buyer';
      else if (sender && agentNicks.some((n) => n && sender.includes(n))) from = 'agent';
      else if (/^(系统|系統|system)/i.test(sender)) from = 'system';
      const m = { from, text: words.slice(0, 1000) };
      const at = readTime(q(el, a.time));
      if (at) m.at = at;
      messages.push(m);
    }
    let order = null;
    const card = a.orderCard ? q(doc, a.orderCard) : null;
    if (card) {
      const status = text(q(card, a.orderStatus)).slice(0, 100);
      order = {
        id: (text(q(card, a.orderId)) || card.getAttribute('data-order-id') || '').slice(0, 100) || undefined,
        placedAt: readTime(q(card, a.orderPlacedAt)),
        amount: readNumber(text(q(card, a.orderAmount))),
        status: status || undefined,
        paid: status ? new RegExp(a.paidPattern || PAID_PATTERN, 'i').test(status) : undefined,
        items: qa(card, a.orderItem)
          .slice(0, 50)
          .map((it) => ({
            title: text(q(it, a.itemTitle) || it).slice(0, 200),
            quantity: readNumber(text(q(it, a.itemQty))),
            price: readNumber(text(q(it, a.itemPrice)))
          }))
          .filter((it) => it.title)
      };
    }
    const conv = q(doc, a.conversation);
    const conversationId =
      (conv && (conv.getAttribute('data-conv-id') || conv.id || text(conv).slice(0, 60))) || nick || location.pathname;
    return {
      site: a.id || a.name || 'custom',
      url: location.href.slice(0, 500),
      title: document.title.slice(0, 200),
      conversationId,
      buyer: nick ? { nick: nick.slice(0, 100) } : {},
      order,
      messages,
      inputFound: !!q(doc, a.input)
    };
  }

  let agentNicks = [];

  function report(force) {
    if (!adapter) return;
    let page;
    try {
      page = read(adapter, agentNicks);
    } catch {
      return;
    }
    const sig = JSON.stringify(page);
    if (!force && sig === last) return;
    last = sig;
    try {
      api.runtime.sendMessage({ type: 'page', page }).catch(() => {});
    } catch {
      // The extension was reloaded: this copy of the script is orphaned.
      stop();
    }
  }

  function stop() {
    observer?.disconnect();
    observer = null;
    clearInterval(poll);
  }

  function start() {
    stop();
    const rootEl = q(document, adapter.root) || document.body;
    // The observer callback runs once per batch of changes, right after the
    // page's own script finished the change: read then, with no timer.
    observer = new MutationObserver(() => report(false));
    observer.observe(rootEl, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'datetime', 'data-conv-id'] });
    // Pages that replace the observed root: a slow safety poll.
    poll = setInterval(() => {
      if (!rootEl.isConnected) start();
      else report(false);
    }, 5000);
    report(true);
  }

  /** Puts `value` into the chat input box. Never presses send. */
  function insert(value) {
    const input = adapter && q(document, adapter.input);
    if (!input) return { ok: false, error: 'no_input' };
    input.focus();
    if (input instanceof HTMLTextAreaElement || input instanceof HTMLInputElement) {
      const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      // The native setter, so frameworks that track the value see the change.
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(input, value);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (input.isContentEditable) {
      const range = document.createRange();
      range.selectNodeContents(input);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      if (!document.execCommand('insertText', false, value)) input.textContent = value;
    } else {
      return { ok: false, error: 'not_editable' };
    }
    return { ok: true };
  }

  api.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'insert') reply(insert(String(msg.text ?? '')));
    else if (msg.type === 'resend') {
      report(true);
      reply({ ok: !!adapter });
    } else if (msg.type === 'selection') reply({ text: String(getSelection() || '') });
  });

  async function setup() {
    let settings = {};
    try {
      settings = await api.storage.sync.get(['adapters', 'prefs', 'shop']);
      clock = (await api.storage.local.get('clock')).clock || null;
    } catch {
      settings = {};
    }
    offset = /^[+-]\d{2}:\d{2}$/.test(settings.shop?.utcOffset || '') ? settings.shop.utcOffset : '+08:00';
    agentNicks = String(settings.prefs?.agentNicks || '')
      .split(/[\n,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const next = pickAdapter(settings.adapters, location.href, document);
    if (!next) {
      stop();
      adapter = null;
      return;
    }
    adapter = next;
    last = '';
    start();
  }

  api.storage.onChanged.addListener((changes, area) => {
    if ((area === 'sync' && (changes.adapters || changes.prefs || changes.shop)) || (area === 'local' && changes.clock)) setup();
  });
  setup();
})();
