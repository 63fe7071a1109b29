import { Template } from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import { compileCardTemplate } from '../../src/teams/card-template';
import { CARD_NAMES, templatePath } from '../../src/teams/cards';

/** What adaptivecards-templating makes of a template and data, or that it failed. */
const library = (template: unknown, data: object) => {
  try {
    return { card: new Template(template).expand({ $root: data }) as unknown };
  } catch {
    return { failed: true };
  }
};

const ours = (template: unknown, data: object) => {
  try {
    return { card: compileCardTemplate(template)(data) };
  } catch {
    return { failed: true };
  }
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The sample with one value changed: each field emptied, removed, flipped, or given text that looks like an expression. */
function* variants(sample: Json): Generator<Json> {
  const at = function* (value: Json, change: (v: Json) => Generator<Json | undefined>): Generator<Json | undefined> {
    yield* change(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < Math.min(value.length, 3); i++) for (const v of at(value[i]!, change)) yield value.map((item, j) => (j === i ? (v ?? null) : item));
      yield [];
    } else if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        for (const v of at(value[key]!, change)) {
          const copy = { ...value };
          if (v === undefined) delete copy[key];
          else copy[key] = v;
          yield copy;
        }
      }
    }
  };
  const changes = function* (v: Json): Generator<Json | undefined> {
    if (typeof v === 'string') yield* ['', 'Text with ${notAField} in it', 'Café “quoted” – 7 & 8 < 9'];
    if (typeof v === 'boolean') yield !v;
    if (typeof v === 'number') yield* [0, v + 1];
  };
  // Each top-level field missing altogether, then each value changed.
  if (sample && typeof sample === 'object' && !Array.isArray(sample)) {
    for (const key of Object.keys(sample)) yield Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key));
  }
  for (const v of at(sample, changes)) if (v !== undefined) yield v;
}

describe('card templates bound as adaptivecards-templating binds them', () => {
  it.each(CARD_NAMES)('%s: its sample, and the sample with each value changed or missing', (name) => {
    const template: unknown = JSON.parse(readFileSync(templatePath(name), 'utf8'));
    const sample = JSON.parse(readFileSync(templatePath(name).replace(/\.json$/, '.data.json'), 'utf8')) as Json;
    expect(ours(template, sample as object)).toEqual(library(template, sample as object));
    let compared = 0;
    for (const data of variants(sample)) {
      if (compared++ > 200) break;
      const [mine, theirs] = [ours(template, data as object), library(template, data as object)];
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) expect({ data, card: mine }).toEqual({ data, card: theirs });
    }
  });

  it('binds each expression the templates use as the library does', () => {
    const template = {
      type: 'AdaptiveCard',
      body: [
        { $when: '${count(items) > 0 && !hidden}', text: '${title} (${count(items)}) ${missing}' },
        { $data: '${items}', text: '${name}: ${if(done, \'done\', \'open\')}', index: '${$index}', root: '${$root.title}', it: '${$data}' },
        { $when: "${note != ''}", note: '${note}' },
        { $when: '${exists(extra)}', extra: '${extra.title}' },
        { $when: '${exists(absent)}', absent: 'never' },
        { $when: '${version >= 2}', typed: '${version}', flag: '${hidden}', list: '${items}' },
        { $when: '${nothing == null}', upper: '${TITLE}' },
        { $when: '${count(title) == 5}', dropped: false },
        { $data: '${empty}', never: true },
      ],
    };
    const data = { title: 'Plans', items: [{ name: 'a', done: true }, { name: 'b', done: false }, 'c'], hidden: false, note: '', extra: { title: 'More' }, version: 2, empty: [] };
    for (const d of [data, { ...data, hidden: true }, { ...data, note: 'n', version: 1 }, { ...data, items: [] }, { title: 'Plans' }]) {
      expect(ours(template, d)).toEqual(library(template, d));
    }
  });

  it('refuses, when the template is read, what it does not bind', () => {
    for (const text of ['${a || b}', '${join(items, \', \')}', '${$host.name}', '${a == }', "${'it\\'s'}"]) {
      expect(() => compileCardTemplate({ text })).toThrow('is not supported');
    }
  });
});
