// Model: spec validation, seeds, forward values by hand, whole-model gradients against
// central differences, save/load round trips, statistics, and every error path.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "error.hpp"
#include "gradcheck.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"

using namespace lw;

namespace {

const char* kXorSpec = R"({"input":[2],"layers":[{"type":"linear","out":8},{"type":"tanh"},
  {"type":"linear","out":1},{"type":"sigmoid"}],"init":{"weight":"xavier_uniform","bias":"zeros"},
  "seed":42})";

std::vector<float> values(const Model& m_const) {
  auto& m = const_cast<Model&>(m_const);
  std::vector<float> all;
  for (Param* p : m.params()) all.insert(all.end(), p->value.span().begin(), p->value.span().end());
  return all;
}

std::vector<float> predict(Model& m, const std::vector<float>& x, std::size_t batch) {
  const Tensor& y = m.forward(x, batch);
  return {y.span().begin(), y.span().end()};
}

}  // namespace

TEST_CASE("a spec builds the model it describes", "[model]") {
  Model m = Model::from_spec_text(kXorSpec);
  REQUIRE(m.num_layers() == 4);
  REQUIRE(m.output_shape() == Shape{1});
  REQUIRE(m.num_params() == 2 * 8 + 8 + 8 + 1);
  auto ps = m.params();
  REQUIRE(ps[0]->name == "0.weight");
  REQUIRE(ps[3]->name == "2.bias");
  for (float b : ps[1]->value.span()) REQUIRE(b == 0.0f);  // bias: zeros
  double bound = std::sqrt(6.0 / 10.0);                  // xavier_uniform, fan 2 + 8
  for (float w : ps[0]->value.span()) REQUIRE(std::fabs(w) <= bound);
  // The seed network of the article: 784-256-128-64-10 has 235,146 parameters.
  Model seed_net = Model::from_spec_text(R"({"input":[784],"layers":[{"type":"linear","out":256},
    {"type":"relu"},{"type":"linear","out":128},{"type":"relu"},{"type":"linear","out":64},
    {"type":"relu"},{"type":"linear","out":10}]})");
  REQUIRE(seed_net.num_params() == 784 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10);
  // The spec round-trips.
  Model again = Model::from_spec(m.spec());
  REQUIRE(values(again) == values(m));
}

TEST_CASE("same seed, same numbers; another seed, other numbers", "[model]") {
  Model a = Model::from_spec_text(kXorSpec), b = Model::from_spec_text(kXorSpec);
  REQUIRE(values(a) == values(b));
  auto opt_a = make_optimizer("adam", json::parse(R"({"lr":0.05})"));
  auto opt_b = make_optimizer("adam", json::parse(R"({"lr":0.05})"));
  auto loss = make_loss("bce");
  std::vector<float> x = {0, 0, 0, 1, 1, 0, 1, 1}, y = {0, 1, 1, 0};
  for (int i = 0; i < 20; ++i) {
    a.train_epoch(x, y, 4, 2, *loss, *opt_a);
    b.train_epoch(x, y, 4, 2, *loss, *opt_b);
  }
  REQUIRE(values(a) == values(b));
  a.reset(7);
  b.reset(8);
  REQUIRE(values(a) != values(b));
}

TEST_CASE("forward worked by hand through linear, relu, linear", "[model]") {
  Model m = Model::from_spec_text(R"({"input":[2],"layers":[{"type":"linear","out":2},
    {"type":"relu"},{"type":"linear","out":1}]})");
  // W1 = [[1, -1], [2, 1]], b1 = [0, -1]; W2 = [[3, -2]], b2 = [0.5]
  std::vector<float> w1 = {1, -1, 2, 1}, b1 = {0, -1}, w2 = {3, -2}, b2 = {0.5f};
  m.set_parameters({{"0.weight", w1}, {"0.bias", b1}, {"2.weight", w2}, {"2.bias", b2}});
  // x = (1, 3): h = relu([1 − 3, 2 + 3 − 1]) = [0, 4]; y = 0 − 8 + 0.5 = −7.5
  // x = (2, 1): h = relu([1, 4]) = [1, 4];             y = 3 − 8 + 0.5 = −4.5
  REQUIRE(predict(m, {1, 3, 2, 1}, 2) == std::vector<float>{-7.5f, -4.5f});
}

