// parse_idx and idx_dataset (idx.hpp): the IDX header read byte by byte (big-endian on every
// machine), every size checked before any byte past the header is read.
#include "idx.hpp"

#include <cstdio>
#include <string>

#include "../error.hpp"

namespace lw {
namespace {

constexpr std::uint32_t kImages = 0x00000803, kLabels = 0x00000801;

std::uint32_t be32(std::span<const std::uint8_t> b, std::size_t at) {
  return std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 | std::uint32_t{b[at + 2]} << 8 |
         std::uint32_t{b[at + 3]};
}

std::string hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

std::string counted(std::size_t n, std::string_view word) {
  return str(n, ' ', word, n == 1 ? "" : "s");
}

// "1 byte follows", "3 bytes follow".
std::string follow(std::size_t n) { return counted(n, "byte") + (n == 1 ? " follows" : " follow"); }

const char* noun(IdxFile::Kind kind) { return kind == IdxFile::Kind::images ? "picture" : "label"; }

}  // namespace

IdxFile parse_idx(std::span<const std::uint8_t> bytes, std::string_view name, int classes) {
  const std::size_t n = bytes.size();
  check(n >= 4, name, ": ends after ", counted(n, "byte"), ", inside the 4-byte IDX header (the file is cut short)");
  const std::uint32_t magic = be32(bytes, 0);
  if (magic != kImages && magic != kLabels) {
    const char* hint = bytes[0] == 0x1f && bytes[1] == 0x8b ? "; it is still gzip-compressed"
                       : bytes[0] == 0x3c                  ? "; it looks like a web page (HTML), not data"
                                                           : "";
    fail(name, ": starts with ", hex(magic), ", which is not the IDX magic number of pictures (", hex(kImages),
         ") or of labels (", hex(kLabels), ")", hint);
  }
  IdxFile f;
  f.kind = magic == kImages ? IdxFile::Kind::images : IdxFile::Kind::labels;
  const std::size_t header = 4 + 4 * std::size_t{magic & 0xffu};
  check(n >= header, name, ": ends after ", counted(n, "byte"), ", inside the ", header, "-byte IDX header of its ",
        noun(f.kind), "s (the file is cut short)");
  f.count = be32(bytes, 4);
  if (f.kind == IdxFile::Kind::images) {
    f.rows = be32(bytes, 8);
    f.cols = be32(bytes, 12);
    check(f.rows >= 1 && f.cols >= 1, name, ": the pictures are ", f.rows, " × ", f.cols, " pixels; both must be at least 1");
  }
  check(f.count >= 1, name, ": the header announces no ", noun(f.kind), "s");
  // Three 32-bit sizes: the product may not fit in 64 bits, so compare by division first.
  const std::size_t per = f.rows * f.cols, room = n - header;
  check(f.count <= room / per, name, ": the header announces ", counted(f.count, noun(f.kind)), " (",
        double(f.count) * double(per), " bytes), but only ", follow(room), " (the file is cut short)");
  const std::size_t size = f.count * per;
  check(room == size, name, ": ", follow(room - size), " the ", counted(f.count, noun(f.kind)), " the header announces");
  f.data = bytes.subspan(header, size);
  if (f.kind == IdxFile::Kind::labels) {
    for (std::size_t i = 0; i < size; ++i)
      check(f.data[i] < classes, name, ": label ", int{f.data[i]}, " at index ", i, " is out of range 0–", classes - 1);
  }
  return f;
}

Dataset idx_dataset(const IdxFile& images, const IdxFile& labels, int classes, std::string_view name) {
  check(classes >= 2 && classes <= 64, name, ": classes must be between 2 and 64, got ", classes);
  check(images.kind == IdxFile::Kind::images, name, ": expected pictures, got a file of labels");
  check(labels.kind == IdxFile::Kind::labels, name, ": expected labels, got a file of pictures");
  check(images.count == labels.count, name, ": ", counted(images.count, "picture"), " but ",
        counted(labels.count, "label"), "; each picture needs one label");
  const std::size_t n = images.count, features = images.rows * images.cols;
  Dataset d;
  d.x = Tensor({n, features});
  d.y = Tensor({n, 1});
  d.classes = classes;
  for (std::size_t i = 0; i < n * features; ++i) d.x[i] = float(images.data[i]) / 255.0f;
  for (std::size_t i = 0; i < n; ++i) {
    check(labels.data[i] < classes, name, ": label ", int{labels.data[i]}, " at index ", i, " is out of range 0–", classes - 1);
    d.y[i] = float(labels.data[i]);
  }
  return d;
}

}  // namespace lw
