// Features: the inputs a network sees, computed from each point (x1, x2).
//
// The playground lets a learner pick which of these feed the first layer; with "x1sq" and
// "x2sq" a single linear unit separates the circle, with "x1x2" it separates xor.
//   x1, x2          the coordinates
//   x1sq = x1²      x2sq = x2²      x1x2 = x1·x2
//   sinx1 = sin x1  sinx2 = sin x2  (computed in double, rounded once, so native and wasm agree)
#include <array>
#include <cmath>

#include "../error.hpp"
#include "dataset.hpp"

namespace lw {

namespace {

struct Feature {
  std::string_view name;
  float (*value)(float x1, float x2);
};

constexpr std::array<Feature, 7> kFeatures{{
    {"x1", [](float x1, float) { return x1; }},
    {"x2", [](float, float x2) { return x2; }},
    {"x1sq", [](float x1, float) { return x1 * x1; }},
    {"x2sq", [](float, float x2) { return x2 * x2; }},
    {"x1x2", [](float x1, float x2) { return x1 * x2; }},
    {"sinx1", [](float x1, float) { return static_cast<float>(std::sin(double{x1})); }},
    {"sinx2", [](float, float x2) { return static_cast<float>(std::sin(double{x2})); }},
}};

std::string names_list() {
  std::string s;
  for (std::string_view name : feature_names()) s += (s.empty() ? "" : ", ") + std::string(name);
  return s;
}

}  // namespace

const std::vector<std::string_view>& feature_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const Feature& f : kFeatures) v.push_back(f.name);
    return v;
  }();
  return names;
}

Tensor feature_map(const Tensor& points, std::span<const std::string> features) {
  check(points.ndim() == 2 && points.dim(1) == 2, "feature_map: points have shape ",
        shape_str(points.shape()), ", expected [N, 2] (one row (x1, x2) per point)");
  check(!features.empty(), "feature_map: no features chosen; choose at least one of ",
        names_list());
  std::vector<const Feature*> chosen;
  for (const std::string& name : features) {
    const Feature* found = nullptr;
    for (const Feature& f : kFeatures)
      if (f.name == name) found = &f;
    check(found != nullptr, "feature_map: unknown feature \"", name, "\"; choose from ",
          names_list());
    for (const Feature* f : chosen)
      check(f != found, "feature_map: feature \"", name,
            "\" is chosen twice; each may appear once");
    chosen.push_back(found);
  }

  // points [N, 2] -> out [N, F]
  std::size_t n = points.dim(0), width = chosen.size();
  Tensor out({n, width});
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < width; ++j)
      out[i * width + j] = chosen[j]->value(points[2 * i], points[2 * i + 1]);
  return out;
}

}  // namespace lw
