// The JS contract of the built package (pkg/): every export, the error shape,
// the three ways of loading it, and npm pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
if (!existsSync(PKG + 'cuifu_bg.wasm')) throw new Error('pkg/ is missing: run bash scripts/build first');
const cuifu = await import(PKG + 'node.mjs');
const { suggest, lint, parseTranscript, readTranscript, rankOrders, version } = cuifu;

const context = () => ({
  now: '2026-11-24T15:00:00+08:00',
  order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99, items: [{ title: '保温杯' }] },
  messages: [
    { from: 'agent', text: '亲,在的~', at: '2026-11-24T14:40:00+08:00' },
    { from: 'buyer', text: '能便宜点吗', at: '2026-11-24T14:41:00+08:00' }
  ]
});

function throwsCuifu(fn, code, path) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, 'expected a throw');
  assert.ok(caught instanceof Error, 'a real Error');
  assert.equal(caught.name, 'CuifuError');
  assert.equal(caught.code, code, caught.message);
  if (path !== undefined) assert.equal(caught.path, path, caught.message);
  assert.ok(caught.message.length > 10, 'a message that says what to fix');
  return caught;
}

test('suggest returns every field of api.md', () => {
  const s = suggest(context());
  for (const k of ['action', 'sendAt', 'closesAt', 'reason', 'channel', 'tone', 'lines', 'warnings', 'why', 'remark']) {
    assert.ok(k in s, `missing ${k}`);
  }
  assert.ok(['send_now', 'schedule', 'hold', 'stop'].includes(s.action));
  assert.ok(['im', 'sms', 'phone'].includes(s.channel));
  assert.ok(['playful', 'warm', 'reassuring', 'gentle', 'formal', 'urgent'].includes(s.tone));
  assert.equal(s.reason.code, 'price_bargain');
  assert.ok(s.reason.confidence > 0 && s.reason.confidence <= 1);
  assert.equal(s.reason.evidence[0].messageIndex, 1);
  // 能便宜点吗 is open: the lines are the ways to answer it.
  assert.ok(s.lines.length >= 1);
  for (const l of s.lines) assert.ok(l.text && l.templateId);
  assert.ok(Array.isArray(s.why) && s.why.length > 0);
  assert.equal(typeof s.remark, 'string');
  assert.match(s.closesAt, /^2026-11-27T14:30:00\+08:00$/);
});

test('suggest without now reads the clock', () => {
  const c = context();
  delete c.now;
  const s = suggest(c);
  assert.ok(s.closesAt);
});

test('same input, same output', () => {
  assert.deepEqual(suggest(context()), suggest(context()));
});

test('paid order: stop, sendAt null; thanks only to a buyer who wrote', () => {
  const c = context();
  c.order.paid = true;
  const s = suggest(c);
  assert.equal(s.action, 'stop');
  assert.equal(s.sendAt, null);
  assert.ok(s.lines.length > 0);
  assert.ok(s.lines.every((l) => l.angle === 'thanks'));
  c.messages = [];
  const quiet = suggest(c);
  assert.equal(quiet.action, 'stop');
  assert.equal(quiet.lines.length, 0);
});

test('errors name the field and the module keeps working', () => {
  throwsCuifu(() => suggest(undefined), 'invalid_type', '');
  throwsCuifu(() => suggest({}), 'missing_field', 'order');
  throwsCuifu(() => suggest({ order: { amount: 1 } }), 'missing_field', 'order.placedAt');
  const c = context();
  c.order.placedAt = 'yesterday';
  throwsCuifu(() => suggest(c), 'invalid_time', 'order.placedAt');
  const d = context();
  d.messages.push({ from: 'customer', text: 'hi' });
  throwsCuifu(() => suggest(d), 'invalid_value', 'messages[2].from');
  const e = context();
  e.order.amount = '99';
  throwsCuifu(() => suggest(e), 'invalid_type', 'order.amount');
  const f = context();
  f.order.amount = -5;
  throwsCuifu(() => suggest(f), 'invalid_value', 'order.amount');
  const g = context();
  g.messages[1].at = '14:41';
  throwsCuifu(() => suggest(g), 'invalid_time', 'messages[1].at');
  const h = context();
  h.shop = { lunchBreak: ['12:00'] };
  throwsCuifu(() => suggest(h), 'invalid_value', 'shop.lunchBreak');
  const big = context();
  big.messages = Array.from({ length: 1001 }, () => ({ from: 'buyer', text: '在吗' }));
  throwsCuifu(() => suggest(big), 'too_large', 'messages');
  // Still works after all of that.
  assert.equal(suggest(context()).reason.code, 'price_bargain');
});

test('odd values never trap', () => {
  const odd = [null, 0, 'x', [], { order: null }, { order: [] }, { order: { placedAt: 5, amount: NaN } },
    { order: { placedAt: '2026-11-24T14:30:00+08:00', amount: Infinity } },
    { order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 1 }, messages: 'hi' },
    { order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 1 }, messages: [null] },
    { order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 1 }, shop: { restDays: [7] } },
    { order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 1 }, shop: { maxReminders: -1 } }];
  for (const v of odd) {
    assert.throws(() => suggest(v), (e) => e.name === 'CuifuError' && typeof e.code === 'string');
  }
  assert.ok(suggest(context()).lines.length >= 1);
});

