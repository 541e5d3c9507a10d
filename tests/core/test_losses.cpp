// Losses: values worked by hand from PyTorch's definitions (docs/semantics.md) and
// gradients against central differences of the loss itself (computed in double).
#include <catch2/catch.hpp>

#include <cmath>

#include "error.hpp"
#include "gradcheck.hpp"
#include "losses/loss.hpp"
#include "random.hpp"

using namespace lw;

namespace {
double value(std::string_view name, std::vector<float> pred, std::size_t batch,
             std::vector<float> target) {
  auto loss = make_loss(name);
  Tensor p = Tensor::from({batch, pred.size() / batch}, pred);
  loss->check(p, target.data(), target.size());
  return loss->value(p, target.data());
}
}  // namespace

TEST_CASE("loss values worked by hand", "[losses]") {
  // MSE: ((1−0)² + (2−0)² + (0−1)² + (3−1)²) / 4 = (1 + 4 + 1 + 4) / 4
  REQUIRE(value("mse", {1, 2, 0, 3}, 2, {0, 0, 1, 1}) == Approx(2.5));
  // BCE: −[log 0.8 + log(1 − 0.4)] / 2
  REQUIRE(value("bce", {0.8f, 0.4f}, 2, {1, 0}) ==
          Approx(-(std::log(0.8) + std::log(0.6)) / 2).epsilon(1e-6));
  // BCE clamps each log at −100: a certain wrong answer costs exactly 100.
  REQUIRE(value("bce", {0.0f}, 1, {1}) == Approx(100.0));
  REQUIRE(value("bce", {1.0f, 1.0f}, 2, {0, 1}) == Approx(50.0));
  // BCEWithLogits at z = 0 is log 2 whatever the target; at z = 2, t = 1: log(1 + e^−2).
  REQUIRE(value("bce_with_logits", {0.0f}, 1, {1}) == Approx(std::log(2.0)));
  REQUIRE(value("bce_with_logits", {2.0f}, 1, {1}) == Approx(std::log1p(std::exp(-2.0))));
  // Stable at huge logits: z = 100, t = 0 costs 100, not inf.
  REQUIRE(value("bce_with_logits", {100.0f}, 1, {0}) == Approx(100.0));
  // CrossEntropy on logits [1, 2, 3], class 2: −log(e³ / (e + e² + e³)) = 0.40760596.
  REQUIRE(value("cross_entropy", {1, 2, 3}, 1, {2}) == Approx(0.40760596).epsilon(1e-6));
  // Batch mean: second sample [0, 0, 0], class 0: log 3.
  REQUIRE(value("cross_entropy", {1, 2, 3, 0, 0, 0}, 2, {2, 0}) ==
          Approx((0.40760596 + std::log(3.0)) / 2).epsilon(1e-6));
}

TEST_CASE("loss gradients match central differences", "[losses][gradcheck]") {
  Rng rng(4);
  for (std::string_view name : loss_names()) {
    for (std::size_t batch : {1u, 3u, 6u}) {
      for (std::size_t k : {1u, 3u, 17u}) {
        if (name == "cross_entropy" && k == 1) continue;
        INFO(name << " batch " << batch << " k " << k);
        auto loss = make_loss(name);
        Tensor pred({batch, k});
        std::vector<float> target(batch * loss->target_width(k));
        for (float& p : pred.span())
          p = name == "bce" ? rng.uniform(0.05f, 0.95f) : rng.uniform(-3.0f, 3.0f);
        for (float& t : target)
          t = name == "cross_entropy" ? float(rng.below(std::uint32_t(k)))
              : name == "mse"         ? rng.uniform(-2.0f, 2.0f)
                                      : rng.uniform(0.0f, 1.0f);
        loss->check(pred, target.data(), target.size());
        Tensor grad;
        loss->grad(grad, pred, target.data());
        test::expect_gradient(pred.span(), grad.span(),
                              [&] { return loss->value(pred, target.data()); }, 1e-3, 1e-5, 1e-3);
      }
    }
  }
}

TEST_CASE("BCE's gradient stays finite at 0 and 1", "[losses]") {
  auto loss = make_loss("bce");
  Tensor p = Tensor::from({2, 1}, std::vector<float>{0.0f, 1.0f});
  float t[] = {1.0f, 0.0f};
  Tensor g;
  loss->grad(g, p, t);
  REQUIRE(std::isfinite(g[0]));
  REQUIRE(std::isfinite(g[1]));
  REQUIRE(g[0] < 0);
  REQUIRE(g[1] > 0);
}

TEST_CASE("accuracy: argmax for several outputs, threshold for one", "[losses]") {
  auto ce = make_loss("cross_entropy");
  Tensor logits = Tensor::from({3, 3}, std::vector<float>{3, 1, 0, 0, 5, 1, 1, 1, 2});
  float classes[] = {0, 2, 2};
  REQUIRE(ce->correct(logits, classes) == 2);
  auto bce = make_loss("bce");
  Tensor probs = Tensor::from({3, 1}, std::vector<float>{0.9f, 0.4f, 0.6f});
  float labels[] = {1, 1, 0};
  REQUIRE(bce->correct(probs, labels) == 1);
  auto logit_bce = make_loss("bce_with_logits");
  Tensor z = Tensor::from({2, 1}, std::vector<float>{-0.1f, 0.2f});
  float zl[] = {0, 1};
  REQUIRE(logit_bce->correct(z, zl) == 2);
}

TEST_CASE("loss errors name the problem", "[losses][errors]") {
  REQUIRE_THROWS_WITH(make_loss("hinge"), Catch::Contains("unknown loss \"hinge\"") &&
                                              Catch::Contains("cross_entropy"));
  auto ce = make_loss("cross_entropy");
  Tensor logits({2, 3});
  float bad_class[] = {0, 3};
  REQUIRE_THROWS_WITH(ce->check(logits, bad_class, 2), Catch::Contains("class indices 0 .. 2"));
  float frac[] = {0, 1.5f};
  REQUIRE_THROWS_WITH(ce->check(logits, frac, 2), Catch::Contains("target 1 is 1.5"));
  REQUIRE_THROWS_WITH(ce->check(logits, bad_class, 1), Catch::Contains("target has 1 values"));
  Tensor one({2, 1});
  REQUIRE_THROWS_WITH(ce->check(one, frac, 2), Catch::Contains("bce_with_logits"));
  auto bce = make_loss("bce");
  Tensor p = Tensor::from({1, 1}, std::vector<float>{1.5f});
  float t[] = {1};
  REQUIRE_THROWS_WITH(bce->check(p, t, 1), Catch::Contains("probabilities in [0, 1]"));
  float nan_target[] = {std::nanf("")};
  REQUIRE_THROWS_WITH(make_loss("mse")->check(one, nan_target, 1),
                      Catch::Contains("target has 1 values"));
  Tensor single({1, 1});
  REQUIRE_THROWS_WITH(make_loss("mse")->check(single, nan_target, 1), Catch::Contains("finite"));
}
