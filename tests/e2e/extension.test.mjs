// The browser extension end to end: Debian Chromium loads the unpacked
// extension, the bundled mock seller workbench is served locally, and the
// side panel (opened as its page in a tab) follows the chat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { launchWithExtension, serve, watchRequests, artifactsDir } from './browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXT = join(ROOT, 'dist/extension-dev'); // the development build: the mock workbench's adapter and host access
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
  // The panel (a tab here) follows the active tab of its window, as the side panel does.
  await chat.bringToFront();
});

after(async () => {
  if (panel) await panel.screenshot({ path: join(artifactsDir(), 'extension-panel.png'), fullPage: true }).catch(() => {});
  await ctx?.close();
  await server?.close();
});

const result = () => panel.locator('#result');
// Panel clicks run in the page: the panel is a background tab here (as a side
// panel sits beside the page), where Playwright's wait for a stable frame is slow.
const attr = (name) => result().getAttribute(`data-${name}`);

/** Waits until the panel's result has `data-<name>` equal to `want.eq` (or different from `want.ne`). */
async function waitAttr(name, want, timeout = 3000) {
  await panel.waitForFunction(
    ([n, w]) => {
      const v = document.querySelector('#result')?.dataset?.[n];
      return v !== undefined && ('eq' in w ? v === w.eq : v !== w.ne);
    },
    [name, want],
    { timeout, polling: 50 }
  );
  return result().getAttribute(`data-${name}`);
}

test('the panel shows a suggestion for the open conversation', { skip }, async () => {
  await waitAttr('conversation', { eq: 'c1' });
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
  // The toolbar button opens the side panel.
  const behavior = await sw.evaluate(() => chrome.sidePanel.getPanelBehavior());
  assert.equal(behavior.openPanelOnActionClick, true);
});

test('a new buyer message re-suggests within a second (price_bargain)', { skip }, async () => {
  await waitAttr('conversation', { eq: 'c1' });
  const t0 = Date.now();
  await chat.evaluate(() => window.mockChat.buyerSays('能便宜点吗'));
  await waitAttr('reason', { eq: 'price_bargain' }, 1000);
  assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
  const quotes = await panel.locator('.cf-quote').allTextContents();
  assert.ok(quotes.some((q) => '能便宜点吗'.includes(q)), `evidence quotes the buyer: ${quotes}`);
});

test('insert fills the input box without sending', { skip }, async () => {
  const before = await chat.locator('#msg-list .msg').count();
  const line = (await panel.locator('.cf-line .cf-line-text').first().textContent()).trim();
  await panel.locator('.cf-line [data-act="insert"]').first().evaluate((el) => el.click());
  await chat.waitForFunction((t) => document.querySelector('#chat-input').value === t, line, { timeout: 2000 });
  assert.equal(await chat.locator('#msg-list .msg').count(), before, 'nothing was sent');
});

test('an edited line is checked as it is typed', { skip }, async () => {
  await panel.locator('.cf-line [data-act="edit"]').first().evaluate((el) => el.click());
  await panel.locator('#edit-text').fill('亲，全网最低价，明天就到！');
  await panel.waitForSelector('#edit-lint .cf-lint-item');
  const codes = await panel.locator('#edit-lint .cf-lint-item').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.ok(codes.includes('extreme_word'), `lint codes: ${codes}`);
  assert.ok(await panel.locator('#edit-lint mark').count() >= 1, 'the flagged words are highlighted');
});

test('mark sent, then the next suggestion respects the gap', { skip }, async () => {
  await waitAttr('conversation', { eq: 'c1' });
  const firstAt = Date.parse(await attr('send-at'));
  assert.equal(await attr('reminders'), '0');
  await panel.locator('.cf-line [data-act="mark-sent"]').first().evaluate((el) => el.click());
  await waitAttr('reminders', { eq: '1' });
  const next = await attr('send-at');
  const action = await attr('action');
  const stored = await sw.evaluate(() => chrome.storage.local.get(null));
  const rec = stored['o:id:3981204417726610'];
  assert.equal(rec.reminders.length, 1);
  assert.equal(rec.reminders[0].at, NOW);
  assert.ok(rec.reminders[0].channel && rec.reminders[0].templateId);
  if (action !== 'stop') {
    const gap = Date.parse(next) - Date.parse(NOW);
    assert.ok(Date.parse(next) > firstAt, `sendAt moved later: ${next}`);
    assert.ok(gap >= 60 * 60000, `waits at least an hour after the reminder: ${next}`);
  }
  // Outcome buttons record locally.
  await panel.locator('[data-outcome="no_reply"]').evaluate((el) => el.click());
  await panel.waitForFunction(() => document.querySelector('[data-outcome="no_reply"]').classList.contains('on'));
});

