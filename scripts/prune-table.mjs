// Usage: node scripts/prune-table.mjs pkg/cuifu_bg.wasm pkg/cuifu.js
//
// wasm-bindgen links a descriptor for every import of js-sys, and the
// descriptors of imports that take a callback put wasm-bindgen's closure
// shims (and js-sys's promise waker) in the function table. The descriptors
// are gone after wasm-bindgen, but the table entries stay, and so does
// everything they reach: about 0.6 KB gzip that no call can use, because
// cuifu passes no closure to JS. This replaces those entries with one empty
// function (keeping every other index) and writes the module without its
// name section, which is read here to find them.
//
// It refuses to run when the generated JS handles closures, since the shims
// would then be needed.
import binaryen from 'binaryen';
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, jsPath] = process.argv.slice(2);
if (/closure/i.test(readFileSync(jsPath, 'utf8'))) {
  console.error(`${jsPath} passes closures: keep the closure shims (drop this step)`);
  process.exit(1);
}
const unused = /^(wasm_bindgen::convert::closures::|js_sys::futures::jspi::)/;

const mod = binaryen.readBinary(readFileSync(wasmPath));
// The features come from the module's target_features section.
mod.addFunction('unused_table_slot', binaryen.none, binaryen.none, [], mod.unreachable());
let pruned = 0;
const segments = [];
for (let i = 0; i < mod.getNumElementSegments(); i++) {
  segments.push(binaryen.getElementSegmentInfo(mod.getElementSegmentByIndex(i)));
}
for (const seg of segments) {
  const data = seg.data.map((f) => (unused.test(f) ? (pruned++, 'unused_table_slot') : f));
  if (data.every((f, i) => f === seg.data[i])) continue;
  const offset = binaryen.getExpressionInfo(seg.offset);
  if (offset.id !== binaryen.ConstId) {
    console.error(`${wasmPath}: element segment ${seg.name} has no constant offset`);
    process.exit(1);
  }
  mod.removeElementSegment(seg.name);
  mod.addActiveElementSegment(seg.table, seg.name, data, mod.i32.const(offset.value));
}
if (!mod.validate()) {
  console.error(`${wasmPath}: invalid after pruning the table`);
  process.exit(1);
}
binaryen.setDebugInfo(false);
writeFileSync(wasmPath, mod.emitBinary());
console.log(`table: ${pruned} unused closure shims dropped`);
