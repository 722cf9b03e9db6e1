// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core (never a downloaded browser), and the local static server.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
export { serve } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium tries to reach Google's
// hosts at start, which fails on a closed network.
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps'
];

/** A headless browser for plain pages. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A persistent context with the unpacked extension at `dir` loaded. */
export function launchWithExtension(dir) {
  const profile = mkdtempSync(join(tmpdir(), 'cuifu-profile-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`]
  });
}

/** Where tests leave screenshots and other artifacts (gitignored). */
export function artifactsDir() {
  const dir = fileURLToPath(new URL('./artifacts/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Records every request a page or context makes; `outside()` lists those leaving the machine. */
export function watchRequests(target) {
  const urls = [];
  target.on('request', (r) => urls.push(r.url()));
  const local = (u) => {
    const { protocol, hostname } = new URL(u);
    if (['data:', 'blob:', 'chrome-extension:', 'about:', 'chrome:'].includes(protocol)) return true;
    return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  };
  return { urls, outside: () => urls.filter((u) => !local(u)) };
}

const SITES_DIR = fileURLToPath(new URL('./sites/', import.meta.url));

/** The replica page served at a real seller-chat address (see tests/e2e/sites/). */
function replicaFor(url) {
  const { hostname, pathname } = new URL(url);
  if (pathname.endsWith('/__replica.js')) return ['replica.js', 'text/javascript; charset=utf-8'];
  const html = (f) => [f, 'text/html; charset=utf-8'];
  if (hostname === 'mms.pinduoduo.com') return html('pinduoduo.html');
  if (hostname === 'im.jinritemai.com') return html('feige.html');
  if (hostname === 'dongdong.jd.com') return html('jd.html');
  if (hostname === 'market.m.taobao.com' || pathname.includes('def_cbu_web_im_core')) return html('wangwang.html');
  return html('wangwang-host.html');
}

/**
 * Serves the replica pages at the real sites' addresses inside `ctx`, so the
 * extension's match patterns, all_frames and host permissions apply as in
 * production; nothing goes to the network.
 */
export async function routeReplicas(ctx) {
  const { readFileSync } = await import('node:fs');
  await ctx.route(/^https:\/\/([a-z0-9-]+\.)*(pinduoduo|jinritemai|jd|taobao|1688)\.com\//, (route) => {
    const [file, contentType] = replicaFor(route.request().url());
    return route.fulfill({ status: 200, contentType, body: readFileSync(join(SITES_DIR, file)) });
  });
}
