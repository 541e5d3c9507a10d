// IDX: the file format of MNIST and Fashion-MNIST. A big-endian header (the magic number
// 0x00000803 for pictures, 0x00000801 for labels, then one 32-bit size per dimension) is
// followed by one byte per pixel or label. The engine reads no files: the caller hands over
// a file's bytes (tests/core/fashion_files.hpp reads them for the tests and the benchmark), and
// parse_idx checks them as strictly as the site's loader does (web/lib/fashion.js), with the
// same wording: every lw::Error names the file and what is wrong ("t10k-labels-idx1-ubyte:
// label 12 at index 5 is out of range 0–9").
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "dataset.hpp"

namespace lw {

struct IdxFile {
  enum class Kind { images, labels };
  Kind kind = Kind::labels;
  std::size_t count = 0;           // pictures or labels
  std::size_t rows = 1, cols = 1;  // of a picture; 1 × 1 for labels
  std::span<const std::uint8_t> data;  // count · rows · cols bytes, a view of the bytes parsed
};

// One whole IDX file of pictures (N × rows × cols) or of labels (N values below `classes`).
// Throws lw::Error, starting with `name`, for a short or over-long file, a wrong magic number
// (saying when the bytes are still gzip-compressed), a zero size, or a label out of range.
IdxFile parse_idx(std::span<const std::uint8_t> bytes, std::string_view name, int classes = 10);

// Pictures and their labels as a Dataset: x [N, rows · cols] holds the grey levels scaled to
// [0, 1] (value / 255, as torchvision's ToTensor does), y [N, 1] the labels. Checks that
// `images` holds pictures and `labels` as many labels, naming `name`; classes in 2 .. 64.
Dataset idx_dataset(const IdxFile& images, const IdxFile& labels, int classes, std::string_view name);

}  // namespace lw
