// Lines and lint through the built package (pkg/): UTF-16 spans as JS sees
// them, diverse candidates, shop template errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
if (!existsSync(PKG + 'cuifu_bg.wasm')) throw new Error('pkg/ is missing: run bash scripts/build first');
const { suggest, lint } = await import(PKG + 'node.mjs');

test('lint spans slice the right words after emoji, simplified and traditional', () => {
  const text = '🎁😊親，全網最低價！👍 明天就到 🙏 愛買不買';
  const got = lint(text).map((w) => [w.code, text.slice(w.start, w.end)]);
  assert.deepEqual(got, [
    ['extreme_word', '全網最低價'],
    ['delivery_promise', '明天就到'],
    ['argue', '愛買不買']
  ]);
  const cn = '👀 再不付款就取消，这是最后通牒';
  assert.deepEqual(
    lint(cn).map((w) => [w.code, cn.slice(w.start, w.end)]),
    [['pressure', '再不付'], ['pressure', '最后通牒']]
  );
  assert.deepEqual(lint('最近好吗？最后一天活动，最好今天付款~'), []);
  assert.deepEqual(
    lint('最近好吗?').map((w) => [w.code, w.start]),
    [['halfwidth_punct', 4]]
  );
  assert.deepEqual(lint('最近好吗?', { fullWidth: false }), []);
});

test('lint sms: name in the first 7 characters, one message', () => {
  const ok = lint('王丽您好，您拍的开衫还未付款。回T退订', { channel: 'sms', buyerName: '王丽' });
  assert.deepEqual(ok, []);
  const w = lint('您好，您在衣见倾心拍的开衫还未付款，王丽', { channel: 'sms', buyerName: '王丽', locale: 'en' });
  assert.equal(w[0].code, 'missing_name_sms');
  assert.match(w[0].message, /first 7 characters/);
  const m = lint('王丽您好，全场9折😊', { channel: 'sms', buyerName: '王丽', marketing: true });
  assert.deepEqual(m.map((x) => x.code), ['sms_signature', 'sms_emoji', 'sms_opt_out']);
});

test('suggest offers at least three lines in different angles', () => {
  const s = suggest({
    now: '2026-11-24T10:00:00+08:00',
    order: { placedAt: '2026-11-24T08:40:00+08:00', amount: 129, items: [{ title: '珊瑚绒睡衣' }] },
    buyer: { name: '李娜' },
    shop: { name: '暖暖家居', paymentLink: 'https://shop.example/pay/1' }
  });
  assert.ok(s.lines.length >= 3);
  assert.ok(new Set(s.lines.map((l) => l.angle)).size >= 3, JSON.stringify(s.lines));
  for (const l of s.lines) {
    assert.ok(l.templateId && l.angle);
    assert.deepEqual(lint(l.text), [], l.text);
    assert.doesNotMatch(l.text, /[{}[\]]|,,|您好,,/);
  }
});

test('a bad shop template throws with its position', () => {
  let e;
  try {
    suggest({
      now: '2026-11-24T10:00:00+08:00',
      order: { placedAt: '2026-11-24T08:40:00+08:00', amount: 10 },
      shop: { templates: [{ id: 'a', text: '{hi}您好{nmae}' }] }
    });
  } catch (err) {
    e = err;
  }
  assert.equal(e?.name, 'CuifuError');
  assert.equal(e.code, 'invalid_template');
  assert.equal(e.path, 'shop.templates[0].text');
  assert.match(e.message, /character 7: unknown placeholder \{nmae\}/);
});

const asking = (text, extra = {}) => ({
  now: '2026-11-24T15:00:00+08:00',
  order: {
    placedAt: '2026-11-24T14:30:00+08:00',
    amount: 129,
    items: [{ title: '通勤双肩包', facts: { colours: ['黑色', '灰色'], stock: 30 } }]
  },
  buyer: { nick: '小周' },
  messages: [{ from: 'buyer', text, at: '2026-11-24T14:40:00+08:00' }],
  shop: { name: '行者箱包', shipping: { carrier: '中通', dispatch: '16:00前付款当天发', shipsFrom: '浙江杭州' } },
  ...extra
});

test('the first line answers from items[].facts and shop.shipping, or leaves a slot', () => {
  assert.match(suggest(asking('这个有黑色吗')).lines[0].text, /有黑色的/);
  assert.match(suggest(asking('什么时候发货')).lines[0].text, /我们从浙江杭州发中通，16:00前付款当天发/);
  const slot = suggest(asking('这个防水吗')).lines[0].text;
  assert.match(slot, /【这个防水吗：在这里回答】/);
});

test('the lines follow the buyer, locale stays the UI language', () => {
  const s = suggest(asking('這個有黑色嗎', { locale: 'en' }));
  assert.match(s.lines[0].text, /有黑色的喔/);
  assert.ok(s.why.length && s.why.every((w) => /^[A-Z]/.test(w)), s.why.join(' | '));
  const forced = suggest(asking('這個有黑色嗎', { buyer: { nick: '小周', locale: 'zh-CN' } }));
  assert.match(forced.lines[0].text, /有黑色的/);
  assert.doesNotMatch(forced.lines[0].text, /喔/);
});

test('linesAt re-words the lines for the moment they are sent', () => {
  const ctx = asking('好的');
  ctx.messages = [];
  // Not the first word on this silent order: that one names no close time.
  ctx.reminders = [{ at: '2026-11-24T14:55:00+08:00', channel: 'im' }];
  const first = suggest(ctx);
  const later = suggest({ ...ctx, linesAt: '2026-11-27T14:00:00+08:00' });
  assert.equal(first.sendAt, later.sendAt);
  const deadline = (s) => s.lines.find((l) => l.angle === 'deadline')?.text ?? '';
  assert.match(deadline(first), /11月27日（周五）下午2点半/);
  // An SMS may be read later: the hour, said for the day it is sent.
  assert.match(deadline(later), /今天下午2点半/);
  assert.throws(() => suggest({ ...ctx, linesAt: 'soon' }), (e) => e.code === 'invalid_time' && e.path === 'linesAt');
});
