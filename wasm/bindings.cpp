// Embind registration of the engine, for the engine's JS module (wasm/api.mjs and its helpers
// handles.mjs and optim.mjs) and nothing else.
//
// This file only registers and converts. Every name starts with "_": JavaScript users never
// see these objects; api.mjs wraps them in the idiomatic API of docs/js-api.md (checks,
// camelCase options, LayerwiseError, dispose). Conventions at this boundary:
//   - Arrays cross once per call, never per element: a Float32Array argument is copied into
//     wasm memory with one TypedArray.prototype.set; a Float32Array result is a fresh copy,
//     so no view of wasm memory escapes (memory growth cannot detach what a caller holds).
//     One call also writes into its argument: _stepFree copies the new values back into the
//     buffer optim.mjs passed it (its own, never the caller's array).
//   - The hot calls, forward and trainStep, skip Embind altogether (see lw_stage_x below):
//     JavaScript writes the batch into buffers the model owns and passes numbers only.
//   - Structured values (spec, optimiser options, saved model, statistics) cross as JSON text.
//     Strings come in as `val`, never as std::string: Embind frees a std::string argument's
//     wire buffer only after a call that returns, so a call that throws would leak it.
//   - Every call catches std::exception (lw::Error above all) and throws a JS Error carrying
//     its message, so a bad input never aborts the module (docs/toolchain.md, trap 6). The
//     throw skips the epilogues of the wasm frames it leaves, so handles.mjs restores the stack
//     pointer (stackSave/stackRestore) around every call.
//   - Engine objects live in boxes created with `new`; the JS handle owns the box and frees
//     it with delete() (handles.mjs: dispose()).
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <new>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/dataset.hpp"
#include "error.hpp"
#include "json.hpp"
#include "losses/loss.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"

namespace {

using emscripten::val;

// operator new calls since the module loaded (lw.memory().allocations): a training step that
// allocates shows up here even when it frees everything again.
std::size_t new_calls = 0;

struct ModelBox {
  lw::Model model;
  // The batch of the hot calls (lw_train_step, lw_forward), written here by JavaScript: x in
  // the model's own input buffer (read in place), y in `targets`. Both grow on demand and
  // are kept, so a training loop allocates nothing per step.
  float* x = nullptr;
  std::vector<float> targets = {};
};
struct LossBox {
  std::unique_ptr<lw::Loss> loss;
};
struct OptimizerBox {
  std::unique_ptr<lw::Optimizer> optimizer;
  // Free parameters (lw.optim.Adam([w, ...])): the engine's copies of arrays JavaScript owns,
  // refilled at every optimizer_step_free; empty for a model's optimiser.
  std::vector<lw::Param> free = {};
  lw::ParamList free_list = {};
  std::vector<float> staging = {};  // their values, then their gradients, as JS sends them
};
struct DatasetBox {
  lw::Dataset data;
};

// Errors. The message is copied out and the C++ exception finished before the JS Error is
// thrown, so a failed call leaves no exception object behind.
std::string error_message;

[[noreturn]] void throw_js_error() { val::global("Error").new_(error_message).throw_(); }

template <class F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    error_message = e.what();
  }
  throw_js_error();
}

// Arrays: one copy in, one copy out.
std::vector<float> floats_in(const val& array) {
  std::vector<float> out(array["length"].as<std::size_t>());
  val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", array);
  return out;
}

val floats_out(std::span<const float> v) {
  return val::global("Float32Array").new_(emscripten::typed_memory_view(v.size(), v.data()));
}

template <class T>
val array_of(const std::vector<T>& items) {
  val out = val::array();
  for (const T& item : items) out.call<void>("push", val(item));
  return out;
}

val names_of(const std::vector<std::string_view>& names) {
  val out = val::array();
  for (std::string_view n : names) out.call<void>("push", val(std::string(n)));
  return out;
}

std::string string_of(const val& s) { return s.as<std::string>(); }

std::uint64_t seed_of(double seed) { return static_cast<std::uint64_t>(seed); }  // checked in JS

// Model.
ModelBox* model_from_spec(const val& text) {
  return guarded([&] { return new ModelBox{lw::Model::from_spec_text(string_of(text))}; });
}

