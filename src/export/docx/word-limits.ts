/**
 * Limits far above any real plan (the demo exports at 55 kB, 37 pages) and far below harm. Apart
 * from the reader, so that checking a file's size does not load the Word reader.
 */
export const WORD_LIMITS = {
  fileBytes: 15 * 1024 * 1024,
  entries: 2000,
  /** Unpacked, for one part and for all the parts read. */
  partBytes: 30 * 1024 * 1024,
  /** Paragraphs and table rows: a 10× plan has about 20,000. */
  blocks: 200_000,
} as const;
