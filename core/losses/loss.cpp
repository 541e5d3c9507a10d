#include "loss.hpp"

#include <cmath>

#include "../error.hpp"
#include "bce.hpp"
#include "bce_with_logits.hpp"
#include "cross_entropy.hpp"
#include "mse.hpp"

namespace lw {

namespace {
std::size_t argmax(const float* row, std::size_t k) {
  std::size_t best = 0;
  for (std::size_t j = 1; j < k; ++j)
    if (row[j] > row[best]) best = j;
  return best;
}
}  // namespace

void Loss::check_target(const float* target, std::size_t target_len, std::size_t batch,
                        std::size_t k) const {
  std::size_t want = batch * target_width(k);
  if (target_len != want)
    lw::fail(name(), ": the target has ", target_len, " values, but ", batch, " samples with ", k,
             " outputs need ", want);
  for (std::size_t i = 0; i < target_len; ++i)
    if (!std::isfinite(target[i]))
      lw::fail(name(), ": target value ", i, " is ", target[i], "; targets must be finite numbers");
}

std::size_t Loss::correct(const Tensor& pred, const float* target) const {
  std::size_t batch = pred.dim(0), k = pred.size() / batch, width = target_width(k), n = 0;
  for (std::size_t b = 0; b < batch; ++b) {
    const float* p = pred.data() + b * k;
    const float* t = target + b * width;
    std::size_t want = width == 1 ? static_cast<std::size_t>(k == 1 ? t[0] > 0.5f : t[0])
                                  : argmax(t, width);
    std::size_t got = k == 1 ? (p[0] > threshold() ? 1u : 0u) : argmax(p, k);
    n += got == want;
  }
  return n;
}

const std::vector<std::string_view>& loss_names() {
  static const std::vector<std::string_view> names = {"mse", "bce", "bce_with_logits",
                                                      "cross_entropy"};
  return names;
}

std::unique_ptr<Loss> make_loss(std::string_view name) {
  if (name == "mse") return std::make_unique<MSELoss>();
  if (name == "bce") return std::make_unique<BCELoss>();
  if (name == "bce_with_logits") return std::make_unique<BCEWithLogitsLoss>();
  if (name == "cross_entropy") return std::make_unique<CrossEntropyLoss>();
  fail("unknown loss \"", name, "\"; allowed: mse, bce, bce_with_logits, cross_entropy");
}

}  // namespace lw
