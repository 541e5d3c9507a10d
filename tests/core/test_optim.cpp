// Optimisers against PyTorch's documented update rules (docs/semantics.md).
//
// Each rule is re-derived here as a plain double-precision loop, written from the formulas
// and never from core/optim, and a few values are also worked out by hand in the comments.
// Every case runs 4 steps with gradients that change each step (signs flip, sizes vary, one
// starts at zero) on two parameters of different shapes, so per-parameter state is tested
// too. The float results must match the double references to about 1e-5.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "error.hpp"
#include "json.hpp"
#include "optim/adam.hpp"
#include "optim/adamw.hpp"
#include "optim/optimizer.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"
#include "param.hpp"

using lw::Param;
using lw::ParamList;
namespace json = lw::json;

namespace {

using Vec = std::array<double, 5>;
using Steps = std::vector<std::vector<float>>;  // one gradient per step, 5 numbers each

// Five numbers: a 2×2 weight followed by a 1-element bias.
const std::vector<float> kP0 = {1.0f, -2.0f, 0.5f, 0.0f, 3.0f};
const Steps kGrads = {
    {0.5f, -1.0f, 2.0f, 0.25f, 0.0f},
    {-0.3f, 0.8f, 1.5f, -0.5f, 1.0f},
    {1.2f, 0.1f, -0.7f, 0.75f, -2.0f},
    {0.4f, -0.6f, 0.2f, -1.0f, 0.5f},
};

Vec start() {
  Vec p;
  for (std::size_t i = 0; i < p.size(); ++i) p[i] = kP0[i];
  return p;
}

// ---- references, in double, straight from docs/semantics.md ----

struct SgdRef {
  double lr;
  double momentum = 0, dampening = 0, weight_decay = 0;
  bool nesterov = false;
};

std::vector<Vec> sgd_reference(const SgdRef& h, const Steps& grads) {
  Vec p = start(), buf{};
  std::vector<Vec> after;
  for (std::size_t t = 1; t <= grads.size(); ++t) {
    for (std::size_t i = 0; i < p.size(); ++i) {
      double g = grads[t - 1][i] + h.weight_decay * p[i];
      if (h.momentum != 0) {
        buf[i] = t == 1 ? g : h.momentum * buf[i] + (1 - h.dampening) * g;
        g = h.nesterov ? g + h.momentum * buf[i] : buf[i];
      }
      p[i] -= h.lr * g;
    }
    after.push_back(p);
  }
  return after;
}

struct AdamRef {
  std::vector<double> lr;  // per step, so a change between steps can be followed
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0;
  bool amsgrad = false;
  bool decoupled = false;  // AdamW
};

std::vector<Vec> adam_reference(const AdamRef& h, const Steps& grads) {
  Vec p = start(), m{}, v{}, v_max{};
  std::vector<Vec> after;
  for (std::size_t t = 1; t <= grads.size(); ++t) {
    const double lr = h.lr[t - 1];
    for (std::size_t i = 0; i < p.size(); ++i) {
      double g = grads[t - 1][i];
      if (h.decoupled) {
        p[i] *= 1 - lr * h.weight_decay;
      } else {
        g += h.weight_decay * p[i];
      }
      m[i] = h.beta1 * m[i] + (1 - h.beta1) * g;
      v[i] = h.beta2 * v[i] + (1 - h.beta2) * g * g;
      v_max[i] = std::max(v_max[i], v[i]);
      const double m_hat = m[i] / (1 - std::pow(h.beta1, t));
      const double v_hat = (h.amsgrad ? v_max[i] : v[i]) / (1 - std::pow(h.beta2, t));
      p[i] -= lr * m_hat / (std::sqrt(v_hat) + h.eps);
    }
    after.push_back(p);
  }
  return after;
}

std::vector<double> every_step(double lr) { return std::vector<double>(4, lr); }

struct RmspropRef {
  double lr;
  double alpha = 0.99, eps = 1e-8, weight_decay = 0, momentum = 0;
  bool centered = false;
};

std::vector<Vec> rmsprop_reference(const RmspropRef& h, const Steps& grads) {
  Vec p = start(), v{}, g_mean{}, buf{};
  std::vector<Vec> after;
  for (std::size_t t = 1; t <= grads.size(); ++t) {
    for (std::size_t i = 0; i < p.size(); ++i) {
      const double g = grads[t - 1][i] + h.weight_decay * p[i];
      v[i] = h.alpha * v[i] + (1 - h.alpha) * g * g;
      double v_tilde = v[i];
      if (h.centered) {
        g_mean[i] = h.alpha * g_mean[i] + (1 - h.alpha) * g;
        v_tilde = v[i] - g_mean[i] * g_mean[i];
      }
      if (h.momentum > 0) {
        buf[i] = h.momentum * buf[i] + g / (std::sqrt(v_tilde) + h.eps);
        p[i] -= h.lr * buf[i];
      } else {
        p[i] -= h.lr * g / (std::sqrt(v_tilde) + h.eps);
      }
    }
    after.push_back(p);
  }
  return after;
}

// ---- running the code under test ----

// A 2×2 weight and a 1-element bias holding kP0, as one ParamList.
struct TwoParams {
  Param w{"0.weight", {2, 2}};
  Param b{"0.bias", {1}};
  ParamList list{&w, &b};

