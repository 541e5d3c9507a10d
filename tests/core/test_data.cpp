// Tests for core/data: generators against their defining formulas, features against hand
// values, standardisation against the population mean and std, split as a seeded permutation.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "data/dataset.hpp"
#include "error.hpp"

namespace {

using lw::Dataset;
using lw::Tensor;

constexpr double kPi = std::numbers::pi;
const std::vector<std::string> kClassification{"circle", "xor",   "gauss",
                                               "spiral", "moons", "blobs3"};

float x1(const Dataset& d, std::size_t i) { return d.x[2 * i]; }
float x2(const Dataset& d, std::size_t i) { return d.x[2 * i + 1]; }
int label(const Dataset& d, std::size_t i) { return static_cast<int>(d.y[i]); }
double radius(const Dataset& d, std::size_t i) { return std::hypot(x1(d, i), x2(d, i)); }

bool same(const Tensor& a, const Tensor& b) {
  return a.shape() == b.shape() && std::equal(a.span().begin(), a.span().end(), b.span().begin());
}

// Root-mean-square distance between the points of two datasets of the same size.
double rms_shift(const Dataset& a, const Dataset& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.x.size(); ++i) s += std::pow(a.x[i] - b.x[i], 2.0);
  return std::sqrt(s / static_cast<double>(a.size()));
}

