// make_dataset: a Dataset from arrays the caller made, checked as every other input is.
#include <algorithm>
#include <cmath>

#include "../error.hpp"
#include "dataset.hpp"

namespace lw {

Dataset make_dataset(std::span<const float> x, std::span<const float> y, std::size_t n,
                     std::size_t features, int classes) {
  check(n >= 1 && n <= 100000, "dataset: n must be between 1 and 100000, got ", n);
  check(features >= 1 && features <= 4096, "dataset: features must be between 1 and 4096, got ",
        features);
  check(classes == 0 || (classes >= 2 && classes <= 64),
        "dataset: classes must be 0 (regression) or between 2 and 64, got ", classes);
  check(x.size() == n * features, "dataset: x has ", x.size(), " values, but ", n, " samples of ",
        features, " features need ", n * features);
  check(y.size() == n, "dataset: y has ", y.size(), " values, but ", n, " samples need ", n);
  for (std::size_t i = 0; i < x.size(); ++i)
    check(std::isfinite(x[i]), "dataset: x value ", i, " (sample ", i / features, ") is ", x[i],
          "; every value must be finite");
  for (std::size_t i = 0; i < n; ++i) {
    check(std::isfinite(y[i]), "dataset: y value ", i, " is ", y[i], "; every value must be finite");
    if (classes > 0)
      check(y[i] >= 0 && y[i] < float(classes) && y[i] == std::floor(y[i]), "dataset: label ", i,
            " is ", y[i], "; labels are class indices 0 .. ", classes - 1);
  }
  Dataset d;
  d.x = Tensor::from({n, features}, x);
  d.y = Tensor::from({n, 1}, y);
  d.classes = classes;
  return d;
}

}  // namespace lw