TEST_CASE("whole-model gradients match central differences", "[model][gradcheck]") {
  const char* spec = R"({"input":[5],"layers":[{"type":"linear","out":7},{"type":"tanh"},
    {"type":"linear","out":6},{"type":"leaky_relu","slope":0.1},{"type":"linear","out":3}],
    "init":{"weight":"xavier_normal","bias":{"type":"uniform","a":-0.1,"b":0.1}},"seed":3})";
  for (std::size_t batch : {1u, 4u}) {
    Model m = Model::from_spec_text(spec);
    Rng rng(batch);
    std::vector<float> x(batch * 5), y(batch);
    for (float& v : x) v = rng.uniform(-1, 1);
    for (float& v : y) v = float(rng.below(3));
    test::check_model(m, x, y, batch);
  }
}

TEST_CASE("L1 adds λ·Σ|w| to the loss and λ·sign(w) to the weight gradient", "[model]") {
  Model m = Model::from_spec_text(R"({"input":[1],"layers":[{"type":"linear","out":1}]})");
  std::vector<float> w = {-2}, b = {1};
  m.set_parameters({{"0.weight", w}, {"0.bias", b}});
  auto mse = make_loss("mse");
  auto sgd = make_optimizer("sgd", json::parse(R"({"lr":0.1})"));
  std::vector<float> x = {1}, y = {0};
  // prediction −2·1 + 1 = −1, MSE 1; penalty 0.5·|−2| = 1 (the bias is not penalised)
  float loss = m.train_step(x, y, 1, *mse, *sgd, TrainOptions{0.5f});
  REQUIRE(loss == Approx(2.0f));
  // dL/dw = 2·(−1)·1 + 0.5·sign(−2) = −2.5 → w = −2 + 0.25; dL/db = −2 → b = 1 + 0.2
  REQUIRE(m.params()[0]->value[0] == Approx(-1.75f));
  REQUIRE(m.params()[1]->value[0] == Approx(1.2f));
}

TEST_CASE("train_epoch visits every sample once, and batch > n acts as one batch", "[model]") {
  Model m = Model::from_spec_text(R"({"input":[1],"layers":[{"type":"linear","out":1}]})");
  std::vector<float> w = {0}, b = {0};
  m.set_parameters({{"0.weight", w}, {"0.bias", b}});
  auto mse = make_loss("mse");
  auto sgd = make_optimizer("sgd", json::parse(R"({"lr":0})"));
  std::vector<float> x = {1, 2, 3}, y = {1, 2, 4};
  // Zero model: loss is the mean of y² = (1 + 4 + 16) / 3 = 7 however it is batched.
  REQUIRE(m.train_epoch(x, y, 3, 2, *mse, *sgd) == Approx(7.0f));
  REQUIRE(m.train_epoch(x, y, 3, 100, *mse, *sgd) == Approx(7.0f));
  REQUIRE(sgd->steps() == 3);  // two batches, then one
}

TEST_CASE("evaluate gives the mean loss and the accuracy", "[model]") {
  Model m = Model::from_spec_text(R"({"input":[1],"layers":[{"type":"linear","out":1},
    {"type":"sigmoid"}]})");
  std::vector<float> w = {1}, b = {0};
  m.set_parameters({{"0.weight", w}, {"0.bias", b}});
  std::vector<float> x = {2, -1, 3, 0.5f}, y = {1, 0, 0, 1};
  auto bce = make_loss("bce");
  Evaluation e = m.evaluate(x, y, 4, *bce, true);
  REQUIRE(e.accuracy.value() == Approx(0.75));
  auto s = [](double z) { return 1 / (1 + std::exp(-z)); };
  double want = -(std::log(s(2)) + std::log(1 - s(-1)) + std::log(1 - s(3)) + std::log(s(0.5))) / 4;
  REQUIRE(e.loss == Approx(want).epsilon(1e-5));
  REQUIRE_FALSE(m.evaluate(x, y, 4, *bce, false).accuracy.has_value());
}

