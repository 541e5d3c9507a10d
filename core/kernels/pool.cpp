#include "pool.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "simd.hpp"

namespace lw {

namespace {

// The in-image part of the windows of one output row or column: [lo, hi) for each position o,
// as out[2·o], out[2·o + 1]. In padded coordinates window o starts at o·s and the image
// occupies [p, p + n).
std::vector<std::size_t> clips(std::size_t n_out, std::size_t s, std::size_t p, std::size_t k,
                               std::size_t n) {
  std::vector<std::size_t> out(2 * n_out);
  LW_SCALAR_LOOP
  for (std::size_t o = 0; o < n_out; ++o) {
    out[2 * o] = std::max(o * s, p) - p;
    out[2 * o + 1] = std::min(o * s + k, n + p) - p;
  }
  return out;
}

// Calls f(plane offset, output index, rows, columns) for every window of every plane; rows and
// columns point at a [lo, hi) pair.
template <class F>
void each_window(std::size_t planes, const Conv2dGeometry& g, F f) {
  const std::size_t oh = g.out_h(), ow = g.out_w();
  const std::vector<std::size_t> rows = clips(oh, g.sh, g.ph, g.kh, g.h);
  const std::vector<std::size_t> cols = clips(ow, g.sw, g.pw, g.kw, g.w);
  for (std::size_t p = 0; p < planes; ++p)
    for (std::size_t i = 0; i < oh; ++i)
      for (std::size_t j = 0; j < ow; ++j)
        f(p * g.h * g.w, (p * oh + i) * ow + j, &rows[2 * i], &cols[2 * j]);
}

}  // namespace

void f32_maxpool2d(float* y, std::uint32_t* argmax, const float* x, std::size_t planes,
                   const Conv2dGeometry& g) {
  each_window(planes, g, [&](std::size_t in, std::size_t o, const std::size_t* rows, const std::size_t* cols) {
    // PyTorch requires padding ≤ kernel / 2, so every window holds at least one input.
    const float* plane = x + in;
    auto best = static_cast<std::uint32_t>(rows[0] * g.w + cols[0]);
    float max = -std::numeric_limits<float>::infinity();
    for (std::size_t r = rows[0]; r < rows[1]; ++r)
      LW_SCALAR_LOOP
      for (std::size_t c = cols[0]; c < cols[1]; ++c) {
        float v = plane[r * g.w + c];
        if (v > max || std::isnan(v)) {
          max = v;
          best = static_cast<std::uint32_t>(r * g.w + c);
        }
      }
    y[o] = plane[best];
    argmax[o] = best;
  });
}

void f32_maxpool2d_backward(float* dx, const float* dy, const std::uint32_t* argmax,
                            std::size_t planes, const Conv2dGeometry& g) {
  const std::size_t plane = g.h * g.w, P = g.out_h() * g.out_w();
  std::fill(dx, dx + planes * plane, 0.0f);
  for (std::size_t p = 0; p < planes; ++p)
    for (std::size_t o = 0; o < P; ++o) dx[p * plane + argmax[p * P + o]] += dy[p * P + o];
}

void f32_avgpool2d(float* y, const float* x, std::size_t planes, const Conv2dGeometry& g) {
  const float area = float(g.kh * g.kw);
  each_window(planes, g, [&](std::size_t in, std::size_t o, const std::size_t* rows, const std::size_t* cols) {
    float sum = 0.0f;
    for (std::size_t r = rows[0]; r < rows[1]; ++r)
      LW_SCALAR_LOOP
      for (std::size_t c = cols[0]; c < cols[1]; ++c) sum += x[in + r * g.w + c];
    y[o] = sum / area;
  });
}

void f32_avgpool2d_backward(float* dx, const float* dy, std::size_t planes,
                            const Conv2dGeometry& g) {
  const float area = float(g.kh * g.kw);
  std::fill(dx, dx + planes * g.h * g.w, 0.0f);
  each_window(planes, g, [&](std::size_t in, std::size_t o, const std::size_t* rows, const std::size_t* cols) {
    float share = dy[o] / area;
    for (std::size_t r = rows[0]; r < rows[1]; ++r)
      LW_SCALAR_LOOP
      for (std::size_t c = cols[0]; c < cols[1]; ++c) dx[in + r * g.w + c] += share;
  });
}

}  // namespace lw
