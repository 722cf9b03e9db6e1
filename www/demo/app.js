// The offline demo: a form over one ChatContext, re-suggested on every edit.
import { h, clear, highlight, copyButton } from '../shared/dom.js';
import { t as tr, pickLocale } from '../shared/i18n.js';
import { renderSuggestion, renderError } from '../shared/render.js';
import { renderLint } from '../shared/lint-view.js';
import { DEMO } from './labels.js';
import { PRESETS } from './presets.js';

// The package is imported at start-up (not statically) so that a missing
// build shows a message instead of a blank page.
let suggest, lint, readTranscript, version;

const TZ = '+08:00';
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

/** The context being edited: a ChatContext, times as RFC 3339. */
let state = structuredClone(PRESETS[0].context);
let activePreset = PRESETS[0].id;
let lastSuggestion = null;
let lastContext = null;

const locale = () => pickLocale(state.locale);
const t = (key, vars) => tr(locale(), key, vars, DEMO);

// ---- paths -------------------------------------------------------------

function split(path) {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
}

function getPath(obj, path) {
  let o = obj;
  for (const k of split(path)) {
    if (o == null) return undefined;
    o = o[k];
  }
  return o;
}

function setPath(obj, path, value) {
  const keys = split(path);
  let o = obj;
  keys.slice(0, -1).forEach((k, i) => {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    o = o[k];
  });
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(o)) o[last] = '';
    else delete o[last];
  } else o[last] = value;
}

// ---- conversions between inputs and the context ---------------------------

const toLocalInput = (rfc) => (typeof rfc === 'string' ? rfc.slice(0, 16) : '');
const fromLocalInput = (v) => (v ? `${v}:00${TZ}` : undefined);
const splitList = (v) =>
  String(v)
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const KINDS = {
  text: { show: (v) => v ?? '', read: (el) => el.value || undefined },
  number: {
    show: (v) => (typeof v === 'number' ? String(v) : ''),
    read: (el) => (el.value === '' ? undefined : Number(el.value))
  },
  bool: { show: (v) => !!v, read: (el) => (el.checked ? true : undefined) },
  select: { show: (v) => v ?? '', read: (el) => el.value || undefined },
  datetime: { show: toLocalInput, read: (el) => fromLocalInput(el.value) },
  hhmm: { show: (v) => v ?? '', read: (el) => el.value || undefined },
  list: {
    show: (v) => (Array.isArray(v) ? v.join(', ') : ''),
    read: (el) => (el.value.trim() ? splitList(el.value) : undefined)
  }
};

function fill(el) {
  const kind = KINDS[el.dataset.kind] || KINDS.text;
  const v = kind.show(getPath(state, el.dataset.bind));
  if (el.type === 'checkbox') el.checked = v;
  else if (document.activeElement !== el || el.value !== v) el.value = v;
}

function fillForm() {
  for (const el of $$('[data-bind]')) fill(el);
  renderRestDays();
  renderItems();
  renderReminders();
  renderChat();
}

/** Drops empty strings, empty objects and the holes of optional pairs, so the engine sees only what was set. */
function clean(v) {
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (c === undefined || c === '') continue;
      if (c && typeof c === 'object' && !Array.isArray(c) && !Object.keys(c).length) continue;
      out[k] = c;
    }
    return out;
  }
  return v;
}

function contextNow() {
  const c = clean(state);
  const lb = c.shop?.lunchBreak;
  if (Array.isArray(lb) && lb.every((x) => x === '' || x == null)) delete c.shop.lunchBreak;
  return c;
}

// ---- chat ----------------------------------------------------------------

function autoSize(ta) {
  ta.style.height = 'auto';
  ta.style.height = `${ta.scrollHeight}px`;
}

