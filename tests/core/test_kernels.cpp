// Every kernel against its scalar reference, for lengths 0 .. 2×lanes+1 (so the vector body,
// the tail and both together are all exercised) and GEMM for odd shapes in all orientations.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "kernels/activation.hpp"
#include "kernels/elementwise.hpp"
#include "kernels/gemm.hpp"
#include "kernels/reduce.hpp"
#include "kernels/simd.hpp"
#include "tensor.hpp"
#include "kernels/softmax.hpp"
#include "random.hpp"

using namespace lw;

namespace {

std::vector<float> random_vec(std::size_t n, Rng& rng, float scale = 3.0f) {
  std::vector<float> v(n);
  for (float& x : v) x = rng.uniform(-scale, scale);
  return v;
}

// |a − b| ≤ abs + rel·|b|, elementwise.
void require_close(const std::vector<float>& a, const std::vector<float>& b, float rel,
                   float abs = 1e-6f) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("index " << i << ": " << a[i] << " vs " << b[i]);
    REQUIRE(std::fabs(a[i] - b[i]) <= abs + rel * std::fabs(b[i]));
  }
}

const std::size_t kMaxLen = 2 * simd::kLanes + 1;

}  // namespace

TEST_CASE("pointwise kernels match their scalar references", "[kernels]") {
  Rng rng(7);
  for (std::size_t n = 0; n <= kMaxLen; ++n) {
    INFO("length " << n);
    auto x = random_vec(n, rng), y = random_vec(n, rng), dy = random_vec(n, rng);
    auto probs = random_vec(n, rng, 1.0f);
    for (float& p : probs) p = std::fabs(p);
    std::vector<float> got(n), want(n);

    auto unary = [&](auto fast, auto slow, const std::vector<float>& in, float rel) {
      fast(got.data(), in.data(), n);
      slow(want.data(), in.data(), n);
      require_close(got, want, rel);
    };
    auto binary = [&](auto fast, auto slow, const std::vector<float>& a,
                      const std::vector<float>& b, float rel) {
      fast(got.data(), a.data(), b.data(), n);
      slow(want.data(), a.data(), b.data(), n);
      require_close(got, want, rel);
    };
    unary(f32_relu, ref::f32_relu, x, 0);
    unary(f32_sigmoid, ref::f32_sigmoid, x, 1e-6f);
    unary(f32_tanh, ref::f32_tanh, x, 1e-6f);
    binary(f32_relu_backward, ref::f32_relu_backward, dy, x, 0);
    binary(f32_sigmoid_backward, ref::f32_sigmoid_backward, dy, probs, 1e-6f);
    binary(f32_tanh_backward, ref::f32_tanh_backward, dy, probs, 1e-6f);
    binary(f32_vadd, ref::f32_vadd, x, y, 0);
    binary(f32_vmul, ref::f32_vmul, x, y, 0);

    f32_leaky_relu(got.data(), x.data(), n, 0.2f);
    ref::f32_leaky_relu(want.data(), x.data(), n, 0.2f);
    require_close(got, want, 0);
    f32_leaky_relu_backward(got.data(), dy.data(), x.data(), n, 0.2f);
    ref::f32_leaky_relu_backward(want.data(), dy.data(), x.data(), n, 0.2f);
    require_close(got, want, 0);

    got = y;
    want = y;
    f32_scale(got.data(), 1.3f, n);
    ref::f32_scale(want.data(), 1.3f, n);
    require_close(got, want, 0);

    REQUIRE(f32_sum(x.data(), n) == Approx(ref::f32_sum(x.data(), n)).margin(1e-5));
    if (n > 0) REQUIRE(f32_max(x.data(), n) == ref::f32_max(x.data(), n));
  }
}

