// The SIMD128 mul+add ceiling: how many GFLOP/s this machine's wasm engine (V8) reaches on
// f32x4 multiplies and adds alone, with no memory traffic. bench_wasm.mjs reports Layerwise's
// GEMM-bound workloads as a share of it.
//
// The kernel is a few hundred bytes of WebAssembly assembled here (no toolchain involved, so
// it measures V8 and the CPU, not a compiler): A accumulators, each updated in every loop
// iteration as acc = acc · m + c (f32x4.mul then f32x4.add: wasm SIMD128 has no fused
// multiply-add), for n iterations. The accumulators are independent, so with enough of them
// the multiplier and adder pipes stay busy; each chain waits on its own mul and add, so too
// few accumulators measure latency instead. A is tried at 4, 8 and 12 (12 accumulators, m and
// c fill 14 of the 15 vector registers V8 gives wasm); the best is the ceiling. m and c keep
// every value near c / (1 − m) = 0.1: no overflow, no subnormals.
import { median } from './common.mjs';

const ACCUMULATORS = [4, 8, 12];

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

/** A module exporting run(n: i32) -> f32, with `acc` accumulators. */
function moduleBytes(acc) {
  // locals: param 0 = n; 1 .. acc = accumulators; acc + 1 = m; acc + 2 = c
  const m = acc + 1;
  const c = acc + 2;
  const body = [];
  for (let i = 1; i <= acc; i++) body.push(...f32x4Splat(0.1 + i * 1e-3), 0x21, i); // local.set
  body.push(...f32x4Splat(0.99999), 0x21, m, ...f32x4Splat(1e-6), 0x21, c);
  body.push(0x03, 0x40); // loop
  for (let i = 1; i <= acc; i++) body.push(0x20, i, 0x20, m, ...MUL, 0x20, c, ...ADD, 0x21, i);
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
    ...section(7, [0x01, name.length, ...name, 0x00, 0x00]), // export "run"
    ...section(10, code),
  ]);
}

export class Ceiling {
  constructor() {
    this.kernels = ACCUMULATORS.map((acc) => ({
      acc,
      run: new WebAssembly.Instance(new WebAssembly.Module(moduleBytes(acc))).exports.run,
    }));
  }

  static describe() {
    return `f32x4.mul + f32x4.add on ${ACCUMULATORS.join(', ')} independent register-resident accumulators (bench/ceiling.mjs: hand-assembled wasm, 8 FLOPs per accumulator per iteration).`;
  }

  /** GFLOP/s per accumulator count (median of `repeats`, each ≥ minMs) and the best of them. */
  async measure(repeats, minMs, settle) {
    const rows = [];
    for (const k of this.kernels) {
      let n = 1 << 16;
      for (;;) {
        k.run(n); // warm-up, then calibrate: enough iterations for minMs
        const t0 = performance.now();
        k.run(n);
        const ms = performance.now() - t0;
        if (ms >= minMs) break;
        n = Math.min(2 ** 30, Math.ceil(n * Math.max(2, (1.2 * minMs) / Math.max(ms, 0.01))));
        if (n >= 2 ** 30) break;
      }
      const rates = [];
      for (let r = 0; r < repeats; r++) {
        await settle();
        const t0 = performance.now();
        const sink = k.run(n);
        const s = (performance.now() - t0) / 1e3;
        if (!Number.isFinite(sink)) throw new Error('ceiling kernel: the accumulators overflowed');
        rates.push((n * k.acc * 8) / s / 1e9);
      }
      rows.push({ acc: k.acc, gflops: median(rates) });
    }
    const best = rows.reduce((a, b) => (b.gflops > a.gflops ? b : a));
    return { rows, best };
  }
}
