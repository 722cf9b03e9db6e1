// The side panel: takes the chat the content script read (or text the agent
// selected or pasted), adds the shop settings and this order's recorded
// reminders, asks cuifu for a suggestion and shows it. Acting on it (insert,
// copy, mark sent, outcome) is recorded locally; nothing leaves the browser.
// The package and the shared views are copied into vendor/ by
// scripts/build-extension; loaded dynamically so a missing build is reported.
let suggest, readTranscript, lint, version, renderSuggestion, renderError, renderLint, h, clear, copyText;

async function loadVendor() {
  const [pkg, render, lintView, dom] = await Promise.all([
    import('./vendor/cuifu.js'),
    import('./vendor/shared/render.js'),
    import('./vendor/shared/lint-view.js'),
    import('./vendor/shared/dom.js')
  ]);
  await pkg.default();
  ({ suggest, readTranscript, lint, version } = pkg);
  ({ renderSuggestion, renderError } = render);
  ({ renderLint } = lintView);
  ({ h, clear, copyText } = dom);
}
import { loadLocale, m, translatePage, locale } from './lib/i18n.js';
import { buildContext, isoAt } from './lib/context.js';
import { loadSettings, loadOrders, updateOrder, loadClock, orderKey, inHoldout } from './lib/store.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

const state = {
  settings: { shop: {}, templates: [], prefs: {}, adapters: [] },
  page: null, // what the content script read, from storage.session
  selection: null, // text from the context menu
  mode: 'page', // 'page' | 'paste'
  pasted: null, // {page} built from pasted text
  clock: null,
  suggestion: null,
  key: null,
  record: null
};

/** The moment of the suggestion, in the shop's offset. */
function nowIso() {
  if (state.clock) return state.clock;
  return isoAt(Date.now(), state.settings.shop.utcOffset || '+08:00');
}

function setStatus(text, error = false) {
  const el = $('status');
  el.textContent = text || '';
  el.classList.toggle('error', error);
}

function current() {
  return state.mode === 'paste' ? state.pasted : state.page;
}

let myWindow = null; // the window this panel belongs to
let running = false;
let again = false;

/** Suggests for the current chat and renders it; calls made while running coalesce. */
async function refresh() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      await render();
    } while (again);
  } finally {
    running = false;
  }
}

