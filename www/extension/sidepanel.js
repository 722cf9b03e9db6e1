// The side panel: takes the chat the content script read (or text the agent
// selected or pasted), adds the shop settings and this order's recorded
// reminders, asks cuifu for a suggestion and shows it. Acting on it (insert,
// copy, mark sent, outcome) is recorded locally; nothing leaves the browser.
// The package and the shared views are copied into vendor/ by
// scripts/build-extension; loaded dynamically so a missing build is reported.
let suggest, readTranscript, lint, version, renderSuggestion, renderError, errorText, renderLint, h, clear, copyText;

async function loadVendor() {
  const [pkg, render, lintView, dom] = await Promise.all([
    import('./vendor/cuifu.js'),
    import('./vendor/shared/render.js'),
    import('./vendor/shared/lint-view.js'),
    import('./vendor/shared/dom.js')
  ]);
  await pkg.default();
  ({ suggest, readTranscript, lint, version } = pkg);
  ({ renderSuggestion, renderError, errorText } = render);
  ({ renderLint } = lintView);
  ({ h, clear, copyText } = dom);
}
import { loadLocale, m, translatePage, locale } from './lib/i18n.js';
import { buildContext, isoAt } from './lib/context.js';
import { loadSettings, loadOrder, updateOrder, loadClock, orderKey, inHoldout, recordKey } from './lib/store.js';
import { sentMatches } from './lib/sent.js';

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
  record: null,
  lastAuto: null, // the reminder recorded automatically last, for undo
  tabId: null, // the tab the panel follows: the active tab of its window
  pendingSent: null // a line inserted and not yet seen sent
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
  $('sent').hidden = !state.lastAuto || state.lastAuto.key !== orderKey(page || {});
  if (!page) {
    clearPanel();
    setStatus(m('waiting'));
    await showSites();
    return;
  }
  $('sites').hidden = true;
  showSource(page);
  const problems = state.mode === 'page' ? page.health?.problems || [] : [];
  if (problems.length) {
    // The adapter could not read this chat: say what failed, never advise on an empty chat.
    clearPanel(true);
    showHealth(page, problems);
    return;
  }
  $('health').hidden = true;
  const now = nowIso();
  const key = orderKey(page);
  let record = await loadOrder(key);
  const share = Number(state.settings.prefs.holdoutShare) || 0;
  const holdout = inHoldout(key, share);

  // The page shows paid an order seen unpaid that was reminded (or held out): record it.
  if (page.order?.paid && record?.unpaidSeen && (record.reminders?.length || record.holdout) && record.outcome?.kind !== 'paid') {
    record = await updateOrder(key, {}, (r) => ({ ...r, outcome: { kind: 'paid', at: now, auto: true } }));
  }

  const loc = locale();
  const { context, assumed } = buildContext(page, state.settings, record, now, loc);

  const metaBits = [];
  if (page.order?.id) metaBits.push(m('orderNo', { id: page.order.id }));
  if (page.order?.status) metaBits.push(page.order.status);
  $('order-meta').textContent = metaBits.join(' · ');

  const notes = $('notes');
  clear(notes);
  for (const f of assumed) notes.append(h('li', { text: m(f === 'amount' ? 'assumedAmount' : 'assumedPlacedAt') }));
  if (state.clock) notes.append(h('li', { text: m('fixedClock', { time: state.clock }) }));

  const banner = $('holdout');
  banner.hidden = !holdout;
  banner.textContent = holdout ? m('holdoutBanner', { share }) : '';
  $('edit-copy').disabled = holdout;

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
    messages: String(context.messages.length),
    conversation: page.conversationId || ''
  });
  if (holdout) {
    // The control group is not reminded: no time to send, nothing to insert or copy.
    result.dataset.holdout = '1';
    const sentence = result.querySelector('[data-role="action-sentence"]');
    if (sentence) sentence.textContent = m('holdoutAction');
    for (const b of result.querySelectorAll('.cf-line button, .cf-remark-row button')) {
      b.disabled = true;
      b.title = m('holdoutNoSend');
    }
  } else delete result.dataset.holdout;
  addLineActions(result, s, page, holdout);
  renderRecord(record);
  await detectSent(page, s, key);
}

/** Empties the suggestion area (keeping the source line when `keepSource`). */
function clearPanel(keepSource = false) {
  clear($('result'));
  for (const k of Object.keys($('result').dataset)) delete $('result').dataset[k];
  state.suggestion = null;
  $('record').hidden = true;
  $('holdout').hidden = true;
  $('health').hidden = true;
  if (!keepSource) {
    $('buyer-nick').textContent = '';
    $('source').textContent = '';
  }
  $('order-meta').textContent = '';
  clear($('notes'));
}

