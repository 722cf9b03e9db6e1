/* tslint:disable */
/* eslint-disable */

/** What every function of this package throws on bad input. */
export interface CuifuError extends Error {
    name: "CuifuError";
    /** Stable code. */
    code: "missing_field" | "invalid_type" | "invalid_value" | "invalid_time" | "too_large" | "invalid_template" | "unparsed_lines" | "invalid_input" | "not_initialized" | "internal";
    /** JSON path of the offending field, e.g. "order.placedAt" or "messages[3].from"; "" for the whole input. */
    path: string;
}


/**
 * A fact about an item: a text, a list of texts, or a number (stock).
 */
export type FactValue = string | string[] | number;

/**
 * A line the shop wrote itself, with `{placeholder}` slots.
 */
export interface ShopTemplate {
    /**
     * Stable id, reported back as `templateId`.
     */
    id: string;
    /**
     * The text, e.g. `"{name}您好,您在{shop}拍的{item}还没付款哦"`.
     */
    text: string;
    /**
     * Only for this channel.
     */
    channel?: Channel;
    /**
     * Only for this reason.
     */
    reason?: ReasonCode;
    /**
     * Only for this locale.
     */
    locale?: Locale;
}

/**
 * A pasted line that was not understood.
 */
export interface UnparsedLine {
    /**
     * 1-based line number in the pasted text.
     */
    line: number;
    /**
     * The line as pasted.
     */
    text: string;
}

/**
 * A problem found in a context or a line.
 */
export interface Warning {
    /**
     * Stable code: lint findings (`extreme_word` … `missing_name_sms`), timing
     * notes (`no_allowed_time` …), `phone_invalid` (a mobile number in the
     * address with a digit too few or too many), `utc_times`, or `unknown_field` for a
     * field cuifu ignored.
     */
    code: "extreme_word" | "delivery_promise" | "pressure" | "argue" | "too_long_sms" | "missing_name_sms" | "rude" | "halfwidth_punct" | "sms_emoji" | "sms_link" | "sms_signature" | "sms_opt_out" | "no_allowed_time" | "calendar_not_covered" | "named_time_after_close" | "named_time_in_rest" | "wave_in_rest_time" | "phone_invalid" | "utc_times" | "unknown_field";
    /**
     * What is wrong and what to do, in the locale.
     */
    message: string;
    /**
     * UTF-16 start offset in the linted text.
     */
    start?: number;
    /**
     * UTF-16 end offset in the linted text.
     */
    end?: number;
    /**
     * JSON path of the field it is about (`unknown_field`: a field cuifu
     * does not know, ignored; check its spelling).
     */
    path?: string;
}

/**
 * A promotion day's reminder waves.
 */
export interface Campaign {
    /**
     * Name for the lines (e.g. 双11).
     */
    name?: string;
    /**
     * Wave times, `"HH:MM"` (e.g. `["10:00", "13:00"]`).
     */
    waves?: string[];
    /**
     * Days the campaign runs, `"YYYY-MM-DD"`; empty means every day.
     */
    dates?: string[];
    /**
     * Stock is really short during the campaign (allows an urgent tone).
     */
    limitedStock?: boolean;
}

/**
 * A reminder that was already sent for this order.
 */
export interface SentReminder {
    /**
     * When it was sent (RFC 3339).
     */
    at: string;
    /**
     * How it was sent.
     */
    channel: Channel;
    /**
     * Which line was used, if known.
     */
    templateId?: string;
}

/**
 * Everything cuifu knows about one unpaid order and its chat.
 */
export interface ChatContext {
    /**
     * The moment of the suggestion (RFC 3339); default: the current time.
     */
    now?: string;
    /**
     * Language of `why` and `remark`, and of the lines when the buyer has
     * written nothing (the lines follow the buyer's language); default `"zh-CN"`.
     */
    locale?: Locale;
    /**
     * The moment the lines are worded for (RFC 3339): relative words such as
     * 明天 or 还有20分钟 are computed from it; default `sendAt`. A panel
     * inserting a line now passes the current time.
     */
    linesAt?: string;
    /**
     * The unpaid order.
     */
    order: Order;
    /**
     * Who bought.
     */
    buyer?: Buyer;
    /**
     * The chat so far, oldest first.
     */
    messages?: Message[];
    /**
     * Reminders already sent for this order.
     */
    reminders?: SentReminder[];
    /**
     * The shop's settings.
     */
    shop?: Shop;
}

