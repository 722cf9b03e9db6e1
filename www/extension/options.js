// Options page: shop settings, templates and site adapters (storage.sync),
// checked with cuifu itself before saving so its errors show next to the
// field; plus the local statistics and their masked CSV export.
import init, * as cuifu from './vendor/cuifu.js';
import { t as st } from './vendor/shared/i18n.js';
import { errorText } from './vendor/shared/render.js';
import { h, clear } from './vendor/shared/dom.js';
import { loadLocale, m, translatePage, locale, resolveLocale } from './lib/i18n.js';
import { loadSettings, loadOrders, computeStats, toCsv, pruneOrders, recordKey, clearAllData } from './lib/store.js';
import { isoAt } from './lib/context.js';

const api = globalThis.browser ?? globalThis.chrome;
const { FIELDS: SELECTOR_FIELDS, PRESETS, originPattern, checkAdapter } = globalThis.cuifuAdapters;
const $ = (id) => document.getElementById(id);

const REASONS = ['insufficient_balance', 'forgot_password', 'novice_buyer', 'payment_system_issue', 'payment_trouble', 'price_bargain', 'shipping_fee', 'product_doubt', 'comparing_shops', 'waiting_reply', 'service_unhappy', 'order_merge', 'gift_or_promo', 'delivery_question', 'changed_mind', 'silent_order', 'unknown'];

/** The shop fields, in form order: key, input kind. */
const SHOP = [
  ['name', 'text'],
  ['agentName', 'text'],
  ['avgOrderValue', 'number'],
  ['margin', 'number'],
  ['closeAfterHours', 'number'],
  ['maxReminders', 'number'],
  ['minGapMinutes', 'number'],
  ['quietBefore', 'time'],
  ['quietAfter', 'time'],
  ['lunchBreak', 'range'],
  ['restDays', 'days'],
  ['utcOffset', 'text'],
  ['holidays', 'list'],
  ['workdays', 'list'],
  ['campaignName', 'text'],
  ['campaignWaves', 'list'],
  ['campaignDates', 'list'],
  ['gifts', 'lines'],
  ['coupon', 'text'],
  ['paymentLink', 'text'],
  ['smsOptOut', 'text'],
  ['sevenDayReturn', 'bool'],
  ['sameDayShipping', 'bool']
];

/** Path of a field in the ChatContext (for the module's error paths). */
const pathOf = (key) =>
  key === 'campaignName' ? 'shop.campaign.name' : key === 'campaignWaves' ? 'shop.campaign.waves' : key === 'campaignDates' ? 'shop.campaign.dates' : `shop.${key}`;

function shopField([key, kind]) {
  const label = m(`shop_${key}`);
  const path = pathOf(key);
  if (kind === 'bool') {
    return h('label', { class: 'check' }, h('input', { type: 'checkbox', id: `f-${key}`, dataset: { path } }), label, h('span', { class: 'err' }));
  }
  let input;
  if (kind === 'range') {
    input = h('span', { class: 'days', dataset: { path } }, h('input', { type: 'time', id: 'f-lunchStart' }), '–', h('input', { type: 'time', id: 'f-lunchEnd' }));
  } else if (kind === 'days') {
    input = h(
      'span',
      { class: 'days', dataset: { path } },
      [1, 2, 3, 4, 5, 6, 0].map((d) => h('label', {}, h('input', { type: 'checkbox', value: String(d), dataset: { day: String(d) } }), m(`day${d}`)))
    );
  } else if (kind === 'lines') {
    input = h('textarea', { id: `f-${key}`, rows: '2', dataset: { path } });
  } else {
    input = h('input', {
      id: `f-${key}`,
      type: kind === 'number' ? 'number' : kind === 'time' ? 'time' : 'text',
      step: kind === 'number' ? 'any' : undefined,
      min: kind === 'number' ? '0' : undefined,
      placeholder: m(`shop_${key}_ph`) === `shop_${key}_ph` ? '' : m(`shop_${key}_ph`),
      dataset: { path }
    });
  }
  return h('label', {}, h('span', { text: label }), input, h('span', { class: 'err' }));
}

const list = (s) => String(s || '').split(/[\s,，、]+/).map((x) => x.trim()).filter(Boolean);
const lines = (s) => String(s || '').split(/\n/).map((x) => x.trim()).filter(Boolean);

