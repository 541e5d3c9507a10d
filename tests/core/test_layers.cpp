// Layers and activations: forward values worked by hand, and backward against central
// differences of L = Σ r ⊙ layer(x) for a fixed random r, at batch 1 and sizes that are not a
// multiple of the SIMD width.
#include <catch2/catch.hpp>

#include <cmath>
#include <utility>

#include "activations/activation.hpp"
#include "gradcheck.hpp"
#include "kernels/gemm.hpp"
#include "layers/activation_layer.hpp"
#include "layers/dropout.hpp"
#include "layers/flatten.hpp"
#include "layers/linear.hpp"
#include "random.hpp"

using namespace lw;
using test::check_layer;
using test::fill;

namespace {

json::Value act(const char* name) { return json::Value::Object{{"type", name}}; }

}  // namespace

TEST_CASE("Linear computes x·Wᵀ + b with W in PyTorch's [out, in] layout", "[layers]") {
  Linear lin(0, 3);
  REQUIRE(lin.configure({2}) == Shape{3});
  REQUIRE(lin.weight().value.shape() == Shape{3, 2});
  REQUIRE(lin.weight().name == "0.weight");
  // W = [[1, 2], [3, 4], [5, 6]], b = [0.5, -1, 0]; x = [[1, -1], [2, 0]]
  float w[] = {1, 2, 3, 4, 5, 6}, b[] = {0.5f, -1, 0};
  std::copy(w, w + 6, lin.weight().value.data());
  std::copy(b, b + 3, lin.bias().value.data());
  Tensor x = Tensor::from({2, 2}, std::vector<float>{1, -1, 2, 0});
  Tensor y;
  lin.forward(y, x, {});
  // Row 1: [1−2+0.5, 3−4−1, 5−6] ; row 2: [2+0.5, 6−1, 10]
  std::vector<float> want = {-0.5f, -2, -1, 2.5f, 5, 10};
  REQUIRE(std::vector<float>(y.span().begin(), y.span().end()) == want);
}

TEST_CASE("Linear's inference forward (W packed once) follows every change to W", "[layers]") {
  // Big enough for the packed kernel, with odd sizes: 67 rows, 300 → 45.
  const std::size_t batch = 67, in = 300, out = 45;
  Linear lin(0, out);
  lin.configure({in});
  Rng rng(11);
  fill(lin.weight().value, rng, -1, 1);
  fill(lin.bias().value, rng, -1, 1);
  Tensor x({batch, in}), y, want({batch, out});
  fill(x, rng, -1, 1);
  auto check = [&](const char* after) {
    INFO("after " << after);
    const Tensor& w = lin.weight().value;
    f32_gemm_ref({want.data(), out, x.data(), in, Trans::N, w.data(), in, Trans::T, batch, out, in,
                  false, std::as_const(lin.bias().value).data()});
    lin.forward(y, x, {});  // inference: Pass::training is false
    for (std::size_t i = 0; i < y.size(); ++i) REQUIRE(y[i] == Approx(want[i]).margin(1e-4));
  };
  check("the first call");
  check("a second call (the packed W reused)");
  lin.weight().value.data()[7 * in + 5] += 3.0f;  // as an optimiser's step writes
  check("a write through data()");
  lin.weight().value[0] = -2.0f;
  check("a write through operator[]");
  lin.weight().value.fill(0.25f);
  check("fill");
  lin.bias().value.fill(-1.0f);
  check("a new bias");
  Pass training;
  training.training = true;
  lin.weight().value[1] = 5.0f;
  lin.forward(y, x, training);
  check("a training forward in between");
}

TEST_CASE("Linear backward matches central differences", "[layers][gradcheck]") {
  for (std::size_t batch : {1u, 3u, 7u}) {
    for (auto [in, out] : {std::pair{1u, 1u}, {5u, 17u}, {33u, 3u}, {19u, 9u}}) {
      INFO("batch " << batch << ", " << in << " -> " << out);
      Linear lin(0, out);
      check_layer(lin, {in}, batch, batch * 100 + in);
    }
  }
}

TEST_CASE("Linear backward accumulates into gradients", "[layers]") {
  Linear lin(0, 2);
  lin.configure({3});
  Rng rng(1);
  fill(lin.weight().value, rng, -1, 1);
  Tensor x({4, 3}), y, dy({4, 2}), dx;
  fill(x, rng, -1, 1);
  fill(dy, rng, -1, 1);
  lin.forward(y, x, {});
  lin.backward(&dx, dy, x, y);
  Tensor once = lin.weight().grad.clone();
  lin.backward(&dx, dy, x, y);
  for (std::size_t i = 0; i < once.size(); ++i)
    REQUIRE(lin.weight().grad[i] == Approx(2 * once[i]));
}

