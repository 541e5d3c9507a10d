// PyTorch as the oracle: the engine against numbers real torch computed
// (tests/torch/make_fixtures.py writes build/torch/fixtures.json; scripts/test.sh runs it).
//
// Every family of the engine — activations, losses, optimisers, whole networks of linear,
// conv2d, pooling, flatten and dropout layers (forward, one example's backward and SGD update),
// and the initialisers' distributions — is compared with torch's own output. Without the
// fixtures the test fails and says how to make them, unless LAYERWISE_NO_TORCH=1 is set: then
// it passes with a warning that the torch-backed checks did not run (the opt-out is explicit,
// never silent). Each family prints its largest relative difference.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "activations/activation.hpp"
#include "json.hpp"
#include "losses/loss.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"
#include "param.hpp"

using namespace lw;

namespace {

#ifdef LW_TORCH_FIXTURES
const char* const kDefaultFixtures = LW_TORCH_FIXTURES;
#else
const char* const kDefaultFixtures = "build/torch/fixtures.json";
#endif

bool opted_out() {
  const char* v = std::getenv("LAYERWISE_NO_TORCH");
  return v && std::string(v) == "1";
}

// The fixtures, or null when absent and opted out (the caller then returns); fails otherwise.
const json::Value* fixtures() {
  static json::Value loaded;
  static std::string path;
  if (path.empty()) {
    const char* env = std::getenv("LW_TORCH_FIXTURES");
    path = env ? env : kDefaultFixtures;
    std::ifstream in(path);
    if (in) {
      std::stringstream text;
      text << in.rdbuf();
      loaded = json::parse(text.str());
    }
  }
  if (!loaded.is_null()) return &loaded;
  if (opted_out()) {
    WARN("LAYERWISE_NO_TORCH=1: the PyTorch-oracle tests did not run (" << path << " is missing)");
    return nullptr;
  }
  FAIL(path << " is missing. It holds what PyTorch computes for the engine's layers, losses, "
               "optimisers and initialisers: make it with `/usr/bin/python3 "
               "tests/torch/make_fixtures.py build/torch` (needs Debian's python3-torch, which "
               "bash scripts/setup.sh installs), or set LAYERWISE_NO_TORCH=1 to run without the "
               "torch-backed tests");
  return nullptr;
}

std::vector<float> floats(const json::Value& v) {
  std::vector<float> out;
  for (const json::Value& x : v.as_array("values")) out.push_back(float(x.as_number("value")));
  return out;
}

// The largest relative difference of a family, |got − want| / max(|want|, 1e-3), and a check
// per value: |got − want| ≤ atol + rtol·|want|.
struct Family {
  std::string name;
  bool absolute = false;  // report the largest |got − want| instead
  double worst = 0;
  std::string worst_at;
  std::size_t values = 0;
  ~Family() {
    std::cout << "torch oracle: " << name << ": largest " << (absolute ? "absolute" : "relative")
              << " difference " << worst << " over " << values << " values (" << worst_at
              << ")\n";
  }
  void compare(const std::string& what, const float* got, const std::vector<float>& want,
               double rtol, double atol) {
    for (std::size_t i = 0; i < want.size(); ++i) {
      double g = got[i], w = want[i];
      double diff = std::fabs(g - w);
      if (std::isinf(w) || std::isinf(g)) diff = g == w ? 0 : INFINITY;
      double d = absolute ? diff : diff / std::max(std::fabs(w), 1e-3);
      if (d > worst) {
        worst = d;
        std::ostringstream at;
        at << what << "[" << i << "]: " << g << " vs torch's " << w;
        worst_at = at.str();
      }
      ++values;
      if (!(diff <= atol + rtol * std::fabs(w))) {
        FAIL_CHECK(what << "[" << i << "]: engine " << g << ", torch " << w << " (difference "
                        << diff << ")");
        return;  // one message per array is enough
      }
    }
  }
  void compare(const std::string& what, const std::vector<float>& got,
               const std::vector<float>& want, double rtol, double atol) {
    REQUIRE(got.size() == want.size());
    compare(what, got.data(), want, rtol, atol);
  }
};

const std::string& name_of(const json::Value& c) { return c.find("name")->as_string("name"); }

}  // namespace

TEST_CASE("PyTorch oracle: activations, forward and backward, edge values included",
          "[torch]") {
  const json::Value* f = fixtures();
  if (!f) return;
  Family fam{"activations"};
  for (const json::Value& c : f->find("activations")->as_array("activations")) {
    INFO(name_of(c));
    auto act = make_activation(*c.find("spec"), "spec");
    std::size_t rows = std::size_t(c.find("rows")->as_number("rows"));
    std::size_t cols = std::size_t(c.find("cols")->as_number("cols"));
    auto x = floats(*c.find("x")), dy = floats(*c.find("dy"));
    std::vector<float> y(x.size()), dx(x.size());
    act->forward(y.data(), x.data(), rows, cols);
    act->backward(dx.data(), dy.data(), x.data(), y.data(), rows, cols);
    fam.compare(name_of(c) + " y", y, floats(*c.find("y")), 1e-5, 1e-6);
    fam.compare(name_of(c) + " dx", dx, floats(*c.find("dx")), 1e-5, 1e-6);
  }
}

