// Model::trace_step, the numbers of the backprop stepper: one example worked by hand, every
// gradient against central differences, and the same gradients and update as train_step for
// every optimiser configuration; a look-ahead (apply false) changes nothing.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "error.hpp"
#include "gradcheck.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"

using namespace lw;

namespace {

std::vector<float> as_vector(const Tensor& t) { return {t.span().begin(), t.span().end()}; }

std::vector<float> values(Model& m) {
  std::vector<float> all;
  for (Param* p : m.params()) all.insert(all.end(), p->value.span().begin(), p->value.span().end());
  return all;
}

std::vector<float> gradients(Model& m) {
  std::vector<float> all;
  for (Param* p : m.params()) all.insert(all.end(), p->grad.span().begin(), p->grad.span().end());
  return all;
}

// The hand-worked network of test_model.cpp: W1 = [[1, −1], [2, 1]], b1 = [0, −1],
// W2 = [[3, −2]], b2 = [0.5].
Model hand_network() {
  Model m = Model::from_spec_text(R"({"input":[2],"layers":[{"type":"linear","out":2},
    {"type":"relu"},{"type":"linear","out":1}]})");
  std::vector<float> w1 = {1, -1, 2, 1}, b1 = {0, -1}, w2 = {3, -2}, b2 = {0.5f};
  m.set_parameters({{"0.weight", w1}, {"0.bias", b1}, {"2.weight", w2}, {"2.bias", b2}});
  return m;
}

const char* kDeepSpec = R"({"input":[3],"layers":[{"type":"linear","out":5},{"type":"tanh"},
  {"type":"linear","out":4},{"type":"leaky_relu","slope":0.1},{"type":"linear","out":3}],
  "init":{"weight":"xavier_normal","bias":{"type":"uniform","a":-0.1,"b":0.1}},"seed":11})";

}  // namespace

TEST_CASE("trace_step worked by hand: forward, loss, δ, gradients and the SGD update",
          "[trace]") {
  Model m = hand_network();
  auto mse = make_loss("mse");
  auto sgd = make_optimizer("sgd", json::parse(R"({"lr":0.1})"));
  std::vector<float> x = {1, 3}, y = {-6.5f};
  StepTrace t = m.trace_step(x, y, *mse, *sgd);
  // Forward: z1 = [1 − 3, 2 + 3 − 1] = [−2, 4]; a1 = relu(z1) = [0, 4]; ŷ = 0 − 8 + 0.5 = −7.5.
  REQUIRE(as_vector(t.input) == std::vector<float>{1, 3});
  REQUIRE(t.layers.size() == 3);
  REQUIRE(as_vector(t.layers[0].output) == std::vector<float>{-2, 4});
  REQUIRE(as_vector(t.layers[1].output) == std::vector<float>{0, 4});
  REQUIRE(as_vector(t.layers[2].output) == std::vector<float>{-7.5f});
  // Loss (ŷ − y)² = 1; ∂L/∂ŷ = 2(ŷ − y) = −2, the output unit's δ.
  REQUIRE(t.loss == Approx(1.0));
  REQUIRE(t.penalty == 0.0);
  REQUIRE(as_vector(t.layers[2].grad_output) == std::vector<float>{-2});
  // Backward: ∂L/∂a1 = W2ᵀ·δ2 = [−6, 4]; δ1 = ∂L/∂z1 = [−6·relu'(−2), 4·relu'(4)] = [0, 4].
  REQUIRE(as_vector(t.layers[1].grad_output) == std::vector<float>{-6, 4});
  REQUIRE(as_vector(t.layers[0].grad_output) == std::vector<float>{0, 4});
  // ∂L/∂W2 = δ2·a1ᵀ = [0, −8], ∂L/∂b2 = −2; ∂L/∂W1 = δ1·xᵀ = [[0, 0], [4, 12]], ∂L/∂b1 = [0, 4].
  REQUIRE(t.params.size() == 4);
  REQUIRE(t.params[0].name == "0.weight");
  REQUIRE(as_vector(t.params[0].grad) == std::vector<float>{0, 0, 4, 12});
  REQUIRE(as_vector(t.params[1].grad) == std::vector<float>{0, 4});
  REQUIRE(as_vector(t.params[2].grad) == std::vector<float>{0, -8});
  REQUIRE(as_vector(t.params[3].grad) == std::vector<float>{-2});
  // SGD: w − 0.1·g.
  REQUIRE(as_vector(t.params[0].value) == std::vector<float>{1, -1, 2, 1});
  const float w1[] = {1, -1, 1.6f, -0.2f}, w2[] = {3, -1.2f};
  for (std::size_t i = 0; i < 4; ++i) REQUIRE(t.params[0].updated[i] == Approx(w1[i]));
  for (std::size_t i = 0; i < 2; ++i) REQUIRE(t.params[2].updated[i] == Approx(w2[i]));
  REQUIRE(t.params[3].updated[0] == Approx(0.7f));
  REQUIRE(t.step == 1);
  REQUIRE(t.params[0].state.empty());  // plain SGD keeps no state
}

