// Argument checks and their messages, for the whole engine module: the API over the bindings
// (api.mjs), the spec builder (nn.mjs), the training worker (trainer-worker.mjs) and its client
// (trainer.mjs). Every check throws a LayerwiseError whose message names the argument, what
// it must be and what it got ("forward: batch must be a whole number ≥ 1, got the string
// "1""), so a learner can act on it; the messages are part of the API (docs/js-api.md) and
// tests assert them verbatim. No engine needed: this module imports nothing.

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

/** A whole number from min to max (default: any safe integer ≥ 1). */
export function whole(value, what, min = 1, max = Number.MAX_SAFE_INTEGER) {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new LayerwiseError(`${what} must be a whole number ≥ ${min}, got ${describe(value)}`);
  }
  return value;
}

/** A whole number the engine takes as a C++ int (a size or a count): at most 2^31 − 1. */
export const count = (value, what, min = 1) => whole(value, what, min, 2 ** 31 - 1);

/** A finite number, ≥ min when min is given. */
export function finite(value, what, min = -Infinity) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new LayerwiseError(`${what} must be a finite number${min > -Infinity ? ` ≥ ${min}` : ''}, got ${describe(value)}`);
  }
  return value;
}

/** A seed: a whole number from 0 to 2^53. */
export function seedOf(value, what) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LayerwiseError(`${what} must be a whole number from 0 to 2^53, got ${describe(value)}`);
  }
  return value;
}

/** A Float32Array to hand to the engine: as is, or copied from another array of numbers. */
export function floats(value, what) {
  if (value instanceof Float32Array) return value;
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    try {
      return Float32Array.from(value, Number); // a stray non-number becomes NaN, refused later
    } catch (err) { // a Symbol
      throw new LayerwiseError(`${what} must hold numbers: ${err.message}`, { cause: err });
    }
  }
  throw new LayerwiseError(`${what} must be a Float32Array (or an array of numbers), got ${describe(value)}`);
}

/** JSON text of an object, or the text itself. */
export function jsonText(value, what) {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch (err) { // a cycle, a BigInt
      throw new LayerwiseError(`${what} cannot be written as JSON: ${err.message}`, { cause: err });
    }
  }
  throw new LayerwiseError(`${what} must be an object or JSON text, got ${describe(value)}`);
}

/** A plain object (not null, not an array); `example` shows one in the message. */
export function object(value, what, example) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LayerwiseError(`${what} must be an object such as ${example}, got ${describe(value)}`);
  }
  return value;
}

/** Every key of options is one of allowed. */
export function known(options, allowed, what) {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new LayerwiseError(`${what}: unknown option "${key}"; allowed: ${allowed.join(', ')}`);
  }
  return options;
}