/**
 * Evidence for the reason: which buyer message, and the words.
 */
export interface Evidence {
    /**
     * Index into `messages`.
     */
    messageIndex: number;
    /**
     * The buyer's words that show the reason.
     */
    text: string;
    /**
     * UTF-16 offset of `text` in the message.
     */
    start: number;
    /**
     * UTF-16 end offset of `text` in the message.
     */
    end: number;
}

/**
 * Facts about an item the lines may state to answer a question.
 */
export interface ItemFacts {
    /**
     * Colours on offer, e.g. `["黑色", "灰色"]` (`colors` is read too).
     */
    colours?: FactValue;
    /**
     * Sizes on offer, e.g. `["S", "M", "L"]`.
     */
    sizes?: FactValue;
    /**
     * Stock: a count (0 is sold out) or a text such as `"现货"`.
     */
    stock?: FactValue;
    /**
     * The size chart, entries separated by `;`, e.g. `"S 155-160cm 90-100斤;M 160-167cm 100-115斤"`.
     */
    sizeChart?: FactValue;
    /**
     * Where it is made, e.g. `"浙江义乌"`.
     */
    origin?: FactValue;
}

/**
 * Form of address on the phone.
 */
export type Gender = "male" | "female";

/**
 * How a reminder reaches the buyer.
 */
export type Channel = "im" | "sms" | "phone";

/**
 * How the shop ships, to answer delivery questions without promising a date.
 */
export interface Shipping {
    /**
     * The courier, e.g. `"中通"`.
     */
    carrier?: string;
    /**
     * When orders leave, e.g. `"16:00前付款当天发"`.
     */
    dispatch?: string;
    /**
     * Where parcels leave from, e.g. `"浙江杭州"`.
     */
    shipsFrom?: string;
}

/**
 * Language of the lines and explanations.
 */
export type Locale = "zh-CN" | "zh-TW" | "en";

/**
 * One candidate reminder line.
 */
export interface Line {
    /**
     * The text to send.
     */
    text: string;
    /**
     * Which template it came from (shop templates keep their own id).
     */
    templateId: string;
    /**
     * The angle it takes: `"help"`, `"benefit"`, `"deadline"`, `"check"`, `"answer"`, `"door_open"`, `"thanks"` (a paid order), `"sorry"` (an apology to a buyer who asked for no more reminders), `"reorder"` (the order closed unpaid and the buyer wrote), or `"shop"` for the shop's own templates.
     */
    angle: "help" | "benefit" | "deadline" | "check" | "answer" | "door_open" | "thanks" | "sorry" | "reorder" | "shop";
}

/**
 * One chat message.
 */
export interface Message {
    /**
     * Who wrote it.
     */
    from: Role;
    /**
     * What was written.
     */
    text: string;
    /**
     * When it was sent (RFC 3339).
     */
    at?: string;
}

/**
 * One line of the order.
 */
export interface Item {
    /**
     * Product title as the shop lists it.
     */
    title: string;
    /**
     * How many.
     */
    quantity?: number;
    /**
     * Unit price in yuan.
     */
    price?: number;
    /**
     * What the shop knows about the item, to answer the buyer's questions.
     */
    facts?: ItemFacts;
}

/**
 * One of the shop's own answers, e.g. keywords `["顺丰", "sf"]` with the
 * text `"可以发顺丰，补差价12元就行"`.
 */
export interface ShopAnswer {
    /**
     * Words of the question, matched in the buyer's words regardless of
     * case, width and traditional or simplified characters.
     */
    keywords: string[];
    /**
     * The answer, in the buyer's language, as the agent would write it.
     */
    text: string;
}

/**
 * One order's place in the reminder queue.
 */
