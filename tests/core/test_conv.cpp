// Convolution and pooling: forward values worked by hand, the im2col + GEMM kernels against
// the defining sums (forward and backward), backward against central differences at odd
// sizes, strides, padding and several channels, PyTorch's default initialisation bounds and
// fans, the spec round trip, every bad spec, and the small CNN learning.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "error.hpp"
#include "gradcheck.hpp"
#include "kernels/conv.hpp"
#include "kernels/pool.hpp"
#include "layers/conv2d.hpp"
#include "layers/pool2d.hpp"
#include "losses/loss.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"

using namespace lw;
using Catch::Contains;

namespace {

// x[i][j] = 4i + j + 1 on a 4×4 image: 1 2 3 4 / 5 6 7 8 / 9 10 11 12 / 13 14 15 16.
std::vector<float> ramp16() {
  std::vector<float> x(16);
  for (std::size_t i = 0; i < 16; ++i) x[i] = float(i + 1);
  return x;
}

Window window(std::size_t k, std::size_t s, std::size_t p) { return {k, k, s, s, p, p}; }

// Runs a conv2d layer on x [batch, ...input] with the given weight and bias; returns y.
std::vector<float> conv(const Shape& input, std::size_t out, const Window& win,
                        const std::vector<float>& w, const std::vector<float>& b,
                        const std::vector<float>& x, Shape* out_shape = nullptr) {
  Conv2d layer(0, out, win);
  Shape os = layer.configure(input);
  if (out_shape) *out_shape = os;
  std::copy(w.begin(), w.end(), layer.weight().value.data());
  std::copy(b.begin(), b.end(), layer.bias().value.data());
  Tensor xt = Tensor::from(batch_shape(x.size() / shape_size(input), input), x), y;
  layer.forward(y, xt, Pass{});
  return {y.span().begin(), y.span().end()};
}

std::vector<float> pool(Pool2d::Kind kind, const Window& win, const std::vector<float>& x,
                        std::vector<float>* dx = nullptr) {
  Pool2d layer(kind, 0, win);
  layer.configure({1, 4, 4});
  Tensor xt = Tensor::from({1, 1, 4, 4}, x), y, d;
  layer.forward(y, xt, Pass{});
  if (dx) {
    Tensor dy(y.shape());
    dy.fill(1.0f);
    layer.backward(&d, dy, xt, y);
    dx->assign(d.span().begin(), d.span().end());
  }
  return {y.span().begin(), y.span().end()};
}

// The defining sum of a convolution, in double, straight from docs/semantics.md.
std::vector<float> conv_by_definition(const std::vector<float>& x, const std::vector<float>& w,
                                      const std::vector<float>& b, std::size_t batch,
                                      std::size_t out, const Conv2dGeometry& g) {
  std::size_t oh = g.out_h(), ow = g.out_w();
  std::vector<float> y(batch * out * oh * ow);
  for (std::size_t n = 0; n < batch; ++n)
    for (std::size_t o = 0; o < out; ++o)
      for (std::size_t i = 0; i < oh; ++i)
        for (std::size_t j = 0; j < ow; ++j) {
          double s = b[o];
          for (std::size_t c = 0; c < g.c; ++c)
            for (std::size_t u = 0; u < g.kh; ++u)
              for (std::size_t v = 0; v < g.kw; ++v) {
                long iy = long(i * g.sh + u) - long(g.ph), ix = long(j * g.sw + v) - long(g.pw);
                if (iy < 0 || ix < 0 || iy >= long(g.h) || ix >= long(g.w)) continue;
                s += double(w[((o * g.c + c) * g.kh + u) * g.kw + v]) *
                     x[((n * g.c + c) * g.h + std::size_t(iy)) * g.w + std::size_t(ix)];
              }
          y[((n * out + o) * oh + i) * ow + j] = float(s);
        }
  return y;
}

// The gradients of the defining sum, in double: for every term w[o,c,u,v]·x[n,c,iy,ix] of
// y[n,o,i,j], dw gets dy·x, dx gets dy·w, db[o] gets dy.
struct Grads {
  std::vector<float> dx, dw, db;
};
Grads conv_grads_by_definition(const std::vector<float>& x, const std::vector<float>& w,
                               const std::vector<float>& dy, std::size_t batch, std::size_t out,
                               const Conv2dGeometry& g) {
  std::size_t oh = g.out_h(), ow = g.out_w();
  std::vector<double> dx(x.size()), dw(w.size()), db(out);
  for (std::size_t n = 0; n < batch; ++n)
    for (std::size_t o = 0; o < out; ++o)
      for (std::size_t i = 0; i < oh; ++i)
        for (std::size_t j = 0; j < ow; ++j) {
          double d = dy[((n * out + o) * oh + i) * ow + j];
          db[o] += d;
          for (std::size_t c = 0; c < g.c; ++c)
            for (std::size_t u = 0; u < g.kh; ++u)
              for (std::size_t v = 0; v < g.kw; ++v) {
                long iy = long(i * g.sh + u) - long(g.ph), ix = long(j * g.sw + v) - long(g.pw);
                if (iy < 0 || ix < 0 || iy >= long(g.h) || ix >= long(g.w)) continue;
                std::size_t xi = ((n * g.c + c) * g.h + std::size_t(iy)) * g.w + std::size_t(ix);
                std::size_t wi = ((o * g.c + c) * g.kh + u) * g.kw + v;
                dw[wi] += d * x[xi];
                dx[xi] += d * w[wi];
              }
        }
  auto f = [](const std::vector<double>& v) { return std::vector<float>(v.begin(), v.end()); };
  return {f(dx), f(dw), f(db)};
}

std::vector<float> random(std::size_t n, Rng& rng) {
  std::vector<float> v(n);
  for (float& x : v) x = rng.uniform(-1, 1);
  return v;
}

Model build(const char* spec) { return Model::from_spec_text(spec); }

}  // namespace