TEST_CASE("trace_step's gradients match central differences for every loss", "[trace][gradcheck]") {
  struct Case {
    const char* loss;
    const char* head;  // the layers after the last linear
    std::size_t out;
    std::vector<float> y;
  };
  const Case cases[] = {
      {"cross_entropy", "", 3, {2}},
      {"mse", "", 3, {0.5f, -1, 2}},
      {"bce_with_logits", "", 1, {1}},
      {"bce", R"(,{"type":"sigmoid"})", 1, {0}},
  };
  for (const Case& c : cases) {
    std::string spec = std::string(R"({"input":[3],"layers":[{"type":"linear","out":5},)") +
                       R"({"type":"tanh"},{"type":"linear","out":4},{"type":"leaky_relu",)" +
                       R"("slope":0.1},{"type":"linear","out":)" + std::to_string(c.out) + "}" +
                       c.head + R"(],"init":{"weight":"xavier_normal"},"seed":5})";
    Model m = Model::from_spec_text(spec);
    auto loss = make_loss(c.loss);
    auto adam = make_optimizer("adam");
    std::vector<float> x = {0.7f, -1.2f, 0.4f};
    StepTrace t = m.trace_step(x, c.y, *loss, *adam);
    auto ps = m.params();
    for (std::size_t i = 0; i < ps.size(); ++i) {
      INFO(c.loss << ": " << ps[i]->name);
      test::expect_gradient(ps[i]->value.span(), t.params[i].grad.span(),
                            [&] { return loss->value(m.forward(x, 1), c.y.data()); });
    }
    // A bias's gradient is its units' δ (batch 1): ∂L/∂b = ∂L/∂z.
    for (std::size_t layer : {0u, 2u, 4u})  // layer i's bias is parameter i + 1
      REQUIRE(as_vector(t.params[layer + 1].grad) == as_vector(t.layers[layer].grad_output));
  }
}

TEST_CASE("trace_step gives train_step's gradients and update, for every optimiser",
          "[trace][optim]") {
  const std::pair<const char*, const char*> configs[] = {
      {"sgd", R"({"lr":0.1})"},
      {"sgd", R"({"lr":0.05,"momentum":0.9,"dampening":0.1,"weight_decay":0.01})"},
      {"sgd", R"({"lr":0.05,"momentum":0.8,"nesterov":true})"},
      {"adam", R"({"lr":0.01})"},
      {"adam", R"({"lr":0.01,"amsgrad":true,"weight_decay":0.001})"},
      {"adamw", R"({"lr":0.01})"},
      {"rmsprop", R"({"lr":0.01})"},
      {"rmsprop", R"({"lr":0.01,"momentum":0.9,"centered":true})"},
      {"rmsprop", R"({"lr":0.01,"centered":true})"},
  };
  auto loss = make_loss("cross_entropy");
  Rng rng(3);
  for (auto [name, options] : configs) {
    INFO(name << " " << options);
    Model a = Model::from_spec_text(kDeepSpec), b = Model::from_spec_text(kDeepSpec);
    auto opt_a = make_optimizer(name, json::parse(options));
    auto opt_b = make_optimizer(name, json::parse(options));
    for (int step = 1; step <= 4; ++step) {
      std::vector<float> x = {rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)};
      std::vector<float> y = {float(rng.below(3))};
      TrainOptions l1{step == 3 ? 0.01f : 0.0f};
      StepTrace ahead = a.trace_step(x, y, *loss, *opt_a, l1);
      StepTrace made = a.trace_step(x, y, *loss, *opt_a, l1, true);
      float mean = b.train_step(x, y, 1, *loss, *opt_b, l1);
      REQUIRE(float(made.loss + made.penalty) == mean);
      REQUIRE(made.step == step);
      REQUIRE(ahead.step == step);
      auto pb = b.params();
      for (std::size_t i = 0; i < pb.size(); ++i) {
        INFO(pb[i]->name << " step " << step);
        REQUIRE(as_vector(made.params[i].grad) == as_vector(pb[i]->grad));
        REQUIRE(as_vector(made.params[i].updated) == as_vector(pb[i]->value));
        REQUIRE(as_vector(ahead.params[i].updated) == as_vector(pb[i]->value));
        REQUIRE(made.params[i].state.size() == ahead.params[i].state.size());
        std::size_t used = 0;
        for (std::string_view n : opt_b->state_names()) used += !n.empty();
        REQUIRE(made.params[i].state.size() == used);
        for (std::size_t s = 0; s < made.params[i].state.size(); ++s)
          REQUIRE(as_vector(made.params[i].state[s].second) ==
                  as_vector(ahead.params[i].state[s].second));
      }
      REQUIRE(values(a) == values(b));
    }
  }
}

