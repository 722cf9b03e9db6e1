// The benchmark of the built package, in one run:
//   - suggest() through the package beside a plain-JS peer (json-rules-engine
//     rules, mustache lines, regex reasons: bench/peer.mjs), in this process,
//     on the same seeded contexts (bench/contexts.mjs), 0 to 1,000 messages;
//   - the cost of each extra message, rankOrders of 1,000 and 10,000 orders,
//     lint and readTranscript;
//   - wasm linear memory after 1,000 and 100,000 suggest() calls;
//   - cold start in Node (fresh processes) and in headless Chromium.
// Figures are medians. Builds pkg/ first when it is missing.
//
//   node scripts/bench.mjs [--quick] [--criterion] [--no-browser]
//
// --quick     fewer repetitions (CI, under a minute)
// --criterion also runs the native criterion benches (cargo bench)
// --no-browser skips the Chromium cold start
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ROOT, built, packageFiles, loadNode, loadFresh } from '../bench/pkg.mjs';
import { chat, pool, rankBatch, lintText, transcriptText, transcriptOptions, LENGTHS } from '../bench/contexts.mjs';
import { suggestPeer } from '../bench/peer.mjs';
import { median, quantile } from '../bench/stats.mjs';

const args = process.argv.slice(2);
const load = loadavg(); // other work on the machine skews the figures: reported with them
const quick = args.includes('--quick');
const log = (...xs) => console.log(...xs);

if (!built()) {
  log('pkg/ is missing: building it with scripts/build');
  execFileSync('bash', ['scripts/build'], { cwd: ROOT, stdio: 'inherit' });
}
const files = packageFiles();
const cuifu = await loadNode();
const { suggest, lint, readTranscript, rankOrders, version } = cuifu;