test('an order card that turns paid records the outcome and stops', { skip }, async () => {
  await waitAttr('conversation', { eq: 'c1' });
  await chat.click('#sim-pay');
  await waitAttr('action', { eq: 'stop' });
  await panel.waitForFunction(() => document.querySelector('[data-outcome="paid"]').classList.contains('on'), null, { polling: 50, timeout: 2000 });
  const stored = await sw.evaluate(() => chrome.storage.local.get('o:id:3981204417726610'));
  assert.equal(stored['o:id:3981204417726610'].outcome.kind, 'paid');
});

test('switching conversation switches the suggestion', { skip }, async () => {
  const reasonBefore = await attr('reason');
  await chat.locator('.conv-item[data-conv-id="c4"]').click();
  await waitAttr('conversation', { eq: 'c4' }, 1500);
  assert.equal(await panel.locator('#buyer-nick').textContent(), '陈女士');
  assert.notEqual(await attr('reason'), reasonBefore);
  assert.equal(await attr('reminders'), '0');
});

test('a buyer nick with HTML shows as text', { skip }, async () => {
  await chat.locator('.conv-item[data-conv-id="c3"]').click();
  await waitAttr('conversation', { eq: 'c3' }, 1500);
  const nick = '<img src=x onerror="window.__xss=1">糖糖<b>vip</b>';
  assert.equal(await panel.locator('#buyer-nick').textContent(), nick);
  assert.equal(await panel.locator('body img, body b').count(), 0);
  assert.equal(await panel.evaluate(() => window.__xss), undefined);
  assert.equal(await chat.evaluate(() => window.__xss), undefined);
});

test('pasted chat text gets a suggestion too', { skip }, async () => {
  await panel.locator('#paste summary').evaluate((el) => el.click());
  const transcript = [
    '小鹿乱撞2019 2026-11-24 14:20:00',
    '你好，毛毯会掉毛吗？',
    '小暖家居:乐乐 2026-11-24 14:22:00',
    '亲，不掉毛的哦',
    '小鹿乱撞2019 2026-11-24 14:34:00',
    '能便宜点吗'
  ].join('\n');
  await panel.locator('#paste-text').fill(transcript);
  await panel.locator('#paste-amount').fill('99');
  await panel.locator('#paste-go').evaluate((el) => el.click());
  await waitAttr('conversation', { eq: 'paste' });
  assert.equal(await attr('reason'), 'price_bargain');
  assert.equal(await panel.locator('#buyer-nick').textContent(), '小鹿乱撞2019');
  await panel.locator('#paste-back').evaluate((el) => el.click());
  await waitAttr('conversation', { ne: 'paste' });
  await panel.locator('#paste summary').evaluate((el) => el.click());
});