export interface RankedOrder {
    /**
     * Index into the list passed in.
     */
    index: number;
    /**
     * Higher first: value at risk weighed by time left.
     */
    priority: number;
    /**
     * When to send (RFC 3339); null for `stop`.
     */
    sendAt: string | null;
    /**
     * What to do with it.
     */
    action: Action;
    /**
     * When the order closes (RFC 3339).
     */
    closesAt: string;
    /**
     * Its reason code.
     */
    reason: ReasonCode;
}

/**
 * Options for [`crate::lint`].
 */
export interface LintOptions {
    /**
     * The channel the line is for; `"sms"` adds the SMS checks.
     */
    channel?: Channel;
    /**
     * Language of the warning messages; default `"zh-CN"`.
     */
    locale?: Locale;
    /**
     * The buyer's name, so `missing_name_sms` can check it.
     */
    buyerName?: string;
    /**
     * A marketing SMS (offers sent to many buyers): with `channel` `"sms"`, adds `sms_signature` (the shop name in 【】) and `sms_opt_out` (回T退订 / Reply STOP); default `false`, a reminder about the buyer's own order.
     */
    marketing?: boolean;
    /**
     * Whether `halfwidth_punct` flags half-width `, ? : ! ;` next to Chinese (seed 001 itself writes them); default `true`.
     */
    fullWidth?: boolean;
}

/**
 * Options for [`crate::parse_transcript`].
 */
export interface TranscriptOptions {
    /**
     * Nicks of the shop's agents; lines by them become `agent` messages.
     */
    agentNicks?: string[];
    /**
     * Offset for times without one, e.g. `"+08:00"` (default).
     */
    offset?: string;
    /**
     * Date for times without one, `"YYYY-MM-DD"`.
     */
    date?: string;
    /**
     * `parseTranscript` drops lines it can't read instead of throwing `unparsed_lines`.
     */
    skipUnparsed?: boolean;
}

/**
 * The advice for one unpaid order.
 */
export interface Suggestion {
    /**
     * Send now, send later, hold, or stop.
     */
    action: Action;
    /**
     * When to send (RFC 3339); null for `stop`.
     */
    sendAt: string | null;
    /**
     * When the reply goes out at `sendAt` to a buyer who is waiting for
     * one (a question, a complaint, a request for help): the reminder
     * planned after it by the rest-time rules (RFC 3339); null when there
     * is no reply first, or no allowed moment is left before the close.
     */
    followUpAt: string | null;
    /**
     * When the order closes unpaid (RFC 3339).
     */
    closesAt: string;
    /**
     * The most likely cause of non-payment.
     */
    reason: Reason;
    /**
     * How to reach the buyer.
     */
    channel: Channel;
    /**
     * The voice of the lines.
     */
    tone: Tone;
    /**
     * Candidate lines, best first.
     */
    lines: Line[];
    /**
     * Problems in the context or the lines.
     */
    warnings: Warning[];
    /**
     * Each decision explained in a sentence, in the locale.
     */
    why: string[];
    /**
     * The note to record on the order (结果备注).
     */
    remark: string;
    /**
     * Whether a reminder was already sent for this order (`reminders` is not
     * empty): a headline says 再发 / "send again" only then.
     */
    isRepeat: boolean;
}

/**
 * The buyer, as far as the shop knows.
 */
export interface Buyer {
    /**
     * Real name or how the buyer likes to be addressed (e.g. 王丽).
     */
    name?: string;
    /**
     * Platform nickname.
     */
    nick?: string;
    /**
     * Has bought here before.
     */
    returning?: boolean;
    /**
     * Who the buyer is, for SMS timing.
     */
    audience?: Audience;
    /**
     * `"male"` / `"female"` when known, for 先生/女士 on the phone.
     */
    gender?: Gender;
    /**
     * The language of the lines, overriding the one read from the buyer's messages.
     */
    locale?: Locale;
    /**
     * The buyer asked for no SMS (回T退订 / replied STOP): never an SMS
     * reminder to them, whatever the shop's `sms`; default `false`.
     */
    smsOptOut?: boolean;
}

/**
 * The most likely cause of non-payment.
 */
