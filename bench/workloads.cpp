// lw_workloads: the workloads of issue #3 (Layerwise-wasm vs TF.js vs native) run through
// the native lw::Model, so the Node benchmark bench/bench_wasm.mjs can put the native build
// (SSE4.1: what wasm gets; and -march=native) next to the wasm engine and TF.js.
//
//   W1      2-8-8-1 tanh, sigmoid output, BCE, "circle" 500 points (seed 42), batch 10,
//           SGD lr 0.03: one call = one train_epoch over the resident points (50 steps,
//           shuffled gather included) -> epochs/s
//   W1-step the same network, data and optimiser, trained as a user's own loop does it: one
//           call = 50 train_step calls on the 500 points in order, 10 at a time -> epochs/s
//   W2-32   the seed's 784-256-128-64-10 ReLU network, cross-entropy, Adam lr 1e-3:
//   W2-128  one call = one train_step on the next consecutive resident batch -> samples/s
//   W3-1    the same network, forward only (training=false), one call = one batch
//   W3-128  -> samples/s
//   W4-32   the images page's small CNN on the same data seen as 1×28×28 pictures: conv 8@5×5
//           padding 2, relu, maxpool 2, conv 16@5×5 padding 2, relu, maxpool 2, flatten, linear 10; cross-entropy,
//           Adam lr 1e-3; one call = one train_step on the next resident batch -> samples/s
//
// Data (W2, W3): 4096 samples, inputs U(-√3, √3) (mean 0, variance 1) from a xorshift32
// stream, labels argmax(T·x) of a fixed random linear teacher T. bench_wasm.mjs generates
// the very same floats in JavaScript (same integer stream, same float rounding), so every
// implementation trains on identical numbers and the first-step losses can be compared.
//
// Two modes:
//   lw_workloads [--quick] [--repeats N] [--min-ms MS]
//       runs every workload (median of repeats, workloads round-robin) and prints one JSON
//       line per workload: {"workload":"W2-32","unit":"samples/s","value":...,...}
//   lw_workloads --serve
//       a line protocol on stdin/stdout, for bench_wasm.mjs, which interleaves the repeats
//       of this process with those of the in-process implementations (round-robin across
//       implementations; docs/toolchain.md, "Timing on this machine").
//       Requests, one per line:
//         (on start: {"ready":true,"arch":...,"workloads":["W1",...]})
//         info                      -> {"arch":...,"lanes":...,"compiler":...}
//         calibrate <workload> <ms> -> {"iters":N}     (warm-up, then iters per repeat)
//         repeat <workload>         -> {"s":seconds per call}  (untimed restart first)
//         check <workload>          -> {"check":x}     (a number to compare implementations;
//                                      W1 and W1-step add "check2": the first epoch's
//                                      mean loss)
//         quit
//       Every reply is one JSON line; an error is {"error":"..."}.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "data/dataset.hpp"
#include "json.hpp"
#include "kernels/simd.hpp"
#include "losses/loss.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"
#include "stats.hpp"

namespace {

using lw::bench::Clock;

using lw::bench::median;
using lw::bench::seconds_since;
using lw::bench::spread_pct;

const char* kW1Spec = R"({"input":[2],"layers":[
  {"type":"linear","out":8},{"type":"tanh"},{"type":"linear","out":8},{"type":"tanh"},
  {"type":"linear","out":1},{"type":"sigmoid"}],"seed":42})";

const char* kSeedSpec = R"({"input":[784],"layers":[
  {"type":"linear","out":256},{"type":"relu"},{"type":"linear","out":128},{"type":"relu"},
  {"type":"linear","out":64},{"type":"relu"},{"type":"linear","out":10}],"seed":42})";

const char* kCnnSpec = R"({"input":[1,28,28],"layers":[
  {"type":"conv2d","out":8,"kernel":5,"padding":2},{"type":"relu"},{"type":"maxpool2d","kernel":2},
  {"type":"conv2d","out":16,"kernel":5,"padding":2},{"type":"relu"},{"type":"maxpool2d","kernel":2},
  {"type":"flatten"},{"type":"linear","out":10}],"seed":42})";

// The W2/W3/W4 data; bench_wasm.mjs (seedData) computes the same floats.
struct SeedData {
  static constexpr std::size_t n = 4096, in = 784, classes = 10;
  std::vector<float> x, y;
  SeedData() {
    std::uint32_t s = 0x9E3779B9u;
    auto next = [&s] {
      s ^= s << 13;
      s ^= s >> 17;
      s ^= s << 5;
      float u = float(s >> 8) * (1.0f / 16777216.0f);  // exact: 24 bits
      return (2.0f * u - 1.0f) * 1.7320508f;           // one float rounding, as Math.fround
    };
    x.resize(n * in);
    for (float& v : x) v = next();
    std::vector<float> teacher(classes * in);
    for (float& t : teacher) t = next();
    y.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t best = 0;
      double best_score = -1e300;
      for (std::size_t c = 0; c < classes; ++c) {
        double score = 0;
        for (std::size_t k = 0; k < in; ++k) score += double(teacher[c * in + k]) * double(x[i * in + k]);
        if (score > best_score) best_score = score, best = c;
      }
      y[i] = float(best);
    }
  }
};