function readShop() {
  const shop = {};
  const v = (key) => $(`f-${key}`)?.value.trim() ?? '';
  for (const [key, kind] of SHOP) {
    if (kind === 'text' && !key.startsWith('campaign')) {
      if (v(key)) shop[key] = v(key);
    } else if (kind === 'number') {
      if (v(key) !== '') shop[key] = Number(v(key));
    } else if (kind === 'time') {
      if (v(key)) shop[key] = v(key);
    } else if (kind === 'bool') {
      shop[key] = $(`f-${key}`).checked;
    } else if (kind === 'lines') {
      const l = lines(v(key));
      if (l.length) shop[key] = l;
    } else if (kind === 'list' && !key.startsWith('campaign')) {
      const l = list(v(key));
      if (l.length) shop[key] = l;
    }
  }
  const a = $('f-lunchStart').value;
  const b = $('f-lunchEnd').value;
  if (a || b) shop.lunchBreak = [a, b];
  shop.restDays = [...document.querySelectorAll('[data-day]')].filter((c) => c.checked).map((c) => Number(c.dataset.day));
  const campaign = {};
  if (v('campaignName')) campaign.name = v('campaignName');
  if (list(v('campaignWaves')).length) campaign.waves = list(v('campaignWaves'));
  if (list(v('campaignDates')).length) campaign.dates = list(v('campaignDates'));
  if (Object.keys(campaign).length) shop.campaign = campaign;
  return shop;
}

function fillShop(shop) {
  const set = (key, value) => {
    const el = $(`f-${key}`);
    if (el) el.value = value ?? '';
  };
  for (const [key, kind] of SHOP) {
    if (kind === 'bool') $(`f-${key}`).checked = shop[key] === true;
    else if (kind === 'lines') set(key, (shop[key] || []).join('\n'));
    else if (kind === 'list' && !key.startsWith('campaign')) set(key, (shop[key] || []).join(' '));
    else if (kind !== 'range' && kind !== 'days' && !key.startsWith('campaign')) set(key, shop[key]);
  }
  set('campaignName', shop.campaign?.name);
  set('campaignWaves', (shop.campaign?.waves || []).join(' '));
  set('campaignDates', (shop.campaign?.dates || []).join(' '));
  $('f-lunchStart').value = shop.lunchBreak?.[0] || '';
  $('f-lunchEnd').value = shop.lunchBreak?.[1] || '';
  const rest = Array.isArray(shop.restDays) ? shop.restDays : [6, 0];
  for (const c of document.querySelectorAll('[data-day]')) c.checked = rest.includes(Number(c.dataset.day));
}

// --- templates ---------------------------------------------------------------

function templateRow(tpl = {}) {
  const loc = locale();
  const row = h(
    'div',
    { class: 'row tpl' },
    h(
      'div',
      { class: 'row-head' },
      h('label', {}, h('span', { text: m('tplId') }), h('input', { class: 'tpl-id', value: tpl.id || '' })),
      h(
        'label',
        {},
        h('span', { text: m('tplChannel') }),
        h('select', { class: 'tpl-channel' }, h('option', { value: '', text: m('any') }), ['im', 'sms', 'phone'].map((c) => h('option', { value: c, text: st(loc, `channel.${c}`) })))
      ),
      h(
        'label',
        {},
        h('span', { text: m('tplReason') }),
        h('select', { class: 'tpl-reason' }, h('option', { value: '', text: m('any') }), REASONS.map((r) => h('option', { value: r, text: st(loc, `reason.${r}`) })))
      ),
      h(
        'label',
        {},
        h('span', { text: m('tplLocale') }),
        h('select', { class: 'tpl-locale' }, h('option', { value: '', text: m('any') }), ['zh-CN', 'zh-TW', 'en'].map((l) => h('option', { value: l, text: l })))
      ),
      h('button', { type: 'button', class: 'danger', text: m('remove'), onclick: () => row.remove() })
    ),
    h('textarea', { class: 'tpl-text', rows: '2', placeholder: m('tplTextPh') }),
    h('span', { class: 'err' })
  );
  row.querySelector('.tpl-text').value = tpl.text || '';
  row.querySelector('.tpl-channel').value = tpl.channel || '';
  row.querySelector('.tpl-reason').value = tpl.reason || '';
  row.querySelector('.tpl-locale').value = tpl.locale || '';
  return row;
}