TEST_CASE("save then load gives identical predictions (JSON text and binary)", "[model][io]") {
  Model m = Model::from_spec_text(kXorSpec);
  auto opt = make_optimizer("adam", json::parse(R"({"lr":0.05})"));
  auto loss = make_loss("bce");
  std::vector<float> x = {0, 0, 0, 1, 1, 0, 1, 1, 0.3f, -0.7f}, y = {0, 1, 1, 0, 1};
  for (int i = 0; i < 10; ++i) m.train_epoch(x, y, 5, 2, *loss, *opt);
  auto want = predict(m, x, 5);

  Model from_text = Model::from_json(json::parse(json::dump(m.to_json(), 2)));
  REQUIRE(predict(from_text, x, 5) == want);
  REQUIRE(values(from_text) == values(m));
  auto bytes = m.to_binary();
  REQUIRE(bytes.size() < json::dump(m.to_json()).size());  // compact: 4 bytes a parameter
  Model from_bytes = Model::from_binary(bytes);
  REQUIRE(predict(from_bytes, x, 5) == want);
}

TEST_CASE("statistics of a diverged layer: infinities and NaN bin without overflow", "[model][stats]") {
  // A run that diverged holds ±inf and NaN. The bins span the finite values ([-1, 1], width 1
  // for 2 bins); -inf counts in the first bin, +inf in the last, NaN in none. Before the fix
  // the width was inf and (v - lo) / width a NaN converted to an integer: undefined behaviour
  // (UBSan's float-cast-overflow under scripts/sanitize.sh) and a garbage bin.
  const float inf = std::numeric_limits<float>::infinity(), nan = std::nanf("");
  const std::vector<float> values = {-inf, -1, 0, 1, inf, nan};
  Summary s = Summary::of(values, 2);
  REQUIRE(s.count == 6);
  REQUIRE(s.histogram == std::vector<std::uint32_t>{2, 3});  // {-inf, -1} and {0, 1, inf}
  REQUIRE(s.min == -inf);
  REQUIRE(s.max == inf);
  // Nothing finite: infinities at the ends, NaN nowhere.
  const std::vector<float> none = {nan, inf, -inf, inf};
  REQUIRE(Summary::of(none, 3).histogram == std::vector<std::uint32_t>{1, 0, 2});
  REQUIRE(Summary::of(std::vector<float>{nan}, 3).histogram == std::vector<std::uint32_t>{0, 0, 0});
}

TEST_CASE("per-layer statistics: histograms, dead ReLUs, saturation", "[model][stats]") {
  Model m = Model::from_spec_text(R"({"input":[1],"layers":[{"type":"linear","out":4},
    {"type":"relu"},{"type":"linear","out":2},{"type":"sigmoid"}]})");
  // Unit 3 of the ReLU layer gets bias −100: dead for every input in [−1, 1].
  std::vector<float> w1 = {1, -1, 0.5f, 1}, b1 = {0, 0, 0, -100}, w2 = {1, 1, 1, 1, 20, 0, 0, 0},
                     b2 = {0, 0};
  m.set_parameters({{"0.weight", w1}, {"0.bias", b1}, {"2.weight", w2}, {"2.bias", b2}});
  std::vector<float> x = {-1, -0.5f, 0.5f, 1};
  m.forward(x, 4);
  auto stats = m.stats(10);
  REQUIRE(stats.size() == 4);
  REQUIRE(stats[0].weights.count == 4);
  REQUIRE(stats[0].weights.mean == Approx(0.375));  // (1 − 1 + 0.5 + 1) / 4
  REQUIRE(stats[1].type == "relu");
  REQUIRE(stats[1].dead == Approx(0.25));
  std::uint32_t total = 0;
  for (auto h : stats[1].activations.histogram) total += h;
  REQUIRE(total == 16);
  // Sigmoid outputs: unit 0 is σ(|x|-ish) ∈ (0.5, 0.9), unit 1 is σ(20·relu(x)) > 0.99 for x ≥ 0.5
  // and exactly 0.5 for x < 0: 2 of the 8 outputs are saturated.
  REQUIRE(stats[3].saturated == Approx(2.0 / 8.0));
  REQUIRE(json::dump(stats[1].to_json()).find("\"dead\":0.25") != std::string::npos);
  // Layer outputs of the last forward: the ReLU layer's unit 0 is relu(x) for x = −1, …, 1.
  const Tensor& h = m.layer_output(1);
  REQUIRE(h.shape() == Shape{4, 4});
  REQUIRE(h[0 * 4 + 0] == 0.0f);
  REQUIRE(h[3 * 4 + 0] == 1.0f);
  REQUIRE_THROWS_WITH(m.layer_output(4), Catch::Contains("layer 4 does not exist"));
}