  TwoParams() { set_values(kP0); }
  float& value(std::size_t i) { return i < 4 ? w.value[i] : b.value[i - 4]; }
  float& grad(std::size_t i) { return i < 4 ? w.grad[i] : b.grad[i - 4]; }
  void set_values(const std::vector<float>& x) {
    for (std::size_t i = 0; i < 5; ++i) value(i) = x[i];
  }
  void set_grads(const std::vector<float>& g) {
    for (std::size_t i = 0; i < 5; ++i) grad(i) = g[i];
  }
};

bool close(float got, double want) {
  return got == Approx(want).epsilon(1e-5).margin(1e-6);
}

// Steps `opt` over `grads` from kP0, checking every value after every step against `want`.
// Returns the values after the last step.
std::vector<float> run_and_compare(lw::Optimizer& opt, const Steps& grads,
                                   const std::vector<Vec>& want) {
  TwoParams p;
  for (std::size_t t = 0; t < grads.size(); ++t) {
    p.set_grads(grads[t]);
    opt.step(p.list);
    for (std::size_t i = 0; i < 5; ++i) {
      INFO("step " << t + 1 << ", element " << i << ": got " << p.value(i) << ", want "
                   << want[t][i]);
      CHECK(close(p.value(i), want[t][i]));
    }
  }
  std::vector<float> last(5);
  for (std::size_t i = 0; i < 5; ++i) last[i] = p.value(i);
  return last;
}

std::unique_ptr<lw::Optimizer> make(std::string_view name, std::string_view options) {
  return lw::make_optimizer(name, json::parse(options));
}

}  // namespace

// ---------------------------------------------------------------------------------- SGD

TEST_CASE("SGD plain: p <- p - lr·g", "[optim]") {
  auto opt = make("sgd", R"({"lr": 0.1})");
  auto last = run_and_compare(*opt, kGrads, sgd_reference({.lr = 0.1}, kGrads));
  // Element 0 by hand: 1 - 0.1·(0.5 - 0.3 + 1.2 + 0.4) = 1 - 0.18 = 0.82.
  CHECK(close(last[0], 0.82));
}

TEST_CASE("SGD momentum: buf starts at g, then buf <- momentum·buf + g", "[optim]") {
  auto opt = make("sgd", R"({"lr": 0.1, "momentum": 0.9})");
  auto last =
      run_and_compare(*opt, kGrads, sgd_reference({.lr = 0.1, .momentum = 0.9}, kGrads));
  // Element 0 by hand: buf = 0.5, 0.45 - 0.3 = 0.15, 0.135 + 1.2 = 1.335, 1.2015 + 0.4 =
  // 1.6015; p = 1 - 0.1·(0.5 + 0.15 + 1.335 + 1.6015) = 0.64135.
  CHECK(close(last[0], 0.64135));
}

