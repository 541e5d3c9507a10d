#include "gemm.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "simd.hpp"

namespace lw {

namespace {

using simd::fvec;
using simd::kLanes;

// Register tile: kMR rows × kNR columns of accumulators (kNV vectors per row). With AVX-512's
// 32 registers a 12×32 tile uses 24 of them; with AVX2's 16 (and FMA) a 6×16 tile uses 12.
// 4-lane builds are for wasm: V8 gives wasm only xmm0–xmm14 and SIMD128 has no FMA (a product
// needs a temporary), so a 6×8 tile spilled every k step; 4×8 fits (1.6× the GEMM speed there).
constexpr std::size_t kNV = 2;
constexpr std::size_t kNR = kNV * kLanes;
constexpr std::size_t kMR = kLanes >= 16 ? 12 : kLanes == 8 ? 6 : 4;
// Cache blocks: a kKC×kNR panel of B stays in L1, a kMC×kKC block of A in L2. k is cut into
// equal blocks of at most kKC (784 = 2 × 392, not 3 × 256 + 16: a thin last block reads and
// writes all of C for a few multiply-adds).
constexpr std::size_t kKC = kLanes >= 16 ? 192 : 400;
constexpr std::size_t kMC = kMR * 8;
constexpr std::size_t kNC = kNR * 64;
// Below this many multiply-adds (or with fewer rows than a tile), packing costs more than it saves.
constexpr std::size_t kDirectFlops = 32 * 32 * 32;

struct FreeDeleter {
  void operator()(float* p) const { std::free(p); }
};

// One scratch buffer per thread, grown on demand and kept: no allocation per call.
float* scratch(std::unique_ptr<float[], FreeDeleter>& buf, std::size_t& cap, std::size_t n) {
  if (n > cap) {
    buf.reset(static_cast<float*>(std::aligned_alloc(64, (n * sizeof(float) + 63) / 64 * 64)));
    cap = n;
  }
  return buf.get();
}

// Packing reads one operand across its rows. In 4-lane builds (SSE4.1, and wasm SIMD128,
// where the 4×4 shuffles are single instructions) it moves 4×4 blocks through registers:
// dst[q·dst_ld + r] = src[r·ld + q] for r, q < 4. The scalar copies cost a tenth of a forward
// pass of the seed network at batch 128 in wasm (bench/README.md, "The boundary").
constexpr bool kTransposeBlocks = kLanes == 4;
inline void transpose4(const float* src, std::size_t ld, float* dst, std::size_t dst_ld) {
  __m128 r0 = _mm_loadu_ps(src), r1 = _mm_loadu_ps(src + ld), r2 = _mm_loadu_ps(src + 2 * ld),
         r3 = _mm_loadu_ps(src + 3 * ld);
  _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
  _mm_storeu_ps(dst, r0);
  _mm_storeu_ps(dst + dst_ld, r1);
  _mm_storeu_ps(dst + 2 * dst_ld, r2);
  _mm_storeu_ps(dst + 3 * dst_ld, r3);
}

// op(A)[i0 : i0+mc, p0 : p0+kc] -> panels of kMR rows; panel layout [p][r], zero-padded rows.
void pack_a(float* dst, const GemmArgs& g, std::size_t i0, std::size_t mc, std::size_t p0,
            std::size_t kc) {
  for (std::size_t ir = 0; ir < mc; ir += kMR, dst += kc * kMR) {
    std::size_t mr = std::min(kMR, mc - ir);
    std::size_t p = 0;
    if constexpr (kTransposeBlocks && kMR == 4) {
      if (g.ta == Trans::N && mr == 4) {
        const float* s = g.a + (i0 + ir) * g.lda + p0;
        for (; p + 4 <= kc; p += 4) transpose4(s + p, g.lda, dst + p * kMR, kMR);
      }
    }
    for (; p < kc; ++p) {
      float* d = dst + p * kMR;
      if (g.ta == Trans::N) {
        const float* s = g.a + (i0 + ir) * g.lda + p0 + p;
        for (std::size_t r = 0; r < mr; ++r) d[r] = s[r * g.lda];
      } else {
        const float* s = g.a + (p0 + p) * g.lda + i0 + ir;
        for (std::size_t r = 0; r < mr; ++r) d[r] = s[r];
      }
      for (std::size_t r = mr; r < kMR; ++r) d[r] = 0.0f;
    }
  }
}

// op(B)[p0 : p0+kc, j0 : j0+nc] -> panels of kNR columns; panel layout [p][j], zero-padded.
void pack_b(float* dst, const GemmArgs& g, std::size_t p0, std::size_t kc, std::size_t j0,
            std::size_t nc) {
  for (std::size_t jr = 0; jr < nc; jr += kNR, dst += kc * kNR) {
    std::size_t nr = std::min(kNR, nc - jr);
    if (g.tb == Trans::N) {
      for (std::size_t p = 0; p < kc; ++p) {
        const float* s = g.b + (p0 + p) * g.ldb + j0 + jr;
        float* d = dst + p * kNR;
        std::copy(s, s + nr, d);
        std::fill(d + nr, d + kNR, 0.0f);
      }
    } else {
      std::size_t j = 0;
      if constexpr (kTransposeBlocks) {
        for (; j + 4 <= nr; j += 4) {
          const float* s = g.b + (j0 + jr + j) * g.ldb + p0;
          std::size_t p = 0;
          for (; p + 4 <= kc; p += 4) transpose4(s + p, g.ldb, dst + p * kNR + j, kNR);
          for (; p < kc; ++p)
            for (std::size_t r = 0; r < 4; ++r) dst[p * kNR + j + r] = s[r * g.ldb + p];
        }
      }
      for (; j < nr; ++j) {
        const float* s = g.b + (j0 + jr + j) * g.ldb + p0;
        for (std::size_t p = 0; p < kc; ++p) dst[p * kNR + j] = s[p];
      }
      for (std::size_t p = 0; p < kc; ++p)
        std::fill(dst + p * kNR + nr, dst + (p + 1) * kNR, 0.0f);
    }
  }
}

// How a finished tile lands in C: overwrite or add, bias on the first k-block.
struct Store {
  bool overwrite;
  const float* bias;
};

template <class T>
inline T finish(T value, T old, T bias, const Store& s) {
  T v = s.overwrite ? value : value + old;
  return v + bias;
}

// The micro-kernel: acc[kMR][kNV] += a_panel ⊗ b_panel over kc steps, then stored into C.
void micro_kernel(std::size_t kc, const float* __restrict ap, const float* __restrict bp, float* c,
                  std::size_t ldc, std::size_t mr, std::size_t nr, const Store& s) {
  fvec acc[kMR][kNV];
  for (std::size_t r = 0; r < kMR; ++r)
    for (std::size_t v = 0; v < kNV; ++v) acc[r][v] = fvec(0.0f);
  for (std::size_t p = 0; p < kc; ++p, ap += kMR, bp += kNR) {
    fvec b[kNV];
    for (std::size_t v = 0; v < kNV; ++v) b[v] = fvec::load_aligned(bp + v * kLanes);
    for (std::size_t r = 0; r < kMR; ++r) {
      fvec a(ap[r]);
      for (std::size_t v = 0; v < kNV; ++v) acc[r][v] = simd::fma(a, b[v], acc[r][v]);
    }
  }
  if (mr == kMR && nr == kNR) {
    for (std::size_t r = 0; r < kMR; ++r) {
      float* row = c + r * ldc;
      for (std::size_t v = 0; v < kNV; ++v) {
        float* cp = row + v * kLanes;
        fvec old = s.overwrite ? fvec(0.0f) : simd::load(cp);
        fvec bias = s.bias ? simd::load(s.bias + v * kLanes) : fvec(0.0f);
        simd::store(cp, finish(acc[r][v], old, bias, s));
      }
    }
    return;
  }
  alignas(64) float tile[kMR][kNR];
  for (std::size_t r = 0; r < kMR; ++r)
    for (std::size_t v = 0; v < kNV; ++v) acc[r][v].store_aligned(&tile[r][v * kLanes]);
  for (std::size_t r = 0; r < mr; ++r)
    for (std::size_t j = 0; j < nr; ++j) {
      float& out = c[r * ldc + j];
      out = finish(tile[r][j], s.overwrite ? 0.0f : out, s.bias ? s.bias[j] : 0.0f, s);
    }
}

// The k blocks: equal, of at most kKC.
std::size_t k_step(std::size_t k) {
  const std::size_t blocks = (k + kKC - 1) / kKC;
  return (k + blocks - 1) / blocks;
}

// Every block of op(B) packed, in the order gemm_packed visits them (jc, then pc): what
// f32_pack_b writes and gemm_packed reads when given it.
std::size_t packed_b_size(std::size_t k, std::size_t n) {
  return (n + kNR - 1) / kNR * kNR * k;
}

// With `prepacked` (f32_pack_b's output for g's B), op(B) is not packed again.
void gemm_packed(const GemmArgs& g, const float* prepacked = nullptr) {
  thread_local std::unique_ptr<float[], FreeDeleter> abuf, bbuf;
  thread_local std::size_t acap = 0, bcap = 0;
  float* ap = scratch(abuf, acap, kMC * kKC);
  float* bbuffer = prepacked ? nullptr : scratch(bbuf, bcap, kKC * kNC);
  const std::size_t kstep = k_step(g.k);
  for (std::size_t jc = 0; jc < g.n; jc += kNC) {
    std::size_t nc = std::min(kNC, g.n - jc);
    for (std::size_t pc = 0; pc < g.k; pc += kstep) {
      std::size_t kc = std::min(kstep, g.k - pc);
      const float* bp = bbuffer;
      if (prepacked) {
        bp = prepacked;
        prepacked += (nc + kNR - 1) / kNR * kNR * kc;
      } else {
        pack_b(bbuffer, g, pc, kc, jc, nc);
      }
      bool first = pc == 0;
      for (std::size_t ic = 0; ic < g.m; ic += kMC) {
        std::size_t mc = std::min(kMC, g.m - ic);
        pack_a(ap, g, ic, mc, pc, kc);
        for (std::size_t jr = 0; jr < nc; jr += kNR) {
          Store s{first && !g.accumulate, first && g.bias ? g.bias + jc + jr : nullptr};
          for (std::size_t ir = 0; ir < mc; ir += kMR) {
            micro_kernel(kc, ap + ir * kc, bp + jr * kc, g.c + (ic + ir) * g.ldc + jc + jr, g.ldc,
                         std::min(kMR, mc - ir), std::min(kNR, nc - jr), s);
          }
        }
      }
    }
  }
}

// Small products, no packing (what tiny networks such as 2-8-8-1 run on every step, so their
// per-step cost is mostly here). Each row of C is built in registers, a block of up to kDV
// vectors of columns at a time: acc = Σ_p op(A)[i, p] · op(B)[p, block], with op(B)'s rows
// contiguous in j, then stored once (C is neither loaded nor stored per p). op(B) = Bᵀ (NT, the
// forward pass) is transposed into a stack buffer first when it is small; a larger one
// (batch-1 inference of a wide layer: k = 784) and single rows take dot products instead.
constexpr std::size_t kDV = 4;          // vectors of columns per register block
constexpr std::size_t kSmallT = 4096;   // the most values of Bᵀ transposed on the stack (16 KiB)

inline float finish_one(float sum, const float* c, const float* bias, bool accumulate) {
  return (accumulate ? *c : 0.0f) + sum + (bias ? *bias : 0.0f);
}

// c[j, j + V·kLanes) (+)= Σ_p a[p·as] · b[p·ldb + j ...] (+ bias): V vectors of columns held in
// registers over the whole sum.
template <std::size_t V>
inline void block_direct(float* c, const float* a, std::size_t as, const float* b,
                         std::size_t ldb, std::size_t k, bool accumulate, const float* bias) {
  fvec acc[V];
  for (std::size_t v = 0; v < V; ++v) acc[v] = fvec(0.0f);
  for (std::size_t p = 0; p < k; ++p) {
    fvec av(a[p * as]);
    const float* bp = b + p * ldb;
    for (std::size_t v = 0; v < V; ++v) acc[v] = simd::fma(av, simd::load(bp + v * kLanes), acc[v]);
  }
  for (std::size_t v = 0; v < V; ++v) {
    float* cp = c + v * kLanes;
    fvec out = accumulate ? acc[v] + simd::load(cp) : acc[v];
    simd::store(cp, bias ? out + simd::load(bias + v * kLanes) : out);
  }
}

// c[0, n) (+)= Σ_p a[p·as] · b[p·ldb + j] (+ bias[j]): blocks of kDV vectors, then one block of
// what is left (two 4-lane vectors for a layer of 8), then the scalar columns.
void row_direct(float* c, const float* a, std::size_t as, const float* b, std::size_t ldb,
                std::size_t n, std::size_t k, bool accumulate, const float* bias) {
  std::size_t j = 0;
  auto at = [&](std::size_t col) { return bias ? bias + col : nullptr; };
  for (; j + kDV * kLanes <= n; j += kDV * kLanes)
    block_direct<kDV>(c + j, a, as, b + j, ldb, k, accumulate, at(j));
  switch ((n - j) / kLanes) {
    case 3:
      block_direct<3>(c + j, a, as, b + j, ldb, k, accumulate, at(j));
      j += 3 * kLanes;
      break;
    case 2:
      block_direct<2>(c + j, a, as, b + j, ldb, k, accumulate, at(j));
      j += 2 * kLanes;
      break;
    case 1:
      block_direct<1>(c + j, a, as, b + j, ldb, k, accumulate, at(j));
      j += kLanes;
      break;
    default:
      break;
  }
  for (; j < n; ++j) {
    float sum = 0.0f;
    for (std::size_t p = 0; p < k; ++p) sum = simd::fma(a[p * as], b[p * ldb + j], sum);
    c[j] = finish_one(sum, c + j, at(j), accumulate);
  }
}

// C[i, j] = dot(A[i, :], B[j, :]) for NT: both rows contiguous in k. Four rows of B at a
// time, two accumulators each: one accumulator per dot product waits on its own additions
// (latency-bound at a third of the adder's rate); eight independent ones keep it busy and
// read each vector of A once for four rows. Batch-1 inference (m = 1) runs here.
void gemm_dots(const GemmArgs& g) {
  for (std::size_t i = 0; i < g.m; ++i) {
    const float* a = g.a + i * g.lda;
    float* c = g.c + i * g.ldc;
    std::size_t j = 0;
    for (; j + 4 <= g.n; j += 4) {
      const float* b = g.b + j * g.ldb;
      fvec acc[4][2];
      for (auto& row : acc) row[0] = row[1] = fvec(0.0f);
      std::size_t p = 0;
      for (; p + 2 * kLanes <= g.k; p += 2 * kLanes) {
        fvec a0 = simd::load(a + p), a1 = simd::load(a + p + kLanes);
        for (std::size_t r = 0; r < 4; ++r) {
          acc[r][0] = simd::fma(a0, simd::load(b + r * g.ldb + p), acc[r][0]);
          acc[r][1] = simd::fma(a1, simd::load(b + r * g.ldb + p + kLanes), acc[r][1]);
        }
      }
      for (; p + kLanes <= g.k; p += kLanes) {
        fvec a0 = simd::load(a + p);
        for (std::size_t r = 0; r < 4; ++r)
          acc[r][0] = simd::fma(a0, simd::load(b + r * g.ldb + p), acc[r][0]);
      }
      for (std::size_t r = 0; r < 4; ++r) {
        float sum = xsimd::hadd(acc[r][0] + acc[r][1]);
        for (std::size_t q = p; q < g.k; ++q) sum += a[q] * b[r * g.ldb + q];
        c[j + r] = finish_one(sum, c + j + r, g.bias ? g.bias + j + r : nullptr, g.accumulate);
      }
    }
    for (; j < g.n; ++j) {
      const float* b = g.b + j * g.ldb;
      fvec acc(0.0f);
      std::size_t p = 0;
      for (; p + kLanes <= g.k; p += kLanes) acc = simd::fma(simd::load(a + p), simd::load(b + p), acc);
      float sum = xsimd::hadd(acc);
      for (; p < g.k; ++p) sum += a[p] * b[p];
      c[j] = finish_one(sum, c + j, g.bias ? g.bias + j : nullptr, g.accumulate);
    }
  }
}

void gemm_direct(const GemmArgs& g) {
  const bool small_t = g.k * g.n <= kSmallT;
  if (g.tb == Trans::T && g.ta == Trans::N && (g.m < 2 || !small_t)) return gemm_dots(g);
  // Aᵀ·Bᵀ beyond the stack buffer: no layer asks for it, so the plain loops serve.
  if (g.tb == Trans::T && !small_t) return f32_gemm_ref(g);
  const float* b = g.b;
  std::size_t ldb = g.ldb;
  alignas(64) float bt[kSmallT];
  if (g.tb == Trans::T) {
    for (std::size_t j = 0; j < g.n; ++j)
      for (std::size_t p = 0; p < g.k; ++p) bt[p * g.n + j] = g.b[j * g.ldb + p];
    b = bt;
    ldb = g.n;
  }
  for (std::size_t i = 0; i < g.m; ++i) {
    const float* a = g.ta == Trans::N ? g.a + i * g.lda : g.a + i;
    row_direct(g.c + i * g.ldc, a, g.ta == Trans::N ? 1 : g.lda, b, ldb, g.n, g.k, g.accumulate,
               g.bias);
  }
}

}  // namespace

namespace {
bool takes_packed(std::size_t m, std::size_t n, std::size_t k) {
  return !(k == 0 || m * n * k <= kDirectFlops || m < kMR / 2);
}
}  // namespace

void f32_gemm(const GemmArgs& g) {
  assert(g.m == 0 || g.n == 0 || g.c != nullptr);
  if (g.m == 0 || g.n == 0) return;
  if (takes_packed(g.m, g.n, g.k)) {
    gemm_packed(g);
  } else {
    gemm_direct(g);
  }
}

std::size_t f32_packed_w_size(std::size_t out, std::size_t in) { return packed_b_size(in, out); }

void f32_pack_w(float* dst, const float* w, std::size_t out, std::size_t in) {
  const GemmArgs g{nullptr, out, nullptr, in, Trans::N, w, in, Trans::T, 0, out, in};
  const std::size_t kstep = k_step(in);
  for (std::size_t jc = 0; jc < out; jc += kNC) {
    std::size_t nc = std::min(kNC, out - jc);
    for (std::size_t pc = 0; pc < in; pc += kstep) {
      std::size_t kc = std::min(kstep, in - pc);
      pack_b(dst, g, pc, kc, jc, nc);
      dst += (nc + kNR - 1) / kNR * kNR * kc;
    }
  }
}

bool f32_gemm_nt_packs(std::size_t batch, std::size_t out, std::size_t in) {
  return batch > 0 && out > 0 && takes_packed(batch, out, in);
}

void f32_gemm_nt_packed(float* y, const float* x, const float* wpacked, const float* bias,
                        std::size_t batch, std::size_t out, std::size_t in) {
  assert(f32_gemm_nt_packs(batch, out, in));
  gemm_packed({y, out, x, in, Trans::N, nullptr, in, Trans::T, batch, out, in, false, bias},
              wpacked);
}

void f32_gemm_ref(const GemmArgs& g) {
  for (std::size_t i = 0; i < g.m; ++i)
    for (std::size_t j = 0; j < g.n; ++j) {
      double sum = 0;
      for (std::size_t p = 0; p < g.k; ++p) {
        float a = g.ta == Trans::N ? g.a[i * g.lda + p] : g.a[p * g.lda + i];
        float b = g.tb == Trans::N ? g.b[p * g.ldb + j] : g.b[j * g.ldb + p];
        sum += static_cast<double>(a) * b;
      }
      float& c = g.c[i * g.ldc + j];
      c = (g.accumulate ? c : 0.0f) + static_cast<float>(sum) + (g.bias ? g.bias[j] : 0.0f);
    }
}

void f32_gemm_nt(float* y, const float* x, const float* w, const float* bias, std::size_t batch,
                 std::size_t out, std::size_t in) {
  f32_gemm({y, out, x, in, Trans::N, w, in, Trans::T, batch, out, in, false, bias});
}

void f32_gemm_tn(float* dw, const float* dy, const float* x, std::size_t batch, std::size_t out,
                 std::size_t in) {
  f32_gemm({dw, in, dy, out, Trans::T, x, in, Trans::N, out, in, batch, true, nullptr});
}

void f32_gemm_nn(float* dx, const float* dy, const float* w, std::size_t batch, std::size_t out,
                 std::size_t in) {
  f32_gemm({dx, in, dy, out, Trans::N, w, in, Trans::N, batch, in, out, false, nullptr});
}

}  // namespace lw
