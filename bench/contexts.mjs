// The benchmark contexts: realistic chats (Chinese buyer and agent messages),
// orders and shop settings, generated from a seed so every run, the native
// criterion benches and the Node benchmark see exactly the same input.
//
//   import { chat, pool, rankBatch, lintText, transcriptText } from './contexts.mjs';
//   node bench/contexts.mjs > contexts.json   (the JSON the criterion benches read)
//
// Only plain objects and strings: the same values go to cuifu and to the peer.

/** mulberry32: a small seeded PRNG; returns floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

// What buyers write when something keeps them from paying, by cause.
const CAUSES = {
  insufficient_balance: ['余额不够了,等发工资再拍', '花呗额度用完了', '这个月手头有点紧,过两天再付', '卡里没钱了,晚点充值再付款'],
  forgot_password: ['支付密码忘了怎么办', '密码输错三次被锁了', '我忘记支付宝密码了'],
  novice_buyer: ['第一次网购,不知道怎么付款', '怎么付款啊?找不到付款的按钮', '我不会用支付宝'],
  payment_system_issue: ['付款页面一直打不开', '支付宝提示系统升级中', '银行卡付款一直失败'],
  price_bargain: ['能便宜点吗?', '再少十块我就拍', '有没有优惠券?', '老顾客能打个折吗'],
  shipping_fee: ['邮费太贵了,能包邮吗', '为什么还要运费啊'],
  product_doubt: ['这个质量怎么样?', '会不会起球啊', '尺码偏大还是偏小?', '是正品吗'],
  comparing_shops: ['别家便宜二十块', '我再看看别的店', '隔壁店还送赠品'],
  waiting_reply: ['在吗?', '人呢?', '怎么一直没人回复'],
  service_unhappy: ['你们客服态度太差了', '问了半天都不回,什么服务'],
  order_merge: ['我拍了两单,能合并发货吗', '两个订单运费能一起算吗'],
  gift_or_promo: ['有赠品吗?', '双十一有什么活动吗'],
  delivery_question: ['什么时候发货?', '几天能到广州'],
  changed_mind: ['拍错了,不要了', '不想要了,帮我取消吧']
};
const CAUSE_CODES = Object.keys(CAUSES);

// Small talk that shows no cause.
const BUYER_CHAT = ['好的', '嗯嗯', '谢谢', '我看看', '颜色有哪些', '收到', '知道了', '这个是新款吗', '有图片吗', '哦哦', '可以', '行吧'];
const AGENT_CHAT = [
  '亲,在的呢,有什么可以帮您?',
  '亲,这款是现货,付款后48小时内发出哦',
  '好的亲,有问题随时找我哦',
  '亲,这款面料是纯棉的,亲肤透气',
  '已经帮您备注好了',
  '亲,可以领店铺优惠券哦',
  '亲,颜色有米白、燕麦和深灰三种',
  '亲,尺码表在详情页第三张图'
];
const TAILS = ['', '', '', '~', '!', '哈', '呀'];

const ITEMS = [
  { title: '加厚羊毛围巾', price: 99 },
  { title: '儿童保温杯 316不锈钢', price: 79 },
  { title: '纯棉四件套 1.8米床', price: 259 },
  { title: '无线蓝牙耳机', price: 199 },
  { title: '宝宝爬行垫 加厚款', price: 139 },
  { title: '女士羊绒大衣', price: 699 },
  { title: '防摔手机壳', price: 29 },
  { title: '有机绿茶 250g', price: 88 }
];

const SHOPS = [
  { name: '暖冬小铺', avgOrderValue: 120, margin: 0.35, coupon: '满99减10', sevenDayReturn: true, gifts: ['暖手宝'] },
  { name: '小暖生活馆', avgOrderValue: 80, margin: 0.3, quietBefore: '09:30', lunchBreak: ['12:00', '13:00'], restDays: [0] },
  { name: '宝贝乐母婴', avgOrderValue: 200, margin: 0.4, closeAfterHours: 24, sameDayShipping: true, smsOptOut: '回T退订' },
  { name: '数码e站', avgOrderValue: 300, margin: 0.15, closeAfterHours: 72, restDays: [6, 0], holidays: ['2026-12-31'] }
];

const BUYERS = [
  { name: '李娜', nick: 'tb_小花88' },
  { name: '王芳', nick: '芳芳爱购物' },
  { name: '张伟', nick: 'zw_2019' },
  { name: '刘洋', nick: '洋洋得意' },
  { name: '陈静', nick: '静静的猫' },
  { name: '杨帆', nick: '一帆风顺yf' }
];

const OFFSET_MS = 8 * 3600e3;
// Monday 2026-11-23 00:00 at +08:00; contexts fall on Monday to Sunday.
const WEEK_START = Date.UTC(2026, 10, 23) - OFFSET_MS;
/** An epoch time as RFC 3339 at +08:00, to the second. */
export const at = (ms) => new Date(ms + OFFSET_MS).toISOString().slice(0, 19) + '+08:00';

