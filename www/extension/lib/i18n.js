// The extension's own UI strings live in _locales/<locale>/messages.json,
// where Chrome reads the manifest and menu titles. The pages load the same
// files themselves so the locale chosen on the options page wins over the
// browser's language.
const api = globalThis.browser ?? globalThis.chrome;
const DIRS = { 'zh-CN': 'zh_CN', 'zh-TW': 'zh_TW', en: 'en' };
let table = {};
let fallback = {};
let current = 'zh-CN';

/** The supported locale for a setting or browser language ('' = the browser's). */
export function resolveLocale(pref) {
  const l = String(pref || api?.i18n?.getUILanguage?.() || navigator.language || '');
  if (DIRS[l]) return l;
  if (/^zh[-_](TW|HK|MO|Hant)/i.test(l)) return 'zh-TW';
  if (/^en/i.test(l)) return 'en';
  return 'zh-CN';
}

async function fetchTable(locale) {
  try {
    const res = await fetch(api.runtime.getURL(`_locales/${DIRS[locale]}/messages.json`));
    const json = await res.json();
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, v.message]));
  } catch {
    return {};
  }
}

/** Loads the strings of `locale`; returns the resolved locale. */
export async function loadLocale(pref) {
  current = resolveLocale(pref);
  [table, fallback] = await Promise.all([fetchTable(current), current === 'zh-CN' ? {} : fetchTable('zh-CN')]);
  document.documentElement.lang = current;
  return current;
}

export function locale() {
  return current;
}

/** The string for `key` with `{name}` filled from `vars`. */
export function m(key, vars = {}) {
  const s = table[key] ?? fallback[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (all, k) => (k in vars ? String(vars[k]) : all));
}

/** Fills every `[data-i18n]` element's text (and `data-i18n-ph` placeholders, `data-i18n-title` titles). */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = m(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-ph]')) el.placeholder = m(el.dataset.i18nPh);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = m(el.dataset.i18nTitle);
}
