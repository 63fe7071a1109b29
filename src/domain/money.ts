/** Whole pounds where the amount has no pence, as the plan writes them: £1,165,244. */
export const formatPence = (pence: number | null): string => {
  if (pence === null) return '';
  const pounds = pence / 100;
  return `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
};

export const poundsToPence = (pounds: number): number => Math.round(pounds * 100);

/**
 * Pounds as a person types them ("£43,750", "43750", "1,165,244.50") to pence. Pence must be
 * written as two digits, so "43.7" is refused rather than guessed as £43.70 or £43.07.
 */
export const parsePounds = (typed: string, maxPence: number): { pence: number } | { error: string } => {
  const text = typed.trim().replace(/^£\s*/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{2})?$/.test(text)) return { error: 'Enter an amount in pounds, such as 43,750 or 43,750.00' };
  const [pounds, pence = '00'] = text.replace(/,/g, '').split('.');
  const total = Number(pounds) * 100 + Number(pence);
  if (!Number.isSafeInteger(total) || total > maxPence) return { error: `That is more than the most allowed (${formatPence(maxPence)})` };
  return { pence: total };
};