TEST_CASE("row kernels match their scalar references", "[kernels]") {
  Rng rng(11);
  for (std::size_t rows : {1u, 3u}) {
    for (std::size_t cols = 1; cols <= kMaxLen; ++cols) {
      INFO(rows << " x " << cols);
      std::size_t n = rows * cols;
      auto x = random_vec(n, rng, 10.0f), dy = random_vec(n, rng), b = random_vec(cols, rng);
      std::vector<float> got(n), want(n);

      f32_softmax(got.data(), x.data(), rows, cols);
      ref::f32_softmax(want.data(), x.data(), rows, cols);
      require_close(got, want, 1e-5f, 1e-7f);

      auto y = want;
      f32_softmax_backward(got.data(), dy.data(), y.data(), rows, cols);
      ref::f32_softmax_backward(want.data(), dy.data(), y.data(), rows, cols);
      require_close(got, want, 1e-5f, 1e-6f);

      std::vector<float> s1 = b, s2 = b;
      f32_col_sum_add(s1.data(), x.data(), rows, cols);
      ref::f32_col_sum_add(s2.data(), x.data(), rows, cols);
      require_close(s1, s2, 1e-6f, 1e-5f);
    }
  }
}

TEST_CASE("softmax survives huge logits", "[kernels]") {
  std::vector<float> x = {1000.0f, 0.0f, -1000.0f}, y(3);
  f32_softmax(y.data(), x.data(), 1, 3);
  REQUIRE(y[0] == Approx(1.0f));
  REQUIRE(y[1] == 0.0f);
}

TEST_CASE("gemm matches the reference in every orientation and odd shape", "[kernels][gemm]") {
  Rng rng(3);
  // Shapes around tile and block edges: 1, primes, and sizes just past the blocking factors.
  const std::size_t dims[] = {1, 2, 3, 7, 13, 17, 31, 33, 65, 97, 200, 259};
  for (Trans ta : {Trans::N, Trans::T}) {
    for (Trans tb : {Trans::N, Trans::T}) {
      for (std::size_t m : dims) {
        for (std::size_t n : {1u, 5u, 33u, 70u}) {
          for (std::size_t k : {1u, 9u, 64u, 300u}) {
            INFO("m=" << m << " n=" << n << " k=" << k << " ta=" << int(ta) << " tb=" << int(tb));
            auto a = random_vec(m * k, rng), b = random_vec(k * n, rng);
            auto bias = random_vec(n, rng), c0 = random_vec(m * n, rng);
            std::size_t lda = ta == Trans::N ? k : m, ldb = tb == Trans::N ? n : k;
            for (int variant = 0; variant < 3; ++variant) {
              std::vector<float> got = c0, want = c0;
              GemmArgs g{nullptr, n, a.data(), lda, ta, b.data(), ldb, tb, m, n, k};
              g.accumulate = variant == 1;
              if (variant == 2) g.bias = bias.data();
              g.c = got.data();
              f32_gemm(g);
              g.c = want.data();
              f32_gemm_ref(g);
              require_close(got, want, 1e-4f, 1e-4f * std::sqrt(float(k)));
            }
          }
        }
      }
    }
  }
}

TEST_CASE("the forward with W packed beforehand equals the plain forward", "[kernels][gemm]") {
  Rng rng(5);
  // Sizes around the blocks: in past one and two k blocks (and 784, the seed network's), out
  // past a register tile and the column block (kNC is 512 floats in 4-lane builds).
  for (std::size_t batch : {3u, 8u, 67u, 128u}) {
    for (auto [in, out] : {std::pair{300u, 45u}, {784u, 256u}, {401u, 10u}, {64u, 530u}}) {
      if (!f32_gemm_nt_packs(batch, out, in)) continue;
      INFO("batch " << batch << ", " << in << " -> " << out);
      auto x = random_vec(batch * in, rng), w = random_vec(out * in, rng);
      auto bias = random_vec(out, rng);
      Tensor packed({f32_packed_w_size(out, in)});
      f32_pack_w(packed.data(), w.data(), out, in);
      std::vector<float> got(batch * out), want(batch * out);
      f32_gemm_nt_packed(got.data(), x.data(), std::as_const(packed).data(), bias.data(), batch,
                         out, in);
      f32_gemm_ref({want.data(), out, x.data(), in, Trans::N, w.data(), in, Trans::T, batch, out,
                    in, false, bias.data()});
      require_close(got, want, 1e-4f, 1e-4f * std::sqrt(float(in)));
    }
  }
}

