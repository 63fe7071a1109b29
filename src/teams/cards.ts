import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths';
import { compileCardTemplate } from './card-template';

/** Teams refuses a message whose card is over about 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;

export const CARD_NAMES = ['help', 'status', 'notice', 'sections', 'section', 'row', 'conflict', 'saved', 'assign', 'assigned', 'tasks', 'check', 'check-group', 'requirement', 'form', 'history', 'reminder', 'list', 'update', 'report', 'signoff', 'signoff-start', 'feedback-item', 'feedback-list', 'download', 'spend', 'spend-saved', 'suggestion', 'team-welcome', 'channel-post', 'people', 'person'] as const;
export type CardName = (typeof CARD_NAMES)[number];

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export class CardTooLargeError extends Error {
  constructor(
    readonly card: CardName,
    readonly bytes: number,
  ) {
    super(`The ${card} card is ${bytes} bytes, over the ${MAX_CARD_BYTES}-byte limit Teams allows`);
    this.name = 'CardTooLargeError';
  }
}

/** Each template read and compiled once per process (card-template.ts); it binds to any data again and again. */
const templates = new Map<CardName, (data: object) => unknown>();

export const templatePath = (name: CardName): string => fromRoot('adaptive-cards', `${name}.json`);

const loadTemplate = (name: CardName): ((data: object) => unknown) => {
  let template = templates.get(name);
  if (!template) {
    template = compileCardTemplate(JSON.parse(readFileSync(templatePath(name), 'utf8')));
    templates.set(name, template);
  }
  return template;
};

/** Lets scripts/card-samples.ts record real data as each template's sample (<name>.data.json). */
export const sampleRecorder: { record: ((name: CardName, data: object) => void) | null } = { record: null };

/** What a card is fitted to, in UTF-8 bytes: under the limit, with room for the activity around it. */
export const CARD_BUDGET_BYTES = 26 * 1024;

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** `text` cut to at most `maxBytes` UTF-8 bytes, at a word where one is near, ending with an ellipsis. */
export const truncateAtWord = (text: string, maxBytes: number): string => {
  if (utf8Bytes(text) <= maxBytes) return text;
  const budget = Math.max(0, maxBytes - utf8Bytes('…'));
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const b = utf8Bytes(ch);
    if (bytes + b > budget) break;
    out += ch;
    bytes += b;
  }
  const lastSpace = out.search(/\s\S*$/);
  if (lastSpace > out.length * 0.6) out = out.slice(0, lastSpace);
  return `${out.trimEnd()}…`;
};

/**
 * Keys whose strings are never shortened: what an input holds (`value`: the person's own text,
 * which a submit would otherwise cut) and what an action sends back (`data`, `id`, `verb`).
 */
const KEEP_WHOLE = new Set(['value', 'data', 'id', 'verb', 'verbs']);

const shortenStrings = (node: unknown, maxBytes: number): unknown => {
  if (typeof node === 'string') return truncateAtWord(node, maxBytes);
  if (Array.isArray(node)) return node.map((n) => shortenStrings(n, maxBytes));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, KEEP_WHOLE.has(k) ? v : shortenStrings(v, maxBytes)]));
  }
  return node;
};

/**
 * At least as many bytes as the value's JSON takes in UTF-8: each UTF-16 unit of a string counted
 * as the most it can take (six, as a \u escape), a number or boolean as the longest. Infinity for
 * anything that is not plain data.
 */
const jsonBytesAtMost = (value: unknown): number => {
  if (typeof value === 'string') return 6 * value.length + 2;
  if (typeof value === 'number' || typeof value === 'boolean') return 24;
  if (value === null || value === undefined) return 4;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) bytes += jsonBytesAtMost(item) + 1;
    return bytes;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return Infinity;
  // Own enumerable keys, as JSON.stringify takes them (a plain object inherits none), without a pair made for each.
  for (const key in value) bytes += 6 * key.length + 2 + jsonBytesAtMost((value as Record<string, unknown>)[key]) + 2;
  return bytes;
};

/** A card's size as sent (its JSON in UTF-8), worked out exactly only when a quick bound does not already put it within the budget. */
const sizeOf = (card: AdaptiveCardJson): number => {
  const most = jsonBytesAtMost(card);
  return most <= CARD_BUDGET_BYTES ? most : utf8Bytes(JSON.stringify(card));
};

const expand = (name: CardName, data: object): { card: AdaptiveCardJson; bytes: number } => {
  const card = loadTemplate(name)(data) as AdaptiveCardJson;
  return { card, bytes: sizeOf(card) };
};

/** Whether a card with this data fits the budget once long texts are shortened. */
export const cardFits = (name: CardName, data: object): boolean => {
  try {
    renderCard(name, data, false);
    return true;
  } catch (error) {
    if (error instanceof CardTooLargeError) return false;
    throw error;
  }
};

/**
 * Bind a template from adaptive-cards/ to its data, budgeted in UTF-8 bytes: when the card is
 * over budget, long texts shown on it are cut at a word with an ellipsis, more each round; a card
 * still over Teams' limit is an error here (lists page themselves before they get that far).
 */
export function renderCard(name: CardName, data: object, record = true): AdaptiveCardJson {
  if (record) sampleRecorder.record?.(name, data);
  let { card, bytes } = expand(name, data);
  for (const maxBytes of [4000, 2000, 1000, 500, 250, 120]) {
    if (bytes <= CARD_BUDGET_BYTES) break;
    ({ card, bytes } = expand(name, shortenStrings(data, maxBytes) as object));
  }
  if (bytes > MAX_CARD_BYTES) throw new CardTooLargeError(name, bytes);
  return card;
}

/** Whether a card fits the budget with every text whole: for views that choose how much to carry before anything is cut. */
export const cardFitsWhole = (name: CardName, data: object): boolean => expand(name, data).bytes <= CARD_BUDGET_BYTES;