/**
 * One context with `n` messages, from `seed`. The buyer's cause (or none) is
 * drawn first; in a long chat it sits among small talk, latest near the end.
 */
export function chat(n, seed = 1) {
  const r = rng(seed * 7919 + n);
  const now = WEEK_START + int(r, 0, 6) * 86400e3 + int(r, 7 * 60, 23 * 60 + 50) * 60e3;
  const placed = now - int(r, 5, 30 * 60) * 60e3;
  const items = Array.from({ length: int(r, 1, 3) }, () => ({ ...pick(r, ITEMS), quantity: int(r, 1, 2) }));
  const amount = items.reduce((s, i) => s + i.price * i.quantity, 0);
  const cause = r() < 0.85 ? pick(r, CAUSE_CODES) : null;
  const buyer = pick(r, BUYERS);
  // Times: spread over the hours before `now`, oldest first.
  const span = Math.max(n, 1) * int(r, 30, 180) * 1e3;
  const times = Array.from({ length: n }, () => now - Math.floor(r() * span)).sort((a, b) => a - b);
  const messages = [];
  const causeAt = new Set(n ? [n - 1 - Math.floor(r() * Math.min(n, 4)), Math.floor(r() * n)] : []);
  for (let i = 0; i < n; i++) {
    const last = messages[messages.length - 1];
    const buyerTurn = causeAt.has(i) || (r() < (last?.from === 'buyer' ? 0.35 : 0.65));
    let text;
    if (!buyerTurn) text = pick(r, AGENT_CHAT);
    else if (cause && causeAt.has(i)) text = pick(r, CAUSES[cause]) + pick(r, TAILS);
    else text = pick(r, BUYER_CHAT) + pick(r, TAILS);
    messages.push({ from: buyerTurn ? 'buyer' : 'agent', text, at: at(times[i]) });
  }
  const ctx = {
    now: at(now),
    locale: r() < 0.9 ? 'zh-CN' : 'zh-TW',
    order: { placedAt: at(placed), amount, items },
    buyer: { ...buyer, returning: r() < 0.3, audience: pick(r, ['office', 'student', 'other']) },
    messages,
    shop: pick(r, SHOPS)
  };
  if (r() < 0.1) ctx.reminders = [{ at: at(placed + 15 * 60e3), channel: 'im' }];
  return ctx;
}

/** `count` varied contexts of 0 to `maxMessages` messages (for memory and rank runs). */
export function pool(count, maxMessages = 30, seed = 100) {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => chat(int(r, 0, maxMessages), seed + i));
}

/** The contexts `rankOrders` gets: a shop's unpaid orders on one busy day. */
export const rankBatch = (count) => pool(count, 12, 5000);

/** A reminder line with something for every lint check. */
export const lintText =
  '亲爱的李娜~您在暖冬小铺拍下的加厚羊毛围巾还没有付款哦,这是全网最低价,库存只剩最后一件了,今天付款明天就到,再不付款就要被别人抢走啦!';

/** A 40-line chat as copied from a seller IM window. */
export function transcriptText(lines = 40, seed = 9) {
  const c = chat(lines, seed);
  return c.messages
    .map((m) => `${m.from === 'buyer' ? c.buyer.nick : '小美'} ${m.at.slice(0, 10)} ${m.at.slice(11, 19)}\n${m.text}`)
    .join('\n');
}
export const transcriptOptions = { agentNicks: ['小美'] };

/** The lengths the benchmarks report. */
export const LENGTHS = [0, 20, 200, 1000];

// As a script: the JSON the criterion benches read.
if (globalThis.process?.argv?.[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const out = {
    chats: Object.fromEntries(LENGTHS.map((n) => [n, Array.from({ length: 8 }, (_, s) => chat(n, s + 1))])),
    rank: rankBatch(10000),
    lint: lintText,
    transcript: transcriptText(),
    transcriptOptions
  };
  process.stdout.write(JSON.stringify(out));
}