const fmt = (x, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

// ---- suggest: cuifu and the peer, interleaved in blocks on the same contexts.
const SEEDS = 8;
const REPS = quick ? { 0: 600, 20: 600, 200: 200, 1000: 60 } : { 0: 6000, 20: 6000, 200: 2000, 1000: 600 };
async function compare(n) {
  const ctxs = Array.from({ length: SEEDS }, (_, s) => chat(n, s + 1));
  const a = [];
  const b = [];
  const block = Math.max(10, Math.min(100, REPS[n] / 20));
  for (let i = 0; i < Math.min(50, REPS[n]); i++) {
    suggest(ctxs[i % SEEDS]);
    await suggestPeer(ctxs[i % SEEDS]);
  }
  for (let done = 0; done < REPS[n]; done += block) {
    for (let i = done; i < done + block; i++) {
      const t0 = performance.now();
      suggest(ctxs[i % SEEDS]);
      a.push(performance.now() - t0);
    }
    for (let i = done; i < done + block; i++) {
      const t0 = performance.now();
      await suggestPeer(ctxs[i % SEEDS]);
      b.push(performance.now() - t0);
    }
  }
  const q = (xs) => quantile(xs, 0.1) * 1000;
  return { n, cuifu: median(a) * 1000, peer: median(b) * 1000, cuifuP10: q(a), peerP10: q(b) };
}
const rows = [];
for (const n of LENGTHS) rows.push(await compare(n));

// A working peer: how often it reaches cuifu's reason and action.
const sample = pool(400, 40, 77);
let sameReason = 0;
let sameAction = 0;
for (const ctx of sample) {
  const s = suggest(ctx);
  const p = await suggestPeer(ctx);
  if (s.reason.code === p.reason.code) sameReason++;
  if (s.action === p.action) sameAction++;
}

// ---- rankOrders, lint, readTranscript.
function samplesMs(fn, runs) {
  fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return xs;
}
const timeMs = (fn, runs) => median(samplesMs(fn, runs));
const rank = [];
for (const n of [1000, 10000]) {
  const batch = rankBatch(n);
  try {
    rankOrders(batch);
  } catch (e) {
    rank.push({ n, skipped: `${e.code || e.name}: ${e.message}` });
    continue;
  }
  const xs = samplesMs(() => rankOrders(batch), quick ? 3 : n > 1000 ? 7 : 15);
  const ms = median(xs);
  rank.push({ n, ms, fastest: Math.min(...xs), perSec: n / (ms / 1000) });
}
const usCall = (fn, runs) => {
  for (let i = 0; i < 100; i++) fn();
  return timeMs(fn, runs) * 1000;
};
const tLint = usCall(() => lint(lintText), quick ? 500 : 5000);
const transcript = transcriptText();
const tTranscript = usCall(() => readTranscript(transcript, transcriptOptions), quick ? 300 : 3000);

// ---- Memory: a fresh instance, varied contexts.
const CALLS = quick ? 10_000 : 100_000;
const memory = await (async () => {
  const { mod, memory } = await loadFresh();
  if (!memory) return null;
  const ctxs = pool(500, 60, 300);
  const start = memory.buffer.byteLength;
  let after1k = 0;
  for (let i = 0; i < CALLS; i++) {
    mod.suggest(ctxs[i % ctxs.length]);
    if (i === 999) after1k = memory.buffer.byteLength;
  }
  return { start, after1k, end: memory.buffer.byteLength };
})();

// ---- Cold start in Node: fresh processes importing the package.
const coldScript = `
import { performance } from 'node:perf_hooks';
const { chat } = await import(${JSON.stringify(pathToFileURL(`${ROOT}/bench/contexts.mjs`).href)});
const ctx = chat(20, 1);
const t0 = performance.now();
const m = await import(${JSON.stringify(pathToFileURL(files.node).href)});
if (m.default) await m.default();
const t1 = performance.now();
m.suggest(ctx);
const t2 = performance.now();
console.log(JSON.stringify({ init: t1 - t0, first: t2 - t1 }));`;
const nodeCold = [];
for (let i = 0; i < (quick ? 5 : 15); i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', coldScript], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold start process failed: ${r.stderr}`);
  nodeCold.push(JSON.parse(r.stdout));
}
const nInit = median(nodeCold.map((r) => r.init));
const nFirst = median(nodeCold.map((r) => r.first));

// ---- Cold start in headless Chromium.
let browser = null;
if (!args.includes('--no-browser')) {
  try {
    const { browserColdStart } = await import('../bench/web.mjs');
    browser = await browserColdStart(quick ? 5 : 15);
  } catch (e) {
    browser = { error: e.message.split('\n')[0] };
  }
}

// ---- Report (Markdown, so BENCHMARKS.md can take it as printed).
function gzip9(bytes) {
  try {
    return execFileSync('gzip', ['-9', '-c'], { input: bytes, maxBuffer: 1 << 26 }).length;
  } catch {
    return gzipSync(bytes, { level: 9 }).length;
  }
}
const wasm = readFileSync(files.wasm);
const chromiumVersion = browser?.chromium ? `, Chromium ${browser.chromium}` : '';
log(`## cuifu ${version()}: ${quick ? 'quick' : 'full'} run, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
log(`Node ${process.version}${chromiumVersion}; ${cpus().length} × ${cpus()[0]?.model.trim()}, ${fmt(totalmem() / 2 ** 30)} GiB; load average ${load.map((x) => x.toFixed(1)).join(' ')} at the start`);
log(`wasm: ${wasm.length.toLocaleString('en-US')} B raw, ${gzip9(wasm).toLocaleString('en-US')} B gzip -9`);
log('');
log('| chat length | cuifu `suggest` | plain-JS peer | peer / cuifu | fastest 10%: cuifu / peer |');
log('|---|---|---|---|---|');
for (const r of rows) {
  const p10 = `${fmt(r.cuifuP10)} / ${fmt(r.peerP10)} µs (${fmt(r.peerP10 / r.cuifuP10, 2)}×)`;
  log(`| ${r.n.toLocaleString('en-US')} messages | ${fmt(r.cuifu)} µs | ${fmt(r.peer)} µs | ${fmt(r.peer / r.cuifu, 2)}× | ${p10} |`);
}
const slope = (k) => (rows.find((r) => r.n === 1000)[k] - rows.find((r) => r.n === 200)[k]) / 800;
log('');
log('| measure | median |');
log('|---|---|');
log(`| cost per extra message (slope 200 → 1,000) | cuifu ${fmt(slope('cuifu'), 3)} µs, peer ${fmt(slope('peer'), 3)} µs (fastest 10%: ${fmt(slope('cuifuP10'), 3)} / ${fmt(slope('peerP10'), 3)} µs) |`);
for (const r of rank) {
  const what = `\`rankOrders\` ${r.n.toLocaleString('en-US')} orders`;
  log(r.skipped ? `| ${what} | skipped: the package refuses it (${r.skipped}) |` : `| ${what} | ${fmt(r.ms)} ms (${Math.round(r.perSec).toLocaleString('en-US')} orders/s; fastest run ${fmt(r.fastest)} ms) |`);
}
log(`| \`lint\` (a ${lintText.length}-character line) | ${fmt(tLint)} µs |`);
log(`| \`readTranscript\` (40 messages) | ${fmt(tTranscript)} µs |`);
if (memory) {
  const kib = (b) => `${(b / 1024).toLocaleString('en-US')} KiB`;
  log(`| wasm memory: after init / 1,000 / ${CALLS.toLocaleString('en-US')} \`suggest\` calls | ${kib(memory.start)} / ${kib(memory.after1k)} / ${kib(memory.end)} |`);
} else log('| wasm memory | not reachable through the package init |');
log(`| cold start, Node (import = compile + instantiate; first \`suggest\`) | ${fmt(nInit + nFirst, 2)} ms (${fmt(nInit, 2)} + ${fmt(nFirst, 2)}), ${nodeCold.length} processes |`);
if (browser?.error) log(`| cold start, Chromium | not measured: ${browser.error} |`);
else if (browser) {
  log(`| cold start, Chromium: navigation to first \`suggest\` result, minus the page without cuifu | ${fmt(browser.added, 2)} ms (${fmt(browser.cuifu, 2)} − ${fmt(browser.blank, 2)}), ${browser.loads} loads each |`);
  log(`| cold start, Chromium: \`await init()\` / first \`suggest\` | ${fmt(browser.init, 2)} ms / ${fmt(browser.first, 2)} ms |`);
  const f = browser.fastest;
  log(`| cold start, Chromium, fastest load of each: added / \`init\` / first \`suggest\` | ${fmt(f.added, 2)} ms / ${fmt(f.init, 2)} ms / ${fmt(f.first, 2)} ms |`);
}
log('');
log(`The peer reaches cuifu's reason on ${sameReason} and its action on ${sameAction} of ${sample.length} varied contexts.`);
log('Each peer call is awaited: json-rules-engine decides asynchronously. A ratio below 1× means cuifu is the slower.');
log('The fastest 10% of calls show the cost when the machine is shared: a call of several ms is often preempted by other work.');

if (args.includes('--criterion')) {
  log('\n## native engine (criterion)');
  const r = spawnSync('cargo', ['bench', '--bench', 'engine'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