TEST_CASE("conv2d forward on a 4×4 image with a 2×2 kernel, worked by hand", "[conv]") {
  // w = [[1, 2], [3, 4]], bias 0.5, x[i][j] = 4i + j + 1. Without padding each output is
  //   x[i][j] + 2·x[i][j+1] + 3·x[i+1][j] + 4·x[i+1][j+1] + 0.5
  //   = (4i+j+1) + 2(4i+j+2) + 3(4i+j+5) + 4(4i+j+6) + 0.5 = 44.5 + 40i + 10j.
  std::vector<float> w = {1, 2, 3, 4}, b = {0.5f}, x = ramp16();
  Shape os;
  REQUIRE(conv({1, 4, 4}, 1, window(2, 1, 0), w, b, x, &os) ==
          std::vector<float>{44.5f, 54.5f, 64.5f, 84.5f, 94.5f, 104.5f, 124.5f, 134.5f, 144.5f});
  REQUIRE(os == Shape{1, 3, 3});
  // Stride 2: ⌊(4 − 2) / 2⌋ + 1 = 2 rows and columns, the outputs at (0, 0), (0, 2), (2, 0)
  // and (2, 2).
  REQUIRE(conv({1, 4, 4}, 1, window(2, 2, 0), w, b, x, &os) ==
          std::vector<float>{44.5f, 64.5f, 124.5f, 144.5f});
  REQUIRE(os == Shape{1, 2, 2});
  // Padding 1, stride 2: ⌊(4 + 2 − 2) / 2⌋ + 1 = 3; window (i, j) starts at row 2i − 1.
  //   (0,0): only x[0][0] = 1 under tap w[1][1] = 4          → 4 + 0.5 = 4.5
  //   (0,1): x[0][1] = 2 under w[1][0] = 3, x[0][2] = 3 under 4 → 6 + 12 + 0.5 = 18.5
  //   (0,2): x[0][3] = 4 under w[1][0] = 3                     → 12.5
  //   (1,0): x[1][0] = 5 under w[0][1] = 2, x[2][0] = 9 under 4 → 10 + 36 + 0.5 = 46.5
  //   (1,1): rows 1–2, columns 1–2, the unpadded (1, 1)        → 94.5
  //   (1,2): x[1][3] = 8 under w[0][0] = 1, x[2][3] = 12 under 3 → 8 + 36 + 0.5 = 44.5
  //   (2,0): x[3][0] = 13 under w[0][1] = 2                    → 26.5
  //   (2,1): x[3][1] = 14 under 1, x[3][2] = 15 under 2         → 14 + 30 + 0.5 = 44.5
  //   (2,2): x[3][3] = 16 under w[0][0] = 1                    → 16.5
  REQUIRE(conv({1, 4, 4}, 1, window(2, 2, 1), w, b, x, &os) ==
          std::vector<float>{4.5f, 18.5f, 12.5f, 46.5f, 94.5f, 44.5f, 26.5f, 44.5f, 16.5f});
  REQUIRE(os == Shape{1, 3, 3});
}

