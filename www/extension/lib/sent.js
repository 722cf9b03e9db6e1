// Sent detection: whether a line the panel inserted shows up in the chat as
// the agent's own message. The agent may fill a 【…】 slot or trim spaces
// before sending, so the line's fixed parts must appear, in order. No
// browser dependency: unit-tested in Node.

const squeeze = (s) => String(s || '').replace(/\s+/g, '');

/** Whether `message` is `line` as sent: its text outside 【…】 slots, in order. */
export function isSent(message, line) {
  const msg = squeeze(message);
  const parts = squeeze(line)
    .split(/【[^】]*】/)
    .filter((p) => p.length > 0);
  if (!parts.length || !msg) return false;
  let from = 0;
  for (const p of parts) {
    const i = msg.indexOf(p, from);
    if (i < 0) return false;
    from = i + p.length;
  }
  return true;
}

/** How many of the agent's messages are `line` as sent. */
export function sentMatches(messages, line) {
  return (Array.isArray(messages) ? messages : []).filter((x) => x?.from === 'agent' && isSent(x.text, line)).length;
}
