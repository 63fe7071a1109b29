/**
 * The Adaptive Card templates in adaptive-cards/ bound to their data, as adaptivecards-templating
 * binds them, for the part of the template language they use: `${…}` in strings, `$data` and
 * `$when`, paths (`title`, `$root.verbs.open`, `$data`, `$index`), string and number literals,
 * `!`, `&&`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `count()`, `exists()` and `if()`. That library
 * evaluates each expression through adaptive-expressions, looking every name up afresh; it took a
 * tenth of the CPU of a quarterly update and held 5 MB of memory (issue 21). Each template is
 * compiled here once. Anything else in a template is refused when it is read, never guessed at;
 * test/teams/card-template.test.ts holds the output to the library's on every template.
 *
 * What the library does, kept here: a name not in the data reads as its own `${name}` (but as
 * nothing inside `!`, `&&`, a comparison, `exists()` and the condition of `if()`); `$when` keeps
 * an element only when it is true; `$data` bound to a list repeats the element per item, each
 * repetition placed in the list around it; a string that is one expression keeps the value's
 * type; a name matches a key whatever its case when no key has it exactly.
 */

type Value = unknown;

/** An expression that failed (a count of something that is not a list, say): as adaptive-expressions reports an error. */
const FAILED: unique symbol = Symbol('failed');
type Result = Value | typeof FAILED;

interface Scope {
  readonly root: Value;
  data: Value;
  index: number | undefined;
}

type Expression =
  | { readonly kind: 'path'; readonly text: string; readonly parts: readonly string[] }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'not'; readonly arg: Expression }
  | { readonly kind: 'and'; readonly args: readonly Expression[] }
  | { readonly kind: 'compare'; readonly op: '==' | '!=' | '<' | '<=' | '>' | '>='; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'call'; readonly name: 'count' | 'exists' | 'if'; readonly args: readonly Expression[] };

// --- reading an expression ------------------------------------------------------------------

const refuse = (source: string, why: string): never => {
  throw new Error(`Card template expression \${${source}} is not supported: ${why}`);
};

const parseExpression = (source: string): Expression => {
  let at = 0;
  const space = () => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };
  const take = (token: string) => {
    space();
    if (source.startsWith(token, at)) {
      at += token.length;
      return true;
    }
    return false;
  };
  const name = (): string => {
    space();
    const match = /^[$A-Za-z_][$\w]*/.exec(source.slice(at));
    if (!match) return refuse(source, `a name was expected at ${at}`);
    at += match[0].length;
    return match[0];
  };
  const primary = (): Expression => {
    space();
    if (take('(')) {
      const inner = or();
      if (!take(')')) refuse(source, 'a ) is missing');
      return inner;
    }
    if (source[at] === "'") {
      const end = source.indexOf("'", at + 1);
      if (end < 0 || source.slice(at + 1, end).includes('\\')) refuse(source, 'only plain quoted text is read');
      const value = source.slice(at + 1, end);
      at = end + 1;
      return { kind: 'literal', value };
    }
    const number = /^\d+(\.\d+)?/.exec(source.slice(at));
    if (number) {
      at += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const first = name();
    if (first === 'true' || first === 'false') return { kind: 'literal', value: first === 'true' };
    if (first === 'null') return { kind: 'literal', value: null };
    space();
    if (source[at] === '(') {
      at++;
      if (first !== 'count' && first !== 'exists' && first !== 'if') return refuse(source, `${first}() is not one of count(), exists(), if()`);
      const args: Expression[] = [];
      if (!take(')')) {
        do args.push(or());
        while (take(','));
        if (!take(')')) refuse(source, 'a ) is missing');
      }
      if (args.length !== (first === 'if' ? 3 : 1)) refuse(source, `${first}() takes ${first === 'if' ? 3 : 1} argument(s)`);
      return { kind: 'call', name: first, args };
    }
    if (first.startsWith('$') && !['$root', '$data', '$index'].includes(first.toLowerCase())) refuse(source, `${first} is not $root, $data or $index`);
    const parts = [first];
    while (source[at] === '.') {
      at++;
      parts.push(name());
    }
    return { kind: 'path', text: parts.join('.'), parts };
  };
  const unary = (): Expression => (take('!') ? { kind: 'not', arg: unary() } : primary());
  const comparison = (): Expression => {
    const left = unary();
    for (const op of ['==', '!=', '<=', '>=', '<', '>'] as const) {
      if (take(op)) return { kind: 'compare', op, left, right: unary() };
    }
    return left;
  };
  const and = (): Expression => {
    const args = [comparison()];
    while (take('&&')) args.push(comparison());
    return args.length === 1 ? args[0]! : { kind: 'and', args };
  };
  const or = (): Expression => {
    const expression = and();
    space();
    if (source.startsWith('||', at)) refuse(source, '|| is not read');
    return expression;
  };
  const expression = or();
  space();
  if (at !== source.length) refuse(source, `unexpected ${source.slice(at)}`);
  return expression;
};

