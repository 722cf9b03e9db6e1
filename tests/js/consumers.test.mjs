// The packed package as a web developer meets it: `npm pack`, installed into
// throw-away Vite, webpack 5 and esbuild projects and a plain page, each built
// with the bundler from the repository's devDependencies (offline) and run in
// headless Chromium, which must show a real `suggest` answer and the
// `not_initialized` error for a call before `init()`. Also type-checks a
// strict Node project without the DOM lib against the Node entry's types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = join(ROOT, 'pkg');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skip = !existsSync(join(PKG, 'cuifu_bg.wasm')) ? 'pkg/ is missing: run bash scripts/build first'
  : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : false;

const APP = `
import init, { suggest, isCuifuError } from 'cuifu';
__WASM_IMPORT__
const out = {};
try {
  suggest({});
} catch (e) {
  out.early = isCuifuError(e) ? e.code : String(e);
}
await init(__INIT_ARG__);
const s = suggest({
  now: '2026-11-24T15:00:00+08:00',
  order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99 },
  messages: [{ from: 'buyer', text: '能便宜点吗', at: '2026-11-24T14:41:00+08:00' }]
});
out.reason = s.reason.code;
out.lines = s.lines.length;
window.__result = out;
`;
const app = (wasmImport = '', initArg = '') => APP.replace('__WASM_IMPORT__', wasmImport).replace('__INIT_ARG__', initArg);
const PAGE = (script) => `<!doctype html><meta charset="utf-8"><title>consumer</title><script type="module" src="${script}"></script>`;

let work;
let tarball;
let browser;
let server;
let base;

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'cuifu-consumers-'));
  execFileSync('npm', ['pack', '--offline', '--pack-destination', work], { cwd: PKG, stdio: 'pipe' });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
  const { serve } = await import('../../scripts/serve.mjs');
  // The whole throw-away folder: it holds only the projects built here.
  server = await serve({ root: work, served: ['.'] });
  base = server.url;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update']
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A throw-away project with the packed tarball installed. */
function project(name) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: dir, stdio: 'pipe' });
  return dir;
}

async function runPage(path) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/${path}`);
  const result = await page.waitForFunction(() => window.__result, null, { timeout: 20_000 }).then((h) => h.jsonValue())
    .catch(() => ({ errors }));
  await page.close();
  assert.deepEqual(result, { early: 'not_initialized', reason: 'price_bargain', lines: result.lines }, JSON.stringify(errors));
  assert.ok(result.lines >= 1);
}

test('Node ESM and CommonJS load the installed package with no init call', { skip }, () => {
  const dir = project('node');
  const call = "suggest({ now: '2026-11-24T15:00:00+08:00', order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99 }, messages: [{ from: 'buyer', text: '能便宜点吗' }] }).reason.code";
  writeFileSync(join(dir, 'esm.mjs'), `import { suggest } from 'cuifu';\nconsole.log(${call});\n`);
  writeFileSync(join(dir, 'cjs.cjs'), `const { suggest } = require('cuifu');\nconsole.log(${call});\n`);
  for (const f of ['esm.mjs', 'cjs.cjs']) {
    const out = execFileSync(process.execPath, [f], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(out.trim(), 'price_bargain', f);
  }
});

test('Vite build runs in Chromium', { skip }, async () => {
  const dir = project('vite');
  writeFileSync(join(dir, 'src/main.js'), app());
  writeFileSync(join(dir, 'index.html'), PAGE('/src/main.js'));
  const { build } = await import('vite');
  await build({ root: dir, base: './', logLevel: 'silent', configFile: false, build: { target: 'es2022', outDir: join(dir, 'dist') } });
  await runPage('vite/dist/index.html');
});

test('webpack 5 build runs in Chromium', { skip }, async () => {
  const dir = project('webpack');
  writeFileSync(join(dir, 'src/main.js'), app());
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => webpack({
    mode: 'production',
    context: dir,
    entry: './src/main.js',
    output: { path: join(dir, 'dist'), filename: 'main.js', publicPath: '' },
    resolve: { modules: [join(dir, 'node_modules'), join(ROOT, 'node_modules')] }
  }, (err, s) => (err ? reject(err) : resolve(s))));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  writeFileSync(join(dir, 'dist/index.html'), PAGE('./main.js'));
  await runPage('webpack/dist/index.html');
});

test('esbuild build (the README recipe) runs in Chromium', { skip }, async () => {
  const dir = project('esbuild');
  writeFileSync(join(dir, 'src/main.js'), app("import wasmUrl from 'cuifu/cuifu_bg.wasm';", '{ module_or_path: wasmUrl }'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ['src/main.js'],
    bundle: true,
    format: 'esm',
    loader: { '.wasm': 'file' },
    outdir: join(dir, 'dist'),
    logLevel: 'silent'
  });
  writeFileSync(join(dir, 'dist/index.html'), PAGE('./main.js'));
  await runPage('esbuild/dist/index.html');
});

test('a plain page imports the package files', { skip }, async () => {
  const dir = project('plain');
  cpSync(join(dir, 'node_modules/cuifu'), join(dir, 'cuifu'), { recursive: true, dereference: true });
  writeFileSync(join(dir, 'main.js'), app().replace("from 'cuifu'", "from './cuifu/index.js'"));
  writeFileSync(join(dir, 'index.html'), PAGE('./main.js'));
  await runPage('plain/index.html');
});

test('types: a strict node16 project without the DOM lib, and a bundler project with it', { skip }, () => {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const node = project('ts-node16');
  symlinkSync(join(ROOT, 'node_modules/@types'), join(node, 'node_modules/@types'), 'dir');
  writeFileSync(join(node, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2022'], types: ['node'], noEmit: true, skipLibCheck: false }
  }));
  writeFileSync(join(node, 'src/main.mts'), `
import init, { suggest, isCuifuError, type Suggestion, type Warning, type Line } from 'cuifu';
await init();
const s: Suggestion = suggest({ order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99 } });
const code: Warning['code'] = 'unknown_field';
const angle: Line['angle'] = 'help';
// @ts-expect-error: not a warning code
const bad: Warning['code'] = 'no_such_code';
try { suggest({ order: { placedAt: 'x', amount: 1 } }); } catch (e) { if (isCuifuError(e)) console.log(e.code, e.path); }
console.log(s.action, code, angle, bad);
`);
  execFileSync(process.execPath, [tsc, '-p', node], { stdio: 'pipe' });
  const web = project('ts-bundler');
  writeFileSync(join(web, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], types: [], noEmit: true, skipLibCheck: false }
  }));
  writeFileSync(join(web, 'src/main.ts'), `
import init, { suggest, initSync, isCuifuError } from 'cuifu';
await init();
await init(new URL('x.wasm', location.href));
initSync(new Uint8Array());
const s = suggest({ order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99 } });
const e: unknown = null;
if (isCuifuError(e)) console.log(e.code);
console.log(s.lines[0]?.angle);
`);
  execFileSync(process.execPath, [tsc, '-p', web], { stdio: 'pipe' });
});