ModelBox* model_from_json(const val& text) {
  return guarded(
      [&] { return new ModelBox{lw::Model::from_json(lw::json::parse(string_of(text)))}; });
}


float model_train_epoch(ModelBox& m, const DatasetBox& d, std::size_t batch, const LossBox& loss,
                        OptimizerBox& opt, float l1) {
  return guarded([&] {
    return m.model.train_epoch(d.data.x.span(), d.data.y.span(), d.data.size(), batch,
                               *loss.loss, *opt.optimizer, lw::TrainOptions{l1});
  });
}

// One example's step, recorded (Model::trace_step):
//   {loss, penalty, step, input, layers: [{output, gradOutput}],
//    params: [{name, shape, value, grad, updated, state: {name: Float32Array}}]}.
// Built through put() and push(): one template instance each, not one per key length.
void put(val& object, const char* key, const val& value) { object.set(key, value); }
void push(val& array, const val& value) { array.call<void>("push", value); }

val model_trace_step(ModelBox& m, const val& x, const val& y, const LossBox& loss,
                     OptimizerBox& opt, float l1, bool apply) {
  return guarded([&] {
    lw::StepTrace t = m.model.trace_step(floats_in(x), floats_in(y), *loss.loss, *opt.optimizer,
                                         lw::TrainOptions{l1}, apply);
    val out = val::object(), layers = val::array(), params = val::array();
    put(out, "loss", val(t.loss));
    put(out, "penalty", val(t.penalty));
    put(out, "step", val(static_cast<double>(t.step)));
    put(out, "input", floats_out(t.input.span()));
    for (const lw::LayerTrace& l : t.layers) {
      val item = val::object();
      put(item, "output", floats_out(l.output.span()));
      put(item, "gradOutput", floats_out(l.grad_output.span()));
      push(layers, item);
    }
    for (const lw::ParamTrace& p : t.params) {
      val item = val::object(), state = val::object();
      put(item, "name", val(p.name));
      put(item, "shape", array_of(p.value.shape()));
      put(item, "value", floats_out(p.value.span()));
      put(item, "grad", floats_out(p.grad.span()));
      put(item, "updated", floats_out(p.updated.span()));
      for (const auto& entry : p.state) put(state, entry.first.c_str(), floats_out(entry.second.span()));
      put(item, "state", state);
      push(params, item);
    }
    put(out, "layers", layers);
    put(out, "params", params);
    return out;
  });
}

// Every layer's output from the last forward pass: one Float32Array per layer.
val model_layer_outputs(const ModelBox& m) {
  return guarded([&] {
    val out = val::array();
    for (std::size_t i = 0; i < m.model.num_layers(); ++i)
      out.call<void>("push", floats_out(m.model.layer_output(i).span()));
    return out;
  });
}

val model_evaluate(ModelBox& m, const DatasetBox& d, const LossBox& loss) {
  return guarded([&] {
    lw::Evaluation e = m.model.evaluate(d.data.x.span(), d.data.y.span(), d.data.size(),
                                        *loss.loss, !d.data.regression());
    val out = val::object();
    out.set("loss", e.loss);
    out.set("accuracy", e.accuracy ? val(*e.accuracy) : val::null());
    return out;
  });
}

// [{name, shape, data}] of every parameter's values, or of its gradient from the last step.
val model_parameters(ModelBox& m, bool gradients) {
  return guarded([&] {
    val out = val::array();
    for (lw::Param* p : m.model.params()) {
      val item = val::object();
      item.set("name", p->name);
      item.set("shape", array_of(p->value.shape()));
      item.set("data", floats_out(gradients ? p->grad.span() : p->value.span()));
      out.call<void>("push", item);
    }
    return out;
  });
}

// list: [{name, data: Float32Array}, ...] in the model's order.
void model_set_parameters(ModelBox& m, const val& list) {
  guarded([&] {
    const auto n = list["length"].as<std::size_t>();
    std::vector<std::vector<float>> storage;
    std::vector<std::pair<std::string, std::span<const float>>> values;
    storage.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      val item = list[i];
      values.emplace_back(item["name"].as<std::string>(), storage.emplace_back(floats_in(item["data"])));
    }
    m.model.set_parameters(values);
  });
}

std::string model_to_json(const ModelBox& m) {
  return guarded([&] { return lw::json::dump(m.model.to_json()); });
}

