// Shows a linted line with its warnings: the text with each flagged span
// highlighted, then every warning's explanation. Shared by the demo page and
// the extension's side panel.
import { h, clear, highlight } from './dom.js';
import { t, pickLocale } from './i18n.js';

/**
 * Renders `text` and `warnings` (cuifu `Warning[]`, spans as UTF-16 offsets)
 * into `container`, replacing its content. Hovering a warning marks its span.
 * Returns the root element.
 */
export function renderLint(container, text, warnings = [], options = {}) {
  const locale = pickLocale(options.locale);
  const list = Array.isArray(warnings) ? warnings : [];
  const spans = list
    .map((w, i) => ({ start: w.start, end: w.end, i, w }))
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end));
  const preview = h('p', { class: 'cf-lint-text', dataset: { role: 'lint-text' } });
  highlight(preview, text, spans, (mark, r) => {
    mark.className = `cf-lint-mark cf-lint--${r.w.code}`;
    mark.title = r.w.message;
    mark.dataset.code = r.w.code;
    mark.dataset.i = String(r.i);
  });
  const items = list.map((w, i) =>
    h(
      'li',
      {
        class: 'cf-lint-item',
        dataset: { code: w.code, i: String(i) },
        onmouseenter: () => toggle(preview, i, true),
        onmouseleave: () => toggle(preview, i, false)
      },
      Number.isInteger(w.start) && Number.isInteger(w.end)
        ? h('mark', { class: `cf-lint-mark cf-lint--${w.code}`, text: String(text).slice(w.start, w.end) })
        : null,
      h('code', { class: 'cf-lint-code', text: w.code }),
      h('span', { class: 'cf-lint-msg', text: w.message })
    )
  );
  const root = h(
    'div',
    { class: 'cf-lint', lang: locale },
    preview,
    list.length ? h('ul', { class: 'cf-lint-list' }, items) : h('p', { class: 'cf-lint-ok', text: t(locale, 'lint.ok') })
  );
  clear(container).append(root);
  return root;
}

function toggle(preview, i, on) {
  for (const m of preview.querySelectorAll(`mark[data-i="${i}"]`)) m.classList.toggle('cf-lint-mark--active', on);
}