TEST_CASE("conv2d sums over input channels, one plane per output channel", "[conv]") {
  // Channel 0 = 1 … 9 on a 3×3 grid, channel 1 = all ones; two 2×2 filters.
  //   out 0: w[0] = [[1,0],[0,0]] on channel 0, all ones on channel 1 → x0[i][j] + 4
  //   out 1: w[1] = [[0,0],[0,1]] on channel 0, [[-1,0],[0,0]] on channel 1, bias 10
  //          → x0[i+1][j+1] − 1 + 10
  std::vector<float> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  std::vector<float> w = {1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, -1, 0, 0, 0}, b = {0, 10};
  REQUIRE(conv({2, 3, 3}, 2, window(2, 1, 0), w, b, x) ==
          std::vector<float>{5, 6, 8, 9, 14, 15, 17, 18});
}

TEST_CASE("im2col + GEMM computes the defining sums, forward and backward", "[conv][kernels]") {
  Rng rng(5);
  struct Case {
    std::size_t batch, out;
    Conv2dGeometry g;
  };
  // Odd sizes, non-square kernels, strides, padding (up to a kernel wider than the image);
  // the small CNN's two layers.
  std::vector<Case> cases = {{2, 3, {2, 5, 7, 3, 2, 1, 1, 0, 0}},
                             {1, 4, {3, 9, 6, 3, 3, 2, 2, 1, 1}},
                             {3, 2, {1, 7, 5, 2, 3, 2, 1, 1, 1}},
                             {2, 8, {1, 28, 28, 5, 5, 1, 1, 0, 0}},
                             {2, 16, {8, 12, 12, 5, 5, 1, 1, 0, 0}},
                             {1, 5, {4, 6, 6, 6, 6, 1, 1, 2, 2}},
                             {2, 2, {2, 3, 4, 5, 5, 3, 2, 2, 2}}};
  for (const Case& cs : cases) {
    const Conv2dGeometry& g = cs.g;
    INFO("c " << g.c << " h " << g.h << " w " << g.w << " k " << g.kh << "×" << g.kw << " s "
              << g.sh << "×" << g.sw << " p " << g.ph << "×" << g.pw);
    auto x = random(cs.batch * g.in_size(), rng), w = random(cs.out * g.patch(), rng),
         b = random(cs.out, rng);
    auto want = conv_by_definition(x, w, b, cs.batch, cs.out, g);
    std::vector<float> y(want.size()), col(g.col_size());
    f32_conv2d_im2col(y.data(), x.data(), w.data(), b.data(), cs.batch, cs.out, g, col.data());
    for (std::size_t i = 0; i < want.size(); ++i) REQUIRE(y[i] == Approx(want[i]).margin(1e-5));
    // Backward adds into dw and db (here starting from 0.5 and 0.25) and overwrites dx.
    auto dy = random(want.size(), rng);
    Grads ref = conv_grads_by_definition(x, w, dy, cs.batch, cs.out, g);
    std::vector<float> dx(x.size(), 9.0f), dw(w.size(), 0.5f), db(b.size(), 0.25f);
    f32_conv2d_im2col_backward(dx.data(), dw.data(), db.data(), dy.data(), x.data(), w.data(),
                               cs.batch, cs.out, g, col.data());
    for (std::size_t i = 0; i < x.size(); ++i) REQUIRE(dx[i] == Approx(ref.dx[i]).margin(1e-4));
    for (std::size_t i = 0; i < w.size(); ++i)
      REQUIRE(dw[i] == Approx(0.5f + ref.dw[i]).margin(1e-4));
    for (std::size_t i = 0; i < b.size(); ++i)
      REQUIRE(db[i] == Approx(0.25f + ref.db[i]).margin(1e-4));
  }
}

