// Renders a cuifu Suggestion into a container element. Shared by the demo
// page and the extension's side panel: plain DOM, no globals, every string
// from the engine or the buyer set as text.
import { h, clear, copyButton, highlight } from './dom.js';
import { t, pickLocale, monthName } from './i18n.js';

/** Splits an RFC 3339 time into its instant (ms) and its wall-clock parts; null if unreadable. */
export function parseTime(s) {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(s.trim());
  if (!m) return null;
  const ms = Date.parse(s.trim());
  if (Number.isNaN(ms)) return null;
  let offset = 0;
  if (m[6] !== 'Z') {
    const sign = m[6][0] === '-' ? -1 : 1;
    offset = sign * (Number(m[6].slice(1, 3)) * 60 + Number(m[6].slice(4, 6)));
  }
  return { ms, offset, date: `${m[1]}-${m[2]}-${m[3]}`, month: Number(m[2]), day: Number(m[3]), time: `${m[4]}:${m[5]}` };
}

function toMs(now) {
  if (now instanceof Date) return now.getTime();
  if (typeof now === 'number') return now;
  const p = parseTime(now);
  return p ? p.ms : Date.now();
}

/** The calendar date (YYYY-MM-DD) of instant `ms` at UTC offset `offset` minutes. */
function dateAt(ms, offset) {
  return new Date(ms + offset * 60000).toISOString().slice(0, 10);
}

/** "14:30", "明天 10:00" or "11月26日 10:00" for time `at`, seen from `now`, in the time's own offset. */
export function formatWhen(at, now, locale) {
  const p = parseTime(at);
  if (!p) return String(at ?? '');
  const nowMs = toMs(now);
  const today = dateAt(nowMs, p.offset);
  const tomorrow = dateAt(nowMs + 86400000, p.offset);
  const vars = { time: p.time, month: p.month, day: p.day, monthName: monthName(p.month) };
  if (p.date === today) return t(locale, 'when.today', vars);
  if (p.date === tomorrow) return t(locale, 'when.tomorrow', vars);
  return t(locale, 'when.date', vars);
}

/** "2 天 3 小时", "18 分钟": the time from `now` until `at`, or null once past. */
export function formatLeft(at, now, locale) {
  const p = parseTime(at);
  if (!p) return null;
  const mins = Math.floor((p.ms - toMs(now)) / 60000);
  if (mins < 0) return null;
  const d = Math.floor(mins / 1440);
  const hh = Math.floor((mins % 1440) / 60);
  const mm = mins % 60;
  const parts = [];
  if (d) parts.push(t(locale, 'dur.d', { n: d }));
  if (hh) parts.push(t(locale, 'dur.h', { n: hh }));
  if (!d && (mm || !hh)) parts.push(t(locale, 'dur.m', { n: mm }));
  return parts.join(t(locale, 'dur.sep'));
}

const WAIT_REASONS = new Set(['insufficient_balance', 'payment_system_issue']);

function lastSpeaker(context) {
  const msgs = (context && Array.isArray(context.messages) ? context.messages : []).filter(
    (m) => m && m.from !== 'system'
  );
  return msgs.length ? msgs[msgs.length - 1].from : null;
}

/**
 * The action as a sentence an agent acts on: "现在发送", "14:30 发送" (再发
 * when `context.reminders` shows one was sent already), "先回答买家的问题",
 * "不要催". `context` (optional) refines send, hold and stop.
 */
export function actionSentence(s, { locale, now, context } = {}) {
  const code = s?.reason?.code;
  const again = Array.isArray(context?.reminders) && context.reminders.length > 0 ? '.again' : '';
  switch (s?.action) {
    case 'send_now':
      return t(locale, `action.send_now${again}`);
    case 'schedule':
      return t(locale, `action.schedule${again}`, { when: formatWhen(s.sendAt, now, locale) });
    case 'hold': {
      const when = s.sendAt ? formatWhen(s.sendAt, now, locale) : null;
      // An answer now, with the reminder planned after it (followUpAt).
      if (s.followUpAt || (!WAIT_REASONS.has(code) && (code === 'waiting_reply' || lastSpeaker(context) === 'buyer'))) {
        return t(locale, 'action.hold.answer');
      }
      return when ? t(locale, 'action.hold.wait', { when }) : t(locale, 'action.hold.waitNoTime');
    }
    case 'stop':
      if (context?.order?.paid) return t(locale, 'action.stop.paid');
      if (code === 'changed_mind') return t(locale, 'action.stop.changed');
      return t(locale, 'action.stop');
    default:
      return String(s?.action ?? '');
  }
}

