// Statistics of a set of numbers (weights, activations, gradients) for the playground's
// per-layer views: mean, standard deviation, range and a histogram over [min, max].
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "json.hpp"

namespace lw {

struct Summary {
  std::size_t count = 0;
  double mean = 0, std = 0, min = 0, max = 0;
  // `bins` equal-width bins over the finite values' [min, max]; -inf counts in the first bin,
  // +inf in the last, NaN in none (a diverged layer).
  std::vector<std::uint32_t> histogram;

  static Summary of(std::span<const float> values, std::size_t bins);
  json::Value to_json() const;
};

struct LayerStats {
  std::string type;
  Summary weights, weight_grads;  // empty (count 0) for layers without parameters
  Summary activations;            // the layer's output in the last forward pass
  Summary activation_grads;       // ∂L/∂output in the last backward pass
  // Fraction of units (output columns) that were 0 for every sample of the last batch (ReLU),
  // and fraction of outputs in a flat region (|tanh| > 0.99, sigmoid < 0.01 or > 0.99).
  double dead = 0, saturated = 0;

  json::Value to_json() const;
};

}  // namespace lw