TEST_CASE("col2im is the transpose of im2col: <im2col(x), c> = <x, col2im(c)>", "[conv][kernels]") {
  Rng rng(8);
  Conv2dGeometry g{2, 5, 6, 3, 2, 2, 1, 1, 1};
  auto x = random(g.in_size(), rng), c = random(g.col_size(), rng);
  std::vector<float> col(g.col_size()), back(g.in_size(), 0.0f);
  f32_im2col(col.data(), x.data(), g);
  f32_col2im_add(back.data(), c.data(), g);
  double left = 0, right = 0;
  for (std::size_t i = 0; i < col.size(); ++i) left += double(col[i]) * c[i];
  for (std::size_t i = 0; i < x.size(); ++i) right += double(x[i]) * back[i];
  REQUIRE(left == Approx(right).epsilon(1e-5));
}

TEST_CASE("max pool worked by hand; ties go to the first maximum in scan order", "[conv][pool]") {
  // x (4×4):  1 3 | 2 4       windows of 2×2, stride 2:
  //           5 0 | 7 7       top-left max 5 at index 4; top-right 7 twice (indices 6, 7):
  //           ----+----       the first, 6, takes the gradient;
  //           6 6 | 2 8       bottom-left all 6: index 8, the first;
  //           6 6 | 3 1       bottom-right 8 at index 11.
  std::vector<float> x = {1, 3, 2, 4, 5, 0, 7, 7, 6, 6, 2, 8, 6, 6, 3, 1}, dx;
  REQUIRE(pool(Pool2d::Kind::Max, window(2, 2, 0), x, &dx) == std::vector<float>{5, 7, 6, 8});
  std::vector<float> want(16, 0.0f);
  for (int i : {4, 6, 8, 11}) want[i] = 1;
  REQUIRE(dx == want);
  // Kernel 3, stride 2, padding 1 on x − 10 (all negative): padding is −∞, never the max.
  //   (0,0): rows 0–1, cols 0–1 → −5        (0,1): rows 0–1, cols 1–3 → −3 (index 6, first)
  //   (1,0): rows 1–3, cols 0–1 → −4 (8)     (1,1): rows 1–3, cols 1–3 → −2 (index 11)
  for (float& v : x) v -= 10;
  REQUIRE(pool(Pool2d::Kind::Max, window(3, 2, 1), x, &dx) == std::vector<float>{-5, -3, -4, -2});
  REQUIRE(dx == want);
}

TEST_CASE("average pool worked by hand, padding counted in the divisor", "[conv][pool]") {
  std::vector<float> x = {1, 3, 2, 4, 5, 0, 7, 7, 6, 6, 2, 8, 6, 6, 3, 1}, dx;
  // 2×2 stride 2: (1+3+5+0)/4, (2+4+7+7)/4, (6+6+6+6)/4, (2+8+3+1)/4.
  REQUIRE(pool(Pool2d::Kind::Avg, window(2, 2, 0), x, &dx) ==
          std::vector<float>{2.25f, 5, 6, 3.5f});
  for (float d : dx) REQUIRE(d == 0.25f);  // each input in exactly one window
  // 3×3 stride 2 padding 1 (count_include_pad): sums 9, 23, 29, 40 over 9 cells each.
  auto y = pool(Pool2d::Kind::Avg, window(3, 2, 1), x, &dx);
  std::vector<float> sums = {9, 23, 29, 40};
  for (std::size_t i = 0; i < 4; ++i) REQUIRE(y[i] == Approx(sums[i] / 9));
  // dx = (number of windows that hold the input) / 9: rows and columns 1 are in two windows.
  for (std::size_t r = 0; r < 4; ++r)
    for (std::size_t c = 0; c < 4; ++c)
      REQUIRE(dx[r * 4 + c] == Approx(float((r == 1 ? 2 : 1) * (c == 1 ? 2 : 1)) / 9));
}

