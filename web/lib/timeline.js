// A run's past, in bounded memory: the weights at kept epochs, at intervals that grow with the
// epoch (every epoch up to 16, then every 2nd up to 32, every 4th up to 64, …: about eight per
// doubling), so that a long run keeps its early, fast-changing part in detail and its later
// part in outline. No DOM: the playground's scrubber shows a kept epoch by asking the worker
// what the network looked like with its weights (the `view` request), and "continue from here"
// builds the network again from them.
//
//   const timeline = new Timeline();
//   if (timeline.due(epoch)) timeline.keep(epoch, snapshot.parameters);
//   timeline.entries  // [{epoch, parameters}], oldest first
//
// Bounds: at most maxEntries entries and maxBytes bytes of weights (64 and 8 MB by default;
// the playground's largest network, 8 layers of 64, holds about 120 KB of weights, so 64 of
// them fit). Past either bound every other entry goes, the first and the last staying, and the
// intervals double, so the memory stays flat however long the run.

export const TIMELINE_MAX_ENTRIES = 64;
export const TIMELINE_MAX_BYTES = 8 * 1024 * 1024;

// Epochs between kept entries around epoch e: 1 below 16, then 2^(⌊log2 e⌋ − 3), times
// 2^thinned. The worker keeps weights on the same schedule (its snapshot option `keep`), so it
// is defined there, once.
import { keepInterval } from '../engine/trainer-session.mjs';

export { keepInterval };

export class Timeline {
  #entries = [];
  #next = 0;
  #thinned = 0;
  #bytes = 0;

  constructor({ maxEntries = TIMELINE_MAX_ENTRIES, maxBytes = TIMELINE_MAX_BYTES } = {}) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The kept entries, oldest first: [{epoch, parameters: [{name, shape, data}]}]. */
  get entries() {
    return this.#entries;
  }

  /** Bytes of weights held. */
  get bytes() {
    return this.#bytes;
  }

  /** The schedule from here, as the worker's snapshot option `keep` takes it. */
  get schedule() {
    return { next: this.#next, thinned: this.#thinned };
  }

  /** Whether epoch should be kept: the first, and then one per interval. */
  due(epoch) {
    return this.#entries.length === 0 || epoch >= this.#next;
  }

  /** Keeps copies of the weights at epoch (a later call at the same epoch replaces it). */
  keep(epoch, parameters) {
    const copy = parameters.map(({ name, shape, data }) => ({ name, shape: shape && [...shape], data: Float32Array.from(data) }));
    const size = copy.reduce((s, p) => s + p.data.byteLength, 0);
    if (this.#entries.at(-1)?.epoch === epoch) this.#drop(this.#entries.length - 1);
    else if (this.#entries.length && epoch < this.#entries.at(-1).epoch) this.truncate(epoch);
    this.#entries.push({ epoch, parameters: copy, bytes: size });
    this.#bytes += size;
    while (this.#entries.length > 2 && (this.#entries.length > this.maxEntries || this.#bytes > this.maxBytes)) this.#thin();
    this.#next = epoch + keepInterval(epoch, this.#thinned);
  }

  /** Forgets the entries after epoch ("continue from here" makes them another future's). */
  truncate(epoch) {
    while (this.#entries.length && this.#entries.at(-1).epoch > epoch) this.#drop(this.#entries.length - 1);
    this.#next = this.#entries.length ? this.#entries.at(-1).epoch + keepInterval(this.#entries.at(-1).epoch, this.#thinned) : 0;
  }

  clear() {
    this.#entries = [];
    this.#bytes = 0;
    this.#next = 0;
    this.#thinned = 0;
  }

  /** The entry nearest to epoch (ties: the earlier), or null when empty. */
  nearest(epoch) {
    let best = null;
    for (const e of this.#entries) if (!best || Math.abs(e.epoch - epoch) < Math.abs(best.epoch - epoch)) best = e;
    return best;
  }

  #drop(i) {
    this.#bytes -= this.#entries[i].bytes;
    this.#entries.splice(i, 1);
  }

  // Every other entry goes, the first and the last staying; later intervals double.
  #thin() {
    const n = this.#entries.length;
    const kept = this.#entries.filter((_, i) => i % 2 === 0 || i === n - 1);
    this.#entries = kept;
    this.#bytes = kept.reduce((s, e) => s + e.bytes, 0);
    this.#thinned++;
  }
}