TEST_CASE("PyTorch oracle: losses and their gradients, at p = 0 and 1 and large logits",
          "[torch]") {
  const json::Value* f = fixtures();
  if (!f) return;
  Family fam{"losses"};
  for (const json::Value& c : f->find("losses")->as_array("losses")) {
    INFO(name_of(c));
    auto loss = make_loss(c.find("loss")->as_string("loss"));
    Shape shape;
    for (const json::Value& d : c.find("shape")->as_array("shape"))
      shape.push_back(std::size_t(d.as_number("dim")));
    Tensor pred = Tensor::from(shape, floats(*c.find("pred")));
    auto target = floats(*c.find("target"));
    loss->check(pred, target.data(), target.size());
    double value = loss->value(pred, target.data());
    std::vector<float> want_value = {float(c.find("value")->as_number("value"))};
    fam.compare(name_of(c) + " value", std::vector<float>{float(value)}, want_value, 1e-5, 1e-6);
    Tensor grad;
    loss->grad(grad, pred, target.data());
    fam.compare(name_of(c) + " gradient", std::as_const(grad).data(), floats(*c.find("grad")),
                1e-5, 1e-6);
  }
}

TEST_CASE("PyTorch oracle: every optimiser configuration over five steps", "[torch]") {
  const json::Value* f = fixtures();
  if (!f) return;
  Family fam{"optimisers"};
  for (const json::Value& c : f->find("optimizers")->as_array("optimizers")) {
    INFO(name_of(c));
    auto opt = make_optimizer(c.find("optimizer")->as_string("optimizer"), *c.find("options"));
    std::vector<Param> params;
    const auto& shapes = c.find("shapes")->as_array("shapes");
    const auto& start = c.find("start")->as_array("start");
    params.reserve(shapes.size());
    for (std::size_t i = 0; i < shapes.size(); ++i) {
      Shape s;
      for (const json::Value& d : shapes[i].as_array("shape")) s.push_back(std::size_t(d.as_number("d")));
      params.emplace_back("p" + std::to_string(i), s);
      auto v = floats(start[i]);
      std::copy(v.begin(), v.end(), params[i].value.data());
    }
    ParamList list;
    for (Param& p : params) list.push_back(&p);
    const auto& grads = c.find("grads")->as_array("grads");
    const auto& after = c.find("after")->as_array("after");
    for (std::size_t t = 0; t < grads.size(); ++t) {
      for (std::size_t i = 0; i < params.size(); ++i) {
        auto g = floats(grads[t].as_array("grads")[i]);
        std::copy(g.begin(), g.end(), params[i].grad.data());
      }
      opt->step(list);
      for (std::size_t i = 0; i < params.size(); ++i)
        fam.compare(name_of(c) + " step " + std::to_string(t + 1) + " p" + std::to_string(i),
                    std::as_const(params[i].value).data(), floats(after[t].as_array("after")[i]),
                    2e-5, 2e-6);
    }
  }
}

TEST_CASE("PyTorch oracle: networks of linear, conv2d, pooling, flatten and dropout layers",
          "[torch]") {
  const json::Value* f = fixtures();
  if (!f) return;
  Family dense{"layers: linear networks with every activation and dropout"};
  Family conv{"layers: networks with conv2d, max and average pooling, flatten"};
  for (const json::Value& c : f->find("models")->as_array("models")) {
    INFO(name_of(c));
    bool has_conv = false;
    for (const json::Value& l : c.find("spec")->find("layers")->as_array("layers"))
      has_conv = has_conv || l.find("type")->as_string("type") == "conv2d";
    Family& fam = has_conv ? conv : dense;
    Model m = Model::from_spec(*c.find("spec"));
    std::vector<std::vector<float>> values;
    std::vector<std::pair<std::string, std::span<const float>>> named;
    for (const json::Value& p : c.find("params")->as_array("params")) values.push_back(floats(*p.find("data")));
    std::size_t i = 0;
    for (const json::Value& p : c.find("params")->as_array("params"))
      named.emplace_back(p.find("name")->as_string("name"), values[i++]);
    m.set_parameters(named);

    auto x = floats(*c.find("x"));
    std::size_t batch = std::size_t(c.find("batch")->as_number("batch"));
    const Tensor& y = m.forward(x, batch);
    fam.compare(name_of(c) + " forward", y.data(), floats(*c.find("forward")), 1e-5, 1e-6);

    const json::Value& s = *c.find("step");
    auto x1 = floats(*s.find("x")), t1 = floats(*s.find("target"));
    auto loss = make_loss(c.find("loss")->as_string("loss"));
    auto sgd = make_optimizer("sgd", *s.find("options"));
    StepTrace trace = m.trace_step(x1, t1, *loss, *sgd);
    fam.compare(name_of(c) + " loss", std::vector<float>{float(trace.loss)},
                {float(s.find("loss")->as_number("loss"))}, 1e-5, 1e-6);
    const auto& outs = s.find("outputs")->as_array("outputs");
    const auto& douts = s.find("grad_outputs")->as_array("grad_outputs");
    REQUIRE(trace.layers.size() == outs.size());
    for (std::size_t l = 0; l < outs.size(); ++l) {
      std::string at = name_of(c) + " layer " + std::to_string(l);
      fam.compare(at + " output", std::as_const(trace.layers[l].output).data(), floats(outs[l]),
                  1e-5, 1e-6);
      fam.compare(at + " ∂loss/∂output", std::as_const(trace.layers[l].grad_output).data(),
                  floats(douts[l]), 1e-4, 1e-6);
    }
    for (const ParamTrace& p : trace.params) {
      const json::Value* g = s.find("grads")->find(p.name);
      REQUIRE(g != nullptr);
      fam.compare(name_of(c) + " " + p.name + " gradient", std::as_const(p.grad).data(),
                  floats(*g), 1e-4, 1e-6);
      fam.compare(name_of(c) + " " + p.name + " after SGD", std::as_const(p.updated).data(),
                  floats(*s.find("updated")->find(p.name)), 1e-5, 1e-6);
    }
  }
}