// --- evaluating one -------------------------------------------------------------------------

const isLogicTrue = (value: Value) => (typeof value === 'boolean' ? value : value !== null && value !== undefined);

/** A property by name: the key of exactly that name, else the first that differs from it only in case, as adaptive-expressions finds it. */
const property = (instance: Value, name: string): Value => {
  if (!instance) return undefined;
  if (instance instanceof Map) {
    const value: unknown = instance.get(name);
    if (value !== undefined) return value;
    const lower = name.toLowerCase();
    const key = [...(instance.keys() as Iterable<unknown>)].find((k) => typeof k === 'string' && k.toLowerCase() === lower);
    return key === undefined ? undefined : instance.get(key);
  }
  // A key of exactly this name is the one the library finds too, unless an earlier key differs
  // from it only in case: no card's data has two such keys.
  if (Object.prototype.propertyIsEnumerable.call(instance, name)) return (instance as Record<string, unknown>)[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(instance)) {
    if (key.length === name.length && key.toLowerCase() === lower) return (instance as Record<string, unknown>)[key];
  }
  return undefined;
};

/** The evaluation context's own fields, in the order adaptivecards-templating gives its memory. */
const CONTEXT_FIELDS = ['_memory', '$root', '$data', '$index', '$host', '$_acTemplateVersion'] as const;

const lookUp = (scope: Scope, parts: readonly string[]): Value => {
  let value: Value;
  let rest = parts;
  if (parts[0]!.startsWith('$')) {
    const field = CONTEXT_FIELDS.find((f) => f.toLowerCase() === parts[0]!.toLowerCase());
    value = field === '$root' ? scope.root : field === '$data' ? scope.data : field === '$index' ? scope.index : undefined;
    rest = parts.slice(1);
  } else {
    value = scope.data;
  }
  for (const part of rest) {
    const index = parseInt(part, 10);
    if (!Number.isNaN(index) && Array.isArray(value)) {
      if (index < 0 || index >= value.length) return undefined;
      value = value[index];
    } else {
      value = property(value, part);
    }
  }
  return value;
};

const propertyCount = (value: Value): number => {
  if (value === null || value === undefined || Array.isArray(value)) return -1;
  if (value instanceof Map) return value.size;
  return typeof value === 'object' && !(value instanceof Date) ? Object.keys(value).length : -1;
};

const isNumber = (value: Value): value is number => typeof value === 'number' && !Number.isNaN(value);

/** The same content, whatever the order of keys (lodash's isEqual, which the library uses, for plain data). */
const sameContent = (a: Value, b: Value): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameContent(item, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return Number.isNaN(a) && Number.isNaN(b);
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameContent((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
};

/** adaptive-expressions' equality: null only equals null, lists item by item, objects by their content, numbers within epsilon. */
const equals = (a: Value, b: Value): boolean => {
  if (a === null || a === undefined || b === null || b === undefined) return (a === null || a === undefined) && (b === null || b === undefined);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equals(item, b[i]));
  const countA = propertyCount(a);
  const countB = propertyCount(b);
  if (countA >= 0 && countB >= 0) return countA === countB && sameContent(a, b);
  if (isNumber(a) && isNumber(b) && Math.abs(a - b) < Number.EPSILON) return true;
  return a === b;
};

const compare = (op: '<' | '<=' | '>' | '>=', a: Value, b: Value): Result => {
  const comparable = (isNumber(a) && isNumber(b)) || (typeof a === 'string' && typeof b === 'string') || (a instanceof Date && b instanceof Date);
  if (!comparable) return FAILED;
  const [x, y] = [a as number, b as number];
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
};

/** `substitute`: a name not in the data reads as `${name}` (the library's default), else as undefined. */
const evaluate = (expression: Expression, scope: Scope, substitute: boolean): Result => {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'path': {
      const value = lookUp(scope, expression.parts);
      return value === undefined && substitute ? `\${${expression.text}}` : value;
    }
    case 'not': {
      const value = evaluate(expression.arg, scope, false);
      return value === FAILED ? true : !isLogicTrue(value);
    }
    case 'and':
      for (const arg of expression.args) {
        const value = evaluate(arg, scope, false);
        if (value === FAILED || !isLogicTrue(value)) return false;
      }
      return true;
    case 'compare': {
      const left = evaluate(expression.left, scope, false);
      if (left === FAILED) return false;
      const right = evaluate(expression.right, scope, false);
      if (right === FAILED) return false;
      if (expression.op === '==') return equals(left, right);
      if (expression.op === '!=') return !equals(left, right);
      if (left === null || left === undefined || right === null || right === undefined) return false;
      return compare(expression.op, left, right);
    }
    case 'call': {
      const [first, second, third] = expression.args as [Expression, Expression?, Expression?];
      if (expression.name === 'if') {
        const condition = evaluate(first, scope, false);
        return evaluate(condition !== FAILED && isLogicTrue(condition) ? second! : third!, scope, substitute);
      }
      if (expression.name === 'exists') {
        const value = evaluate(first, scope, false);
        return value !== FAILED && value !== null && value !== undefined;
      }
      const value = evaluate(first, scope, substitute);
      if (value === FAILED) return FAILED;
      if (typeof value === 'string' || Array.isArray(value)) return value.length;
      if (value instanceof Map) return value.size;
      if (value === null) return FAILED;
      return typeof value === 'object' ? Object.keys(value).length : FAILED;
    }
  }
};

