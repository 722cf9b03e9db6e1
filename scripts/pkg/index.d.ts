// Types of the package's entry for browsers and bundlers (index.js).
import type { CuifuError, InitInput, SyncInitInput } from './cuifu.js';
export * from './cuifu.js';

/** Loads the wasm (by default `cuifu_bg.wasm` next to this file); await it once before any call. */
export default function init(input?: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;
/** Instantiates the wasm synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module: SyncInitInput | { module: SyncInitInput }): void;
/** True when `e` is an error thrown by this package. */
export function isCuifuError(e: unknown): e is CuifuError;