/** Which site, tab and buyer the panel is reading. */
function showSource(page) {
  $('buyer-nick').textContent = page.buyer?.nick || m('unknownBuyer');
  $('source').textContent =
    state.mode === 'paste' ? m('fromPaste') : m('readingFrom', { site: page.siteName || page.site || '', tab: page.title || page.url || '' });
  $('source').dataset.tab = state.mode === 'paste' ? '' : String(page.tabId ?? '');
}

function showHealth(page, problems) {
  const list = clear($('health-list'));
  for (const p of problems) {
    list.append(h('li', { dataset: { code: p.code } }, m(`health_${p.code}`, { found: p.found ?? 0, read: p.read ?? 0 }), ' ', p.selector ? h('code', { text: p.selector }) : null));
  }
  $('health').hidden = false;
  $('result').dataset.health = problems.map((p) => p.code).join(' ');
  setStatus('');
}

/** Built-in sites the extension may not read yet: one "allow" button each (asked on first use). */
async function showSites() {
  const box = clear($('site-buttons'));
  const { PRESETS } = globalThis.cuifuAdapters;
  const { allowedSites = [] } = await api.storage.local.get('allowedSites');
  for (const a of PRESETS) {
    const granted = await api.permissions.contains({ origins: a.origins }).catch(() => false);
    if (granted && allowedSites.includes(a.id)) continue;
    box.append(
      h('button', {
        type: 'button',
        dataset: { site: a.id },
        text: m('allowSite', { site: a.name }),
        onclick: () => allowSite(a)
      })
    );
  }
  // A chat may have arrived meanwhile: the offer is only for a tab with none.
  $('sites').hidden = !box.childElementCount || !!current();
}

async function allowSite(a) {
  // Must run in the click's user gesture: request before any other await.
  const ok = await api.permissions.request({ origins: a.origins }).catch(() => false);
  if (!ok) {
    setStatus(m('grantRefused'), true);
    return;
  }
  const { allowedSites = [] } = await api.storage.local.get('allowedSites');
  await api.storage.local.set({ allowedSites: [...new Set([...allowedSites, a.id])] });
  await api.runtime.sendMessage({ type: 'syncAdapters' }).catch(() => {});
  if (state.tabId != null) {
    await api.scripting
      .executeScript({ target: { tabId: state.tabId, allFrames: !!a.allFrames }, files: ['adapters.js', 'content.js'] })
      .catch(() => {});
  }
  setStatus(m('siteAllowed', { site: a.name }));
  await showSites();
}