std::string model_spec(const ModelBox& m) {
  return guarded([&] { return lw::json::dump(m.model.spec()); });
}

std::string model_stats(const ModelBox& m, std::size_t bins) {
  return guarded([&] {
    lw::json::Value::Array layers;
    for (const lw::LayerStats& s : m.model.stats(bins)) layers.push_back(s.to_json());
    return lw::json::dump(lw::json::Value(std::move(layers)));
  });
}

void model_reset(ModelBox& m, double seed) {
  guarded([&] { m.model.reset(seed_of(seed)); });
}

val model_input_shape(const ModelBox& m) { return array_of(m.model.input_shape()); }
val model_output_shape(const ModelBox& m) { return array_of(m.model.output_shape()); }
double model_num_params(const ModelBox& m) { return static_cast<double>(m.model.num_params()); }

// Loss.
LossBox* loss_create(const val& name) {
  return guarded([&] { return new LossBox{lw::make_loss(string_of(name))}; });
}

// Optimizer.
OptimizerBox* optimizer_create(const val& name, const val& options) {
  return guarded([&] {
    return new OptimizerBox{
        lw::make_optimizer(string_of(name), lw::json::parse(string_of(options)))};
  });
}

// An optimiser of free parameters of the given sizes, named "params[i]" as optim.mjs names
// them (sizes are checked there: whole numbers >= 1).
OptimizerBox* optimizer_create_free(const val& name, const val& options, const val& sizes) {
  return guarded([&] {
    std::unique_ptr<OptimizerBox> box(new OptimizerBox{
        lw::make_optimizer(string_of(name), lw::json::parse(string_of(options)))});
    std::size_t total = 0;
    for (double n : emscripten::vecFromJSArray<double>(sizes)) {
      const auto size = static_cast<std::size_t>(n);
      box->free.emplace_back(lw::str("params[", box->free.size(), "]"), lw::Shape{size});
      total += size;
    }
    for (lw::Param& p : box->free) box->free_list.push_back(&p);
    box->staging.resize(2 * total);
    return box.release();
  });
}

// One step of free parameters. `buffer` holds every parameter's values, concatenated in order,
// then their gradients likewise (checked in optim.mjs: lengths, finite): one copy in, one
// step, and the new values copied back over the first half of `buffer`.
void optimizer_step_free(OptimizerBox& o, const val& buffer) {
  guarded([&] {
    lw::check(!o.free.empty(), "step: this optimizer updates a model's parameters");
    std::vector<float>& staging = o.staging;
    val(emscripten::typed_memory_view(staging.size(), staging.data())).call<void>("set", buffer);
    const float* values = staging.data();
    const float* grads = staging.data() + staging.size() / 2;
    for (lw::Param& p : o.free) {
      std::copy_n(values, p.size(), p.value.data());
      std::copy_n(grads, p.size(), p.grad.data());
      values += p.size();
      grads += p.size();
    }
    o.optimizer->step(o.free_list);
    float* out = staging.data();
    for (const lw::Param& p : o.free) out = std::copy_n(p.value.data(), p.size(), out);
    buffer.call<void>("set", val(emscripten::typed_memory_view(staging.size() / 2, staging.data())));
  });
}

void optimizer_set(OptimizerBox& o, const val& options) {
  guarded([&] { o.optimizer->set(lw::json::parse(string_of(options))); });
}

void optimizer_set_lr(OptimizerBox& o, float lr) {
  guarded([&] { o.optimizer->set_lr(lr); });
}

std::string optimizer_options(const OptimizerBox& o) {
  return guarded([&] { return lw::json::dump(o.optimizer->options()); });
}

float optimizer_lr(const OptimizerBox& o) { return o.optimizer->lr(); }
double optimizer_steps(const OptimizerBox& o) { return static_cast<double>(o.optimizer->steps()); }
void optimizer_reset(OptimizerBox& o) { o.optimizer->reset(); }

// Dataset.
DatasetBox* dataset_generate(const val& name, std::size_t n, float noise, double seed) {
  return guarded(
      [&] { return new DatasetBox{lw::generate(string_of(name), n, noise, seed_of(seed))}; });
}

DatasetBox* dataset_from_arrays(const val& x, const val& y, std::size_t n, std::size_t features,
                                int classes) {
  return guarded([&] {
    return new DatasetBox{lw::make_dataset(floats_in(x), floats_in(y), n, features, classes)};
  });
}