TEST_CASE("spec errors name the problem and what is allowed", "[model][errors]") {
  auto err = [](const char* spec) {
    try {
      Model::from_spec_text(spec);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  using Catch::Contains;
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"conv9"}]})"),
               Contains("unknown layer type \"conv9\"") && Contains("linear, relu"));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"linear","out":0}]})"),
               Contains("spec.layers[0].out must be between 1 and 65536, got 0"));
  REQUIRE_THAT(err(R"({"input":[0],"layers":[{"type":"relu"}]})"),
               Contains("spec.input[0] must be between 1"));
  REQUIRE_THAT(err(R"({"input":[4096],"layers":[{"type":"linear","out":20000}]})"),
               Contains("more than 2^26"));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[]})"), Contains("spec.layers is empty"));
  REQUIRE_THAT(err(R"({"input":[2]})"), Contains("spec needs \"layers\""));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"linear"}]})"), Contains("needs \"out\""));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"linear","out":"8"}]})"),
               Contains("out must be a number, got a string"));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"relu"}],"lr":1})"),
               Contains("unknown key \"lr\""));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"dropout","p":1}]})"),
               Contains("p must be in [0, 1)"));
  REQUIRE_THAT(err(R"({"input":[2,3],"layers":[{"type":"linear","out":2}]})"),
               Contains("put a flatten layer before it"));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"relu"}],"init":{"weight":"he"}})"),
               Contains("spec.init.weight: unknown initialiser \"he\""));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"relu"}],"seed":-1})"),
               Contains("spec.seed must be between 0"));
  REQUIRE_THAT(err(R"({"input":[2],"layers":[{"type":"relu"}])"), Contains("JSON: expected"));
  REQUIRE_THAT(err("[1,2]"), Contains("spec must be an object, got an array"));
}

TEST_CASE("bad calls throw, name the problem and leave the model unchanged", "[model][errors]") {
  Model m = Model::from_spec_text(kXorSpec);
  auto before = values(m);
  auto bce = make_loss("bce");
  auto adam = make_optimizer("adam");
  std::vector<float> x = {0, 0, 1, 1}, y = {0, 1};
  using Catch::Contains;
  REQUIRE_THROWS_WITH(m.forward(std::vector<float>{1, 2, 3}, 2),
                      Contains("x has 3 values, but a batch of 2 samples of shape [2] needs 4"));
  REQUIRE_THROWS_WITH(m.forward(x, 0), Contains("batch must be at least 1"));
  REQUIRE_THROWS_WITH(m.forward(std::vector<float>{0, NAN}, 1), Contains("value 1 is nan"));
  REQUIRE_THROWS_WITH(m.train_step(x, std::vector<float>{0}, 2, *bce, *adam),
                      Contains("y has 1 values, but 2 samples need 2"));
  REQUIRE_THROWS_WITH(m.train_step(x, std::vector<float>{0, 2}, 2, *bce, *adam),
                      Contains("targets must be in [0, 1]"));
  REQUIRE_THROWS_WITH(m.train_step(x, y, 2, *bce, *adam, TrainOptions{-1}), Contains("l1"));
  REQUIRE_THROWS_WITH(m.train_step(x, std::vector<float>{0, NAN}, 2, *bce, *adam),
                      Contains("train_step: y value 1 is nan"));
  auto ce = make_loss("cross_entropy");
  REQUIRE_THROWS_WITH(m.train_step(x, y, 2, *ce, *adam), Contains("needs one logit per class"));
  REQUIRE_THROWS_WITH(m.train_epoch(x, y, 2, 0, *bce, *adam), Contains("batch must be at least 1"));
  REQUIRE_THROWS_WITH(m.stats(0), Contains("bins must be between 1 and 1024"));
  // A bad target in the last sample is caught before the first batch is trained on.
  std::vector<float> x4 = {0, 0, 0, 1, 1, 0, 1, 1}, y4 = {0, 1, 1, 7};
  REQUIRE_THROWS_WITH(m.train_epoch(x4, y4, 4, 1, *bce, *adam), Contains("target 3 is 7"));
  REQUIRE_THROWS_WITH(make_optimizer("adagrad"), Contains("unknown optimizer") || Contains("adagrad"));
  REQUIRE_THROWS_WITH(adam->set_lr(NAN), Contains("lr"));
  REQUIRE_THROWS_WITH(adam->set_lr(-0.1f), Contains("lr"));
  std::vector<float> short_w = {1, 2};
  REQUIRE_THROWS_WITH(m.set_parameters({{"0.weight", short_w}}), Contains("got 1 parameters"));
  REQUIRE(values(m) == before);
  REQUIRE(adam->steps() == 0);
  // ...and the model still works.
  REQUIRE(std::isfinite(m.train_step(x, y, 2, *bce, *adam)));
}

