#include "window.hpp"

#include "../error.hpp"

namespace lw {

namespace {

constexpr long long kMaxSide = 1 << 16;

// A number n (→ n, n) or a pair [h, w], each between lo and kMaxSide.
std::pair<std::size_t, std::size_t> read_pair(const json::Value& v, const std::string& where,
                                         long long lo) {
  if (!v.is_array()) {
    auto n = static_cast<std::size_t>(v.as_int(where, lo, kMaxSide));
    return {n, n};
  }
  const auto& a = v.as_array(where);
  check(a.size() == 2, where, " must be a number or a pair [h, w], got ", a.size(), " numbers");
  return {static_cast<std::size_t>(a[0].as_int(where + "[0]", lo, kMaxSide)),
          static_cast<std::size_t>(a[1].as_int(where + "[1]", lo, kMaxSide))};
}

json::Value pair_json(std::size_t h, std::size_t w) {
  if (h == w) return json::Value(h);
  json::Value::Array both;
  both.emplace_back(h);
  both.emplace_back(w);
  return both;
}

std::string by(std::size_t h, std::size_t w) { return str(h, "×", w); }

}  // namespace

Window Window::parse(const json::Value& layer, const std::string& where, const std::string& what,
                     bool pool) {
  Window win;
  const json::Value* kernel = layer.find("kernel");
  check(kernel != nullptr, what, " needs \"kernel\": the window size, a number or [h, w]");
  std::tie(win.kh, win.kw) = read_pair(*kernel, where + ".kernel", 1);
  if (pool) std::tie(win.sh, win.sw) = std::pair{win.kh, win.kw};
  if (const json::Value* s = layer.find("stride"))
    std::tie(win.sh, win.sw) = read_pair(*s, where + ".stride", 1);
  if (const json::Value* p = layer.find("padding"))
    std::tie(win.ph, win.pw) = read_pair(*p, where + ".padding", 0);
  if (pool)
    check(win.ph <= win.kh / 2 && win.pw <= win.kw / 2, what, ": padding ", by(win.ph, win.pw),
          " is more than half the kernel ", by(win.kh, win.kw), "; PyTorch allows at most ",
          by(win.kh / 2, win.kw / 2));
  return win;
}

void Window::write(json::Value& spec) const {
  spec["kernel"] = pair_json(kh, kw);
  spec["stride"] = pair_json(sh, sw);
  spec["padding"] = pair_json(ph, pw);
}

Conv2dGeometry Window::geometry(const Shape& input, const std::string& what) const {
  check(input.size() == 3, what, " needs an image input [channels, height, width], got shape ",
        shape_str(input),
        input.size() == 1 ? "; give the model an image input such as \"input\": [1, 28, 28] and "
                            "put flatten after the convolution and pooling layers"
                          : "");
  Conv2dGeometry g{input[0], input[1], input[2], kh, kw, sh, sw, ph, pw};
  check(g.h + 2 * ph >= kh && g.w + 2 * pw >= kw, what, ": the ", by(kh, kw),
        " kernel is larger than its padded input ", by(g.h + 2 * ph, g.w + 2 * pw), " (input ",
        shape_str(input), ", padding ", by(ph, pw), ")");
  return g;
}

}  // namespace lw
