// json: a small JSON value, parser and writer for model specs, options and saved models.
//
// Objects keep their keys in insertion order, so a saved file reads in the order it was
// written. Every accessor that expects a kind takes a `what` naming the field, so a wrong
// type becomes a message a learner can act on: "spec.layers[2].out must be a number, got a
// string". The parser reports line and column. Numbers are doubles; dump() writes the
// shortest text that reads back to the same double (or, for Value::f32, the same float).
//
// Hostile text costs linear time: an object of more than kIndexedFrom keys carries a sorted
// index of them, so find() and operator[] take O(log n) (a 1 MB object of 80,000 keys parses in
// milliseconds, not seconds; bench/README.md, "JSON objects"); a sorted index rather than a hash,
// so no choice of keys can make lookups slow. Arrays and objects nest at most kMaxDepth deep.
// A key given twice keeps its first position and takes the last value, as JSON.parse does in
// JavaScript, so the engine and the page read such a file the same way.
#pragma once

#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lw::json {

// The deepest that arrays and objects may nest in parsed text. The engine's own files nest 6
// deep at most (saved model, spec, layers, a layer, its init, weight); the limit stops text such
// as 100,000 '[' before the recursive parser, the destructor and dump() run the stack out (a
// level costs a few hundred bytes of stack; 256 levels stay far inside wasm's). RFC 8259 §9
// lets a parser set such a limit.
inline constexpr int kMaxDepth = 256;
// Objects with more keys than this get a sorted index; smaller ones are scanned in order.
inline constexpr std::size_t kIndexedFrom = 16;

class Value {
 public:
  enum class Kind { Null, Bool, Number, String, Array, Object };
  using Array = std::vector<Value>;
  using Object = std::vector<std::pair<std::string, Value>>;

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : kind_(Kind::Bool), bool_(b) {}
  Value(double d) : kind_(Kind::Number), number_(d) {}
  Value(int i) : kind_(Kind::Number), number_(i) {}
  Value(long i) : kind_(Kind::Number), number_(static_cast<double>(i)) {}
  Value(unsigned long i) : kind_(Kind::Number), number_(static_cast<double>(i)) {}
  Value(unsigned long long i) : kind_(Kind::Number), number_(static_cast<double>(i)) {}
  Value(unsigned i) : kind_(Kind::Number), number_(i) {}
  Value(const char* s) : kind_(Kind::String), string_(s) {}
  Value(std::string s) : kind_(Kind::String), string_(std::move(s)) {}
  Value(std::string_view s) : kind_(Kind::String), string_(s) {}
  Value(Array a) : kind_(Kind::Array), array_(std::move(a)) {}
  Value(Object o);  // a key given twice: find() returns its first value
  // A number that was a float: written with the shortest digits that read back to that float.
  static Value f32(float f);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_number() const { return kind_ == Kind::Number; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_array() const { return kind_ == Kind::Array; }
  bool is_object() const { return kind_ == Kind::Object; }

  bool as_bool(std::string_view what) const;
  double as_number(std::string_view what) const;  // finite
  // A number that is finite as a float32 too (fits_float), as the engine keeps it.
  float as_float(std::string_view what) const;
  // A whole number in [lo, hi].
  long long as_int(std::string_view what, long long lo, long long hi) const;
  const std::string& as_string(std::string_view what) const;
  const Array& as_array(std::string_view what) const;
  const Object& as_object(std::string_view what) const;

  // Object access. find() returns nullptr when the key is absent (or this is not an object).
  const Value* find(std::string_view key) const;
  Value& operator[](std::string_view key);  // inserts null when absent; makes null an object
  void push_back(Value v);                  // makes null an array

  friend bool operator==(const Value& a, const Value& b);

 private:
  // Key -> position in object_ of its first entry, kept for objects with more than kIndexedFrom
  // keys (null otherwise). Copied with the value, so positions stay right in the copy.
  class KeyIndex {
   public:
    using Map = std::map<std::string, std::size_t, std::less<>>;
    KeyIndex() = default;
    KeyIndex(const KeyIndex& other) { *this = other; }
    KeyIndex& operator=(const KeyIndex& other) {
      map_ = other.map_ ? std::make_unique<Map>(*other.map_) : nullptr;
      return *this;
    }
    KeyIndex(KeyIndex&&) noexcept = default;
    KeyIndex& operator=(KeyIndex&&) noexcept = default;
    std::unique_ptr<Map> map_;
  };

  friend std::string dump(const Value&, int);
  // Indexes object_ once it has more than kIndexedFrom keys; a no-op below that or when done.
  void index_keys();
  // Where key's first entry is in object_, or kAbsent.
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  std::size_t position(std::string_view key) const;
  Kind kind_ = Kind::Null;
  bool bool_ = false;
  bool is_f32_ = false;
  double number_ = 0;
  std::string string_;
  Array array_;
  Object object_;
  KeyIndex index_;
};

// Whether d is finite as a float32: it rounds (IEEE, to nearest) to a finite float, i.e. |d| is
// at most about 3.4e38. The one test of "fits a float32" for spec, file and option numbers.
inline bool fits_float(double d) {
  static_assert(std::numeric_limits<float>::is_iec559);
  return std::isfinite(static_cast<float>(d));
}

// Throws lw::Error("JSON: ... at line L, column C") on malformed text.
Value parse(std::string_view text);
// indent < 0: one line; otherwise pretty-printed with that many spaces per level.
std::string dump(const Value& value, int indent = -1);

const char* kind_name(Value::Kind kind);

// Fails with a message listing the allowed keys when `object` has a key not in `allowed`.
void check_keys(const Value& object, std::string_view what,
                std::initializer_list<std::string_view> allowed);

}  // namespace lw::json
