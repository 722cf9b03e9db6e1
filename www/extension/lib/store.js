// Local records and settings: what the side panel and options page keep in
// chrome.storage (sync for settings, local for per-order reminders and
// outcomes). The pure functions at the top (order keys, holdout, statistics,
// CSV masking) have no browser dependency and are unit-tested in Node.

/** The key under which an order's reminders and outcome are kept. */
export function orderKey(page) {
  const o = page?.order || {};
  if (o.id) return `id:${String(o.id).slice(0, 80)}`;
  const nick = page?.buyer?.nick || '';
  return `nick:${nick.slice(0, 60)}|${o.placedAt || page?.conversationId || ''}`.slice(0, 200);
}

/** 32-bit FNV-1a of a string: stable across browsers and sessions. */
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Whether an order belongs to the holdout group (deliberately not reminded,
 * to measure what reminders really add). Decided by the order key alone, so
 * the same order always lands in the same group.
 */
export function inHoldout(key, sharePercent) {
  const share = Number(sharePercent) || 0;
  if (share <= 0) return false;
  return (fnv1a(`holdout:${key}`) % 10000) / 100 < Math.min(share, 50);
}

const DAY = 86400000;

function rate(paid, n) {
  return n ? paid / n : null;
}

/** When an order entered the statistics: its first reminder, else when it was first seen. */
function startOf(rec) {
  const first = rec.reminders?.[0]?.at;
  const ms = Date.parse(first || rec.firstSeen || '');
  return Number.isNaN(ms) ? null : ms;
}

function paidAfterReminder(rec) {
  if (rec.outcome?.kind !== 'paid' || !rec.reminders?.length) return false;
  const paid = Date.parse(rec.outcome.at);
  const first = Date.parse(rec.reminders[0].at);
  return Number.isNaN(paid) || Number.isNaN(first) || paid >= first;
}

/**
 * Statistics over the orders started in the last `days` days before `nowMs`:
 * reminders sent, reminded orders, paid after a reminder and the recovery
 * rate, by reason and by template (the last template sent), and the holdout
 * group's own payment rate for comparison.
 */
export function computeStats(orders, nowMs, days) {
  const from = nowMs - days * DAY;
  const recs = Object.values(orders || {}).filter((r) => {
    const t = r && startOf(r);
    return t != null && t >= from && t <= nowMs + DAY;
  });
  const reminded = recs.filter((r) => !r.holdout && r.reminders?.length);
  const holdout = recs.filter((r) => r.holdout && r.unpaidSeen !== false);
  const group = (keyOf) => {
    const map = new Map();
    for (const r of reminded) {
      const k = keyOf(r) || '—';
      const g = map.get(k) || { key: k, orders: 0, sent: 0, paid: 0 };
      g.orders += 1;
      g.sent += r.reminders.length;
      if (paidAfterReminder(r)) g.paid += 1;
      map.set(k, g);
    }
    return [...map.values()].map((g) => ({ ...g, rate: rate(g.paid, g.orders) })).sort((a, b) => b.orders - a.orders || a.key.localeCompare(b.key));
  };
  const paid = reminded.filter(paidAfterReminder).length;
  const holdoutPaid = holdout.filter((r) => r.outcome?.kind === 'paid').length;
  const recovery = rate(paid, reminded.length);
  const holdoutRate = rate(holdoutPaid, holdout.length);
  return {
    days,
    sent: reminded.reduce((n, r) => n + r.reminders.length, 0),
    reminded: reminded.length,
    paid,
    noReply: reminded.filter((r) => r.outcome?.kind === 'no_reply').length,
    complained: reminded.filter((r) => r.outcome?.kind === 'complained').length,
    recovery,
    holdout: { orders: holdout.length, paid: holdoutPaid, rate: holdoutRate },
    lift: recovery != null && holdoutRate != null ? recovery - holdoutRate : null,
    byReason: group((r) => r.reminders[0]?.reason || r.reason),
    byTemplate: group((r) => r.reminders[r.reminders.length - 1]?.templateId)
  };
}

/** "王**" style: keeps the first character of a nick and hides the rest. */
export function maskNick(nick) {
  const chars = [...String(nick || '')];
  if (!chars.length) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 6));
}