TEST_CASE("conv2d backward matches central differences", "[conv][gradcheck]") {
  struct Case {
    Shape input;
    std::size_t out;
    Window win;
  };
  std::vector<Case> cases = {{{1, 5, 7}, 2, {3, 3, 1, 1, 0, 0}},
                             {{3, 5, 7}, 4, {3, 2, 2, 2, 1, 1}},
                             {{2, 6, 5}, 3, {2, 3, 2, 1, 1, 0}},
                             {{2, 4, 4}, 2, {5, 5, 1, 1, 2, 2}}};
  std::uint64_t seed = 1;
  for (const Case& cs : cases)
    for (std::size_t batch : {1u, 2u}) {
      INFO("input " << shape_str(cs.input) << " out " << cs.out << " batch " << batch);
      Conv2d layer(0, cs.out, cs.win);
      test::check_layer(layer, cs.input, batch, seed++);
    }
}

TEST_CASE("max and average pool backward match central differences", "[conv][pool][gradcheck]") {
  std::vector<std::pair<Shape, Window>> cases = {{{1, 5, 7}, {2, 2, 2, 2, 0, 0}},
                                                 {{3, 5, 7}, {3, 3, 2, 2, 1, 1}},
                                                 {{2, 7, 5}, {3, 2, 1, 2, 1, 0}}};
  std::uint64_t seed = 40;
  for (const auto& [input, win] : cases)
    for (std::size_t batch : {1u, 3u}) {
      INFO("input " << shape_str(input) << " batch " << batch);
      Pool2d max(Pool2d::Kind::Max, 0, win), avg(Pool2d::Kind::Avg, 0, win);
      test::check_layer(max, input, batch, seed++, false, true);
      test::check_layer(avg, input, batch, seed++);
    }
}

TEST_CASE("conv → pool → flatten → linear: whole-model gradients match central differences",
          "[conv][model][gradcheck]") {
  const char* spec = R"({"input":[2,7,5],"layers":[
    {"type":"conv2d","out":3,"kernel":3,"padding":1},{"type":"tanh"},
    {"type":"maxpool2d","kernel":2},{"type":"conv2d","out":2,"kernel":[2,1],"stride":[1,2]},
    {"type":"avgpool2d","kernel":[2,1],"stride":1},{"type":"flatten"},{"type":"linear","out":3}],
    "seed":11})";
  for (std::size_t batch : {1u, 3u}) {
    Model m = build(spec);
    REQUIRE(m.output_shape() == Shape{3});
    Rng rng(batch + 20);
    std::vector<float> x(batch * 70), y(batch);
    for (std::size_t i = 0; i < x.size(); ++i)  // distinct values: no max-pool ties under ± h
      x[i] = -1.0f + 2.0f * float((i * 37) % x.size()) / float(x.size());
    for (float& v : y) v = float(rng.below(3));
    test::check_model(m, x, y, batch);
  }
}

TEST_CASE("PyTorch's default conv2d init: weight and bias U(±1/√(in·kh·kw))", "[conv][init]") {
  Model m = build(R"({"input":[8,12,12],"layers":[{"type":"conv2d","out":32,"kernel":[5,3]}],
                      "seed":4})");
  auto ps = m.params();
  REQUIRE(ps[0]->value.shape() == Shape{32, 8, 5, 3});
  REQUIRE(ps[1]->value.shape() == Shape{32});
  const float bound = 1.0f / std::sqrt(8.0f * 5 * 3);
  for (Param* p : ps) {
    float lo = 0, hi = 0;
    double sq = 0;
    for (float v : p->value.span()) {
      REQUIRE(std::fabs(v) <= bound);
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      sq += double(v) * v;
    }
    INFO(p->name);
    REQUIRE(lo < -0.8f * bound);  // the spread fills the range
    REQUIRE(hi > 0.8f * bound);
    if (p->size() > 1000) REQUIRE(sq / double(p->size()) == Approx(bound * bound / 3).epsilon(0.1));
  }
}

