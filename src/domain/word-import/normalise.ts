/** Spelling that differs between Word, LibreOffice and the template without meaning anything: quotes, dashes, spaces. */
export const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[\u00a0\u2007\u202f\t\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A text's words, lower case, without punctuation: for comparing what a line says with the template's. */
export const words = (text: string) => new Set(normalise(text).toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(' ').filter(Boolean));