TEST_CASE("the optimiser's state after a traced step, by PyTorch's names", "[trace][optim]") {
  Model m = hand_network();
  auto mse = make_loss("mse");
  std::vector<float> x = {1, 3}, y = {-6.5f};
  // Step 1 of momentum SGD starts the buffer at the gradient.
  auto sgd = make_optimizer("sgd", json::parse(R"({"lr":0.1,"momentum":0.9})"));
  StepTrace t = m.trace_step(x, y, *mse, *sgd);
  REQUIRE(t.params[0].state.size() == 1);
  REQUIRE(t.params[0].state[0].first == "momentum_buffer");
  REQUIRE(as_vector(t.params[0].state[0].second) == as_vector(t.params[0].grad));
  // Adam at step 1: m = (1 − β1)·g, v = (1 − β2)·g², and the step is lr·sign(g) (up to eps).
  auto adam = make_optimizer("adam", json::parse(R"({"lr":0.01,"betas":[0.8,0.9]})"));
  t = m.trace_step(x, y, *mse, *adam);
  REQUIRE(t.params[0].state.size() == 2);
  REQUIRE(t.params[0].state[0].first == "exp_avg");
  REQUIRE(t.params[0].state[1].first == "exp_avg_sq");
  for (std::size_t i = 0; i < 4; ++i) {
    float g = t.params[0].grad[i];
    REQUIRE(t.params[0].state[0].second[i] == Approx(0.2f * g));
    REQUIRE(t.params[0].state[1].second[i] == Approx(0.1f * g * g));
    float step = t.params[0].value[i] - t.params[0].updated[i];
    REQUIRE(step == Approx(g == 0 ? 0.0f : 0.01f * (g > 0 ? 1 : -1)).margin(1e-6));
  }
  // RMSprop centered with momentum: all three buffers, named.
  auto rms = make_optimizer("rmsprop", json::parse(R"({"momentum":0.5,"centered":true})"));
  t = m.trace_step(x, y, *mse, *rms);
  REQUIRE(t.params[3].state.size() == 3);
  REQUIRE(t.params[3].state[0].first == "square_avg");
  REQUIRE(t.params[3].state[1].first == "momentum_buffer");
  REQUIRE(t.params[3].state[2].first == "grad_avg");
  // g = −2 (b2): v = 0.01·4 = 0.04, ḡ = 0.01·(−2) = −0.02, buf = g / (√(v − ḡ²) + eps).
  REQUIRE(t.params[3].state[0].second[0] == Approx(0.04f));
  REQUIRE(t.params[3].state[2].second[0] == Approx(-0.02f));
  REQUIRE(t.params[3].state[1].second[0] == Approx(-2.0 / std::sqrt(0.04 - 0.0004)));
}

