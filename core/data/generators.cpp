// Generators: the playground's toy problems, each a clean shape plus seeded noise.
//
// Every point is drawn in two steps: a clean sample of its class (or, for regression, a clean
// input whose target is a function of the point as stored in float), then gaussian jitter of
// standard deviation noise·spread, on both coordinates for classification and on the target
// for regression. The random draws do not depend on the noise, so one seed at two noise levels
// gives the same clean points, moved by jitter proportional to the noise: the noise slider
// blurs the picture, it never reshuffles it.
// Labels alternate (point i has class i mod classes), so the classes are balanced.
//
// Clean shapes (label k; u, v uniform in [0, 1); z a 2-d standard normal with |z| ≤ 3):
//   circle  k=0 inner disc r = 2√v; k=1 ring r = √(3.5² + (5² − 3.5²)·v); angle 2πu
//   xor     |x1|, |x2| uniform in [0.5, 5], signs random, class 1 exactly when x1·x2 < 0
//   gauss   centre (2, 2) for k=0, (−2, −2) for k=1, plus 0.75·z
//   spiral  r = 0.5 + 5u, θ = π·(3.5u + k) (1.75 turns, the arms half a turn apart)
//   moons   k=0: 3.5·(cos πu − 1/2, sin πu − 1/4); k=1 is the k=0 point negated
//   blobs3  centre 3.5·(cos φk, sin φk), φk = 90° + 120°·k, plus 0.75·z
//   plane   x1, x2 uniform in [−6, 6], y = (2·x1 − x2) / 18 (so y in [−1, 1])
//   sine    x1 uniform in [−6, 6], x2 = 0, y = sin x1
// At noise 0 the classes are separated by a gap (circle 1.5, xor 1, gauss 1.2, spiral 1,
// moons 1.7, blobs3 1.6), so a small network can fit them exactly. The spreads were measured
// so that at noise 0.5 about 1–4% of points land nearer another class's clean shape, and at
// noise 1 about 10–25%.
//
// Same numbers natively and in wasm: the arithmetic runs in double and is rounded to float
// once, when stored, and every a·b + c has an exact product (a float times a short constant,
// or two floats), so a compiler that fuses it into one fma gets the same result as one that
// does not.
#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "../error.hpp"
#include "dataset.hpp"

