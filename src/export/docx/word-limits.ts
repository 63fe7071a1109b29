/**
 * Limits far above any real plan (the demo exports at 55 kB, 37 pages) and far below harm. Apart
 * from the reader, so that checking a file's size does not load the Word reader.
 */
export const WORD_LIMITS = {
  fileBytes: 15 * 1024 * 1024,
  entries: 2000,
  /** Unpacked, for one part and for all the parts read. */
  partBytes: 30 * 1024 * 1024,
  /** Paragraphs, tables and text boxes read: a plan 10× the demo's has about 700. */
  blocks: 20_000,
  /**
   * XML elements in the body, counted before it is parsed: a plan 10× the demo's has about 90,000.
   * Each parsed element costs memory; a small file of hundreds of thousands of empty paragraphs
   * would otherwise take more than the bot's whole heap.
   */
  elements: 400_000,
} as const;
