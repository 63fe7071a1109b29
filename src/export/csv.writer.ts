/**
 * RFC 4180 CSV. Every field is quoted; a field that a spreadsheet would run as a formula
 * (starting =, +, -, @, tab or carriage return) gets a leading apostrophe, so typed text stays text.
 */
const field = (value: string | number | boolean | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

export const toCsv = (header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string =>
  [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
