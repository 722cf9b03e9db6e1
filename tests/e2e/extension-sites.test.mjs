// The extension on the seller workbenches agents use: replica pages of
// Pinduoduo, Douyin 飞鸽, JD 咚咚 and the 旺旺 web IM (in its iframe on a
// Taobao and a 1688 page), served at the real addresses with
// context.route(), so match patterns, all_frames and host permissions run as
// in production with no network.
//
// Permissions: the development build grants the built-in sites' hosts at
// install (a headless browser cannot answer the permission prompt), but a
// site is read only once the agent allowed it from the panel, so each site
// starts as on first use: the panel offers "allow", the click calls
// permissions.request (which resolves at once for a granted host), the
// service worker registers the site's script and the panel injects it into
// the open tab. Only the prompt itself is not exercised.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { launchWithExtension, routeReplicas, watchRequests } from './browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXT = join(ROOT, 'dist/extension-dev');
const NOW = '2026-11-24T15:00:00+08:00';
const haveBrowser = existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
const havePkg = existsSync(join(ROOT, 'pkg/cuifu.js'));
const skip = !havePkg ? 'pkg/ is missing: run `bash scripts/build` first' : !haveBrowser ? 'no Chromium at /usr/bin/chromium' : false;


/** Each site: its address, where its chat runs, its hooks and what the replica shows. */
const SITES = [
  {
    id: 'pinduoduo',
    url: 'https://mms.pinduoduo.com/chat-merchant/index.html#/',
    conversations: ['uid_7731', 'uid_9052'],
    input: '#replyTextarea',
    send: '.reply-footer .send-btn',
    items: '.chat-item-box',
    roles: ['buyer', 'agent', 'system', 'buyer'],
    firstAt: '2026-11-24T14:20:05+08:00',
    order: { id: '261124-058912345670114', amount: 129, status: '待付款', items: [{ title: '珊瑚绒毛毯 1.5m 奶白' }] }
  },
  {
    id: 'feige',
    url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace',
    conversations: ['lili_小鹿', '陈女士'],
    input: '[data-qa-id="qa-send-message-textarea"]',
    send: '[data-qa-id="qa-send-message-button"]',
    items: '[data-qa-id="qa-conversation-chat-item"]',
    roles: ['buyer', 'agent', 'system', 'buyer'],
    firstAt: undefined,
    order: { id: '2611240589123456701', amount: 129, status: '待付款' }
  },
  {
    id: 'jd',
    url: 'https://dongdong.jd.com/',
    conversations: ['lili_小鹿', '陈女士'],
    input: '.EditorContent',
    send: '.SendButtonGroup > .send-button',
    items: '.alluser-item',
    roles: ['buyer', 'agent', 'system', 'buyer'],
    firstAt: '2026-11-24T14:20:05+08:00',
    order: null
  },
  {
    id: 'wangwang',
    name: 'wangwang (Taobao page, iframe)',
    url: 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm',
    frame: 'market.m.taobao.com',
    conversations: ['lili_小鹿', '陈女士'],
    input: '.editBox pre.edit',
    send: 'button.send-btn',
    items: '.conversation-item',
    roles: ['buyer', 'agent', 'buyer'],
    firstAt: '2026-11-24T14:20:05+08:00',
    order: { id: '261124058912345670114' }
  }
];

let ctx, sw, id, panel, requests;

before(async () => {
  if (skip) return;
  execFileSync('bash', [join(ROOT, 'scripts/build-extension')], { stdio: 'pipe' });
  ctx = await launchWithExtension(EXT);
  requests = watchRequests(ctx);
  await routeReplicas(ctx);
  [sw] = ctx.serviceWorkers();
  if (!sw) sw = await ctx.waitForEvent('serviceworker');
  id = new URL(sw.url()).host;
  await sw.evaluate((clock) => chrome.storage.local.set({ clock }), NOW);
  // First use: no site's reader is registered.
  assert.deepEqual(await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts()), []);
  panel = await ctx.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
});