test('lint finds spans in UTF-16 offsets', () => {
  const text = '😀亲,全网最低价哦';
  const w = lint(text);
  const ext = w.find((x) => x.code === 'extreme_word');
  assert.ok(ext, JSON.stringify(w));
  assert.equal(text.slice(ext.start, ext.end).includes('最低'), true);
  assert.deepEqual(lint('亲，记得付款哦~'), []);
  throwsCuifu(() => lint(42), 'invalid_type', 'text');
  throwsCuifu(() => lint('x'.repeat(10001)), 'too_large', 'text');
});

test('lint sms options', () => {
  const w = lint('亲'.repeat(80), { channel: 'sms' });
  assert.ok(w.some((x) => x.code === 'too_long_sms'), JSON.stringify(w));
});

test('parseTranscript and readTranscript', () => {
  const text = '[2026-11-24 14:05:00] 小美:亲,在的\n[2026-11-24 14:06:00] 买家阿花:能便宜点吗';
  const msgs = parseTranscript(text, { agentNicks: ['小美'] });
  assert.equal(msgs.length, 2);
  assert.equal(msgs[0].from, 'agent');
  assert.equal(msgs[1].from, 'buyer');
  const r = readTranscript(text + '\n???', { agentNicks: ['小美'] });
  assert.equal(r.messages.length, 2);
  assert.equal(r.unparsed.length, 1);
  assert.equal(r.unparsed[0].line, 3);
  throwsCuifu(() => parseTranscript(text + '\n???', { agentNicks: ['小美'] }), 'unparsed_lines', 'text');
  assert.equal(parseTranscript(text + '\n???', { agentNicks: ['小美'], skipUnparsed: true }).length, 2);
  throwsCuifu(() => parseTranscript(null), 'invalid_type', 'text');
});

test('rankOrders ranks and names the bad index', () => {
  const small = context();
  small.order.amount = 10;
  const paid = context();
  paid.order.paid = true;
  const big = context();
  big.order.amount = 900;
  const r = rankOrders([small, paid, big]);
  assert.equal(r.length, 3);
  assert.equal(r[0].index, 2);
  assert.equal(r[2].index, 1);
  assert.equal(r[2].action, 'stop');
  for (const x of r) assert.ok('priority' in x && 'sendAt' in x && 'action' in x);
  const bad = context();
  bad.order.placedAt = 'nope';
  throwsCuifu(() => rankOrders([small, bad]), 'invalid_time', '[1].order.placedAt');
  throwsCuifu(() => rankOrders('x'), 'invalid_type', '');
});

test('version matches Cargo.toml', () => {
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(version(), /^version = "(.*)"/m.exec(cargo)[1]);
});

test('require() works in Node 20', () => {
  const require = createRequire(import.meta.url);
  const viaRequire = require(PKG + 'node.mjs');
  assert.equal(typeof viaRequire.suggest, 'function');
  assert.equal(viaRequire.version(), version());
});

test('web target initialises from bytes in Node', async () => {
  const web = await import(PKG + 'cuifu.js?fresh');
  web.initSync({ module: readFileSync(PKG + 'cuifu_bg.wasm') });
  assert.equal(web.suggest(context()).reason.code, 'price_bargain');
});

test('package manifest resolves for Node, the web and bundlers', () => {
  const manifest = JSON.parse(readFileSync(PKG + 'package.json', 'utf8'));
  assert.equal(manifest.name, 'cuifu');
  assert.equal(manifest.exports['.'].node.default, './node.mjs');
  assert.equal(manifest.exports['.'].default, './index.js');
  assert.match(manifest.engines.node, /^>=20\.19/);
  assert.ok(manifest.repository && manifest.homepage);
  for (const f of manifest.files) assert.ok(existsSync(PKG + f), `missing ${f}`);
});

test('npm pack works offline', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--offline'], { cwd: PKG, encoding: 'utf8' });
  const [info] = JSON.parse(out);
  const files = info.files.map((f) => f.path).sort();
  for (const f of ['index.js', 'index.d.ts', 'cuifu.js', 'cuifu.d.ts', 'cuifu_bg.wasm', 'types.d.ts', 'node.mjs',
    'node.d.mts', 'package.json', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) assert.ok(files.includes(f), f);
  const readme = readFileSync(PKG + 'README.md', 'utf8');
  assert.doesNotMatch(readme, /scripts\/|\]\((?!https:)/, 'the npm README has no repo scripts or relative links');
});

test('the public .d.ts has no any', () => {
  const dts = readFileSync(PKG + 'cuifu.d.ts', 'utf8');
  const publicPart = dts.split('export type InitInput')[0];
  assert.doesNotMatch(publicPart, /\bany\b/);
});

