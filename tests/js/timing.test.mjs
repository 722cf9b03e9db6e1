// The timing settings through the built package (pkg/): a reply to a waiting
// buyer and the reminder after it, hesitation space, SMS opt-out, and the
// typed errors for out-of-range values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
if (!existsSync(PKG + 'cuifu_bg.wasm')) throw new Error('pkg/ is missing: run bash scripts/build first');
const { suggest } = await import(PKG + 'node.mjs');

// A question on a Saturday evening (seeds 000/003: rest time is for reminders).
const asked = (shop = {}) => ({
  now: '2026-11-21T20:30:00+08:00',
  order: { placedAt: '2026-11-21T20:05:00+08:00', amount: 99, items: [{ title: '保温杯' }] },
  messages: [{ from: 'buyer', text: '两单能合并发货吗', at: '2026-11-21T20:06:00+08:00' }],
  shop
});

test('an open question is answered now; followUpAt keeps the rest-time rules', () => {
  const s = suggest(asked());
  assert.equal(s.action, 'hold');
  assert.equal(s.sendAt, '2026-11-21T20:30:00+08:00');
  assert.equal(s.followUpAt, '2026-11-23T10:00:00+08:00');
});

test('followUpOpenAnswer: false plans no reminder with an answer the agent must still find', () => {
  const s = suggest(asked({ followUpOpenAnswer: false }));
  assert.equal(s.action, 'hold');
  assert.equal(s.sendAt, '2026-11-21T20:30:00+08:00');
  assert.match(s.lines[0].text, /【两单能合并发货吗：在这里回答】/);
  assert.equal(s.followUpAt, null);
  assert.ok(s.why.some((w) => w.includes('不排付款提醒')), s.why.join('\n'));
});

test('answerAtNight: false holds a night reply until quietBefore', () => {
  const s = suggest({ ...asked({ answerAtNight: false }), now: '2026-11-21T23:30:00+08:00' });
  assert.equal(s.sendAt, '2026-11-22T10:00:00+08:00');
});

test('followUpAt is null when no reply comes first', () => {
  const s = suggest({ ...asked(), messages: [] });
  assert.equal(s.followUpAt, null);
});

test('hesitationHours and answerAtNight are checked', () => {
  for (const [shop, path] of [
    [{ hesitationHours: 100 }, 'shop.hesitationHours'],
    [{ hesitationHours: -1 }, 'shop.hesitationHours'],
    [{ answerAtNight: 'yes' }, 'shop.answerAtNight']
  ]) {
    let caught;
    try {
      suggest(asked(shop));
    } catch (e) {
      caught = e;
    }
    assert.ok(caught, JSON.stringify(shop));
    assert.equal(caught.name, 'CuifuError');
    assert.equal(caught.path, path, caught.message);
  }
});

test('no SMS to a buyer who opted out', () => {
  const base = {
    now: '2026-11-25T15:00:00+08:00',
    order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99 },
    reminders: [{ at: '2026-11-24T14:40:00+08:00', channel: 'im' }]
  };
  assert.equal(suggest(base).channel, 'sms');
  assert.equal(suggest({ ...base, buyer: { smsOptOut: true } }).channel, 'im');
});
