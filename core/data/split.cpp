// Split: a seeded shuffle, then the first part trains and the rest tests.
//
// Indices 0..N−1 are shuffled with Rng(seed) (Fisher–Yates); the first round(ratio·N) of
// them, but at least one, form the training set and the rest the test set, each keeping the
// points' rows of x and y in shuffled order. Both halves keep the dataset's class count.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "../error.hpp"
#include "dataset.hpp"

namespace lw {

namespace {

// Rows idx of src [N, width] -> [idx.size(), width].
Tensor gather_rows(const Tensor& src, std::span<const std::uint32_t> idx) {
  std::size_t width = src.dim(1);
  Tensor out({idx.size(), width});
  for (std::size_t i = 0; i < idx.size(); ++i)
    for (std::size_t j = 0; j < width; ++j) out[i * width + j] = src[idx[i] * width + j];
  return out;
}

Dataset subset(const Dataset& data, std::span<const std::uint32_t> idx) {
  Dataset out;
  out.x = gather_rows(data.x, idx);
  out.y = gather_rows(data.y, idx);
  out.classes = data.classes;
  return out;
}

}  // namespace

std::pair<Dataset, Dataset> split(const Dataset& data, float train_ratio, std::uint64_t seed) {
  check(std::isfinite(train_ratio) && train_ratio > 0 && train_ratio <= 1, "split: train ratio ",
        train_ratio, " is out of range; it must be a number in (0, 1]");
  check(data.x.ndim() == 2 && data.x.dim(0) >= 1, "split: data.x has shape ",
        shape_str(data.x.shape()), ", expected [N, features] with at least one point");
  std::size_t n = data.x.dim(0);
  check(data.y.ndim() == 2 && data.y.dim(0) == n && data.y.dim(1) == 1, "split: data.y has shape ",
        shape_str(data.y.shape()), ", expected [", n, ", 1] (one target per point)");

  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  Rng rng(seed);
  rng.shuffle(order);
  auto train = static_cast<std::size_t>(
      std::llround(static_cast<double>(train_ratio) * static_cast<double>(n)));
  train = std::max<std::size_t>(train, 1);
  std::span<const std::uint32_t> all(order);
  return {subset(data, all.first(train)), subset(data, all.subspan(train))};
}

}  // namespace lw
