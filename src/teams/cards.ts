import { Template } from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths';

/** Teams refuses a message whose card is over about 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;

export const CARD_NAMES = ['help', 'status', 'notice', 'sections', 'section', 'row', 'conflict', 'saved', 'assign', 'assigned', 'tasks', 'check', 'check-group', 'requirement', 'form', 'history', 'reminder', 'list', 'update', 'report', 'signoff', 'signoff-start', 'feedback-item', 'feedback-list', 'download', 'spend', 'spend-saved'] as const;
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

const templates = new Map<CardName, unknown>();

export const templatePath = (name: CardName): string => fromRoot('adaptive-cards', `${name}.json`);

const loadTemplate = (name: CardName): unknown => {
  let template = templates.get(name);
  if (!template) {
    template = JSON.parse(readFileSync(templatePath(name), 'utf8'));
    templates.set(name, template);
  }
  return template;
};

/** Lets scripts/card-samples.ts record real data as each template's sample (<name>.data.json). */
export const sampleRecorder: { record: ((name: CardName, data: object) => void) | null } = { record: null };

/** Bind a template from adaptive-cards/ to its data; a card Teams would refuse is an error here. */
export const renderCard = (name: CardName, data: object): AdaptiveCardJson => {
  sampleRecorder.record?.(name, data);
  const card = new Template(loadTemplate(name)).expand({ $root: data }) as AdaptiveCardJson;
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes > MAX_CARD_BYTES) throw new CardTooLargeError(name, bytes);
  return card;
};
