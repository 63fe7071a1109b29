import { Resvg } from '@resvg/resvg-js';
import { demoPlan } from '../../src/demo/demo-plan';
import { parseQuarter } from '../../src/domain/quarters';
import { buildReportCharts } from '../../src/domain/report-charts';
import type { ChartData } from '../../src/domain/report-charts.model';
import { DEFAULT_MATRICES } from '../../src/domain/risk-rating';
import { chartFonts } from '../../src/export/charts/chart.fonts';
import { chartAltText, rasterise, renderChartPng, zoomFor, type ChartPng } from '../../src/export/charts/chart.render';
import { readAdvances, textWidth } from '../../src/export/charts/chart.text-width';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const charts = buildReportCharts({
  plan: demoPlan(),
  quarter: parseQuarter('2026-Q3'),
  latest: [
    {
      id: 'u1',
      sequence: 1,
      authorId: 'lead',
      at: '2026-11-01T09:00:00Z',
      workstreamId: 'ws-3',
      quarter: '2026-Q3',
      milestones: [{ milestoneId: 'ws-3-q3-m1', status: 'at-risk', rag: 'Amber', note: null }],
      actual: '52%',
      narrative: null,
      blockers: null,
      supportNeeded: null,
    },
  ],
  spendActuals: [{ quarter: '2026-Q2', lineId: 'eaho', sourceId: 'transformation', amountPence: 9_800_000, enteredBy: 'finance', at: '2026-10-01T09:00:00Z' }],
  matrices: DEFAULT_MATRICES,
});

/** Near-black pixels (the text colour is #0b0c0c) in the rows [top, bottom) of an RGBA image. */
const darkPixels = (image: { pixels: Buffer; width: number }, top: number, bottom: number): number => {
  // `pixels` and `width` are native getters (`pixels` copies the image): read them once.
  const px = image.pixels;
  const end = bottom * image.width * 4;
  let dark = 0;
  for (let i = top * image.width * 4; i < end; i += 4) {
    if (px[i + 3]! > 200 && px[i]! < 80 && px[i + 1]! < 80 && px[i + 2]! < 80) dark += 1;
  }
  return dark;
};

describe('chart rendering', () => {
  const rendered = new Map<ChartData['type'], ChartPng>();
  beforeAll(async () => {
    for (const chart of charts) rendered.set(chart.type, await renderChartPng(chart));
  });

  it.each(charts.map((c) => [c.type, c] as const))('%s renders a PNG about 16 cm wide at 2x, with its title as text', (type, chart) => {
    const { png, width, height, svg } = rendered.get(type)!;
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
    // IHDR agrees with what the renderer reports, which the Word export uses for the aspect ratio.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
    expect(width).toBeGreaterThanOrEqual(1200);
    expect(width).toBeLessThan(1800);
    expect(height).toBeGreaterThan(200);
    expect(svg).toContain(`>${chart.title}</text>`);
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  // resvg silently draws no text when it has no font, so prove the glyphs reach the pixels.
  it.each(charts.map((c) => [c.type] as const))('%s draws its text: the title band is dark only while the text is there', (type) => {
    const { svg } = rendered.get(type)!;
    const withText = rasterise(svg);
    const withoutText = rasterise(svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, ''));
    // Title: 12 px padding + 16 px type, at 2x: rows 20 to 70.
    expect(darkPixels(withText, 20, 70)).toBeGreaterThan(300);
    expect(darkPixels(withoutText, 20, 70)).toBe(0);
    expect(darkPixels(withText, 0, withText.height)).toBeGreaterThan(darkPixels(withoutText, 0, withoutText.height) + 1000);
  });

  it('draws the numbers: milestone counts, trajectory values, risk labels and pounds', () => {
    expect(rendered.get('milestones-by-rag')!.svg).toMatch(/>3<\/text>/);
    expect(rendered.get('trajectory')!.svg).toContain('>52%</text>');
    expect(rendered.get('risk-heatmap')!.svg).toContain('>R2, R3, R4</text>');
    expect(rendered.get('spend')!.svg).toContain('>£443,750</text>');
    expect(rendered.get('spend')!.svg).toContain('>£98,000</text>');
  });

  it('says so in words when there is nothing to plot', async () => {
    const { svg, png } = await renderChartPng({ type: 'trajectory', title: 'Target trajectory and actual, 2026-27', rows: [] });
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(svg).toContain('No workstream has a numeric target trajectory yet.');
  });

  it('measures text as resvg draws it, so vega lays the chart out for the real font', () => {
    const { family, regular, bold, files } = chartFonts();
    const measure = textWidth(readAdvances(regular), readAdvances(bold ?? regular));
    for (const [text, size, weight] of [['Workstream 1a', 12, 'normal'], ['Milestones by RAG rating, Quarter 3 of 2026-27 (October to December 2026)', 16, 'bold']] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="40"><text x="0" y="30" font-family="${family}" font-size="${size}" font-weight="${weight}">${text}</text></svg>`;
      const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [...files], defaultFontFamily: family } }).getBBox();
      // The ink box lacks the side bearings the advance widths include: a pixel or two.
      expect(Math.abs(measure({ fontSize: size, fontWeight: weight }, text) - box!.width)).toBeLessThan(3);
    }
  });
});

describe('chart fonts', () => {
  it('fails with the package to install when no font can be found', () => {
    jest.isolateModules(() => {
      jest.doMock('node:fs', () => ({ ...jest.requireActual('node:fs'), existsSync: () => false }));
      jest.doMock('node:child_process', () => ({
        execFileSync: () => {
          throw new Error('fc-match: not found');
        },
      }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { chartFonts: isolated } = require('../../src/export/charts/chart.fonts') as typeof import('../../src/export/charts/chart.fonts');
      expect(() => isolated()).toThrow('No font found for charts: install fonts-dejavu-core');
    });
  });
});

describe('chart alt text', () => {
  it.each([
    ['milestones-by-rag', /^Bar chart of each workstream's planned milestones.*Workstream 1: 0 Green, 0 Amber, 0 Red, 3 not rated;.*Workstream 3: 0 Green, 1 Amber/],
    ['trajectory', /^Line chart.*Workstream 3, Q2 \(Jul–Sep 2026\): target 40%; Workstream 3, Q3 \(Oct–Dec 2026\): target 50%, actual 52%\.$/],
    ['risk-heatmap', /^Heat map of open risks.*R1, High impact and High likelihood \(Red\): Uneven implementation.*R5, Medium impact and Medium likelihood \(Amber\)/],
    ['spend', /^Bar chart of projected and actual spend.*Q2 \(Jul–Sep 2026\): projected £105,000, actual £98,000; Q3 \(Oct–Dec 2026\): projected £443,750, no actual recorded/],
  ])('%s describes the chart and gives its numbers', (type, expected) => {
    expect(chartAltText(charts.find((c) => c.type === type)!)).toMatch(expected);
  });

  it('does not double full stops from risk descriptions', () => {
    expect(chartAltText(charts.find((c) => c.type === 'risk-heatmap')!)).not.toMatch(/\.[;.]/);
  });
});

describe('how large a chart is drawn', () => {
  it.each([
    ['an ordinary chart, at twice its size', 700, 400, 2],
    ['thirty workstreams’ trajectories, smaller than twice', 3963, 6226, Math.sqrt(6_000_000 / (3963 * 6226))],
  ])('%s', (_what, width, height, zoom) => {
    expect(zoomFor(width, height)).toBeCloseTo(zoom, 6);
    expect(width * height * zoomFor(width, height) ** 2).toBeLessThanOrEqual(6_000_001);
  });
});
