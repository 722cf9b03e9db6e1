// The benchmark's peer: the payment reminder as a web developer would write
// it without cuifu, in plain JS. Regexes find the buyer's reason, rules in
// json-rules-engine decide the action and the moment (quiet hours, lunch
// break, rest days, close deadline), mustache renders three lines. It reads
// the same ChatContext objects cuifu gets. The rules engine and the compiled
// templates are built once, as an app would keep them.
import { Engine } from 'json-rules-engine';
import Mustache from 'mustache';

// Newest evidence wins ties; causes in the content beat a bare ping.
const REASONS = [
  ['changed_mind', /拍错|不想要|不要了|取消/],
  ['forgot_password', /密码.*(忘|锁|错)|忘.*密码/],
  ['payment_system_issue', /(打不开|升级|付款.*失败|支付.*失败|系统.*问题)/],
  ['novice_buyer', /(第一次|不会用|不知道怎么|怎么付|找不到.*付款)/],
  ['insufficient_balance', /(余额|额度|发工资|没钱|手头.*紧|充值)/],
  ['shipping_fee', /(邮费|运费|包邮)/],
  ['order_merge', /(合并|两单|一起算)/],
  ['price_bargain', /(便宜|优惠券|打.?折|少.{0,2}[块元]|降价)/],
  ['comparing_shops', /(别家|别的店|隔壁|其他店|比一比)/],
  ['product_doubt', /(质量|起球|尺码|偏大|偏小|正品|真的假的|褪色)/],
  ['gift_or_promo', /(赠品|活动|送.*吗|满减)/],
  ['delivery_question', /(发货|几天.*到|快递|物流)/],
  ['service_unhappy', /(态度|不回|什么服务|投诉)/],
  ['waiting_reply', /^(在吗|人呢|有人吗)|没人回/]
];
const OPEN_QUESTION = ['price_bargain', 'product_doubt', 'waiting_reply', 'shipping_fee', 'delivery_question', 'gift_or_promo', 'order_merge', 'service_unhappy', 'novice_buyer', 'payment_system_issue'];

export function detectReason(messages) {
  const scores = new Map();
  const evidence = new Map();
  let buyerCount = 0;
  messages.forEach((m, i) => {
    if (m.from !== 'buyer') return;
    buyerCount++;
    for (const [code, re] of REASONS) {
      if (re.test(m.text)) {
        scores.set(code, (scores.get(code) || 0) + 1 + i / messages.length);
        evidence.set(code, { messageIndex: i, text: m.text });
      }
    }
  });
  if (!buyerCount) return { code: 'silent_order', confidence: 0.6, evidence: [] };
  let best = null;
  for (const [code, s] of scores) if (!best || s > scores.get(best)) best = code;
  if (best) return { code: best, confidence: Math.min(0.95, 0.5 + scores.get(best) / 4), evidence: [evidence.get(best)] };
  const last = messages[messages.length - 1];
  if (last.from === 'buyer' && /[?？吗呢]$/.test(last.text)) {
    return { code: 'waiting_reply', confidence: 0.5, evidence: [{ messageIndex: messages.length - 1, text: last.text }] };
  }
  return { code: 'unknown', confidence: 0.3, evidence: [] };
}

const rule = (priority, all, params) => ({ priority, conditions: { all }, event: { type: 'decide', params } });
const fact = (name, operator, value) => ({ fact: name, operator, value });

function makeEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule(rule(100, [fact('paid', 'equal', true)], { action: 'stop' }));
  engine.addRule(rule(95, [fact('minutesToClose', 'lessThanInclusive', 0)], { action: 'stop' }));
  engine.addRule(rule(90, [fact('reason', 'equal', 'changed_mind')], { action: 'stop' }));
  engine.addRule(rule(85, [fact('remindersLeft', 'lessThanInclusive', 0)], { action: 'stop' }));
  engine.addRule(rule(80, [fact('reason', 'in', OPEN_QUESTION)], { action: 'hold', at: 'now' }));
  engine.addRule(rule(70, [fact('minutesToClose', 'lessThan', 120)], { action: 'send_now', at: 'now', tone: 'urgent' }));
  engine.addRule(rule(60, [fact('restDay', 'equal', true)], { action: 'schedule', at: 'next_workday' }));
  engine.addRule(rule(50, [fact('minuteOfDay', 'lessThan', { fact: 'quietBefore' })], { action: 'schedule', at: 'quiet_end' }));
  engine.addRule(rule(50, [fact('minuteOfDay', 'greaterThanInclusive', { fact: 'quietAfter' })], { action: 'schedule', at: 'next_workday' }));
  engine.addRule(
    rule(40, [fact('minuteOfDay', 'greaterThanInclusive', { fact: 'lunchStart' }), fact('minuteOfDay', 'lessThan', { fact: 'lunchEnd' })], {
      action: 'schedule',
      at: 'lunch_end'
    })
  );
  engine.addRule(rule(1, [fact('minuteOfDay', 'greaterThanInclusive', 0)], { action: 'send_now', at: 'now' }));
  return engine;
}
const engine = makeEngine();

