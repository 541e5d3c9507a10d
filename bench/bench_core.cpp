// lw_bench: throughput of the native core, printed as Markdown tables (see bench/README.md).
//
//   1. GEMM GFLOP/s in the three orientations backprop uses (NT forward, TN weight gradient,
//      NN input gradient): lw::f32_gemm (xsimd), lw::f32_gemm_ref (scalar reference) and, when
//      the build found it, single-threaded OpenBLAS cblas_sgemm with the matching transposes.
//   2. Training samples/s of the seed network 784-256-128-64-10 (ReLU, cross-entropy, Adam).
//   3. Forward-only (inference) samples/s of the same network.
//   4. Convolution: im2col + GEMM against the direct kernel on the small CNN's two conv
//      layers, forward and backward: the engine's kernels/conv.hpp and conv_direct.hpp.
//
// The machine this runs on is shared and noisy (docs/toolchain.md, "Timing on this
// machine"), so every number is the MEDIAN of several repeats, each repeat runs the operation
// enough times to last at least --min-ms, and implementations being compared are timed round-robin
// (repeat i of xsimd, then repeat i of OpenBLAS, then repeat i of the scalar code) so that
// a burst of noise hits all of them alike. Ratios are computed from numbers of the same run.
//
// Usage: lw_bench [--quick] [--repeats N] [--min-ms MS] [--no-ref] [--conv]
//   --quick     3 repeats of >= 10 ms each, one scalar repeat: a smoke run of ~10 s.
//   --repeats   repeats per measurement (default 9).
//   --min-ms    minimum duration of one repeat in milliseconds (default 60).
//   --no-ref    skip the (slow) scalar reference.
//   --conv      only section 4.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "conv_direct.hpp"
#include "kernels/conv.hpp"
#include "kernels/gemm.hpp"
#include "kernels/simd.hpp"
#include "json.hpp"
#include "losses/loss.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"
#include "stats.hpp"
#include "random.hpp"

#ifdef LW_HAVE_OPENBLAS
#include <cblas.h>
#endif

namespace {

using lw::bench::Clock;

struct Config : lw::bench::Timing {
  int ref_max_repeats = 5;   // the scalar reference is slow: cap its repeats...
  double ref_budget_ms = 1500;  // ...to about this much time per case (at least 1 repeat)
  bool run_ref = true;
  bool conv_only = false;
};

using lw::bench::median;
using lw::bench::seconds_since;
using lw::bench::spread_pct;

// One thing to time: a call, how many calls make one repeat, and the seconds per call of
// every repeat so far.
struct Timed {
  explicit Timed(std::function<void()> f, std::function<void()> s = {})
      : fn(std::move(f)), setup(std::move(s)) {}

  std::function<void()> fn;
  std::function<void()> setup;  // optional, untimed, before calibration and every repeat
  long iters = 1;
  std::vector<double> per_call;

