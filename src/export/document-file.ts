import type { Block, DocumentModel } from '../domain/document.model';
import { DomainError } from '../domain/errors';
import type { ChartPngs } from './docx/docx.renderer';
import { renderMarkdown } from './markdown.renderer';
import type { Provenance } from './provenance';

export type FileFormat = 'docx' | 'md';

export interface RenderedFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly extension: FileFormat;
}

export const CONTENT_TYPES: Record<FileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

/** Charts are drawn only when a document has some: the plan itself never loads the chart renderer. */
const drawCharts = async (model: DocumentModel): Promise<ChartPngs> => {
  const blocks = model.blocks.filter((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart');
  if (!blocks.length) return new Map();
  const { renderChartPng } = await import('./charts/chart.render');
  const images = await Promise.all(blocks.map((b) => renderChartPng(b.chart)));
  return new Map(blocks.map((b, i) => [b, images[i]!]));
};

/**
 * The most text a Word file is made from in the bot's own process. The Word library holds the whole
 * document several times over while it packs it (about 130 bytes of heap per character measured):
 * a model of 650,000 characters took 85 MB on top of the bot's 65 MB. Under the production heap cap
 * (src/node-options.ts) a larger one could end the process for everyone, so it is refused instead.
 */
export const MAX_WORD_CHARACTERS = 1_000_000;

/** The size of a document model as the Word library sees it: the characters of its JSON. */
export const documentCharacters = (model: DocumentModel): number => JSON.stringify(model).length;

export const wordFits = (model: DocumentModel): boolean => documentCharacters(model) <= MAX_WORD_CHARACTERS;

/** Word files are made one at a time: two at once would need twice the memory the cap leaves. */
let wordQueue: Promise<unknown> = Promise.resolve();
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const turn = wordQueue.then(work, work);
  wordQueue = turn.catch(() => undefined);
  return turn;
};

/** One document model as a file: every format is a rendering of the same model. */
export const renderFile = async (model: DocumentModel, format: FileFormat, provenance?: Provenance, options: { wholeProcess?: boolean } = {}): Promise<RenderedFile> => {
  if (format === 'md') return { body: Buffer.from(renderMarkdown(model, provenance), 'utf8'), contentType: CONTENT_TYPES.md, extension: 'md' };
  // The command line has a process of its own to spend, and no one else waiting on it.
  if (!options.wholeProcess && !wordFits(model)) throw new DomainError('DOCUMENT.TOO_LARGE', 'The document is too large to make as a Word file here.', { characters: documentCharacters(model), max: MAX_WORD_CHARACTERS });
  // The Word library is large: loaded when the first Word file is made, not with every bot start.
  const { renderDocx } = await import('./docx/docx.renderer');
  return oneAtATime(async () => ({ body: await renderDocx(model, { provenance, charts: await drawCharts(model) }), contentType: CONTENT_TYPES.docx, extension: 'docx' }));
};