test('text selected on a page (context menu) is read as a transcript', { skip }, async () => {
  // What the context menu's handler stores; the menu itself needs a real right-click.
  await sw.evaluate(() =>
    chrome.storage.session.set({ selection: { text: '这个能不能便宜点啊', url: 'https://example.com/', at: Date.now() } })
  );
  await waitAttr('conversation', { eq: 'paste' });
  assert.equal(await attr('reason'), 'price_bargain');
  assert.equal(await panel.inputValue('#paste-text'), '这个能不能便宜点啊');
  await panel.locator('#paste-back').evaluate((el) => el.click());
  await waitAttr('conversation', { ne: 'paste' });
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
  // The CSV export masks buyer nicks.
  const [download] = await Promise.all([opts.waitForEvent('download'), opts.click('#export-csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^\ufefforder,buyer,amount/);
  assert.ok(csv.includes('3981204417726610,小******'), csv);
  assert.ok(!csv.includes('小鹿乱撞'));
  await opts.close();
  await chat.bringToFront();
});

test('the language setting switches the panel and the lines', { skip }, async () => {
  const { prefs } = await sw.evaluate(() => chrome.storage.sync.get('prefs'));
  await sw.evaluate((p) => chrome.storage.sync.set({ prefs: { ...p, locale: 'zh-TW' } }), prefs);
  await panel.waitForFunction(() => document.documentElement.lang === 'zh-TW' && document.querySelector('.cf-suggestion')?.lang === 'zh-TW', null, { polling: 50, timeout: 3000 });
  assert.equal(await panel.locator('#record h3').textContent(), '紀錄');
  await sw.evaluate((p) => chrome.storage.sync.set({ prefs: { ...p, locale: 'zh-CN' } }), prefs);
  await panel.waitForFunction(() => document.querySelector('.cf-suggestion')?.lang === 'zh-CN', null, { polling: 50, timeout: 3000 });
  assert.equal(await panel.locator('#record h3').textContent(), '记录');
});

test('the element picker fills in a selector', { skip }, async () => {
  const opts = await ctx.newPage();
  await opts.goto(`chrome-extension://${id}/options.html`);
  await opts.waitForSelector('body[data-ready]');
  await opts.click('#add-adapter');
  await opts.fill('.adapter .ad-matches', 'http://127.0.0.1/*');
  await opts.click('.adapter [data-pick="buyerNick"]');
  await opts.waitForFunction(() => document.querySelector('.adapter .sample').textContent.length > 0);
  await chat.click('#buyer-nick');
  await opts.waitForFunction(() => document.querySelector('.adapter .sel-input[data-key="buyerNick"]').value !== '', null, { timeout: 3000 });
  assert.equal(await opts.inputValue('.adapter .sel-input[data-key="buyerNick"]'), '#buyer-nick');
  await opts.close(); // not saved: the mock preset stays in use
  await chat.bringToFront();
});

test('a site adapter set on the options page reads another chat layout', { skip }, async () => {
  const adapter = {
    id: 'custom-1',
    name: 'plain',
    matches: 'http://127.0.0.1/www/mock-chat/plain.html*',
    buyerNick: '.peer-name',
    message: '#thread .bubble',
    sender: '.who',
    time: '.when',
    text: '.body',
    input: '#editor',
    orderCard: '#order-box',
    orderId: '.no',
    orderStatus: '.state',
    orderPlacedAt: '.time',
    orderAmount: '.total',
    orderItem: '.goods',
    itemTitle: '.goods-name',
    itemQty: '.goods-num',
    itemPrice: '.goods-price'
  };
  const { prefs } = await sw.evaluate(() => chrome.storage.sync.get('prefs'));
  await sw.evaluate((a) => chrome.storage.sync.set(a), { adapters: [adapter], prefs: { ...prefs, agentNicks: '店小二:阿福' } });
  const plain = await ctx.newPage();
  await plain.goto(`${server.url}/www/mock-chat/plain.html?now=${encodeURIComponent(NOW)}`);
  await waitAttr('conversation', { eq: 'lily_小白' });
  assert.equal(await attr('reason'), 'comparing_shops');
  assert.equal(await panel.locator('#notes li').filter({ hasNotText: /2026-11-24T15:00/ }).count(), 0, 'order read, nothing assumed');
  const rec = (await sw.evaluate(() => chrome.storage.local.get('o:id:5521009934')))['o:id:5521009934'];
  assert.equal(rec.amount, 1299);
  assert.equal(rec.placedAt, '2026-11-24T14:30:00+08:00');
  const tabId = Number(await panel.locator('#source').getAttribute('data-tab'));
  const page = (await sw.evaluate((k) => chrome.storage.session.get(k), `tab:${tabId}`))[`tab:${tabId}`];
  assert.deepEqual(page.messages.map((x) => x.from), ['buyer', 'agent', 'buyer'], 'roles from the agent nick');
  assert.equal(page.messages[0].at, '2026-11-24T14:20:00+08:00', 'zone-less time text read as shop time');
  assert.deepEqual(page.order.items, [{ title: '真皮双肩包 棕色', quantity: 1, price: 1299 }]);
  // Insert into a contenteditable input of the tab the panel shows.
  const line = (await panel.locator('.cf-line .cf-line-text').first().textContent()).trim();
  await panel.locator('.cf-line [data-act="insert"]').first().evaluate((el) => el.click());
  await plain.waitForFunction((t) => document.querySelector('#editor').textContent === t, line, { timeout: 2000 });
  // The service worker registered the content script for the adapter's (granted) site.
  const registered = await sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).filter((c) => c.id.startsWith('custom-')).flatMap((c) => c.matches));
  assert.deepEqual(registered, [adapter.matches]);
  await sw.evaluate((p) => chrome.storage.sync.set({ adapters: [], prefs: p }), prefs);
  await plain.close();
  await chat.bringToFront();
});

test('statistics, holdout and the masked CSV (no browser)', async () => {
  const { computeStats, inHoldout, toCsv, maskNick } = await import('../../www/extension/lib/store.js');
  const day = 86400000;
  const now = Date.parse(NOW);
  const at = (ms) => new Date(ms).toISOString();
  const orders = {
    a: { id: 'A', nick: '王小丽', reason: 'price_bargain', reminders: [{ at: at(now - 3600000), channel: 'im', templateId: 't1', reason: 'price_bargain' }], outcome: { kind: 'paid', at: at(now - 60000) } },
    b: { id: 'B', nick: 'bob', reason: 'price_bargain', reminders: [{ at: at(now - 2 * day), channel: 'im', templateId: 't2', reason: 'price_bargain' }], outcome: { kind: 'no_reply', at: at(now - day) } },
    c: { id: 'C', nick: 'c', reason: 'unknown', reminders: [{ at: at(now - 20 * day), channel: 'sms', templateId: 't1', reason: 'unknown' }] },
    h: { id: 'H', nick: 'h', holdout: true, unpaidSeen: true, firstSeen: at(now - 3600000), reminders: [], outcome: { kind: 'paid', at: at(now) } },
    // A holdout order first seen already paid says nothing: not counted.
    p: { id: 'P', nick: 'p', holdout: true, unpaidSeen: false, firstSeen: at(now - 3600000), reminders: [], outcome: { kind: 'paid', at: at(now) } }
  };
  const d1 = computeStats(orders, now, 1);
  assert.equal(d1.reminded, 1);
  assert.equal(d1.paid, 1);
  assert.equal(d1.recovery, 1);
  assert.equal(d1.holdout.orders, 1);
  assert.equal(d1.lift, 0);
  const d7 = computeStats(orders, now, 7);
  assert.equal(d7.reminded, 2);
  assert.equal(d7.recovery, 0.5);
  assert.deepEqual(d7.byTemplate.map((g) => [g.key, g.orders, g.paid]).sort(), [['t1', 1, 1], ['t2', 1, 0]]);
  assert.equal(computeStats(orders, now, 30).sent, 3);
  // Holdout: deterministic per order, about the share asked for.
  const keys = Array.from({ length: 2000 }, (_, i) => `id:${1e15 + i}`);
  const share = keys.filter((k) => inHoldout(k, 10)).length / keys.length;
  assert.ok(share > 0.07 && share < 0.13, `share ${share}`);
  assert.equal(inHoldout('id:42', 10), inHoldout('id:42', 10));
  assert.equal(inHoldout('id:42', 0), false);
  // Masking: the buyer column only (order numbers stay whole); no formula injection; shop time.
  assert.equal(maskNick('王小丽'), '王**');
  const csv = toCsv({ ...orders, x: { id: '=cmd()', nick: '13812345678', reminders: [] }, y: { id: '3981204417726610', nick: 'nn', firstSeen: '2026-11-24T16:30:00Z', reminders: [] } }, '+08:00');
  assert.ok(!csv.includes('王小丽') && !csv.includes('13812345678'));
  assert.ok(csv.includes("'=cmd()"));
  assert.ok(csv.includes('3981204417726610,n*,'), 'order numbers are not masked');
  assert.ok(csv.includes('2026-11-25 00:30'), 'times in shop time (UTC 16:30 is 00:30 the next day at +08:00)');
});

test('the real side panel opens from a click', { skip }, async () => {
  const opts = await ctx.newPage();
  await opts.goto(`chrome-extension://${id}/options.html`);
  await opts.waitForSelector('body[data-ready]');
  await opts.click('#open-panel');
  // The panel's context can appear before its document URL is set: wait for both.
  const panels = () => sw.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }));
  const t0 = Date.now();
  let found = await panels();
  while (!found.some((c) => c.documentUrl) && Date.now() - t0 < 5000) {
    await new Promise((r) => setTimeout(r, 100));
    found = await panels();
  }
  assert.ok(found.length > 0, 'a side panel context');
  assert.match(found.find((c) => c.documentUrl)?.documentUrl ?? '', /sidepanel\.html$/);
  await opts.close();
  await chat.bringToFront();
});

