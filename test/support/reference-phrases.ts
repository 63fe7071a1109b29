import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const reference = readFileSync(join(__dirname, '..', 'fixtures', 'local-send-reform-plan-2026.txt'), 'utf8');

/** Text as a reader compares it: no markup, bullets or runs of spaces. */
export const normalise = (text: string): string =>
  text
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|\*/g, '')
    .replace(/[•]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Every phrase of Annex A as the partnership filled it in: each table cell and each paragraph,
 * split where the source starts a new paragraph or bullet. Word comments and the template's
 * "INSERT DOCUMENT UPLOAD LINK" placeholders are not text of the plan.
 */
export const annexAPhrases = (): string[] => {
  const annex = reference.slice(reference.lastIndexOf('Annex A: Local SEND Reform Plan\n'));
  return annex
    .split('\n')
    .filter((line) => !/^\s*Commented \[|^\s*@\w/.test(line))
    .flatMap((line) => line.split(/\t|<\/p>|<\/li>|<li>| • | \| /))
    .map((cell) => normalise(cell.replace(/^\s*[-|]+\s*/, '').replace(/\s*\|\s*$/, '')))
    .map((cell) => cell.replace(/^INSERT DOCUMENT UPLOAD LINK:?\s*(- )?/, ''))
    // A numbered item's number is Word's list numbering, not text of the item.
    .map((cell) => cell.replace(/^\d+\. (?=\S)/, ''))
    .filter((cell) => cell.length > 1 && !/^[-|: ]+$/.test(cell));
};

/** A cell can break across a page in the reference; allow one break inside a phrase, no more. */
export const foundIn = (haystack: string, phrase: string): boolean => {
  if (haystack.includes(phrase)) return true;
  let lo = 0;
  let hi = phrase.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (haystack.includes(phrase.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const rest = phrase.slice(lo).trim();
  return lo > 20 && rest.length > 0 && haystack.includes(rest);
};