  // Warms up, then picks iters so one repeat lasts at least min_ms.
  void calibrate(double min_ms) {
    if (setup) setup();
    fn();  // warm-up: scratch buffers, caches, page faults
    long n = 1;
    for (;;) {
      if (setup) setup();
      auto t0 = Clock::now();
      for (long i = 0; i < n; ++i) fn();
      double s = seconds_since(t0);
      if (s * 1e3 >= min_ms / 4 || n >= (1L << 30)) {
        double per = s / double(n);
        iters = std::max(1L, static_cast<long>(std::ceil(min_ms * 1e-3 / per)));
        return;
      }
      n *= s > 0 ? std::max(2L, std::min(64L, static_cast<long>(min_ms * 1e-3 / 4 / s) + 1)) : 64;
    }
  }
  void repeat() {
    if (setup) setup();
    auto t0 = Clock::now();
    for (long i = 0; i < iters; ++i) fn();
    per_call.push_back(seconds_since(t0) / double(iters));
  }
  double median_s() const { return median(per_call); }
};

std::vector<float> random_vec(lw::Rng& rng, std::size_t n, float lo = -1.0f, float hi = 1.0f) {
  std::vector<float> v(n);
  for (float& x : v) x = rng.uniform(lo, hi);
  return v;
}

std::string fmt(const char* f, double v) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// ---------------------------------------------------------------------------------------
// 1. GEMM
// ---------------------------------------------------------------------------------------

enum class Orient { NT, TN, NN };
const char* orient_name(Orient o) {
  switch (o) {
    case Orient::NT: return "NT  Y=X·Wᵀ";
    case Orient::TN: return "TN  dW+=dYᵀ·X";
    case Orient::NN: return "NN  dX=dY·W";
  }
  return "?";
}

// A backprop-shaped product for a batch of B samples through a layer in -> out, with W [out, in].
struct Case {
  std::string label;
  std::size_t batch, in, out;
  bool square;
};

// The GemmArgs the f32_gemm_{nt,tn,nn} wrappers build (gemm.cpp), for f32_gemm_ref.
lw::GemmArgs args_for(Orient o, float* c, const float* x, const float* w, const float* dy,
                      std::size_t B, std::size_t out, std::size_t in) {
  using lw::Trans;
  switch (o) {
    case Orient::NT:
      return {c, out, x, in, Trans::N, w, in, Trans::T, B, out, in, false, nullptr};
    case Orient::TN:
      return {c, in, dy, out, Trans::T, x, in, Trans::N, out, in, B, true, nullptr};
    case Orient::NN:
      return {c, in, dy, out, Trans::N, w, in, Trans::N, B, in, out, false, nullptr};
  }
  return {};
}

struct GemmRow {
  std::string shape;
  Orient orient;
  double simd_gf = NAN, ref_gf = NAN, blas_gf = NAN;
  double simd_over_ref = NAN, simd_over_blas = NAN;
  double simd_spread = NAN, blas_spread = NAN;
  double max_err = NAN;  // xsimd vs scalar reference (and vs OpenBLAS), relative to max |C|
  int ref_repeats = 0;
};

double rel_err(const std::vector<float>& a, const std::vector<float>& b) {
  double num = 0, den = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    num = std::max(num, double(std::fabs(a[i] - b[i])));
    den = std::max(den, double(std::fabs(b[i])));
  }
  return den > 0 ? num / den : num;
}

GemmRow bench_gemm(const Case& cs, Orient o, const Config& cfg, lw::Rng& rng) {
  const std::size_t B = cs.batch, in = cs.in, out = cs.out;
  std::vector<float> x = random_vec(rng, B * in), w = random_vec(rng, out * in),
                     dy = random_vec(rng, B * out);
  std::size_t c_size = o == Orient::NT ? B * out : o == Orient::TN ? out * in : B * in;
  std::vector<float> c_simd(c_size, 0.0f), c_ref(c_size, 0.0f), c_blas(c_size, 0.0f);
  // m, n, k of the product (for the FLOP count, 2·m·n·k = 2·B·in·out in every orientation).
  const double flops = 2.0 * double(B) * double(in) * double(out);

  auto run_simd = [&](float* c) {
    switch (o) {
      case Orient::NT: lw::f32_gemm_nt(c, x.data(), w.data(), nullptr, B, out, in); break;
      case Orient::TN: lw::f32_gemm_tn(c, dy.data(), x.data(), B, out, in); break;
      case Orient::NN: lw::f32_gemm_nn(c, dy.data(), w.data(), B, out, in); break;
    }
  };
  auto run_ref = [&](float* c) {
    lw::f32_gemm_ref(args_for(o, c, x.data(), w.data(), dy.data(), B, out, in));
  };
#ifdef LW_HAVE_OPENBLAS
  auto run_blas = [&](float* c) {
    const int b = int(B), ni = int(in), no = int(out);
    switch (o) {
      case Orient::NT:  // y[B,out] = x[B,in] · w[out,in]ᵀ
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, b, no, ni, 1.0f, x.data(), ni,
                    w.data(), ni, 0.0f, c, no);
        break;
      case Orient::TN:  // dw[out,in] += dy[B,out]ᵀ · x[B,in]
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, no, ni, b, 1.0f, dy.data(), no,
                    x.data(), ni, 1.0f, c, ni);
        break;
      case Orient::NN:  // dx[B,in] = dy[B,out] · w[out,in]
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, b, ni, no, 1.0f, dy.data(), no,
                    w.data(), ni, 0.0f, c, ni);
        break;
    }
  };
#endif

  GemmRow row;
  row.shape = cs.label;
  row.orient = o;

  // Correctness first (one call each on zeroed outputs), so the timed code computes the same.
  run_simd(c_simd.data());
  run_ref(c_ref.data());
  row.max_err = rel_err(c_simd, c_ref);
