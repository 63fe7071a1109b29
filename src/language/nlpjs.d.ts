// @nlpjs ships no types: only what this folder uses.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
  }
  export const containerBootstrap: () => Promise<Container>;
}
declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';
  export interface NlpResult {
    readonly intent: string;
    readonly score: number;
    readonly classifications?: readonly { readonly intent: string; readonly score: number }[];
  }
  export class Nlp {
    constructor(settings: Record<string, unknown>, container?: Container);
    settings: Record<string, unknown>;
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    /** The trained model as JSON text (minified), and back. */
    export(minified?: boolean): string;
    import(data: string): void;
    process(locale: string, utterance: string): Promise<NlpResult>;
    readonly nluManager: { process(locale: string, utterance: string): Promise<NlpResult> };
  }
}
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
  /** nlp.js's Porter stemmer for English. */
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/similarity' {
  /** nlp.js's spelling corrector: the nearest known word within `distance` edits, or the word itself. */
  export class SpellCheck {
    constructor(settings?: { features?: Record<string, number>; minLength?: number });
    checkToken(token: string, distance: number): string;
  }
}