TEST_CASE("a look-ahead trace changes nothing; a refused one neither", "[trace][errors]") {
  Model m = Model::from_spec_text(kDeepSpec), twin = Model::from_spec_text(kDeepSpec);
  auto loss = make_loss("cross_entropy");
  auto opt = make_optimizer("adam", json::parse(R"({"lr":0.01})"));
  auto opt_twin = make_optimizer("adam", json::parse(R"({"lr":0.01})"));
  std::vector<float> xb = {0.1f, 0.2f, 0.3f, -0.5f, 0.5f, 1.0f}, yb = {0, 2};
  m.train_step(xb, yb, 2, *loss, *opt);
  twin.train_step(xb, yb, 2, *loss, *opt_twin);
  auto stats_json = [](Model& model) {
    json::Value::Array all;
    for (const LayerStats& s : model.stats()) all.push_back(s.to_json());
    return json::dump(json::Value(std::move(all)));
  };
  const std::string stats_before = stats_json(m);
  const std::vector<float> grads_before = gradients(m), out_before = as_vector(m.layer_output(4));

  std::vector<float> x = {0.3f, -0.2f, 0.9f}, y = {1};
  m.trace_step(x, y, *loss, *opt, TrainOptions{0.01f});
  REQUIRE(values(m) == values(twin));
  REQUIRE(gradients(m) == grads_before);
  REQUIRE(as_vector(m.layer_output(4)) == out_before);
  REQUIRE(stats_json(m) == stats_before);
  REQUIRE(opt->steps() == 1);

  // Refused: a wrong input size, a wrong target, a NaN input; then a NaN the loss refuses
  // (a prediction that is not a probability), after the forward pass has run.
  REQUIRE_THROWS_WITH(m.trace_step(std::vector<float>{1, 2}, y, *loss, *opt),
                      Catch::Contains("x has 2 values"));
  REQUIRE_THROWS_WITH(m.trace_step(x, std::vector<float>{3}, *loss, *opt),
                      Catch::Contains("class"));
  REQUIRE_THROWS_WITH(
      m.trace_step(std::vector<float>{1, std::numeric_limits<float>::quiet_NaN(), 0}, y, *loss, *opt),
      Catch::Contains("finite"));
  // The loss refuses a prediction only after the forward pass has filled the layer buffers.
  auto bce = make_loss("bce");
  REQUIRE_THROWS_WITH(m.trace_step(x, std::vector<float>{1, 0, 1}, *bce, *opt),
                      Catch::Contains("bce needs probabilities"));
  REQUIRE(values(m) == values(twin));
  REQUIRE(gradients(m) == grads_before);
  REQUIRE(as_vector(m.layer_output(4)) == out_before);
  REQUIRE(stats_json(m) == stats_before);
  REQUIRE(opt->steps() == 1);

  // And the model trains on exactly as its twin does.
  REQUIRE(m.train_step(x, y, 1, *loss, *opt) == twin.train_step(x, y, 1, *loss, *opt_twin));
  REQUIRE(values(m) == values(twin));
}

TEST_CASE("trace_step on a conv net (the images mode): gradients by central differences, train_step's update",
          "[trace][conv]") {
  const char* spec = R"({"input":[1,6,6],"layers":[
    {"type":"conv2d","out":2,"kernel":3,"padding":1},{"type":"relu"},
    {"type":"maxpool2d","kernel":2},{"type":"flatten"},{"type":"linear","out":3}],"seed":4})";
  Model m = Model::from_spec_text(spec), twin = Model::from_spec_text(spec);
  std::vector<float> x(36), y = {1};
  for (std::size_t i = 0; i < x.size(); ++i)  // distinct values: no max-pool ties under ± h
    x[i] = -1.0f + 2.0f * float((i * 13) % 36) / 36.0f;
  auto loss = make_loss("cross_entropy");
  auto sgd = make_optimizer("sgd", json::parse(R"({"lr":0.1,"momentum":0.5})"));
  auto sgd_twin = make_optimizer("sgd", json::parse(R"({"lr":0.1,"momentum":0.5})"));
  StepTrace t = m.trace_step(x, y, *loss, *sgd);
  REQUIRE(t.layers[0].output.shape() == Shape{1, 2, 6, 6});   // a picture per channel
  REQUIRE(t.layers[2].grad_output.shape() == Shape{1, 2, 3, 3});
  auto ps = m.params();
  for (std::size_t i = 0; i < ps.size(); ++i) {
    INFO(ps[i]->name);
    test::expect_gradient(ps[i]->value.span(), t.params[i].grad.span(),
                          [&] { return loss->value(m.forward(x, 1), y.data()); });
  }
  StepTrace made = m.trace_step(x, y, *loss, *sgd, {}, true);
  twin.train_step(x, y, 1, *loss, *sgd_twin);
  REQUIRE(values(m) == values(twin));
  for (std::size_t i = 0; i < ps.size(); ++i)
    REQUIRE(as_vector(made.params[i].updated) == as_vector(twin.params()[i]->value));
}