export type ReasonCode = "insufficient_balance" | "forgot_password" | "novice_buyer" | "payment_system_issue" | "payment_trouble" | "price_bargain" | "shipping_fee" | "product_doubt" | "comparing_shops" | "waiting_reply" | "service_unhappy" | "order_merge" | "gift_or_promo" | "delivery_question" | "changed_mind" | "silent_order" | "unknown";

/**
 * The order the buyer placed but has not paid.
 */
export interface Order {
    /**
     * When the buyer placed the order (RFC 3339).
     */
    placedAt: string;
    /**
     * Order value in yuan (≥ 0).
     */
    amount: number;
    /**
     * The seller's last change of price or terms (restarts the close timer).
     */
    termsChangedAt?: string;
    /**
     * Explicit close time (flash sales); overrides the computed one.
     */
    closesAt?: string;
    /**
     * What was ordered.
     */
    items?: Item[];
    /**
     * Already paid.
     */
    paid?: boolean;
    /**
     * The shipping address on the order, for the address check (核对地址,
     * 001); without it the line leaves a slot for the agent to paste it.
     */
    address?: string;
    /**
     * The shop's order number, if known (for the remark and ranking).
     */
    id?: string;
}

/**
 * The shop's settings; every field is optional and has a default.
 */
export interface Shop {
    /**
     * Shop name for the lines.
     */
    name?: string;
    /**
     * Typical order value, to tell big orders.
     */
    avgOrderValue?: number;
    /**
     * Gross margin 0..1, for channel ROI.
     */
    margin?: number;
    /**
     * Unpaid orders close this long after order/terms change; default 72.
     */
    closeAfterHours?: number;
    /**
     * No reminders before this time of day, `"HH:MM"`; default `"10:00"`.
     */
    quietBefore?: string;
    /**
     * No reminders after this time of day, `"HH:MM"`; default `"22:00"`.
     */
    quietAfter?: string;
    /**
     * No reminders inside, `["HH:MM", "HH:MM"]`; default `["12:00", "13:30"]`.
     */
    lunchBreak?: string[];
    /**
     * Weekdays that are rest days (0 = Sunday); default `[6, 0]`.
     */
    restDays?: number[];
    /**
     * Extra rest days, `"YYYY-MM-DD"`, on top of the built-in calendar.
     */
    holidays?: string[];
    /**
     * Make-up workdays, `"YYYY-MM-DD"`, on top of the built-in calendar.
     */
    workdays?: string[];
    /**
     * A promotion day's reminder waves.
     */
    campaign?: Campaign;
    /**
     * Gifts the shop really offers.
     */
    gifts?: string[];
    /**
     * A coupon or discount the shop really offers.
     */
    coupon?: string;
    /**
     * The shop offers 7-day no-reason returns.
     */
    sevenDayReturn?: boolean;
    /**
     * The shop ships on the day of payment.
     */
    sameDayShipping?: boolean;
    /**
     * How the shop ships (courier, dispatch time, ships-from).
     */
    shipping?: Shipping;
    /**
     * The shop's own answers to questions buyers ask (keyword replies): when
     * the buyer's open question holds one of an answer's `keywords`, the
     * first line answers with its `text`.
     */
    answers?: ShopAnswer[];
    /**
     * Link to put in IM lines.
     */
    paymentLink?: string;
    /**
     * Opt-out suffix for SMS (e.g. `回T退订`).
     */
    smsOptOut?: string;
    /**
     * The shop's own lines, `{placeholder}` syntax.
     */
    templates?: ShopTemplate[];
    /**
     * Cap on reminders per order; default by order size (2 small, 3 big).
     */
    maxReminders?: number;
    /**
     * Minimum minutes between two reminders; default 120.
     */
    minGapMinutes?: number;
    /**
     * Minutes after the order for the hidden address-check reminder; default 10.
     */
    hiddenReminderMinutes?: number;
    /**
     * Hours before the close for the last-chance reminder; default 3.
     */
    lastChanceHours?: number;
    /**
     * The shop's UTC offset, e.g. `"+08:00"`; default: the offset of `now`, else of `order.placedAt`, else +08:00.
     */
    utcOffset?: string;
    /**
     * Agent's name for phone scripts (e.g. 乐乐).
     */
    agentName?: string;
    /**
     * Cap on reminders for a big order; default `maxReminders` + 1 (001: a big order may get a second reminder).
     */
    maxRemindersBig?: number;
    /**
     * An order is big from this multiple of `avgOrderValue`; default 2.
     */
    bigOrderFactor?: number;
    /**
     * Phone calls only when `margin` is at least this (001 ROI); default 0.15.
     */
    phoneMinMargin?: number;
    /**
     * A call also pays when the order's profit (`amount` × `margin`) reaches this many yuan, however thin the margin (001 ROI: a 6,880 yuan laptop at 12% is worth a call, a phone top-up at 2% is not); default 300.
     */
    phoneMinProfit?: number;
    /**
     * Order-time slots (001), `"HH:MM"`: ends of late night, morning, afternoon, evening; default `["06:00", "12:00", "17:00", "22:00"]`.
     */
    orderSlots?: string[];
    /**
     * SMS windows for office workers, `"HH:MM-HH:MM"` (001: lunch, before leaving work); default `["12:00-13:30", "17:00-18:00"]`.
     */
    smsOfficeWindows?: string[];
    /**
     * SMS to students and others before this time (001); default `"22:00"`.
     */
    smsLatest?: string;
    /**
     * Minutes before the time the buyer named to remind them (001: 提前再次催付); default 10.
     */
    namedTimeLeadMinutes?: number;
    /**
     * Whether the shop sends SMS reminders at all; default `true` (`false`:
     * never SMS, e.g. no SMS account or no consent).
     */
    sms?: boolean;
    /**
     * Hours an IM reminder may go unanswered (the buyer has not written
     * since) before the next reminder goes by SMS (001: IM is missed while the
     * buyer is offline); default 3.
     */
    smsAfterHours?: number;
    /**
     * Whether the reply to a buyer who writes during quiet hours (before
     * `quietBefore` or after `quietAfter`) goes at once; default `true`: the
     * seeds keep quiet hours, the lunch break and rest days for reminders
     * (000/003) and say nothing against answering a buyer who is online and
     * waiting. `false`: the reply waits for `quietBefore`. Lunch breaks and
     * rest days never delay a reply; the reminder after it keeps every rule.
     */
    answerAtNight?: boolean;
    /**
     * Whether a big silent order (no chat before ordering) is phoned for
     * its first reminder. The seeds differ: 000 says a big amount can get a
     * call (金额比较大的可以打电话咨询); 001 contacts every unpaid order on IM
     * first, with an address check (拍下后10分钟…旺旺…核对地址). Default
     * `false`: IM first, the call for the follow-up; `true`: call first.
     * Campaign waves call big orders either way (001).
     */
    phoneFirst?: boolean;
    /**
     * Hours of space after a buyer says they will think it over (我再想想)
     * before one gentle reminder (000: don't force the buyer); from 0 to 72,
     * default 3. The reminder still comes before the close, at an allowed
     * moment.
     */
    hesitationHours?: number;
    /**
     * Whether a buyer who says after a reminder that they are still
     * thinking it over (还在考虑, will let you know) gets another
     * reminder. Default `false`: the one gentle reminder after the space
     * has gone, so no more are planned and the reply says take your time
     * (000: don't force the buyer; 001: never too often).
     */
    remindStillDeciding?: boolean;
    /**
     * Whether a time the buyer named for paying late in the evening, after
     * `quietAfter` on a working day (晚上十点半下班再付), is reminded
     * `namedTimeLeadMinutes` before it that evening, as the buyer said
     * they will be up and paying then. Default `false`: the quiet hours of
     * 000/003 hold and the reminder goes at the first allowed moment after
     * it, the next morning (supervisors differ here: one wants no late
     * ping, another the reminder just before the buyer's own time).
     */
    namedTimeLateEvening?: boolean;
    /**
     * After an answer to the buyer's question, the least minutes before the
     * reminder that follows it inside the order's time slot (001: a
     * morning order is reminded before 12:00, an afternoon one before
     * 17:00, an evening one before 22:00); default 30. That reminder goes
     * 20 minutes before the slot ends (or this long after the answer, if
     * later, while 10 minutes of the slot are left); with less room, after
     * the minimum gap in the usual hours.
     */
    answerFollowUpMinutes?: number;
    /**
     * Whether the reminder after an answer is planned when the answer is
     * still the agent's to find (the line holds a 【…】 slot for the buyer's
     * question). Default `true`: 001 reminds after an answer within the
     * order's time slot, and supervisors reviewing the lines wanted that
     * reminder in most such chats. `false`: no reminder is planned with
     * that reply, for shops whose answers often decide whether the buyer
     * buys at all (does it fit, does it reach my town); the suggestion made
     * after the agent has answered plans it. A campaign wave is planned
     * either way (001).
     */
    followUpOpenAnswer?: boolean;
}