TEST_CASE("conv2d fans for Xavier and He come from in·kh·kw and out·kh·kw", "[conv][init]") {
  // fan_in = 8·5·5 = 200, fan_out = 32·5·5 = 800.
  auto weights = [](const char* init) {
    Model m = build((std::string(R"({"input":[8,9,9],"layers":[{"type":"conv2d","out":32,"kernel":5,
                    "init":{"weight":)") + init + R"(}}],"seed":9})").c_str());
    return m.params()[0]->value.clone();
  };
  auto max_abs = [](const Tensor& t) {
    float m = 0;
    for (float v : t.span()) m = std::max(m, std::fabs(v));
    return m;
  };
  auto var = [](const Tensor& t) {
    double s = 0;
    for (float v : t.span()) s += double(v) * v;
    return s / double(t.size());
  };
  Tensor xu = weights(R"("xavier_uniform")");
  float a = std::sqrt(6.0f / (200 + 800));
  REQUIRE(max_abs(xu) <= a);
  REQUIRE(max_abs(xu) > 0.98f * a);
  REQUIRE(var(weights(R"("xavier_normal")")) == Approx(2.0 / 1000).epsilon(0.06));
  Tensor ku = weights(R"("kaiming_uniform")");  // relu gain √2: bound √2·√(3/200)
  REQUIRE(max_abs(ku) <= std::sqrt(2.0f) * std::sqrt(3.0f / 200));
  REQUIRE(max_abs(ku) > 0.98f * std::sqrt(2.0f) * std::sqrt(3.0f / 200));
  REQUIRE(var(weights(R"({"type":"kaiming_normal","mode":"fan_out"})")) ==
          Approx(2.0 / 800).epsilon(0.06));
  // The model-level rule reaches conv layers too.
  Model m = build(R"({"input":[1,6,6],"layers":[{"type":"conv2d","out":2,"kernel":3}],
                      "init":{"weight":"zeros","bias":{"type":"constant","value":0.5}}})");
  for (float v : m.params()[0]->value.span()) REQUIRE(v == 0.0f);
  for (float v : m.params()[1]->value.span()) REQUIRE(v == 0.5f);
}

TEST_CASE("conv specs round-trip; pool stride defaults to the kernel", "[conv][model]") {
  Model m = build(R"({"input":[3,32,30],"layers":[
    {"type":"conv2d","out":6,"kernel":[5,3],"stride":[2,1],"padding":[1,0],
     "init":{"weight":"xavier_uniform"}},
    {"type":"relu"},{"type":"maxpool2d","kernel":2},
    {"type":"avgpool2d","kernel":3,"stride":1,"padding":1},
    {"type":"flatten"},{"type":"linear","out":4}],"seed":5})");
  // conv: ⌊(32 + 2 − 5)/2⌋ + 1 = 15, ⌊(30 − 3)/1⌋ + 1 = 28; maxpool 2: 7 × 14;
  // avgpool 3/1/1: 7 × 14.
  json::Value spec = m.spec();
  const auto& layers = spec.find("layers")->as_array("layers");
  REQUIRE(json::dump(layers[0]) ==
          R"({"type":"conv2d","out":6,"kernel":[5,3],"stride":[2,1],"padding":[1,0],)"
          R"("init":{"weight":"xavier_uniform"}})");
  REQUIRE(json::dump(layers[2]) == R"({"type":"maxpool2d","kernel":2,"stride":2,"padding":0})");
  REQUIRE(json::dump(layers[3]) == R"({"type":"avgpool2d","kernel":3,"stride":1,"padding":1})");
  REQUIRE(m.output_shape() == Shape{4});
  REQUIRE(m.params()[2]->value.shape() == Shape{4, 6 * 7 * 14});
  Model again = Model::from_spec(spec);
  REQUIRE(again.spec() == spec);
  std::vector<float> x(2 * 3 * 32 * 30);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = std::sin(float(i));
  const Tensor& y1 = m.forward(x, 2);
  std::vector<float> a(y1.span().begin(), y1.span().end());
  const Tensor& y2 = again.forward(x, 2);
  REQUIRE(std::vector<float>(y2.span().begin(), y2.span().end()) == a);
  REQUIRE(m.layer_output(0).shape() == Shape{2, 6, 15, 28});
  REQUIRE(m.layer_output(2).shape() == Shape{2, 6, 7, 14});
  REQUIRE(m.layer_output(3).shape() == Shape{2, 6, 7, 14});
}

