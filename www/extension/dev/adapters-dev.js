// Development build only: the adapter for the bundled mock workbench
// (www/mock-chat/), served on 127.0.0.1 or localhost. scripts/build-extension
// adds this file, and the host access it needs, to the development build;
// the store build has neither.
(function (root) {
  'use strict';
  root.cuifuDevPresets = [
    {
      id: 'mock',
      name: 'cuifu mock workbench',
      preset: true,
      matches: 'http://127.0.0.1/* http://localhost/*',
      origins: ['http://127.0.0.1/*', 'http://localhost/*'],
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
      send: '#send-btn',
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
})(typeof globalThis !== 'undefined' ? globalThis : this);