TEST_CASE("SGD momentum with dampening: the first buf is g itself, undamped", "[optim]") {
  auto opt = make("sgd", R"({"lr": 0.1, "momentum": 0.9, "dampening": 0.5})");
  auto last = run_and_compare(
      *opt, kGrads, sgd_reference({.lr = 0.1, .momentum = 0.9, .dampening = 0.5}, kGrads));
  // Element 0 by hand: buf = 0.5, 0.45 - 0.15 = 0.3, 0.27 + 0.6 = 0.87, 0.783 + 0.2 = 0.983;
  // p = 1 - 0.1·(0.5 + 0.3 + 0.87 + 0.983) = 0.7347.
  CHECK(close(last[0], 0.7347));
}

TEST_CASE("SGD nesterov: g <- g + momentum·buf", "[optim]") {
  auto opt = make("sgd", R"({"lr": 0.1, "momentum": 0.9, "nesterov": true})");
  auto last = run_and_compare(
      *opt, kGrads, sgd_reference({.lr = 0.1, .momentum = 0.9, .nesterov = true}, kGrads));
  // Element 0 by hand, bufs as in plain momentum (0.5, 0.15, 1.335, 1.6015); steps are
  // g + 0.9·buf = 0.95, -0.165, 2.4015, 1.84135: p = 1 - 0.1·5.02785 = 0.497215.
  CHECK(close(last[0], 0.497215));
}

TEST_CASE("SGD weight_decay: g <- g + wd·p", "[optim]") {
  SECTION("without momentum") {
    auto opt = make("sgd", R"({"lr": 0.1, "weight_decay": 0.1})");
    auto last =
        run_and_compare(*opt, kGrads, sgd_reference({.lr = 0.1, .weight_decay = 0.1}, kGrads));
    // Element 3 starts at 0: step 1 g = 0.25 -> p = -0.025; step 2 g = -0.5 - 0.0025 ->
    // p = 0.02525; step 3 g = 0.75 + 0.002525 -> p = -0.0500025; step 4 g = -1 - 0.00500025
    // -> p = 0.050497525.
    CHECK(close(last[3], 0.050497525));
  }
  SECTION("with momentum and nesterov") {
    auto opt = make("sgd", R"({"lr": 0.1, "momentum": 0.5, "weight_decay": 0.2,
                              "nesterov": true})");
    run_and_compare(
        *opt, kGrads,
        sgd_reference({.lr = 0.1, .momentum = 0.5, .weight_decay = 0.2, .nesterov = true},
                      kGrads));
  }
}

TEST_CASE("SGD momentum switched on mid-training starts its buffer at g", "[optim]") {
  // PyTorch creates the buffer on the first step that uses momentum, as buf = g.
  auto opt = make("sgd", R"({"lr": 0.1})");
  SECTION("in a first run") {}
  SECTION("after an earlier run with momentum and reset()") {
    opt->set(json::parse(R"({"momentum": 0.9})"));
    TwoParams earlier;
    earlier.set_grads(kGrads[3]);
    opt->step(earlier.list);
    opt->reset();
    opt->set(json::parse(R"({"momentum": 0})"));
  }
  TwoParams p;
  p.set_grads(kGrads[0]);
  opt->step(p.list);  // element 0: 1 - 0.05 = 0.95
  opt->set(json::parse(R"({"momentum": 0.9, "dampening": 0.5})"));
  p.set_grads(kGrads[1]);
  opt->step(p.list);  // buf = -0.3, p = 0.95 + 0.03 = 0.98
  CHECK(close(p.value(0), 0.98));
  p.set_grads(kGrads[2]);
  opt->step(p.list);  // buf = 0.9·(-0.3) + 0.5·1.2 = 0.33, p = 0.98 - 0.033 = 0.947
  CHECK(close(p.value(0), 0.947));
}

// --------------------------------------------------------------------------------- Adam

TEST_CASE("Adam default: bias-corrected moments", "[optim]") {
  lw::Adam opt;
  auto want = adam_reference({.lr = every_step(1e-3)}, kGrads);
  // Element 0 by hand. Step 1: m̂ = g, v̂ = g², so p = 1 - 1e-3·0.5/(0.5 + 1e-8) ≈ 0.999.
  // Step 2: m = 0.9·0.05 + 0.1·(-0.3) = 0.015, v = 0.999·0.00025 + 0.001·0.09 = 0.00033975;
  // m̂ = 0.015/0.19 = 0.0789474, v̂ = 0.00033975/0.001999 = 0.169960, √v̂ = 0.412262;
  // p = 0.999 - 1e-3·0.0789474/0.412262 = 0.9988085.
  CHECK(want[0][0] == Approx(0.999).margin(1e-9));
  CHECK(want[1][0] == Approx(0.9988085).margin(1e-7));
  run_and_compare(opt, kGrads, want);
}