#ifdef LW_HAVE_OPENBLAS
  run_blas(c_blas.data());
  row.max_err = std::max(row.max_err, rel_err(c_simd, c_blas));
#endif

  Timed ts{[&] { run_simd(c_simd.data()); }};
  ts.calibrate(cfg.min_ms);
#ifdef LW_HAVE_OPENBLAS
  Timed tb{[&] { run_blas(c_blas.data()); }};
  tb.calibrate(cfg.min_ms);
#endif
  Timed tr{[&] { run_ref(c_ref.data()); }};
  int ref_reps = 0;
  if (cfg.run_ref) {
    // Time one call (also the warm-up) to size the reference's repeats to its budget.
    auto t0 = Clock::now();
    run_ref(c_ref.data());
    double one = seconds_since(t0);
    if (one * 1e3 >= cfg.min_ms) {
      tr.iters = 1;
    } else {
      tr.calibrate(cfg.min_ms);
      one = std::max(one, cfg.min_ms * 1e-3 / double(tr.iters));
    }
    double per_repeat_ms = std::max(one * double(tr.iters) * 1e3, cfg.min_ms);
    ref_reps = int(std::clamp(cfg.ref_budget_ms / per_repeat_ms, 1.0,
                              double(std::min(cfg.ref_max_repeats, cfg.repeats))));
  }

  // Round-robin repeats; the pairwise xsimd/OpenBLAS ratio of each repeat is kept too.
  std::vector<double> pair_ratio;
  for (int r = 0; r < cfg.repeats; ++r) {
    ts.repeat();
#ifdef LW_HAVE_OPENBLAS
    tb.repeat();
    pair_ratio.push_back(tb.per_call.back() / ts.per_call.back());
#endif
    if (r < ref_reps) tr.repeat();
  }

  row.simd_gf = flops / ts.median_s() * 1e-9;
  row.simd_spread = spread_pct(ts.per_call);
#ifdef LW_HAVE_OPENBLAS
  row.blas_gf = flops / tb.median_s() * 1e-9;
  row.blas_spread = spread_pct(tb.per_call);
  row.simd_over_blas = median(pair_ratio);
#endif
  if (ref_reps > 0) {
    row.ref_gf = flops / tr.median_s() * 1e-9;
    row.simd_over_ref = tr.median_s() / ts.median_s();
  }
  row.ref_repeats = ref_reps;
  return row;
}

// ---------------------------------------------------------------------------------------
// 2 & 3. The seed network
// ---------------------------------------------------------------------------------------

const char* kSeedSpec = R"({
  "input": [784],
  "layers": [
    {"type": "linear", "out": 256}, {"type": "relu"},
    {"type": "linear", "out": 128}, {"type": "relu"},
    {"type": "linear", "out": 64}, {"type": "relu"},
    {"type": "linear", "out": 10}
  ],
  "seed": 42
})";

// Multiply-adds of one forward pass per sample, and the FLOPs of one training sample:
// forward 2·MAC, weight gradients 2·MAC, input gradients 2·MAC except for the first layer.
constexpr double kMacs = 784.0 * 256 + 256.0 * 128 + 128.0 * 64 + 64.0 * 10;
constexpr double kTrainFlops = 6 * kMacs - 2 * 784.0 * 256;
constexpr double kForwardFlops = 2 * kMacs;

struct NetRow {
  std::string what;
  std::size_t batch;
  double samples_per_s;
  double gflops;
  double spread;
};

// 4096 resident samples of a learnable task: standardised inputs (N(0, 1) per feature, as the
// playground standardises its data) and labels from a fixed random linear "teacher",
// y = argmax(T·x). Not raw U[0, 1) pixels with random labels: with all-positive inputs Adam
// kills the ReLUs within an epoch, and the decaying Adam moments of the dead units then turn
// subnormal and slow every step down 2-3x as training goes on (bench/README.md), which
// would make the timing depend on how long the benchmark has been running.
struct SeedData {
  std::size_t n = 4096;
  std::vector<float> x, y;
  explicit SeedData(lw::Rng& rng) {
    x.resize(n * 784);
    for (float& v : x) v = rng.normal();
    std::vector<float> teacher(10 * 784);
    for (float& t : teacher) t = rng.normal();
    y.resize(n);
    for (std::size_t s = 0; s < n; ++s) {
      int best = 0;
      double best_score = -1e300;
      for (int c = 0; c < 10; ++c) {
        double score = 0;
        for (std::size_t i = 0; i < 784; ++i) score += double(teacher[c * 784 + i]) * x[s * 784 + i];
        if (score > best_score) best_score = score, best = c;
      }
      y[s] = float(best);
    }
  }
};

