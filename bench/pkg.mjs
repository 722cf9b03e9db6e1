// Finds the built package's entries from pkg/package.json (not from file
// names), so the benchmark follows the package wherever its build puts them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PKG = join(ROOT, 'pkg');

/** The first string target of an `exports` entry under the given conditions. */
function target(entry, conditions) {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object') return null;
  for (const [k, v] of Object.entries(entry)) {
    if (k === 'types') continue;
    if (conditions.includes(k)) {
      const t = target(v, conditions);
      if (t) return t;
    }
  }
  return null;
}

export function packageFiles() {
  const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  const dot = manifest.exports?.['.'] ?? manifest.exports;
  const node = target(dot, ['node', 'import', 'default']) ?? manifest.main;
  const web = target(manifest.exports?.['./web'], ['browser', 'import', 'default']) ?? target(dot, ['browser', 'import', 'default']) ?? manifest.module ?? manifest.browser;
  const wasm = readdirSync(PKG).find((f) => f.endsWith('.wasm'));
  return { manifest, node: join(PKG, node), web: join(PKG, web), wasm: join(PKG, wasm) };
}

export const built = () => existsSync(join(PKG, 'package.json'));

/** The package as Node users import it. */
export async function loadNode() {
  return import(pathToFileURL(packageFiles().node).href);
}

let fresh = 0;
/**
 * A separate instance of the module (its own wasm memory) from the web entry,
 * initialised from the bytes. Returns `{ mod, memory }`; `memory` is the
 * instance's `WebAssembly.Memory` when the package's init hands it out.
 */
export async function loadFresh() {
  const files = packageFiles();
  const mod = await import(`${pathToFileURL(files.web).href}?instance=${++fresh}`);
  const bytes = readFileSync(files.wasm);
  let exports;
  if (typeof mod.initSync === 'function') exports = mod.initSync({ module: bytes });
  else exports = await mod.default({ module_or_path: bytes });
  return { mod, memory: exports?.memory ?? null };
}