TEST_CASE("activations: forward values worked by hand", "[layers]") {
  Tensor x = Tensor::from({1, 4}, std::vector<float>{-2, -0.5f, 0, 3});
  Tensor y;
  auto run = [&](json::Value spec) {
    ActivationLayer layer(make_activation(spec, "test"));
    layer.configure({4});
    layer.forward(y, x, {});
    return std::vector<float>(y.span().begin(), y.span().end());
  };
  REQUIRE(run(act("relu")) == std::vector<float>{0, 0, 0, 3});
  REQUIRE(run(act("identity")) == std::vector<float>{-2, -0.5f, 0, 3});
  auto leaky = run(act("leaky_relu"));  // PyTorch's default slope 0.01
  REQUIRE(leaky[0] == Approx(-0.02f));
  REQUIRE(leaky[3] == 3.0f);
  auto sig = run(act("sigmoid"));
  REQUIRE(sig[2] == Approx(0.5f));
  REQUIRE(sig[3] == Approx(1.0 / (1.0 + std::exp(-3.0))));
  auto th = run(act("tanh"));
  REQUIRE(th[0] == Approx(std::tanh(-2.0)));
  auto sm = run(act("softmax"));
  double z = std::exp(-2.0) + std::exp(-0.5) + 1 + std::exp(3.0);
  REQUIRE(sm[3] == Approx(std::exp(3.0) / z));
  REQUIRE(sm[0] + sm[1] + sm[2] + sm[3] == Approx(1.0f));
}

TEST_CASE("activation backward matches central differences", "[layers][gradcheck]") {
  json::Value leaky02 = json::Value::Object{{"type", "leaky_relu"}, {"slope", 0.2}};
  std::vector<json::Value> specs = {act("relu"),    act("leaky_relu"), leaky02,
                                    act("sigmoid"), act("tanh"),       act("softmax"),
                                    act("identity")};
  for (const auto& spec : specs) {
    for (std::size_t batch : {1u, 4u}) {
      for (std::size_t width : {2u, 5u, 17u, 35u}) {
        INFO(json::dump(spec) << " batch " << batch << " width " << width);
        ActivationLayer layer(make_activation(spec, "test"));
        check_layer(layer, {width}, batch, width * 7 + batch);
      }
    }
  }
}

TEST_CASE("Dropout: inverted scaling in training, identity in evaluation", "[layers]") {
  Dropout drop(0.25f);
  drop.configure({1000});
  Tensor x({1, 1000}), y;
  x.fill(1.0f);
  Rng rng(5);
  drop.forward(y, x, Pass{true, &rng});
  std::size_t zeros = 0;
  for (float v : y.span()) {
    REQUIRE((v == 0.0f || v == Approx(1.0f / 0.75f)));
    zeros += v == 0.0f;
  }
  // 1000 Bernoulli(0.25) draws: mean 250, sd ≈ 13.7; ±5 sd.
  REQUIRE(zeros > 180);
  REQUIRE(zeros < 320);
  drop.forward(y, x, Pass{false, &rng});
  for (float v : y.span()) REQUIRE(v == 1.0f);
}

TEST_CASE("Dropout and Flatten backward match central differences", "[layers][gradcheck]") {
  for (std::size_t batch : {1u, 3u}) {
    Dropout drop(0.3f);
    check_layer(drop, {13}, batch, 17, true);
    Flatten flat;
    check_layer(flat, {2, 3, 5}, batch, 19);
  }
  Flatten flat;
  REQUIRE(flat.configure({2, 3, 5}) == Shape{30});
}

TEST_CASE("unknown activation options are refused with the allowed names", "[layers][errors]") {
  json::Value bad = json::Value::Object{{"type", "relu"}, {"slope", 0.1}};
  REQUIRE_THROWS_WITH(make_activation(bad, "layer"), Catch::Contains("unknown key \"slope\""));
  json::Value steep = json::Value::Object{{"type", "leaky_relu"}, {"slope", 2.0}};
  REQUIRE_THROWS_WITH(make_activation(steep, "layer"), Catch::Contains("slope must be in [0, 1)"));
}
