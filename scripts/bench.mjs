// Benchmark of the built package: wasm size, init time, per-call latency and
// batch throughput. Figures are medians over repeated runs; ratios compare
// against a trivial call so they carry across machines.
//   node scripts/bench.mjs [--quick]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const PKG = fileURLToPath(new URL('../pkg/', import.meta.url));
const quick = process.argv.includes('--quick');
const wasm = readFileSync(PKG + 'cuifu_bg.wasm');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const context = (i = 0) => ({
  now: '2026-11-24T15:00:00+08:00',
  locale: ['zh-CN', 'zh-TW', 'en'][i % 3],
  order: {
    placedAt: '2026-11-24T14:30:00+08:00',
    amount: 50 + (i % 7) * 40,
    items: [{ title: '加厚羊毛围巾', quantity: 1, price: 99 }]
  },
  buyer: { name: '李娜', returning: i % 2 === 0 },
  messages: [
    { from: 'buyer', text: '在吗?这个围巾起球吗', at: '2026-11-24T14:20:00+08:00' },
    { from: 'agent', text: '亲,这款是精梳羊毛,不容易起球的哦', at: '2026-11-24T14:22:00+08:00' },
    { from: 'buyer', text: ['能便宜点吗', '发工资了再买', '别家便宜十块', '密码忘了'][i % 4], at: '2026-11-24T14:35:00+08:00' }
  ],
  shop: { name: '暖冬小铺', avgOrderValue: 120, margin: 0.35, sevenDayReturn: true, coupon: '满99减10' }
});

// Init: a fresh copy of the JS glue each time, instantiated from the bytes;
// then the first suggest() on it, which also builds the phrase tables.
const inits = [];
const firsts = [];
let mod;
for (let i = 0; i < (quick ? 5 : 15); i++) {
  const m = await import(`${PKG}cuifu.js?run=${i}`);
  const t0 = performance.now();
  m.initSync({ module: wasm });
  m.version();
  const t1 = performance.now();
  m.suggest(context(i));
  firsts.push(performance.now() - t1);
  inits.push(t1 - t0);
  mod = m;
}
const { suggest, lint, readTranscript, rankOrders, version } = mod;

function time(fn, n) {
  for (let i = 0; i < Math.min(200, n); i++) fn(i); // warm up
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    xs.push((performance.now() - t0) * 1000);
  }
  return xs;
}

const N = quick ? 500 : 5000;
const ctxs = Array.from({ length: 64 }, (_, i) => context(i));
const tVersion = time(() => version(), N);
const tSuggest = time((i) => suggest(ctxs[i % 64]), N);
const tLint = time(() => lint('亲~您拍下的围巾还没付款哦,全网最低价,明天就到!'), N);
const transcript = Array.from({ length: 20 }, (_, i) => `[2026-11-24 14:${String(10 + i).padStart(2, '0')}:00] ${i % 2 ? '小美' : '买家阿花'}:第${i}条消息,请问还有货吗`).join('\n');
const tTranscript = time(() => readTranscript(transcript, { agentNicks: ['小美'] }), quick ? 200 : 2000);

const batch = Array.from({ length: 1000 }, (_, i) => context(i));
const batches = [];
for (let r = 0; r < (quick ? 3 : 9); r++) {
  const t0 = performance.now();
  rankOrders(batch);
  batches.push(performance.now() - t0);
}
const batchMs = median(batches);

// The size as scripts/size measures it (the gzip command at -9); node's zlib
// at level 9 packs this module about 1.5 KB larger.
function gzip9(bytes) {
  try {
    return execFileSync('gzip', ['-9', '-c'], { input: bytes, maxBuffer: 1 << 24 }).length;
  } catch {
    return `${gzipSync(bytes, { level: 9 }).length} (zlib)`;
  }
}

const us = (x) => `${x.toFixed(1)} µs`;
const rows = [
  ['wasm size', `${wasm.length} B raw, ${gzip9(wasm)} B gzip -9`],
  ['init (compile + instantiate), median', `${median(inits).toFixed(2)} ms`],
  ['first suggest() after init, median', `${median(firsts).toFixed(2)} ms`],
  ['version() call, median', us(median(tVersion))],
  ['suggest(), median / p95', `${us(median(tSuggest))} / ${us(pct(tSuggest, 0.95))}`],
  ['lint(), median', us(median(tLint))],
  ['readTranscript() 20 lines, median', us(median(tTranscript))],
  ['rankOrders() 1000 orders, median', `${batchMs.toFixed(1)} ms (${Math.round(1000 / (batchMs / 1000))} orders/s)`],
  ['ratio suggest / version()', `${(median(tSuggest) / median(tVersion)).toFixed(0)}×`],
  ['ratio per order in batch / single suggest', `${((batchMs * 1000) / 1000 / median(tSuggest)).toFixed(2)}×`]
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`cuifu ${version()} benchmark (${quick ? 'quick' : 'full'}; node ${process.version})`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
