/**
 * PostgreSQL refuses the NUL character in text; SQLite keeps it. Nobody types one, but a
 * tampered card can send one: both databases keep U+FFFD in its place, so both behave alike.
 * Done on each statement's values as it is sent (a walk of every built query cost more).
 */
export const withoutNul = (values: readonly unknown[]): unknown[] =>
  values.map((value) => (typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value));