function renderChat() {
  const list = $('#chat');
  clear(list);
  const msgs = state.messages || [];
  msgs.forEach((m, i) => {
    const backdrop = h('div', { class: 'msg-backdrop', 'aria-hidden': 'true' });
    const ta = h('textarea', {
      class: 'msg-text',
      rows: 1,
      spellcheck: 'false',
      placeholder: t('msg.placeholder'),
      dataset: { bind: `messages.${i}.text`, kind: 'text' }
    });
    ta.value = m.text ?? '';
    highlight(backdrop, ta.value, []);
    const time = h('input', {
      type: 'time',
      class: 'msg-time',
      dataset: { path: `messages.${i}.at` },
      value: typeof m.at === 'string' ? m.at.slice(11, 16) : ''
    });
    time.addEventListener('input', () => {
      const day = (typeof m.at === 'string' && m.at.slice(0, 10)) || (state.now || '').slice(0, 10);
      m.at = time.value && day ? `${day}T${time.value}:00${TZ}` : undefined;
      if (m.at === undefined) delete m.at;
      update();
    });
    const role = h(
      'select',
      { class: 'msg-role', dataset: { bind: `messages.${i}.from`, kind: 'select' }, 'aria-label': 'from' },
      ['buyer', 'agent', 'system'].map((r) => h('option', { value: r, text: t(`role.${r}`) }))
    );
    role.value = m.from;
    role.addEventListener('change', () => {
      row.className = `msg msg--${role.value}`;
    });
    const remove = h('button', {
      type: 'button',
      class: 'icon-btn',
      title: t('remove'),
      'aria-label': t('remove'),
      text: '×',
      onclick: () => {
        state.messages.splice(i, 1);
        renderChat();
        update();
      }
    });
    const row = h(
      'li',
      { class: `msg msg--${m.from}`, dataset: { index: String(i) } },
      h('div', { class: 'msg-meta' }, role, time, remove),
      h('div', { class: 'msg-body' }, backdrop, ta)
    );
    ta.addEventListener('input', () => {
      highlight(backdrop, ta.value, []);
      autoSize(ta);
    });
    list.append(row);
    requestAnimationFrame(() => autoSize(ta));
  });
  $('#chat-empty').hidden = msgs.length > 0;
  $('#chat-nick').textContent = state.buyer?.nick || '';
}

/** Marks the buyer's words the reason rests on in the chat. */
function markEvidence(evidence) {
  const by = new Map();
  for (const e of evidence || []) {
    if (!by.has(e.messageIndex)) by.set(e.messageIndex, []);
    by.get(e.messageIndex).push(e);
  }
  for (const row of $$('#chat .msg')) {
    const i = Number(row.dataset.index);
    const ta = $('.msg-text', row);
    highlight($('.msg-backdrop', row), ta.value, by.get(i) || [], (mark) => (mark.className = 'evidence'));
    row.classList.toggle('msg--evidence', by.has(i));
  }
}

function flashMessage(e) {
  const row = $(`#chat .msg[data-index="${e.messageIndex}"]`);
  if (!row) return;
  row.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  row.classList.remove('flash');
  void row.offsetWidth;
  row.classList.add('flash');
}

function addMessage(from) {
  state.messages = state.messages || [];
  const last = state.messages[state.messages.length - 1];
  state.messages.push({ from, text: '', at: last?.at || state.now });
  renderChat();
  update();
  const tas = $$('#chat .msg-text');
  tas[tas.length - 1]?.focus();
}

// ---- items and rest days ---------------------------------------------------

function renderItems() {
  const ul = clear($('#items'));
  (state.order.items || []).forEach((it, i) => {
    const input = (key, kind, attrs) =>
      h('input', { ...attrs, dataset: { bind: `order.items.${i}.${key}`, kind }, 'aria-label': t(`item.${key === 'quantity' ? 'qty' : key}`) });
    const row = h(
      'li',
      { class: 'item' },
      input('title', 'text', { class: 'item-title', placeholder: t('item.title') }),
      input('quantity', 'number', { type: 'number', min: '0', step: '1', class: 'item-num', placeholder: t('item.qty') }),
      input('price', 'number', { type: 'number', min: '0', step: '0.01', class: 'item-num', placeholder: t('item.price') }),
      h('button', {
        type: 'button',
        class: 'icon-btn',
        title: t('item.remove'),
        text: '×',
        onclick: () => {
          state.order.items.splice(i, 1);
          renderItems();
          update();
        }
      })
    );
    ul.append(row);
  });
  for (const el of $$('[data-bind]', ul)) fill(el);
}

function renderReminders() {
  const ul = clear($('#reminders'));
  (state.reminders || []).forEach((r, i) => {
    const at = h('input', { type: 'datetime-local', step: '60', dataset: { bind: `reminders.${i}.at`, kind: 'datetime' }, 'aria-label': 'at' });
    const channel = h(
      'select',
      { dataset: { bind: `reminders.${i}.channel`, kind: 'select' }, 'aria-label': 'channel' },
      ['im', 'sms', 'phone'].map((c) => h('option', { value: c, text: tr(locale(), `channel.${c}`) }))
    );
    const remove = h('button', {
      type: 'button',
      class: 'icon-btn',
      title: t('reminder.remove'),
      text: '×',
      onclick: () => {
        state.reminders.splice(i, 1);
        renderReminders();
        update();
      }
    });
    ul.append(h('li', { class: 'item reminder' }, at, channel, remove));
  });
  for (const el of $$('[data-bind]', ul)) fill(el);
}

