// Argument checks and their messages, for the whole engine module: the API over the bindings
// (api.mjs), the spec builder (nn.mjs), the training worker (trainer-worker.mjs) and its client
// (trainer.mjs). Every check throws a LayerwiseError whose message names the argument, what
// it must be and what it got ("forward: batch must be a whole number ≥ 1, got the string
// "1""), so a learner can act on it; the messages are part of the API (docs/js-api.md) and
// tests assert them verbatim. No engine needed: this module imports nothing.
//
// These checks are also the engine's boundary (docs/js-api.md, "What crosses into the engine").
// Whatever a caller hands over is read here, once, into plain values and typed arrays this
// module allocates: floats() copies every array, names() every list of names, options() every
// options object. Getters, Proxies and valueOf() therefore run only here, before any engine
// call, and never while the engine is inside one; lengths are checked before anything is
// allocated; numbers are checked as the engine holds them, as 32-bit floats.

/** Every error the engine reports: a bad spec, shape, value or name, or a disposed object. */
export class LayerwiseError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'LayerwiseError';
  }
}

/** "a Model", "an Array": the noun with its article. */
export const withArticle = (noun) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** What a value is, for the "got ..." of a message: null, undefined, 3, an Array, the string "a". */
export function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'function') return `the function ${value.name || '(anonymous)'}`;
  if (typeof value === 'object') return withArticle(value.constructor?.name ?? 'object');
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return String(value);
}

/** A name in a message ("unknown loss "hinge""): a string quoted, anything else described. */
export const quoted = (value) => (typeof value === 'string' ? JSON.stringify(value) : describe(value));

/** The most values one array may carry into the engine: 2^26, the core's own limit per tensor. */
export const MAX_VALUES = 2 ** 26;

/** The largest finite 32-bit float: the engine computes in float32, so no number may exceed it. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** A whole number from min to max (default: any safe integer ≥ 1). */
export function whole(value, what, min = 1, max = Number.MAX_SAFE_INTEGER) {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const most = Number.isSafeInteger(value) && value > max ? ` (at most ${max})` : '';
    throw new LayerwiseError(`${what} must be a whole number ≥ ${min}, got ${describe(value)}${most}`);
  }
  return value;
}

/** The largest C++ int: sizes and counts above it would wrap around at the Embind boundary. */
export const MAX_INT = 2 ** 31 - 1;

/** A whole number the engine takes as a C++ int (a size or a count): at most 2^31 − 1. */
export const count = (value, what, min = 1, max = MAX_INT) => whole(value, what, min, max);

// The message for a number beyond float32 (Math.fround would make it ±Infinity).
const tooLarge = (what, value) =>
  `${what} is ${value}, beyond the range of a 32-bit float (at most ${FLOAT32_MAX} in size)`;

/** A finite number that a 32-bit float can hold, ≥ min when min is given. */
export function finite(value, what, min = -Infinity) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new LayerwiseError(`${what} must be a finite number${min > -Infinity ? ` ≥ ${min}` : ''}, got ${describe(value)}`);
  }
  if (Math.abs(value) > FLOAT32_MAX) throw new LayerwiseError(tooLarge(what, value));
  return value;
}

/** A seed: a whole number from 0 to 2^53. */
export function seedOf(value, what) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LayerwiseError(`${what} must be a whole number from 0 to 2^53, got ${describe(value)}`);
  }
  return value;
}

// The length of a typed array as the engine sees it, whatever own "length" a caller defined.
const typedLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), 'length').get;

/** A real typed array (not a DataView, not a Proxy of one): its length and values are its own. */
export const isTypedArray = (value) => ArrayBuffer.isView(value) && !(value instanceof DataView);

/** The number of values in a typed array, read from the array itself. */
export const lengthOf = (array) => typedLength.call(array);

/** At most MAX_VALUES values; checked before anything of that size is allocated. */
export function size(n, what) {
  if (n > MAX_VALUES) {
    throw new LayerwiseError(`${what} has ${n} values; at most ${MAX_VALUES} (2^26) go into the engine at once`);
  }
  return n;
}

/**
 * A new Float32Array, owned by the engine module, with the values of a typed array or an array
 * of numbers (read once each; a stray non-number becomes NaN, which the engine refuses by
 * name). A finite number beyond float32 is refused here, before it would become ±Infinity.
 */