function readTemplates() {
  return [...document.querySelectorAll('.tpl')].map((row, i) => {
    const tpl = { id: row.querySelector('.tpl-id').value.trim() || `shop-${i + 1}`, text: row.querySelector('.tpl-text').value.trim() };
    for (const k of ['channel', 'reason', 'locale']) {
      const v = row.querySelector(`.tpl-${k}`).value;
      if (v) tpl[k] = v;
    }
    return tpl;
  });
}

// --- adapters ----------------------------------------------------------------

function adapterRow(a = {}) {
  const row = h('div', { class: 'row adapter' });
  const sample = h('div', { class: 'sample' });
  const selectors = h(
    'div',
    { class: 'selectors' },
    SELECTOR_FIELDS.map((f) => {
      const input = h('input', { class: 'sel-input', dataset: { key: f.key }, value: a[f.key] || '' });
      return h(
        'div',
        { class: 'sel' },
        h('label', {}, h('span', { text: m(`sel_${f.key}`) }), input),
        h('button', {
          type: 'button',
          title: m('pick'),
          text: m('pickShort'),
          dataset: { pick: f.key },
          onclick: () => pick(row, f, sample)
        })
      );
    }),
    sample
  );
  row.append(
    h(
      'div',
      { class: 'row-head' },
      h('label', {}, h('span', { text: m('adName') }), h('input', { class: 'ad-name', value: a.name || '' })),
      h('label', {}, h('span', { text: m('adMatches') }), h('input', { class: 'ad-matches', value: a.matches || '', placeholder: 'https://example.com/chat/*' })),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', class: 'ad-enabled', checked: a.enabled !== false }), m('adEnabled')),
      h('button', { type: 'button', text: m('grant'), onclick: () => grant(row) }),
      h('button', { type: 'button', class: 'danger', text: m('remove'), onclick: () => row.remove() })
    ),
    h('details', {}, h('summary', { text: m('selectors') }), selectors),
    h('span', { class: 'err' })
  );
  return row;
}

/** A built-in site: on or off, its pattern and selectors shown as values (read only), and a copy to start a custom adapter. */
function builtinRow(a, disabled) {
  const fields = SELECTOR_FIELDS.filter((f) => a[f.key]);
  return h(
    'div',
    { class: 'row builtin', dataset: { site: a.id } },
    h(
      'div',
      { class: 'row-head' },
      h('label', { class: 'check' }, h('input', { type: 'checkbox', class: 'site-enabled', checked: !disabled.includes(a.id) }), h('strong', { text: a.name })),
      h('code', { class: 'ad-matches', text: a.matches }),
      h('button', {
        type: 'button',
        text: m('copyPreset'),
        onclick: () => {
          const copy = Object.fromEntries(['matches', ...fields.map((f) => f.key)].map((k) => [k, a[k]]));
          const row = adapterRow({ ...copy, name: `${a.name} · ${m('presetCopy')}` });
          $('adapter-rows').append(row);
          row.querySelector('details').open = true;
        }
      })
    ),
    h(
      'details',
      {},
      h('summary', { text: m('selectors') }),
      h(
        'div',
        { class: 'selectors' },
        fields.map((f) => h('label', { class: 'sel' }, h('span', { text: m(`sel_${f.key}`) }), h('input', { class: 'sel-value', readonly: true, dataset: { key: f.key }, value: a[f.key] })))
      )
    )
  );
}

function readAdapters() {
  return [...document.querySelectorAll('.adapter')].map((row, i) => {
    const a = {
      id: `custom-${i + 1}`,
      name: row.querySelector('.ad-name').value.trim(),
      matches: row.querySelector('.ad-matches').value.trim(),
      enabled: row.querySelector('.ad-enabled').checked
    };
    for (const input of row.querySelectorAll('.sel-input')) if (input.value.trim()) a[input.dataset.key] = input.value.trim();
    return a;
  });
}

async function grant(row) {
  const err = row.querySelector(':scope > .err');
  const origins = row.querySelector('.ad-matches').value.trim().split(/\s+/).map(originPattern).filter(Boolean);
  if (!origins.length) {
    err.textContent = m('badPattern');
    return false;
  }
  // Must run in the click's user gesture: request before any other await.
  const ok = await api.permissions.request({ origins }).catch(() => false);
  err.textContent = ok ? '' : m('grantRefused');
  if (ok) api.runtime.sendMessage({ type: 'syncAdapters' }).catch(() => {});
  return ok;
}

