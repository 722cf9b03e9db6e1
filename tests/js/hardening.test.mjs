// Hardening of the built package (pkg/): hostile JS values at every export,
// error messages that clip what they quote, the input contract of the README,
// and wasm linear memory that stays flat over many calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
if (!existsSync(PKG + 'cuifu_bg.wasm')) throw new Error('pkg/ is missing: run bash scripts/build first');
const cuifu = await import(PKG + 'node.mjs');
const { suggest, lint, parseTranscript, readTranscript, rankOrders, checkTemplates, version, isCuifuError } = cuifu;
// The instance the package entry uses: wasm-bindgen's initSync returns the
// exports of the module already instantiated, its memory among them.
const { memory } = (await import(PKG + 'cuifu.js')).initSync({ module: readFileSync(PKG + 'cuifu_bg.wasm') });
assert.ok(memory instanceof WebAssembly.Memory);

const CODES = new Set(['missing_field', 'invalid_type', 'invalid_value', 'invalid_time', 'too_large', 'invalid_template', 'unparsed_lines', 'invalid_input']);

const context = () => ({
  now: '2026-11-24T15:00:00+08:00',
  order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99, items: [{ title: '保温杯' }] },
  messages: [
    { from: 'agent', text: '亲,在的~', at: '2026-11-24T14:40:00+08:00' },
    { from: 'buyer', text: '能便宜点吗', at: '2026-11-24T14:41:00+08:00' }
  ]
});

/** Calls `fn`: a normal answer, or a CuifuError with a known code, a path and a message. */
function survives(fn, what) {
  try {
    return { ok: fn() };
  } catch (e) {
    assert.ok(isCuifuError(e), `${what}: not a CuifuError: ${e && e.name}: ${e && e.message}`);
    assert.ok(CODES.has(e.code), `${what}: unknown code ${e.code}`);
    assert.equal(typeof e.path, 'string', what);
    assert.ok(e.message.length > 10 && e.message.length <= 2000, `${what}: message of ${e.message.length} characters`);
    return { err: e };
  }
}

function throwsCuifu(fn, code, path) {
  const r = survives(fn, code);
  assert.ok(r.err, `expected ${code}, got an answer`);
  if (code !== undefined) assert.equal(r.err.code, code, r.err.message);
  if (path !== undefined) assert.equal(r.err.path, path, r.err.message);
  return r.err;
}

// Hostile values, each a function that makes a fresh one.
const throwingGetter = () => Object.defineProperty({}, 'x', { get() { throw new Error('getter'); }, enumerable: true });
const throwingProxy = () => new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('keys'); } });
const arrayProxy = () => new Proxy([1, 2], { get(t, k) { if (k === 'length') return 2; throw new Error('element'); } });
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const revokedArray = () => {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy;
};
const lengthIs = (v) => () => new Proxy([], { get(t, k) { return k === 'length' ? v : Reflect.get(t, k); } });
const throwingLength = () => new Proxy([], { get(t, k) { if (k === 'length') throw new Error('length'); return Reflect.get(t, k); } });
const sparse = () => new Array(2 ** 31);
const sparseMax = () => new Array(2 ** 32 - 1);
const cyclic = () => {
  const o = { a: 1 };
  o.self = o;
  return o;
};
const cyclicArray = () => {
  const a = [];
  a.push(a);
  return a;
};
const frozen = () => Object.freeze({ ...context(), order: Object.freeze({ ...context().order }) });
const nullProto = () => Object.assign(Object.create(null), context());
const throwingToJSON = () => ({ toJSON() { throw new Error('toJSON'); } });
const hugeToJSON = () => ({ toJSON() { return 'x'.repeat(9_000_000); } });
const exotic = [
  () => Symbol('s'), () => 1n, () => () => 1, () => new Map([[1, 2]]), () => new Set([1]), () => new Uint8Array(8),
  () => new Date(NaN), () => /x/g, () => new String('x'), () => Object(1n), () => new ArrayBuffer(8),
  () => new WeakMap(), () => Promise.resolve(1), () => NaN, () => -Infinity, () => -0, () => '', () => null, () => undefined
];
const hostile = [
  throwingGetter, throwingProxy, arrayProxy, revoked, revokedArray, lengthIs(Symbol('len')), lengthIs(10n),
  lengthIs(2 ** 53), lengthIs(-1), throwingLength, sparse, sparseMax, cyclic, cyclicArray, throwingToJSON,
  frozen, nullProto, ...exotic
];
// Values that cost tens of milliseconds each (a 9,000,000-character JSON):
// one call in 2,000.
const rare = [hugeToJSON];