TEST_CASE("Adam with a larger lr, other betas and eps", "[optim]") {
  // A large eps shows that it is added after the square root.
  auto opt = make("adam", R"({"lr": 0.1, "betas": [0.8, 0.9], "eps": 0.1})");
  run_and_compare(*opt, kGrads,
                  adam_reference({.lr = every_step(0.1), .beta1 = 0.8, .beta2 = 0.9, .eps = 0.1},
                                 kGrads));
}

TEST_CASE("Adam weight_decay: g <- g + wd·p before the moments", "[optim]") {
  auto opt = make("adam", R"({"lr": 0.1, "weight_decay": 0.5})");
  run_and_compare(*opt, kGrads,
                  adam_reference({.lr = every_step(0.1), .weight_decay = 0.5}, kGrads));
}

TEST_CASE("Adam amsgrad: v̂ uses the running maximum of v", "[optim]") {
  // Large gradients, then small ones: v shrinks, v_max does not. Element 0 by hand with
  // beta2 = 0.99: v = 0.01·9 = 0.09, then 0.99·0.09 + 0.01·0.01 = 0.0892 < 0.09 = v_max.
  const Steps grads = {
      {3.0f, -2.0f, 0.5f, 1.0f, 0.0f},
      {0.1f, -0.05f, 0.5f, 1.0f, 4.0f},
      {0.2f, 0.01f, -0.5f, 1.0f, 0.1f},
      {-0.1f, 0.02f, 0.5f, 1.0f, -0.1f},
  };
  const AdamRef with{.lr = every_step(0.1), .beta2 = 0.99, .amsgrad = true};
  const AdamRef without{.lr = every_step(0.1), .beta2 = 0.99};
  const auto want = adam_reference(with, grads);
  // The gradients must make amsgrad matter, or this test would prove nothing.
  REQUIRE(std::abs(want[3][0] - adam_reference(without, grads)[3][0]) > 1e-3);

  auto opt = make("adam", R"({"lr": 0.1, "betas": [0.9, 0.99], "amsgrad": true})");
  run_and_compare(*opt, grads, want);
}

TEST_CASE("AdamW: p <- p·(1 - lr·wd), then Adam without weight decay", "[optim]") {
  SECTION("default weight_decay 1e-2") {
    lw::AdamW opt;
    opt.set(json::parse(R"({"lr": 0.1})"));
    run_and_compare(opt, kGrads,
                    adam_reference({.lr = every_step(0.1), .weight_decay = 1e-2,
                                    .decoupled = true},
                                   kGrads));
  }
  SECTION("large weight_decay, amsgrad") {
    auto opt = make("adamw", R"({"lr": 0.1, "weight_decay": 0.5, "amsgrad": true})");
    const auto want = adam_reference(
        {.lr = every_step(0.1), .weight_decay = 0.5, .amsgrad = true, .decoupled = true},
        kGrads);
    const auto coupled =
        adam_reference({.lr = every_step(0.1), .weight_decay = 0.5, .amsgrad = true}, kGrads);
    REQUIRE(std::abs(want[3][4] - coupled[3][4]) > 1e-3);  // decoupling is visible
    run_and_compare(*opt, kGrads, want);
  }
}

// ------------------------------------------------------------------------------ RMSprop

TEST_CASE("RMSprop plain: p <- p - lr·g / (√v + eps)", "[optim]") {
  lw::RMSprop opt;
  const auto want = rmsprop_reference({.lr = 1e-2}, kGrads);
  // Element 0, step 1 by hand: v = 0.01·0.25 = 0.0025, √v = 0.05, p = 1 - 0.01·0.5/0.05 = 0.9.
  CHECK(want[0][0] == Approx(0.9).margin(1e-7));
  run_and_compare(opt, kGrads, want);
}

