#include "init.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "../error.hpp"
#include "gain.hpp"

namespace lw {

const std::vector<std::string_view>& init_names() {
  static const std::vector<std::string_view> names = {
      "default",       "zeros",          "constant",        "normal",        "uniform",
      "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal"};
  return names;
}

void fill_uniform(Tensor& t, float lo, float hi, Rng& rng) {
  for (float& x : t.span()) x = rng.uniform(lo, hi);
}

void fill_normal(Tensor& t, float mean, float std, Rng& rng) {
  for (float& x : t.span()) x = rng.normal(mean, std);
}

float xavier_uniform_bound(std::size_t fan_in, std::size_t fan_out, float gain) {
  return gain * std::sqrt(6.0f / float(fan_in + fan_out));
}
float xavier_normal_std(std::size_t fan_in, std::size_t fan_out, float gain) {
  return gain * std::sqrt(2.0f / float(fan_in + fan_out));
}
float kaiming_uniform_bound(std::size_t fan, float gain) { return gain * std::sqrt(3.0f / float(fan)); }
float kaiming_normal_std(std::size_t fan, float gain) { return gain / std::sqrt(float(fan)); }

namespace {
float number(const json::Value& obj, std::string_view key, std::string_view where, float fallback) {
  const json::Value* v = obj.find(key);
  if (!v) return fallback;
  return v->as_float(std::string(where) + "." + std::string(key));
}
}  // namespace

Init Init::parse(const json::Value& spec, std::string_view where) {
  Init init;
  const json::Value* obj = nullptr;
  if (spec.is_string()) {
    init.type = spec.as_string(where);
  } else {
    obj = &spec;
    json::check_keys(spec, where,
                     {"type", "gain", "a", "mode", "nonlinearity", "mean", "std", "a", "b", "value"});
    const json::Value* type = spec.find("type");
    check(type != nullptr, where, " needs a \"type\" (one of the initialiser names)");
    init.type = type->as_string(std::string(where) + ".type");
  }
  bool known = false;
  for (auto n : init_names()) known = known || n == init.type;
  if (!known) {
    std::string list;
    for (auto n : init_names()) list += (list.empty() ? "" : ", ") + std::string(n);
    fail(where, ": unknown initialiser \"", init.type, "\"; allowed: ", list);
  }
  if (!obj) {
    if (init.type == "normal") init.std = 1.0f;
    return init;
  }
  std::string w(where);
  if (const json::Value* g = obj->find("gain")) {
    init.gain = g->is_string() ? calculate_gain(g->as_string(w + ".gain"))
                               : g->as_float(w + ".gain");
    check(init.gain > 0, w, ".gain must be > 0, got ", init.gain);
  }
  if (init.type == "uniform") {
    init.lo = number(*obj, "a", w, 0.0f);
    init.hi = number(*obj, "b", w, 1.0f);
    check(init.lo <= init.hi, w, ": uniform needs a <= b, got a = ", init.lo, ", b = ", init.hi);
  } else {
    init.a = number(*obj, "a", w, 0.0f);
    check(init.a >= 0, w, ".a must be >= 0, got ", init.a);
  }
  init.mean = number(*obj, "mean", w, 0.0f);
  init.std = number(*obj, "std", w, 1.0f);
  check(init.std >= 0, w, ".std must be >= 0, got ", init.std);
  init.value = number(*obj, "value", w, 0.0f);
  if (const json::Value* m = obj->find("mode")) {
    const std::string& mode = m->as_string(w + ".mode");
    check(mode == "fan_in" || mode == "fan_out", w, ".mode must be \"fan_in\" or \"fan_out\", got \"",
          mode, "\"");
    init.use_fan_out = mode == "fan_out";
  }
  if (const json::Value* n = obj->find("nonlinearity")) {
    init.nonlinearity = n->as_string(w + ".nonlinearity");
    calculate_gain(init.nonlinearity, init.a);  // validates the name
  }
  return init;
}

json::Value Init::to_json() const {
  json::Value v = json::Value::Object{{"type", type}};
  if (type == "xavier_uniform" || type == "xavier_normal") v["gain"] = json::Value::f32(gain);
  if (type == "kaiming_uniform" || type == "kaiming_normal") {
    v["a"] = json::Value::f32(a);
    v["mode"] = use_fan_out ? "fan_out" : "fan_in";
    v["nonlinearity"] = nonlinearity;
  }
  if (type == "normal") {
    v["mean"] = json::Value::f32(mean);
    v["std"] = json::Value::f32(std);
  }
  if (type == "uniform") {
    v["a"] = json::Value::f32(lo);
    v["b"] = json::Value::f32(hi);
  }
  if (type == "constant") v["value"] = json::Value::f32(value);
  return v;
}

Init::Distribution Init::distribution(std::size_t fan_in, std::size_t fan_out, InitRole role) const {
  using Kind = Distribution::Kind;
  if (type == "zeros") return {Kind::Constant, 0.0f, 0.0f};
  if (type == "constant") return {Kind::Constant, value, 0.0f};
  if (type == "normal") return {Kind::Normal, mean, std};
  if (type == "uniform") return {Kind::Uniform, lo, hi};
  if (type == "default") {
    // nn.Linear: kaiming_uniform(a=√5) on the weight gives bound √(6/(1+5))/√fan_in = 1/√fan_in;
    // the bias uses the same bound.
    float bound = 1.0f / std::sqrt(float(fan_in));
    return {Kind::Uniform, -bound, bound};
  }
  check(role == InitRole::Weight, type, " needs a weight matrix (it uses fan_in and fan_out); ",
        "for biases use zeros, constant, normal, uniform or default");
  if (type == "xavier_uniform") {
    float a = xavier_uniform_bound(fan_in, fan_out, gain);
    return {Kind::Uniform, -a, a};
  }
  if (type == "xavier_normal") return {Kind::Normal, 0.0f, xavier_normal_std(fan_in, fan_out, gain)};
  float g = calculate_gain(nonlinearity, a);
  std::size_t fan = use_fan_out ? fan_out : fan_in;
  if (type == "kaiming_uniform") {
    float b = kaiming_uniform_bound(fan, g);
    return {Kind::Uniform, -b, b};
  }
  return {Kind::Normal, 0.0f, kaiming_normal_std(fan, g)};
}

void Init::fill(Tensor& t, std::size_t fan_in, std::size_t fan_out, InitRole role, Rng& rng) const {
  const Distribution d = distribution(fan_in, fan_out, role);
  switch (d.kind) {
    case Distribution::Kind::Constant: return t.fill(d.p);
    case Distribution::Kind::Uniform: return fill_uniform(t, d.p, d.q, rng);
    case Distribution::Kind::Normal: return fill_normal(t, d.p, d.q, rng);
  }
}

void Init::check_fits(std::size_t fan_in, std::size_t fan_out, InitRole role,
                      std::string_view where) const {
  const Distribution d = distribution(fan_in, fan_out, role);
  // In double, the largest magnitude fill()'s float arithmetic reaches: a uniform draw computes
  // p + (q − p)·u; a normal one p + q·z, where Rng::normal's |z| is at most √(48 ln 2) ≈ 5.77
  // (its u1 is at least 2^-24).
  const double p = d.p, q = d.q;
  double largest = std::fabs(p);
  if (d.kind == Distribution::Kind::Uniform) largest = std::max({largest, std::fabs(q), q - p});
  if (d.kind == Distribution::Kind::Normal) largest += 5.77 * q;
  check(std::isfinite(d.p) && std::isfinite(d.q) && largest <= FLT_MAX, where, ": ", type,
        " would draw values too large for a float32 (up to about ", largest,
        "); choose smaller numbers");
}

}  // namespace lw
