// Types of the Node entry: the declarations of the wasm-bindgen module for
// Node (types.d.ts), which name no DOM or WebAssembly type.
import type { CuifuError } from './types.js';
export * from './types.js';

/** Already initialised in Node; kept so code written for the web runs unchanged. */
export default function init(input?: unknown): Promise<void>;
/** True when `e` is an error thrown by this package. */
export function isCuifuError(e: unknown): e is CuifuError;