function csvCell(v) {
  let s = v == null ? '' : String(v);
  // Spreadsheet formula injection: a leading = + - @ becomes text.
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An RFC 3339 time as "YYYY-MM-DD HH:MM" in the shop's offset ("+08:00"); '' when absent or unreadable. */
export function shopTime(at, offset = '+08:00') {
  const ms = Date.parse(at || '');
  if (Number.isNaN(ms)) return '';
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset) || [null, '+', '08', '00'];
  const mins = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return new Date(ms + mins * 60000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The order records as CSV. Only the personal column is masked (the buyer's
 * nick); order numbers and the rest stay as they are. Times are in the
 * shop's time (`offset`), as the agent saw them.
 */
export function toCsv(orders, offset = '+08:00') {
  const head = ['order', 'buyer', 'amount', 'placed_at', 'first_seen', 'reason', 'holdout', 'reminders', 'channels', 'templates', 'last_reminder_at', 'outcome', 'outcome_at'];
  const when = (at) => shopTime(at, offset);
  const rows = Object.values(orders || {})
    .filter(Boolean)
    .sort((a, b) => String(a.firstSeen).localeCompare(String(b.firstSeen)))
    .map((r) => {
      const rs = r.reminders || [];
      return [
        r.id || '',
        maskNick(r.nick),
        r.amount ?? '',
        when(r.placedAt),
        when(r.firstSeen),
        r.reason || '',
        r.holdout ? 'yes' : 'no',
        rs.length,
        rs.map((x) => x.channel).join(' '),
        rs.map((x) => x.templateId || '').join(' '),
        rs.length ? when(rs[rs.length - 1].at) : '',
        r.outcome?.kind || '',
        when(r.outcome?.at)
      ].map(csvCell);
    });
  return '\ufeff' + [head.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

// --- chrome.storage ------------------------------------------------------

const api = globalThis.browser ?? globalThis.chrome;

/** Settings from storage.sync: `shop` (ChatContext.shop without templates), `templates`, `prefs`, `adapters`. */
export async function loadSettings() {
  const s = await api.storage.sync.get(['shop', 'templates', 'prefs', 'adapters']);
  return {
    shop: s.shop && typeof s.shop === 'object' ? s.shop : {},
    templates: Array.isArray(s.templates) ? s.templates : [],
    prefs: s.prefs && typeof s.prefs === 'object' ? s.prefs : {},
    adapters: Array.isArray(s.adapters) ? s.adapters : []
  };
}

// Each order is its own storage.local key (`o:` + the order key), so a new
// message reads and writes one record, never the whole store.
const PREFIX = 'o:';

/** The storage.local key of an order's record. */
export const recordKey = (key) => PREFIX + key;

/** Every order record, by order key (statistics and export). */
export async function loadOrders() {
  const all = await api.storage.local.get(null);
  const out = {};
  for (const [k, v] of Object.entries(all)) if (k.startsWith(PREFIX) && v && typeof v === 'object') out[k.slice(PREFIX.length)] = v;
  // Records kept in one map by earlier versions: moved to their own keys once.
  if (all.orders && typeof all.orders === 'object') {
    const moved = {};
    for (const [k, v] of Object.entries(all.orders)) if (!(k in out) && v) moved[recordKey(k)] = out[k] = v;
    await api.storage.local.set(moved);
    await api.storage.local.remove('orders');
  }
  return out;
}

/** One order's record, or null. */
export async function loadOrder(key) {
  const k = recordKey(key);
  const got = await api.storage.local.get(k);
  return got[k] && typeof got[k] === 'object' ? got[k] : null;
}

const MAX_ORDERS = 5000;

/** Keeps the newest MAX_ORDERS records (by first sight), so local storage stays small. Run on the options page. */
export async function pruneOrders() {
  const orders = await loadOrders();
  const keys = Object.keys(orders);
  if (keys.length <= MAX_ORDERS) return 0;
  const old = keys
    .sort((a, b) => String(orders[a]?.firstSeen || '').localeCompare(String(orders[b]?.firstSeen || '')))
    .slice(0, keys.length - MAX_ORDERS);
  await api.storage.local.remove(old.map(recordKey));
  return old.length;
}

/** Applies `fn(record)` to the order under `key` (created from `base` if new) and saves that one record. */
export async function updateOrder(key, base, fn) {
  const rec = (await loadOrder(key)) || { key, reminders: [], ...base };
  const next = fn(rec) || rec;
  await api.storage.local.set({ [recordKey(key)]: next });
  return next;
}

/** Removes every local record, the clock, the chats read in this session, and the synced settings. */
export async function clearAllData() {
  await Promise.all([api.storage.local.clear(), api.storage.session.clear(), api.storage.sync.clear()]);
}

/** The fixed demo clock (storage.local `clock`), or null for the real time. */
export async function loadClock() {
  const { clock } = await api.storage.local.get('clock');
  return typeof clock === 'string' && clock ? clock : null;
}