// Where a hostile value goes: the argument itself, or a field or element of a valid one.
const placements = [
  (h) => h,
  (h) => ({ ...context(), order: h }),
  (h) => ({ ...context(), messages: h }),
  (h) => ({ ...context(), messages: [context().messages[0], h] }),
  (h) => ({ ...context(), shop: { restDays: h } }),
  (h) => ({ ...context(), shop: { templates: [h] } }),
  (h) => ({ ...context(), buyer: h }),
  (h) => ({ ...context(), order: { ...context().order, amount: h, items: [h] } }),
  (h) => [h],
  (h) => [context(), h]
];

const exports = [
  ['suggest', (v) => suggest(v)],
  ['rankOrders', (v) => rankOrders(v)],
  ['checkTemplates', (v) => checkTemplates(v)],
  ['lint text', (v) => lint(v)],
  ['lint options', (v) => lint('全网最低价', v)],
  ['parseTranscript text', (v) => parseTranscript(v)],
  ['parseTranscript options', (v) => parseTranscript('[14:05] tb: 在吗', v)],
  ['readTranscript text', (v) => readTranscript(v)],
  ['readTranscript options', (v) => readTranscript('[14:05] tb: 在吗', { agentNicks: v })],
  ['version', (v) => version(v)]
];

test('every export survives 100,000 calls with hostile values, and the instance keeps working', () => {
  const N = 100_000;
  let errors = 0;
  const before = memory.buffer.byteLength;
  for (let i = 0; i < N; i++) {
    const h = i % 2_000 === 0 ? rare[(i / 2_000) % rare.length] : hostile[i % hostile.length];
    const place = placements[Math.floor(i / hostile.length) % placements.length];
    const [name, call] = exports[i % exports.length];
    const r = survives(() => call(place(h())), `${name} with ${h.name || 'a value'} #${i}`);
    if (r.err) errors++;
  }
  assert.ok(errors > N / 2, `most hostile calls are refused (${errors})`);
  console.log(`hostile calls: ${errors} of ${N} refused; wasm memory ${before} bytes before, ${memory.buffer.byteLength} after`);
  assert.equal(version(), cuifu.version());
  assert.equal(suggest(context()).reason.code, 'price_bargain');
  assert.equal(lint('全网最低价')[0].code, 'extreme_word');
  assert.equal(rankOrders([context(), context()]).length, 2);
});

test('a frozen or null-prototype context gets a normal answer', () => {
  assert.equal(suggest(frozen()).reason.code, 'price_bargain');
  assert.equal(suggest(nullProto()).reason.code, 'price_bargain');
});

test('hostile values give invalid_input at the argument, never a TypeError', () => {
  for (const h of [throwingGetter, throwingProxy, revoked, cyclic, throwingToJSON]) {
    throwsCuifu(() => suggest({ ...context(), buyer: h() }), 'invalid_input', '');
  }
  throwsCuifu(() => rankOrders([context(), cyclic()]), 'invalid_input');
  throwsCuifu(() => checkTemplates(arrayProxy()), 'invalid_input', 'shop.templates');
  // JSON.stringify gives up on these at once, before any copy into wasm.
  throwsCuifu(() => suggest({ ...context(), shop: { restDays: sparse() } }), 'invalid_input', '');
  throwsCuifu(() => rankOrders(sparseMax()), 'invalid_input', '');
});