TEST_CASE("RMSprop with other alpha and a large eps", "[optim]") {
  auto opt = make("rmsprop", R"({"alpha": 0.5, "eps": 0.1})");
  run_and_compare(*opt, kGrads, rmsprop_reference({.lr = 1e-2, .alpha = 0.5, .eps = 0.1},
                                                  kGrads));
}

TEST_CASE("RMSprop momentum: buf <- momentum·buf + g / (√v + eps)", "[optim]") {
  auto opt = make("rmsprop", R"({"momentum": 0.9})");
  run_and_compare(*opt, kGrads, rmsprop_reference({.lr = 1e-2, .momentum = 0.9}, kGrads));
}

TEST_CASE("RMSprop centered: divides by √(v - ḡ²)", "[optim]") {
  auto opt = make("rmsprop", R"({"centered": true})");
  const auto want = rmsprop_reference({.lr = 1e-2, .centered = true}, kGrads);
  // Element 0, step 1 by hand: v = 0.0025, ḡ = 0.005, v - ḡ² = 0.002475, √ = 0.0497494;
  // p = 1 - 0.01·0.5/0.0497494 = 0.8994962.
  CHECK(want[0][0] == Approx(0.8994962).margin(1e-7));
  run_and_compare(*opt, kGrads, want);
}

TEST_CASE("RMSprop centered with momentum", "[optim]") {
  auto opt = make("rmsprop", R"({"lr": 0.005, "centered": true, "momentum": 0.5})");
  run_and_compare(*opt, kGrads,
                  rmsprop_reference({.lr = 0.005, .momentum = 0.5, .centered = true}, kGrads));
}

TEST_CASE("RMSprop weight_decay: g <- g + wd·p", "[optim]") {
  auto opt = make("rmsprop", R"({"weight_decay": 0.3})");
  run_and_compare(*opt, kGrads, rmsprop_reference({.lr = 1e-2, .weight_decay = 0.3}, kGrads));
}

// ------------------------------------------------------------------- shared behaviour

TEST_CASE("A learning rate changed between steps takes effect at the next step", "[optim]") {
  SECTION("SGD through set_lr") {
    lw::SGD opt;
    TwoParams p;
    opt.set_lr(0.1f);
    p.set_grads(kGrads[0]);
    opt.step(p.list);  // element 0: 1 - 0.1·0.5 = 0.95
    opt.set_lr(0.5f);
    CHECK(opt.lr() == 0.5f);
    p.set_grads(kGrads[1]);
    opt.step(p.list);  // 0.95 - 0.5·(-0.3) = 1.1
    CHECK(close(p.value(0), 1.1));
  }
  SECTION("Adam through set({lr})") {
    auto opt = make("adam", R"({"lr": 0.1})");
    TwoParams p;
    const auto want = adam_reference({.lr = {0.1, 0.1, 0.02, 0.02}}, kGrads);
    for (std::size_t t = 0; t < 4; ++t) {
      if (t == 2) opt->set(json::parse(R"({"lr": 0.02})"));
      p.set_grads(kGrads[t]);
      opt->step(p.list);
    }
    for (std::size_t i = 0; i < 5; ++i) CHECK(close(p.value(i), want[3][i]));
    CHECK(opt->steps() == 4);
  }
}

TEST_CASE("zero_grad clears gradients; step reads them and leaves them alone", "[optim]") {
  TwoParams p;
  p.set_grads(kGrads[0]);
  auto opt = make("adam", R"({"weight_decay": 0.1})");
  opt->step(p.list);
  for (std::size_t i = 0; i < 5; ++i) CHECK(p.grad(i) == kGrads[0][i]);
  lw::zero_grad(p.list);
  for (std::size_t i = 0; i < 5; ++i) CHECK(p.grad(i) == 0.0f);
}

