// Engine objects seen from JavaScript: the lifetime of the Embind handles that Model, Optimizer
// and Dataset wrap, and the translation of every failure inside the engine into a
// LayerwiseError (docs/js-api.md). Model, Optimizer and Dataset extend Handle: each holds wasm
// memory until dispose() (or `using`); one garbage-collected without dispose() is freed with a
// console warning. A C++ exception reaches JavaScript as an Error carrying the core's message
// (docs/toolchain.md, trap 6); engineCall(M) turns it into a LayerwiseError with the names
// JavaScript callers know, and leaves the engine usable.
import { LayerwiseError, describe, withArticle } from './checks.mjs';

// Objects garbage-collected without dispose(): warn, then free what they held.
const leaks = new FinalizationRegistry(({ kind, raw }) => {
  console.warn(`Layerwise: a ${kind} was garbage-collected without dispose(); ` +
    'freeing its memory now. Call dispose() when you are done with it.');
  raw.delete();
});

// Core function names in messages, as JavaScript callers know them.
const jsNames = {
  train_step: 'trainStep',
  train_epoch: 'trainEpoch',
  set_parameters: 'setParameters',
  feature_map: 'featureMap',
};

/** "weight_decay" → "weightDecay": the core's (PyTorch's) option names as JavaScript writes them. */
export const camelCase = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

function toLayerwiseError(err, renameOptions) {
  if (err instanceof LayerwiseError) return err;
  if (err instanceof WebAssembly.RuntimeError) {
    return new LayerwiseError(`the engine stopped (${err.message}); reload to start again`, { cause: err });
  }
  let message = String(err?.message ?? err);
  if (message === 'std::bad_alloc') message = 'out of memory: the data or model is too large for this tab';
  message = message.replace(/^\w+(?:::\w+)?(?=:? )/, (name) => jsNames[name] ?? name);
  if (renameOptions) message = message.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, camelCase);
  return new LayerwiseError(message, { cause: err });
}

/**
 * call(fn, renameOptions): runs one raw call into the engine M; a failure becomes a
 * LayerwiseError (with option names in camelCase when renameOptions). A JS Error thrown out of
 * wasm skips the epilogues of the frames it leaves, so the stack pointer is restored here.
 */
export function engineCall(M) {
  return function call(fn, renameOptions = false) {
    const sp = M.stackSave();
    try {
      return fn();
    } catch (err) {
      M.stackRestore(sp);
      throw toLayerwiseError(err, renameOptions);
    }
  };
}

const raws = new WeakMap(); // wrapper -> Embind handle

/** Base of every object that holds wasm memory. */
export class Handle {
  constructor(raw) {
    raws.set(this, raw);
    leaks.register(this, { kind: this.constructor.name, raw }, this);
  }

  /** True once dispose() has run. */
  get disposed() {
    return !raws.has(this);
  }

  /** Frees the wasm memory now; the object cannot be used afterwards. Safe to call twice. */
  dispose() {
    const raw = raws.get(this);
    if (!raw) return;
    raws.delete(this);
    leaks.unregister(this);
    raw.delete();
  }

  [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
    this.dispose();
  }
}

/** The Embind handle inside value, which must be a live instance of Class (of this engine). */
export function unwrap(value, Class, what) {
  if (!(value instanceof Class)) {
    throw new LayerwiseError(`${what} must be ${withArticle(Class.name)} of this engine, got ${describe(value)}`);
  }
  const raw = raws.get(value);
  if (!raw) throw new LayerwiseError(`${what}: this ${Class.name} was disposed and cannot be used`);
  return raw;
}

const addresses = new WeakMap(); // Embind handle -> the address of its engine object

/** The address of the engine object behind an Embind handle, for the plain exports (lw_*). */
export function addressOf(raw) {
  let address = addresses.get(raw);
  if (address === undefined) addresses.set(raw, (address = raw._address()));
  return address;
}
