#include "pool.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lw {

namespace {

// The part of window (i, j) inside the image: rows [y0, y1), columns [x0, x1). In padded
// coordinates the window starts at i·s and the image occupies [p, p + n).
struct Cells {
  std::size_t y0, y1, x0, x1;
};
Cells window(const Conv2dGeometry& g, std::size_t i, std::size_t j) {
  auto lo = [](std::size_t o, std::size_t s, std::size_t p) { return std::max(o * s, p) - p; };
  auto hi = [](std::size_t o, std::size_t s, std::size_t p, std::size_t k, std::size_t n) {
    return std::min(o * s + k, n + p) - p;
  };
  return {lo(i, g.sh, g.ph), hi(i, g.sh, g.ph, g.kh, g.h), lo(j, g.sw, g.pw),
          hi(j, g.sw, g.pw, g.kw, g.w)};
}

// Index in the plane of the window's maximum: the first in scan order (PyTorch's rule).
// PyTorch requires padding ≤ kernel / 2, so every window holds at least one input.
std::size_t argmax(const float* x, const Conv2dGeometry& g, const Cells& w) {
  std::size_t best = w.y0 * g.w + w.x0;
  float max = -std::numeric_limits<float>::infinity();
  for (std::size_t r = w.y0; r < w.y1; ++r)
    for (std::size_t c = w.x0; c < w.x1; ++c) {
      float v = x[r * g.w + c];
      if (v > max || std::isnan(v)) {
        max = v;
        best = r * g.w + c;
      }
    }
  return best;
}

// Calls f(y_index, window) over every output of every plane, with the plane's offsets.
template <class F>
void each_window(std::size_t planes, const Conv2dGeometry& g, F f) {
  const std::size_t oh = g.out_h(), ow = g.out_w();
  for (std::size_t p = 0; p < planes; ++p)
    for (std::size_t i = 0; i < oh; ++i)
      for (std::size_t j = 0; j < ow; ++j) f(p * g.h * g.w, (p * oh + i) * ow + j, window(g, i, j));
}

}  // namespace

void f32_maxpool2d(float* y, const float* x, std::size_t planes, const Conv2dGeometry& g) {
  each_window(planes, g, [&](std::size_t in, std::size_t o, const Cells& w) {
    y[o] = x[in + argmax(x + in, g, w)];
  });
}

void f32_maxpool2d_backward(float* dx, const float* dy, const float* x, std::size_t planes,
                            const Conv2dGeometry& g) {
  std::fill(dx, dx + planes * g.h * g.w, 0.0f);
  each_window(planes, g, [&](std::size_t in, std::size_t o, const Cells& w) {
    dx[in + argmax(x + in, g, w)] += dy[o];
  });
}

void f32_avgpool2d(float* y, const float* x, std::size_t planes, const Conv2dGeometry& g) {
  const float area = float(g.kh * g.kw);
  each_window(planes, g, [&](std::size_t in, std::size_t o, const Cells& w) {
    float sum = 0.0f;
    for (std::size_t r = w.y0; r < w.y1; ++r)
      for (std::size_t c = w.x0; c < w.x1; ++c) sum += x[in + r * g.w + c];
    y[o] = sum / area;
  });
}

void f32_avgpool2d_backward(float* dx, const float* dy, std::size_t planes,
                            const Conv2dGeometry& g) {
  const float area = float(g.kh * g.kw);
  std::fill(dx, dx + planes * g.h * g.w, 0.0f);
  each_window(planes, g, [&](std::size_t in, std::size_t o, const Cells& w) {
    float share = dy[o] / area;
    for (std::size_t r = w.y0; r < w.y1; ++r)
      for (std::size_t c = w.x0; c < w.x1; ++c) dx[in + r * g.w + c] += share;
  });
}

}  // namespace lw
