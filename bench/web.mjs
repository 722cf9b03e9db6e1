// Cold start in headless Chromium: navigation to the first `suggest` result,
// against the same page without cuifu. Each load is a fresh browser context
// (no cache; the server also says no-store), served from 127.0.0.1.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { ROOT, packageFiles } from './pkg.mjs';
import { median } from './stats.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

// Both pages build the same context from the same module; only the cuifu page
// loads the package, initialises it and asks for a suggestion.
function page(entry) {
  const withCuifu = entry
    ? `import init, { suggest } from '${entry}';
const t0 = performance.now();
await init();
const t1 = performance.now();
const s = suggest(ctx);
const t2 = performance.now();
document.body.textContent = s.lines[0].text;
window.__bench = { ready: t2, init: t1 - t0, first: t2 - t1 };`
    : `const t = performance.now();
document.body.textContent = ctx.messages[0].text;
window.__bench = { ready: t };`;
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>cold start</title>
<body><script type="module">
import { chat } from '/bench/contexts.mjs';
const ctx = chat(20, 1);
${withCuifu}
</script></body></html>`;
}

function server() {
  const web = '/' + relative(ROOT, packageFiles().web).split(sep).join('/');
  const pages = { '/cuifu.html': page(web), '/blank.html': page(null) };
  const srv = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const head = (type) => ({ 'content-type': type, 'cache-control': 'no-store' });
    if (pages[path]) return res.writeHead(200, head(TYPES['.html'])).end(pages[path]);
    const file = normalize(join(ROOT, path));
    const allowed = ['pkg', 'bench'].some((d) => file.startsWith(join(ROOT, d) + sep));
    try {
      if (!allowed) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, head(TYPES[extname(file)] || 'application/octet-stream')).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok(srv)));
}


/**
 * Medians over `loads` fresh loads of each page, in ms: `{ chromium, loads,
 * cuifu, blank, added, init, first, fastest: { added, init, first } }`.
 */
export async function browserColdStart(loads) {
  const { chromium } = await import('playwright-core');
  const srv = await server();
  const base = `http://127.0.0.1:${srv.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  try {
    const runs = { cuifu: [], blank: [] };
    const once = async (name) => {
      const context = await browser.newContext();
      const p = await context.newPage();
      const errors = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(`${base}/${name}.html`);
      const r = await p.waitForFunction(() => window.__bench, null, { timeout: 30000 }).catch((e) => {
        throw new Error(errors.length ? `${name}.html: ${errors[0]}` : e.message);
      });
      runs[name].push(await r.jsonValue());
      await context.close();
    };
    await once('cuifu'); // warm the browser process itself, not measured
    await once('blank');
    runs.cuifu.length = runs.blank.length = 0;
    for (let i = 0; i < loads; i++) {
      await once('blank');
      await once('cuifu');
    }
    const cuifu = median(runs.cuifu.map((r) => r.ready));
    const blank = median(runs.blank.map((r) => r.ready));
    return {
      chromium: browser.version(),
      loads,
      cuifu,
      blank,
      added: cuifu - blank,
      init: median(runs.cuifu.map((r) => r.init)),
      first: median(runs.cuifu.map((r) => r.first)),
      // The fastest load of each: what the page costs when nothing else runs.
      fastest: {
        added: Math.min(...runs.cuifu.map((r) => r.ready)) - Math.min(...runs.blank.map((r) => r.ready)),
        init: Math.min(...runs.cuifu.map((r) => r.init)),
        first: Math.min(...runs.cuifu.map((r) => r.first))
      }
    };
  } finally {
    await browser.close();
    srv.close();
  }
}
