import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import { INTENTS, type IntentName, type PlanVocabulary, type Understanding, type Understood } from '../app/understanding.port';
import { COMMAND_CORPUS } from './corpus/commands.corpus';
import { PLAN_CORPUS } from './corpus/plan.corpus';
import { entitiesIn, masked } from './entities';
import { spellCorrector, tidy, words } from './text';

export const CORPUS: Readonly<Partial<Record<IntentName, readonly string[]>>> = { ...COMMAND_CORPUS, ...PLAN_CORPUS };

/** Politeness that says nothing about what is wanted. */
const POLITE = /^(?:(?:hi|hello|hey|ok|okay|right)\s+)?(?:please\s+)?(?:(?:could|can|would|will) you(?: please)?\s+|(?:i(?:d| would) like to|i want to|i need to|can i|could i)\s+(?=(?:see|look|check|know|view)\b)(?:see|look at|check|know|view)\s+)?|\s+(?:please|thanks|thank you|cheers|for me)$/g;

/** Small talk and other errands, so a message about neither the plan nor the bot is not forced into a screen. */
const OFF_TOPIC = ['whats the weather', 'tell me a joke', 'what time is it', 'who won the football', 'order a pizza', 'book a meeting room', 'lol', 'testing testing'];

/** Words every plan may name, so the spelling fixer never "corrects" them away. */
const EXTRA_WORDS = 'ehcp ehcps sro pcf cyp icb dcs ceo cfo dfe send red amber green quarter workstream signatory section question goal this last next previous current goals families parents carers young people waiting delays long plan risk'.split(' ');

const isIntent = (name: string): name is IntentName => (INTENTS as readonly string[]).includes(name);

/**
 * Trains the classifier from the corpus in this folder, in process and offline, once: call it at
 * start-up and share the result. Values (workstreams, quarters, sections) are read by rules
 * against the current plan, not learnt, so a renamed workstream needs no retraining.
 */
export const createNlpUnderstanding = async (): Promise<Understanding> => {
  const container = await containerBootstrap();
  container.use(LangEn);
  const nlp = new Nlp({ languages: ['en'], log: false, autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false } }, container);
  nlp.settings.log = false;
  nlp.settings.autoSave = false;
  const vocabulary = new Set(EXTRA_WORDS);
  for (const [intent, lines] of Object.entries(CORPUS)) {
    for (const line of lines ?? []) {
      const t = masked(tidy(line), undefined);
      [...words(line), ...words(t)].forEach((w) => vocabulary.add(w));
      nlp.addDocument('en', t, intent);
    }
  }
  for (const line of OFF_TOPIC) nlp.addDocument('en', line, 'None');
  await nlp.train();
  const correct = spellCorrector(vocabulary);

  return {
    async understand(text: string, plan?: PlanVocabulary): Promise<Understood> {
      for (const w of plan?.workstreams ?? []) words(w.name).forEach((x) => vocabulary.add(x));
      const t = correct(tidy(text).replace(POLITE, ' ').trim());
      const entities = entitiesIn(t === tidy(text) ? text : t, plan);
      // The classifier alone: nlp.js's own entity, sentiment and answer stages are not used here and cost twice as much.
      const result = await nlp.nluManager.process('en', masked(t, plan) || t);
      const ranked = (result.classifications ?? []).filter((c) => isIntent(c.intent)).map((c) => ({ intent: c.intent as IntentName, score: c.score }));
      const top = ranked[0];
      const intent = top && result.intent !== 'None' ? top.intent : 'none';
      return {
        intent,
        score: top?.score ?? 0,
        entities: { ...entities, said: entitiesIn(text, plan).said },
        alternatives: ranked.slice(intent === 'none' ? 0 : 1, 4),
      };
    },
  };
};

let shared: Promise<Understanding> | undefined;
/** One trained model per process: training is the slow part, and every bot in the process may share it. */
export const sharedUnderstanding = (): Promise<Understanding> => (shared ??= createNlpUnderstanding());
