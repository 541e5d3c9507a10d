// The SIMD128 mul+add ceiling: how many GFLOP/s this machine's wasm engine (V8) reaches on
// f32x4 multiplies and adds alone, with no memory traffic. bench_wasm.mjs reports Layerwise's
// GEMM-bound workloads as a share of it.
//
// A second, "memory" kernel takes the multiplier of every f32x4.mul from memory instead of a
// register (v128.load from one 16-byte slot per accumulator, all in L1), as a GEMM's inner loop loads
// its B vectors and A values: the same arithmetic with one load per mul+add, which is more
// than a register-tiled GEMM needs (a 4×8 tile loads 2 vectors and 4 broadcasts per 8
// mul+adds) — a ceiling that shows whether loads cost anything next to the arithmetic.
//
// The kernel is a few hundred bytes of WebAssembly assembled here (no toolchain involved, so
// it measures V8 and the CPU, not a compiler): A accumulators, each updated in every loop
// iteration as acc = acc · m + c (f32x4.mul then f32x4.add: wasm SIMD128 has no fused
// multiply-add), for n iterations. The accumulators are independent, so with enough of them
// the multiplier and adder pipes stay busy; each chain waits on its own mul and add, so too
// few accumulators measure latency instead. A is tried at 4, 8, 10 and 12 (12 accumulators, m and
// c fill 14 of the 15 vector registers V8 gives wasm); the best is the ceiling. m and c keep
// every value near c / (1 − m) = 0.1: no overflow, no subnormals.
import { median, warmUp } from './common.mjs';

const ACCUMULATORS = [4, 8, 10, 12];

// LEB128 of an unsigned integer.
function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

const f32x4Splat = (v) => {
  const bytes = new Uint8Array(new Float32Array([v, v, v, v]).buffer);
  return [0xfd, 0x0c, ...bytes]; // v128.const
};
const MUL = [0xfd, ...uleb(0xe6)]; // f32x4.mul
const ADD = [0xfd, ...uleb(0xe4)]; // f32x4.add

/**
 * A module exporting run(n: i32) -> f32, with `acc` accumulators; with `fromMemory` the
 * multiplier comes from its memory (one page, exported as "mem"; the caller writes it).
 */
function moduleBytes(acc, fromMemory = false) {
  // locals: param 0 = n; 1 .. acc = accumulators; acc + 1 = m; acc + 2 = c
  const m = acc + 1;
  const c = acc + 2;
  const body = [];
  for (let i = 1; i <= acc; i++) body.push(...f32x4Splat(0.1 + i * 1e-3), 0x21, i); // local.set
  body.push(...f32x4Splat(0.99999), 0x21, m, ...f32x4Splat(1e-6), 0x21, c);
  body.push(0x03, 0x40); // loop
  for (let i = 1; i <= acc; i++) {
    // the multiplier: local m, or v128.load (align 2^4) at offset 16 * i from address 0 (a slot
    // of its own: with shared slots V8 loaded each once and kept it, running out of registers)
    const mul = fromMemory ? [0x41, 0x00, 0xfd, 0x00, 0x04, ...uleb(16 * i)] : [0x20, m];
    body.push(0x20, i, ...mul, ...MUL, 0x20, c, ...ADD, 0x21, i);
  }
  // n = n - 1; br_if loop (n != 0)
  body.push(0x20, 0, 0x41, 1, 0x6b, 0x22, 0, 0x0d, 0, 0x0b);
  body.push(0x20, 1);
  for (let i = 2; i <= acc; i++) body.push(0x20, i, ...ADD);
  body.push(0xfd, 0x1f, 0, 0x0b); // f32x4.extract_lane 0; end
  const locals = [0x01, ...uleb(acc + 2), 0x7b]; // acc + 2 locals of v128
  const func = [...locals, ...body];
  const code = [0x01, ...uleb(func.length), ...func];
  const section = (id, content) => [id, ...uleb(content.length), ...content];
  const name = [...new TextEncoder().encode('run')];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7d]), // type (i32) -> f32
    ...section(3, [0x01, 0x00]), // one function of type 0
    ...(fromMemory ? section(5, [0x01, 0x00, 0x01]) : []), // one memory of one page
    ...section(7, [
      fromMemory ? 0x02 : 0x01,
      name.length, ...name, 0x00, 0x00, // export "run"
      ...(fromMemory ? [3, ...new TextEncoder().encode('mem'), 0x02, 0x00] : []), // and "mem"
    ]),
    ...section(10, code),
  ]);
}

const KINDS = [
  { kind: 'registers', fromMemory: false },
  { kind: 'memory', fromMemory: true },
];

export class Ceiling {
  constructor() {
    this.kernels = [];
    for (const { kind, fromMemory } of KINDS) {
      for (const acc of ACCUMULATORS) {
        const { exports } = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes(acc, fromMemory)));
        if (fromMemory) new Float32Array(exports.mem.buffer, 0, 4 * (acc + 1)).fill(0.99999);
        this.kernels.push({ kind, acc, run: exports.run });
      }
    }
  }

  static describe() {
    return `f32x4.mul + f32x4.add on ${ACCUMULATORS.join(', ')} independent accumulators kept in registers (bench/ceiling.mjs: hand-assembled wasm, 8 FLOPs per accumulator per loop iteration); "registers": both operands in registers; "memory": the multiplier loaded from L1 (v128.load) for every mul+add. Each kernel is warmed up until its speed stops rising, then timed round-robin with the others.`;
  }

  /**
   * GFLOP/s per kernel (median of `repeats`, each >= minMs, round-robin) and the best of each
   * kind: {rows: [{kind, acc, gflops}], best: {registers, memory}}.
   */
  async measure(repeats, minMs, settle) {
    const CHUNK = 1 << 14; // loop iterations per warm-up call
    const calls = [];
    for (const k of this.kernels) {
      await warmUp((n) => { k.run(CHUNK * n); }, { blockMs: Math.min(minMs, 30), minMs: 100, maxMs: 1000 });
      let n = CHUNK;
      for (;;) {
        const t0 = performance.now();
        k.run(n);
        const ms = performance.now() - t0;
        if (ms >= minMs || n >= 2 ** 30) break;
        n = Math.min(2 ** 30, Math.ceil(n * Math.max(2, (1.2 * minMs) / Math.max(ms, 0.01))));
      }
      calls.push(n);
    }
    const rates = this.kernels.map(() => []);
    for (let r = 0; r < repeats; r++) {
      for (let i = 0; i < this.kernels.length; i++) {
        const k = this.kernels[i];
        await settle();
        const t0 = performance.now();
        const sink = k.run(calls[i]);
        const s = (performance.now() - t0) / 1e3;
        if (!Number.isFinite(sink)) throw new Error('ceiling kernel: the accumulators overflowed');
        rates[i].push((calls[i] * k.acc * 8) / s / 1e9);
      }
    }
    const rows = this.kernels.map((k, i) => ({ kind: k.kind, acc: k.acc, gflops: median(rates[i]) }));
    const best = {};
    for (const { kind } of KINDS) best[kind] = Math.max(...rows.filter((r) => r.kind === kind).map((r) => r.gflops));
    return { rows, best };
  }
}
