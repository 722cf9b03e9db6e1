// The built package answers exactly as the Rust engine: replays the inputs
// and native answers that `cargo test --test parity` writes (see
// tests/parity.rs) against pkg/, so neither the JS boundary nor wasm-opt can
// change a suggestion, a lint warning, a ranking, a transcript or an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = join(ROOT, 'pkg/');
const CASES = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'tmp/parity.json');
if (!existsSync(PKG + 'cuifu_bg.wasm')) throw new Error('pkg/ is missing: run bash scripts/build first');
if (!existsSync(CASES)) throw new Error(`${CASES} is missing: run cargo test --test parity first`);
const cuifu = await import(PKG + 'node.mjs');
const cases = JSON.parse(readFileSync(CASES, 'utf8'));

// Plain data as JSON has it: no undefined members, no prototypes.
const plain = (v) => JSON.parse(JSON.stringify(v));

function run(c) {
  try {
    return { ok: plain(cuifu[c.fn](...c.args)) };
  } catch (e) {
    if (e?.name !== 'CuifuError') throw e;
    // The JS message leads with the path, as the error's Display does.
    const message = e.path ? e.message.slice(e.path.length + 2) : e.message;
    return { error: { code: e.code, path: e.path, message } };
  }
}

for (const fn of ['suggest', 'lint', 'rankOrders', 'readTranscript']) {
  test(`${fn}: the package gives the engine's answers`, () => {
    const mine = cases.filter((c) => c.fn === fn);
    assert.ok(mine.length > 10, `${mine.length} ${fn} cases`);
    let errors = 0;
    for (const c of mine) {
      const got = run(c);
      if (c.want.error) errors++;
      assert.deepEqual(got, c.want, `${fn}(${JSON.stringify(c.args).slice(0, 300)})`);
    }
    if (fn === 'suggest') assert.ok(errors > 50, `${errors} refused contexts compared`);
  });
}

// The string-literal unions of the .d.ts cover every angle and warning code
// the engine gives in these cases.
test('Line.angle and Warning.code unions cover the answers', () => {
  const dts = readFileSync(PKG + 'cuifu.d.ts', 'utf8');
  const unions = (field) => [...dts.matchAll(new RegExp(`${field}: ((?:"[a-z_]+"(?: \\| )?)+);`, 'g'))]
    .map((u) => new Set([...u[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1])));
  const [angles] = unions('angle');
  const codes = unions('code').find((u) => u.has('extreme_word'));
  assert.ok(angles.size >= 6 && codes.has('unknown_field'));
  let seen = 0;
  for (const c of cases) {
    const ok = c.want.ok;
    if (!ok) continue;
    for (const l of ok.lines ?? []) {
      assert.ok(angles.has(l.angle), `angle ${l.angle} missing from the .d.ts`);
      seen++;
    }
    for (const w of (ok.warnings ?? (Array.isArray(ok) ? ok : []))) {
      if (w.code) assert.ok(codes.has(w.code), `warning code ${w.code} missing from the .d.ts`);
    }
  }
  assert.ok(seen > 1000);
});
