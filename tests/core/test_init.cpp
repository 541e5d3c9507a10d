// Initialisers: PyTorch's gains, Xavier and He bounds, and empirical moments within
// statistical tolerance (60,000 draws: the sample variance's relative standard error is
// under 0.6%, so a 3% band is more than 5 standard errors wide).
#include <catch2/catch.hpp>

#include <cmath>

#include "init/gain.hpp"
#include "init/init.hpp"

using namespace lw;

namespace {
struct Moments {
  double mean, var, max_abs;
};
Moments moments(const Tensor& t) {
  double s = 0, sq = 0, m = 0;
  for (float v : t.span()) {
    s += v;
    sq += double(v) * v;
    m = std::max(m, double(std::fabs(v)));
  }
  double mean = s / double(t.size());
  return {mean, sq / double(t.size()) - mean * mean, m};
}
Tensor filled(const char* json, std::size_t fan_in, std::size_t fan_out, std::uint64_t seed = 1) {
  Init init = Init::parse(json::parse(json), "init");
  Tensor t({fan_out, fan_in});
  Rng rng(seed);
  init.fill(t, fan_in, fan_out, InitRole::Weight, rng);
  return t;
}
}  // namespace

TEST_CASE("calculate_gain follows PyTorch", "[init]") {
  REQUIRE(calculate_gain("linear") == 1.0f);
  REQUIRE(calculate_gain("sigmoid") == 1.0f);
  REQUIRE(calculate_gain("tanh") == Approx(5.0 / 3.0));
  REQUIRE(calculate_gain("relu") == Approx(std::sqrt(2.0)));
  REQUIRE(calculate_gain("leaky_relu") == Approx(std::sqrt(2.0 / (1 + 0.01 * 0.01))));
  REQUIRE(calculate_gain("leaky_relu", 0.2f) == Approx(std::sqrt(2.0 / 1.04)));
  REQUIRE_THROWS_WITH(calculate_gain("swish"), Catch::Contains("unknown nonlinearity \"swish\""));
}

TEST_CASE("Xavier uniform: bound gain·√(6/(fan_in+fan_out)), variance bound²/3", "[init]") {
  // fan_in 300, fan_out 200: a = √(6/500) = 0.109545
  Tensor t = filled(R"("xavier_uniform")", 300, 200);
  double a = std::sqrt(6.0 / 500.0);
  Moments m = moments(t);
  REQUIRE(m.max_abs <= a);
  REQUIRE(m.max_abs > 0.99 * a);
  REQUIRE(m.var == Approx(a * a / 3).epsilon(0.03));
  REQUIRE(std::fabs(m.mean) < 0.002);
  Tensor g = filled(R"({"type":"xavier_uniform","gain":"tanh"})", 300, 200);
  REQUIRE(moments(g).max_abs <= a * 5.0 / 3.0);
  REQUIRE(moments(g).var == Approx(a * a / 3 * 25.0 / 9.0).epsilon(0.03));
}

TEST_CASE("Xavier normal: std gain·√(2/(fan_in+fan_out))", "[init]") {
  Tensor t = filled(R"({"type":"xavier_normal","gain":2})", 300, 200);
  double std = 2 * std::sqrt(2.0 / 500.0);
  REQUIRE(moments(t).var == Approx(std * std).epsilon(0.03));
}

TEST_CASE("He (Kaiming): bound √(6/fan_in) uniform, std √(2/fan_in) normal for ReLU", "[init]") {
  Tensor u = filled(R"({"type":"kaiming_uniform","nonlinearity":"relu"})", 250, 240);
  double b = std::sqrt(6.0 / 250.0);
  REQUIRE(moments(u).max_abs <= b);
  REQUIRE(moments(u).var == Approx(b * b / 3).epsilon(0.03));
  Tensor n = filled(R"("kaiming_normal")", 250, 240);  // PyTorch default: leaky_relu with a = 0
  REQUIRE(moments(n).var == Approx(2.0 / 250.0).epsilon(0.03));
  Tensor out = filled(R"({"type":"kaiming_normal","mode":"fan_out"})", 250, 120);
  REQUIRE(moments(out).var == Approx(2.0 / 120.0).epsilon(0.03));
}

TEST_CASE("PyTorch's default Linear init: U(±1/√fan_in) for weight and bias", "[init]") {
  Tensor t = filled(R"("default")", 400, 150);
  double b = 1.0 / 20.0;
  REQUIRE(moments(t).max_abs <= b);
  REQUIRE(moments(t).var == Approx(b * b / 3).epsilon(0.03));
  Init init;
  Tensor bias({150});
  Rng rng(3);
  init.fill(bias, 400, 150, InitRole::Bias, rng);
  REQUIRE(moments(bias).max_abs <= b);
}

TEST_CASE("zeros, constant, normal and uniform", "[init]") {
  REQUIRE(moments(filled(R"("zeros")", 10, 10)).max_abs == 0);
  Tensor c = filled(R"({"type":"constant","value":0.25})", 10, 10);
  for (float v : c.span()) REQUIRE(v == 0.25f);
  Tensor n = filled(R"({"type":"normal","mean":1,"std":0.1})", 300, 200);
  REQUIRE(moments(n).mean == Approx(1.0).epsilon(0.002));
  REQUIRE(moments(n).var == Approx(0.01).epsilon(0.03));
  Tensor u = filled(R"({"type":"uniform","a":-2,"b":4})", 300, 200);
  for (float v : u.span()) REQUIRE((v >= -2 && v < 4));
  REQUIRE(moments(u).mean == Approx(1.0).epsilon(0.02));
}

TEST_CASE("the same seed gives the same weights", "[init]") {
  Tensor a = filled(R"("xavier_normal")", 20, 30, 7), b = filled(R"("xavier_normal")", 20, 30, 7);
  Tensor c = filled(R"("xavier_normal")", 20, 30, 8);
  REQUIRE(std::equal(a.data(), a.data() + a.size(), b.data()));
  REQUIRE_FALSE(std::equal(a.data(), a.data() + a.size(), c.data()));
}

TEST_CASE("initialiser errors name the problem", "[init][errors]") {
  REQUIRE_THROWS_WITH(Init::parse(json::parse(R"("glorot")"), "spec.init.weight"),
                      Catch::Contains("unknown initialiser \"glorot\"") &&
                          Catch::Contains("xavier_uniform"));
  REQUIRE_THROWS_WITH(Init::parse(json::parse(R"({"type":"normal","std":-1})"), "w"),
                      Catch::Contains("std must be >= 0"));
  REQUIRE_THROWS_WITH(Init::parse(json::parse(R"({"type":"uniform","a":2,"b":1})"), "w"),
                      Catch::Contains("a <= b"));
  REQUIRE_THROWS_WITH(Init::parse(json::parse(R"({"type":"xavier_uniform","gian":1})"), "w"),
                      Catch::Contains("unknown key \"gian\""));
  Init xavier = Init::parse(json::parse(R"("xavier_uniform")"), "b");
  Tensor bias({4});
  Rng rng;
  REQUIRE_THROWS_WITH(xavier.fill(bias, 3, 4, InitRole::Bias, rng),
                      Catch::Contains("needs a weight matrix"));
}