let pickTarget = null;

async function pick(row, field, sample) {
  const pattern = row.querySelector('.ad-matches').value.trim().split(/\s+/)[0] || 'http://127.0.0.1/*';
  const origin = originPattern(pattern);
  const err = row.querySelector(':scope > .err');
  if (!origin) {
    err.textContent = m('badPattern');
    return;
  }
  const granted = (await api.permissions.contains({ origins: [origin] }).catch(() => false)) || (await api.permissions.request({ origins: [origin] }).catch(() => false));
  if (!granted) {
    err.textContent = m('grantRefused');
    return;
  }
  const tabs = await api.tabs.query({ url: pattern }).catch(() => []);
  const tab = tabs[0];
  if (!tab) {
    err.textContent = m('openChatFirst');
    return;
  }
  err.textContent = '';
  pickTarget = { row, field, sample };
  await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['picker.js'] });
  await api.tabs.sendMessage(tab.id, { type: 'pick', field: field.key, many: !!field.many, rel: !!field.rel });
  await api.tabs.update(tab.id, { active: true });
  if (tab.windowId != null) api.windows?.update(tab.windowId, { focused: true }).catch(() => {});
  sample.textContent = m('pickHint');
}

api.runtime.onMessage.addListener((msg) => {
  if (msg?.type !== 'picked' || !pickTarget) return;
  const { row, sample } = pickTarget;
  pickTarget = null;
  if (msg.cancelled) {
    sample.textContent = '';
    return;
  }
  const input = row.querySelector(`.sel-input[data-key="${CSS.escape(msg.field)}"]`);
  if (input) input.value = msg.selector;
  sample.textContent = m('picked', { field: m(`sel_${msg.field}`), sample: msg.sample || '' });
  row.querySelector('details').open = true;
});

// --- validation and save -------------------------------------------------------

function clearErrors() {
  for (const e of document.querySelectorAll('.err')) e.textContent = '';
  for (const e of document.querySelectorAll('.invalid')) e.classList.remove('invalid');
}

/** Shows a CuifuError next to the field its path names. */
function showError(err) {
  const path = String(err.path || '');
  const tpl = /^shop\.templates\[(\d+)\]/.exec(path);
  let holder;
  let input;
  if (tpl) {
    holder = document.querySelectorAll('.tpl')[Number(tpl[1])];
    input = holder?.querySelector('.tpl-text');
  } else {
    const base = path.replace(/\[\d+\]$/, '').replace(/\[\d+\]\..*$/, '');
    input = document.querySelector(`[data-path="${CSS.escape(base)}"]`);
    holder = input?.closest('label') || input?.parentElement;
  }
  const target = holder?.querySelector(':scope > .err') || $('save-status');
  // In the UI's language, from the code and the path; the module's English message stays in the tooltip.
  const label = (p) => input?.closest('label')?.querySelector('span')?.textContent || p;
  target.textContent = err.text || errorText(err, locale(), label);
  if (err.message) target.title = `${err.code || ''} · ${path} · ${err.message}`;
  input?.classList.add('invalid');
  input?.scrollIntoView?.({ block: 'center' });
}

/**
 * What the module accepts but the extension must not: a payment link that is
 * not https (it goes into every line), and a reminder cap no shop means.
 * Out-of-range values are errors, never clamped.
 */
function checkSettings(shop) {
  if (shop.paymentLink) {
    let ok = false;
    try {
      ok = new URL(shop.paymentLink).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) return { code: 'invalid_value', path: 'shop.paymentLink', text: m('badPaymentLink') };
  }
  if (shop.maxReminders !== undefined && !(Number.isInteger(shop.maxReminders) && shop.maxReminders >= 1 && shop.maxReminders <= 10)) {
    return { code: 'invalid_value', path: 'shop.maxReminders', text: m('badMaxReminders') };
  }
  return null;
}