// Every repeat starts from the same state: fresh parameters (the spec's seed), optimiser
// state forgotten, then one untimed step so Adam's buffers exist before the clock starts.
void restart(lw::Model& model, lw::Optimizer& opt, const lw::Loss& loss, const SeedData& data,
             std::size_t batch) {
  model.reset(42);
  opt.reset();
  model.train_step({data.x.data(), batch * 784}, {data.y.data(), batch}, batch, loss, opt);
}

std::vector<NetRow> bench_training(const Config& cfg, const SeedData& data) {
  auto loss = lw::make_loss("cross_entropy");
  std::vector<NetRow> rows;
  const std::size_t batches[] = {32, 128};

  // (a) train_step over consecutive resident batches (no shuffle, no gather): the step itself.
  // (b) train_epoch over all 4096 resident samples (shuffled gather into the batch, as the
  //     playground trains). The models/optimisers of one kind are timed round-robin.
  struct Runner {
    lw::Model model;
    std::unique_ptr<lw::Optimizer> opt;
    std::size_t batch;
    std::size_t cursor = 0;
  };
  auto make_runner = [&](std::size_t batch) {
    lw::json::Value options = lw::json::Value::Object{{"lr", 1e-3}};
    return Runner{lw::Model::from_spec_text(kSeedSpec), lw::make_optimizer("adam", options),
                  batch};
  };

  std::vector<Runner> step_runners, epoch_runners;
  for (std::size_t b : batches) step_runners.push_back(make_runner(b));
  for (std::size_t b : batches) epoch_runners.push_back(make_runner(b));

  std::vector<Timed> step_t, epoch_t;
  for (Runner& r : step_runners) {
    step_t.push_back(Timed{[&r, &data, &loss] {
                             std::size_t b = r.batch, start = r.cursor;
                             if (start + b > data.n) start = 0;
                             r.cursor = start + b;
                             r.model.train_step({data.x.data() + start * 784, b * 784},
                                                {data.y.data() + start, b}, b, *loss, *r.opt);
                           },
                           [&r, &data, &loss] {
                             restart(r.model, *r.opt, *loss, data, r.batch);
                             r.cursor = 0;
                           }});
  }
  for (Runner& r : epoch_runners) {
    epoch_t.push_back(Timed{[&r, &data, &loss] {
                              r.model.train_epoch(data.x, data.y, data.n, r.batch, *loss, *r.opt);
                            },
                            [&r, &data, &loss] { restart(r.model, *r.opt, *loss, data, r.batch); }});
  }
  for (Timed& t : step_t) t.calibrate(cfg.min_ms);
  for (Timed& t : epoch_t) t.calibrate(cfg.min_ms);
  for (int rep = 0; rep < cfg.repeats; ++rep) {
    for (Timed& t : step_t) t.repeat();
    for (Timed& t : epoch_t) t.repeat();
  }
  for (std::size_t i = 0; i < step_runners.size(); ++i) {
    double sps = double(step_runners[i].batch) / step_t[i].median_s();
    rows.push_back({"train_step (resident batches)", step_runners[i].batch, sps,
                    sps * kTrainFlops * 1e-9, spread_pct(step_t[i].per_call)});
  }
  for (std::size_t i = 0; i < epoch_runners.size(); ++i) {
    double sps = double(data.n) / epoch_t[i].median_s();
    rows.push_back({"train_epoch (4096 samples, shuffled)", epoch_runners[i].batch, sps,
                    sps * kTrainFlops * 1e-9, spread_pct(epoch_t[i].per_call)});
  }
  return rows;
}