const LINES = {
  insufficient_balance: ['{{name}}您好~您在{{shop}}拍的{{item}}给您留着呢,方便的时候再付款就好哦', '亲,不着急,{{item}}我们先帮您保留到{{closes}}~', '{{name}},{{item}}{{#coupon}}现在还能用{{coupon}},{{/coupon}}付款后马上安排发货'],
  forgot_password: ['{{name}}您好,支付密码可以在支付宝"我的-设置-支付设置"里找回哦', '亲,找回密码后{{item}}还在购物车里等您~', '{{name}},找回密码遇到问题随时找我,{{shop}}客服一直在'],
  price_bargain: ['{{name}}您好,{{item}}已经是活动价啦{{#coupon}},还可以叠加{{coupon}}{{/coupon}}', '亲,{{shop}}{{#gift}}拍下还送{{gift}},{{/gift}}性价比很高的哦', '{{name}},{{item}}付款后当天安排发货~'],
  silent_order: ['{{name}}您好,这里是{{shop}},跟您核对一下收货地址~', '亲,您拍的{{item}}确认地址无误后就给您发出哦', '{{name}},{{item}}付款后尽快为您安排发货'],
  default: ['{{name}}您好,您在{{shop}}拍的{{item}}还没有付款哦', '亲,{{item}}给您保留到{{closes}},有问题随时问我~', '{{name}},{{#coupon}}{{coupon}}还能用哦,{{/coupon}}付款后尽快为您发货']
};
for (const ts of Object.values(LINES)) for (const t of ts) Mustache.parse(t);

const minutes = (hhmm) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const offsetMs = (time) => {
  const m = /([+-])(\d\d):(\d\d)$/.exec(time);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60e3 : 8 * 3600e3;
};
const pad = (n) => String(n).padStart(2, '0');
function format(ms, off) {
  const d = new Date(ms + off);
  const sign = off < 0 ? '-' : '+';
  const o = Math.abs(off) / 60e3;
  return `${d.toISOString().slice(0, 19)}${sign}${pad(Math.floor(o / 60))}:${pad(o % 60)}`;
}

/** The suggestion for one context: `{ action, sendAt, closesAt, reason, tone, lines }`. */
export async function suggestPeer(ctx) {
  const shop = ctx.shop || {};
  const order = ctx.order;
  const nowStr = ctx.now || new Date().toISOString();
  const now = Date.parse(nowStr);
  const off = offsetMs(ctx.now || order.placedAt);
  const restDays = shop.restDays || [6, 0];
  const holidays = shop.holidays || [];
  const isRest = (ms) => {
    const d = new Date(ms + off);
    return restDays.includes(d.getUTCDay()) || holidays.includes(d.toISOString().slice(0, 10));
  };
  const local = new Date(now + off);
  const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
  const closesAt = order.closesAt ? Date.parse(order.closesAt) : Date.parse(order.termsChangedAt || order.placedAt) + (shop.closeAfterHours || 72) * 3600e3;
  const quietBefore = minutes(shop.quietBefore || '10:00');
  const [lunchStart, lunchEnd] = (shop.lunchBreak || ['12:00', '13:30']).map(minutes);
  const reason = detectReason(ctx.messages || []);

  const { events } = await engine.run({
    paid: !!order.paid,
    reason: reason.code,
    minuteOfDay,
    quietBefore,
    quietAfter: minutes(shop.quietAfter || '22:00'),
    lunchStart,
    lunchEnd,
    restDay: isRest(now),
    minutesToClose: (closesAt - now) / 60e3,
    remindersLeft: (shop.maxReminders || 3) - (ctx.reminders || []).length
  });
  const decision = events[0].params; // events come highest priority first

  const dayStart = now - minuteOfDay * 60e3 - local.getUTCSeconds() * 1e3;
  let sendAt = null;
  if (decision.at === 'now') sendAt = now;
  else if (decision.at === 'quiet_end') sendAt = dayStart + quietBefore * 60e3;
  else if (decision.at === 'lunch_end') sendAt = dayStart + lunchEnd * 60e3;
  else if (decision.at === 'next_workday') {
    let day = dayStart + 86400e3;
    while (isRest(day)) day += 86400e3;
    sendAt = day + quietBefore * 60e3;
  }
  let action = decision.action;
  if (sendAt !== null && sendAt >= closesAt) {
    sendAt = Math.max(now, closesAt - 2 * 3600e3);
    action = 'send_now';
  }

  const buyer = ctx.buyer || {};
  const view = {
    name: buyer.name || buyer.nick || '亲',
    shop: shop.name || '本店',
    item: order.items && order.items.length ? order.items[0].title : '宝贝',
    coupon: shop.coupon,
    gift: shop.gifts && shop.gifts[0],
    closes: format(closesAt, off).slice(11, 16)
  };
  const templates = LINES[reason.code] || LINES.default;
  const lines = action === 'stop' ? [] : templates.map((t, k) => ({ text: Mustache.render(t, view), templateId: `${reason.code}.${k}` }));
  return {
    action,
    sendAt: sendAt === null || action === 'stop' ? null : format(sendAt, off),
    closesAt: format(closesAt, off),
    reason,
    tone: decision.tone || (reason.code === 'silent_order' ? 'gentle' : 'warm'),
    lines
  };
}