TEST_CASE("conv models save and load (JSON and binary); a wrong saved shape is named",
          "[conv][model][io]") {
  Model m = build(R"({"input":[2,6,6],"layers":[{"type":"conv2d","out":3,"kernel":3},
    {"type":"maxpool2d","kernel":2},{"type":"flatten"},{"type":"linear","out":2}],"seed":2})");
  std::vector<float> x(2 * 72);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = std::cos(float(i));
  const Tensor& y = m.forward(x, 2);
  std::vector<float> want(y.span().begin(), y.span().end());
  Model a = Model::from_json(json::parse(json::dump(m.to_json())));
  const Tensor& ya = a.forward(x, 2);
  REQUIRE(std::vector<float>(ya.span().begin(), ya.span().end()) == want);
  Model b = Model::from_binary(m.to_binary());
  const Tensor& yb = b.forward(x, 2);
  REQUIRE(std::vector<float>(yb.span().begin(), yb.span().end()) == want);
  REQUIRE(a.stats().front().weights.count == 3 * 2 * 3 * 3);

  // Same number of values, another shape: [3, 2, 3, 3] saved as [6, 1, 3, 3].
  json::Value saved = m.to_json();
  std::string text = json::dump(saved);
  std::string from = R"("shape":[3,2,3,3])", to = R"("shape":[6,1,3,3])";
  text.replace(text.find(from), from.size(), to);
  REQUIRE_THROWS_WITH(Model::from_json(json::parse(text)),
                      Contains("parameters[0] (0.weight) has shape [6,1,3,3], but the model's "
                               "spec makes it [3,2,3,3]"));
}

TEST_CASE("bad conv and pool specs name the layer and the shapes", "[conv][model][errors]") {
  auto error = [](const char* layers, const char* input = "[1,8,8]") {
    try {
      build((std::string(R"({"input":)") + input + R"(,"layers":)" + layers + "}").c_str());
    } catch (const Error& e) {
      return std::string(e.what());
    }
    FAIL("no error for " << layers);
    return std::string();
  };
  REQUIRE_THAT(error(R"([{"type":"relu"},{"type":"conv2d","out":2,"kernel":9}])"),
               Contains("spec.layers[1] (conv2d): the 9×9 kernel is larger than its padded input "
                        "8×8 (input [1, 8, 8], padding 0×0)"));
  REQUIRE_THAT(error(R"([{"type":"conv2d","out":2,"kernel":5},
                          {"type":"maxpool2d","kernel":[5,2]}])"),
               Contains("spec.layers[1] (maxpool2d): the 5×2 kernel is larger than its padded "
                        "input 4×4 (input [2, 4, 4], padding 0×0)"));
  REQUIRE_THAT(error(R"([{"type":"conv2d","out":2,"kernel":3,"stride":0}])"),
               Contains("spec.layers[0].stride must be between 1 and 65536, got 0"));
  REQUIRE_THAT(error(R"([{"type":"avgpool2d","kernel":2,"stride":[1,0]}])"),
               Contains("spec.layers[0].stride[1] must be between 1 and 65536, got 0"));
  REQUIRE_THAT(error(R"([{"type":"maxpool2d","kernel":3,"padding":2}])"),
               Contains("spec.layers[0] (maxpool2d): padding 2×2 is more than half the kernel "
                        "3×3; PyTorch allows at most 1×1"));
  REQUIRE_THAT(error(R"([{"type":"conv2d","out":2,"kernel":3}])", "[64]"),
               Contains("spec.layers[0] (conv2d) needs an image input [channels, height, width], "
                        "got shape [64]"));
  REQUIRE_THAT(error(R"([{"type":"flatten"},{"type":"maxpool2d","kernel":2}])"),
               Contains("spec.layers[1] (maxpool2d) needs an image input [channels, height, "
                        "width], got shape [64]"));
  REQUIRE_THAT(error(R"([{"type":"conv2d","out":4,"kernel":3},{"type":"linear","out":2}])"),
               Contains("spec.layers[1] (linear) needs a flat input, got shape [4, 6, 6]; put a "
                        "flatten layer before it"));
  REQUIRE_THAT(error(R"([{"type":"conv2d","out":2}])"),
               Contains("spec.layers[0] (conv2d) needs \"kernel\""));
  REQUIRE_THAT(error(R"([{"type":"conv2d","kernel":2}])"),
               Contains("spec.layers[0] (conv2d) needs \"out\""));
  REQUIRE_THAT(error(R"([{"type":"conv2d","out":2,"kernel":[2,2,2]}])"),
               Contains("spec.layers[0].kernel must be a number or a pair [h, w], got 3 numbers"));
  REQUIRE_THAT(error(R"([{"type":"maxpool2d","kernel":2,"dilation":2}])"),
               Contains("dilation"));
  // Parameter and activation limits.
  REQUIRE_THAT(error(R"([{"type":"conv2d","out":65536,"kernel":[32,33]}])", "[64,40,40]"),
               Contains("more than 2^26 (67,108,864) parameters"));
  REQUIRE_THAT(error(R"([{"type":"conv2d","out":4096,"kernel":1}])", "[1,200,200]"),
               Contains("spec.layers[0] (conv2d) would output [4096, 200, 200] per sample from "
                        "[1, 200, 200], more than the limit of 2^26 values"));
  Model m = build(
      R"({"input":[1,28,28],"layers":[{"type":"conv2d","out":64,"kernel":3,"padding":1}]})");
  std::vector<float> x(2000 * 784);
  REQUIRE_THROWS_WITH(m.forward(x, 2000),
                      Contains("forward: batch of 2000 is too large; the widest layer holds 50176 "
                               "values per sample"));
}

