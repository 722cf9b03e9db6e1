// The package's entry for browsers and bundlers: the functions of the
// wasm-bindgen module (cuifu.js), each refusing with a CuifuError
// `not_initialized` until init() or initSync() has instantiated the wasm.
import wasmInit, * as wasm from './cuifu.js';

let ready = false;

/** Loads the wasm (by default `cuifu_bg.wasm` next to this file); await it once before any call. */
export default async function init(input) {
  const arg = input !== undefined && input !== null && typeof input === 'object' && 'module_or_path' in input
    ? input
    : input === undefined ? undefined : { module_or_path: input };
  await wasmInit(arg);
  ready = true;
}

/** Instantiates the wasm synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  const arg = module !== null && typeof module === 'object' && 'module' in module ? module : { module };
  wasm.initSync(arg);
  ready = true;
}

/** True when `e` is an error thrown by this package. */
export function isCuifuError(e) {
  return e instanceof Error && e.name === 'CuifuError' && typeof e.code === 'string';
}

function notInitialized(name) {
  const e = new Error(`${name}() was called before cuifu was initialised: \`await init()\` once first`);
  e.name = 'CuifuError';
  e.code = 'not_initialized';
  e.path = '';
  return e;
}

const gated = (name) => (...args) => {
  if (!ready) throw notInitialized(name);
  return wasm[name](...args);
};

export const suggest = gated('suggest');
export const lint = gated('lint');
export const parseTranscript = gated('parseTranscript');
export const readTranscript = gated('readTranscript');
export const rankOrders = gated('rankOrders');
export const checkTemplates = gated('checkTemplates');
export const version = gated('version');