async function render() {
  const page = current();
  const result = $('result');
  if (!page) {
    clear(result);
    $('record').hidden = true;
    $('holdout').hidden = true;
    $('buyer-nick').textContent = '';
    $('order-meta').textContent = '';
    clear($('notes'));
    setStatus(m('waiting'));
    return;
  }
  const now = nowIso();
  const key = orderKey(page);
  const orders = await loadOrders();
  let record = orders[key] || null;
  const share = Number(state.settings.prefs.holdoutShare) || 0;
  const holdout = inHoldout(key, share);

  // The page shows paid an order seen unpaid that was reminded (or held out): record it.
  if (page.order?.paid && record?.unpaidSeen && (record.reminders?.length || record.holdout) && record.outcome?.kind !== 'paid') {
    record = await updateOrder(key, {}, (r) => ({ ...r, outcome: { kind: 'paid', at: now, auto: true } }));
  }

  const loc = locale();
  const { context, assumed } = buildContext(page, state.settings, record, now, loc);

  $('buyer-nick').textContent = page.buyer?.nick || m('unknownBuyer');
  const metaBits = [];
  if (page.order?.id) metaBits.push(m('orderNo', { id: page.order.id }));
  if (page.order?.status) metaBits.push(page.order.status);
  if (state.mode === 'paste') metaBits.push(m('fromPaste'));
  else if (page.title) metaBits.push(page.title);
  $('order-meta').textContent = metaBits.join(' · ');

  const notes = $('notes');
  clear(notes);
  for (const f of assumed) notes.append(h('li', { text: m(f === 'amount' ? 'assumedAmount' : 'assumedPlacedAt') }));
  if (state.clock) notes.append(h('li', { text: m('fixedClock', { time: state.clock }) }));

  const banner = $('holdout');
  banner.hidden = !holdout;
  banner.textContent = holdout ? m('holdoutBanner', { share }) : '';

  let s;
  try {
    s = suggest(context);
  } catch (err) {
    state.suggestion = null;
    for (const k of Object.keys(result.dataset)) delete result.dataset[k];
    $('record').hidden = true;
    renderError(result, err, { locale: loc });
    result.dataset.error = err?.code || 'error';
    setStatus('');
    return;
  }
  delete result.dataset.error;
  if (state.key !== key) {
    // Another order: the line being edited belonged to the previous one.
    $('edit').hidden = true;
    editing = null;
  }
  $('edit-mark').disabled = holdout;
  $('edit-insert').disabled = holdout;
  state.suggestion = s;
  state.key = key;
  setStatus('');

  // Remember the order for the statistics (first sight, reason, holdout group).
  const base = {
    id: page.order?.id,
    nick: page.buyer?.nick || '',
    amount: context.order.amount,
    placedAt: context.order.placedAt,
    firstSeen: now,
    holdout,
    // Only orders seen unpaid count in the statistics (a holdout order paid
    // before it was ever seen says nothing about reminders).
    unpaidSeen: !page.order?.paid
  };
  const unpaidNow = !page.order?.paid;
  if (!record || record.reason !== s.reason.code || record.holdout !== holdout || (unpaidNow && !record.unpaidSeen)) {
    record = await updateOrder(key, base, (r) => ({ ...r, reason: s.reason.code, holdout, unpaidSeen: r.unpaidSeen || unpaidNow }));
  }
  state.record = record;

  renderSuggestion(result, s, { locale: loc, now, context });
  Object.assign(result.dataset, {
    action: s.action,
    sendAt: s.sendAt || '',
    reason: s.reason.code,
    channel: s.channel,
    orderKey: key,
    // The reminders this suggestion was computed with (a newer record may
    // already be stored; its own render follows).
    reminders: String(context.reminders?.length || 0),
    conversation: page.conversationId || ''
  });
  addLineActions(result, s, page, holdout);
  renderRecord(record);
}

function addLineActions(result, s, page, holdout) {
  const lines = result.querySelectorAll('.cf-line');
  lines.forEach((li, i) => {
    const line = s.lines[i];
    if (!line) return;
    const flash = h('span', { class: 'line-flash', role: 'status' });
    const row = h(
      'div',
      { class: 'line-actions' },
      state.mode === 'page' && page.inputFound !== false
        ? h('button', {
            type: 'button',
            class: 'primary',
            dataset: { act: 'insert' },
            text: m('insert'),
            disabled: holdout,
            title: holdout ? m('holdoutNoSend') : undefined,
            onclick: () => insertLine(line.text, flash)
          })
        : null,
      h('button', { type: 'button', class: 'quiet', dataset: { act: 'edit' }, text: m('edit'), onclick: () => editLine(line) }),
      h('button', {
        type: 'button',
        dataset: { act: 'mark-sent' },
        text: m('markSent'),
        disabled: holdout,
        title: holdout ? m('holdoutNoSend') : m('markSentTitle'),
        onclick: () => markSent(line, s, flash)
      }),
      flash
    );
    li.append(row);
  });
}

// --- edit a line before sending, checked as you type ---------------------------

let editing = null; // the Line being edited

function editLine(line) {
  editing = line;
  const box = $('edit');
  box.hidden = false;
  $('edit-text').value = line.text;
  $('edit-flash').textContent = '';
  lintEdit();
  box.scrollIntoView({ block: 'nearest' });
  $('edit-text').focus();
}

function lintEdit() {
  const text = $('edit-text').value;
  const out = $('edit-lint');
  if (!text.trim()) return clear(out);
  try {
    const warnings = lint(text, {
      channel: state.suggestion?.channel || 'im',
      locale: locale(),
      buyerName: current()?.buyer?.name || current()?.buyer?.nick
    });
    renderLint(out, text, warnings, { locale: locale() });
  } catch (err) {
    renderError(out, err, { locale: locale() });
  }
}