TEST_CASE("reset forgets moments, buffers and the step count, keeps hyperparameters",
          "[optim]") {
  for (const char* name : {"sgd", "adam", "adamw", "rmsprop"}) {
    DYNAMIC_SECTION(name) {
      auto opt = make(name, std::string(name) == "sgd"
                                ? R"({"lr": 0.1, "momentum": 0.9, "dampening": 0.5})"
                                : R"({"lr": 0.1})");
      const json::Value before = opt->options();
      TwoParams first;
      for (const auto& g : kGrads) {
        first.set_grads(g);
        opt->step(first.list);
      }
      opt->reset();
      CHECK(opt->steps() == 0);
      CHECK(opt->options() == before);

      // A fresh run must match a fresh optimiser's run exactly.
      auto fresh = make(name, json::dump(before));
      TwoParams a, b;
      for (const auto& g : kGrads) {
        a.set_grads(g);
        b.set_grads(g);
        opt->step(a.list);
        fresh->step(b.list);
      }
      for (std::size_t i = 0; i < 5; ++i) CHECK(a.value(i) == b.value(i));
    }
  }
}

TEST_CASE("reset lets the optimiser train a different parameter list", "[optim]") {
  lw::Adam opt;
  TwoParams p;
  opt.step(p.list);
  Param other("w", {3});
  ParamList list{&other};
  REQUIRE_THROWS_AS(opt.step(list), lw::Error);
  opt.reset();
  opt.step(list);
  CHECK(opt.steps() == 1);
}

TEST_CASE("Defaults are PyTorch's", "[optim]") {
  SECTION("sgd") {
    const json::Value o = lw::SGD().options();
    CHECK(o.as_object("o").size() == 5);
    CHECK(o.find("lr")->as_number("lr") == Approx(1e-3));
    CHECK(o.find("momentum")->as_number("") == 0.0);
    CHECK(o.find("dampening")->as_number("") == 0.0);
    CHECK(o.find("weight_decay")->as_number("") == 0.0);
    CHECK(o.find("nesterov")->as_bool("") == false);
  }
  for (const char* name : {"adam", "adamw"}) {
    DYNAMIC_SECTION(name) {
      const json::Value o = lw::make_optimizer(name)->options();
      CHECK(o.as_object("o").size() == 5);
      CHECK(o.find("lr")->as_number("") == Approx(1e-3));
      const auto& betas = o.find("betas")->as_array("");
      REQUIRE(betas.size() == 2);
      CHECK(betas[0].as_number("") == 0.9);
      CHECK(betas[1].as_number("") == 0.999);
      CHECK(o.find("eps")->as_number("") == 1e-8);
      CHECK(o.find("weight_decay")->as_number("") == (std::string(name) == "adam" ? 0 : 1e-2));
      CHECK(o.find("amsgrad")->as_bool("") == false);
    }
  }
  SECTION("rmsprop") {
    const json::Value o = lw::RMSprop().options();
    CHECK(o.as_object("o").size() == 6);
    CHECK(o.find("lr")->as_number("") == Approx(1e-2));
    CHECK(o.find("alpha")->as_number("") == 0.99);
    CHECK(o.find("eps")->as_number("") == 1e-8);
    CHECK(o.find("weight_decay")->as_number("") == 0.0);
    CHECK(o.find("momentum")->as_number("") == 0.0);
    CHECK(o.find("centered")->as_bool("") == false);
  }
  SECTION("lr() agrees, the step count starts at 0, names are the spec's") {
    CHECK(lw::SGD().lr() == 1e-3f);
    CHECK(lw::Adam().lr() == 1e-3f);
    CHECK(lw::AdamW().lr() == 1e-3f);
    CHECK(lw::RMSprop().lr() == 1e-2f);
    CHECK(lw::Adam().steps() == 0);
    for (const char* name : {"sgd", "adam", "adamw", "rmsprop"})
      CHECK(lw::make_optimizer(name)->name() == name);
  }
}

TEST_CASE("options() reads back what set() wrote", "[optim]") {
  auto opt = make("sgd", R"({"lr": 0.25, "momentum": 0.8, "nesterov": true})");
  const json::Value o = opt->options();
  CHECK(o.find("lr")->as_number("") == 0.25);
  CHECK(o.find("momentum")->as_number("") == 0.8);
  CHECK(o.find("nesterov")->as_bool("") == true);
  CHECK(json::dump(make("adam", R"({"lr": 0.1})")->options()) ==
        R"({"lr":0.1,"betas":[0.9,0.999],"eps":1e-08,"weight_decay":0,"amsgrad":false})");
  // Feeding options() back to set() changes nothing.
  for (const char* name : {"sgd", "adam", "adamw", "rmsprop"}) {
    auto o2 = lw::make_optimizer(name);
    const json::Value before = o2->options();
    o2->set(before);
    CHECK(o2->options() == before);
  }
}

