// End-to-end tests of the offline demo page (www/demo/) in Debian's Chromium.
// Expects pkg/ to be built already (the test command builds it first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve, watchRequests, artifactsDir, CHROMIUM } from './browser.mjs';

const PKG = fileURLToPath(new URL('../../pkg/cuifu.js', import.meta.url));
const skip = !existsSync(PKG)
  ? 'pkg/cuifu.js is missing: build the package first (bash scripts/build)'
  : !existsSync(CHROMIUM)
    ? `no Chromium at ${CHROMIUM}: run bash scripts/setup`
    : false;

let server;
let browser;

before(async () => {
  if (skip) return;
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the demo; records dialogs, page errors and every request. */
async function open(viewport = { width: 1440, height: 1000 }) {
  const page = await browser.newPage({ viewport });
  const dialogs = [];
  const errors = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const requests = watchRequests(page);
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, dialogs, errors, requests };
}

function assertLocalOnly({ requests, errors }) {
  assert.ok(requests.urls.length >= 5, `requests were recorded (${requests.urls.length})`);
  assert.deepEqual(requests.outside(), [], 'no request leaves localhost');
  assert.deepEqual(errors, [], 'no uncaught page error');
}

const suggestion = (page) =>
  page.evaluate(() => {
    const q = (s) => document.querySelector(`#suggestion ${s}`);
    return {
      action: q('[data-role="action"]')?.dataset.action ?? null,
      sentence: q('[data-role="action-sentence"]')?.textContent ?? '',
      channel: q('[data-role="channel"]')?.dataset.channel ?? null,
      tone: q('[data-role="tone"]')?.dataset.tone ?? null,
      reason: q('[data-role="reason"]')?.dataset.reason ?? null,
      lines: [...document.querySelectorAll('#suggestion [data-role="line"] .cf-line-text')].map((e) => e.textContent),
      copyButtons: document.querySelectorAll('#suggestion [data-role="line"] .cf-copy').length,
      error: q('.cf-error')?.textContent ?? null
    };
  });

test('every preset shows an action, a channel and its lines', { skip }, async () => {
  const ctx = await open();
  const { page } = ctx;
  const presets = await page.evaluate(() =>
    import('/www/demo/presets.js').then((m) => m.PRESETS.map((p) => ({ id: p.id, stop: !!p.stop, now: p.context.now })))
  );
  assert.ok(presets.length >= 12, `12 presets (${presets.length})`);
  for (const p of presets) {
    await page.click(`[data-preset="${p.id}"]`);
    const s = await suggestion(page);
    assert.equal(s.error, null, `${p.id}: no error`);
    assert.ok(s.sentence.trim(), `${p.id}: an action sentence`);
    // Each preset fixes `now`.
    assert.equal(await page.inputValue('#now'), p.now.slice(0, 16), `${p.id}: now is fixed`);
    if (p.stop) {
      assert.equal(s.action, 'stop', `${p.id}: stop`);
      assert.match(s.sentence, /不要催/, `${p.id}: the stop sentence`);
    } else {
      assert.ok(['send_now', 'schedule', 'hold'].includes(s.action), `${p.id}: action ${s.action}`);
      assert.ok(['im', 'sms', 'phone'].includes(s.channel), `${p.id}: channel ${s.channel}`);
      assert.ok(s.tone, `${p.id}: a tone`);
      // A reminder offers three or more; a reply offers the ways to answer.
      const least = s.action === 'schedule' ? 3 : 1;
      assert.ok(s.lines.length >= least, `${p.id}: ≥${least} lines (${s.lines.length})`);
      assert.equal(s.copyButtons, s.lines.length, `${p.id}: a copy button per line`);
      assert.ok(s.lines.every((l) => l.trim()), `${p.id}: lines have text`);
    }
  }
  assertLocalOnly(ctx);
  await page.close();
});

test('evidence: the buyer words behind the reason are highlighted in the chat', { skip }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await page.click('[data-preset="forgot-password"]');
  const ev = await page.evaluate(() => {
    const s = JSON.parse(document.querySelector('#json-suggestion').textContent);
    const marks = [...document.querySelectorAll('#chat mark.evidence')].map((m) => m.textContent);
    return { evidence: s.reason.evidence, marks };
  });
  assert.ok(ev.evidence.length >= 1, 'the reason has evidence');
  assert.deepEqual(ev.marks, ev.evidence.map((e) => e.text), 'each evidence span is marked in its message');
  await page.close();
});

test('every edit re-suggests at once', { skip }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await page.click('[data-preset="silent-morning"]');
  assert.equal((await suggestion(page)).reason, 'silent_order');
  await page.click('[data-add="buyer"]');
  await page.locator('#chat .msg-text').last().fill('支付密码忘了怎么办');
  const s = await suggestion(page);
  assert.notEqual(s.reason, 'silent_order', 'a chat is no longer a silent order');
  const json = JSON.parse(await page.textContent('#json-context'));
  assert.equal(json.messages.at(-1).text, '支付密码忘了怎么办');
  assert.equal(json.messages.at(-1).from, 'buyer');

  // Removing the message brings the silent order back.
  await page.locator('#chat .msg .icon-btn').last().click();
  assert.equal((await suggestion(page)).reason, 'silent_order');

  // A bad field shows its error next to the field named by the path.
  await page.fill('[data-bind="order.amount"]', '-5');
  const err = page.locator('.field-error');
  await err.first().waitFor();
  assert.match(await err.first().getAttribute('data-path'), /^order\.amount/);
  assert.ok(await page.locator('[data-bind="order.amount"].invalid').count());
  await page.fill('[data-bind="order.amount"]', '59');
  assert.equal(await page.locator('.field-error').count(), 0, 'the error clears');
  assertLocalOnly(ctx);
  await page.close();
});