test('adapter URL patterns and the context built from a page (no browser)', async () => {
  await import('../../www/extension/adapters.js');
  const { matchesPattern, originPattern, pickAdapter } = globalThis.cuifuAdapters;
  assert.ok(matchesPattern('https://*.example.com/chat/*', 'https://im.example.com/chat/1?x=2'));
  assert.ok(matchesPattern('https://example.com/*', 'https://example.com/'));
  assert.ok(!matchesPattern('https://example.com/*', 'https://evil.com/example.com/'));
  assert.ok(!matchesPattern('https://*.example.com/*', 'https://example.com.evil.io/'));
  assert.ok(matchesPattern('http://127.0.0.1/*', 'http://127.0.0.1:8787/www/mock-chat/'));
  assert.ok(!matchesPattern('not a pattern', 'https://example.com/'));
  assert.equal(originPattern('https://im.example.com:8443/chat/*'), 'https://im.example.com/*');
  assert.equal(pickAdapter([{ matches: 'https://a.com/*', id: 'a' }], 'https://a.com/x', null).id, 'a');
  assert.equal(pickAdapter([{ matches: 'https://a.com/*', id: 'a', enabled: false }], 'https://a.com/x', null), null);

  const { buildContext } = await import('../../www/extension/lib/context.js');
  const page = {
    buyer: { nick: 'x' },
    order: { id: '1', placedAt: '2026-11-24T14:00:00+08:00', amount: 99, items: [{ title: 't', quantity: 1 }], paid: false },
    messages: [{ from: 'buyer', text: '在吗', at: '2026-11-24T14:01:00+08:00' }, { from: 'buyer', text: '  ' }, { from: 'weird', text: 'hi' }]
  };
  const settings = { shop: { name: 'S', coupon: '' }, templates: [{ id: 'a', text: '{name}好' }, { id: '', text: 'x' }] };
  const { context, assumed } = buildContext(page, settings, { reminders: [{ at: NOW, channel: 'im', templateId: 'a', reason: 'unknown' }] }, NOW, 'zh-CN');
  assert.deepEqual(assumed, []);
  assert.deepEqual(context.messages.map((x) => x.from), ['buyer', 'buyer']);
  assert.deepEqual(context.shop, { name: 'S', templates: [{ id: 'a', text: '{name}好' }] });
  assert.deepEqual(context.reminders, [{ at: NOW, channel: 'im', templateId: 'a' }]);
  assert.equal(context.order.paid, undefined);
  const bare = buildContext({ messages: [] }, { shop: { avgOrderValue: 80 } }, null, NOW, 'en');
  assert.deepEqual(bare.assumed, ['placedAt', 'amount']);
  assert.equal(bare.context.order.amount, 80);
  assert.equal(bare.context.order.placedAt, NOW);
});

