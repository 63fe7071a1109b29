import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ChartData } from '../../domain/report-charts.model';
import { chartFonts, type ChartFonts } from './chart.fonts';
import { chartSpec } from './chart.specs';
import { readAdvances, textWidth } from './chart.text-width';

export { chartAltText } from './chart.alt-text';

export interface ChartPng {
  readonly png: Buffer;
  /** Pixels of the PNG, i.e. after the zoom (2x, or less for a very large chart). */
  readonly width: number;
  readonly height: number;
  readonly svg: string;
}

/** Twice the spec's pixels, so the picture stays sharp when Word prints it at 16 cm. */
const ZOOM = 2;
/**
 * At most this many pixels in one picture (24 MB of RGBA while it is drawn): a chart of thirty
 * workstreams is drawn at less than twice its size rather than at 8,000 × 12,000 pixels, which
 * took the highlight report to a gigabyte of memory outside the JavaScript heap
 * (npm run bench -- --documents). Word prints it at the same size either way.
 */
const MAX_PIXELS = 6_000_000;

/** The zoom for an SVG of this size: twice, or less for a very large chart. */
export const zoomFor = (width: number, height: number): number =>
  width > 0 && height > 0 ? Math.min(ZOOM, Math.sqrt(MAX_PIXELS / (width * height))) : ZOOM;

const svgSize = (svg: string): { width: number; height: number } => {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const number = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return { width: number('width'), height: number('height') };
};

// vega-scenegraph's measuring hook; vega's typings leave it out.
type TextMetrics = { width: ReturnType<typeof textWidth> };
let measuring = false;

const measureWith = (fonts: ChartFonts) => {
  if (measuring) return;
  measuring = true;
  try {
    const regular = readAdvances(fonts.regular);
    (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = textWidth(regular, fonts.bold ? readAdvances(fonts.bold) : regular);
  } catch {
    // A font we cannot read metrics from still draws: vega's estimate only spaces things loosely.
  }
};

/** A chart as SVG, drawn headless by vega (no browser, no canvas). */
export const renderChartSvg = async (chart: ChartData): Promise<string> => {
  const fonts = chartFonts();
  measureWith(fonts);
  const view = new vega.View(vega.parse(compile(chartSpec(chart, fonts.family)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
};

/** Rasterises an SVG with only the chart fonts: system fonts would make output differ between machines. */
export const rasterise = (svg: string) => {
  const { family, files } = chartFonts();
  const size = svgSize(svg);
  const zoom = zoomFor(size.width, size.height);
  return new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [...files], defaultFontFamily: family, sansSerifFamily: family },
    fitTo: { mode: 'zoom', value: zoom },
  }).render();
};

export const renderChartPng = async (chart: ChartData): Promise<ChartPng> => {
  const svg = await renderChartSvg(chart);
  const image = rasterise(svg);
  return { png: image.asPng(), width: image.width, height: image.height, svg };
};