/**
 * The voice of the lines.
 */
export type Tone = "playful" | "warm" | "reassuring" | "gentle" | "formal" | "urgent";

/**
 * What `parseTranscript` made of the pasted text.
 */
export interface Transcript {
    /**
     * The messages it recognised, oldest first.
     */
    messages: Message[];
    /**
     * The buyer's nick, when one was seen.
     */
    buyerNick?: string;
    /**
     * Lines it could not parse, with their 1-based line number.
     */
    unparsed: UnparsedLine[];
}

/**
 * What the agent should do now.
 */
export type Action = "send_now" | "schedule" | "hold" | "stop";

/**
 * Who the buyer is, for SMS timing.
 */
export type Audience = "office" | "student" | "other";

/**
 * Who wrote a chat message.
 */
export type Role = "buyer" | "agent" | "system";

/**
 * Why the buyer has not paid, with how sure cuifu is.
 */
export interface Reason {
    /**
     * The most likely cause.
     */
    code: ReasonCode;
    /**
     * 0..1; low when the evidence is weak.
     */
    confidence: number;
    /**
     * The buyer's words that show it.
     */
    evidence: Evidence[];
    /**
     * Other concerns the buyer's open messages show (several in one
     * message, or one per message), most likely first; empty for
     * `unknown` and `silent_order`.
     */
    others: ReasonCode[];
}


