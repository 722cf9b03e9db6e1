// Content script: reads the chat page through the site adapter whose URL
// pattern matches this page (no adapter, no reading) into the parts of a
// ChatContext (messages with roles and times, buyer nick, order), says what
// it could not find, follows the page live, and puts a chosen line into the
// input box at the caret when the side panel asks. It never sends a message.
(() => {
  'use strict';
  if (globalThis.__cuifuContent) return;
  globalThis.__cuifuContent = true;

  const api = globalThis.browser ?? globalThis.chrome;
  const { pickAdapter, PAID_PATTERN, UNPAID_PATTERN } = globalThis.cuifuAdapters;
  const MAX_MESSAGES = 200;

  let adapter = null;
  let observer = null;
  let last = '';
  let poll = 0;
  let pending = 0;
  let agentNicks = [];

  const pad = (n) => String(n).padStart(2, '0');

  // Times shown without a zone are the shop's time (default China, +08:00);
  // "today" for a bare "14:35" is the demo clock's date when one is pinned.
  let offset = '+08:00';
  let clock = null;

  function offsetMinutes(o) {
    const m = /^([+-])(\d{2}):(\d{2})$/.exec(o) || [null, '+', '08', '00'];
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }

  /** The [year, month, day] `back` days before today in the shop's zone. */
  function today(back = 0) {
    const base = clock && !Number.isNaN(Date.parse(clock)) ? Date.parse(clock) : Date.now();
    const d = new Date(base + offsetMinutes(offset) * 60000 - back * 86400000);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }

  /** Epoch milliseconds as RFC 3339 in the shop's zone. */
  function isoOf(ms) {
    const d = new Date(ms + offsetMinutes(offset) * 60000);
    return d.toISOString().slice(0, 19) + offset;
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

  /**
   * "2026年09月08日 17:30:17", "2026-11-24 14:35:02", "11-24 14:35",
   * "11月24日 14:35", "昨天 14:35", "14:35" → RFC 3339 in the shop's zone.
   */
  function parseTimeText(text) {
    const s = String(text || '');
    let [y, mo, d] = today(/前天/.test(s) ? 2 : /昨天|昨日/.test(s) ? 1 : 0);
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

  /**
   * One order card: its fields by selector, else read from the card's text
   * (a 12–20 digit order number, the amount after 实付/金额 or ¥, the status word).
   */
  function readOrder(a, card) {
    const all = text(card);
    const statusText = text(q(card, a.orderStatus)) || (new RegExp(`${UNPAID_PATTERN}|${PAID_PATTERN}|已取消|交易关闭`).exec(all) || [''])[0];
    const status = statusText.slice(0, 100);
    const idText = text(q(card, a.orderId)) || card.getAttribute('data-order-id') || '';
    const id = (/\d[\d-]{8,28}\d/.exec(idText) || /\d{12,24}/.exec(all) || [idText])[0].slice(0, 100);
    const amountText = text(q(card, a.orderAmount)) || (/(?:实付|应付|订单金额|金额|合计)[^\d¥￥]{0,8}[¥￥]?\s*(\d[\d,]*(?:\.\d+)?)/.exec(all) || /[¥￥]\s*(\d[\d,]*(?:\.\d+)?)/.exec(all) || [])[1];
    return {
      id: id || undefined,
      placedAt: readTime(q(card, a.orderPlacedAt)),
      amount: readNumber(amountText),
      status: status || undefined,
      paid: status ? new RegExp(a.paidPattern || PAID_PATTERN, 'i').test(status) && !new RegExp(UNPAID_PATTERN).test(status) : undefined,
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

  /** The conversation shown: a key attribute, the conversation element, else the nick. */
  function conversationOf(a, nick) {
    if (a.conversationKey) {
      const keys = qa(document, a.conversationKey);
      const k = keys.length ? keys[keys.length - 1].getAttribute(a.conversationAttr || 'id') : '';
      if (k) return k.slice(0, 100);
    }
    const conv = q(document, a.conversation);
    if (conv) {
      for (const attr of ['data-conv-id', 'data-random', 'data-id', 'data-uid']) {
        const v = conv.getAttribute(attr);
        if (v) return v.slice(0, 100);
      }
      if (text(conv)) return text(conv).slice(0, 60);
      if (conv.id) return conv.id.slice(0, 100);
    }
    return nick || location.pathname;
  }

  /** Reads the page through `a` into {conversationId, buyer, order, messages, health}. */
  function read(a) {
    const doc = document;
    const nodes = qa(doc, a.message);
    const messages = [];
    let carried;
    let lastBuyerSender = '';
    const idTime = a.idTime ? new RegExp(a.idTime) : null;
    for (const el of nodes.slice(-MAX_MESSAGES)) {
      let at = readTime(q(el, a.time));
      if (!at && idTime) {
        const m = idTime.exec(el.id || '');
        if (m) at = isoOf(Number(m[1]));
      }
      if (at) carried = at;
      else if (a.timeCarry) at = carried;
      const sender = text(q(el, a.sender));
      let from = a.otherRole || 'buyer';
      if (is(el, a.systemMessage)) from = 'system';
      else if (is(el, a.agentMessage)) from = 'agent';
      else if (is(el, a.buyerMessage)) from = 'buyer';
      else if (sender && agentNicks.some((n) => n && sender.includes(n))) from = 'agent';
      else if (/^(系统|系統|system)/i.test(sender)) from = 'system';
      // A system row often has no text element of its own: its whole text then.
      const body = a.text ? q(el, a.text) || (from === 'system' ? el : null) : el;
      const words = String((body && (body.innerText ?? body.textContent)) || '').trim();
      if (!words) continue;
      if (from === 'buyer' && sender) lastBuyerSender = sender;
      const msg = { from, text: words.slice(0, 1000) };
      if (at) msg.at = at;
      messages.push(msg);
    }
    const key = a.conversationKey ? conversationOf(a, '') : '';
    let nick = text(q(doc, a.buyerNick));
    if (!nick && a.conversationList && key && !key.startsWith('/')) {
      const item = qa(doc, a.conversationList).find((el) => el.getAttribute(a.conversationListAttr) === key);
      nick = text(q(item, a.conversationListNick));
    }
    if (!nick) nick = lastBuyerSender;
    // Several order cards (an order panel and cards in the chat): the unpaid one first, else the last.
    const cards = qa(doc, a.orderCard).map((c) => readOrder(a, c));
    const order = cards.find((o) => o.status && new RegExp(UNPAID_PATTERN).test(o.status)) || cards[cards.length - 1] || null;
    const input = q(doc, a.input);
    const problems = [];
    if (!nodes.length) problems.push({ code: 'no_messages', field: 'message', selector: a.message || '' });
    else if (!messages.length) problems.push({ code: 'no_text', field: 'text', selector: a.text || '', found: nodes.length });
    else if (messages.length * 2 < Math.min(nodes.length, MAX_MESSAGES)) {
      problems.push({ code: 'few_messages', field: 'text', selector: a.text || '', found: nodes.length, read: messages.length });
    }
    if (!input) problems.push({ code: 'no_input', field: 'input', selector: a.input || '' });
    return {
      site: a.id || 'custom',
      siteName: a.name || a.id || '',
      url: location.href.slice(0, 500),
      title: document.title.slice(0, 200),
      conversationId: conversationOf(a, nick),
      buyer: nick ? { nick: nick.slice(0, 100) } : {},
      order,
      messages,
      inputFound: !!input,
      health: { found: nodes.length, read: messages.length, input: !!input, problems }
    };
  }

  function send(page) {
    try {
      api.runtime.sendMessage({ type: 'page', page }).catch(() => {});
    } catch {
      // The extension was reloaded: this copy of the script is orphaned.
      stop();
    }
  }

  function report(force) {
    if (!adapter) return;
    let page;
    try {
      page = read(adapter);
    } catch {
      return;
    }
    const sig = JSON.stringify(page);
    if (!force && sig === last) return;
    last = sig;
    send(page);
  }

  /** Reads once the page's own script has finished its burst of changes. */
  function soon() {
    if (pending) return;
    pending = setTimeout(() => {
      pending = 0;
      report(false);
    }, 30);
  }

  function stop() {
    observer?.disconnect();
    observer = null;
    clearInterval(poll);
  }

  function start() {
    stop();
    // The whole body: single-page apps replace the list (Vue remounts) and
    // even the chat container when the conversation changes.
    observer = new MutationObserver(soon);
    observer.observe(document.body || document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'datetime', 'data-conv-id', 'currentuid', 'data-random']
    });
    poll = setInterval(() => report(false), 5000);
    report(true);
  }

  /** Selects `[from, to)` of the text just inserted before the caret in a contenteditable. */
  function selectBack(from, to, length) {
    const sel = getSelection();
    if (!sel.rangeCount) return;
    const r = sel.getRangeAt(0);
    const node = r.endContainer;
    if (node.nodeType !== Node.TEXT_NODE || r.endOffset < length) return;
    const base = r.endOffset - length;
    const range = document.createRange();
    range.setStart(node, base + from);
    range.setEnd(node, base + to);
    sel.removeAllRanges();
    sel.addRange(range);
  }

  /**
   * Puts `value` into the chat input at the caret (the agent's own text
   * stays), through the browser's editing command so Ctrl+Z undoes it, and
   * selects the first 【…】 slot. Refuses when the conversation changed
   * since the panel read it. Never presses send.
   */
  function insert(value, conversationId) {
    const input = adapter && q(document, adapter.input);
    if (!input) return { ok: false, error: 'no_input' };
    if (conversationId) {
      const now = read(adapter).conversationId;
      if (now !== conversationId) return { ok: false, error: 'conversation_changed' };
    }
    const slotFrom = value.indexOf('【');
    const slotTo = slotFrom >= 0 ? value.indexOf('】', slotFrom) + 1 : 0;
    if (input instanceof HTMLTextAreaElement || input instanceof HTMLInputElement) {
      const start = input.selectionStart ?? input.value.length;
      const end = input.selectionEnd ?? start;
      input.focus();
      input.setSelectionRange(start, end);
      const before = input.value;
      let done = false;
      try {
        done = document.execCommand('insertText', false, value) && input.value === before.slice(0, start) + value + before.slice(end);
      } catch {
        done = false;
      }
      if (!done) {
        // Pages where the editing command is blocked: the native setter, so
        // frameworks that track the value (Vue, React) see the change.
        const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(input, before.slice(0, start) + value + before.slice(end));
        input.setSelectionRange(start + value.length, start + value.length);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
      }
      input.dispatchEvent(new Event('change', { bubbles: true }));
      if (slotTo > slotFrom && slotFrom >= 0) input.setSelectionRange(start + slotFrom, start + slotTo);
      return { ok: true, undoable: done };
    }
    if (input.isContentEditable) {
      input.focus();
      const sel = getSelection();
      if (!sel.rangeCount || !input.contains(sel.getRangeAt(0).commonAncestorContainer)) {
        const range = document.createRange();
        range.selectNodeContents(input);
        range.collapse(false);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      let done = false;
      try {
        done = document.execCommand('insertText', false, value);
      } catch {
        done = false;
      }
      if (!done) {
        const range = sel.getRangeAt(0);
        range.deleteContents();
        const node = document.createTextNode(value);
        range.insertNode(node);
        range.setStartAfter(node);
        range.collapse(true);
        sel.removeAllRanges();
        sel.addRange(range);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
      }
      if (slotTo > slotFrom && slotFrom >= 0) selectBack(slotFrom, slotTo, value.length);
      return { ok: true, undoable: done };
    }
    return { ok: false, error: 'not_editable' };
  }

  api.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (!msg || typeof msg !== 'object') return;
    // In a page with several frames only the frame with the chat answers.
    if (!adapter) return;
    if (msg.type === 'insert') reply(insert(String(msg.text ?? ''), msg.conversationId));
    else if (msg.type === 'resend') {
      last = '';
      report(true);
      reply({ ok: true });
    }
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
    const disabled = Array.isArray(settings.prefs?.disabledSites) ? settings.prefs.disabledSites : [];
    const next = pickAdapter(settings.adapters, location.href, document, disabled);
    if (!next) {
      // No enabled adapter matches this page: it is never read.
      const had = !!adapter;
      stop();
      adapter = null;
      if (had) send(null);
      return;
    }
    adapter = next;
    last = '';
    start();
  }

  api.storage.onChanged.addListener((changes, area) => {
    if ((area === 'sync' && (changes.adapters || changes.prefs || changes.shop)) || (area === 'local' && changes.clock)) setup();
  });
  // Single-page apps that change their URL without a reload.
  addEventListener('hashchange', () => setup());
  setup();
})();