/** Checks every custom adapter's patterns and selectors; marks the bad ones. */
function checkAdapters(adapters) {
  const probe = document.createDocumentFragment();
  let ok = true;
  [...document.querySelectorAll('.adapter')].forEach((row, i) => {
    const bad = checkAdapter(adapters[i], (sel) => probe.querySelector(sel));
    if (!bad.length) return;
    ok = false;
    const msgs = bad.map((b) => (b.field === 'matches' ? m('badPatternValue', { value: b.value || '—' }) : b.field === 'message' && !b.value ? m('needMessage') : m('badSelector', { value: b.value })));
    row.querySelector(':scope > .err').textContent = msgs.join(' ');
    for (const b of bad) {
      const input = b.field === 'matches' ? row.querySelector('.ad-matches') : row.querySelector(`.sel-input[data-key="${CSS.escape(b.field)}"]`);
      input?.classList.add('invalid');
    }
    row.querySelector('details').open = true;
    row.scrollIntoView?.({ block: 'center' });
  });
  return ok;
}

/** Checks the shop and templates with the module; returns the first error or null. */
function validate(shop, templates) {
  if (typeof cuifu.checkTemplates === 'function' && templates.length) {
    try {
      const res = cuifu.checkTemplates(templates);
      const first = Array.isArray(res) ? res.find((e) => e && e.code) : null;
      if (first) return { ...first, path: first.path?.startsWith('shop.') ? first.path : `shop.templates${first.path?.startsWith('[') ? '' : '.'}${first.path || ''}` };
    } catch (err) {
      if (err?.code) return { code: err.code, path: err.path?.startsWith('shop.') ? err.path : `shop.${err.path || 'templates'}`, message: err.message };
    }
  }
  const now = isoAt(Date.now(), shop.utcOffset || '+08:00');
  const probe = {
    now,
    locale: locale(),
    order: { placedAt: now, amount: Number(shop.avgOrderValue) || 100, items: [{ title: '测试商品', quantity: 1 }] },
    buyer: { nick: 'test' },
    messages: [{ from: 'buyer', text: '在吗' }],
    shop: templates.length ? { ...shop, templates } : shop
  };
  try {
    const s = cuifu.suggest(probe);
    void s;
    return null;
  } catch (err) {
    return { code: err.code, path: err.path, message: err.message };
  }
}

async function save(e) {
  e.preventDefault();
  clearErrors();
  const shop = readShop();
  const templates = readTemplates();
  const adapters = readAdapters();
  const missingText = templates.findIndex((t) => !t.text);
  if (missingText >= 0) {
    showError({ code: 'missing_field', path: `shop.templates[${missingText}].text`, message: m('tplEmpty') });
    return;
  }
  const err = checkSettings(shop) || validate(shop, templates);
  if (err) {
    showError(err);
    $('save-status').textContent = m('notSaved');
    return;
  }
  if (!checkAdapters(adapters)) {
    $('save-status').textContent = m('notSaved');
    return;
  }
  const prefs = {
    locale: $('pref-locale').value,
    agentNicks: $('pref-agentNicks').value.trim(),
    disabledSites: [...document.querySelectorAll('.builtin')].filter((r) => !r.querySelector('.site-enabled').checked).map((r) => r.dataset.site),
    holdoutShare: Number($('pref-holdoutShare').value || 0)
  };
  if (!Number.isInteger(prefs.holdoutShare) || prefs.holdoutShare < 0 || prefs.holdoutShare > 50) {
    showError({ code: 'invalid_value', path: 'prefs.holdoutShare', text: m('badHoldout') });
    $('save-status').textContent = m('notSaved');
    return;
  }
  const clock = $('pref-clock').value.trim();
  if (clock && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(clock)) {
    showError({ code: 'invalid_time', path: 'clock', message: m('badClock') });
    return;
  }
  try {
    await api.storage.sync.set({ shop, templates, prefs, adapters });
    if (clock) await api.storage.local.set({ clock });
    else await api.storage.local.remove('clock');
  } catch (e2) {
    $('save-status').textContent = `${m('notSaved')} ${e2.message || e2}`;
    return;
  }
  $('save-status').textContent = m('saved');
  if (resolveLocale(prefs.locale) !== locale()) location.reload();
}

// --- statistics ----------------------------------------------------------------

const pct = (r) => (r == null ? '—' : `${Math.round(r * 1000) / 10}%`);