std::vector<NetRow> bench_forward(const Config& cfg, const SeedData& data) {
  const std::size_t batches[] = {1, 128};
  lw::Model model = lw::Model::from_spec_text(kSeedSpec);
  std::vector<Timed> ts;
  std::vector<std::size_t> cursors(std::size(batches), 0);
  for (std::size_t i = 0; i < std::size(batches); ++i) {
    std::size_t b = batches[i];
    ts.push_back(Timed{[&, b, i] {
      std::size_t start = cursors[i];
      if (start + b > data.n) start = 0;
      cursors[i] = start + b;
      model.forward({data.x.data() + start * 784, b * 784}, b, false);  // a library call: kept
    }});
  }
  for (Timed& t : ts) t.calibrate(cfg.min_ms);
  for (int rep = 0; rep < cfg.repeats; ++rep)
    for (Timed& t : ts) t.repeat();
  std::vector<NetRow> rows;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    double sps = double(batches[i]) / ts[i].median_s();
    rows.push_back({"forward (training=false)", batches[i], sps, sps * kForwardFlops * 1e-9,
                    spread_pct(ts[i].per_call)});
  }
  return rows;
}

// Where a training step's time goes: the same model timed three ways, round-robin.
// forward(training=true) and Optimizer::step alone are public calls; the rest of train_step
// (input copy, loss, zero_grad, backward) is the difference.
void bench_breakdown(const Config& cfg, const SeedData& data) {
  auto loss = lw::make_loss("cross_entropy");
  std::printf("| batch | train_step µs | forward µs | Adam step µs | rest (loss, zero_grad, "
              "backward, copy) µs | forward %% | Adam %% | rest %% |\n");
  std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (std::size_t b : {32, 128}) {
    lw::Model model = lw::Model::from_spec_text(kSeedSpec);
    lw::json::Value options = lw::json::Value::Object{{"lr", 1e-3}};
    auto opt = lw::make_optimizer("adam", options);
    std::span<const float> x{data.x.data(), b * 784}, y{data.y.data(), b};
    lw::ParamList ps = model.params();
    auto fresh = [&] { restart(model, *opt, *loss, data, b); };  // gradients and Adam state exist
    Timed full{[&] { model.train_step(x, y, b, *loss, *opt); }, fresh};
    Timed fwd{[&] { model.forward(x, b, true); }, fresh};
    Timed step{[&] { opt->step(ps); }, fresh};
    for (Timed* t : {&full, &fwd, &step}) t->calibrate(cfg.min_ms);
    for (int rep = 0; rep < cfg.repeats; ++rep)
      for (Timed* t : {&full, &fwd, &step}) t->repeat();
    double f = full.median_s() * 1e6, a = fwd.median_s() * 1e6, s = step.median_s() * 1e6;
    double rest = f - a - s;
    std::printf("| %zu | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |\n", b, f, a, s, rest,
                100 * a / f, 100 * s / f, 100 * rest / f);
  }
}

void print_net_table(const std::vector<NetRow>& rows) {
  std::printf("| what | batch | samples/s | GFLOP/s (equiv.) | spread (IQR %%) |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: |\n");
  for (const NetRow& r : rows)
    std::printf("| %s | %zu | %s | %s | %s |\n", r.what.c_str(), r.batch,
                fmt("%.0f", r.samples_per_s).c_str(), fmt("%.1f", r.gflops).c_str(),
                fmt("%.1f", r.spread).c_str());
}

// ---------------------------------------------------------------------------------------
// 4. Convolution: im2col + GEMM against direct
// ---------------------------------------------------------------------------------------

struct ConvCase {
  const char* label;
  std::size_t out;
  lw::Conv2dGeometry g;
  bool input_grad;  // the first layer of a model needs no dx
};

