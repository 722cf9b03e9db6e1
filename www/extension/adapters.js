// Site adapters: CSS selectors that tell the content script where a chat
// page keeps its messages, buyer, order card and input box. A preset ships
// for the bundled mock workbench; the options page adds adapters for other
// sites with the same fields. Loaded as a classic script by the content
// script and by the options page.
(function (root) {
  'use strict';

  /**
   * Every selector field an adapter may set, in the order the options page
   * shows them. `rel: true` fields are looked up inside one message / item.
   */
  const FIELDS = [
    { key: 'root', group: 'chat' },
    { key: 'conversation', group: 'chat' },
    { key: 'buyerNick', group: 'chat' },
    { key: 'message', group: 'chat', many: true },
    { key: 'buyerMessage', group: 'chat', rel: true, match: true },
    { key: 'agentMessage', group: 'chat', rel: true, match: true },
    { key: 'systemMessage', group: 'chat', rel: true, match: true },
    { key: 'sender', group: 'chat', rel: true },
    { key: 'time', group: 'chat', rel: true },
    { key: 'text', group: 'chat', rel: true },
    { key: 'input', group: 'chat' },
    { key: 'orderCard', group: 'order' },
    { key: 'orderId', group: 'order' },
    { key: 'orderStatus', group: 'order' },
    { key: 'orderPlacedAt', group: 'order' },
    { key: 'orderAmount', group: 'order' },
    { key: 'orderItem', group: 'order', many: true },
    { key: 'itemTitle', group: 'order', rel: true },
    { key: 'itemQty', group: 'order', rel: true },
    { key: 'itemPrice', group: 'order', rel: true }
  ];

  /** Status words that mean the order is paid (or past payment). */
  const PAID_PATTERN = '已付款|已支付|待发货|已发货|交易成功|買家已付款|已付款|paid|shipped';

  const PRESETS = [
    {
      id: 'mock',
      name: 'cuifu mock workbench',
      preset: true,
      matches: 'http://127.0.0.1/*',
      detect: '[data-workbench="cuifu-mock"]',
      root: '#workbench',
      conversation: '.conv-item.active',
      buyerNick: '#buyer-nick',
      message: '#msg-list .msg',
      buyerMessage: '.msg-buyer',
      agentMessage: '.msg-agent',
      systemMessage: '.msg-system',
      sender: '.msg-nick',
      time: '.msg-time',
      text: '.msg-text',
      input: '#chat-input',
      orderCard: '#order-card',
      orderId: '.order-id',
      orderStatus: '.order-status',
      orderPlacedAt: '.order-placed time',
      orderAmount: '.order-amount',
      orderItem: '.order-item',
      itemTitle: '.item-title',
      itemQty: '.item-qty',
      itemPrice: '.item-price'
    }
  ];

  /** Whether `url` matches a Chrome match pattern like `https://*.example.com/*`. */
  function matchesPattern(pattern, url) {
    if (typeof pattern !== 'string' || !pattern) return false;
    if (pattern === '<all_urls>') return /^(https?|file):/.test(url);
    const m = /^(\*|https?|file):\/\/([^/]*)(\/.*)$/.exec(pattern.trim());
    if (!m) return false;
    let u;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    const scheme = u.protocol.slice(0, -1);
    if (m[1] === '*' ? !/^https?$/.test(scheme) : m[1] !== scheme) return false;
    const host = m[2].replace(/:\d+$|:\*$/, '');
    if (host !== '*' && host !== '') {
      if (host.startsWith('*.')) {
        const base = host.slice(2);
        if (u.hostname !== base && !u.hostname.endsWith('.' + base)) return false;
      } else if (u.hostname !== host) return false;
    }
    const path = new RegExp(
      '^' + m[3].replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$'
    );
    return path.test(u.pathname + u.search);
  }

  /** The origin pattern (`https://host/*`) a match pattern needs permission for. */
  function originPattern(pattern) {
    const m = /^(\*|https?):\/\/([^/]+)/.exec(String(pattern || '').trim());
    return m ? `${m[1]}://${m[2].replace(/:\d+$/, '')}/*` : null;
  }

  /** The adapter for `url` and `doc`: a user adapter first, then a preset whose marker is on the page. */
  function pickAdapter(custom, url, doc) {
    for (const a of Array.isArray(custom) ? custom : []) {
      if (a && a.enabled !== false && String(a.matches || '').split(/\s+/).some((p) => matchesPattern(p, url))) {
        return a;
      }
    }
    for (const a of PRESETS) {
      if (a.detect && doc && doc.querySelector(a.detect)) return a;
    }
    return null;
  }

  root.cuifuAdapters = { FIELDS, PRESETS, PAID_PATTERN, matchesPattern, originPattern, pickAdapter };
})(typeof globalThis !== 'undefined' ? globalThis : this);
