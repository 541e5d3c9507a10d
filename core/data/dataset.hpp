// Dataset: the toy problems of the playground, generated from a seed.
//
// Every generator returns points (x1, x2) in roughly [-6, 6]² (the same frame for all, so a
// picture of one compares with another) and a target: the class index (0, 1, ... stored as
// float) for classification, or a value for regression. The same name, size, noise and seed
// always give the same numbers, natively and in wasm (all randomness comes from lw::Rng).
//
// Names: classification "circle", "xor", "gauss" (two blobs), "spiral" (two arms), "moons",
// "blobs3" (three classes); regression "plane", "sine" (the target depends on x1 only and x2
// is 0, so the fit is a curve).
// Noise is a fraction in [0, 1]: 0 gives clean data, 1 heavily overlapping classes.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../random.hpp"
#include "../tensor.hpp"

namespace lw {

struct Dataset {
  Tensor x;         // [N, features]
  Tensor y;         // [N, 1]: class index, or the regression target
  int classes = 0;  // number of classes; 0 for regression

  bool regression() const { return classes == 0; }
  std::size_t size() const { return x.empty() ? 0 : x.dim(0); }
};

const std::vector<std::string_view>& dataset_names();

// A dataset from the caller's arrays (points a learner painted, a CSV): x holds n × features
// values, y n values (class indices 0 .. classes − 1, or regression targets when classes is
// 0). Checks sizes (n ≤ 100000, 1 ≤ features ≤ 4096, classes 0 or 2 .. 64), finiteness and
// labels, naming the first bad value.
Dataset make_dataset(std::span<const float> x, std::span<const float> y, std::size_t n,
                     std::size_t features, int classes);

// n in [1, 100000], noise in [0, 1]; an unknown name or a bad size throws lw::Error.
Dataset generate(std::string_view name, std::size_t n, float noise, std::uint64_t seed);

// Input features computed from (x1, x2), in the order given. Names:
// "x1", "x2", "x1sq" (x1²), "x2sq" (x2²), "x1x2" (x1·x2), "sinx1" (sin x1), "sinx2" (sin x2).
const std::vector<std::string_view>& feature_names();
// points [N, 2] -> [N, features.size()]; at least one feature, no repeats, known names only.
Tensor feature_map(const Tensor& points, std::span<const std::string> features);

// Per-column standardisation, fitted on training data and applied to any data of that width:
// x ← (x − mean) / std, with std taken as 1 for a constant column.
struct Standardizer {
  std::vector<float> mean, std;
  static Standardizer fit(const Tensor& x);
  void apply(Tensor& x) const;
};

// Shuffles (with the seed) and splits: the first round(ratio·N) points (at least one) train,
// the rest test.
// ratio in (0, 1]; with fewer than 2 points or ratio 1 the test set may be empty.
std::pair<Dataset, Dataset> split(const Dataset& data, float train_ratio, std::uint64_t seed);

}  // namespace lw
