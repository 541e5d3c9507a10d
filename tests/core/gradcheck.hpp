// Central-difference gradient checks shared by the layer, convolution, loss and model tests.
//
// For a function f of a float array, the numerical derivative is (f(x + h) − f(x − h)) / 2h,
// with f evaluated in double where the code allows. Float forward passes limit the accuracy
// to about eps_float·|f|/h, so h = 1e-3 and a mixed tolerance |num − ana| ≤ atol + rtol·|ana|.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <numeric>
#include <span>
#include <vector>

#include "layers/layer.hpp"
#include "losses/loss.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"
#include "random.hpp"

namespace lw::test {

// Checks analytic[i] against the central difference of f with respect to x[i], for every i.
inline void expect_gradient(std::span<float> x, std::span<const float> analytic,
                            const std::function<double()>& f, double h = 1e-3,
                            double atol = 2e-3, double rtol = 2e-2) {
  REQUIRE(x.size() == analytic.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    float saved = x[i];
    x[i] = static_cast<float>(saved + h);
    double up = f();
    x[i] = static_cast<float>(saved - h);
    double down = f();
    x[i] = saved;
    double numeric = (up - down) / (2 * h);
    INFO("element " << i << ": analytic " << analytic[i] << ", numeric " << numeric);
    REQUIRE(std::fabs(numeric - analytic[i]) <= atol + rtol * std::fabs(analytic[i]));
  }
}

inline void fill(Tensor& t, Rng& rng, float lo, float hi) {
  for (float& v : t.span()) v = rng.uniform(lo, hi);
}

// Keeps inputs away from ReLU's kink so that x ± h stays on one side of it.
inline void push_off_zero(Tensor& t) {
  for (float& v : t.span())
    if (std::fabs(v) < 0.05f) v = v < 0 ? -0.05f - std::fabs(v) : 0.05f + v;
}

// Distinct values −2 … 2, at least 4/n apart, in a random order: no two inputs of a max-pool
// window are within x ± h of each other, so the maximum does not move under the check.
inline void spread_apart(Tensor& t, Rng& rng) {
  std::vector<std::uint32_t> order(t.size());
  std::iota(order.begin(), order.end(), 0u);
  rng.shuffle(order);
  float n = float(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) t[i] = -2.0f + 4.0f * (float(order[i]) + 0.5f) / n;
}

inline double weighted_sum(const Tensor& y, const Tensor& r) {
  double s = 0;
  for (std::size_t i = 0; i < y.size(); ++i) s += double(y[i]) * r[i];
  return s;
}

// Gradient check of dx (and of every parameter's grad) for `layer` on input [batch, ...sample]:
// L = Σ r ⊙ layer(x) for a fixed random r. `distinct` spreads x apart (for max pooling).
inline void check_layer(Layer& layer, const Shape& sample, std::size_t batch, std::uint64_t seed,
                        bool training = false, bool distinct = false) {
  Rng rng(seed);
  Shape out_sample = layer.configure(sample);
  for (Param* p : layer.params()) fill(p->value, rng, -0.5f, 0.5f);
  Tensor x(batch_shape(batch, sample));
  fill(x, rng, -2.0f, 2.0f);
  push_off_zero(x);
  if (distinct) spread_apart(x, rng);
  Tensor y, r(batch_shape(batch, out_sample));
  fill(r, rng, -1.0f, 1.0f);

  // Same dropout mask on every pass: a fresh generator with the same seed each time.
  auto loss = [&] {
    Rng mask_rng(99);
    layer.forward(y, x, Pass{training, &mask_rng});
    return weighted_sum(y, r);
  };
  loss();
  REQUIRE(y.shape() == batch_shape(batch, out_sample));
  for (Param* p : layer.params()) p->grad.fill(0.0f);
  Tensor dx;
  layer.backward(&dx, r, x, y);
  REQUIRE(dx.shape() == x.shape());
  expect_gradient(x.span(), dx.span(), loss);
  for (Param* p : layer.params()) {
    INFO("parameter " << p->name);
    expect_gradient(p->value.span(), p->grad.span(), loss);
  }
}

// Every parameter gradient of one cross-entropy train_step of `m` on (x, y) against central
// differences of the model's loss.
inline void check_model(Model& m, const std::vector<float>& x, const std::vector<float>& y,
                        std::size_t batch) {
  auto loss = make_loss("cross_entropy");
  // lr 0 so the step leaves the parameters where the gradient was taken.
  auto sgd = make_optimizer("sgd", json::parse(R"({"lr":0})"));
  m.train_step(x, y, batch, *loss, *sgd);
  for (Param* p : m.params()) {
    INFO(p->name << " batch " << batch);
    Tensor grad = p->grad.clone();
    expect_gradient(p->value.span(), grad.span(), [&] {
      return loss->value(m.forward(x, batch), y.data());
    });
  }
}

}  // namespace lw::test