export function floats(value, what) {
  const typed = isTypedArray(value);
  if (!typed && !Array.isArray(value)) {
    throw new LayerwiseError(`${what} must be a Float32Array (or an array of numbers), got ${describe(value)}`);
  }
  const n = size(typed ? lengthOf(value) : whole(value.length, `${what}.length`, 0), what);
  const out = new Float32Array(n);
  if (value instanceof Float32Array && typed) {
    out.set(value);
    return out;
  }
  for (let i = 0; i < n; ++i) {
    let v;
    try {
      v = Number(value[i]);
    } catch (err) { // a Symbol, or a valueOf that throws
      throw new LayerwiseError(`${what} must hold numbers: ${err.message}`, { cause: err });
    }
    if (Number.isFinite(v) && Math.abs(v) > FLOAT32_MAX) throw new LayerwiseError(tooLarge(`${what}[${i}]`, v));
    out[i] = v;
  }
  return out;
}

/** The most names one list may hold (features of a feature map). */
export const MAX_NAMES = 1024;

/** A new array of the strings in value, an array of names; example shows one in the message. */
export function names(value, what, example) {
  const refuse = () => new LayerwiseError(`${what} must be an array of names such as ${example}, got ${describe(value)}`);
  if (!Array.isArray(value)) throw refuse();
  const n = whole(value.length, `${what}.length`, 0, MAX_NAMES);
  const out = [];
  for (let i = 0; i < n; ++i) {
    const name = value[i];
    if (typeof name !== 'string') throw refuse();
    out.push(name);
  }
  return out;
}

// Refuses the first number in a JSON value that float32 cannot hold, naming where it is
// ("Model.fromSpec: spec.init.weight.value is 1e+39, ..."). Iterative: depth costs no stack.
function float32Numbers(root, what) {
  const stack = [[root, what]];
  while (stack.length) {
    const [value, where] = stack.pop();
    if (typeof value === 'number') {
      if (Math.abs(value) > FLOAT32_MAX) throw new LayerwiseError(tooLarge(where, value));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; --i) stack.push([value[i], `${where}[${i}]`]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) stack.push([v, `${where}.${key}`]);
    }
  }
}

/**
 * JSON text of an object, or the text itself, for the engine to read: written once (a getter
 * or toJSON of the caller's runs here, not during the engine call), and with every number one
 * a 32-bit float can hold (a number beyond that would become ±Infinity in the engine).
 */
export function jsonText(value, what) {
  let text;
  if (typeof value === 'string') text = value;
  else if (value !== null && typeof value === 'object') {
    try {
      text = JSON.stringify(value);
    } catch (err) { // a cycle, a BigInt
      throw new LayerwiseError(`${what} cannot be written as JSON: ${err.message}`, { cause: err });
    }
  } else {
    throw new LayerwiseError(`${what} must be an object or JSON text, got ${describe(value)}`);
  }
  if (/\d[eE]\+?\d\d|\d{39}/.test(text)) { // only such a number can be that large
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text; // the engine names what is wrong with the text
    }
    float32Numbers(parsed, what);
  }
  return text;
}

/** A plain object (not null, not an array); `example` shows one in the message. */
export function object(value, what, example) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LayerwiseError(`${what} must be an object such as ${example}, got ${describe(value)}`);
  }
  return value;
}

/** A literal object ({...}, or one made with Object.create(null)): not a Date, a Map, an array. */
export function plain(value, what, example) {
  object(value, what, example);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new LayerwiseError(`${what} must be an object such as ${example}, got ${describe(value)}`);
  }
  return value;
}

/**
 * Options of a call (the argument `name`): undefined gives {}; otherwise a literal object whose
 * keys are all in allowed, copied (each value read once) into a new object the caller cannot reach.
 */
export function options(value, what, allowed, example, name = 'options') {
  if (value === undefined) return {};
  known(plain(value, `${what}: ${name}`, example), allowed, what);
  const out = {};
  for (const key of allowed) out[key] = value[key];
  return out;
}

/** Every key of options is one of allowed. */
export function known(options, allowed, what) {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new LayerwiseError(`${what}: unknown option "${key}"; allowed: ${allowed.join(', ')}`);
  }
  return options;
}
