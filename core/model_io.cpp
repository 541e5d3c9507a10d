// Saving and loading a Model.
//
// JSON (readable, what the playground exports):
//   {"format":"layerwise-model","version":1,"spec":{...model spec...},
//    "parameters":[{"name":"0.weight","shape":[8,2],"data":[...]}, ...]}
// Binary (compact, exact), little-endian:
//   "LWMB"  u32 version (1)  u32 spec_bytes  spec JSON text
//   u32 count, then per parameter: u32 name_bytes, name, u32 ndim, u32 dims[ndim], f32 data[]
// Loading checks the format, the version, the spec, and every parameter's name and shape,
// and reports the first problem found; nothing is half-loaded.
#include <cmath>
#include <cstring>

#include "error.hpp"
#include "model.hpp"

namespace lw {

namespace {
constexpr const char* kFormat = "layerwise-model";
constexpr int kVersion = 1;
constexpr char kMagic[4] = {'L', 'W', 'M', 'B'};

void check_version(long long version, const char* what) {
  check(version == kVersion, what, " is version ", version, "; this Layerwise reads version ",
        kVersion);
}
json::Value shape_json(const Shape& shape) {
  json::Value::Array dims;
  for (auto d : shape) dims.emplace_back(d);
  return dims;
}

// A saved parameter's "shape" must be the shape the spec gives parameter i.
void check_shape(const json::Value& shape, const std::string& where, Model& m, std::size_t i) {
  ParamList ps = m.params();
  if (i >= ps.size()) return;  // set_parameters reports the count
  json::Value want = shape_json(ps[i]->value.shape());
  check(shape == want, where, " (", ps[i]->name, ") has shape ", json::dump(shape),
        ", but the model's spec makes it ", json::dump(want));
}
}  // namespace

void Model::set_parameters(
    const std::vector<std::pair<std::string, std::span<const float>>>& values) {
  ParamList ps = params();
  check(values.size() == ps.size(), "set_parameters: got ", values.size(),
        " parameters, the model has ", ps.size());
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const auto& [name, data] = values[i];
    check(name == ps[i]->name, "set_parameters: parameter ", i, " is named \"", name,
          "\", expected \"", ps[i]->name, "\"");
    check(data.size() == ps[i]->size(), "set_parameters: ", name, " has ", data.size(),
          " values, expected ", ps[i]->size(), " for shape ", shape_str(ps[i]->value.shape()));
    for (std::size_t j = 0; j < data.size(); ++j)
      check(std::isfinite(data[j]), "set_parameters: ", name, "[", j, "] is ", data[j],
            "; parameters must be finite");
  }
  for (std::size_t i = 0; i < ps.size(); ++i)
    std::copy(values[i].second.begin(), values[i].second.end(), ps[i]->value.data());
}

namespace {
// A saved model holds finite weights only, as loading requires: JSON has no NaN or infinity,
// and a model whose training diverged has nothing worth keeping. Throws naming the first one.
void check_savable(const std::vector<std::unique_ptr<Layer>>& layers) {
  for (const auto& l : layers)
    for (Param* p : l->params())
      for (std::size_t i = 0; i < p->size(); ++i)
        check(std::isfinite(p->value[i]), "cannot save the model: ", p->name, "[", i, "] is ",
              p->value[i], " (training diverged); reset it or set finite parameters first");
}
}  // namespace

json::Value Model::to_json() const {
  check_savable(layers_);
  json::Value::Array list;
  for (const auto& l : layers_)
    for (Param* p : l->params()) {
      json::Value::Array data;
      data.reserve(p->size());
      for (float v : p->value.span()) data.push_back(json::Value::f32(v));
      list.push_back(
          json::Value::Object{{"name", p->name}, {"shape", shape_json(p->value.shape())}, {"data", data}});
    }
  return json::Value::Object{
      {"format", kFormat}, {"version", kVersion}, {"spec", spec()}, {"parameters", list}};
}

