// OptionReader: reads an optimiser's hyperparameters from its JSON options, checked.
//
// Every set() reads each option it knows into a local (keeping the current value when the
// key is absent), and only after all of them passed their checks assigns them, so one bad
// value changes nothing. Messages name the optimiser, the option and what is allowed:
//   "adam: eps must be a finite number >= 0, got -1"
//   "rmsprop options has an unknown key "beta"; allowed: lr, alpha, eps, ..."
// Numbers must be finite as floats too, because the updates compute in float.
#pragma once

#include <cmath>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>

#include "../error.hpp"
#include "../json.hpp"

namespace lw::optim {

// Allowed values of a number: lo <= x, and x < hi when hi_open, else x <= hi.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool hi_open = false;
};
inline constexpr Range kAnyNumber{};
inline constexpr Range kNonNegative{0.0};
inline constexpr Range kZeroToOneOpen{0.0, 1.0, true};  // [0, 1)
inline constexpr Range kZeroToOne{0.0, 1.0, false};     // [0, 1]

inline std::string describe(Range r) {
  if (std::isinf(r.hi) && std::isinf(r.lo)) return "a finite number";
  if (std::isinf(r.hi)) return str("a finite number >= ", r.lo);
  return str("a finite number in [", r.lo, ", ", r.hi, r.hi_open ? ")" : "]");
}

// x if it lies in r (and is finite as a float); otherwise fails naming `what` ("adam: eps").
inline double checked(double x, std::string_view what, Range r) {
  const bool finite = json::fits_float(x);
  const bool in_range = x >= r.lo && (r.hi_open ? x < r.hi : x <= r.hi);
  check(finite && in_range, what, " must be ", describe(r), ", got ", x);
  return x;
}

class OptionReader {
 public:
  // Fails when `options` is not an object or holds a key outside `keys`.
  OptionReader(const json::Value& options, std::string_view optimizer,
               std::initializer_list<std::string_view> keys)
      : options_(options), optimizer_(optimizer) {
    json::check_keys(options, optimizer_ + " options", keys);
  }

  // "adam: betas", the subject of every message about that option.
  std::string what(std::string_view key) const { return optimizer_ + ": " + std::string(key); }

  const json::Value* find(std::string_view key) const { return options_.find(key); }

  double number(std::string_view key, double current, Range r) const {
    const json::Value* v = options_.find(key);
    if (!v) return current;
    const std::string subject = what(key);
    return checked(v->as_number(subject), subject, r);
  }

  bool flag(std::string_view key, bool current) const {
    const json::Value* v = options_.find(key);
    return v ? v->as_bool(what(key)) : current;
  }

 private:
  const json::Value& options_;
  std::string optimizer_;
};

}  // namespace lw::optim
