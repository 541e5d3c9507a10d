#include "json.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "error.hpp"

namespace lw::json {

const char* kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return "a boolean";
    case Value::Kind::Number: return "a number";
    case Value::Kind::String: return "a string";
    case Value::Kind::Array: return "an array";
    case Value::Kind::Object: return "an object";
  }
  return "?";
}

namespace {
[[noreturn]] void wrong_kind(std::string_view what, const char* expected, Value::Kind got) {
  fail(what, " must be ", expected, ", got ", kind_name(got));
}
}  // namespace

Value Value::f32(float f) {
  Value v(static_cast<double>(f));
  v.is_f32_ = true;
  return v;
}

bool Value::as_bool(std::string_view what) const {
  if (kind_ != Kind::Bool) wrong_kind(what, "true or false", kind_);
  return bool_;
}

double Value::as_number(std::string_view what) const {
  if (kind_ != Kind::Number) wrong_kind(what, "a number", kind_);
  return number_;
}

float Value::as_float(std::string_view what) const {
  const double d = as_number(what);
  check(fits_float(d), what, " must be a number that fits a float32 (at most about 3.4e38 in size), got ", d);
  return static_cast<float>(d);
}

long long Value::as_int(std::string_view what, long long lo, long long hi) const {
  double d = as_number(what);
  check(d == std::floor(d), what, " must be a whole number, got ", d);
  check(d >= static_cast<double>(lo) && d <= static_cast<double>(hi), what, " must be between ",
        lo, " and ", hi, ", got ", d);
  return static_cast<long long>(d);
}

const std::string& Value::as_string(std::string_view what) const {
  if (kind_ != Kind::String) wrong_kind(what, "a string", kind_);
  return string_;
}

const Value::Array& Value::as_array(std::string_view what) const {
  if (kind_ != Kind::Array) wrong_kind(what, "an array", kind_);
  return array_;
}

const Value::Object& Value::as_object(std::string_view what) const {
  if (kind_ != Kind::Object) wrong_kind(what, "an object", kind_);
  return object_;
}

Value::Value(Object o) : kind_(Kind::Object), object_(std::move(o)) { index_keys(); }

void Value::index_keys() {
  if (index_.map_ || object_.size() <= kIndexedFrom) return;
  index_.map_ = std::make_unique<KeyIndex::Map>();
  for (std::size_t i = 0; i < object_.size(); ++i) index_.map_->emplace(object_[i].first, i);
}

std::size_t Value::position(std::string_view key) const {
  if (index_.map_) {
    auto it = index_.map_->find(key);
    return it == index_.map_->end() ? kAbsent : it->second;
  }
  for (std::size_t i = 0; i < object_.size(); ++i)
    if (object_[i].first == key) return i;
  return kAbsent;
}

const Value* Value::find(std::string_view key) const {
  if (kind_ != Kind::Object) return nullptr;
  std::size_t i = position(key);
  return i == kAbsent ? nullptr : &object_[i].second;
}

Value& Value::operator[](std::string_view key) {
  if (kind_ == Kind::Null) kind_ = Kind::Object;
  std::size_t i = position(key);
  if (i != kAbsent) return object_[i].second;
  object_.emplace_back(std::string(key), Value());
  if (index_.map_) index_.map_->emplace(std::string(key), object_.size() - 1);
  else index_keys();
  return object_.back().second;
}

void Value::push_back(Value v) {
  if (kind_ == Kind::Null) kind_ = Kind::Array;
  array_.push_back(std::move(v));
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return a.bool_ == b.bool_;
    case Value::Kind::Number: return a.number_ == b.number_;
    case Value::Kind::String: return a.string_ == b.string_;
    case Value::Kind::Array: return a.array_ == b.array_;
    case Value::Kind::Object: return a.object_ == b.object_;
  }
  return false;
}

void check_keys(const Value& object, std::string_view what,
                std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : object.as_object(what)) {
    bool known = false;
    for (auto a : allowed) known = known || key == a;
    if (known) continue;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    fail(what, " has an unknown key \"", key, "\"; allowed: ", list);
  }
}