DatasetBox* dataset_feature_map(const DatasetBox& d, const val& names) {
  return guarded([&] {
    auto features = emscripten::vecFromJSArray<std::string>(names);
    return new DatasetBox{{lw::feature_map(d.data.x, features), d.data.y.clone(), d.data.classes}};
  });
}

// One half of split(ratio, seed): the training part, or the test part when `test`.
DatasetBox* dataset_split(const DatasetBox& d, float ratio, double seed, bool test) {
  return guarded([&] {
    auto [train, rest] = lw::split(d.data, ratio, seed_of(seed));
    return new DatasetBox{test ? std::move(rest) : std::move(train)};
  });
}

val dataset_fit_standardizer(const DatasetBox& d) {
  return guarded([&] {
    lw::Standardizer s = lw::Standardizer::fit(d.data.x);
    val out = val::object();
    out.set("mean", floats_out(s.mean));
    out.set("std", floats_out(s.std));
    return out;
  });
}

void dataset_standardize(DatasetBox& d, const val& mean, const val& std) {
  guarded([&] { lw::Standardizer{floats_in(mean), floats_in(std)}.apply(d.data.x); });
}

double dataset_size(const DatasetBox& d) { return static_cast<double>(d.data.size()); }
double dataset_features(const DatasetBox& d) {
  return d.data.x.ndim() == 2 ? static_cast<double>(d.data.x.dim(1)) : 0.0;
}
int dataset_classes(const DatasetBox& d) { return d.data.classes; }
val dataset_x(const DatasetBox& d) { return floats_out(d.data.x.span()); }
val dataset_y(const DatasetBox& d) { return floats_out(d.data.y.span()); }

// Free functions.
val feature_map_points(const val& points, const val& names) {
  return guarded([&] {
    std::vector<float> xy = floats_in(points);
    lw::check(xy.size() % 2 == 0, "featureMap: points hold ", xy.size(),
              " values; expected pairs (x1, x2)");
    lw::Tensor t = lw::Tensor::from({xy.size() / 2, 2}, xy);
    auto features = emscripten::vecFromJSArray<std::string>(names);
    return floats_out(lw::feature_map(t, features).span());
  });
}

// The hot path: forward and trainStep. For a small network Embind's per-call conversions
// (an emval handle per argument, a property lookup by name, a vector per array) cost more
// than the step itself, so these are plain exports taking numbers only: the addresses of the
// boxes (each box's _address(), read once by api.mjs) and sizes. JavaScript writes x straight
// into the model's input buffer (lw_stage_x; the model reads it there, no second copy) and y
// beside it (lw_stage_y), and reads a forward's result out of the model's output tensor. A failure cannot throw through these (no JS Error is
// made in C++): it sets `failed` and the message, which api.mjs fetches with _lastError().
bool failed = false;

template <class F, class R>
R reported(F&& f, R on_failure) {
  failed = false;
  try {
    return f();
  } catch (const std::exception& e) {
    error_message = e.what();
  }
  failed = true;
  return on_failure;
}

std::string last_error() { return error_message; }

template <class Box>
double address_of(const Box& box) {
  return static_cast<double>(reinterpret_cast<std::uintptr_t>(&box));
}

}  // namespace

