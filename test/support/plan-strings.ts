/** Keys whose values are ours (ids, enums, labels we wrote, codes outside Annex A), not words from the plan. */
const NOT_PLAN_TEXT = new Set(['id', 'kind', 'buildingBlock', 'buildingBlocks', 'role', 'scale', 'status', 'section', 'itemId', 'themes', 'addressedIn', 'purpose', 'unit', 'metric', 'reportingYear', 'laCode']);

/** Every line of every answer in a plan (bullets and bold marks taken off). */
export const planTextLines = (value: unknown, key = ''): string[] => {
  if (NOT_PLAN_TEXT.has(key)) return [];
  if (typeof value === 'string')
    return value
      .split('\n')
      .map((line) => line.replace(/^- /, '').replace(/\*\*/g, '').trim())
      .filter(Boolean);
  if (Array.isArray(value)) return value.flatMap((v) => planTextLines(v, key === 'requirements' ? 'requirements' : ''));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => planTextLines(v, k));
  return [];
};