lw::json::Value lr_options(double lr) { return lw::json::Value::Object{{"lr", lr}}; }

// One workload: a call to time, an untimed restart before every repeat, and a check value.
struct Workload {
  std::string id, unit;
  double per_call = 1;  // epochs or samples per call
  std::function<void()> restart, call;
  std::function<double()> check;
  std::function<double()> check2 = {};  // optional second number
  long iters = 1;
  std::vector<double> per_call_s;

  void calibrate(double min_ms) {
    restart();
    call();  // warm-up: scratch buffers, caches, page faults
    long n = 1;
    for (;;) {
      restart();
      auto t0 = Clock::now();
      for (long i = 0; i < n; ++i) call();
      double s = seconds_since(t0);
      if (s * 1e3 >= min_ms / 4 || n >= (1L << 30)) {
        iters = std::max(1L, static_cast<long>(std::ceil(min_ms * 1e-3 / (s / double(n)))));
        return;
      }
      n *= s > 0 ? std::max(2L, std::min(64L, static_cast<long>(min_ms * 1e-3 / 4 / s) + 1)) : 64;
    }
  }
  double repeat() {
    restart();
    auto t0 = Clock::now();
    for (long i = 0; i < iters; ++i) call();
    double s = seconds_since(t0) / double(iters);
    per_call_s.push_back(s);
    return s;
  }
};

// Everything the workloads hold: models, optimisers, data.
struct Bench {
  lw::Dataset circle = lw::generate("circle", 500, 0.0f, 42);
  SeedData seed;
  std::unique_ptr<lw::Loss> bce = lw::make_loss("bce"), ce = lw::make_loss("cross_entropy");
  lw::Model w1 = lw::Model::from_spec_text(kW1Spec);
  std::unique_ptr<lw::Optimizer> w1_opt = lw::make_optimizer("sgd", lr_options(0.03));
  struct Trainer {
    lw::Model model;
    std::unique_ptr<lw::Optimizer> opt = lw::make_optimizer("adam", lr_options(1e-3));
    std::size_t cursor = 0;
    explicit Trainer(const char* spec) : model(lw::Model::from_spec_text(spec)) {}
  };
  Trainer t32{kSeedSpec}, t128{kSeedSpec}, cnn32{kCnnSpec};
  lw::Model fwd = lw::Model::from_spec_text(kSeedSpec);
  std::size_t fwd_cursor[2] = {0, 0};
  std::vector<Workload> ws;

  Bench() {
    ws.push_back({"W1", "epochs/s", 1,
                  [this] {
                    w1.reset(42);
                    w1_opt->reset();
                  },
                  [this] { w1.train_epoch(circle.x.span(), circle.y.span(), 500, 10, *bce, *w1_opt); },
                  [this] {
                    // loss of the initial model over all 500 points
                    w1.reset(42);
                    return w1.evaluate(circle.x.span(), circle.y.span(), 500, *bce, true).loss;
                  }});
    // Layerwise only (TF.js shuffles differently): the mean loss of the first epoch, the same
    // number natively and in wasm when both round alike.
    ws.back().check2 = [this] {
      w1.reset(42);
      w1_opt->reset();
      return double(w1.train_epoch(circle.x.span(), circle.y.span(), 500, 10, *bce, *w1_opt));
    };
    // W1-step: no shuffle, no gather; the number compared is the first step's loss, with the
    // first epoch's mean loss as check2 (the same in wasm through model.trainStep).
    ws.push_back({"W1-step", "epochs/s", 1,
                  [this] {
                    w1.reset(42);
                    w1_opt->reset();
                  },
                  [this] { step_epoch(); },
                  [this] {
                    w1.reset(42);
                    w1_opt->reset();
                    return double(w1_step(0));
                  }});
    ws.back().check2 = [this] {
      w1.reset(42);
      w1_opt->reset();
      return step_epoch();
    };
    add_steps("W2-32", t32, 32);
    add_steps("W2-128", t128, 128);
    for (std::size_t i = 0; i < 2; ++i) {
      std::size_t b = i == 0 ? 1 : 128;
      ws.push_back({"W3-" + std::to_string(b), "samples/s", double(b), [] {},
                    [this, i, b] { forward(i, b); },
                    [this, i, b] {
                      fwd_cursor[i] = 0;
                      const lw::Tensor& out = forward(i, b);
                      double sum = 0;  // sum of the first batch's logits
                      for (float v : out.span()) sum += v;
                      return sum;
                    }});
    }
    add_steps("W4-32", cnn32, 32);
  }