// Every C++ allocation of the engine goes through here (replacing the global operator new;
// new[] and the sized deletes forward to these), to be counted.
void* operator new(std::size_t n) {
  ++new_calls;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

extern "C" {

// Room for n floats of x, in the model's input buffer, or of y; the address (null on
// failure). Growing a buffer may grow the wasm memory, so JavaScript takes its view of memory
// after these calls.
EMSCRIPTEN_KEEPALIVE float* lw_stage_x(ModelBox* m, std::size_t n) {
  return reported([&] { return m->x = m->model.input_buffer(n); }, static_cast<float*>(nullptr));
}

EMSCRIPTEN_KEEPALIVE float* lw_stage_y(ModelBox* m, std::size_t n) {
  return reported(
      [&] {
        if (m->targets.size() < n) m->targets.resize(n);
        return m->targets.data();
      },
      static_cast<float*>(nullptr));
}

// One step on the staged batch (nx values of x, ny of y). The mean loss, or NaN with
// lw_failed() true.
EMSCRIPTEN_KEEPALIVE float lw_train_step(ModelBox* m, std::size_t nx, std::size_t ny,
                                         std::size_t batch, const LossBox* loss,
                                         OptimizerBox* opt, float l1) {
  return reported(
      [&] {
        return m->model.train_step({m->x, nx}, {m->targets.data(), ny}, batch, *loss->loss,
                                   *opt->optimizer, lw::TrainOptions{l1});
      },
      std::numeric_limits<float>::quiet_NaN());
}

// Forward of the staged x (nx values): the address of the outputs, batch × output size floats
// in the model's own buffer (valid until the next call), or null with lw_failed().
EMSCRIPTEN_KEEPALIVE const float* lw_forward(ModelBox* m, std::size_t nx, std::size_t batch) {
  return reported([&] { return m->model.forward({m->x, nx}, batch).data(); },
                  static_cast<const float*>(nullptr));
}

EMSCRIPTEN_KEEPALIVE bool lw_failed() { return failed; }

}  // extern "C"

namespace {

// Memory, for leak checks: the wasm memory's size, the bytes malloc has handed out, and how
// many times the engine has called operator new since it loaded (see below).
val memory() {
  val out = val::object();
  out.set("heapBytes", static_cast<double>(emscripten_get_heap_size()));
  out.set("usedBytes", static_cast<double>(mallinfo().uordblks));
  out.set("allocations", static_cast<double>(new_calls));
  return out;
}

val dataset_names() { return names_of(lw::dataset_names()); }
val feature_names() { return names_of(lw::feature_names()); }
val loss_names() { return names_of(lw::loss_names()); }

}  // namespace

EMSCRIPTEN_BINDINGS(layerwise) {
  using namespace emscripten;

  class_<ModelBox>("Model")
      .class_function("_fromSpec", &model_from_spec, allow_raw_pointers())
      .class_function("_fromJSON", &model_from_json, allow_raw_pointers())
      .function("_address", &address_of<ModelBox>)
      .function("_trainEpoch", &model_train_epoch)
      .function("_traceStep", &model_trace_step)
      .function("_evaluate", &model_evaluate)
      .function("_layerOutputs", &model_layer_outputs)
      .function("_parameters", &model_parameters)
      .function("_setParameters", &model_set_parameters)
      .function("_toJSON", &model_to_json)
      .function("_spec", &model_spec)
      .function("_stats", &model_stats)
      .function("_reset", &model_reset)
      .function("_inputShape", &model_input_shape)
      .function("_outputShape", &model_output_shape)
      .function("_numParams", &model_num_params);

  class_<LossBox>("Loss")
      .class_function("_create", &loss_create, allow_raw_pointers())
      .function("_address", &address_of<LossBox>);

  class_<OptimizerBox>("Optimizer")
      .class_function("_create", &optimizer_create, allow_raw_pointers())
      .class_function("_createFree", &optimizer_create_free, allow_raw_pointers())
      .function("_address", &address_of<OptimizerBox>)
      .function("_stepFree", &optimizer_step_free)
      .function("_set", &optimizer_set)
      .function("_setLr", &optimizer_set_lr)
      .function("_options", &optimizer_options)
      .function("_lr", &optimizer_lr)
      .function("_steps", &optimizer_steps)
      .function("_reset", &optimizer_reset);

  class_<DatasetBox>("Dataset")
      .class_function("_generate", &dataset_generate, allow_raw_pointers())
      .class_function("_fromArrays", &dataset_from_arrays, allow_raw_pointers())
      .function("_featureMap", &dataset_feature_map, allow_raw_pointers())
      .function("_split", &dataset_split, allow_raw_pointers())
      .function("_fitStandardizer", &dataset_fit_standardizer)
      .function("_standardize", &dataset_standardize)
      .function("_size", &dataset_size)
      .function("_features", &dataset_features)
      .function("_classes", &dataset_classes)
      .function("_x", &dataset_x)
      .function("_y", &dataset_y);

  function("_featureMap", &feature_map_points);
  function("_datasetNames", &dataset_names);
  function("_featureNames", &feature_names);
  function("_lossNames", &loss_names);
  function("_memory", &memory);
  function("_lastError", &last_error);
}
