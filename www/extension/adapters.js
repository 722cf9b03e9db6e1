// Site adapters: CSS selectors that tell the content script where a chat
// page keeps its messages, buyer, order and input box. Built-in adapters
// ship for the seller workbenches agents use (Pinduoduo, Douyin 飞鸽,
// JD 咚咚, the Alibaba 旺旺 web IM); the options page adds adapters for
// other sites with the same fields. Loaded as a classic script by the
// content script, the service worker and the options page.
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
  const PAID_PATTERN = '已付款|已支付|待发货|已发货|待收货|交易成功|已完成|買家已付款|paid|shipped';
  /** Status words that mean the order waits for payment. */
  const UNPAID_PATTERN = '待付款|待支付|未付款|等待买家付款|等待付款|待買家付款|unpaid';

  /**
   * The built-in adapters, from the public evidence on each site's DOM.
   * Only stable hooks: ids, data-qa-id attributes and semantic class names;
   * never a hashed class. `origins` are the optional host permissions the
   * panel asks for on first use; `allFrames` runs the reader in iframes.
   * `otherRole` is the role of a message that matches none of the role
   * selectors; `timeCarry` lets a message take the time of the message
   * above it (pages that print one time per group); `idTime` reads epoch
   * milliseconds from the message element's id.
   */
  const PRESETS = [
    {
      id: 'pinduoduo',
      name: '拼多多 商家聊天',
      preset: true,
      matches: 'https://mms.pinduoduo.com/chat-merchant/*',
      origins: ['https://mms.pinduoduo.com/*'],
      root: '#msgListContainer',
      message: '#msgListContainer ul.msg-list > li.onemsg',
      buyerMessage: '.buyer-item',
      agentMessage: '.cs-item',
      systemMessage: '[class*="system-msg"]',
      otherRole: 'agent',
      text: '.msg-content-box, [class*="system-msg"]',
      time: 'p.message-time',
      timeCarry: true,
      idTime: 'middlePanel_list_(\\d{13})',
      conversationKey: '[currentuid]',
      conversationAttr: 'currentuid',
      conversationList: 'li.chat-item > div.chat-item-box[data-random]',
      conversationListAttr: 'data-random',
      conversationListNick: 'span.nickname-span',
      input: 'textarea#replyTextarea',
      send: '.reply-footer .send-btn',
      orderCard: '.order-item, .msg-content.order-card',
      orderId: '.order-sn, .order-id',
      orderStatus: '.title-status, .order-status',
      orderAmount: '.line-value.amount-value',
      orderItem: '.goods-name'
    },
    {
      id: 'feige',
      name: '抖店 飞鸽',
      preset: true,
      matches: 'https://im.jinritemai.com/*',
      origins: ['https://im.jinritemai.com/*'],
      root: '',
      conversation: '#topbar-left-info',
      buyerNick: '#topbar-left-info',
      message: '[data-qa-id="qa-message-warpper"]',
      buyerMessage: '.messageNotMe',
      agentMessage: '.messageIsMe',
      otherRole: 'system',
      text: 'pre',
      input: 'textarea[data-qa-id="qa-send-message-textarea"]',
      send: '[data-qa-id="qa-send-message-button"]',
      orderCard: '.ecom-collapse-item-active .ecom-collapse-header'
    },
    {
      id: 'jd',
      name: '京东 咚咚',
      preset: true,
      matches: 'https://dongdong.jd.com/*',
      origins: ['https://dongdong.jd.com/*'],
      root: '#t-chat-scroll',
      conversation: '.chat-head-name',
      buyerNick: '.chat-head-name',
      message: '#t-chat-scroll .message',
      buyerMessage: '.message_left',
      agentMessage: '.message_right',
      systemMessage: '.message_center',
      otherRole: 'system',
      text: 'pre.message__text, .message__content',
      time: '.message__time_str',
      input: '.EditorContent[contenteditable="true"]',
      send: '.SendButtonGroup > .send-button'
    },
    {
      id: 'wangwang',
      name: '旺旺 网页版（淘宝 / 1688）',
      preset: true,
      allFrames: true,
      matches: 'https://market.m.taobao.com/app/im/* https://*.taobao.com/*chat-core* https://*.1688.com/*def_cbu_web_im_core*',
      origins: ['https://market.m.taobao.com/*', 'https://*.taobao.com/*', 'https://*.1688.com/*'],
      root: '',
      // No public record of how the open conversation is marked: the buyer
      // is the sender of the last message that is not the page owner's.
      message: '.message-item',
      agentMessage: '.self',
      otherRole: 'buyer',
      sender: '.nick',
      time: '.time',
      text: '.content pre.edit, .content',
      input: '.editBox pre.edit[contenteditable="true"]',
      send: 'button.send-btn',
      orderCard: '.ww_tab',
      orderId: '.order-id'
    }
  ];

  /** Whether `pattern` is a valid Chrome match pattern (http, https, file, `<all_urls>`). */
  function validPattern(pattern) {
    if (pattern === '<all_urls>') return true;
    const m = /^(\*|https?|file):\/\/([^/]*)(\/.*)$/.exec(String(pattern || ''));
    if (!m) return false;
    if (m[1] === 'file') return m[2] === '';
    return /^(\*|(\*\.)?[A-Za-z0-9.-]+)(:(\d{1,5}|\*))?$/.test(m[2]) && !/^\*\.\*|\.\./.test(m[2]);
  }

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
    const path = new RegExp('^' + m[3].replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
    return path.test(u.pathname + u.search + u.hash);
  }

  /** The origin pattern (`https://host/*`) a match pattern needs permission for. */
  function originPattern(pattern) {
    const m = /^(\*|https?):\/\/([^/]+)/.exec(String(pattern || '').trim());
    return m ? `${m[1]}://${m[2].replace(/:\d+$/, '')}/*` : null;
  }

  const patterns = (a) => String(a?.matches || '').split(/\s+/).filter(Boolean);

  /** Every preset, the development ones included when that build adds them. */
  function presets() {
    return [...PRESETS, ...(root.cuifuDevPresets || [])];
  }

  /**
   * The adapter for `url`: an enabled user adapter whose pattern matches,
   * else a built-in one whose pattern matches (and whose `detect` marker, if
   * any, is on the page). `disabled` lists built-in ids the user turned off.
   * Pages no adapter matches are never read.
   */
  function pickAdapter(custom, url, doc, disabled = []) {
    for (const a of Array.isArray(custom) ? custom : []) {
      if (a && a.enabled !== false && patterns(a).some((p) => matchesPattern(p, url))) return a;
    }
    for (const a of presets()) {
      if (disabled.includes(a.id)) continue;
      if (!patterns(a).some((p) => matchesPattern(p, url))) continue;
      if (a.detect && !(doc && doc.querySelector(a.detect))) continue;
      return a;
    }
    return null;
  }

  /** The built-in adapter whose pattern matches `url`, or null. */
  function presetFor(url) {
    return presets().find((a) => patterns(a).some((p) => matchesPattern(p, url))) || null;
  }

  /**
   * Checks an adapter before it is saved: its name, its match patterns and
   * every selector (with `parse(selector)` throwing on a bad one, e.g.
   * `document.querySelector`). Returns `[{field, value}]` of what is wrong.
   */
  function checkAdapter(a, parse) {
    const bad = [];
    const ps = patterns(a);
    if (!ps.length) bad.push({ field: 'matches', value: '' });
    for (const p of ps) if (!validPattern(p)) bad.push({ field: 'matches', value: p });
    if (!a.message) bad.push({ field: 'message', value: '' });
    for (const f of FIELDS) {
      const v = a[f.key];
      if (!v) continue;
      try {
        parse(v);
      } catch {
        bad.push({ field: f.key, value: v });
      }
    }
    return bad;
  }

  root.cuifuAdapters = {
    FIELDS,
    PRESETS,
    PAID_PATTERN,
    UNPAID_PATTERN,
    presets,
    validPattern,
    matchesPattern,
    originPattern,
    pickAdapter,
    presetFor,
    checkAdapter
  };
})(typeof globalThis !== 'undefined' ? globalThis : this);