// ---- parser ----

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Value document() {
    skip_space();
    Value v = value(0);
    skip_space();
    if (pos_ != text_.size()) error("unexpected text after the end of the JSON value");
    return v;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;

  [[noreturn]] void error(std::string_view message) const {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    fail("JSON: ", message, " at line ", line, ", column ", column);
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      ++pos_;
  }

  void expect(char c) {
    if (peek() != c) error(std::string("expected '") + c + "'");
    ++pos_;
  }

  void literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) error("unexpected character");
    pos_ += word.size();
  }

  // depth: how many arrays and objects enclose the value.
  Value value(int depth) {
    if (at_end()) error("unexpected end of input");
    switch (peek()) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return Value(string());
      case 't': literal("true"); return Value(true);
      case 'f': literal("false"); return Value(false);
      case 'n': literal("null"); return Value();
      default: return number();
    }
  }

  // Refuses an array or object that kMaxDepth others enclose: it would be one level too many.
  void check_depth(int depth) const {
    if (depth >= kMaxDepth) {
      error("arrays and objects nest deeper than " + std::to_string(kMaxDepth) +
            " levels (the limit)");
    }
  }

  Value object(int depth) {
    check_depth(depth);
    expect('{');
    Value v{Value::Object{}};
    skip_space();
    if (peek() == '}') {
      ++pos_;
      return v;
    }
    for (;;) {
      skip_space();
      if (peek() != '"') error("expected a string key");
      std::string key = string();
      skip_space();
      expect(':');
      skip_space();
      v[key] = value(depth + 1);
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return v;
      }
      error("expected ',' or '}'");
    }
  }

  Value array(int depth) {
    check_depth(depth);
    expect('[');
    Value v{Value::Array{}};
    skip_space();
    if (peek() == ']') {
      ++pos_;
      return v;
    }
    for (;;) {
      skip_space();
      v.push_back(value(depth + 1));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return v;
      }
      error("expected ',' or ']'");
    }
  }

  static void put_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::uint32_t hex4() {
    if (pos_ + 4 > text_.size()) error("incomplete \\u escape");
    std::uint32_t cp = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_++];
      cp <<= 4;
      if (c >= '0' && c <= '9') cp |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') cp |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') cp |= static_cast<std::uint32_t>(c - 'A' + 10);
      else error("bad hex digit in \\u escape");
    }
    return cp;
  }

  std::string string() {
    expect('"');
    std::string out;
    for (;;) {
      if (at_end()) error("unterminated string");
      char c = text_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) error("control character in string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_end()) error("unterminated string");
      char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            std::uint32_t lo = hex4();
            if (lo < 0xDC00 || lo >= 0xE000) error("bad surrogate pair");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          put_utf8(out, cp);
          break;
        }
        default: --pos_; error("bad escape in string");
      }
    }
  }

  Value number() {
    std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (!(peek() >= '0' && peek() <= '9')) error("unexpected character");
    auto digits = [&] {
      while (peek() >= '0' && peek() <= '9') ++pos_;
    };
    if (peek() == '0') ++pos_; else digits();
    if (peek() == '.') {
      ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) error("expected a digit after '.'");
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) error("expected a digit in the exponent");
      digits();
    }
    std::string token(text_.substr(start, pos_ - start));
    double d = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(d)) {
      pos_ = start;
      error("number out of range");
    }
    return Value(d);
  }
};

// ---- writer ----

void write_string(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// Shortest "%.Ng" that reads back to the same value (std::to_chars for floats is missing
// from Emscripten 3.1.6's libc++). Whole numbers print without exponent up to 2^53.
template <class T>
void write_shortest(std::string& out, T x) {
  if (!std::isfinite(x)) {  // JSON has no NaN or infinity: write null, as JSON.stringify does
    out += "null";
    return;
  }
  char buf[40];
  int first = sizeof(T) == 4 ? 6 : 15, last = sizeof(T) == 4 ? 9 : 17;
  for (int digits = first; digits <= last; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(x));
    T back = sizeof(T) == 4 ? static_cast<T>(std::strtof(buf, nullptr))
                            : static_cast<T>(std::strtod(buf, nullptr));
    if (back == x) break;
  }
  out += buf;
}

}  // namespace

Value parse(std::string_view text) { return Parser(text).document(); }

std::string dump(const Value& v, int indent) {
  std::string out;
  auto newline = [&](int level) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(level * indent), ' ');
  };
  auto rec = [&](auto&& self, const Value& x, int level) -> void {
    switch (x.kind_) {
      case Value::Kind::Null: out += "null"; break;
      case Value::Kind::Bool: out += x.bool_ ? "true" : "false"; break;
      case Value::Kind::Number:
        if (x.is_f32_) write_shortest(out, static_cast<float>(x.number_));
        else write_shortest(out, x.number_);
        break;
      case Value::Kind::String: write_string(out, x.string_); break;
      case Value::Kind::Array: {
        out += '[';
        // Arrays of numbers stay on one line: parameter data would be unreadable otherwise.
        bool flat = true;
        for (const Value& e : x.array_) flat = flat && e.kind_ == Value::Kind::Number;
        for (std::size_t i = 0; i < x.array_.size(); ++i) {
          if (i) out += indent >= 0 && flat ? ", " : ",";
          if (!flat) newline(level + 1);
          self(self, x.array_[i], level + 1);
        }
        if (!flat && !x.array_.empty()) newline(level);
        out += ']';
        break;
      }
      case Value::Kind::Object: {
        out += '{';
        for (std::size_t i = 0; i < x.object_.size(); ++i) {
          if (i) out += ',';
          newline(level + 1);
          write_string(out, x.object_[i].first);
          out += indent >= 0 ? ": " : ":";
          self(self, x.object_[i].second, level + 1);
        }
        if (!x.object_.empty()) newline(level);
        out += '}';
        break;
      }
    }
  };
  rec(rec, v, 0);
  return out;
}

}  // namespace lw::json