TEST_CASE("set() rejects bad options, names them, and changes nothing", "[optim]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  auto with = [](const char* key, json::Value value) {
    json::Value o;
    o[key] = std::move(value);
    return o;
  };
  struct Case {
    const char* optimizer;
    json::Value options;
    const char* names;  // must appear in the message
  };
  const std::vector<Case> cases = {
      {"sgd", json::parse(R"({"lr": -0.1})"), "lr"},
      {"sgd", json::parse(R"({"lr": "fast"})"), "lr"},
      {"sgd", with("lr", nan), "lr"},
      {"sgd", with("lr", inf), "lr"},
      {"sgd", json::parse(R"({"lr": 1e39})"), "lr"},  // not a float
      {"sgd", json::parse(R"({"lr": 0.5, "momentum": -0.5})"), "momentum"},
      {"sgd", with("dampening", -inf), "dampening"},
      {"sgd", json::parse(R"({"weight_decay": -1})"), "weight_decay"},
      {"sgd", json::parse(R"({"nesterov": true})"), "nesterov"},
      {"sgd", json::parse(R"({"nesterov": true, "momentum": 0.9, "dampening": 0.1})"),
       "nesterov"},
      {"sgd", json::parse(R"({"nesterov": "yes"})"), "nesterov"},
      {"sgd", json::parse(R"({"mommentum": 0.9})"), "mommentum"},
      {"sgd", json::parse(R"([0.1])"), "sgd options"},
      {"adam", json::parse(R"({"lr": -1})"), "lr"},
      {"adam", json::parse(R"({"betas": 0.9})"), "betas"},
      {"adam", json::parse(R"({"betas": [0.9]})"), "betas"},
      {"adam", json::parse(R"({"betas": [0.9, 0.99, 0.999]})"), "betas"},
      {"adam", json::parse(R"({"betas": [1.0, 0.999]})"), "betas[0]"},
      {"adam", json::parse(R"({"betas": [0.9, -0.1]})"), "betas[1]"},
      {"adam", json::parse(R"({"betas": [0.9, "high"]})"), "betas[1]"},
      {"adam", json::parse(R"({"eps": -1e-8})"), "eps"},
      {"adam", json::parse(R"({"weight_decay": -0.01})"), "weight_decay"},
      {"adam", json::parse(R"({"amsgrad": 1})"), "amsgrad"},
      {"adam", json::parse(R"({"beta1": 0.9})"), "beta1"},
      {"adamw", json::parse(R"({"lr": 0.1, "weight_decay": -0.1})"), "weight_decay"},
      {"adamw", with("eps", nan), "eps"},
      {"rmsprop", json::parse(R"({"alpha": 1.5})"), "alpha"},
      {"rmsprop", json::parse(R"({"alpha": -0.1})"), "alpha"},
      {"rmsprop", json::parse(R"({"momentum": -1})"), "momentum"},
      {"rmsprop", json::parse(R"({"eps": -1})"), "eps"},
      {"rmsprop", json::parse(R"({"weight_decay": -1})"), "weight_decay"},
      {"rmsprop", json::parse(R"({"centered": "no"})"), "centered"},
      {"rmsprop", json::parse(R"({"nesterov": true})"), "nesterov"},
  };
  for (const Case& c : cases) {
    INFO(c.optimizer << " " << json::dump(c.options));
    // Start from non-default values, so "unchanged" cannot be mistaken for "reset".
    auto opt = lw::make_optimizer(c.optimizer);
    json::Value start;
    start["lr"] = 0.25;
    opt->set(start);
    const json::Value before = opt->options();
    REQUIRE_THROWS_AS(opt->set(c.options), lw::Error);
    REQUIRE_THROWS_WITH(opt->set(c.options), Catch::Contains(c.names));
    REQUIRE_THROWS_WITH(opt->set(c.options), Catch::Contains(c.optimizer));
    CHECK(opt->options() == before);
  }
}

