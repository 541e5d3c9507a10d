// lw_parity: the native half of the native/wasm parity test (tests/js/parity.test.mjs).
//
// docs/architecture.md promises that the same seed gives the same numbers natively and in the browser.
// This program prints, as one JSON object on stdout:
//   datasets  every toy dataset generated from a fixed seed, x and y as the hex of their
//             little-endian float32 bytes (the wasm build must produce the same bytes);
//   runs      a few fixed training runs, each described completely (spec, data, loss,
//             optimiser and options, batch, epochs, l1) so the JS test replays it in wasm,
//             with the loss of every epoch and the final parameters (float32, shortest text).
// The runs cover every layer type, initialiser family, loss and optimiser family between
// them; each takes 20 optimiser steps (4 epochs of 5 batches, shuffled by the model's RNG).
// The convolution run trains on small images made here ("images"); their values are printed
// with the run, so the JS side trains on exactly the same numbers (lw.data.fromArrays).
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>

#include "data/dataset.hpp"
#include "json.hpp"
#include "losses/loss.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"
#include "random.hpp"

namespace {

using lw::json::Value;

constexpr std::uint64_t kDataSeed = 7;
constexpr std::size_t kDataSize = 100;
constexpr float kDataNoise = 0.2f;

std::string hex_bytes(std::span<const float> v) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(v.size() * 8);
  for (float f : v) {
    unsigned char b[4];
    std::memcpy(b, &f, 4);  // the build machines are little-endian, as wasm is
    for (unsigned char c : b) {
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

Value floats(std::span<const float> v) {
  Value::Array out;
  for (float f : v) out.push_back(Value::f32(f));
  return out;
}

struct Run {
  const char* title;
  const char* spec;
  const char* data;  // dataset name (80 points, noise 0.2, seed 5), or "images"
  const char* loss;
  const char* optimizer;
  const char* options;
  float l1;
};

constexpr std::size_t kRunSize = 80, kBatch = 16, kEpochs = 4;  // 4 × 5 = 20 steps
constexpr std::uint64_t kRunDataSeed = 5;

const Run kRuns[] = {
    {"2-8-8-3 tanh, cross-entropy, Adam, xavier_uniform(gain tanh) / zeros",
     R"({"input":[2],"layers":[{"type":"linear","out":8},{"type":"tanh"},{"type":"linear","out":8},)"
     R"({"type":"tanh"},{"type":"linear","out":3}],)"
     R"("init":{"weight":{"type":"xavier_uniform","gain":"tanh"},"bias":"zeros"},"seed":11})",
     "blobs3", "cross_entropy", "adam", R"({"lr":0.01})", 0.0f},
    {"2-8-8-1 relu + dropout, sigmoid, BCE, SGD momentum (nesterov), PyTorch default init",
     R"({"input":[2],"layers":[{"type":"linear","out":8},{"type":"relu"},{"type":"dropout","p":0.1},)"
     R"({"type":"linear","out":8},{"type":"relu"},{"type":"linear","out":1},{"type":"sigmoid"}],"seed":12})",
     "xor", "bce", "sgd", R"({"lr":0.1,"momentum":0.9,"nesterov":true,"weight_decay":0.0001})", 0.0f},
    {"2-6-1 leaky_relu, MSE + L1, RMSprop centered with momentum, kaiming_normal / normal",
     R"({"input":[2],"layers":[{"type":"linear","out":6},{"type":"leaky_relu","slope":0.1},)"
     R"({"type":"linear","out":1}],"init":{"weight":"kaiming_normal",)"
     R"("bias":{"type":"normal","std":0.1}},"seed":13})",
     "sine", "mse", "rmsprop", R"({"lr":0.01,"momentum":0.5,"centered":true})", 0.001f},
    {"flatten, 2-5-1 sigmoid, BCE with logits, AdamW amsgrad, xavier_normal / uniform",
     R"({"input":[2],"layers":[{"type":"flatten"},{"type":"linear","out":5},{"type":"sigmoid"},)"
     R"({"type":"linear","out":1},{"type":"identity"}],"init":{"weight":"xavier_normal",)"
     R"("bias":{"type":"uniform","a":-0.1,"b":0.1}},"seed":14})",
     "moons", "bce_with_logits", "adamw", R"({"lr":0.02,"amsgrad":true})", 0.0f},
    {"conv 3×3 pad 1 → relu → maxpool 2 → conv [2,3] stride [2,1] → avgpool [2,1] → flatten → "
     "linear, on [2, 8, 7] images; cross-entropy, Adam, kaiming_uniform / default bias",
     R"({"input":[2,8,7],"layers":[{"type":"conv2d","out":4,"kernel":3,"padding":1},{"type":"relu"},)"
     R"({"type":"maxpool2d","kernel":2},{"type":"conv2d","out":3,"kernel":[2,3],"stride":[2,1]},)"
     R"({"type":"avgpool2d","kernel":[2,1],"stride":1},{"type":"flatten"},{"type":"linear","out":3}],)"
     R"("init":{"weight":"kaiming_uniform"},"seed":15})",
     "images", "cross_entropy", "adam", R"({"lr":0.01})", 0.0f},
};

// 80 images [2, 8, 7] of three classes: faint noise, and in channel 0 a bright 3×3 block whose
// column says the class (channel 1 is the block's negative image).
lw::Dataset images() {
  constexpr std::size_t kC = 2, kH = 8, kW = 7, kSize = kC * kH * kW;
  lw::Rng rng(kRunDataSeed);
  std::vector<float> x(kRunSize * kSize), y(kRunSize);
  for (std::size_t s = 0; s < kRunSize; ++s) {
    std::size_t k = s % 3, top = 1 + (s / 3) % 4;
    y[s] = float(k);
    float* img = x.data() + s * kSize;
    for (std::size_t i = 0; i < kSize; ++i) img[i] = rng.uniform(0.0f, 0.3f);
    for (std::size_t r = 0; r < 3; ++r)
      for (std::size_t c = 0; c < 3; ++c) {
        img[(top + r) * kW + 2 * k + c] += 1.0f;
        img[kH * kW + (top + r) * kW + 2 * k + c] -= 1.0f;
      }
  }
  return lw::make_dataset(x, y, kRunSize, kSize, 3);
}

Value run(const Run& r) {
  lw::Model model = lw::Model::from_spec_text(r.spec);
  bool made = std::string_view(r.data) == "images";
  lw::Dataset data = made ? images() : lw::generate(r.data, kRunSize, kDataNoise, kRunDataSeed);
  auto loss = lw::make_loss(r.loss);
  auto opt = lw::make_optimizer(r.optimizer, lw::json::parse(r.options));
  Value::Array losses;
  for (std::size_t e = 0; e < kEpochs; ++e) {
    float l = model.train_epoch(data.x.span(), data.y.span(), data.size(), kBatch, *loss, *opt,
                                lw::TrainOptions{r.l1});
    losses.push_back(Value::f32(l));
  }
  Value::Array params;
  for (lw::Param* p : model.params())
    params.push_back(Value::Object{{"name", p->name}, {"data", floats(p->value.span())}});
  Value about = Value::Object{{"name", r.data}, {"n", kRunSize}};
  if (made) {
    about["features"] = data.x.dim(1);
    about["classes"] = data.classes;
    about["x"] = floats(data.x.span());
    about["y"] = floats(data.y.span());
  } else {
    about["noise"] = Value::f32(kDataNoise);
    about["seed"] = kRunDataSeed;
  }
  return Value::Object{
      {"title", r.title},
      {"spec", lw::json::parse(r.spec)},
      {"data", about},
      {"loss", r.loss},
      {"optimizer", r.optimizer},
      {"options", lw::json::parse(r.options)},
      {"batch", kBatch},
      {"epochs", kEpochs},
      {"l1", Value::f32(r.l1)},
      {"steps", static_cast<double>(opt->steps())},
      {"losses", losses},
      {"parameters", params},
  };
}

}  // namespace

int main() {
  try {
    Value::Array datasets;
    for (std::string_view name : lw::dataset_names()) {
      lw::Dataset d = lw::generate(name, kDataSize, kDataNoise, kDataSeed);
      datasets.push_back(Value::Object{{"name", name},
                                       {"n", kDataSize},
                                       {"noise", Value::f32(kDataNoise)},
                                       {"seed", kDataSeed},
                                       {"x", hex_bytes(d.x.span())},
                                       {"y", hex_bytes(d.y.span())}});
    }
    Value::Array runs;
    for (const Run& r : kRuns) runs.push_back(run(r));
    Value out = Value::Object{{"datasets", datasets}, {"runs", runs}};
    std::puts(lw::json::dump(out).c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lw_parity: %s\n", e.what());
    return 1;
  }
}