function renderRestDays() {
  const box = clear($('#rest-days'));
  const names = t('days').split(',');
  const rest = state.shop?.restDays ?? [6, 0];
  [1, 2, 3, 4, 5, 6, 0].forEach((d) => {
    const cb = h('input', { type: 'checkbox', value: String(d) });
    cb.checked = rest.includes(d);
    cb.addEventListener('change', () => {
      state.shop = state.shop || {};
      state.shop.restDays = $$('input', box)
        .filter((x) => x.checked)
        .map((x) => Number(x.value));
      update();
    });
    box.append(h('label', { class: 'day' }, cb, h('span', { text: names[d] })));
  });
}

// ---- labels ------------------------------------------------------------------

function applyLabels() {
  document.documentElement.lang = locale();
  for (const el of $$('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of $$('[data-i18n-ph]')) el.placeholder = t(el.dataset.i18nPh);
  document.title = t('title');
  renderRestDays();
  renderItems();
  renderReminders();
  renderChat();
  for (const b of $$('#presets button')) {
    const p = PRESETS.find((x) => x.id === b.dataset.preset);
    b.textContent = p.label[locale()] || p.label['zh-CN'];
  }
  renderCopyButtons();
}

function renderPresets() {
  const box = clear($('#presets'));
  for (const p of PRESETS) {
    box.append(
      h('button', {
        type: 'button',
        class: 'preset',
        title: p.seed,
        dataset: { preset: p.id },
        text: p.label[locale()] || p.label['zh-CN'],
        onclick: () => loadPreset(p.id)
      })
    );
  }
}

function loadPreset(id) {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) return;
  state = structuredClone(p.context);
  activePreset = id;
  for (const b of $$('#presets button')) b.classList.toggle('active', b.dataset.preset === id);
  for (const el of $$('[data-bind]')) fill(el);
  applyLabels();
  update();
}

// ---- errors next to fields -------------------------------------------------------

function clearFieldErrors() {
  for (const el of $$('.field-error')) el.remove();
  for (const el of $$('.invalid')) el.classList.remove('invalid');
}

/** The input that `path` (e.g. `order.placedAt`, `messages[2].text`) names, or its nearest bound parent. */
function inputFor(path) {
  const keys = split(path || '');
  while (keys.length) {
    const p = keys.join('.');
    const el = $(`[data-bind="${CSS.escape(p)}"], [data-path="${CSS.escape(p)}"]`);
    if (el) return el;
    keys.pop();
  }
  return null;
}

function showFieldError(err) {
  const el = inputFor(err.path);
  if (!el) return false;
  el.classList.add('invalid');
  const host = el.closest('.field, .check, .msg, .item') || el.parentElement;
  host.append(h('p', { class: 'field-error', role: 'alert', dataset: { code: err.code, path: err.path } }, h('code', { text: err.code }), ' ', err.message));
  return true;
}

// ---- the suggestion -----------------------------------------------------------------

function update() {
  clearFieldErrors();
  const ctx = contextNow();
  lastContext = ctx;
  const out = $('#suggestion');
  try {
    const s = suggest(ctx);
    lastSuggestion = s;
    renderSuggestion(out, s, { locale: locale(), now: ctx.now, context: ctx, onEvidence: flashMessage });
    markEvidence(s.reason?.evidence);
  } catch (err) {
    lastSuggestion = null;
    markEvidence([]);
    showFieldError(err);
    renderError(out, err, { locale: locale() });
  }
  $('#chat-nick').textContent = state.buyer?.nick || '';
  $('#json-context').textContent = JSON.stringify(ctx, null, 2);
  $('#json-suggestion').textContent = lastSuggestion ? JSON.stringify(lastSuggestion, null, 2) : '';
  runLint();
}

function renderCopyButtons() {
  const labels = { copy: tr(locale(), 'copy'), copied: tr(locale(), 'copied'), copyFailed: tr(locale(), 'copyFailed') };
  clear($('#copy-context')).append(copyButton(() => JSON.stringify(lastContext, null, 2), labels));
  clear($('#copy-suggestion')).append(copyButton(() => JSON.stringify(lastSuggestion, null, 2), labels));
}

// ---- lint -----------------------------------------------------------------------------

function runLint() {
  const text = $('#lint-text').value;
  const out = $('#lint-out');
  if (!text.trim()) {
    clear(out);
    return;
  }
  try {
    const opts = { channel: $('#lint-channel').value, locale: locale() };
    if (state.buyer?.name) opts.buyerName = state.buyer.name;
    renderLint(out, text, lint(text, opts), { locale: locale() });
  } catch (err) {
    renderError(out, err, { locale: locale() });
  }
}

// ---- paste ------------------------------------------------------------------------------

let pasted = null;

function readPaste() {
  const text = $('#paste-text').value;
  const out = clear($('#paste-result'));
  pasted = null;
  if (!text.trim()) return;
  const options = { agentNicks: splitNicks($('#paste-agents').value), offset: TZ };
  // Time-only lines take the date of `now` unless one is given.
  const date = $('#paste-date').value || (state.now || '').slice(0, 10);
  if (date) options.date = date;
  try {
    pasted = readTranscript(text, options);
  } catch (err) {
    renderError(out, err, { locale: locale() });
    return;
  }
  out.append(
    h('p', { class: 'paste-count', dataset: { count: String(pasted.messages.length) } }, t('paste.count', { n: pasted.messages.length }),
      pasted.buyerNick ? h('span', { class: 'muted', text: ` · ${t('paste.buyer', { nick: pasted.buyerNick })}` }) : null)
  );
  if (pasted.unparsed.length) {
    out.append(
      h('p', { class: 'unparsed-h', text: t('paste.unparsed', { n: pasted.unparsed.length }) }),
      h('ul', { class: 'unparsed' }, pasted.unparsed.map((u) => h('li', { dataset: { line: String(u.line) } }, h('span', { class: 'ln', text: t('paste.line', { n: u.line }) }), h('code', { text: u.text }))))
    );
  }
  $('#paste-apply').disabled = !pasted.messages.length;
}

function splitNicks(v) {
  return String(v)
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function applyPaste() {
  readPaste();
  if (!pasted || !pasted.messages.length) return;
  state.messages = pasted.messages.map((m) => ({ ...m }));
  if (pasted.buyerNick) {
    state.buyer = state.buyer || {};
    state.buyer.nick = pasted.buyerNick;
  }
  fillForm();
  update();
}

// ---- wiring ------------------------------------------------------------------------------

function onInput(e) {
  const el = e.target;
  if (!el.dataset?.bind) return;
  const kind = KINDS[el.dataset.kind] || KINDS.text;
  setPath(state, el.dataset.bind, kind.read(el));
  if (el.dataset.bind === 'locale') applyLabels();
  if (el.dataset.bind === 'now' || el.dataset.bind === 'locale' || el.dataset.bind === 'buyer.nick') {
    for (const b of $$('#presets button')) b.classList.remove('active');
  }
  update();
}

async function main() {
  renderPresets();
  for (const el of $$('[data-bind]')) fill(el);
  applyLabels();
  let pkg;
  try {
    pkg = await import('/pkg/cuifu.js');
  } catch {
    const err = new Error('pkg/cuifu.js was not found: build the package first (bash scripts/build), then reload.');
    err.code = 'not_built';
    throw err;
  }
  await pkg.default();
  ({ suggest, lint, readTranscript, version } = pkg);
  $('#version').textContent = `cuifu ${version()}`;
  $('#form').addEventListener('submit', (e) => e.preventDefault());
  document.addEventListener('input', onInput);
  for (const b of $$('[data-add]')) b.addEventListener('click', () => addMessage(b.dataset.add));
  $('#item-add').addEventListener('click', () => {
    state.order.items = state.order.items || [];
    state.order.items.push({ title: '' });
    renderItems();
    update();
  });
  $('#reminder-add').addEventListener('click', () => {
    state.reminders = state.reminders || [];
    state.reminders.push({ at: state.now, channel: 'im' });
    renderReminders();
    update();
  });
  $('#lint-text').addEventListener('input', runLint);
  $('#lint-channel').addEventListener('change', runLint);
  for (const id of ['#paste-text', '#paste-agents', '#paste-date']) $(id).addEventListener('input', readPaste);
  $('#paste-apply').addEventListener('click', applyPaste);
  loadPreset(activePreset);
  document.body.dataset.ready = 'true';
}

main().catch((err) => {
  renderError($('#suggestion'), err, { locale: locale() });
  document.body.dataset.ready = 'error';
});