/** The agent sent the inserted line (it shows as the agent's message): record the reminder. */
async function detectSent(page, s, key) {
  const p = state.pendingSent;
  if (!p || state.mode !== 'page' || page.tabId !== p.tabId || page.conversationId !== p.conversationId) return;
  if (sentMatches(page.messages, p.text) <= p.seen) return;
  state.pendingSent = null;
  const at = nowIso();
  await updateOrder(p.key, { id: page.order?.id, nick: page.buyer?.nick || '', firstSeen: at }, (r) => ({
    ...r,
    reminders: [...(r.reminders || []), { at, channel: p.channel, templateId: p.templateId, reason: p.reason, auto: true }].slice(-20)
  }));
  state.lastAuto = { key: p.key, at };
  $('sent-text').textContent = m('sentDetected');
  $('sent').hidden = false;
  void s;
  void key;
  again = true;
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
            onclick: () => insertLine(line.text, flash, line)
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

/**
 * Puts a line into the chat input of the tab the panel shows, and only
 * there: refused (and said why) when that tab is no longer the active tab
 * of this window or its conversation changed.
 */
async function insertLine(text, flash, line) {
  const page = state.page;
  const refuse = (why) => {
    flash.textContent = m(`insertRefused_${why}`);
    flash.dataset.refused = why;
    return false;
  };
  delete flash.dataset.refused;
  if (state.mode !== 'page' || !page || page.tabId == null) return refuse('no_chat');
  if (page.tabId !== state.tabId) return refuse('tab_changed');
  let tab;
  try {
    tab = await api.tabs.get(page.tabId);
  } catch {
    return refuse('tab_closed');
  }
  if (!tab.active || (myWindow != null && tab.windowId !== myWindow)) return refuse('tab_changed');
  const seen = sentMatches(page.messages, text);
  let res;
  try {
    res = await api.tabs.sendMessage(page.tabId, { type: 'insert', text, conversationId: page.conversationId }, { frameId: page.frameId ?? 0 });
  } catch {
    res = { ok: false, error: 'no_reader' };
  }
  if (!res?.ok) return refuse(res?.error || 'no_reader');
  flash.textContent = m('inserted');
  const s = state.suggestion;
  state.pendingSent = {
    tabId: page.tabId,
    conversationId: page.conversationId,
    key: orderKey(page),
    text,
    seen,
    channel: s?.channel || 'im',
    templateId: line?.templateId,
    reason: s?.reason?.code
  };
  return true;
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
    // Times pasted without a date are today's, in the shop's time.
    t = readTranscript(text, { agentNicks: agentNicks(), offset: state.settings.shop.utcOffset || '+08:00', date: nowIso().slice(0, 10) });
  } catch (err) {
    notes.append(h('li', { text: errorText(err, locale()) }));
    return;
  }
  const skipped = t.unparsed?.length || 0;
  $('paste-go').textContent = skipped ? m('pasteGoSkipped', { n: skipped }) : m('pasteGo');
  $('paste-go').dataset.skipped = String(skipped);
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

let selfTab = null; // this page's own tab when it is opened as a tab, not as the side panel

/** Follows `tabId` (the active tab of this window): its chat, or nothing. */
async function follow(tabId) {
  state.tabId = tabId;
  const key = `tab:${tabId}`;
  const got = tabId != null ? await api.storage.session.get(key) : {};
  if (state.tabId !== tabId) return;
  state.page = got[key] || null;
  state.pendingSent = state.pendingSent?.tabId === tabId ? state.pendingSent : null;
  if (state.mode === 'paste' && state.page && !$('paste').open) state.mode = 'page';
  $('paste-back').hidden = !state.page;
  // The page may have loaded before the panel opened: ask it to send its chat again.
  if (tabId != null) api.tabs.sendMessage(tabId, { type: 'resend' }).catch(() => {});
  refresh();
}

async function activeTab() {
  const tabs = await api.tabs.query(myWindow != null ? { active: true, windowId: myWindow } : { active: true, lastFocusedWindow: true }).catch(() => []);
  return tabs.find((t) => t.id !== selfTab)?.id ?? null;
}

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
  selfTab = (await api.tabs.getCurrent?.().catch(() => null))?.id ?? null;
  const sess = await api.storage.session.get('selection');
  state.selection = sess.selection || null;

  $('open-options').addEventListener('click', () => api.runtime.openOptionsPage());
  $('health-pick').addEventListener('click', () => api.runtime.openOptionsPage());
  $('health-paste').addEventListener('click', () => {
    $('paste').open = true;
    $('paste-text').focus();
  });
  for (const b of document.querySelectorAll('[data-outcome]')) b.addEventListener('click', () => setOutcome(b.dataset.outcome));
  $('undo').addEventListener('click', undoLast);
  $('sent-undo').addEventListener('click', async () => {
    const auto = state.lastAuto;
    state.lastAuto = null;
    $('sent').hidden = true;
    if (!auto) return;
    await updateOrder(auto.key, {}, (r) => ({ ...r, reminders: (r.reminders || []).filter((x) => !(x.auto && x.at === auto.at)) }));
    await refresh();
  });
  $('paste-go').addEventListener('click', fromPaste);
  $('edit-text').addEventListener('input', lintEdit);
  $('edit-insert').addEventListener('click', () => insertLine($('edit-text').value, $('edit-flash'), editing));
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

  // The panel follows the active tab of its own window; other tabs never take over.
  api.tabs.onActivated.addListener(({ tabId, windowId }) => {
    if (tabId === selfTab || (myWindow != null && windowId !== myWindow)) return;
    follow(tabId);
  });
  api.tabs.onRemoved.addListener(async (tabId) => {
    if (tabId === state.tabId) follow(await activeTab());
  });

  api.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'session' && state.tabId != null && changes[`tab:${state.tabId}`]) {
      state.page = changes[`tab:${state.tabId}`].newValue || null;
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
      refresh();
    } else if (area === 'local' && state.key && changes[recordKey(state.key)]) {
      // Another panel or the options page changed this order's record.
      const c = changes[recordKey(state.key)];
      if (JSON.stringify(c.oldValue?.reminders || []) !== JSON.stringify(c.newValue?.reminders || [])) refresh();
    } else if (area === 'local' && state.key && Object.keys(changes).length && !Object.keys(changes).some((k) => k.startsWith('o:'))) {
      // "Clear all data" empties the records: show that.
      refresh();
    }
  });
  api.permissions?.onAdded?.addListener(() => refresh());

  if (state.selection && Date.now() - state.selection.at < 60000) showSelection(state.selection);
  await follow(await activeTab());
  // The time moves on: refresh the times left and the plan every half minute.
  setInterval(refresh, 30000);
}

main();
