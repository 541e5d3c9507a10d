// Standardizer: per-column shift and scale so every input feature has mean 0 and std 1.
//
// Fitted on the training set only (so the test set stays unseen) and applied to any data of
// the same width. For column j over N rows:
//   mean_j = Σ_i x_ij / N,   std_j = sqrt(Σ_i (x_ij − mean_j)² / N)   (population std)
//   x_ij ← (x_ij − mean_j) / std_j, with std_j = 1 for a constant column (it becomes 0).
// Sums run in double in two passes, so a constant column gets a variance of exactly 0. The
// deviations are floats (x − the stored float mean), so each square is exact in double and
// the result does not depend on whether the compiler fuses the multiply-add.
#include <cmath>

#include "../error.hpp"
#include "dataset.hpp"

namespace lw {

Standardizer Standardizer::fit(const Tensor& x) {
  check(x.ndim() == 2 && x.dim(0) >= 1 && x.dim(1) >= 1, "Standardizer::fit: data has shape ",
        shape_str(x.shape()), ", expected [N, features] with at least one row and one column");
  std::size_t n = x.dim(0), width = x.dim(1);
  std::vector<double> sum(width, 0.0), sq(width, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < width; ++j) sum[j] += x[i * width + j];
  Standardizer s;
  s.mean.resize(width);
  s.std.resize(width);
  for (std::size_t j = 0; j < width; ++j)
    s.mean[j] = static_cast<float>(sum[j] / static_cast<double>(n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < width; ++j) {
      double d = x[i * width + j] - s.mean[j];
      sq[j] += d * d;
    }
  for (std::size_t j = 0; j < width; ++j) {
    auto sd = static_cast<float>(std::sqrt(sq[j] / static_cast<double>(n)));
    s.std[j] = sd > 0 ? sd : 1.0f;
  }
  return s;
}

void Standardizer::apply(Tensor& x) const {
  check(!mean.empty() && mean.size() == std.size(),
        "standardize: not fitted; fit the mean and std on the training data first");
  for (std::size_t j = 0; j < mean.size(); ++j)
    check(std::isfinite(mean[j]) && std::isfinite(std[j]) && std[j] > 0, "standardize: feature ",
          j, " has mean ", mean[j], " and std ", std[j], "; the mean must be finite and the std > 0");
  check(x.ndim() == 2 && x.dim(1) == mean.size(), "standardize: data has shape ",
        shape_str(x.shape()), ", but the standardizer was fitted on ", mean.size(),
        " features per row");
  std::size_t n = x.dim(0), width = x.dim(1);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < width; ++j)
      x[i * width + j] = (x[i * width + j] - mean[j]) / std[j];
}

}  // namespace lw