std::vector<std::vector<float>> sorted_rows(const std::vector<const Dataset*>& parts) {
  std::vector<std::vector<float>> rows;
  for (const Dataset* d : parts) {
    std::size_t w = d->x.dim(1);
    for (std::size_t i = 0; i < d->size(); ++i) {
      std::vector<float> row(d->x.data() + i * w, d->x.data() + (i + 1) * w);
      row.push_back(d->y[i]);
      rows.push_back(row);
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace

TEST_CASE("dataset_names lists every generator", "[data]") {
  std::vector<std::string_view> want{"circle", "xor",    "gauss", "spiral",
                                     "moons",  "blobs3", "plane", "sine"};
  REQUIRE(lw::dataset_names() == want);
}

TEST_CASE("generate: shapes, class counts and the frame", "[data]") {
  for (std::string_view name : lw::dataset_names()) {
    CAPTURE(name);
    Dataset d = lw::generate(name, 301, 0.0f, 7);
    REQUIRE(d.size() == 301);
    REQUIRE(d.x.shape() == lw::Shape{301, 2});
    REQUIRE(d.y.shape() == lw::Shape{301, 1});
    int want = name == "blobs3" ? 3 : (name == "plane" || name == "sine") ? 0 : 2;
    REQUIRE(d.classes == want);
    REQUIRE(d.regression() == (want == 0));
    for (float v : d.x.span()) REQUIRE(std::abs(v) <= 6.0f);
  }
  REQUIRE(lw::generate("circle", 1, 0.5f, 1).size() == 1);
  REQUIRE(lw::generate("sine", 100000, 1.0f, 1).size() == 100000);
}

TEST_CASE("generate: same seed gives the same data, another seed other data", "[data]") {
  for (std::string_view name : lw::dataset_names()) {
    CAPTURE(name);
    Dataset a = lw::generate(name, 200, 0.3f, 11);
    Dataset b = lw::generate(name, 200, 0.3f, 11);
    Dataset c = lw::generate(name, 200, 0.3f, 12);
    REQUIRE(same(a.x, b.x));
    REQUIRE(same(a.y, b.y));
    REQUIRE_FALSE(same(a.x, c.x));
  }
}

TEST_CASE("generate: labels are class indices, balanced", "[data]") {
  for (const std::string& name : kClassification) {
    CAPTURE(name);
    for (std::size_t n : {1u, 2u, 600u, 1001u}) {
      CAPTURE(n);
      Dataset d = lw::generate(name, n, 0.5f, 3);
      std::vector<std::size_t> count(static_cast<std::size_t>(d.classes), 0);
      for (float y : d.y.span()) {
        REQUIRE(y == std::floor(y));
        REQUIRE(y >= 0);
        REQUIRE(y < static_cast<float>(d.classes));
        ++count[static_cast<std::size_t>(y)];
      }
      auto [lo, hi] = std::minmax_element(count.begin(), count.end());
      REQUIRE(*hi - *lo <= 1);
      REQUIRE(*hi == (n + count.size() - 1) / count.size());
    }
  }
}

TEST_CASE("generate: circle at noise 0 is a disc of radius 2 inside a ring 3.5..5", "[data]") {
  Dataset d = lw::generate("circle", 2000, 0.0f, 5);
  double inner_max = 0, outer_min = 1e9, outer_max = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (label(d, i) == 0) inner_max = std::max(inner_max, radius(d, i));
    if (label(d, i) == 1) outer_min = std::min(outer_min, radius(d, i));
    if (label(d, i) == 1) outer_max = std::max(outer_max, radius(d, i));
  }
  REQUIRE(inner_max <= 2.0 + 1e-5);
  REQUIRE(outer_min >= 3.5 - 1e-5);
  REQUIRE(outer_max <= 5.0 + 1e-5);
  REQUIRE(inner_max > 1.9);  // the disc is filled, not a smaller blob
  REQUIRE(outer_max > 4.9);
}

TEST_CASE("generate: xor at noise 0 has class 1 exactly where x1*x2 < 0, with margin", "[data]") {
  Dataset d = lw::generate("xor", 2000, 0.0f, 5);
  std::array<int, 4> quadrant{};
  for (std::size_t i = 0; i < d.size(); ++i) {
    REQUIRE(label(d, i) == (x1(d, i) * x2(d, i) < 0 ? 1 : 0));
    REQUIRE(std::abs(x1(d, i)) >= 0.5f);
    REQUIRE(std::abs(x2(d, i)) >= 0.5f);
    REQUIRE(std::abs(x1(d, i)) <= 5.0f);
    ++quadrant[(x1(d, i) > 0 ? 1 : 0) + (x2(d, i) > 0 ? 2 : 0)];
  }
  for (int q : quadrant) REQUIRE(q > 400);  // all four quadrants are used
}

TEST_CASE("generate: gauss and blobs3 at noise 0 lie within 2.25 of their centres", "[data]") {
  Dataset g = lw::generate("gauss", 2000, 0.0f, 9);
  for (std::size_t i = 0; i < g.size(); ++i) {
    double c = label(g, i) == 0 ? 2.0 : -2.0;
    REQUIRE(std::hypot(x1(g, i) - c, x2(g, i) - c) <= 2.25 + 1e-5);
  }
  Dataset b = lw::generate("blobs3", 3000, 0.0f, 9);
  std::array<double, 3> sx{}, sy{};
  for (std::size_t i = 0; i < b.size(); ++i) {
    double phi = kPi / 2 + label(b, i) * 2 * kPi / 3;
    double cx = 3.5 * std::cos(phi), cy = 3.5 * std::sin(phi);
    REQUIRE(std::hypot(x1(b, i) - cx, x2(b, i) - cy) <= 2.25 + 1e-5);
    sx[static_cast<std::size_t>(label(b, i))] += x1(b, i) - cx;
    sy[static_cast<std::size_t>(label(b, i))] += x2(b, i) - cy;
  }
  for (int k = 0; k < 3; ++k) {  // each cluster is centred on its centre (mean offset ≈ 0)
    REQUIRE(std::abs(sx[static_cast<std::size_t>(k)] / 1000) < 0.1);
    REQUIRE(std::abs(sy[static_cast<std::size_t>(k)] / 1000) < 0.1);
  }
}

TEST_CASE("generate: spiral at noise 0 lies on r = 0.5 + 5u, angle 3.5*pi*u + k*pi", "[data]") {
  Dataset d = lw::generate("spiral", 2000, 0.0f, 4);
  for (std::size_t i = 0; i < d.size(); ++i) {
    double r = radius(d, i);
    REQUIRE(r >= 0.5 - 1e-5);
    REQUIRE(r <= 5.5 + 1e-5);
    double u = (r - 0.5) / 5.0;
    double angle = 3.5 * kPi * u + label(d, i) * kPi;
    REQUIRE(x1(d, i) == Approx(r * std::cos(angle)).margin(1e-4));
    REQUIRE(x2(d, i) == Approx(r * std::sin(angle)).margin(1e-4));
  }
}

TEST_CASE("generate: moons at noise 0 are two mirrored half circles", "[data]") {
  Dataset d = lw::generate("moons", 2000, 0.0f, 4);
  for (std::size_t i = 0; i < d.size(); ++i) {
    double s = label(d, i) == 0 ? 1.0 : -1.0;  // class 1 is class 0 turned by 180 degrees
    double cx = -1.75 * s, cy = -0.875 * s;
    REQUIRE(std::hypot(x1(d, i) - cx, x2(d, i) - cy) == Approx(3.5).margin(1e-5));
    REQUIRE(s * (x2(d, i) - cy) >= -1e-5);  // upper half for class 0, lower for class 1
  }
}

TEST_CASE("generate: plane and sine targets at noise 0", "[data]") {
  Dataset p = lw::generate("plane", 1000, 0.0f, 2);
  float lo = 1, hi = -1;
  for (std::size_t i = 0; i < p.size(); ++i) {
    REQUIRE(p.y[i] == Approx((2.0 * x1(p, i) - x2(p, i)) / 18.0).margin(1e-6));
    lo = std::min(lo, p.y[i]);
    hi = std::max(hi, p.y[i]);
  }
  REQUIRE(lo >= -1.0f);
  REQUIRE(hi <= 1.0f);
  REQUIRE(hi - lo > 1.5f);

  Dataset s = lw::generate("sine", 1000, 0.0f, 2);
  for (std::size_t i = 0; i < s.size(); ++i) {
    REQUIRE(x2(s, i) == 0.0f);
    REQUIRE(std::abs(x1(s, i)) <= 6.0f);
    REQUIRE(s.y[i] == static_cast<float>(std::sin(static_cast<double>(x1(s, i)))));
  }
}

TEST_CASE("generate: noise moves points in proportion, from the same clean points", "[data]") {
  for (const std::string& name : kClassification) {
    CAPTURE(name);
    Dataset clean = lw::generate(name, 1000, 0.0f, 8);
    Dataset low = lw::generate(name, 1000, 0.2f, 8);
    Dataset high = lw::generate(name, 1000, 0.6f, 8);
    REQUIRE(same(clean.y, high.y));
    double a = rms_shift(clean, low), b = rms_shift(clean, high);
    REQUIRE(a > 0.05);
    REQUIRE(b == Approx(3 * a).epsilon(1e-3));
  }
  for (std::string name : {"plane", "sine"}) {
    CAPTURE(name);
    Dataset clean = lw::generate(name, 1000, 0.0f, 8);
    Dataset noisy = lw::generate(name, 1000, 0.5f, 8);
    REQUIRE(same(clean.x, noisy.x));
    double s = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) s += std::pow(noisy.y[i] - clean.y[i], 2.0);
    REQUIRE(std::sqrt(s / 1000) > 0.1);  // target noise, noticeable against a range of ±1
  }
}

TEST_CASE("generate: more noise puts more circle points past the gap", "[data]") {
  auto crossed = [](float noise) {
    Dataset d = lw::generate("circle", 4000, noise, 6);
    int n = 0;
    for (std::size_t i = 0; i < d.size(); ++i)
      n += (radius(d, i) < 2.75) != (label(d, i) == 0);  // 2.75: the middle of the gap
    return n;
  };
  int at0 = crossed(0.0f), at05 = crossed(0.5f), at1 = crossed(1.0f);
  REQUIRE(at0 == 0);
  REQUIRE(at05 > 0);
  REQUIRE(at1 > 2 * at05);
}

TEST_CASE("generate: bad arguments throw lw::Error naming the problem", "[data]") {
  REQUIRE_THROWS_AS(lw::generate("spirals", 10, 0.0f, 1), lw::Error);
  REQUIRE_THROWS_WITH(
      lw::generate("spirals", 10, 0.0f, 1),
      Catch::Contains("\"spirals\"") &&
          Catch::Contains("circle, xor, gauss, spiral, moons, blobs3, plane, sine"));
  REQUIRE_THROWS_WITH(lw::generate("circle", 0, 0.0f, 1), Catch::Contains("between 1 and 100000"));
  REQUIRE_THROWS_WITH(lw::generate("circle", 100001, 0.0f, 1),
                      Catch::Contains("100001 points") && Catch::Contains("between 1 and 100000"));
  for (float noise : {-0.1f, 1.5f, std::numeric_limits<float>::quiet_NaN(),
                      std::numeric_limits<float>::infinity()}) {
    CAPTURE(noise);
    REQUIRE_THROWS_AS(lw::generate("circle", 10, noise, 1), lw::Error);
    REQUIRE_THROWS_WITH(lw::generate("circle", 10, noise, 1),
                        Catch::Contains("noise") && Catch::Contains("[0, 1]"));
  }
}

TEST_CASE("feature_map computes each feature by its formula, in the order asked", "[data]") {
  std::vector<std::string_view> want{"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"};
  REQUIRE(lw::feature_names() == want);

  std::array<float, 4> pts{2.0f, -3.0f, 0.5f, 0.0f};
  Tensor points = Tensor::from({2, 2}, pts);
  std::vector<std::string> all{"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"};
  Tensor f = lw::feature_map(points, all);
  REQUIRE(f.shape() == lw::Shape{2, 7});
  std::array<double, 14> hand{2,   -3, 4,    9, -6, 0.9092974268256817, -0.1411200080598672,
                              0.5, 0,  0.25, 0, 0,  0.479425538604203,  0};
  for (std::size_t i = 0; i < hand.size(); ++i) {
    CAPTURE(i);
    REQUIRE(f[i] == Approx(hand[i]).margin(1e-7));
  }

  std::vector<std::string> some{"x1x2", "x1"};
  Tensor g = lw::feature_map(points, some);
  REQUIRE(g.shape() == lw::Shape{2, 2});
  REQUIRE(g[0] == -6.0f);
  REQUIRE(g[1] == 2.0f);
  REQUIRE(g[2] == 0.0f);
  REQUIRE(g[3] == 0.5f);
}

TEST_CASE("feature_map rejects bad input with lw::Error", "[data]") {
  Tensor points({3, 2});
  std::vector<std::string> x1only{"x1"};
  Tensor wide({3, 3});
  REQUIRE_THROWS_WITH(lw::feature_map(wide, x1only),
                      Catch::Contains("[3, 3]") && Catch::Contains("[N, 2]"));
  Tensor flat({6});
  REQUIRE_THROWS_WITH(lw::feature_map(flat, x1only), Catch::Contains("[N, 2]"));
  std::vector<std::string> none;
  REQUIRE_THROWS_WITH(lw::feature_map(points, none),
                      Catch::Contains("no features") && Catch::Contains("x1, x2, x1sq"));
  std::vector<std::string> unknown{"x1", "x3"};
  REQUIRE_THROWS_AS(lw::feature_map(points, unknown), lw::Error);
  REQUIRE_THROWS_WITH(
      lw::feature_map(points, unknown),
      Catch::Contains("\"x3\"") && Catch::Contains("x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2"));
  std::vector<std::string> twice{"x2", "x1sq", "x2"};
  REQUIRE_THROWS_WITH(lw::feature_map(points, twice),
                      Catch::Contains("\"x2\"") && Catch::Contains("twice"));
}

TEST_CASE("Standardizer: population mean and std per column", "[data]") {
  // Columns: 1..4 (mean 2.5, std sqrt(1.25)); constant 7 (std taken as 1); -2, 2, -2, 2.
  std::array<float, 12> v{1, 7, -2, 2, 7, 2, 3, 7, -2, 4, 7, 2};
  Tensor x = Tensor::from({4, 3}, v);
  lw::Standardizer s = lw::Standardizer::fit(x);
  REQUIRE(s.mean[0] == Approx(2.5));
  REQUIRE(s.std[0] == Approx(std::sqrt(1.25)));
  REQUIRE(s.mean[1] == 7.0f);
  REQUIRE(s.std[1] == 1.0f);
  REQUIRE(s.mean[2] == 0.0f);
  REQUIRE(s.std[2] == 2.0f);
  s.apply(x);
  std::array<double, 12> want{-1.5 / std::sqrt(1.25), 0, -1, -0.5 / std::sqrt(1.25), 0, 1,
                              0.5 / std::sqrt(1.25),  0, -1, 1.5 / std::sqrt(1.25),  0, 1};
  for (std::size_t i = 0; i < want.size(); ++i) REQUIRE(x[i] == Approx(want[i]).margin(1e-6));

  // Generated features: every column ends with mean 0 and std 1.
  Dataset d = lw::generate("moons", 1000, 0.3f, 1);
  std::vector<std::string> names{"x1", "x2", "x1sq", "x1x2", "sinx2"};
  Tensor f = lw::feature_map(d.x, names);
  lw::Standardizer::fit(f).apply(f);
  for (std::size_t j = 0; j < names.size(); ++j) {
    CAPTURE(names[j]);
    double sum = 0, sq = 0;
    for (std::size_t i = 0; i < 1000; ++i) sum += f[i * names.size() + j];
    for (std::size_t i = 0; i < 1000; ++i)
      sq += std::pow(f[i * names.size() + j] - sum / 1000, 2.0);
    REQUIRE(sum / 1000 == Approx(0).margin(1e-5));
    REQUIRE(std::sqrt(sq / 1000) == Approx(1).epsilon(1e-5));
  }
}

TEST_CASE("Standardizer rejects bad input with lw::Error", "[data]") {
  Tensor empty({0, 2});
  REQUIRE_THROWS_WITH(lw::Standardizer::fit(empty), Catch::Contains("[0, 2]"));
  Tensor flat({5});
  REQUIRE_THROWS_WITH(lw::Standardizer::fit(flat), Catch::Contains("[N, features]"));
  lw::Standardizer s = lw::Standardizer::fit(Tensor({4, 2}));
  Tensor wider({4, 3});
  REQUIRE_THROWS_AS(s.apply(wider), lw::Error);
  REQUIRE_THROWS_WITH(s.apply(wider), Catch::Contains("[4, 3]") && Catch::Contains("2 features"));
  lw::Standardizer unfitted;
  Tensor x({4, 2});
  REQUIRE_THROWS_WITH(unfitted.apply(x), Catch::Contains("not fitted"));
  lw::Standardizer zero_std{{0.0f, 1.0f}, {1.0f, 0.0f}};
  REQUIRE_THROWS_WITH(zero_std.apply(x), Catch::Contains("feature 1 has mean 1 and std 0"));
}

TEST_CASE("split: sizes, and train + test is a permutation of the data", "[data]") {
  Dataset d = lw::generate("blobs3", 101, 0.2f, 1);
  auto [train, test] = lw::split(d, 0.8f, 5);
  REQUIRE(train.size() == 81);  // round(80.8)
  REQUIRE(test.size() == 20);
  REQUIRE(train.classes == 3);
  REQUIRE(test.classes == 3);
  REQUIRE(train.y.shape() == lw::Shape{81, 1});
  REQUIRE(test.x.shape() == lw::Shape{20, 2});
  REQUIRE(sorted_rows({&train, &test}) == sorted_rows({&d}));

  // Shuffled: the training set is not simply the first 81 points.
  bool moved = false;
  for (std::size_t i = 0; i < train.x.size(); ++i) moved |= train.x[i] != d.x[i];
  REQUIRE(moved);

  auto [again, rest] = lw::split(d, 0.8f, 5);
  REQUIRE(same(again.x, train.x));
  auto [other, rest2] = lw::split(d, 0.8f, 6);
  REQUIRE_FALSE(same(other.x, train.x));

  Dataset ten = lw::generate("sine", 10, 0.0f, 1);
  REQUIRE(lw::split(ten, 0.75f, 1).first.size() == 8);  // round(7.5) = 8
  REQUIRE(lw::split(ten, 0.75f, 1).first.classes == 0);
  auto [all, none] = lw::split(ten, 1.0f, 1);
  REQUIRE(all.size() == 10);
  REQUIRE(none.size() == 0);
  REQUIRE(lw::split(ten, 0.01f, 1).first.size() == 1);  // at least one training point
}

TEST_CASE("split rejects bad input with lw::Error", "[data]") {
  Dataset d = lw::generate("xor", 20, 0.0f, 1);
  for (float r : {0.0f, -0.5f, 1.5f, std::numeric_limits<float>::quiet_NaN()}) {
    CAPTURE(r);
    REQUIRE_THROWS_AS(lw::split(d, r, 1), lw::Error);
    REQUIRE_THROWS_WITH(lw::split(d, r, 1), Catch::Contains("ratio") && Catch::Contains("(0, 1]"));
  }
  Dataset empty;
  REQUIRE_THROWS_WITH(lw::split(empty, 0.5f, 1), Catch::Contains("at least one point"));
  Dataset bad;
  bad.x = Tensor({4, 2});
  bad.y = Tensor({3, 1});
  REQUIRE_THROWS_WITH(lw::split(bad, 0.5f, 1),
                      Catch::Contains("[3, 1]") && Catch::Contains("expected [4, 1]"));
}

TEST_CASE("make_dataset keeps the caller's numbers and refuses bad ones", "[data][errors]") {
  std::vector<float> x = {1, 2, 3, 4, 5, 6}, y = {0, 2, 1};
  lw::Dataset d = lw::make_dataset(x, y, 3, 2, 3);
  REQUIRE(d.size() == 3);
  REQUIRE(d.x.shape() == lw::Shape{3, 2});
  REQUIRE(d.x[5] == 6.0f);
  REQUIRE(d.y[1] == 2.0f);
  using Catch::Contains;
  REQUIRE_THROWS_WITH(lw::make_dataset(x, y, 3, 2, 2), Contains("label 1 is 2; labels are class indices 0 .. 1"));
  REQUIRE_THROWS_WITH(lw::make_dataset(x, y, 2, 2, 3), Contains("x has 6 values, but 2 samples"));
  std::vector<float> bad = {1, 2, NAN, 4, 5, 6};
  REQUIRE_THROWS_WITH(lw::make_dataset(bad, y, 3, 2, 3), Contains("x value 2 (sample 1) is nan"));
  REQUIRE_THROWS_WITH(lw::make_dataset(x, y, 3, 2, 1), Contains("classes must be 0"));
  lw::Dataset r = lw::make_dataset(x, std::vector<float>{-0.5f, 7, 1e3f}, 3, 2, 0);
  REQUIRE(r.regression());
}
