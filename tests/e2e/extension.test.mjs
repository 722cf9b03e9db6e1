// The browser extension end to end: Debian Chromium loads the unpacked
// extension, the bundled mock seller workbench is served locally, and the
// side panel (opened as its page in a tab) follows the chat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { launchWithExtension, serve, watchRequests, artifactsDir } from './browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXT = join(ROOT, 'www/extension');
const NOW = '2026-11-24T15:00:00+08:00'; // a Tuesday afternoon, shop time
const haveBrowser = existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const havePkg = existsSync(join(ROOT, 'pkg/cuifu.js')) && existsSync(join(ROOT, 'pkg/cuifu_bg.wasm'));
const skip = !havePkg ? 'pkg/ is missing: run `bash scripts/build` first' : !haveBrowser ? 'no Chromium at /usr/bin/chromium' : false;

let server, ctx, sw, id, chat, panel, requests;

before(async () => {
  if (skip) return;
  execFileSync('bash', [join(ROOT, 'scripts/build-extension')], { stdio: 'pipe' });
  server = await serve();
  ctx = await launchWithExtension(EXT);
  requests = watchRequests(ctx);
  [sw] = ctx.serviceWorkers();
  if (!sw) sw = await ctx.waitForEvent('serviceworker');
  id = new URL(sw.url()).host;
  // Pin the clock so the plan does not depend on when the test runs.
  await sw.evaluate((clock) => chrome.storage.local.set({ clock }), NOW);
  chat = await ctx.newPage();
  await chat.goto(`${server.url}/www/mock-chat/?now=${encodeURIComponent(NOW)}`);
  panel = await ctx.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
});

after(async () => {
  if (panel) await panel.screenshot({ path: join(artifactsDir(), 'extension-panel.png'), fullPage: true }).catch(() => {});
  await ctx?.close();
  await server?.close();
});

const result = () => panel.locator('#result');
const attr = (name) => result().getAttribute(`data-${name}`);

/** Waits until the panel's result has `data-<name>` satisfying `ok`. */
async function waitAttr(name, ok, timeout = 3000) {
  await panel.waitForFunction(
    ([n, src]) => {
      const v = document.querySelector('#result')?.dataset?.[n];
      return v !== undefined && new Function('v', `return (${src})(v)`)(v);
    },
    [name, ok.toString()],
    { timeout }
  );
  return attr(name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()));
}

test('the panel shows a suggestion for the open conversation', { skip }, async () => {
  await waitAttr('conversation', (v) => v === 'c1');
  assert.equal(await panel.locator('#buyer-nick').textContent(), '小鹿乱撞2019');
  const sentence = await panel.locator('[data-role="action-sentence"]').textContent();
  assert.ok(sentence.trim().length > 0, 'an action sentence');
  assert.match(await attr('action'), /^(send_now|schedule|hold|stop)$/);
  assert.ok((await panel.locator('[data-role="closes-at"]').count()) === 1, 'time left to close');
  assert.ok((await panel.locator('[data-role="channel"]').count()) === 1);
  assert.ok((await panel.locator('[data-role="tone"]').count()) === 1);
  assert.ok((await panel.locator('.cf-line').count()) >= 3, 'at least three lines');
  assert.ok((await panel.locator('.cf-why li').count()) >= 1, 'why');
  assert.ok((await panel.locator('[data-role="remark"]').count()) === 1, 'remark');
});

test('a new buyer message re-suggests within a second (price_bargain)', { skip }, async () => {
  await waitAttr('conversation', (v) => v === 'c1');
  const t0 = Date.now();
  await chat.evaluate(() => window.mockChat.buyerSays('能便宜点吗'));
  await waitAttr('reason', (v) => v === 'price_bargain', 1000);
  assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
  const quotes = await panel.locator('.cf-quote').allTextContents();
  assert.ok(quotes.some((q) => '能便宜点吗'.includes(q)), `evidence quotes the buyer: ${quotes}`);
});

test('insert fills the input box without sending', { skip }, async () => {
  const before = await chat.locator('#msg-list .msg').count();
  const line = (await panel.locator('.cf-line .cf-line-text').first().textContent()).trim();
  await panel.locator('.cf-line [data-act="insert"]').first().click();
  await chat.waitForFunction((t) => document.querySelector('#chat-input').value === t, line, { timeout: 2000 });
  assert.equal(await chat.locator('#msg-list .msg').count(), before, 'nothing was sent');
});

