import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import { INTENTS, type IntentName, type PlanVocabulary, type Understanding, type Understood } from '../app/understanding.port';
import { quarter } from '../domain/quarters';
import { askedErrand, asksToSee, isQuestion } from './chat.entity';
import { CORPUS } from './corpus';
import { CORPUS_NAMES } from './corpus/names';
import { entitiesIn, masked, saidIn } from './entities';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSoftmax, trainSoftmax, type SoftmaxModel } from './softmax.classifier';
import { spellCorrector, tidy, words } from './text';

export { CORPUS };

/** Politeness that says nothing about what is wanted. */
const POLITE = /^(?:(?:hi|hello|hey|ok|okay|right)\s+)?(?:please\s+)?(?:(?:could|can|would|will) you(?: please)?\s+|(?:i(?:d| would) like to|i want to|i need to|can i|could i)\s+(?=(?:see|look|check|know|view)\b)(?:see|look at|check|know|view)\s+)?|\s+(?:please|thanks|thank you|cheers|for me)$/g;

/** Words every plan may name, so the spelling fixer never "corrects" them away. */
const EXTRA_WORDS = 'ehcp ehcps sro pcf cyp icb dcs ceo cfo dfe send red amber green quarter workstream signatory section question goal this last next previous current goals families parents carers young people waiting delays long plan risk someone date lsrp'.split(' ');

/**
 * How much of a reading is the softmax's, the rest nlp.js's: together they were right more often on
 * the blind validation set than either alone (npm run bench -- --language validation).
 */
const BLEND = 0.7;

/** Training reads the corpus's names and dates as the bot reads a real message's. */
const TRAINING: PlanVocabulary = { workstreams: [], risks: [], currentQuarter: quarter(2026, 3), people: CORPUS_NAMES, today: '2026-12-06' };

const isIntent = (name: string): name is IntentName => (INTENTS as readonly string[]).includes(name);

/**
 * Trains the classifier from the corpus in this folder, in process and offline, once: call it at
 * start-up and share the result. Values (workstreams, quarters, sections, people, dates) are read
 * by rules against the current plan and roster, not learnt, so nothing needs retraining.
 */
export const createNlpUnderstanding = async (options: { cacheDir?: string } = {}): Promise<Understanding> => {
  const vocabulary = new Set(EXTRA_WORDS);
  const examples: { text: string; label: string }[] = [];
  for (const [intent, lines] of Object.entries(CORPUS)) {
    for (const line of lines ?? []) {
      const t = masked(tidy(line), TRAINING);
      [...words(line), ...words(t)].forEach((w) => vocabulary.add(w));
      examples.push({ text: t, label: intent });
    }
  }
  const { nlp, softmax } = await trained(examples, options.cacheDir);
  const correct = spellCorrector(vocabulary);

  return {
    async understand(text: string, plan?: PlanVocabulary): Promise<Understood> {
      for (const w of plan?.workstreams ?? []) words(w.name).forEach((x) => vocabulary.add(x));
      for (const p of plan?.people ?? []) words(p.name).forEach((x) => vocabulary.add(x).add(`${x}s`));
      const tidied = tidy(text);
      const t = correct(tidied.replace(POLITE, ' ').trim());
      const entities = entitiesIn(t === tidied ? text : t, plan);
      // The classifier alone: nlp.js's own entity, sentiment and answer stages are not used here and cost twice as much.
      const m = masked(t, plan) || t;
      const result = await nlp.nluManager.process('en', m);
      const blended = new Map<string, number>();
      for (const c of result.classifications ?? []) if (isIntent(c.intent)) blended.set(c.intent, (1 - BLEND) * c.score);
      for (const c of softmax.classify(m)) blended.set(c.label, (blended.get(c.label) ?? 0) + BLEND * c.score);
      const ranked = [...blended].filter(([i, s]) => isIntent(i) && s > 0.001).map(([intent, score]) => ({ intent: intent as IntentName, score })).sort((a, b) => b.score - a.score);
      const top = ranked[0];
      return {
        intent: top?.intent ?? 'none',
        score: top?.score ?? 0,
        entities: { ...entities, said: saidIn(text) },
        alternatives: ranked.slice(1),
        question: isQuestion(text, tidied),
        toSee: asksToSee(text, tidied),
        asksErrand: askedErrand(text) !== undefined,
      };
    },
  };
};

const newNlp = async (): Promise<Nlp> => {
  const container = await containerBootstrap();
  container.use(LangEn);
  const nlp = new Nlp({ languages: ['en'], log: false, autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false } }, container);
  nlp.settings.log = false;
  nlp.settings.autoSave = false;
  return nlp;
};

/** Bumped when what is kept changes shape; the examples themselves are in the key, so a corpus change retrains. */
const MODEL_FORMAT = 'nlpjs+softmax/1';

/**
 * Both classifiers, trained from the examples, or loaded from `cacheDir` when the same examples
 * were trained before there. A file that cannot be read as a model is trained over, never trusted.
 */
const trained = async (examples: readonly { text: string; label: string }[], cacheDir: string | undefined): Promise<{ nlp: Nlp; softmax: SoftmaxModel }> => {
  const key = createHash('sha256').update(MODEL_FORMAT).update(JSON.stringify(examples)).digest('hex').slice(0, 32);
  const file = cacheDir ? join(cacheDir, `language-model-${key}.json`) : null;
  if (file) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { nlp?: unknown; softmax?: unknown };
      const softmax = loadSoftmax(saved.softmax);
      if (softmax && typeof saved.nlp === 'string') {
        const nlp = await newNlp();
        nlp.import(saved.nlp);
        return { nlp, softmax };
      }
    } catch {
      // No model kept yet, or one that cannot be read: train.
    }
  }
  const nlp = await newNlp();
  for (const e of examples) nlp.addDocument('en', e.text, e.label);
  await nlp.train();
  const softmax = trainSoftmax(examples);
  if (file && cacheDir) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Written aside and renamed, so a process reading at the same moment never sees half a file.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify({ nlp: nlp.export(true), softmax: softmax.save() }));
      renameSync(partial, file);
    } catch {
      // Keeping the model only saves time: a failure to keep it changes nothing else.
    }
  }
  return { nlp, softmax };
};

let shared: Promise<Understanding> | undefined;
/**
 * One trained model per process: training is the slow part, and every bot in the process may share
 * it. SEND_PLAN_LANGUAGE_CACHE (set by the test run's global setup, never needed in production)
 * keeps it between processes, so forty test files do not train forty times.
 */
export const sharedUnderstanding = (): Promise<Understanding> => (shared ??= createNlpUnderstanding({ cacheDir: process.env.SEND_PLAN_LANGUAGE_CACHE || undefined }));