/** The `【…】` slots of a line (UTF-16 ranges): what the agent fills in. */
export function slotRanges(text) {
  return [...String(text ?? '').matchAll(/【[^【】]*】/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function section(cls, title, ...body) {
  return h('section', { class: `cf-section ${cls}` }, h('h3', { class: 'cf-h', text: title }), ...body);
}

/**
 * Renders `suggestion` into `container` (its content is replaced).
 * options: `locale` (default: zh-CN), `now` (RFC 3339, Date or ms; default: the
 * current time), `context` (the ChatContext it came from, optional),
 * `onEvidence(evidence)` called when an evidence quote is hovered/clicked.
 * Returns the root element.
 */
export function renderSuggestion(container, suggestion, options = {}) {
  const locale = pickLocale(options.locale);
  const now = options.now ?? Date.now();
  const s = suggestion || {};
  const labels = { copy: t(locale, 'copy'), copied: t(locale, 'copied'), copyFailed: t(locale, 'copyFailed') };
  const tr = (k, v) => t(locale, k, v);

  const left = formatLeft(s.closesAt, now, locale);
  const nowMs = toMs(now);
  const sendMs = parseTime(s.sendAt)?.ms;
  // "Send at" only when it says something: not for stop, not when it is now.
  const showSend = s.sendAt && s.action !== 'stop' && !(s.action !== 'schedule' && sendMs <= nowMs + 60000);
  const paid = options.context?.order?.paid === true;
  const meta = h(
    'div',
    { class: 'cf-action-meta' },
    showSend
      ? h(
          'span',
          { class: 'cf-send-at', dataset: { role: 'send-at' } },
          `${tr(s.action === 'hold' ? 'holdUntil' : 'sendAt')} `,
          h('strong', { text: formatWhen(s.sendAt, now, locale) })
        )
      : null,
    s.followUpAt && s.action !== 'stop'
      ? h(
          'span',
          { class: 'cf-send-at', dataset: { role: 'follow-up-at' } },
          `${tr('followUpAt')} `,
          h('strong', { text: formatWhen(s.followUpAt, now, locale) })
        )
      : null,
    s.closesAt && !paid
      ? h(
          'span',
          { class: 'cf-closes-at', dataset: { role: 'closes-at' } },
          `${tr('closesAt')} ${formatWhen(s.closesAt, now, locale)} · `,
          h('strong', { class: left ? '' : 'cf-closed', text: left ? tr('left', { left }) : tr('closed') })
        )
      : null
  );

  const action = h(
    'div',
    { class: `cf-action cf-action--${s.action}`, dataset: { role: 'action', action: s.action } },
    h('div', { class: 'cf-action-sentence', dataset: { role: 'action-sentence' }, text: actionSentence(s, { locale, now, context: options.context }) }),
    meta
  );

  const chips = h(
    'div',
    { class: 'cf-chips', hidden: s.action === 'stop' },
    h('span', { class: `cf-chip cf-chip--channel cf-channel--${s.channel}`, title: tr('channel'), dataset: { role: 'channel', channel: s.channel }, text: tr(`channel.${s.channel}`) }),
    h('span', { class: `cf-chip cf-chip--tone`, title: tr('tone'), dataset: { role: 'tone', tone: s.tone }, text: tr(`tone.${s.tone}`) })
  );

  const reason = s.reason || {};
  const evidence = Array.isArray(reason.evidence) ? reason.evidence : [];
  const reasonEl = section(
    'cf-reason',
    tr('reason'),
    h(
      'p',
      { class: 'cf-reason-line' },
      h('span', { class: 'cf-reason-code', dataset: { role: 'reason', reason: reason.code }, text: tr(`reason.${reason.code}`) }),
      typeof reason.confidence === 'number'
        ? h('span', { class: 'cf-confidence', text: tr('confidence', { n: Math.round(reason.confidence * 100) }) })
        : null
    ),
    evidence.length
      ? h(
          'ul',
          { class: 'cf-evidence', 'aria-label': tr('evidence') },
          evidence.map((e) =>
            h('li', {
              class: 'cf-quote',
              text: e.text,
              tabindex: '0',
              dataset: { messageIndex: String(e.messageIndex) },
              onmouseenter: () => options.onEvidence?.(e),
              onfocus: () => options.onEvidence?.(e),
              onclick: () => options.onEvidence?.(e)
            })
          )
        )
      : null
  );

  const lines = Array.isArray(s.lines) ? s.lines : [];
  const linesEl = section(
    'cf-lines-section',
    tr('lines'),
    lines.length
      ? h(
          'ol',
          { class: 'cf-lines' },
          lines.map((l, i) =>
            h(
              'li',
              { class: 'cf-line', dataset: { role: 'line', templateId: l.templateId, angle: l.angle } },
              h('span', { class: 'cf-line-n', text: String(i + 1) }),
              highlight(h('p', { class: 'cf-line-text' }), l.text, slotRanges(l.text), (mark) => {
                mark.className = 'cf-slot';
                mark.title = tr('slot');
              }),
              copyButton(() => l.text, labels)
            )
          )
        )
      : h('p', { class: 'cf-muted', text: tr('noLines') })
  );

  const warnings = Array.isArray(s.warnings) ? s.warnings : [];
  const warningsEl = warnings.length
    ? section(
        'cf-warnings',
        tr('warnings'),
        h('ul', {}, warnings.map((w) => h('li', { class: 'cf-warning', dataset: { code: w.code } }, h('code', { text: w.code }), ' ', w.message)))
      )
    : null;

  const why = Array.isArray(s.why) ? s.why : [];
  const whyEl = why.length ? section('cf-why', tr('why'), h('ul', {}, why.map((w) => h('li', { text: w })))) : null;

  const remarkEl = s.remark
    ? section('cf-remark', tr('remark'), h('div', { class: 'cf-remark-row' }, h('p', { class: 'cf-remark-text', dataset: { role: 'remark' }, text: s.remark }), copyButton(() => s.remark, labels)))
    : null;

  const root = h('div', { class: 'cf-suggestion', lang: locale }, action, chips, reasonEl, linesEl, warningsEl, whyEl, remarkEl);
  clear(container).append(root);
  return root;
}

/** Shows a CuifuError (or any error) in `container`: code, path and message as text. */
/**
 * A CuifuError in the UI's language, from its `code` and `path` (the
 * engine's English message is for developers). `options.field(path)` may
 * name the field as the page labels it; else the path is shown.
 */
export function errorText(err, locale, field) {
  const path = String(err?.path || '');
  const name = (path && field?.(path)) || path || '—';
  const code = err?.code && t(locale, `err.${err.code}`) !== `err.${err.code}` ? err.code : 'other';
  // Only {field} is filled: `{name}` and `{shop}` in the template message stay literal.
  return t(locale, `err.${code}`, { field: name });
}

export function renderError(container, err, options = {}) {
  const locale = pickLocale(options.locale);
  const root = h(
    'div',
    { class: 'cf-error', role: 'alert', dataset: { code: err?.code || 'error', path: err?.path || '' } },
    h('strong', { text: t(locale, 'error') }),
    h('p', { class: 'cf-error-text', text: errorText(err, locale, options.field) }),
    h(
      'details',
      { class: 'cf-error-detail' },
      h('summary', { text: t(locale, 'err.detail') }),
      err?.code ? h('code', { text: err.code }) : null,
      err?.path ? h('code', { class: 'cf-error-path', text: err.path }) : null,
      h('p', { text: err?.message || String(err) })
    )
  );
  clear(container).append(root);
  return root;
}
