// The replica pages' shared behaviour: the conversations, and what a seller
// workbench does when a buyer writes, the agent switches conversation or
// presses send. Each page (pinduoduo.html, feige.html, jd.html, wangwang.html)
// supplies `window.site` with the site's own markup; this file keeps the
// state the way the real apps do (a model updated from `input` events, as
// Vue's v-model and React's onChange do; a list node replaced on remount).
(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const start = Number(params.get('conv') || 0);
  const conversations = [
    {
      uid: 'uid_7731',
      nick: params.get('nick') || 'lili_小鹿',
      order: { id: '261124-058912345670114', status: '待付款', amount: '129.00', items: ['珊瑚绒毛毯 1.5m 奶白'], placed: '2026-11-24 14:10:00' },
      messages: [
        { from: 'buyer', text: '这个毛毯会掉毛吗', at: [14, 20, 5] },
        { from: 'agent', text: '亲，不会掉毛的，放心拍哦', at: [14, 21, 30] },
        { from: 'system', text: '买家已下单，等待付款', at: [14, 22, 0] },
        { from: 'buyer', text: '好的我再看看', at: [14, 25, 12] }
      ]
    },
    {
      uid: 'uid_9052',
      nick: '陈女士',
      order: { id: '261124-077345512093388', status: '待付款', amount: '59.90', items: ['保温杯 500ml'], placed: '2026-11-24 13:40:00' },
      messages: [
        { from: 'buyer', text: '今天能发货吗', at: [13, 41, 0] },
        { from: 'agent', text: '亲，下午四点前付款今天就发', at: [13, 42, 10] },
        { from: 'buyer', text: '运费能不能包邮', at: [13, 50, 45] }
      ]
    }
  ];
  let current = Math.min(start, conversations.length - 1);
  let draft = ''; // the app's model of the input box
  let clock = [14, 30, 0];

  const conv = () => conversations[current];
  const tick = () => {
    clock = [clock[0], clock[1] + 1, 0];
    return clock;
  };

  function render() {
    window.site.render(conv(), conversations, current);
  }

  window.replica = {
    conversations,
    /** A new message from the buyer of the open conversation. */
    buyerSays(text) {
      conv().messages.push({ from: 'buyer', text, at: tick() });
      render();
    },
    /** The agent clicks another conversation in the list. */
    switchTo(i) {
      current = i;
      draft = '';
      render();
    },
    /** The framework re-renders the chat: the list node is replaced. */
    remount() {
      render();
    },
    /** What the app's model holds for the input box. */
    draft: () => draft,
    current: () => current
  };

  const field = (box) => box.tagName === 'TEXTAREA' || box.tagName === 'INPUT';

  /** What the pages share: building elements, and the input box and send button wired to the model. */
  window.replicaKit = {
    pad: (n) => String(n).padStart(2, '0'),
    el(tag, cls, text) {
      const e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.textContent = text;
      return e;
    },
    wire(box, button) {
      // An `input` event: the model follows, as v-model / onChange do.
      box.addEventListener('input', () => {
        draft = field(box) ? box.value : box.textContent;
      });
      // The send button: the app sends its model, not whatever the DOM shows.
      button.addEventListener('click', () => {
        const text = draft.trim();
        if (!text) return;
        conv().messages.push({ from: 'agent', text, at: tick() });
        draft = '';
        if (field(box)) box.value = '';
        else box.textContent = '';
        render();
      });
    }
  };
  document.addEventListener('DOMContentLoaded', render);
})();