test('settings out of range, unsafe links and bad adapters are refused, in the UI language; built-in selectors show as values', { skip }, async () => {
  const opts = await ctx.newPage();
  await opts.goto(`chrome-extension://${id}/options.html`);
  await opts.waitForSelector('body[data-ready]');
  const before = await sw.evaluate(() => chrome.storage.sync.get(null));
  const refused = async (fill, path) => {
    await opts.reload();
    await opts.waitForSelector('body[data-ready]');
    await fill();
    await opts.click('#save');
    const err = opts.locator(`[data-path="${path}"] ~ .err`);
    await err.filter({ hasText: /\S/ }).waitFor({ timeout: 2000 });
    const text = await err.textContent();
    assert.ok(/[\u4e00-\u9fa5]/.test(text) && !/out of range|invalid_value/.test(text), `${path}: ${text}`);
    assert.deepEqual(await sw.evaluate(() => chrome.storage.sync.get(null)), before, `${path}: nothing saved`);
  };
  await refused(() => opts.fill('#pref-holdoutShare', '80'), 'prefs.holdoutShare');
  await refused(() => opts.fill('#f-maxReminders', '1000'), 'shop.maxReminders');
  await refused(() => opts.fill('#f-paymentLink', 'javascript:alert(1)'), 'shop.paymentLink');
  await refused(() => opts.fill('#f-margin', '5'), 'shop.margin');

  // A custom adapter with a bad pattern and a bad selector is not saved.
  await opts.reload();
  await opts.waitForSelector('body[data-ready]');
  await opts.click('#add-adapter');
  await opts.fill('.adapter .ad-matches', 'example.com/chat');
  await opts.fill('.adapter .sel-input[data-key="message"]', 'li[[');
  await opts.click('#save');
  await opts.locator('.adapter > .err').filter({ hasText: /\S/ }).waitFor({ timeout: 2000 });
  assert.equal(await opts.locator('.adapter .invalid').count(), 2);
  assert.deepEqual(await sw.evaluate(() => chrome.storage.sync.get(null)), before);

  // Built-in sites: their selectors are values (read only), not grey placeholders.
  assert.equal(await opts.inputValue('.builtin[data-site="pinduoduo"] .sel-value[data-key="input"]'), 'textarea#replyTextarea');
  assert.equal(await opts.locator('.adapter .sel-input[placeholder]:not([placeholder=""])').count(), 0);
  await opts.close();
  await chat.bringToFront();
});