void bench_conv(const Config& cfg, lw::Rng& rng) {
  const ConvCase cases[] = {{"conv 8@5×5 on 1×28×28", 8, {1, 28, 28, 5, 5, 1, 1, 0, 0}, false},
                            {"conv 16@5×5 on 8×12×12", 16, {8, 12, 12, 5, 5, 1, 1, 0, 0}, true}};
  std::printf("## 4. Convolution: im2col + GEMM against direct, single thread\n\n");
  std::printf("The small CNN's conv layers (kernels/conv.hpp). forward: y = conv(x) + b; "
              "backward: dW, db and, for the second layer only (the first needs none), dx. "
              "ms per batch (median); GFLOP/s counts 2·B·out·in·kh·kw·oh·ow per product "
              "(forward 1, backward 2 or 1); direct/im2col is the median of per-repeat time "
              "ratios (> 1: im2col faster); max rel. err compares the two results (y, or dW "
              "and dx) once before timing, relative to their largest magnitude.\n\n");
  std::printf("| layer | batch | pass | im2col ms | direct ms | im2col GFLOP/s | direct GFLOP/s "
              "| direct/im2col | spread im2col / direct (IQR %%) | max rel. err |\n");
  std::printf("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  std::fflush(stdout);
  for (const ConvCase& cs : cases)
    for (std::size_t batch : {1u, 32u, 128u}) {
      const lw::Conv2dGeometry& g = cs.g;
      const std::size_t P = g.out_h() * g.out_w(), out = cs.out;
      auto x = random_vec(rng, batch * g.in_size()), w = random_vec(rng, out * g.patch()),
           b = random_vec(rng, out), dy = random_vec(rng, batch * out * P);
      std::vector<float> y(batch * out * P), col(g.col_size()), dx(x.size()), dw(w.size()),
          db(out);
      float* dxp = cs.input_grad ? dx.data() : nullptr;
      const double product = 2.0 * double(batch * out * g.patch() * P);
      for (bool backward : {false, true}) {
        // The same results first: one call of each on fresh outputs.
        std::vector<float> y2(y.size()), dx2(dx.size()), dw2(dw.size()), db2(out);
        std::fill(dw.begin(), dw.end(), 0.0f);
        std::fill(db.begin(), db.end(), 0.0f);
        double err;
        if (backward) {
          lw::f32_conv2d_im2col_backward(dxp, dw.data(), db.data(), dy.data(), x.data(), w.data(),
                                         batch, out, g, col.data());
          lw::bench::conv2d_direct_backward(dxp ? dx2.data() : nullptr, dw2.data(), db2.data(),
                                            dy.data(), x.data(), w.data(), batch, out, g);
          err = std::max(rel_err(dw, dw2), dxp ? rel_err(dx, dx2) : 0.0);
        } else {
          lw::f32_conv2d_im2col(y.data(), x.data(), w.data(), b.data(), batch, out, g, col.data());
          lw::bench::conv2d_direct(y2.data(), x.data(), w.data(), b.data(), batch, out, g);
          err = rel_err(y, y2);
        }
        Timed im2col{[&] {
          if (backward)
            lw::f32_conv2d_im2col_backward(dxp, dw.data(), db.data(), dy.data(), x.data(),
                                           w.data(), batch, out, g, col.data());
          else
            lw::f32_conv2d_im2col(y.data(), x.data(), w.data(), b.data(), batch, out, g,
                                  col.data());
        }};
        Timed direct{[&] {
          if (backward)
            lw::bench::conv2d_direct_backward(dxp, dw.data(), db.data(), dy.data(), x.data(),
                                           w.data(), batch, out, g);
          else
            lw::bench::conv2d_direct(y.data(), x.data(), w.data(), b.data(), batch, out, g);
        }};
        im2col.calibrate(cfg.min_ms);
        direct.calibrate(cfg.min_ms);
        std::vector<double> ratio;
        for (int r = 0; r < cfg.repeats; ++r) {
          im2col.repeat();
          direct.repeat();
          ratio.push_back(direct.per_call.back() / im2col.per_call.back());
        }
        double flops = product * (backward ? (cs.input_grad ? 2 : 1) : 1);
        std::printf("| %s | %zu | %s | %s | %s | %s | %s | %s | %s / %s | %s |\n", cs.label, batch,
                    backward ? "backward" : "forward", fmt("%.3f", im2col.median_s() * 1e3).c_str(),
                    fmt("%.3f", direct.median_s() * 1e3).c_str(),
                    fmt("%.1f", flops / im2col.median_s() * 1e-9).c_str(),
                    fmt("%.1f", flops / direct.median_s() * 1e-9).c_str(),
                    fmt("%.2f×", median(ratio)).c_str(),
                    fmt("%.1f", spread_pct(im2col.per_call)).c_str(),
                    fmt("%.1f", spread_pct(direct.per_call)).c_str(), fmt("%.1e", err).c_str());
        std::fflush(stdout);
      }
    }
  std::printf("\n");
}

void usage() {
  std::fprintf(stderr,
               "usage: lw_bench [--quick] [--repeats N] [--min-ms MS] [--no-ref]\n"
               "  --quick     smoke run: 3 repeats of >= 10 ms, 1 scalar repeat\n"
               "  --repeats   repeats per measurement, the median is reported (default 9)\n"
               "  --min-ms    minimum duration of one repeat in ms (default 60)\n"
               "  --no-ref    skip the scalar reference GEMM\n"
               "  --conv      only the convolution table (section 4)\n");
}

}  // namespace

