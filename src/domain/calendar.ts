import type { DeliveryQuarter } from './plan.schema';

const MONTHS: Record<DeliveryQuarter, { months: string; nextYear: boolean }> = {
  Q2: { months: 'Jul–Sep', nextYear: false },
  Q3: { months: 'Oct–Dec', nextYear: false },
  Q4: { months: 'Jan–Mar', nextYear: true },
};

/** "Q3 (Oct–Dec 2026)" for reporting year 2026-27: delivery quarters follow the financial year. */
export const quarterLabel = (reportingYear: string, quarter: DeliveryQuarter): string => {
  const start = Number(reportingYear.slice(0, 4));
  const { months, nextYear } = MONTHS[quarter];
  return `${quarter} (${months} ${nextYear ? start + 1 : start})`;
};
