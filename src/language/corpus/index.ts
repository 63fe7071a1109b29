import type { IntentName } from '../../app/understanding.port';
import { BOUNDARIES_VOICES_CORPUS } from './boundaries.voices.corpus';
import { COMMAND_CORPUS } from './commands.corpus';
import { PARTNERS_VOICES_CORPUS } from './partners.voices.corpus';
import { PLAN_CORPUS } from './plan.corpus';
import { SCREENS_VOICES_CORPUS } from './screens.voices.corpus';

type Corpus = Partial<Record<IntentName, readonly string[]>>;

/** Every file's lines for an intent together: each file is written as a different set of voices. */
const merged = (...parts: readonly Corpus[]): Corpus => {
  const out: Partial<Record<IntentName, string[]>> = {};
  for (const part of parts) for (const [intent, lines] of Object.entries(part) as [IntentName, readonly string[]][]) (out[intent] ??= []).push(...lines);
  return out;
};

export const CORPUS: Readonly<Corpus> = merged(COMMAND_CORPUS, PLAN_CORPUS, SCREENS_VOICES_CORPUS, PARTNERS_VOICES_CORPUS, BOUNDARIES_VOICES_CORPUS);