async function renderStats() {
  const days = Number($('stats-days').value) || 7;
  const { clock } = await api.storage.local.get('clock');
  const nowMs = clock && !Number.isNaN(Date.parse(clock)) ? Date.parse(clock) : Date.now();
  const s = computeStats(await loadOrders(), nowMs, days);
  const loc = locale();
  const fig = (label, value, role) => h('div', { class: 'figure', dataset: { stat: role } }, h('b', { text: String(value) }), h('span', { text: label }));
  const table = (title, rows, labelOf) =>
    rows.length
      ? [
          h('h3', { text: title }),
          h(
            'table',
            {},
            h('tr', {}, [m('colKey'), m('colOrders'), m('colSent'), m('colPaid'), m('colRate')].map((c) => h('th', { text: c }))),
            rows.map((r) => h('tr', {}, [labelOf(r.key), r.orders, r.sent, r.paid, pct(r.rate)].map((c) => h('td', { text: String(c) }))))
          )
        ]
      : [];
  const body = $('stats-body');
  clear(body).append(
    h(
      'div',
      { class: 'figures' },
      fig(m('statSent'), s.sent, 'sent'),
      fig(m('statReminded'), s.reminded, 'reminded'),
      fig(m('statPaid'), s.paid, 'paid'),
      fig(m('statRecovery'), pct(s.recovery), 'recovery'),
      fig(m('statHoldout', { n: s.holdout.orders }), pct(s.holdout.rate), 'holdout'),
      fig(m('statLift'), s.lift == null ? '—' : `${s.lift >= 0 ? '+' : ''}${pct(s.lift)}`, 'lift')
    ),
    ...table(m('byReason'), s.byReason, (k) => st(loc, `reason.${k}`)),
    ...table(m('byTemplate'), s.byTemplate, (k) => k)
  );
  if (!s.reminded && !s.holdout.orders) body.append(h('p', { class: 'help', text: m('statsEmpty') }));
}

async function exportCsv() {
  const { shop } = await loadSettings();
  const offset = /^[+-]\d{2}:\d{2}$/.test(shop.utcOffset || '') ? shop.utcOffset : '+08:00';
  const csv = toCsv(await loadOrders(), offset);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  // The file is named by the shop's date, not UTC's.
  const a = h('a', { href: url, download: `cuifu-reminders-${isoAt(Date.now(), offset).slice(0, 10)}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

// --- start ---------------------------------------------------------------------

async function main() {
  const settings = await loadSettings();
  await loadLocale(settings.prefs.locale);
  translatePage();
  await init();
  document.title = `${m('optionsTitle')} · cuifu ${cuifu.version()}`;

  $('shop-fields').append(...SHOP.map(shopField));
  fillShop(settings.shop);
  $('pref-locale').value = settings.prefs.locale || '';
  $('pref-agentNicks').value = settings.prefs.agentNicks || '';
  $('pref-holdoutShare').value = settings.prefs.holdoutShare ?? 0;
  $('pref-clock').value = (await api.storage.local.get('clock')).clock || '';

  for (const tpl of settings.templates) $('template-rows').append(templateRow(tpl));
  for (const a of settings.adapters) $('adapter-rows').append(adapterRow(a));
  $('add-template').addEventListener('click', () => $('template-rows').append(templateRow()));
  const disabled = Array.isArray(settings.prefs.disabledSites) ? settings.prefs.disabledSites : [];
  $('builtin-rows').append(...PRESETS.map((a) => builtinRow(a, disabled)));
  $('add-adapter').addEventListener('click', () => {
    const row = adapterRow({});
    $('adapter-rows').append(row);
    row.querySelector('details').open = true;
  });
  $('form').addEventListener('submit', save);
  // Opening the side panel needs the click's user gesture: know the window beforehand.
  const win = await api.windows?.getCurrent?.().catch(() => null);
  $('open-panel').hidden = !api.sidePanel?.open || !win;
  $('open-panel').addEventListener('click', () => {
    api.sidePanel.open({ windowId: win.id }).catch((e) => ($('save-status').textContent = String(e.message || e)));
  });

  $('stats-days').addEventListener('change', renderStats);
  $('export-csv').addEventListener('click', exportCsv);
  $('clear-records').addEventListener('click', async () => {
    if (!confirm(m('clearConfirm'))) return;
    await api.storage.local.remove(Object.keys(await loadOrders()).map(recordKey));
    renderStats();
  });
  $('clear-all').addEventListener('click', async () => {
    if (!confirm(m('clearAllConfirm'))) return;
    await clearAllData();
    await api.runtime.sendMessage({ type: 'syncAdapters' }).catch(() => {});
    location.reload();
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((k) => k.startsWith('o:'))) renderStats();
  });
  await pruneOrders();
  await renderStats();
  document.body.dataset.ready = '1';
}

main();
