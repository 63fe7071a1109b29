import { readFileSync } from 'node:fs';

/** Advance width of each character, in ems, read from a TrueType/OpenType file. */
export type Advances = (codePoint: number) => number;

const tables = (font: Buffer): Map<string, number> => {
  // A collection (.ttc) holds several fonts: the first is the regular face.
  const base = font.toString('latin1', 0, 4) === 'ttcf' ? font.readUInt32BE(12) : 0;
  const found = new Map<string, number>();
  const count = font.readUInt16BE(base + 4);
  for (let i = 0; i < count; i++) {
    const record = base + 12 + 16 * i;
    found.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  return found;
};

/** Code point → glyph id from the font's Unicode cmap (format 4 for the BMP, 12 beyond it). */
const glyphLookup = (font: Buffer, cmap: number): ((c: number) => number) => {
  const subtables = Array.from({ length: font.readUInt16BE(cmap + 2) }, (_, i) => {
    const r = cmap + 4 + 8 * i;
    return { platform: font.readUInt16BE(r), encoding: font.readUInt16BE(r + 2), at: cmap + font.readUInt32BE(r + 4) };
  }).filter((s) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10)));
  const full = subtables.find((s) => font.readUInt16BE(s.at) === 12);
  if (full) {
    const groups = Array.from({ length: font.readUInt32BE(full.at + 12) }, (_, i) => {
      const g = full.at + 16 + 12 * i;
      return [font.readUInt32BE(g), font.readUInt32BE(g + 4), font.readUInt32BE(g + 8)] as const;
    });
    return (c) => {
      const g = groups.find(([start, end]) => c >= start && c <= end);
      return g ? g[2] + c - g[0] : 0;
    };
  }
  const bmp = subtables.find((s) => font.readUInt16BE(s.at) === 4);
  if (!bmp) throw new Error('The chart font has no Unicode character map');
  const segments = font.readUInt16BE(bmp.at + 6) / 2;
  const ends = bmp.at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  return (c) => {
    for (let i = 0; i < segments; i++) {
      if (font.readUInt16BE(ends + 2 * i) < c) continue;
      const start = font.readUInt16BE(starts + 2 * i);
      if (start > c) return 0;
      const delta = font.readInt16BE(deltas + 2 * i);
      const offset = font.readUInt16BE(offsets + 2 * i);
      if (offset === 0) return (c + delta) & 0xffff;
      const glyph = font.readUInt16BE(offsets + 2 * i + offset + 2 * (c - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
};

export const readAdvances = (file: string): Advances => {
  const font = readFileSync(file);
  const t = tables(font);
  const [head, hhea, hmtx, cmap] = ['head', 'hhea', 'hmtx', 'cmap'].map((tag) => t.get(tag));
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) throw new Error(`${file} is not a font the charts can measure`);
  const unitsPerEm = font.readUInt16BE(head + 18);
  const metrics = font.readUInt16BE(hhea + 34);
  const glyph = glyphLookup(font, cmap);
  const cache = new Map<number, number>();
  return (c) => {
    let em = cache.get(c);
    if (em === undefined) {
      // Glyphs past the last metric share its advance (monospaced tails).
      em = font.readUInt16BE(hmtx + 4 * Math.min(glyph(c), metrics - 1)) / unitsPerEm;
      cache.set(c, em);
    }
    return em;
  };
};

interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  readonly limit?: number;
}

/**
 * Vega lays charts out by measuring text, and headless it can only guess (0.8 em a
 * character), which leaves legends adrift and pictures too wide. This measures with the very
 * font the rasteriser draws in; kerning is ignored, which errs by a pixel or two.
 */
export const textWidth =
  (regular: Advances, bold: Advances) =>
  (item: TextItem, text: unknown): number => {
    const s = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const weight = item.fontWeight;
    const advances = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600 ? bold : regular;
    let ems = 0;
    for (const ch of s) ems += advances(ch.codePointAt(0) ?? 0);
    const width = ems * size;
    // Vega truncates to `limit` when it draws; the measured box should match what is drawn.
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
