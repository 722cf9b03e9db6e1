// A panic marks the instance failed: the call that panics throws, and every
// later call throws a CuifuError `internal` that says to reload. Needs the
// build with the hidden `testPanic` export, which the test command makes
// (CUIFU_FEATURES=test-panic CUIFU_OUT=target/pkg-test-panic bash scripts/build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'pkg-test-panic/');
const skip = existsSync(PKG + 'cuifu_bg.wasm') ? false : `${PKG} is missing: the test command builds it`;

test('after a panic every call throws internal', { skip }, async () => {
  const wasm = await import(PKG + 'cuifu.js');
  const web = await import(PKG + 'index.js');
  web.initSync(readFileSync(PKG + 'cuifu_bg.wasm'));
  const ctx = { now: '2026-11-24T15:00:00+08:00', order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99 } };
  assert.ok(web.suggest(ctx).lines.length > 0);
  const quiet = console.error;
  console.error = () => {};
  try {
    assert.throws(() => wasm.testPanic());
  } finally {
    console.error = quiet;
  }
  for (const call of [() => web.suggest(ctx), () => web.lint('x'), () => web.rankOrders([ctx]), () => web.checkTemplates([])]) {
    assert.throws(call, (e) => e.name === 'CuifuError' && e.code === 'internal' && /reload/.test(e.message));
  }
});