test('error messages clip what they quote', () => {
  const long = 'x'.repeat(1_000_000);
  const cases = [
    () => suggest({ ...context(), locale: long }),
    () => suggest({ ...context(), messages: [{ from: long, text: 'x' }] }),
    () => suggest({ ...context(), order: { ...context().order, amount: long } }),
    () => suggest({ ...context(), order: { ...context().order, placedAt: long.slice(0, 400) } }),
    () => lint('x', { channel: long }),
    () => checkTemplates([{ id: 'a', text: 'x', reason: long }])
  ];
  for (const c of cases) {
    const e = survives(c, 'long value').err;
    assert.ok(e, 'refused');
    assert.ok(e.message.length < 600, `${e.code} at ${e.path}: a message of ${e.message.length} characters`);
  }
});

test('checkTemplates enforces the same limits as suggest', () => {
  const own = (text, id = 'a') => [{ id, text }];
  const both = (templates) => {
    const a = survives(() => checkTemplates(templates), 'checkTemplates').err;
    const b = survives(() => suggest({ ...context(), shop: { templates } }), 'suggest').err;
    return [a, b];
  };
  for (const templates of [
    own('x'.repeat(1_001)),
    own('x'.repeat(5_000_006)),
    own('您好', 'i'.repeat(100_000)),
    Array.from({ length: 201 }, (_, i) => ({ id: `t${i}`, text: '您好{name}' }))
  ]) {
    const [a, b] = both(templates);
    assert.ok(a && b, 'both refuse');
    assert.equal(a.code, 'too_large', a.message);
    assert.equal(a.code, b.code);
    assert.equal(a.path, b.path);
  }
  const [a, b] = both(own('您好{name},'.repeat(100)));
  assert.equal(a, undefined);
  assert.equal(b, undefined);
});

// The input contract, as the README states it.
test('contract: lone UTF-16 surrogates', () => {
  for (const text of ['在吗\uD800', '\uDC00能便宜点吗', 'a\uD83Db']) {
    // In a context: refused at the field, saying what to do.
    const c = context();
    c.messages[1].text = text;
    const e = throwsCuifu(() => suggest(c), 'invalid_value', 'messages[1].text');
    assert.match(e.message, /toWellFormed/);
    // In a text argument: read as U+FFFD, one UTF-16 unit like the surrogate,
    // so spans still index the caller's string.
    const line = `全网最低价${text}`;
    const w = lint(line);
    assert.deepEqual([w[0].start, w[0].end], [0, 5]);
    const t = readTranscript(`[2026-11-24 14:05] tb: ${text}`);
    assert.equal(t.messages[0].text, text.toWellFormed());
  }
});

test('contract: NUL and control characters are ordinary text', () => {
  const c = context();
  c.messages[1].text = '能便宜点吗\u0000\u0007\u001b[31m\u202e\r\n';
  c.order.items[0].title = '保温\u0000杯';
  assert.equal(suggest(c).reason.code, 'price_bargain');
  assert.equal(lint('全网\u0000最低价').length >= 0, true);
  const t = readTranscript('[2026-11-24 14:05] tb: 在吗\u0000\n\u0007');
  assert.equal(t.messages.length + t.unparsed.length >= 1, true);
});

test('contract: now years away from the order', () => {
  // Years after: the order closed long ago.
  const later = context();
  later.now = '2031-11-24T15:00:00+08:00';
  const s = suggest(later);
  assert.equal(s.action, 'stop');
  assert.equal(s.sendAt, null);
  // More than a day before the order: a wrong clock or a wrong order.
  const before = context();
  before.now = '2021-11-24T15:00:00+08:00';
  throwsCuifu(() => suggest(before), 'invalid_time', 'now');
  // A clock a few minutes behind the shop's is read as it is.
  const skew = context();
  skew.now = '2026-11-24T14:25:00+08:00';
  assert.notEqual(suggest(skew).action, undefined);
});

test('contract: closesAt before placedAt means the order is closed', () => {
  const c = context();
  c.order.closesAt = '2026-11-24T14:00:00+08:00';
  const s = suggest(c);
  assert.equal(s.action, 'stop');
  assert.equal(s.sendAt, null);
  assert.equal(s.closesAt, '2026-11-24T14:00:00+08:00');
});

test('contract: numbers as strings are invalid_type', () => {
  const c = context();
  c.order.amount = '99';
  throwsCuifu(() => suggest(c), 'invalid_type', 'order.amount');
  const d = context();
  d.shop = { restDays: ['6'] };
  throwsCuifu(() => suggest(d), 'invalid_type', 'shop.restDays[0]');
});