async function insertLine(text, flash) {
  const page = state.page;
  let ok = false;
  try {
    const res = await api.tabs.sendMessage(page.tabId, { type: 'insert', text });
    ok = !!res?.ok;
  } catch {
    ok = false;
  }
  if (ok) {
    flash.textContent = m('inserted');
  } else {
    const copied = await copyText(text);
    flash.textContent = copied ? m('insertFailedCopied') : m('insertFailed');
  }
}

async function markSent(line, s, flash) {
  const page = current();
  const key = orderKey(page);
  const at = nowIso();
  await updateOrder(key, { id: page.order?.id, nick: page.buyer?.nick || '', firstSeen: at }, (r) => ({
    ...r,
    reminders: [...(r.reminders || []), { at, channel: s.channel, templateId: line.templateId, reason: s.reason.code }].slice(-20)
  }));
  flash.textContent = m('markedSent');
  await refresh();
}

async function setOutcome(kind) {
  const page = current();
  if (!page) return;
  const key = orderKey(page);
  const at = nowIso();
  await updateOrder(key, { id: page.order?.id, nick: page.buyer?.nick || '', firstSeen: at }, (r) => ({
    ...r,
    outcome: r.outcome?.kind === kind ? undefined : { kind, at }
  }));
  await refresh();
}

async function undoLast() {
  const page = current();
  if (!page) return;
  await updateOrder(orderKey(page), {}, (r) => ({ ...r, reminders: (r.reminders || []).slice(0, -1) }));
  await refresh();
}

function renderRecord(record) {
  $('record').hidden = false;
  const rs = record?.reminders || [];
  const parts = [];
  if (rs.length) {
    const last = rs[rs.length - 1];
    parts.push(m('historySent', { n: rs.length, time: last.at.slice(5, 16).replace('T', ' '), channel: m(`channel_${last.channel}`) }));
  } else {
    parts.push(m('historyNone'));
  }
  if (record?.outcome) parts.push(m(`outcome_${record.outcome.kind}`));
  $('history').textContent = parts.join(' · ');
  for (const b of document.querySelectorAll('[data-outcome]')) {
    b.classList.toggle('on', record?.outcome?.kind === b.dataset.outcome);
  }
  $('undo').hidden = !rs.length;
}

// --- paste / selection -----------------------------------------------------