TEST_CASE("the small CNN builds from [1, 28, 28] and its loss falls", "[conv][model][train]") {
  Model m = build(R"({"input":[1,28,28],"layers":[
    {"type":"conv2d","out":8,"kernel":5},{"type":"relu"},{"type":"maxpool2d","kernel":2},
    {"type":"conv2d","out":16,"kernel":5},{"type":"relu"},{"type":"maxpool2d","kernel":2},
    {"type":"flatten"},{"type":"linear","out":10}],"seed":1})");
  // 28 → conv 5 → 24 → pool → 12 → conv 5 → 8 → pool → 4: 16·4·4 = 256 features.
  REQUIRE(m.params()[4]->value.shape() == Shape{10, 256});
  REQUIRE(m.num_params() == (8 * 25 + 8) + (16 * 8 * 25 + 16) + (10 * 256 + 10));
  // Ten classes: class k is a bright 6×6 square at one of ten places, on faint noise.
  Rng rng(3);
  const std::size_t n = 64;
  std::vector<float> x(n * 784), y(n);
  for (std::size_t s = 0; s < n; ++s) {
    std::size_t k = s % 10, top = 2 + 10 * (k / 4), left = 2 + 6 * (k % 4);
    y[s] = float(k);
    for (std::size_t i = 0; i < 784; ++i) x[s * 784 + i] = rng.uniform(0, 0.2f);
    for (std::size_t r = 0; r < 6; ++r)
      for (std::size_t c = 0; c < 6; ++c) x[s * 784 + (top + r) * 28 + left + c] = 1.0f;
  }
  auto loss = make_loss("cross_entropy");
  auto adam = make_optimizer("adam", json::parse(R"({"lr":0.003})"));
  float first = m.train_step(x, y, n, *loss, *adam), last = first;
  for (int step = 0; step < 30; ++step) last = m.train_step(x, y, n, *loss, *adam);
  INFO("loss " << first << " → " << last);
  REQUIRE(first > 2.0f);  // about ln 10 at the start
  REQUIRE(last < 0.5f * first);
  REQUIRE(m.evaluate(x, y, n, *loss, true).accuracy.value() > 0.9);
}
