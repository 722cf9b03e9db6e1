// Builds the ChatContext for cuifu's suggest() from what the content script
// read (or what was pasted), the shop settings and the reminders recorded
// for the order. No browser dependency: unit-tested in Node.

/** `ms` as RFC 3339 at UTC offset `offset` ("+08:00"). */
export function isoAt(ms, offset = '+08:00') {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset) || [null, '+', '08', '00'];
  const mins = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return new Date(ms + mins * 60000).toISOString().slice(0, 19) + `${m[1]}${m[2]}:${m[3]}`;
}

const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/**
 * page: {buyer:{nick}, order:{id, placedAt, amount, items, paid}|null, messages}
 * settings: {shop, templates, prefs}; record: the stored order (reminders);
 * now: RFC 3339. Returns {context, assumed}: `assumed` lists order fields
 * that were not on the page and were filled with defaults.
 */
export function buildContext(page, settings, record, now, locale) {
  const shop = clean({ ...(settings?.shop || {}) });
  const templates = (settings?.templates || []).filter((t) => t && t.id && t.text).map((t) => clean({ ...t }));
  if (templates.length) shop.templates = templates;
  const messages = (Array.isArray(page?.messages) ? page.messages : [])
    .filter((x) => x && typeof x.text === 'string' && x.text.trim())
    .map((x) => clean({ from: ['buyer', 'agent', 'system'].includes(x.from) ? x.from : 'buyer', text: x.text, at: x.at }));
  const o = page?.order || {};
  const assumed = [];
  let placedAt = o.placedAt;
  if (!placedAt) {
    placedAt = messages.find((x) => x.at)?.at || now;
    assumed.push('placedAt');
  }
  let amount = typeof o.amount === 'number' && Number.isFinite(o.amount) ? o.amount : undefined;
  if (amount === undefined) {
    amount = Number(shop.avgOrderValue) || 0;
    assumed.push('amount');
  }
  const items = (Array.isArray(o.items) ? o.items : []).map((i) => clean({ title: i.title, quantity: i.quantity, price: i.price }));
  const order = clean({ placedAt, amount, id: o.id, paid: o.paid === true ? true : undefined });
  if (items.length) order.items = items;
  const buyer = clean({ nick: page?.buyer?.nick, name: page?.buyer?.name });
  const context = { now, locale, order, messages };
  if (Object.keys(buyer).length) context.buyer = buyer;
  const reminders = (record?.reminders || []).map((r) => clean({ at: r.at, channel: r.channel, templateId: r.templateId }));
  if (reminders.length) context.reminders = reminders;
  if (Object.keys(shop).length) context.shop = shop;
  return { context, assumed };
}