int main(int argc, char** argv) {
#ifdef LW_HAVE_OPENBLAS
  // OpenBLAS reads OPENBLAS_NUM_THREADS when the library loads (before main), so the
  // environment variable only helps when set by the caller; the call below always applies.
  setenv("OPENBLAS_NUM_THREADS", "1", 1);
  openblas_set_num_threads(1);
#endif
  Config cfg;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (lw::bench::read_timing(argc, argv, i, cfg)) {
      if (a == "--quick") {  // and the scalar reference: 1 repeat of about 200 ms
        cfg.ref_max_repeats = 1;
        cfg.ref_budget_ms = 200;
      }
    } else if (a == "--no-ref") {
      cfg.run_ref = false;
    } else if (a == "--conv") {
      cfg.conv_only = true;
    } else {
      usage();
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }

  char date[64];
  std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M %Z", std::localtime(&now));

  std::printf("# Layerwise core benchmark\n\n");
  std::printf("- date: %s\n", date);
  std::printf("- SIMD arch: %s, %zu float lanes (xsimd %d.%d.%d)\n", xsimd::default_arch::name(),
              lw::simd::kLanes, XSIMD_VERSION_MAJOR, XSIMD_VERSION_MINOR, XSIMD_VERSION_PATCH);
  std::printf("- compiler: %s\n", __VERSION__);
#ifdef LW_HAVE_OPENBLAS
  std::printf("- OpenBLAS:%s, core %s, threads %d (config: %s)\n", OPENBLAS_VERSION,
              openblas_get_corename(), openblas_get_num_threads(), openblas_get_config());
#else
  std::printf("- OpenBLAS: not found at build time (column shows n/a)\n");
#endif
  std::printf("- method: median of %d repeats, each >= %.0f ms; implementations timed "
              "round-robin%s\n\n",
              cfg.repeats, cfg.min_ms, cfg.quick ? " (--quick)" : "");
  std::fflush(stdout);

  lw::Rng rng(1234);
  if (cfg.conv_only) {
    bench_conv(cfg, rng);
    return 0;
  }

  // ---- 1. GEMM ----
  std::vector<Case> cases;
  for (std::size_t s : {64, 128, 256, 384, 512})
    cases.push_back({std::to_string(s) + "³", s, s, s, true});
  const std::size_t layers[][2] = {{784, 256}, {256, 128}, {128, 64}, {64, 10}};
  for (std::size_t b : {32, 128})
    for (auto& l : layers)
      cases.push_back({"B" + std::to_string(b) + " " + std::to_string(l[0]) + "→" +
                           std::to_string(l[1]),
                       b, l[0], l[1], false});

  std::printf("## 1. GEMM, GFLOP/s (2·m·n·k / median time), single thread\n\n");
  std::printf("Square s³: batch = in = out = s. Layer rows: batch B through a Linear in→out "
              "(W is [out, in]); NT is the forward Y[B,out] = X·Wᵀ, TN the weight gradient "
              "dW[out,in] += dYᵀ·X, NN the input gradient dX[B,in] = dY·W.\n\n");
  std::printf("| shape | orientation | xsimd | scalar | OpenBLAS | xsimd/scalar | xsimd/OpenBLAS "
              "| spread xsimd / BLAS (IQR %%) | max rel. err |\n");
  std::printf("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  std::fflush(stdout);
  std::vector<GemmRow> rows;
  for (const Case& cs : cases) {
    for (Orient o : {Orient::NT, Orient::TN, Orient::NN}) {
      GemmRow r = bench_gemm(cs, o, cfg, rng);
      std::string ref = fmt("%.2f", r.ref_gf);
      if (r.ref_repeats > 0 && r.ref_repeats < cfg.repeats)
        ref += " (" + std::to_string(r.ref_repeats) + "×)";
      std::printf("| %s | %s | %s | %s | %s | %s | %s | %s / %s | %s |\n", r.shape.c_str(),
                  orient_name(o), fmt("%.1f", r.simd_gf).c_str(), ref.c_str(),
                  fmt("%.1f", r.blas_gf).c_str(), fmt("%.1f×", r.simd_over_ref).c_str(),
                  fmt("%.2f", r.simd_over_blas).c_str(), fmt("%.1f", r.simd_spread).c_str(),
                  fmt("%.1f", r.blas_spread).c_str(), fmt("%.1e", r.max_err).c_str());
      std::fflush(stdout);
      rows.push_back(r);
    }
  }
  std::printf("\nscalar (N×) = the scalar reference ran N repeats (it is slow); its median is "
              "over those. xsimd/OpenBLAS is the median of per-repeat ratios.\n\n");

  // Targets at 256³: SIMD >= 4x scalar and >= 60% of OpenBLAS, in all three orientations.
  bool all_ok = true, measured = true;
  std::string detail;
  for (const GemmRow& r : rows) {
    if (r.shape != "256³") continue;
    // A target whose comparison was not measured (--no-ref, no OpenBLAS) is "not measured".
    bool has_ref = std::isfinite(r.simd_over_ref), has_blas = std::isfinite(r.simd_over_blas);
    bool ok_ref = has_ref && r.simd_over_ref >= 4.0;
    bool ok_blas = has_blas && r.simd_over_blas >= 0.6;
    all_ok = all_ok && ok_ref && ok_blas;
    measured = measured && has_ref && has_blas;
    auto verdict = [](bool has, bool ok) { return !has ? "not measured" : ok ? "ok" : "MISS"; };
    const char* name = r.orient == Orient::NT ? "NT" : r.orient == Orient::TN ? "TN" : "NN";
    detail += std::string(detail.empty() ? "" : "; ") + name + " " +
              fmt("%.1f×", r.simd_over_ref) + " scalar " + verdict(has_ref, ok_ref) + ", " +
              fmt("%.0f%%", 100 * r.simd_over_blas) + " of OpenBLAS " +
              verdict(has_blas, ok_blas);
  }
  std::printf("**Verdict (256³: xsimd ≥ 4× scalar and ≥ 60%% of OpenBLAS, all orientations): "
              "%s** (%s)\n\n",
              all_ok ? "PASS" : measured ? "FAIL" : "INCOMPLETE", detail.c_str());
  std::fflush(stdout);

  // ---- 2 & 3. Seed network ----
  SeedData data(rng);
  {
    lw::Model m = lw::Model::from_spec_text(kSeedSpec);
    std::printf("## 2. Training throughput, seed network\n\n");
    std::printf("784 → linear 256 → relu → linear 128 → relu → linear 64 → relu → linear 10 "
                "(%zu parameters), cross_entropy, Adam lr 1e-3; 4096 resident samples "
                "(inputs N(0,1), labels argmax of a fixed random linear teacher, so the net "
                "learns). Each repeat restarts from the same initial parameters and fresh Adam "
                "state (untimed). train_step: one step per call on the next consecutive resident "
                "batch (copy in, forward, loss, backward, Adam). train_epoch: one shuffled pass "
                "over all 4096 samples (adds the gather). "
                "GFLOP/s equiv. counts %.2f MFLOP per training sample (forward + both "
                "gradients, no input gradient for layer 1).\n\n",
                m.num_params(), kTrainFlops * 1e-6);
  }
  std::fflush(stdout);
  std::vector<NetRow> train = bench_training(cfg, data);
  print_net_table(train);
  std::printf("\nbatch 128 / batch 32 (train_step): %s\n\n",
              fmt("%.2f×", train[1].samples_per_s / train[0].samples_per_s).c_str());
  std::printf("Where one train_step's time goes (medians; forward(training=true) and "
              "Optimizer::step timed alone, rest = the difference):\n\n");
  std::fflush(stdout);
  bench_breakdown(cfg, data);
  std::printf("\n");
  std::fflush(stdout);

  std::printf("## 3. Forward-only (inference) throughput, seed network\n\n");
  std::printf("model.forward(x, batch, training=false) on consecutive resident batches; "
              "%.2f MFLOP per sample.\n\n",
              kForwardFlops * 1e-6);
  std::vector<NetRow> fwd = bench_forward(cfg, data);
  print_net_table(fwd);
  std::printf("\nbatch 128 / batch 1: %s\n\n",
              fmt("%.1f×", fwd[1].samples_per_s / fwd[0].samples_per_s).c_str());
  bench_conv(cfg, rng);
  return 0;
}