TEST_CASE("Error messages say what is allowed", "[optim]") {
  lw::SGD sgd;
  CHECK_THROWS_WITH(sgd.set(json::parse(R"({"lr": -1})")),
                    "sgd: lr must be a finite number >= 0, got -1");
  CHECK_THROWS_WITH(sgd.set(json::parse(R"({"nesterov": true})")),
                    Catch::Contains("requires momentum > 0 and dampening = 0"));
  CHECK_THROWS_WITH(sgd.set(json::parse(R"({"foo": 1})")),
                    Catch::Contains("allowed: lr, momentum, dampening, weight_decay, nesterov"));
  lw::Adam adam;
  CHECK_THROWS_WITH(adam.set(json::parse(R"({"betas": [0.9, 1]})")),
                    "adam: betas[1] must be a finite number in [0, 1), got 1");
  lw::RMSprop rmsprop;
  CHECK_THROWS_WITH(rmsprop.set(json::parse(R"({"alpha": 2})")),
                    "rmsprop: alpha must be a finite number in [0, 1], got 2");
}

TEST_CASE("set_lr rejects non-finite and negative values", "[optim]") {
  lw::RMSprop opt;
  for (float bad : {-0.1f, std::numeric_limits<float>::quiet_NaN(),
                    std::numeric_limits<float>::infinity()}) {
    INFO("lr " << bad);
    REQUIRE_THROWS_AS(opt.set_lr(bad), lw::Error);
    REQUIRE_THROWS_WITH(opt.set_lr(bad), Catch::Contains("lr") && Catch::Contains(">= 0"));
    CHECK(opt.lr() == 1e-2f);
  }
  opt.set_lr(0.0f);  // allowed: a frozen model
  CHECK(opt.lr() == 0.0f);
}

TEST_CASE("step refuses a parameter list other than the first one, changing nothing",
          "[optim]") {
  auto opt = make("sgd", R"({"lr": 0.1, "momentum": 0.9})");
  TwoParams p;
  p.set_grads(kGrads[0]);
  opt->step(p.list);
  const float w0 = p.value(0);

  SECTION("fewer parameters") {
    ParamList fewer{&p.w};
    REQUIRE_THROWS_AS(opt->step(fewer), lw::Error);
    REQUIRE_THROWS_WITH(opt->step(fewer), Catch::Contains("got 1 parameters") &&
                                              Catch::Contains("first step had 2"));
  }
  SECTION("a parameter of another size") {
    Param wide("0.weight", {2, 3});
    ParamList other{&wide, &p.b};
    REQUIRE_THROWS_AS(opt->step(other), lw::Error);
    REQUIRE_THROWS_WITH(opt->step(other), Catch::Contains("0.weight") &&
                                              Catch::Contains("has 6 values") &&
                                              Catch::Contains("it had 4"));
  }
  SECTION("a null parameter") {
    ParamList with_null{&p.w, nullptr};
    REQUIRE_THROWS_AS(opt->step(with_null), lw::Error);
  }
  CHECK(opt->steps() == 1);
  CHECK(p.value(0) == w0);
}

TEST_CASE("make_optimizer", "[optim]") {
  SECTION("unknown name lists the allowed ones") {
    REQUIRE_THROWS_AS(lw::make_optimizer("adagrad"), lw::Error);
    REQUIRE_THROWS_WITH(lw::make_optimizer("adagrad"),
                        Catch::Contains("adagrad") &&
                            Catch::Contains("sgd, adam, adamw, rmsprop"));
    REQUIRE_THROWS_WITH(lw::make_optimizer("Adam"), Catch::Contains("sgd, adam, adamw, rmsprop"));
  }
  SECTION("null options mean defaults") {
    CHECK(lw::make_optimizer("adamw", json::Value())->options() == lw::AdamW().options());
  }
  SECTION("options are applied, and bad ones refused") {
    CHECK(make("rmsprop", R"({"alpha": 0.9})")->options().find("alpha")->as_number("") == 0.9);
    REQUIRE_THROWS_WITH(make("sgd", R"({"momentum": -1})"), Catch::Contains("momentum"));
  }
}