  // A training-step workload: one step per call on consecutive resident batches.
  void add_steps(const std::string& id, Trainer& t, std::size_t b) {
    ws.push_back({id, "samples/s", double(b),
                  [this, &t, b] {
                    // same state every repeat: initial parameters, fresh Adam, one untimed
                    // step so Adam's buffers exist (as bench_core.cpp does)
                    t.model.reset(42);
                    t.opt->reset();
                    t.cursor = 0;
                    step(t, b);
                  },
                  [this, &t, b] { step(t, b); },
                  [this, &t, b] {
                    t.model.reset(42);
                    t.opt->reset();
                    t.cursor = 0;
                    return double(step(t, b));  // loss of the first step, from the start
                  }});
  }

  float w1_step(std::size_t start) {
    return w1.train_step(circle.x.span().subspan(start * 2, 10 * 2), circle.y.span().subspan(start, 10), 10,
                         *bce, *w1_opt);
  }
  double step_epoch() {
    double total = 0;
    for (std::size_t s = 0; s < 500; s += 10) total += w1_step(s);
    return total / 50;
  }

  float step(Trainer& t, std::size_t b) {
    std::size_t start = t.cursor;
    if (start + b > SeedData::n) start = 0;
    t.cursor = start + b;
    return t.model.train_step({seed.x.data() + start * SeedData::in, b * SeedData::in},
                              {seed.y.data() + start, b}, b, *ce, *t.opt);
  }
  const lw::Tensor& forward(std::size_t i, std::size_t b) {
    std::size_t start = fwd_cursor[i];
    if (start + b > SeedData::n) start = 0;
    fwd_cursor[i] = start + b;
    return fwd.forward({seed.x.data() + start * SeedData::in, b * SeedData::in}, b, false);
  }

  Workload* find(const std::string& id) {
    for (Workload& w : ws)
      if (w.id == id) return &w;
    return nullptr;
  }
};

std::string info_json() {
  std::ostringstream o;
  o << "{\"arch\":\"" << xsimd::default_arch::name() << "\",\"lanes\":" << lw::simd::kLanes
    << ",\"xsimd\":\"" << XSIMD_VERSION_MAJOR << "." << XSIMD_VERSION_MINOR << "."
    << XSIMD_VERSION_PATCH << "\",\"compiler\":\"GCC " << __VERSION__ << "\"}";
  return o.str();
}

std::string num(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

int serve(Bench& bench) {
  std::string line;
  std::string ids;
  for (const Workload& w : bench.ws) ids += (ids.empty() ? "\"" : ",\"") + w.id + "\"";
  std::string info = info_json();
  info.pop_back();  // the closing brace
  std::cout << "{\"ready\":true," << info.substr(1) << ",\"workloads\":[" << ids << "]}" << std::endl;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string cmd, id;
    in >> cmd >> id;
    try {
      if (cmd == "quit") break;
      if (cmd == "info") {
        std::cout << info_json() << std::endl;
        continue;
      }
      Workload* w = bench.find(id);
      if (!w) {
        std::cout << "{\"error\":\"unknown workload '" << id << "'\"}" << std::endl;
      } else if (cmd == "calibrate") {
        double ms = 60;
        in >> ms;
        w->calibrate(ms);
        std::cout << "{\"iters\":" << w->iters << "}" << std::endl;
      } else if (cmd == "repeat") {
        std::cout << "{\"s\":" << num(w->repeat()) << "}" << std::endl;
      } else if (cmd == "check") {
        std::cout << "{\"check\":" << num(w->check());
        if (w->check2) std::cout << ",\"check2\":" << num(w->check2());
        std::cout << "}" << std::endl;
      } else {
        std::cout << "{\"error\":\"unknown request '" << cmd << "'\"}" << std::endl;
      }
    } catch (const std::exception& e) {
      std::cout << "{\"error\":\"" << e.what() << "\"}" << std::endl;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  lw::bench::Timing timing;
  bool serve_mode = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--serve") {
      serve_mode = true;
    } else if (!lw::bench::read_timing(argc, argv, i, timing)) {
      std::fprintf(stderr,
                   "usage: lw_workloads [--quick] [--repeats N] [--min-ms MS]\n"
                   "       lw_workloads --serve   (line protocol for bench/bench_wasm.mjs)\n");
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }
  Bench bench;
  if (serve_mode) return serve(bench);

  std::cout << info_json() << std::endl;
  for (Workload& w : bench.ws) w.calibrate(timing.min_ms);
  for (int r = 0; r < timing.repeats; ++r)
    for (Workload& w : bench.ws) w.repeat();
  for (Workload& w : bench.ws) {
    double s = median(w.per_call_s);
    std::cout << "{\"workload\":\"" << w.id << "\",\"unit\":\"" << w.unit
              << "\",\"value\":" << num(w.per_call / s) << ",\"median_s_per_call\":" << num(s)
              << ",\"spread_pct\":" << num(spread_pct(w.per_call_s)) << ",\"repeats\":" << timing.repeats
              << ",\"iters\":" << w.iters << ",\"check\":" << num(w.check());
    if (w.check2) std::cout << ",\"check2\":" << num(w.check2());
    std::cout << "}" << std::endl;
  }
  return 0;
}