TEST_CASE("model files: wrong format, version, shape or truncation are refused", "[model][io][errors]") {
  Model m = Model::from_spec_text(kXorSpec);
  json::Value saved = m.to_json();
  using Catch::Contains;
  json::Value v2 = saved;
  v2["version"] = 2;
  REQUIRE_THROWS_WITH(Model::from_json(v2), Contains("version 2; this Layerwise reads version 1"));
  json::Value foreign = saved;
  foreign["format"] = "keras";
  REQUIRE_THROWS_WITH(Model::from_json(foreign), Contains("not a Layerwise model file"));
  json::Value renamed = json::parse(json::dump(saved));
  renamed["parameters"] = json::parse(
      R"([{"name":"0.weight","shape":[8,2],"data":[1]}])");
  REQUIRE_THROWS_WITH(Model::from_json(renamed), Contains("got 1 parameters, the model has 4"));
  auto bytes = m.to_binary();
  bytes.resize(bytes.size() - 3);
  REQUIRE_THROWS_WITH(Model::from_binary(bytes), Contains("truncated"));
  std::vector<std::uint8_t> junk = {'P', 'K', 3, 4, 0, 0};
  REQUIRE_THROWS_WITH(Model::from_binary(junk), Contains("bad magic"));
}

TEST_CASE("a binary model whose shape is not the spec's is refused", "[model][io][errors]") {
  // The binary layout (model_io.cpp): magic, version, spec text, count, then per parameter its
  // name, ndim, dims (u32 little-endian) and floats. A transposed 0.weight holds as many floats
  // as the right one, so only the shape check can catch it.
  Model m = Model::from_spec_text(R"({"input":[3],"layers":[{"type":"linear","out":2}]})");
  auto bytes = m.to_binary();
  const std::string spec = json::dump(m.spec());
  const std::size_t dims = 4 + 4 + 4 + spec.size() + 4 + 4 + std::string("0.weight").size() + 4;
  auto u32 = [&](std::size_t at) {
    return bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | std::uint32_t(bytes[at + 3]) << 24;
  };
  REQUIRE(u32(dims - 4) == 2);  // ndim, then [2, 3]: the layout is as read above
  REQUIRE(u32(dims) == 2);
  REQUIRE(u32(dims + 4) == 3);
  std::swap(bytes[dims], bytes[dims + 4]);  // [3, 2]
  REQUIRE_THROWS_WITH(Model::from_binary(bytes),
                      Catch::Contains("binary model: 0.weight has shape [3, 2], expected [2, 3]"));
  std::swap(bytes[dims], bytes[dims + 4]);
  REQUIRE(Model::from_binary(bytes).to_binary() == bytes);
}

