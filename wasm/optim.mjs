// lw.optim's Optimizer: SGD, Adam, AdamW and RMSprop over the engine's optimisers
// (docs/semantics.md has their update rules and defaults). An optimiser steps either a model,
// through model.trainStep and model.trainEpoch, or parameters of your own, as
// torch.optim.Adam([w]) does: JavaScript computes the gradients and opt.step(grads) updates
// each Float32Array in place, all or nothing. Options are PyTorch's in camelCase
// ({ lr, momentum, weightDecay, betas: [b1, b2], eps, amsgrad, nesterov, alpha, centered });
// the engine takes them in snake_case.
import { LayerwiseError, describe, finite, isTypedArray, jsonText, lengthOf, plain, size, whole } from './checks.mjs';
import { Handle, camelCase, unwrap } from './handles.mjs';

const snakeCase = (s) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

// One option value, read once and copied: a number (finite as a float32) or another primitive,
// whose type the engine checks against the option's (naming it); undefined for anything else.
function optionValue(value, name) {
  if (typeof value === 'number') return finite(value, name);
  if (value === null || ['boolean', 'string', 'bigint'].includes(typeof value)) return value; // JSON refuses a BigInt
  return undefined;
}

// Optimiser options: camelCase in JavaScript, PyTorch's snake_case in the engine. Each value
// is a primitive (optionValue) or a list of at most two (betas); anything else, which JSON
// would turn into something else (a Date, a Map, a function), is refused here, naming it.
function optionsText(options, what) {
  if (options === undefined || options === null) return '{}';
  plain(options, what, '{ lr: 0.01 }');
  const out = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue; // as JSON leaves it out
    const name = `${what}.${key}`;
    const items = Array.isArray(value) && value.length <= 2
      ? Array.from({ length: value.length }, (_, i) => optionValue(value[i], `${name}[${i}]`)) : null;
    const copy = items ?? optionValue(value, name);
    if (copy === undefined || items?.includes(undefined)) {
      throw new LayerwiseError(`${name} must be a number, true or false, or a pair of numbers, got ${describe(value)}`);
    }
    out[snakeCase(key)] = copy;
  }
  return jsonText(out, what);
}

// The most free parameters (arrays) one optimiser steps: far more than any use needs, few
// enough that the list's copy is small.
const MAX_FREE_PARAMS = 2 ** 16;

// The list of free parameters given to lw.optim.X([w, ...]): checked, and frozen as a copy
// (the caller's later pushes to their array change nothing here).
function freeParams(given, title) {
  const what = `${title}(params)`;
  const n = whole(given.length, `${what}: the number of parameters`, 0, MAX_FREE_PARAMS);
  const list = Array.from({ length: n }, (_, i) => given[i]);
  if (list.length === 0) {
    throw new LayerwiseError(`${what}: the list of parameters is empty; pass at least one, ` +
      `e.g. lw.optim.${title}([new Float32Array([-1.5, 0.5])], { lr: 0.05 })`);
  }
  list.forEach((w, i) => {
    if (!(isTypedArray(w) && w instanceof Float32Array)) { // not a Proxy, whose reads the caller controls
      const numbers = Array.isArray(w) || isTypedArray(w);
      throw new LayerwiseError(`${what}: params[${i}] must be a Float32Array (the optimizer ` +
        `updates it in place), got ${describe(w)}` +
        (numbers ? '; make one with new Float32Array([...])' : ''));
    }
    if (lengthOf(w) === 0) {
      throw new LayerwiseError(`${what}: params[${i}] is empty; a parameter needs at least one value`);
    }
    const j = w.findIndex((x) => !Number.isFinite(x));
    if (j >= 0) {
      throw new LayerwiseError(`${what}: params[${i}][${j}] is ${w[j]}; parameters must be finite numbers`);
    }
    const first = list.indexOf(w);
    if (first !== i) {
      throw new LayerwiseError(`${what}: params[${i}] is the same array as params[${first}]; list each parameter once`);
    }
  });
  return Object.freeze([...list]);
}

