/**
 * `text` shortened to at most `max` characters for a list or a summary line: cut between words
 * where a break is near, and marked with an ellipsis so nobody mistakes it for the whole value.
 */
export const shortenAtWord = (text: string, max: number): string => {
  const chars = [...text];
  if (chars.length <= max) return text;
  const kept = chars.slice(0, Math.max(1, max - 1)).join('');
  // Break at the last space (or after punctuation) if it keeps most of the text; a single
  // very long word is cut where it must be.
  const endsWord = /\s/u.test(chars[Math.max(1, max - 1)] ?? ' ');
  const at = Math.max(kept.lastIndexOf(' '), kept.lastIndexOf('\n'));
  const cut = endsWord || at < kept.length * 0.5 ? kept : kept.slice(0, at);
  return `${cut.replace(/[\s,;:–-]+$/u, '')}…`;
};

/** "1 section", "3 sections": a count with its noun, never "section(s)". */
export const countOf = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
