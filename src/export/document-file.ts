import type { Block, DocumentModel } from '../domain/document.model';
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

/** One document model as a file: every format is a rendering of the same model. */
export const renderFile = async (model: DocumentModel, format: FileFormat, provenance?: Provenance): Promise<RenderedFile> => {
  if (format === 'md') return { body: Buffer.from(renderMarkdown(model, provenance), 'utf8'), contentType: CONTENT_TYPES.md, extension: 'md' };
  // The Word library is large: loaded when the first Word file is made, not with every bot start.
  const { renderDocx } = await import('./docx/docx.renderer');
  return { body: await renderDocx(model, { provenance, charts: await drawCharts(model) }), contentType: CONTENT_TYPES.docx, extension: 'docx' };
};
