// Node entry: instantiates the module synchronously from the .wasm next to
// this file, so `import { suggest } from 'cuifu'` (or `require('cuifu')`)
// works with no init call.
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync({ module: readFileSync(new URL('./cuifu_bg.wasm', import.meta.url)) });

export * from './index.js';

/** Already initialised in Node; kept so code written for the web runs unchanged. */
export default async function init() {}