Model Model::from_json(const json::Value& saved) {
  saved.as_object("a saved model");
  const json::Value* format = saved.find("format");
  check(format && format->is_string() && format->as_string("format") == kFormat,
        "this is not a Layerwise model file (\"format\" should be \"", kFormat, "\")");
  const json::Value* version = saved.find("version");
  check(version != nullptr, "the model file has no \"version\"");
  check_version(version->as_int("version", 0, 1 << 30), "the model file");
  const json::Value* spec = saved.find("spec");
  check(spec != nullptr, "the model file has no \"spec\"");
  Model m = from_spec(*spec);
  const json::Value* params = saved.find("parameters");
  check(params != nullptr, "the model file has no \"parameters\"");
  const auto& list = params->as_array("parameters");
  std::vector<std::vector<float>> storage;
  std::vector<std::pair<std::string, std::span<const float>>> values;
  storage.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string where = "parameters[" + std::to_string(i) + "]";
    const json::Value& p = list[i];
    json::check_keys(p, where, {"name", "shape", "data"});
    const json::Value* name = p.find("name");
    const json::Value* data = p.find("data");
    check(name && data, where, " needs \"name\" and \"data\"");
    if (const json::Value* shape = p.find("shape")) check_shape(*shape, where, m, i);
    auto& v = storage.emplace_back();
    const std::string what = where + ".data";  // once, not once per value
    const json::Value::Array& numbers = data->as_array(what);
    v.reserve(numbers.size());
    for (const json::Value& x : numbers) v.push_back(x.as_float(what));
    values.emplace_back(name->as_string(where + ".name"), v);
  }
  m.set_parameters(values);
  return m;
}

namespace {
class Writer {
 public:
  void bytes(const void* p, std::size_t n) {
    auto* b = static_cast<const std::uint8_t*>(p);
    out.insert(out.end(), b, b + n);
  }
  void u32(std::uint32_t v) { bytes(&v, 4); }
  void str(const std::string& s) {
    u32(static_cast<std::uint32_t>(s.size()));
    bytes(s.data(), s.size());
  }
  std::vector<std::uint8_t> out;
};

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> in) : in_(in) {}
  void bytes(void* p, std::size_t n) {
    check(n <= in_.size() - pos_, "the binary model is truncated at byte ", pos_, " (needed ", n,
          " more bytes)");
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }
  std::uint32_t u32() {
    std::uint32_t v;
    bytes(&v, 4);
    return v;
  }
  std::string str() {
    std::uint32_t n = u32();
    check(n <= in_.size() - pos_, "the binary model is truncated at byte ", pos_);
    std::string s(reinterpret_cast<const char*>(in_.data() + pos_), n);
    pos_ += n;
    return s;
  }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::span<const std::uint8_t> in_;
  std::size_t pos_ = 0;
};
}  // namespace

std::vector<std::uint8_t> Model::to_binary() const {
  check_savable(layers_);
  Writer w;
  w.bytes(kMagic, 4);
  w.u32(kVersion);
  w.str(json::dump(spec()));
  std::uint32_t count = 0;
  for (const auto& l : layers_) count += static_cast<std::uint32_t>(l->params().size());
  w.u32(count);
  for (const auto& l : layers_)
    for (Param* p : l->params()) {
      w.str(p->name);
      w.u32(static_cast<std::uint32_t>(p->value.ndim()));
      for (auto d : p->value.shape()) w.u32(static_cast<std::uint32_t>(d));
      w.bytes(p->value.data(), p->size() * sizeof(float));
    }
  return std::move(w.out);
}

Model Model::from_binary(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  char magic[4];
  check(bytes.size() >= 4, "this is not a Layerwise binary model (too short)");
  r.bytes(magic, 4);
  check(std::memcmp(magic, kMagic, 4) == 0, "this is not a Layerwise binary model (bad magic)");
  check_version(r.u32(), "the binary model");
  Model m = from_spec_text(r.str());
  ParamList ps = m.params();
  std::uint32_t count = r.u32();
  check(count == ps.size(), "the binary model has ", count, " parameters, its spec needs ",
        ps.size());
  std::vector<std::vector<float>> storage(count);
  std::vector<std::pair<std::string, std::span<const float>>> values;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string name = r.str();
    std::uint32_t ndim = r.u32();
    check(ndim == ps[i]->value.ndim(), "binary model: ", name, " has ", ndim,
          " dimensions, expected ", ps[i]->value.ndim());
    Shape shape;
    for (std::uint32_t d = 0; d < ndim; ++d) shape.push_back(r.u32());
    check(shape == ps[i]->value.shape(), "binary model: ", name, " has shape ", shape_str(shape),
          ", expected ", shape_str(ps[i]->value.shape()));
    storage[i].resize(ps[i]->size());
    r.bytes(storage[i].data(), storage[i].size() * sizeof(float));
    values.emplace_back(name, storage[i]);
  }
  check(r.done(), "the binary model has unexpected bytes after its parameters");
  m.set_parameters(values);
  return m;
}

}  // namespace lw
