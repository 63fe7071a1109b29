/** Whole pounds where the amount has no pence, as the plan writes them: £1,165,244. */
export const formatPence = (pence: number | null): string => {
  if (pence === null) return '';
  const pounds = pence / 100;
  return `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
};

export const poundsToPence = (pounds: number): number => Math.round(pounds * 100);
