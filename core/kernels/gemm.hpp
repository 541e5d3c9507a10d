// gemm: C = op(A)·op(B), the matrix product behind every Linear layer.
//
// Backprop through y = x·Wᵀ + b needs three orientations (shapes for a batch of B samples,
// W of shape [out, in] as in PyTorch):
//   forward    Y[B,out]  = X[B,in] · Wᵀ + b    f32_gemm_nt  (with the bias fused in)
//   weights    dW[out,in] += dYᵀ · X           f32_gemm_tn
//   inputs     dX[B,in]  = dY[B,out] · W       f32_gemm_nn
// All three run one blocked, packed kernel (Goto & van de Geijn 2008, "Anatomy of
// high-performance matrix multiplication"): op(A) and op(B) are copied into contiguous panels
// (which absorbs the transposition), and an MR×NR register tile of accumulators does the
// work with one broadcast and NR/lanes fused multiply-adds per step of k.
// Tiny products (the playground's 2-8-8-1 nets) skip packing: it would cost more than the math.
#pragma once

#include <cstddef>

namespace lw {

enum class Trans { N, T };

struct GemmArgs {
  float* c; std::size_t ldc;                // C [m, n], row stride ldc
  const float* a; std::size_t lda; Trans ta;  // op(A) [m, k]: A is [m, k] (N) or [k, m] (T)
  const float* b; std::size_t ldb; Trans tb;  // op(B) [k, n]: B is [k, n] (N) or [n, k] (T)
  std::size_t m, n, k;
  bool accumulate = false;                  // C += product instead of C = product
  const float* bias = nullptr;              // [n], added to every row of C
};

void f32_gemm(const GemmArgs& g);
// Scalar reference (a triple loop, accumulating in double), for tests and benchmarks.
void f32_gemm_ref(const GemmArgs& g);

// y[B,out] = x[B,in]·w[out,in]ᵀ + bias[out] (bias may be null).
void f32_gemm_nt(float* y, const float* x, const float* w, const float* bias, std::size_t batch,
                 std::size_t out, std::size_t in);
// The forward with W packed beforehand (what XNNPACK does with a model's weights): when
// f32_gemm_nt_packs(batch, out, in) — a product big enough for the packed kernel —,
// f32_pack_w fills f32_packed_w_size(out, in) floats (64-byte aligned) from w once, and
// f32_gemm_nt_packed computes what f32_gemm_nt does from them as long as w is unchanged.
bool f32_gemm_nt_packs(std::size_t batch, std::size_t out, std::size_t in);
std::size_t f32_packed_w_size(std::size_t out, std::size_t in);
void f32_pack_w(float* dst, const float* w, std::size_t out, std::size_t in);
void f32_gemm_nt_packed(float* y, const float* x, const float* wpacked, const float* bias,
                        std::size_t batch, std::size_t out, std::size_t in);
// dw[out,in] += dy[B,out]ᵀ · x[B,in]
void f32_gemm_tn(float* dw, const float* dy, const float* x, std::size_t batch, std::size_t out,
                 std::size_t in);
// dx[B,in] = dy[B,out] · w[out,in]
void f32_gemm_nn(float* dx, const float* dy, const float* w, std::size_t batch, std::size_t out,
                 std::size_t in);

}  // namespace lw