test('checkTemplates validates shop templates with the position', () => {
  const { checkTemplates } = cuifu;
  assert.equal(checkTemplates([{ id: 'a', text: '{name}您好,{shop}提醒您付款~' }]), undefined);
  const e = throwsCuifu(() => checkTemplates([{ id: 'a', text: 'ok' }, { id: 'b', text: '您好{nmae}' }]), 'invalid_template', 'shop.templates[1].text');
  assert.match(e.message, /nmae/);
  throwsCuifu(() => checkTemplates([{ id: 'c', text: '您好{name' }]), 'invalid_template', 'shop.templates[0].text');
  throwsCuifu(() => checkTemplates([{ text: 'x' }]), 'missing_field', 'shop.templates[0].id');
  throwsCuifu(() => checkTemplates('x'), 'invalid_type', 'shop.templates');
});

test('memory stays bounded over many calls', async () => {
  const web = await import(PKG + 'cuifu.js?memory');
  const exports = web.initSync({ module: readFileSync(PKG + 'cuifu_bg.wasm') });
  const big = Array.from({ length: 300 }, (_, i) => {
    const c = context();
    c.order.amount = 10 + i;
    c.messages.push({ from: 'buyer', text: '能便宜点吗?'.repeat(1 + (i % 20)) });
    return c;
  });
  const round = () => {
    for (const c of big) web.suggest(c);
    web.rankOrders(big);
    web.lint('全网最低价,明天就到'.repeat(50));
    try {
      web.suggest({ order: { placedAt: 'x', amount: 1 } });
    } catch {
      // bad calls are part of the mix
    }
  };
  round();
  const after1 = exports.memory.buffer.byteLength;
  for (let i = 0; i < 10; i++) round();
  const after11 = exports.memory.buffer.byteLength;
  assert.ok(after11 <= after1 * 1.5, `memory grew from ${after1} to ${after11} bytes`);
});

test('before init() every export throws not_initialized; after it, it works', async () => {
  const web = await import(PKG + 'index.js?uninitialised');
  for (const name of ['suggest', 'lint', 'parseTranscript', 'readTranscript', 'rankOrders', 'checkTemplates', 'version']) {
    const e = throwsCuifu(() => web[name](context()), 'not_initialized', '');
    assert.match(e.message, /await init\(\)/);
    assert.ok(web.isCuifuError(e));
  }
  web.initSync(readFileSync(PKG + 'cuifu_bg.wasm'));
  assert.equal(web.suggest(context()).reason.code, 'price_bargain');
});

test('isCuifuError tells our errors from others', () => {
  assert.equal(cuifu.isCuifuError(new TypeError('x')), false);
  assert.equal(cuifu.isCuifuError({ name: 'CuifuError', code: 'x' }), false);
  try {
    suggest({});
  } catch (e) {
    assert.equal(cuifu.isCuifuError(e), true);
  }
});

test('unknown fields are ignored and listed as unknown_field warnings', () => {
  const c = context();
  c.order.amout = 5;
  c.messages[0].txt = 'x';
  c.shop = { nmae: 'x' };
  const s = suggest(c);
  const unknown = s.warnings.filter((w) => w.code === 'unknown_field').map((w) => w.path).sort();
  assert.deepEqual(unknown, ['messages[0].txt', 'order.amout', 'shop.nmae']);
  assert.equal(s.reason.code, 'price_bargain');
  assert.equal(suggest(context()).warnings.filter((w) => w.code === 'unknown_field').length, 0);
});

test('hostile values give a CuifuError and leave the instance working', () => {
  const throwing = () => {
    const c = context();
    Object.defineProperty(c.messages, 1, { get() { throw new Error('boom'); }, enumerable: true });
    return c;
  };
  const inProxy = () => {
    const c = context();
    c.messages = new Proxy(c.messages, { get() { throw new Error('trap'); } });
    return c;
  };
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const c = context();
    c.buyer = proxy;
    return c;
  };
  const cyclic = () => {
    const c = context();
    c.order.self = c;
    return c;
  };
  const bigint = () => {
    const c = context();
    c.order.amount = 99n;
    return c;
  };
  const sparse = () => {
    const c = context();
    c.shop = { restDays: new Array(2 ** 31 - 1) };
    return c;
  };
  const hostile = [throwing, inProxy, revoked, cyclic, bigint, sparse];
  for (let i = 0; i < 3000; i++) {
    const make = hostile[i % hostile.length];
    throwsCuifu(() => suggest(make()), 'invalid_input');
    if (i % 500 === 0) throwsCuifu(() => rankOrders([context(), make()]), 'invalid_input');
  }
  throwsCuifu(() => lint('x', revoked().buyer), 'invalid_input', 'options');
  throwsCuifu(() => checkTemplatesOf(inProxy().messages), 'invalid_input', 'shop.templates');
  assert.equal(version(), cuifu.version());
  assert.equal(suggest(context()).reason.code, 'price_bargain');
});

function checkTemplatesOf(v) {
  return cuifu.checkTemplates(v);
}

test('size limits are checked before the text is copied in', () => {
  const c = context();
  c.order.id = 'x'.repeat(8_000_001);
  throwsCuifu(() => suggest(c), 'too_large', '');
  throwsCuifu(() => lint('x'.repeat(1_000_001)), 'too_large', 'text');
  assert.equal(suggest(context()).reason.code, 'price_bargain');
});
