// Prints a sample suggestion in the terminal: the seeds' returning-buyer
// exercise (263-yuan order in an 80-yuan shop, unpaid for 3 hours).
import { suggest, version } from '../pkg/node.mjs';

const context = {
  now: '2026-11-24T15:30:00+08:00',
  order: {
    placedAt: '2026-11-24T12:30:00+08:00',
    amount: 263,
    items: [{ title: '羊毛呢大衣', quantity: 1, price: 263 }]
  },
  buyer: { name: '王丽', returning: true, gender: 'female' },
  messages: [
    { from: 'buyer', text: '这件大衣还有M码吗?', at: '2026-11-24T12:20:00+08:00' },
    { from: 'agent', text: '亲,M码有货的~', at: '2026-11-24T12:21:00+08:00' },
    { from: 'buyer', text: '263有点贵啊,能便宜点吗', at: '2026-11-24T12:25:00+08:00' },
    { from: 'agent', text: '亲,这款已经是活动价啦,面料您放心~', at: '2026-11-24T12:26:00+08:00' }
  ],
  shop: { name: '暖暖女装', avgOrderValue: 80, margin: 0.4, gifts: ['羊毛袜一双'], sevenDayReturn: true }
};

const s = suggest(context);
const out = [
  `cuifu ${version()} — sample suggestion (returning buyer, 263 yuan, unpaid 3 h)`,
  `  action:  ${s.action}${s.sendAt ? ` at ${s.sendAt}` : ''}  (order closes ${s.closesAt})`,
  `  reason:  ${s.reason.code} (confidence ${s.reason.confidence.toFixed(2)})`,
  `  channel: ${s.channel}   tone: ${s.tone}`,
  '  lines:',
  ...s.lines.map((l, i) => `    ${i + 1}. ${l.text}  [${l.templateId}]`),
  '  why:',
  ...s.why.map((w) => `    - ${w}`),
  `  remark:  ${s.remark}`
];
console.log(out.join('\n'));