after(async () => {
  await ctx?.close();
});

/** Clicks a panel button (the panel is a background tab here, as a side panel is beside the page). */
const press = (selector) => panel.locator(selector).first().evaluate((el) => el.click());

async function waitPanel(fn, arg, timeout = 3000) {
  try {
    await panel.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch (e) {
    // Say what the panel showed instead.
    const shown = await panel.evaluate(() => ({ result: { ...document.querySelector('#result').dataset }, text: document.body.innerText.slice(0, 400) }));
    const session = await sw.evaluate(() => chrome.storage.session.get(null));
    e.message += `\npanel: ${JSON.stringify(shown)}\nsession: ${JSON.stringify(session).slice(0, 1500)}`;
    throw e;
  }
}
const waitConversation = (conv) => waitPanel((c) => document.querySelector('#result')?.dataset.conversation === c && !!document.querySelector('.cf-line'), conv);

async function sessionPage() {
  const tab = await panel.evaluate(() => document.querySelector('#source').dataset.tab);
  const key = `tab:${tab}`;
  return (await sw.evaluate((k) => chrome.storage.session.get(k), key))[key];
}

async function chatFrame(page, host) {
  if (!host) return page.mainFrame();
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((x) => x.url().startsWith('https://') && new URL(x.url()).hostname === host);
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame from ${host}`);
}

/** The input box's text and the app's own model of it. */
const inputState = (frame, sel) =>
  frame.evaluate((s) => {
    const el = document.querySelector(s);
    const value = 'value' in el && el.tagName !== 'PRE' && el.tagName !== 'DIV' ? el.value : el.textContent;
    let selected = '';
    if ('selectionStart' in el && el.tagName === 'TEXTAREA') selected = el.value.slice(el.selectionStart, el.selectionEnd);
    else selected = String(getSelection());
    return { value, model: window.replica.draft(), selected };
  }, sel);

for (const site of SITES) {
  test(`${site.name || site.id}: reads the chat and order, follows, switches, inserts at the caret, detects the send`, { skip }, async () => {
    const page = await ctx.newPage();
    await page.goto(site.url);
    const frame = await chatFrame(page, site.frame);
    await frame.waitForSelector(site.input);

    // First use on the site: the panel asks to read it.
    await panel.locator(`[data-site="${site.id}"]`).waitFor({ timeout: 3000 });
    await press(`[data-site="${site.id}"]`);
    await waitConversation(site.conversations[0]);
    assert.equal(await panel.locator('#buyer-nick').textContent(), 'lili_小鹿');
    assert.ok((await panel.locator('#source').textContent()).includes(await frame.title()), 'the panel names the page it reads');

    // The chat and the order, as read.
    const read = await sessionPage();
    assert.equal(read.site, site.id);
    assert.deepEqual(read.messages.map((m) => m.from), site.roles);
    assert.equal(read.messages[0].text, '这个毛毯会掉毛吗');
    assert.equal(read.messages[0].at, site.firstAt);
    assert.ok(read.messages.every((m) => !site.firstAt || m.from === 'system' || m.at), 'every buyer and agent message has a time');
    assert.deepEqual(read.health.problems, []);
    if (site.order === null) assert.equal(read.order, null);
    else for (const [k, v] of Object.entries(site.order)) assert.deepEqual(read.order[k], v, `order.${k}`);
    if (site.order?.status) assert.equal(read.order.paid, false);

    // A new buyer message re-suggests.
    await frame.evaluate(() => window.replica.buyerSays('能便宜点吗'));
    await waitPanel(() => document.querySelector('#result')?.dataset.reason === 'price_bargain');

    // Switching conversation switches the suggestion (the list node is replaced).
    await frame.locator(site.items).nth(1).click();
    await waitConversation(site.conversations[1]);
    assert.equal(await panel.locator('#buyer-nick').textContent(), '陈女士');

    // Insert at the caret: the agent's own text stays, the slot is selected, Ctrl+Z undoes.
    await frame.locator(site.input).click();
    await page.keyboard.type('你好');
    const line = '亲，【称呼】，订单还没付款哦，今天付款今天发';
    await press('.cf-line [data-act="edit"]');
    await panel.locator('#edit-text').fill(line);
    await press('#edit-insert');
    await frame.waitForFunction(([s, want]) => (document.querySelector(s).value ?? '') + '' === want || document.querySelector(s).textContent === want, [site.input, `你好${line}`], { timeout: 2000 });
    let st = await inputState(frame, site.input);
    assert.equal(st.model, `你好${line}`, 'the app saw the change');
    assert.equal(st.selected, '【称呼】', 'the slot is selected');
    await page.keyboard.press('Control+z');
    st = await inputState(frame, site.input);
    assert.equal(st.value, '你好', 'Ctrl+Z brings back what the agent had typed');

    // Insert again, fill the slot, send: the reminder is recorded by itself, with undo.
    await press('#edit-insert');
    await frame.waitForFunction((s) => /【称呼】/.test(document.querySelector(s).value || document.querySelector(s).textContent), site.input);
    await page.keyboard.type('陈姐');
    assert.equal((await inputState(frame, site.input)).model, '你好亲，陈姐，订单还没付款哦，今天付款今天发');
    await frame.locator(site.send).click();
    await waitPanel(() => !document.querySelector('#sent').hidden && document.querySelector('#result').dataset.reminders === '1');
    const key = await panel.evaluate(() => document.querySelector('#result').dataset.orderKey);
    const rec = (await sw.evaluate((k) => chrome.storage.local.get(k), `o:${key}`))[`o:${key}`];
    assert.equal(rec.reminders.length, 1);
    assert.equal(rec.reminders[0].auto, true);
    await press('#sent-undo');
    await waitPanel(() => document.querySelector('#result').dataset.reminders === '0');
    await page.close();
  });
}

test('wangwang on a 1688 page: the chat in its iframe is read', { skip }, async () => {
  const page = await ctx.newPage();
  await page.goto('https://work.1688.com/');
  await (await chatFrame(page, 'def.1688.com')).waitForSelector('.editBox');
  await waitConversation('lili_小鹿');
  const read = await sessionPage();
  assert.equal(read.site, 'wangwang');
  assert.ok(read.frameId > 0, 'read inside the iframe');
  await page.close();
});

test('no request leaves the machine (the sites are replicas served locally)', { skip }, async () => {
  const routed = /^https:\/\/([a-z0-9-]+\.)*(pinduoduo|jinritemai|jd|taobao|1688)\.com\//;
  assert.deepEqual(requests.outside().filter((u) => !routed.test(u)), []);
});

test('two chat tabs: the panel shows the active one, and Insert reaches only that tab', { skip }, async () => {
  const a = await ctx.newPage();
  await a.goto('https://mms.pinduoduo.com/chat-merchant/index.html?nick=买家甲#/');
  const b = await ctx.newPage();
  await b.goto('https://mms.pinduoduo.com/chat-merchant/index.html?conv=1#/');
  await b.waitForSelector('#replyTextarea');
  // b opened last and is active.
  await waitConversation('uid_9052');
  await a.bringToFront();
  await waitConversation('uid_7731');
  assert.equal(await panel.locator('#buyer-nick').textContent(), '买家甲');
  const shownTab = await panel.evaluate(() => document.querySelector('#source').dataset.tab);

  // A buyer writes in the background tab: it is read, but does not take over.
  await b.evaluate(() => window.replica.buyerSays('能便宜点吗'));
  await sw.evaluate(async () => {
    for (let i = 0; i < 40; i++) {
      const all = await chrome.storage.session.get(null);
      if (Object.values(all).some((p) => p.messages?.some((m) => m.text === '能便宜点吗'))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the background tab was not read');
  });
  await panel.waitForTimeout(300);
  assert.equal(await panel.evaluate(() => document.querySelector('#result').dataset.conversation), 'uid_7731');
  assert.equal(await panel.evaluate(() => document.querySelector('#source').dataset.tab), shownTab);

  // Insert goes to the shown tab only.
  await press('.cf-line [data-act="insert"]');
  await a.waitForFunction(() => document.querySelector('#replyTextarea').value.length > 0, null, { timeout: 2000 });
  assert.equal(await b.inputValue('#replyTextarea'), '', 'nothing was written into the background tab');

  // The shown tab is no longer the active one (here the panel's own tab comes to the front): refused, and said why.
  const before = await a.inputValue('#replyTextarea');
  await panel.bringToFront();
  await press('.cf-line [data-act="insert"]');
  await waitPanel(() => document.querySelector('.cf-line .line-flash')?.dataset.refused === 'tab_changed');
  assert.ok((await panel.locator('.cf-line .line-flash').first().textContent()).length > 0, 'the reason is shown');
  assert.equal(await a.inputValue('#replyTextarea'), before);
  await a.bringToFront();

  // Switching tabs switches the panel; a stale Insert (conversation changed) is refused, with the reason.
  await b.bringToFront();
  await waitConversation('uid_9052');
  await b.evaluate(() => window.replica.switchTo(0));
  await b.evaluate(() => (document.querySelector('#replyTextarea').value = ''));
  const flash = panel.locator('.cf-line .line-flash').first();
  // Insert before the panel has re-read: the page checks the conversation itself.
  await panel.evaluate(() => document.querySelector('.cf-line [data-act="insert"]').click());
  await waitPanel(() => !!document.querySelector('#result').dataset.conversation);
  const refusedOrDone = await flash.getAttribute('data-refused');
  if (refusedOrDone) assert.equal(refusedOrDone, 'conversation_changed');
  else assert.equal(await panel.evaluate(() => document.querySelector('#result').dataset.conversation), 'uid_7731');

  // A navigated tab, then a closed one, clears the panel.
  await b.goto('https://mms.pinduoduo.com/other-page.html');
  await waitPanel(() => !document.querySelector('#result').dataset.conversation || document.querySelector('#result').dataset.health);
  await b.close();
  await a.bringToFront();
  await waitConversation('uid_7731');
  await a.close();
  await waitPanel(() => !document.querySelector('#result').dataset.conversation && document.querySelector('#buyer-nick').textContent === '');
});

test('the store build has no access to 127.0.0.1 or localhost; the development build does', { skip: !havePkg && 'pkg/ is missing' }, async () => {
  const manifestOf = (zip) => JSON.parse(execFileSync('python3', ['-c', 'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read("manifest.json").decode())', zip], { encoding: 'utf8' }));
  const names = (zip) => execFileSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip], { encoding: 'utf8' }).split('\n');
  for (const zip of ['dist/cuifu-extension.zip', 'dist/cuifu-extension-firefox.zip']) {
    const m = manifestOf(join(ROOT, zip));
    const text = JSON.stringify(m);
    assert.ok(!/127\.0\.0\.1|localhost|http:\/\//.test(text), `${zip}: ${text}`);
    assert.equal(m.host_permissions, undefined, 'no host access at install');
    assert.equal(m.content_scripts, undefined, 'no content script until a site is allowed');
    assert.ok(m.optional_host_permissions.includes('https://mms.pinduoduo.com/*'));
    assert.ok(!names(join(ROOT, zip)).some((n) => n.startsWith('dev/')), 'no development adapter');
  }
  const dev = JSON.parse(readFileSync(join(ROOT, 'dist/extension-dev/manifest.json'), 'utf8'));
  assert.ok(dev.host_permissions.includes('http://127.0.0.1/*'));
});