test('the UI language follows the suggestion locale', { skip }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await page.click('[data-preset="size-question"]');
  await page.selectOption('#locale', 'en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('[data-i18n="order"]'), 'Order');
  const s = await suggestion(page);
  assert.match(s.sentence, /[A-Za-z]/, `English action sentence: ${s.sentence}`);
  await page.selectOption('#locale', 'zh-TW');
  assert.equal(await page.textContent('[data-i18n="order"]'), '訂單');
  await page.close();
});

test('paste a chat: messages parsed, agent by nick, unparsed lines listed', { skip }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await page.click('[data-preset="silent-morning"]');
  await page.click('#paste summary');
  const transcript = [
    'tb_lili 2026-11-24 14:05:12',
    '这件外套有M码吗？',
    '小美 2026-11-24 14:06:01',
    '有的亲，M码现货~',
    '[2026-11-24 14:08] tb_lili：那我先拍了，明天发工资再付',
    '这一行没头没尾'
  ].join('\n');
  await page.fill('#paste-agents', '小美');
  await page.fill('#paste-text', transcript);
  await page.waitForSelector('.paste-count');
  assert.equal(await page.getAttribute('.paste-count', 'data-count'), '3');
  const unparsed = await page.$$eval('.unparsed li', (li) => li.map((l) => Number(l.dataset.line)));
  assert.deepEqual(unparsed, [6]);
  await page.click('#paste-apply');
  const chat = await page.$$eval('#chat .msg', (rows) =>
    rows.map((r) => ({
      from: r.querySelector('.msg-role').value,
      text: r.querySelector('.msg-text').value,
      at: r.querySelector('.msg-time').value
    }))
  );
  assert.deepEqual(chat, [
    { from: 'buyer', text: '这件外套有M码吗？', at: '14:05' },
    { from: 'agent', text: '有的亲，M码现货~', at: '14:06' },
    { from: 'buyer', text: '那我先拍了，明天发工资再付', at: '14:08' }
  ]);
  assert.equal(await page.inputValue('#buyer-nick'), 'tb_lili');
  const ctxJson = JSON.parse(await page.textContent('#json-context'));
  assert.equal(ctxJson.messages[0].at, '2026-11-24T14:05:12+08:00');
  const s = await suggestion(page);
  assert.ok(s.action, 'the pasted chat is suggested on');
  assertLocalOnly(ctx);
  await page.close();
});

test('lint box: 最低价 is highlighted with its explanation', { skip }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await page.fill('#lint-text', '亲，这是全网最低价哦，快来拍吧');
  const mark = page.locator('#lint-out .cf-lint-text mark');
  await mark.first().waitFor();
  const marks = await mark.evaluateAll((ms) => ms.map((m) => ({ text: m.textContent, code: m.dataset.code, title: m.title })));
  const extreme = marks.find((m) => m.code === 'extreme_word');
  assert.ok(extreme, `an extreme_word span: ${JSON.stringify(marks)}`);
  assert.ok('全网最低价'.includes(extreme.text) && extreme.text.includes('最'), `span covers the word: ${extreme.text}`);
  assert.ok(extreme.title.trim(), 'the span explains itself');
  const item = page.locator('#lint-out .cf-lint-item[data-code="extreme_word"] .cf-lint-msg');
  assert.ok((await item.first().textContent()).trim(), 'the warning has an explanation');
  // Live: fixing the line clears the warning.
  await page.fill('#lint-text', '亲，这款性价比很高哦');
  await page.waitForSelector('#lint-out .cf-lint-ok');
  await page.close();
});

test('buyer-supplied strings are shown as text, never run', { skip }, async () => {
  const ctx = await open();
  const { page, dialogs } = ctx;
  const evil = '<img src=x onerror=alert(1)>';
  await page.click('[data-preset="returning-263"]');
  await page.fill('#buyer-name', evil);
  await page.fill('#buyer-nick', evil);
  await page.click('[data-add="buyer"]');
  await page.locator('#chat .msg-text').last().fill(evil);
  await page.fill('[data-bind="shop.name"]', evil);
  await page.fill('#lint-text', evil);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, [], 'no dialog fired');
  assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
  assert.equal(await page.textContent('#chat-nick'), evil, 'the nick shows literally');
  assert.ok((await page.textContent('#json-context')).includes(evil), 'the JSON view shows it literally');
  assert.ok((await page.textContent('#lint-out')).includes(evil), 'the lint view shows it literally');
  // Plain text, except the highlighted 【…】 slots, which hold text only.
  const plain = await page.$$eval('#suggestion .cf-line-text, #suggestion .cf-remark-text', (els) =>
    els.every((e) =>
      [...e.children].every((c) => c.tagName === 'MARK' && c.className === 'cf-slot' && c.children.length === 0)
    )
  );
  assert.ok(plain, 'lines and remark are plain text');
  assertLocalOnly(ctx);
  await page.close();
});

test('screenshot of the filled page', { skip }, async () => {
  const ctx = await open({ width: 1440, height: 1500 });
  const { page } = ctx;
  await page.click('[data-preset="bargain"]');
  await page.fill('#lint-text', '亲，全网最低价，明天就到哦');
  await page.waitForSelector('#lint-out mark');
  const path = join(artifactsDir(), 'demo.png');
  await page.screenshot({ path, fullPage: true });
  assert.ok(existsSync(path));
  assertLocalOnly(ctx);
  await page.close();
});