namespace lw {

namespace {

constexpr std::size_t kMaxPoints = 100000;
constexpr double kPi = std::numbers::pi;
constexpr double kBlobStd = 0.75;

struct Point {
  double x1 = 0, x2 = 0;
};

struct Generator {
  std::string_view name;
  int classes;   // 0 for regression
  float spread;  // jitter std at noise 1: on the point (classification) or target (regression)
  Point (*sample)(Rng& rng, int label);
  double (*target)(double x1, double x2);  // regression only
};

// Uniform in [lo, hi); (hi − lo)·u is exact for the short constants used here.
double uniform_in(Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

// A standard normal pair, redrawn until it lies within radius 3 (keeps clean blobs apart).
Point truncated_normal2(Rng& rng) {
  for (;;) {
    double a = rng.normal(), b = rng.normal();
    if (a * a + b * b <= 9.0) return {a, b};
  }
}

Point circle(Rng& rng, int label) {
  double angle = 2 * kPi * rng.uniform();
  double v = rng.uniform();
  double r = label == 0 ? 2.0 * std::sqrt(v) : std::sqrt(3.5 * 3.5 + (5.0 * 5.0 - 3.5 * 3.5) * v);
  return {r * std::cos(angle), r * std::sin(angle)};
}

Point xor_(Rng& rng, int label) {
  double s1 = rng.below(2) ? 1.0 : -1.0;
  double s2 = label == 0 ? s1 : -s1;
  double a1 = uniform_in(rng, 0.5, 5.0), a2 = uniform_in(rng, 0.5, 5.0);
  return {s1 * a1, s2 * a2};
}

Point gauss(Rng& rng, int label) {
  Point z = truncated_normal2(rng);
  double c = label == 0 ? 2.0 : -2.0;
  return {c + kBlobStd * z.x1, c + kBlobStd * z.x2};
}

Point spiral(Rng& rng, int label) {
  double u = rng.uniform();
  double r = 0.5 + 5.0 * u;
  double angle = kPi * (3.5 * u + label);
  return {r * std::cos(angle), r * std::sin(angle)};
}

Point moons(Rng& rng, int label) {
  double angle = kPi * rng.uniform();
  double x1 = 3.5 * (std::cos(angle) - 0.5), x2 = 3.5 * (std::sin(angle) - 0.25);
  return label == 0 ? Point{x1, x2} : Point{-x1, -x2};
}

Point blobs3(Rng& rng, int label) {
  // 3.5·(cos φk, sin φk) for φk = 90°, 210°, 330°; 3.5·√3/2 = 3.0310889132455352.
  constexpr std::array<std::array<double, 2>, 3> centre{
      {{0.0, 3.5}, {-3.0310889132455352, -1.75}, {3.0310889132455352, -1.75}}};
  Point z = truncated_normal2(rng);
  const auto& c = centre[static_cast<std::size_t>(label)];
  return {c[0] + kBlobStd * z.x1, c[1] + kBlobStd * z.x2};
}

Point square(Rng& rng, int) {
  double x1 = uniform_in(rng, -6.0, 6.0);
  return {x1, uniform_in(rng, -6.0, 6.0)};
}

Point segment(Rng& rng, int) { return {uniform_in(rng, -6.0, 6.0), 0}; }

double plane(double x1, double x2) { return (2 * x1 - x2) / 18; }

double sine(double x1, double) { return std::sin(x1); }

constexpr std::array<Generator, 8> kGenerators{{
    {"circle", 2, 1.2f, circle, nullptr},
    {"xor", 2, 1.2f, xor_, nullptr},
    {"gauss", 2, 2.0f, gauss, nullptr},
    {"spiral", 2, 0.7f, spiral, nullptr},
    {"moons", 2, 1.2f, moons, nullptr},
    {"blobs3", 3, 1.8f, blobs3, nullptr},
    {"plane", 0, 0.5f, square, plane},
    {"sine", 0, 0.5f, segment, sine},
}};

std::string names_list() {
  std::string s;
  for (std::string_view name : dataset_names()) s += (s.empty() ? "" : ", ") + std::string(name);
  return s;
}

}  // namespace

const std::vector<std::string_view>& dataset_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const Generator& g : kGenerators) v.push_back(g.name);
    return v;
  }();
  return names;
}

Dataset generate(std::string_view name, std::size_t n, float noise, std::uint64_t seed) {
  const Generator* gen = nullptr;
  for (const Generator& g : kGenerators)
    if (g.name == name) gen = &g;
  check(gen != nullptr, "dataset: unknown name \"", name, "\"; choose one of ", names_list());
  check(n >= 1 && n <= kMaxPoints, "dataset: ", n,
        " points requested; the number of points must be between 1 and ", kMaxPoints);
  check(std::isfinite(noise) && noise >= 0 && noise <= 1, "dataset: noise ", noise,
        " is out of range; noise must be a number in [0, 1]");

  Dataset data;
  data.classes = gen->classes;
  data.x = Tensor({n, 2});
  data.y = Tensor({n, 1});
  Rng rng(seed);
  double jitter = noise * gen->spread;  // a float, so jitter·normal is exact in double
  for (std::size_t i = 0; i < n; ++i) {
    int label = gen->classes ? static_cast<int>(i % static_cast<std::size_t>(gen->classes)) : 0;
    Point p = gen->sample(rng, label);
    if (gen->classes) {
      data.x[2 * i] = static_cast<float>(p.x1 + jitter * rng.normal());
      data.x[2 * i + 1] = static_cast<float>(p.x2 + jitter * rng.normal());
      data.y[i] = static_cast<float>(label);
    } else {
      data.x[2 * i] = static_cast<float>(p.x1);
      data.x[2 * i + 1] = static_cast<float>(p.x2);
      double y = gen->target(data.x[2 * i], data.x[2 * i + 1]);
      data.y[i] = static_cast<float>(y + jitter * rng.normal());
    }
  }
  return data;
}

}  // namespace lw