// What `value` is, in a message about a number: NaN, Infinity, the string "a", ...
const numberText = (value) => (typeof value === 'number' ? String(value) : describe(value));

/**
 * The Optimizer class of one engine and its optimizerTarget: M is the instantiated module,
 * call its engineCall, and Model the engine's Model class (an optimiser of a model must be
 * given one of this engine).
 */
export function optimizerClass(M, call, Model) {
  let targetOf; // the Model or free parameters an optimiser steps, from its private fields

  class Optimizer extends Handle {
    static {
      targetOf = (opt) => ({ model: opt.#model, params: opt.#params });
    }

    #model; // the Model it steps through trainStep/trainEpoch, or null
    #params; // or the caller's Float32Arrays, stepped by step(grads); null for a model's
    #sizes; // params' lengths at creation
    #buffer; // params' values, then grads, concatenated: one copy into the engine per step
    #values; // its halves
    #grads;
    #title;

    /**
     * Use lw.optim.SGD / Adam / AdamW / RMSprop(model, options) to train a model, or
     * (params, options) with params a list of Float32Arrays to step your own parameters.
     */
    constructor(name, title, target, options) {
      let params = null;
      if (Array.isArray(target)) {
        params = freeParams(target, title);
      } else if (!(target instanceof Model)) {
        const hint = target instanceof Float32Array
          ? `; to step your own parameters, pass them in a list: lw.optim.${title}([w], { lr: 0.05 })`
          : target?.constructor?.name === 'Model' ? ''
            : `; to step your own parameters, pass a list of Float32Arrays: lw.optim.${title}([w], { lr: 0.05 })`;
        throw new LayerwiseError(`${title}(model) must be a Model of this engine, got ${describe(target)}${hint}`);
      } else {
        unwrap(target, Model, `${title}(model)`); // not disposed
      }
      const text = optionsText(options, `${title} options`);
      if (params) {
        const sizes = params.map(lengthOf);
        const total = size(sizes.reduce((a, b) => a + b, 0), `${title}(params) together`);
        super(call(() => M.Optimizer._createFree(name, text, sizes), true));
        this.#sizes = sizes;
        this.#buffer = new Float32Array(2 * total);
        this.#values = this.#buffer.subarray(0, total);
        this.#grads = this.#buffer.subarray(total);
      } else {
        super(call(() => M.Optimizer._create(name, text), true));
      }
      this.#model = params ? null : target;
      this.#params = params;
      this.#title = title;
    }

    /** The model whose parameters this optimiser updates; null for free parameters. */
    get model() {
      return this.#model;
    }

    /** The free parameters it updates (a frozen list of your Float32Arrays); null for a model's. */
    get params() {
      unwrap(this, Optimizer, `${this.#title}.params`);
      return this.#params;
    }

    /**
     * One update of the free parameters, in place, from their gradients: grads[i] (a
     * Float32Array or an array of numbers) goes with params[i] and has its length. Like
     * PyTorch's opt.step() after setting each w.grad. All or nothing: a bad gradient throws
     * and changes neither the parameters nor the optimiser's state.
     */
    step(grads) {
      const what = `${this.#title}.step`;
      unwrap(this, Optimizer, what);
      const params = this.#params;
      if (!params) {
        throw new LayerwiseError(`${what}: this optimizer was created for a model; model.trainStep ` +
          `and model.trainEpoch step it. step(grads) is for your own parameters: lw.optim.${this.#title}([w], options)`);
      }
      if (!Array.isArray(grads)) {
        throw new LayerwiseError(`${what}: grads must be a list with one gradient per parameter, ` +
          `e.g. opt.step([g]), got ${describe(grads)}`);
      }
      const given = grads.length; // read once: a Proxy's may change
      if (given !== params.length) {
        throw new LayerwiseError(`${what}: got ${given} gradient${given === 1 ? '' : 's'} for ` +
          `${params.length} parameter${params.length === 1 ? '' : 's'}; pass one per parameter, in the order of the list`);
      }
      grads = Array.from({ length: given }, (_, i) => grads[i]); // each read once
      const buffer = this.#buffer;
      const values = this.#values;
      const g = this.#grads;
      let at = 0;
      for (let i = 0; i < params.length; ++i) {
        const w = params[i];
        const gi = grads[i];
        const n = lengthOf(w);
        if (n !== this.#sizes[i]) { // its buffer was transferred or resized
          throw new LayerwiseError(`${what}: params[${i}] now has ${n} values, but it had ` +
            `${this.#sizes[i]} when the optimizer was created`);
        }
        const typed = isTypedArray(gi);
        if (!Array.isArray(gi) && !typed) {
          throw new LayerwiseError(`${what}: grads[${i}] must be a Float32Array or an array of numbers, got ${describe(gi)}`);
        }
        const length = typed ? lengthOf(gi) : gi.length; // read once: a Proxy's may change
        if (length !== n) {
          throw new LayerwiseError(`${what}: grads[${i}] has ${numberText(length)} values, but params[${i}] has ${n}`);
        }
        values.set(w, at);
        try {
          if (typed) g.set(gi, at);
          else for (let j = 0; j < n; ++j) g[at + j] = gi[j];
        } catch (err) { // a BigInt or a Symbol
          throw new LayerwiseError(`${what}: grads[${i}] must hold numbers: ${err.message}`, { cause: err });
        }
        for (let j = 0; j < n; ++j) {
          if (!Number.isFinite(values[at + j])) {
            throw new LayerwiseError(`${what}: params[${i}][${j}] is ${values[at + j]}; parameters must be ` +
              'finite numbers (if a step took it there, try a smaller lr)');
          }
          if (!Number.isFinite(g[at + j])) {
            const range = Number.isFinite(gi[j]) ? ', beyond the range of a 32-bit float' : '';
            throw new LayerwiseError(`${what}: grads[${i}][${j}] is ${numberText(gi[j])}${range}; ` +
              'gradients must be finite numbers');
          }
        }
        at += n;
      }
      call(() => unwrap(this, Optimizer, what)._stepFree(buffer)); // the caller's code ran above: take the handle now
      at = 0;
      for (const w of params) {
        const n = lengthOf(w);
        w.set(values.subarray(at, at + n));
        at += n;
      }
    }

    get lr() {
      return unwrap(this, Optimizer, `${this.#title}.lr`)._lr();
    }

    set lr(lr) {
      this.setLr(lr);
    }

    /** Changes the learning rate between steps; the state (moments, momentum) stays. */
    setLr(lr) {
      const raw = unwrap(this, Optimizer, `${this.#title}.setLr`);
      finite(lr, `${this.#title}.setLr: lr`);
      call(() => raw._setLr(lr), true);
    }

    /** Changes any options ({ lr, momentum, ... }); all or nothing. */
    set(options) {
      unwrap(this, Optimizer, `${this.#title}.set`);
      const text = optionsText(options, `${this.#title}.set options`);
      const raw = unwrap(this, Optimizer, `${this.#title}.set`);
      call(() => raw._set(text), true);
    }

    /** The current options, camelCase. */
    get options() {
      const raw = unwrap(this, Optimizer, `${this.#title}.options`);
      const options = JSON.parse(call(() => raw._options()));
      return Object.fromEntries(Object.entries(options).map(([k, v]) => [camelCase(k), v]));
    }

    /** Steps taken since creation or reset(). */
    get steps() {
      return unwrap(this, Optimizer, `${this.#title}.steps`)._steps();
    }

    /** Forgets the state (moments, momentum buffers, step count); options stay. */
    reset() {
      unwrap(this, Optimizer, `${this.#title}.reset`)._reset();
    }
  }
  // optimizerTarget(opt): { model, params } of an Optimizer, from its private fields, where no
  // property a caller defined on the instance can stand in.
  return { Optimizer, optimizerTarget: targetOf };
}