TEST_CASE("PyTorch oracle: initialisers draw from torch's distributions", "[torch]") {
  const json::Value* f = fixtures();
  if (!f) return;
  Family fam{"initialisers (19 quantiles, in standard deviations)", true};
  for (const json::Value& c : f->find("inits")->as_array("inits")) {
    INFO(name_of(c));
    json::Value spec = *c.find("spec");
    spec["seed"] = json::Value(7);
    Model m = Model::from_spec(spec);
    const std::string& param = c.find("param")->as_string("param");
    const Tensor* found = nullptr;
    for (const Param* p : m.params())
      if (p->name == param) found = &p->value;
    REQUIRE(found != nullptr);
    const Tensor& w = *found;
    REQUIRE(w.size() == std::size_t(c.find("size")->as_number("size")));
    std::vector<double> v(w.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = std::as_const(w)[i];
    double mean = 0, var = 0;
    for (double x : v) mean += x;
    mean /= double(v.size());
    for (double x : v) var += (x - mean) * (x - mean);
    double std = std::sqrt(var / double(v.size() - 1));
    double want_mean = c.find("mean")->as_number("mean"), want_std = c.find("std")->as_number("std");
    std::sort(v.begin(), v.end());
    if (want_std == 0) {  // constant and zeros: every value exactly torch's
      CHECK(v.front() == c.find("min")->as_number("min"));
      CHECK(v.back() == c.find("max")->as_number("max"));
      continue;
    }
    double n = double(v.size());
    // Mean within 6 standard errors of the difference of two sample means; spread within 3 %.
    CHECK(std::fabs(mean - want_mean) <= 6 * want_std * std::sqrt(2 / n));
    CHECK(std::fabs(std / want_std - 1) <= 0.03);
    // The support: a uniform initialiser's extremes within 1 % of torch's (a normal's are
    // random and not compared).
    const json::Value& init = *c.find("init");
    std::string type = init.is_string() ? init.as_string("init") : init.find("type")->as_string("type");
    if (type.find("uniform") != std::string::npos || type == "default") {
      CHECK(std::fabs(v.front() - c.find("min")->as_number("min")) <= 0.01 * want_std * 3.5);
      CHECK(std::fabs(v.back() - c.find("max")->as_number("max")) <= 0.01 * want_std * 3.5);
    }
    // Nineteen quantiles (5 % … 95 %) within 10/√n standard deviations of torch's (0.05 for
    // the 40,000 values of the linear weight): a quantile of n draws wanders about 1.3/√n
    // standard deviations, so this is about five of those for the difference of two samples.
    const double qtol = 10 / std::sqrt(n);
    const auto& levels = c.find("quantile_levels")->as_array("levels");
    const auto& qs = c.find("quantiles")->as_array("quantiles");
    std::vector<float> got_q, want_q;
    for (std::size_t k = 0; k < levels.size(); ++k) {
      double pos = levels[k].as_number("level") * (n - 1);
      std::size_t lo = std::size_t(pos);
      double q = v[lo] + (pos - double(lo)) * (v[std::min(lo + 1, v.size() - 1)] - v[lo]);
      got_q.push_back(float((q - want_mean) / want_std));
      want_q.push_back(float((qs[k].as_number("q") - want_mean) / want_std));
    }
    for (std::size_t k = 0; k < got_q.size(); ++k) {
      INFO("quantile " << levels[k].as_number("level"));
      CHECK(std::fabs(got_q[k] - want_q[k]) <= qtol);
    }
    fam.compare(name_of(c) + " quantiles", got_q, want_q, 0.0, qtol);
  }
}