test('mark sent, then the next suggestion respects the gap', { skip }, async () => {
  await waitAttr('conversation', (v) => v === 'c1');
  const firstAt = Date.parse(await attr('send-at'));
  assert.equal(await attr('reminders'), '0');
  await panel.locator('.cf-line [data-act="mark-sent"]').first().click();
  await waitAttr('reminders', (v) => v === '1');
  const next = await attr('send-at');
  const action = await attr('action');
  const stored = await sw.evaluate(() => chrome.storage.local.get('orders'));
  const rec = Object.values(stored.orders).find((o) => o.id === '3981204417726610');
  assert.equal(rec.reminders.length, 1);
  assert.equal(rec.reminders[0].at, NOW);
  assert.ok(rec.reminders[0].channel && rec.reminders[0].templateId);
  if (action !== 'stop') {
    const gap = Date.parse(next) - Date.parse(NOW);
    assert.ok(Date.parse(next) > firstAt, `sendAt moved later: ${next}`);
    assert.ok(gap >= 60 * 60000, `waits at least an hour after the reminder: ${next}`);
  }
  // Outcome buttons record locally.
  await panel.locator('[data-outcome="no_reply"]').click();
  await panel.waitForFunction(() => document.querySelector('[data-outcome="no_reply"]').classList.contains('on'));
});

test('switching conversation switches the suggestion', { skip }, async () => {
  const reasonBefore = await attr('reason');
  await chat.locator('.conv-item[data-conv-id="c4"]').click();
  await waitAttr('conversation', (v) => v === 'c4', 1500);
  assert.equal(await panel.locator('#buyer-nick').textContent(), '陈女士');
  assert.notEqual(await attr('reason'), reasonBefore);
  assert.equal(await attr('reminders'), '0');
});

test('a buyer nick with HTML shows as text', { skip }, async () => {
  await chat.locator('.conv-item[data-conv-id="c3"]').click();
  await waitAttr('conversation', (v) => v === 'c3', 1500);
  const nick = '<img src=x onerror="window.__xss=1">糖糖<b>vip</b>';
  assert.equal(await panel.locator('#buyer-nick').textContent(), nick);
  assert.equal(await panel.locator('body img, body b').count(), 0);
  assert.equal(await panel.evaluate(() => window.__xss), undefined);
  assert.equal(await chat.evaluate(() => window.__xss), undefined);
});

test('pasted chat text gets a suggestion too', { skip }, async () => {
  await panel.locator('#paste summary').click();
  await panel.locator('#paste-text').fill('能便宜点吗');
  await panel.locator('#paste-amount').fill('99');
  await panel.locator('#paste-go').click();
  await waitAttr('conversation', (v) => v === 'paste');
  assert.equal(await attr('reason'), 'price_bargain');
  await panel.locator('#paste-back').click();
  await waitAttr('conversation', (v) => v !== 'paste');
  await panel.locator('#paste summary').click();
});

test('settings persist and the module checks them', { skip }, async () => {
  const opts = await ctx.newPage();
  await opts.goto(`chrome-extension://${id}/options.html`);
  await opts.waitForSelector('body[data-ready]');
  // A value the module rejects: its error shows next to the field, nothing saved.
  await opts.fill('#f-margin', '5');
  await opts.click('#save');
  const err = opts.locator('[data-path="shop.margin"] ~ .err');
  await assert.doesNotReject(err.filter({ hasText: /\S/ }).waitFor({ timeout: 2000 }));
  assert.equal((await sw.evaluate(() => chrome.storage.sync.get('shop'))).shop, undefined);

  await opts.fill('#f-margin', '0.3');
  await opts.fill('#f-name', '小暖家居');
  await opts.fill('#f-minGapMinutes', '90');
  await opts.fill('#pref-holdoutShare', '10');
  await opts.click('#save');
  await opts.waitForFunction(() => document.querySelector('#save-status').textContent.length > 0 && !document.querySelector('.invalid'));
  const { shop, prefs } = await sw.evaluate(() => chrome.storage.sync.get(['shop', 'prefs']));
  assert.equal(shop.name, '小暖家居');
  assert.equal(shop.margin, 0.3);
  assert.equal(shop.minGapMinutes, 90);
  assert.equal(prefs.holdoutShare, 10);
  await opts.reload();
  await opts.waitForSelector('body[data-ready]');
  assert.equal(await opts.inputValue('#f-name'), '小暖家居');
  assert.equal(await opts.inputValue('#f-minGapMinutes'), '90');
  // The statistics count the reminder marked above.
  assert.equal(await opts.locator('[data-stat="sent"] b').textContent(), '1');
  await opts.close();
});

test('no request leaves the machine', { skip }, async () => {
  assert.deepEqual(requests.outside(), []);
  assert.ok(requests.urls.some((u) => u.includes('/www/mock-chat/')));
});