test('contract: duplicated messages are kept as written', () => {
  const c = context();
  c.messages.push({ ...c.messages[1] }, { ...c.messages[1] });
  const s = suggest(c);
  assert.equal(s.reason.code, 'price_bargain');
  assert.ok(s.reason.evidence.every((e) => e.messageIndex < c.messages.length));
});

test('contract: messages out of time order are read in time order', () => {
  const c = context();
  c.messages = [
    { from: 'buyer', text: '能便宜点吗', at: '2026-11-24T14:41:00+08:00' },
    { from: 'agent', text: '亲,已经是最低价了', at: '2026-11-24T14:45:00+08:00' },
    { from: 'buyer', text: '好的,我晚上8点付', at: '2026-11-24T14:50:00+08:00' }
  ];
  const inOrder = suggest(c);
  const shuffled = { ...c, messages: [c.messages[2], c.messages[0], c.messages[1]] };
  const s = suggest(shuffled);
  assert.equal(s.action, inOrder.action);
  assert.equal(s.sendAt, inOrder.sendAt);
  assert.equal(s.reason.code, inOrder.reason.code);
  // Evidence points into the messages as passed.
  for (const e of s.reason.evidence) assert.equal(shuffled.messages[e.messageIndex].from, 'buyer');
});

test('contract: unknown fields are ignored with a warning', () => {
  const c = context();
  c.order.amout = 5;
  c.futureField = { nested: [1, 2] };
  const s = suggest(c);
  const unknown = s.warnings.filter((w) => w.code === 'unknown_field').map((w) => w.path).sort();
  assert.deepEqual(unknown, ['futureField', 'order.amout']);
  assert.equal(s.reason.code, 'price_bargain');
});

// Contexts of several sizes, the largest among the first 1,000 calls, so
// that later calls need no more memory than the first ones did.
const varied = Array.from({ length: 97 }, (_, i) => {
  const c = context();
  c.order.amount = 1 + i * 13;
  c.locale = ['zh-CN', 'zh-TW', 'en'][i % 3];
  for (let k = 0; k < i % 16; k++) {
    c.messages.push({ from: k % 2 ? 'agent' : 'buyer', text: '能便宜点吗?明天付'.repeat(1 + ((i + k) % 8)) });
  }
  if (i % 5 === 0) c.shop = { name: '小暖生活馆', templates: [{ id: 'own', text: '{name}您好,{shop}提醒您付款~' }] };
  return c;
});

test('wasm memory stays within 10% over 100,000 suggest calls and 10,000 that throw', async () => {
  // A fresh instance of the package's module, apart from the one the hostile
  // values above went through.
  const fresh = await import(PKG + 'cuifu.js?memory');
  const { memory } = fresh.initSync({ module: readFileSync(PKG + 'cuifu_bg.wasm') });
  const { suggest, rankOrders, lint } = fresh;
  for (let i = 0; i < 1_000; i++) suggest(varied[i % varied.length]);
  const first = memory.buffer.byteLength;
  for (let i = 1_000; i < 100_000; i++) suggest(varied[i % varied.length]);
  const afterValid = memory.buffer.byteLength;
  const bad = [
    () => suggest({ ...context(), order: { placedAt: 'yesterday', amount: 1 } }),
    () => suggest({ ...context(), buyer: cyclic() }),
    () => suggest({ ...context(), messages: varied[95].messages.concat([{ from: 'buyer', text: 'x'.repeat(4_001) }]) }),
    () => rankOrders([context(), { order: 1 }]),
    () => lint('x'.repeat(10_001))
  ];
  for (let i = 0; i < 10_000; i++) throwsCuifu(bad[i % bad.length], undefined);
  const afterErrors = memory.buffer.byteLength;
  console.log(`wasm memory: ${first} bytes after 1,000 calls, ${afterValid} after 100,000, ${afterErrors} after 10,000 more that throw`);
  assert.ok(afterValid <= first * 1.1, `grew from ${first} to ${afterValid}`);
  assert.ok(afterErrors <= first * 1.1, `grew from ${first} to ${afterErrors}`);
});