TEST_CASE("gemm with k = 0 gives the bias (or leaves C when accumulating)", "[kernels][gemm]") {
  std::vector<float> c = {5, 5, 5, 5}, bias = {1, -2};
  GemmArgs g{c.data(), 2, nullptr, 0, Trans::N, nullptr, 0, Trans::N, 2, 2, 0};
  g.bias = bias.data();
  f32_gemm(g);
  REQUIRE(c == std::vector<float>{1, -2, 1, -2});
  g.bias = nullptr;
  g.accumulate = true;
  f32_gemm(g);
  REQUIRE(c == std::vector<float>{1, -2, 1, -2});
}

TEST_CASE("the three backprop orientations compute X·Wᵀ+b, dYᵀ·X and dY·W", "[kernels][gemm]") {
  // Worked by hand: X = [[1, 2]], W = [[1, 0], [0, 1], [1, 1]] (out 3, in 2), b = [0, 1, 2].
  std::vector<float> x = {1, 2}, w = {1, 0, 0, 1, 1, 1}, b = {0, 1, 2}, y(3);
  f32_gemm_nt(y.data(), x.data(), w.data(), b.data(), 1, 3, 2);
  REQUIRE(y == std::vector<float>{1, 3, 5});
  std::vector<float> dy = {1, -1, 2}, dw(6, 1.0f), dx(2);
  f32_gemm_tn(dw.data(), dy.data(), x.data(), 1, 3, 2);  // dw += dyᵀ·x, starting from ones
  REQUIRE(dw == std::vector<float>{2, 3, 0, -1, 3, 5});
  f32_gemm_nn(dx.data(), dy.data(), w.data(), 1, 3, 2);  // dx = dy·W
  REQUIRE(dx == std::vector<float>{3, 1});
}

// f32_tanh is our own approximation (activation.cpp): within 4 ulp of tanh worked in double,
// across the whole float range, in the vector body and the scalar tail alike.
TEST_CASE("f32_tanh is within 4 ulp of tanh everywhere", "[kernels]") {
  std::vector<float> x;
  for (float v = 1e-30f; v < 40.0f; v *= 1.0007f) {  // every scale: tiny, the 0.625 seam, 1
    x.push_back(v);
    x.push_back(-v);
  }
  for (float v : {0.0f, -0.0f, 0.625f, 0.62499994f, 9.0f, 9.01f, 10.0f, 3.4e38f, -3.4e38f,
                  std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::infinity(),
                  -std::numeric_limits<float>::infinity()})
    x.push_back(v);
  x.push_back(0.3f);  // an odd count: the last values run through the scalar tail
  std::vector<float> y(x.size());
  f32_tanh(y.data(), x.data(), x.size());
  float worst = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    double want = std::tanh(static_cast<double>(x[i]));
    float ulp = std::nextafter(static_cast<float>(std::fabs(want)), 2.0f) -
                static_cast<float>(std::fabs(want));
    float err = static_cast<float>(std::fabs(y[i] - want) / ulp);
    INFO("tanh(" << x[i] << ") = " << y[i] << ", want " << want);
    REQUIRE(err <= 4.0f);
    REQUIRE(std::signbit(y[i]) == std::signbit(x[i]));
    worst = std::max(worst, err);
  }
  float nan = std::numeric_limits<float>::quiet_NaN(), out[5];
  const float in[5] = {nan, nan, nan, nan, nan};
  f32_tanh(out, in, 5);
  for (float v : out) REQUIRE(std::isnan(v));
  WARN("f32_tanh: worst error " << worst << " ulp over " << x.size() << " values");
}

TEST_CASE("f32_all_finite finds a NaN or an infinity at any position", "[kernels]") {
  const float bad[] = {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                       -std::numeric_limits<float>::infinity()};
  for (std::size_t n = 0; n <= 8 * simd::kLanes + 3; ++n) {  // the 4-vector body, twice, and a tail
    std::vector<float> x(n, std::numeric_limits<float>::max());
    for (std::size_t i = 0; i < n; i += 2) x[i] = -x[i];
    REQUIRE(f32_all_finite(x.data(), n));
    REQUIRE(ref::f32_all_finite(x.data(), n));
    for (std::size_t at = 0; at < n; ++at) {
      for (float b : bad) {
        std::vector<float> y = x;
        y[at] = b;
        INFO("length " << n << ", " << b << " at " << at);
        REQUIRE_FALSE(f32_all_finite(y.data(), n));
        REQUIRE_FALSE(ref::f32_all_finite(y.data(), n));
      }
    }
  }
}