function agentNicks() {
  return String(state.settings.prefs.agentNicks || '')
    .split(/[\n,，]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function fromPaste() {
  const text = $('paste-text').value;
  const notes = $('paste-notes');
  clear(notes);
  if (!text.trim()) return;
  let t;
  try {
    t = readTranscript(text, { agentNicks: agentNicks(), offset: state.settings.shop.utcOffset || '+08:00' });
  } catch (err) {
    notes.append(h('li', { text: `${err.code || 'error'}: ${err.message}` }));
    return;
  }
  let messages = t.messages;
  if (!messages.length) {
    // Nothing recognised as a transcript: read the whole text as the buyer's words.
    messages = [{ from: 'buyer', text: text.trim().slice(0, 2000) }];
    notes.append(h('li', { text: m('pasteAsBuyer') }));
  } else if (t.unparsed?.length) {
    notes.append(h('li', { text: m('pasteUnparsed', { n: t.unparsed.length }) }));
  }
  const placed = $('paste-placed').value;
  const amount = $('paste-amount').value;
  const offset = state.settings.shop.utcOffset || '+08:00';
  state.pasted = {
    conversationId: 'paste',
    buyer: t.buyerNick ? { nick: t.buyerNick } : {},
    order: {
      placedAt: placed ? `${placed.length === 16 ? placed + ':00' : placed}${offset}` : undefined,
      amount: amount !== '' && Number.isFinite(Number(amount)) ? Number(amount) : undefined
    },
    messages
  };
  state.mode = 'paste';
  $('paste-back').hidden = !state.page;
  refresh();
}

function showSelection(sel) {
  if (!sel?.text) return;
  $('paste').open = true;
  $('paste-text').value = sel.text;
  fromPaste();
}

// --- start -----------------------------------------------------------------

async function main() {
  state.settings = await loadSettings();
  await loadLocale(state.settings.prefs.locale);
  translatePage();
  try {
    await loadVendor();
  } catch (err) {
    setStatus(m('loadFailed', { error: String(err?.message || err) }), true);
    return;
  }
  $('version').textContent = `cuifu ${version()}`;
  state.clock = await loadClock();
  myWindow = (await api.windows?.getCurrent?.().catch(() => null))?.id ?? null;
  const sess = await api.storage.session.get(['page', 'selection']);
  state.page = sess.page || null;
  state.selection = sess.selection || null;

  $('open-options').addEventListener('click', () => api.runtime.openOptionsPage());
  for (const b of document.querySelectorAll('[data-outcome]')) b.addEventListener('click', () => setOutcome(b.dataset.outcome));
  $('undo').addEventListener('click', undoLast);
  $('paste-go').addEventListener('click', fromPaste);
  $('edit-text').addEventListener('input', lintEdit);
  $('edit-insert').addEventListener('click', () => insertLine($('edit-text').value, $('edit-flash')));
  $('edit-copy').addEventListener('click', async () => {
    $('edit-flash').textContent = (await copyText($('edit-text').value)) ? m('copied') : m('insertFailed');
  });
  $('edit-mark').addEventListener('click', () => {
    if (state.suggestion && editing) markSent(editing, state.suggestion, $('edit-flash'));
  });
  $('paste-back').addEventListener('click', () => {
    state.mode = 'page';
    $('paste-back').hidden = true;
    refresh();
  });

  api.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'session' && changes.page) {
      const next = changes.page.newValue || null;
      // A panel beside one window's chat ignores chats from other windows.
      if (next && myWindow != null && state.page?.windowId === myWindow && next.windowId !== myWindow) return;
      state.page = next;
      if (state.mode === 'paste' && state.page && (!state.selection || state.page.at > state.selection.at) && !$('paste').open) {
        state.mode = 'page';
      }
      if (state.mode === 'page') refresh();
      else $('paste-back').hidden = !state.page;
    } else if (area === 'session' && changes.selection?.newValue) {
      state.selection = changes.selection.newValue;
      showSelection(state.selection);
    } else if (area === 'sync') {
      const prevLocale = state.settings.prefs.locale;
      state.settings = await loadSettings();
      if (state.settings.prefs.locale !== prevLocale) {
        await loadLocale(state.settings.prefs.locale);
        translatePage();
      }
      refresh();
    } else if (area === 'local' && changes.clock) {
      state.clock = await loadClock();
  myWindow = (await api.windows?.getCurrent?.().catch(() => null))?.id ?? null;
      refresh();
    } else if (area === 'local' && changes.orders && state.key) {
      // Another panel or the options page changed this order's record.
      const before = JSON.stringify(changes.orders.oldValue?.[state.key]?.reminders || []);
      const after = JSON.stringify(changes.orders.newValue?.[state.key]?.reminders || []);
      if (before !== after) refresh();
    }
  });

  if (state.selection && (!state.page || state.selection.at > state.page.at)) showSelection(state.selection);
  else await refresh();

  // Ask the active chat tab to send its chat again (the panel may open after it loaded).
  try {
    const tabs = await api.tabs.query({ active: true, lastFocusedWindow: true });
    for (const t of tabs) api.tabs.sendMessage(t.id, { type: 'resend' }).catch(() => {});
  } catch {
    // No tabs permission needed for this; ignore failures.
  }
  // The time moves on: refresh the times left and the plan every half minute.
  setInterval(refresh, 30000);
}

main();