test('a holdout order: "不催（对照组）", nothing to insert or copy', { skip }, async () => {
  const { prefs } = await sw.evaluate(() => chrome.storage.sync.get('prefs'));
  await sw.evaluate((p) => chrome.storage.sync.set({ prefs: { ...p, holdoutShare: 50 } }), prefs);
  // Conversations until one falls in the holdout group (about half do).
  let found = false;
  for (const c of ['c2', 'c3', 'c4', 'c5']) {
    await chat.locator(`.conv-item[data-conv-id="${c}"]`).click();
    await waitAttr('conversation', { eq: c }, 1500);
    if ((await result().getAttribute('data-holdout')) !== '1') continue;
    found = true;
    assert.equal((await panel.locator('[data-role="action-sentence"]').textContent()).trim(), '不催（对照组）');
    const lines = await panel.locator('.cf-line').count();
    assert.equal(await panel.locator('.cf-line button:not([disabled])').count(), lines, 'only Edit stays enabled on each line');
    assert.equal(await panel.locator('.cf-line [data-act="insert"]:not([disabled])').count(), 0);
    assert.equal(await panel.locator('.cf-remark-row button:not([disabled])').count(), 0, 'the note cannot be copied either');
    break;
  }
  assert.ok(found, 'one of the conversations is in a 50% holdout (c5 by its order number)');
  await sw.evaluate((p) => chrome.storage.sync.set({ prefs: p }), prefs);
});

test('an adapter that finds nothing says so, with the picker and the paste box, and gives no advice', { skip }, async () => {
  const adapter = { id: 'custom-1', name: 'broken', matches: 'http://127.0.0.1/www/mock-chat/plain.html*', message: '.no-such-message', input: '#editor' };
  await sw.evaluate((a) => chrome.storage.sync.set({ adapters: [a] }), adapter);
  const plain = await ctx.newPage();
  await plain.goto(`${server.url}/www/mock-chat/plain.html?now=${encodeURIComponent(NOW)}`);
  await panel.waitForFunction(() => document.querySelector('#result').dataset.health === 'no_messages', null, { timeout: 3000, polling: 50 });
  assert.equal(await panel.locator('#health').isHidden(), false);
  assert.match(await panel.locator('#health').textContent(), /\.no-such-message/);
  assert.equal(await panel.locator('.cf-line').count(), 0, 'no advice for a chat it could not read');
  assert.equal(await panel.locator('#health-pick').count(), 1);
  assert.equal(await panel.locator('#health-paste').count(), 1);
  await sw.evaluate(() => chrome.storage.sync.set({ adapters: [] }));
  await plain.close();
  await chat.bringToFront();
});