TEST_CASE("initialisers that would draw past float32's range are refused before any weight changes",
          "[model][init][errors]") {
  // Found by tests/fuzz/fuzz_model.cpp: a bias "constant" of 1.1e107 is finite in double and
  // became +inf as a float; the model trained on infinite biases, saved them as null, and its
  // file did not load back. Each number is now checked as a float32, and each initialiser's
  // largest draw with the layer's fans (2 in, 8 out here), worked out by hand:
  //   uniform(-3e38, 3e38): the draw computes b - a = 6e38 > FLT_MAX (3.40e38);
  //   normal(0, 1e38): |z| reaches 5.77, so draws reach 5.77e38;
  //   xavier_uniform gain 3e38: bound 3e38·√(6/10) = 2.32e38, and 2·bound = 4.6e38;
  //   normal(0, 5e37) stays within 5.77 · 5e37 = 2.9e38: accepted, and every weight is finite.
  using Catch::Contains;
  auto spec = [](const std::string& weight, const std::string& bias) {
    return R"({"input":[2],"layers":[{"type":"linear","out":8,"init":{"weight":)" + weight +
           R"(,"bias":)" + bias + R"(}}],"seed":1})";
  };
  REQUIRE_THROWS_WITH(Model::from_spec_text(spec(R"("zeros")", R"({"type":"constant","value":1.1e107})")),
                      Contains("init.bias.value must be a number that fits a float32") &&
                          Contains("got 1.1e+107"));
  REQUIRE_THROWS_WITH(Model::from_spec_text(spec(R"({"type":"normal","mean":-4e38})", R"("zeros")")),
                      Contains("init.weight.mean must be a number that fits a float32"));
  REQUIRE_THROWS_WITH(Model::from_spec_text(spec(R"({"type":"uniform","a":-3e38,"b":3e38})", R"("zeros")")),
                      Contains("0.weight: uniform would draw values too large for a float32"));
  REQUIRE_THROWS_WITH(Model::from_spec_text(spec(R"({"type":"normal","std":1e38})", R"("zeros")")),
                      Contains("0.weight: normal would draw values too large for a float32"));
  REQUIRE_THROWS_WITH(Model::from_spec_text(spec(R"({"type":"xavier_uniform","gain":3e38})", R"("zeros")")),
                      Contains("0.weight: xavier_uniform would draw values too large"));
  Model big = Model::from_spec_text(spec(R"({"type":"normal","std":5e37})", R"({"type":"constant","value":-3e38})"));
  for (Param* p : big.params())
    for (float v : p->value.span()) REQUIRE(std::isfinite(v));
  // and what built saves and loads back
  REQUIRE(json::dump(Model::from_json(json::parse(json::dump(big.to_json()))).to_json()) ==
          json::dump(big.to_json()));
  // A saved model's weights are float32 too: 1e39 in place of the first is refused by name.
  std::string text = json::dump(big.to_json());
  const std::size_t first = text.find("\"data\":[") + 8;
  text.replace(first, text.find(',', first) - first, "1e39");
  REQUIRE_THROWS_WITH(Model::from_json(json::parse(text)), Contains("parameters[0].data must be a number that fits a float32") && Contains("got 1e+39"));
}

TEST_CASE("a model whose training diverged is not saved: the message says why", "[model][io][errors]") {
  // Found by tests/fuzz/fuzz_model.cpp: a bias of 1.1e34 (a float) made one Adam step turn
  // weights into NaN; to_json wrote them as null and from_json refused its own file. Loading
  // takes finite weights only, so saving refuses a non-finite one, in both formats, by name.
  Model m = Model::from_spec_text(kXorSpec);
  // set_parameters refuses NaN, so it goes in place as a diverged step would put it
  m.params()[0]->value[3] = std::nanf("");
  using Catch::Contains;
  REQUIRE_THROWS_WITH(m.to_json(), Contains("cannot save the model: 0.weight[3] is nan (training diverged)"));
  REQUIRE_THROWS_WITH(m.to_binary(), Contains("cannot save the model: 0.weight[3] is nan"));
  m.params()[0]->value[3] = std::numeric_limits<float>::infinity();
  REQUIRE_THROWS_WITH(m.to_json(), Contains("0.weight[3] is inf"));
  m.reset(42);  // what the message suggests
  REQUIRE(Model::from_json(m.to_json()).to_binary() == m.to_binary());
}
