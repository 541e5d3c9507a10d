// Fashion-MNIST's full set for the native tests and benchmarks: the four IDX files that
// scripts/build-data.mjs unpacks from Debian's dataset-fashion-mnist into build/data/fashion-mnist
// (the default folder, LW_FASHION_MNIST_DIR, is set by CMakeLists.txt), read from disk here
// (the engine reads no files) and parsed by core/data/idx.hpp. A missing file is an lw::Error
// naming it and the command that makes it.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "data/dataset.hpp"
#include "data/idx.hpp"
#include "error.hpp"

namespace lw::fashion {

#ifdef LW_FASHION_MNIST_DIR
inline const std::string kDefaultDir = LW_FASHION_MNIST_DIR;
#else
inline const std::string kDefaultDir = "build/data/fashion-mnist";
#endif

// The whole file, or an lw::Error that says how to make it.
inline std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  check(bool(in), path, " is missing: run bash scripts/build.sh, whose scripts/build-data.mjs unpacks it ",
        "from Debian's dataset-fashion-mnist (bash scripts/setup.sh installs the package)");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One split as the files hold it: "train" (60,000 pictures) or "t10k" (the 10,000 test ones).
struct Files {
  std::vector<std::uint8_t> image_bytes, label_bytes;
  IdxFile images, labels;  // views of the bytes above
};

inline Files read_split(const std::string& split, const std::string& dir = kDefaultDir) {
  Files f;
  const std::string images = dir + "/" + split + "-images-idx3-ubyte", labels = dir + "/" + split + "-labels-idx1-ubyte";
  f.image_bytes = read_file(images);
  f.label_bytes = read_file(labels);
  f.images = parse_idx(f.image_bytes, images);
  f.labels = parse_idx(f.label_bytes, labels);
  return f;
}

// The split as a Dataset: x [N, 784] in [0, 1], y the labels 0–9.
inline Dataset load(const std::string& split, const std::string& dir = kDefaultDir) {
  Files f = read_split(split, dir);
  return idx_dataset(f.images, f.labels, 10, dir + "/" + split);
}

}  // namespace lw::fashion