test('the paste box passes the date and says how many lines it skipped', { skip }, async () => {
  await panel.evaluate(() => (document.querySelector('#paste').open = true));
  await panel.locator('#paste-text').fill(['[14:05] 小鹿乱撞2019: 能便宜点吗', '这一行不是聊天记录的格式吗？？', '[14:06] 小鹿乱撞2019: 在吗'].join('\n'));
  await panel.evaluate(() => document.querySelector('#paste-go').click());
  await waitAttr('conversation', { eq: 'paste' });
  const skipped = Number(await panel.locator('#paste-go').getAttribute('data-skipped'));
  if (skipped) assert.match(await panel.locator('#paste-go').textContent(), new RegExp(String(skipped)));
  else assert.doesNotMatch(await panel.locator('#paste-go').textContent(), /\d/);
  await panel.evaluate(() => document.querySelector('#paste-back').click());
  await waitAttr('conversation', { ne: 'paste' });
});

test('no request leaves the machine', { skip }, async () => {
  assert.deepEqual(requests.outside(), []);
  assert.ok(requests.urls.some((u) => u.includes('/www/mock-chat/')));
});

test('the static server serves only www/ and pkg/ (no browser)', async () => {
  const s = await serve();
  try {
    for (const [path, status] of [['/www/mock-chat/', 200], ['/.git/HEAD', 404], ['/Cargo.toml', 404], ['/%2e%2e/Cargo.toml', 404], ['/www/../src/lib.rs', 404], ['/wwwx/', 404]]) {
      assert.equal((await fetch(s.url + path)).status, status, path);
    }
  } finally {
    await s.close();
  }
});

test('sent detection and adapter checks (no browser)', async () => {
  const { isSent, sentMatches } = await import('../../www/extension/lib/sent.js');
  const line = '亲，【称呼】，订单还没付款哦';
  assert.ok(isSent('亲，王姐，订单还没付款哦', line), 'a filled slot');
  assert.ok(isSent('亲， 王姐 ，订单还没付款哦 ', line), 'spaces do not matter');
  assert.ok(!isSent('订单还没付款哦，亲', line), 'the fixed parts in order');
  assert.ok(!isSent('', line));
  assert.equal(sentMatches([{ from: 'buyer', text: '亲，王姐，订单还没付款哦' }, { from: 'agent', text: '亲，王姐，订单还没付款哦' }], line), 1, 'only the agent sends');

  await import('../../www/extension/adapters.js');
  const { validPattern, checkAdapter, PRESETS, pickAdapter } = globalThis.cuifuAdapters;
  assert.ok(validPattern('https://*.example.com/chat/*'));
  assert.ok(validPattern('https://mms.pinduoduo.com/chat-merchant/*'));
  assert.ok(!validPattern('example.com/chat'));
  assert.ok(!validPattern('https://exa mple.com/*'));
  assert.ok(!validPattern('ftp://example.com/*'));
  const parse = (sel) => {
    if (/\[\[|^\d/.test(sel)) throw new SyntaxError(sel);
  };
  assert.deepEqual(checkAdapter({ matches: 'https://a.com/*', message: 'li[[' }, parse), [{ field: 'message', value: 'li[[' }]);
  assert.deepEqual(checkAdapter({ matches: '', message: '' }, parse).map((b) => b.field), ['matches', 'message']);
  // Built-in adapters: each one valid, no hashed classes, picked by URL only.
  for (const a of PRESETS) {
    assert.deepEqual(checkAdapter(a, parse), [], a.id);
    for (const [k, v] of Object.entries(a)) {
      // A hashed class mixes letters and digits after a dash or underscore (`textArea_z8y7`, `sc-a1b2c3`).
      if (typeof v === 'string' && !['name', 'matches', 'idTime'].includes(k)) assert.ok(!/[_-](?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{4,}\b/i.test(v), `${a.id}.${k}: ${v}`);
    }
  }
  assert.equal(pickAdapter([], 'https://mms.pinduoduo.com/chat-merchant/index.html#/', null).id, 'pinduoduo');
  assert.equal(pickAdapter([], 'https://market.m.taobao.com/app/im/chat/index.html', null).id, 'wangwang');
  assert.equal(pickAdapter([], 'https://buyertrade.taobao.com/trade/list.htm', null), null, 'the page around the IM iframe is not read');
  assert.equal(pickAdapter([], 'https://mms.pinduoduo.com/chat-merchant/x', null, ['pinduoduo']), null, 'a site turned off');
  assert.equal(pickAdapter([], 'http://127.0.0.1:8787/www/mock-chat/', null), null, 'no mock adapter outside the development build');
});
