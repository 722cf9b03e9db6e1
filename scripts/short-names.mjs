// Usage: node scripts/short-names.mjs pkg/cuifu_bg.wasm pkg/cuifu.js
//
// wasm-bindgen names each import after the JS it calls plus a 16-hex-digit
// hash (`__wbg_push_c9f4893fc209f768`), and only its own glue in cuifu.js
// uses those names, as keys of the imports object. Random hex is what gzip
// packs worst: giving the imports short names ("0", "1", … "l") in both files
// takes about 0.6 KB off the gzipped wasm. The module name stays
// "./cuifu_bg.js".
//
// It refuses to run unless every import is defined exactly once in the glue,
// so a different wasm-bindgen layout fails the build instead of the package.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, jsPath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');

function fail(msg) {
  console.error(`${wasmPath}: ${msg}`);
  process.exit(1);
}

// LEB128 helpers.
function readU32(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [result >>> 0, pos];
}
function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
function str(s) {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([u32(b.length), b]);
}
function readStr(buf, pos) {
  let len;
  [len, pos] = readU32(buf, pos);
  return [buf.toString('utf8', pos, pos + len), pos + len];
}
// Skips an import's description (kind byte included).
function skipDesc(buf, pos) {
  const kind = buf[pos++];
  const limits = () => {
    const flags = buf[pos++];
    [, pos] = readU32(buf, pos);
    if (flags & 1) [, pos] = readU32(buf, pos);
  };
  if (kind === 0) [, pos] = readU32(buf, pos); // func: type index
  else if (kind === 1) { pos++; limits(); } // table: reftype, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) pos += 2; // global: valtype, mutability
  else fail(`import kind ${kind} not handled`);
  return pos;
}

const parts = [wasm.subarray(0, 8)];
let pos = 8;
let renamed = 0;
while (pos < wasm.length) {
  const start = pos;
  const id = wasm[pos++];
  let size;
  [size, pos] = readU32(wasm, pos);
  const end = pos + size;
  if (id !== 2) {
    parts.push(wasm.subarray(start, end));
    pos = end;
    continue;
  }
  let count;
  [count, pos] = readU32(wasm, pos);
  const body = [u32(count)];
  for (let i = 0; i < count; i++) {
    let module, name;
    [module, pos] = readStr(wasm, pos);
    [name, pos] = readStr(wasm, pos);
    const descStart = pos;
    pos = skipDesc(wasm, pos);
    const key = `\n        ${name}: function`;
    const at = js.indexOf(key);
    if (at < 0 || js.indexOf(key, at + 1) >= 0) fail(`import ${name} is not defined once in ${jsPath}`);
    const short = renamed.toString(36);
    renamed++;
    js = js.replace(key, `\n        ${JSON.stringify(short)}: function`);
    body.push(str(module), str(short), wasm.subarray(descStart, pos));
  }
  if (pos !== end) fail('import section not read to its end');
  const content = Buffer.concat(body);
  parts.push(Buffer.from([2]), u32(content.length), content);
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(jsPath, js);
console.log(`imports: ${renamed} renamed`);
