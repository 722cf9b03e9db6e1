// The second mock chat page: `?now=` pins the clock like the workbench.
(() => {
  'use strict';
  const pinned = Date.parse(new URLSearchParams(location.search).get('now') || '');
  const now = () => (Number.isNaN(pinned) ? Date.now() : pinned);
  // Shown as zone-less shop time (+08:00), "2026-11-24 14:20".
  const show = (ms) => new Date(ms + 8 * 3600000).toISOString().slice(0, 16).replace('T', ' ');
  const t0 = now();
  const BUYER = 'lily_小白';
  const AGENT = '店小二:阿福';
  document.getElementById('peer').textContent = BUYER;
  document.getElementById('placed').textContent = show(t0 - 30 * 60000);

  function add(who, text, ms) {
    const p = document.createElement('div');
    p.className = 'bubble';
    const w = document.createElement('span');
    w.className = 'who';
    w.textContent = who;
    const t = document.createElement('span');
    t.className = 'when';
    t.textContent = show(ms);
    const b = document.createElement('div');
    b.className = 'body';
    b.textContent = text;
    p.append(w, t, b);
    document.getElementById('thread').append(p);
  }
  add(BUYER, '这个包是真皮的吗', t0 - 40 * 60000);
  add(AGENT, '是的亲，头层牛皮', t0 - 39 * 60000);
  add(BUYER, '别家同款便宜50，我再看看', t0 - 31 * 60000);

  window.plainChat = { buyerSays: (text) => add(BUYER, String(text), now()) };
})();
