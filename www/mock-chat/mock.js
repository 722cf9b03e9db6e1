// The mock seller workbench: a few buyers with unpaid orders, a chat pane,
// an order card and an input box. Times are made relative to "now" so the
// demo always looks current; `?now=2026-11-24T15:00:00+08:00` pins the clock.
// Every buyer-provided string goes into the page as text, never as HTML.
(() => {
  'use strict';

  const OFFSET_MIN = 8 * 60; // the shop's clock: China Standard Time
  const params = new URLSearchParams(location.search);
  const pinned = Date.parse(params.get('now') || '');
  // A pinned clock stands still, like the extension's own pinned clock: new
  // messages are stamped with that moment however long a test takes.
  const now = () => (Number.isNaN(pinned) ? Date.now() : pinned);
  const AGENT = '小暖家居:乐乐';

  /** RFC 3339 in +08:00 for instant `ms`. */
  function iso(ms) {
    return new Date(ms + OFFSET_MIN * 60000).toISOString().slice(0, 19) + '+08:00';
  }
  function hhmm(ms) {
    return iso(ms).slice(11, 16);
  }
  function ymdhm(ms) {
    return iso(ms).slice(0, 16).replace('T', ' ');
  }
  const T0 = now();
  const at = (min) => T0 - min * 60000;

  const conversations = [
    {
      id: 'c1',
      nick: '小鹿乱撞2019',
      tag: '老顾客',
      order: {
        id: '3981204417726610',
        placedAt: at(25),
        status: '等待买家付款',
        items: [
          { title: '北欧风加厚珊瑚绒毛毯 150×200cm 燕麦色', qty: 1, price: 189 },
          { title: '同款抱枕套 45×45cm', qty: 2, price: 39.5 }
        ]
      },
      messages: [
        { from: 'buyer', text: '你好，毛毯会掉毛吗？', at: at(40) },
        { from: 'agent', text: '亲，这款是加密珊瑚绒，正常使用不掉毛的哦~', at: at(38) },
        { from: 'buyer', text: '150×200的盖双人床够吗', at: at(33) },
        { from: 'agent', text: '双人床建议选200×230哦，150×200适合单人或沙发盖', at: at(31) },
        { from: 'buyer', text: '好的，我先拍下了', at: at(26) },
        { from: 'system', text: '买家已拍下，等待付款', at: at(25) }
      ]
    },
    {
      id: 'c2',
      nick: '阿杰同学',
      tag: '',
      order: {
        id: '3981198820031552',
        placedAt: at(48),
        status: '等待买家付款',
        items: [{ title: '宿舍床帘遮光全封闭 0.9m床 灰色', qty: 1, price: 59 }]
      },
      messages: [{ from: 'system', text: '买家已拍下，等待付款', at: at(48) }]
    },
    {
      id: 'c3',
      nick: '<img src=x onerror="window.__xss=1">糖糖<b>vip</b>',
      tag: '',
      order: {
        id: '3981177002845219',
        placedAt: at(70),
        status: '等待买家付款',
        items: [{ title: '纯棉四件套 1.8m床 奶白', qty: 1, price: 329 }]
      },
      messages: [
        { from: 'buyer', text: '在吗', at: at(75) },
        { from: 'agent', text: '在的亲，有什么可以帮您？', at: at(74) },
        { from: 'buyer', text: '今天付款什么时候发货', at: at(66) }
      ]
    },
    {
      id: 'c4',
      nick: '陈女士',
      tag: '',
      order: {
        id: '3981150093327781',
        placedAt: at(130),
        status: '等待买家付款',
        items: [{ title: '乳胶枕一对 泰国进口 成人护颈', qty: 1, price: 899 }]
      },
      messages: [
        { from: 'buyer', text: '这个枕头有味道吗', at: at(140) },
        { from: 'agent', text: '亲，天然乳胶会有淡淡的乳胶味，通风两天就散了', at: at(138) },
        { from: 'buyer', text: '好，工资还没到账，过两天再付', at: at(128) }
      ]
    },
    {
      id: 'c5',
      nick: 'momo_0618',
      tag: '',
      order: {
        id: '3981100554401123',
        placedAt: at(300),
        status: '买家已付款',
        items: [{ title: '香薰蜡烛礼盒 3只装', qty: 1, price: 68 }]
      },
      messages: [
        { from: 'buyer', text: '可以送礼盒包装吗', at: at(310) },
        { from: 'agent', text: '可以的亲，默认礼盒包装哦', at: at(309) }
      ]
    }
  ];

  let current = conversations[0];

  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const amount = (o) => o.items.reduce((s, i) => s + i.qty * i.price, 0);
  const money = (n) => '¥' + n.toFixed(2);

  function renderList() {
    const list = $('conv-list');
    list.replaceChildren(
      ...conversations.map((c) => {
        const li = el('li', 'conv-item' + (c === current ? ' active' : ''));
        li.dataset.convId = c.id;
        li.append(el('span', 'conv-nick', c.nick));
        const last = c.messages[c.messages.length - 1];
        li.append(el('span', 'conv-last', last ? last.text : ''));
        if (c.unread) li.append(el('span', 'conv-unread', String(c.unread)));
        li.addEventListener('click', () => open(c));
        return li;
      })
    );
    $('conv-count').textContent = `(${conversations.length})`;
  }

  function renderMessage(m) {
    const div = el('div', `msg msg-${m.from}`);
    const meta = el('div', 'msg-meta');
    if (m.from !== 'system') meta.append(el('span', 'msg-nick', m.from === 'agent' ? AGENT : current.nick), ' ');
    const time = el('time', 'msg-time', ymdhm(m.at));
    time.dateTime = iso(m.at);
    meta.append(time);
    div.append(meta, el('div', 'msg-text', m.text));
    return div;
  }

  function renderChat() {
    const c = current;
    $('buyer-nick').textContent = c.nick;
    $('buyer-tag').textContent = c.tag;
    const list = $('msg-list');
    list.dataset.convId = c.id;
    list.replaceChildren(...c.messages.map(renderMessage));
    list.scrollTop = list.scrollHeight;
    const o = c.order;
    $('order-card').dataset.orderId = o.id;
    $('order-id').textContent = o.id;
    $('order-status').textContent = o.status;
    $('order-status').classList.toggle('paid', o.status !== '等待买家付款');
    $('order-placed').textContent = ymdhm(o.placedAt);
    $('order-placed').dateTime = iso(o.placedAt);
    $('order-amount').textContent = money(amount(o));
    $('order-items').replaceChildren(
      ...o.items.map((i) => {
        const li = el('li', 'order-item');
        li.append(el('span', 'item-title', i.title), el('span', 'item-qty', `×${i.qty}`), el('span', 'item-price', money(i.price)));
        return li;
      })
    );
  }

  function open(c) {
    current = c;
    c.unread = 0;
    renderList();
    renderChat();
  }

  /** Appends a message to conversation `c` (the open one by default). */
  function add(from, text, c = current) {
    const m = { from, text, at: now() };
    c.messages.push(m);
    if (c === current) {
      const list = $('msg-list');
      list.append(renderMessage(m));
      list.scrollTop = list.scrollHeight;
    } else {
      c.unread = (c.unread || 0) + 1;
    }
    renderList();
  }

  // The agent sends what is in the input box: Enter or the button.
  function send() {
    const input = $('chat-input');
    const text = input.value.trim();
    if (!text) return;
    add('agent', text);
    input.value = '';
  }
  $('send-btn').addEventListener('click', send);
  $('chat-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });

  // Demo controls: what the buyer would do on the other side.
  $('sim-send').addEventListener('click', () => {
    const input = $('sim-text');
    const text = input.value.trim();
    if (!text) return;
    add('buyer', text);
    input.value = '';
  });
  $('sim-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') $('sim-send').click();
  });
  $('sim-pay').addEventListener('click', () => {
    current.order.status = '买家已付款';
    add('system', '买家已付款');
    renderChat();
  });

  function tick() {
    $('clock').textContent = ymdhm(now()).slice(5);
  }
  tick();
  setInterval(tick, 15000);
  open(current);

  // For scripted demos: window.mockChat.buyerSays('能便宜点吗').
  window.mockChat = {
    buyerSays: (text, convId) => add('buyer', String(text), conversations.find((c) => c.id === convId) || current),
    open: (convId) => open(conversations.find((c) => c.id === convId) || current),
    now: () => iso(now())
  };
})();