// --- compiling a template -------------------------------------------------------------------

/** What a compiled part of a template makes for a scope (null: an element its `$when` dropped). */
type Part = (scope: Scope) => Value;

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

/** A string with `${…}` in it: one expression keeps its value's type; text around or between expressions makes a string. */
const compileString = (text: string): Part => {
  if (!text.includes('${')) return () => text;
  const pieces: (string | { readonly source: string; readonly expression: Expression })[] = [];
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf('${', at);
    if (start < 0) {
      pieces.push(text.slice(at));
      break;
    }
    if (start > at) pieces.push(text.slice(at, start));
    const end = text.indexOf('}', start);
    if (end < 0) refuse(text, 'a } is missing');
    const source = text.slice(start + 2, end);
    pieces.push({ source, expression: parseExpression(source) });
    at = end + 1;
  }
  const [only] = pieces;
  if (pieces.length === 1 && typeof only === 'object') {
    return (scope) => {
      const value = evaluate(only.expression, scope, true);
      if (value === FAILED) throw new Error(`Card template: \${${only.source}} could not be evaluated`);
      return value;
    };
  }
  return (scope) => {
    let out = '';
    for (const piece of pieces) {
      if (typeof piece === 'string') out += piece;
      else {
        const value = evaluate(piece.expression, scope, true);
        // As the library: a failed part is left as written; null has no text, and fails the card.
        out += value === FAILED ? `\${${piece.source}}` : (value as { toString(): string }).toString();
      }
    }
    return out;
  };
};

const compileArray = (items: readonly unknown[]): Part => {
  const parts = items.map(compile);
  return (scope) => {
    const out: Value[] = [];
    for (const part of parts) {
      const value = part(scope);
      if (value === null) continue;
      if (Array.isArray(value)) out.push(...(value as Value[]));
      else out.push(value);
    }
    return out;
  };
};

const compileObject = (node: Readonly<Record<string, unknown>>): Part => {
  const fields = Object.entries(node)
    .filter(([key]) => !RESERVED.has(key))
    .map(([key, value]) => [key, compile(value)] as const);
  const single = (scope: Scope) => {
    const out: Record<string, Value> = {};
    for (const [key, part] of fields) {
      const value = part(scope);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  const when = node.$when;
  const data = node.$data;
  if (when === undefined && data === undefined) return single;
  const whenPart = typeof when === 'string' && when.startsWith('${') && when.endsWith('}') && when.indexOf('${', 2) < 0 ? parseExpression(when.slice(2, -1)) : undefined;
  // As the library: `$data` is evaluated when it is text, and taken as written otherwise.
  const dataPart = data === undefined ? undefined : typeof data === 'string' ? compileString(data) : () => data;
  return (scope) => {
    const saved = { data: scope.data, index: scope.index };
    try {
      const bound = dataPart ? dataPart(scope) : undefined;
      const each = bound === undefined ? [undefined] : Array.isArray(bound) ? bound : [bound];
      const out: Value[] = [];
      for (let i = 0; i < each.length; i++) {
        if (Array.isArray(bound)) scope.index = i;
        if (each[i] !== undefined) scope.data = each[i];
        let keep = true;
        if (whenPart) {
          const value = evaluate(whenPart, scope, false);
          keep = value === true;
        } else if (when) keep = false;
        if (keep) out.push(single(scope));
      }
      return out.length === 0 ? null : out.length === 1 ? out[0] : out;
    } finally {
      scope.data = saved.data;
      scope.index = saved.index;
    }
  };
};

const compile = (node: unknown): Part => {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node);
  if (node && typeof node === 'object') return compileObject(node as Record<string, unknown>);
  return () => node;
};

/** A template read once; it binds to any data again and again. */
export const compileCardTemplate = (template: unknown): ((data: object) => unknown) => {
  const part = compile(template);
  return (data) => part({ root: data, data, index: undefined });
};
