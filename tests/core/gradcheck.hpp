// Central-difference gradient checks shared by the layer, loss and model tests.
//
// For a function f of a float array, the numerical derivative is (f(x + h) − f(x − h)) / 2h,
// with f evaluated in double where the code allows. Float forward passes limit the accuracy
// to about eps_float·|f|/h, so h = 1e-3 and a mixed tolerance |num − ana| ≤ atol + rtol·|ana|.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <span>

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

}  // namespace lw::test