/**
 * Checks shop templates (`{placeholder}` syntax) before saving them; returns nothing when they are valid.
 *
 * @throws {CuifuError} `invalid_template` with the path `shop.templates[i].text` and the character position.
 */
export function checkTemplates(templates: ShopTemplate[]): void;

/**
 * Checks a reminder line for 极限词, delivery promises, pressure, arguing and SMS rules; spans are UTF-16 offsets.
 *
 * @throws {CuifuError} when `text` is not a string or is too long.
 */
export function lint(text: string, options?: LintOptions | null): Warning[];

/**
 * Turns chat text copied from a seller IM window into messages.
 *
 * @throws {CuifuError} `unparsed_lines` when a line can't be read (unless `skipUnparsed`), `too_large`.
 */
export function parseTranscript(text: string, options?: TranscriptOptions | null): Message[];

/**
 * Ranks unpaid orders by value at risk and time left, best first.
 *
 * @throws {CuifuError} for the first invalid context, its index leading the path (`[3].order.placedAt`).
 */
export function rankOrders(contexts: ChatContext[]): RankedOrder[];

/**
 * Reads chat text copied from a seller IM window: the messages, the buyer's nick, and the lines it could not read.
 *
 * @throws {CuifuError} `too_large` when the text is over the limit.
 */
export function readTranscript(text: string, options?: TranscriptOptions | null): Transcript;

/**
 * Suggests the next payment reminder for one unpaid order: action, time, channel, tone, lines and why.
 *
 * ```javascript
 * const s = suggest({ order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99 } });
 * console.log(s.action, s.sendAt, s.lines[0].text);
 * ```
 *
 * @throws {CuifuError} when the context is invalid.
 */
export function suggest(context: ChatContext): Suggestion;

/**
 * The version of this package.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly checkTemplates: (a: any) => [number, number];
    readonly lint: (a: any, b: number) => [number, number, number];
    readonly parseTranscript: (a: any, b: number) => [number, number, number];
    readonly rankOrders: (a: any) => [number, number, number];
    readonly readTranscript: (a: any, b: number) => [number, number, number];
    readonly start: () => void;
    readonly suggest: (a: any) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
