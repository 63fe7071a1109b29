import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ChartFonts {
  /** The family name the chart specs ask for, so the SVG and the rasteriser agree. */
  readonly family: string;
  readonly regular: string;
  readonly bold: string | null;
  /** Every file the rasteriser loads. */
  readonly files: readonly string[];
}

const fonts = (family: string, regular: string, bold: string | null): ChartFonts => ({ family, regular, bold, files: bold ? [regular, bold] : [regular] });

/** Regular face first; the bold face, where there is one, draws the titles. */
const CANDIDATES: readonly { family: string; regular: string; bold?: string }[] = [
  { family: 'DejaVu Sans', regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  { family: 'DejaVu Sans', regular: '/usr/share/fonts/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf' },
  { family: 'DejaVu Sans', regular: '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', bold: '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf' },
  { family: 'DejaVu Sans', regular: '/usr/share/fonts/TTF/DejaVuSans.ttf', bold: '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf' },
  { family: 'Liberation Sans', regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf' },
  { family: 'Noto Sans', regular: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', bold: '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf' },
  { family: 'FreeSans', regular: '/usr/share/fonts/truetype/freefont/FreeSans.ttf', bold: '/usr/share/fonts/truetype/freefont/FreeSansBold.ttf' },
  { family: 'Arial', regular: '/System/Library/Fonts/Supplemental/Arial.ttf', bold: '/System/Library/Fonts/Supplemental/Arial Bold.ttf' },
  { family: 'Arial', regular: 'C:\\Windows\\Fonts\\arial.ttf', bold: 'C:\\Windows\\Fonts\\arialbd.ttf' },
];

const fromFontconfig = (): ChartFonts | null => {
  try {
    const [file, family] = execFileSync('fc-match', ['-f', '%{file}\n%{family[0]}', 'sans-serif'], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
    // fc-match always answers; only a TrueType/OpenType file is any use to the rasteriser.
    return file && family && /\.(ttf|otf|ttc)$/i.test(file) && existsSync(file) ? fonts(family, file, null) : null;
  } catch {
    return null;
  }
};

const find = (): ChartFonts | null => {
  for (const c of CANDIDATES) {
    if (existsSync(c.regular)) return fonts(c.family, c.regular, c.bold && existsSync(c.bold) ? c.bold : null);
  }
  return fromFontconfig();
};

let cached: ChartFonts | undefined;

/**
 * The font charts are drawn in. The rasteriser draws no text at all without a font file, and
 * a chart with no labels is worse than none, so a missing font is an error, not a fallback.
 */
export const chartFonts = (): ChartFonts => {
  if (cached) return cached;
  const found = find();
  if (!found) throw new Error('No font found for charts: install fonts-dejavu-core');
  cached = found;
  return found;
};
