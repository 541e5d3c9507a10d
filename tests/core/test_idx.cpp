// Tests for core/data/idx: IDX files written here byte by byte, every error parse_idx reports
// (the same wording as the site's loader, tests/js/fashion.test.mjs), idx_dataset's scaling,
// and the full Fashion-MNIST set that scripts/build-data.mjs unpacks into build/data/ against the
// dataset's published facts: 60,000 + 10,000 pictures, 6,000 and 1,000 per class, its first labels,
// the training pixels' mean 0.2860 and standard deviation 0.3530 (as fractions of 255), and pixel
// sums computed separately from Debian's .gz files with Python's gzip module.
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "data/idx.hpp"
#include "error.hpp"
#include "fashion_files.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;
using lw::IdxFile;

// An IDX file: 0, 0, the type and dimension count, one big-endian 32-bit size per dimension, then the body.
Bytes idx(std::uint16_t magic, std::vector<std::uint32_t> dims, const Bytes& body) {
  Bytes b{0, 0, std::uint8_t(magic >> 8), std::uint8_t(magic & 0xff)};
  for (std::uint32_t d : dims)
    for (int shift : {24, 16, 8, 0}) b.push_back(std::uint8_t(d >> shift));
  b.insert(b.end(), body.begin(), body.end());
  return b;
}
// n 28 × 28 pictures whose pixel p of picture i is (7i + p) mod 256.
Bytes pictures(std::uint32_t n) {
  Bytes b(std::size_t{n} * 784);
  for (std::size_t k = 0; k < b.size(); ++k) b[k] = std::uint8_t((k / 784 * 7 + k % 784) % 256);
  return idx(0x0803, {n, 28, 28}, b);
}
Bytes labels(const Bytes& values) { return idx(0x0801, {std::uint32_t(values.size())}, values); }
Bytes prefix(const Bytes& b, std::size_t n) { return {b.begin(), b.begin() + std::ptrdiff_t(n)}; }

std::string error_of(const Bytes& b, int classes = 10) {
  try {
    lw::parse_idx(b, "a.idx", classes);
  } catch (const lw::Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("parse_idx reads pictures and labels from headers written by hand", "[idx]") {
  Bytes p = pictures(2);
  IdxFile f = lw::parse_idx(p, "p");
  CHECK(f.kind == IdxFile::Kind::images);
  CHECK(f.count == 2);
  CHECK(f.rows == 28);
  CHECK(f.cols == 28);
  REQUIRE(f.data.size() == 2 * 784);
  CHECK(f.data.data() == p.data() + 16);  // a view after the 16-byte header
  CHECK(f.data[300] == 300 % 256);
  CHECK(f.data[785] == 8);  // picture 1, pixel 1: 7 + 1

  Bytes l = labels({3, 0, 9});
  IdxFile g = lw::parse_idx(l, "l");
  CHECK(g.kind == IdxFile::Kind::labels);
  CHECK(g.count == 3);
  CHECK(Bytes(g.data.begin(), g.data.end()) == Bytes{3, 0, 9});
  CHECK(lw::parse_idx(labels({11}), "l", 12).data[0] == 11);
}

TEST_CASE("parse_idx refuses every malformed file, naming it and what is wrong", "[idx]") {
  CHECK(error_of({0, 0, 8}) == "a.idx: ends after 3 bytes, inside the 4-byte IDX header (the file is cut short)");
  CHECK(error_of({0, 0, 8, 3, 0, 0, 0, 1}) ==
        "a.idx: ends after 8 bytes, inside the 16-byte IDX header of its pictures (the file is cut short)");
  CHECK(error_of(prefix(pictures(2), 16 + 1000)) ==
        "a.idx: the header announces 2 pictures (1568 bytes), but only 1000 bytes follow (the file is cut short)");
  Bytes extra = labels({1, 2});
  extra.push_back(0);
  CHECK(error_of(extra) == "a.idx: 1 byte follows the 2 labels the header announces");
  extra.push_back(0);
  CHECK(error_of(extra) == "a.idx: 2 bytes follow the 2 labels the header announces");
  CHECK(error_of(idx(0x0802, {1, 28}, Bytes(28))) ==
        "a.idx: starts with 0x00000802, which is not the IDX magic number of pictures (0x00000803) or of labels "
        "(0x00000801)");
  CHECK(error_of({0x1f, 0x8b, 8, 0, 0, 0, 0, 0}) ==
        "a.idx: starts with 0x1f8b0800, which is not the IDX magic number of pictures (0x00000803) or of labels "
        "(0x00000801); it is still gzip-compressed");
  CHECK(error_of({'<', 'h', 't', 'm', 'l', '>'}) ==
        "a.idx: starts with 0x3c68746d, which is not the IDX magic number of pictures (0x00000803) or of labels "
        "(0x00000801); it looks like a web page (HTML), not data");
  CHECK(error_of(idx(0x0801, {0}, {})) == "a.idx: the header announces no labels");
  CHECK(error_of(idx(0x0803, {1, 0, 28}, {})) == "a.idx: the pictures are 0 × 28 pixels; both must be at least 1");
  CHECK(error_of(labels({0, 1, 2, 3, 4, 12})) == "a.idx: label 12 at index 5 is out of range 0–9");
  CHECK(error_of(labels({0, 1, 2}), 2) == "a.idx: label 2 at index 2 is out of range 0–1");
  // Sizes whose product overflows 64 bits are refused, not wrapped around.
  CHECK(error_of(idx(0x0803, {0xffffffffu, 0xffffffffu, 0xffffffffu}, Bytes(10))).find("the file is cut short") !=
        std::string::npos);
}

TEST_CASE("idx_dataset scales grey levels to [0, 1] and pairs each picture with its label", "[idx]") {
  Bytes body(2 * 4, 0);
  body[1] = 255;
  body[2] = 51;
  body[7] = 102;
  Bytes p = idx(0x0803, {2, 2, 2}, body), l = labels({7, 2});
  lw::Dataset d = lw::idx_dataset(lw::parse_idx(p, "p"), lw::parse_idx(l, "l"), 10, "tiny");
  REQUIRE(d.x.shape() == lw::Shape{2, 4});
  REQUIRE(d.y.shape() == lw::Shape{2, 1});
  CHECK(d.classes == 10);
  CHECK(d.x[0] == 0.0f);
  CHECK(d.x[1] == 1.0f);
  CHECK(d.x[2] == Approx(0.2f));
  CHECK(d.x[7] == Approx(0.4f));
  CHECK(d.y[0] == 7.0f);
  CHECK(d.y[1] == 2.0f);

  Bytes three = labels({1, 2, 3});
  REQUIRE_THROWS_WITH(lw::idx_dataset(lw::parse_idx(p, "p"), lw::parse_idx(three, "l"), 10, "tiny"),
                      "tiny: 2 pictures but 3 labels; each picture needs one label");
  REQUIRE_THROWS_WITH(lw::idx_dataset(lw::parse_idx(l, "l"), lw::parse_idx(l, "l"), 10, "tiny"),
                      "tiny: expected pictures, got a file of labels");
  REQUIRE_THROWS_WITH(lw::idx_dataset(lw::parse_idx(p, "p"), lw::parse_idx(l, "l"), 5, "tiny"),
                      "tiny: label 7 at index 0 is out of range 0–4");
}

TEST_CASE("a missing data file names itself and the command that makes it", "[idx]") {
  REQUIRE_THROWS_WITH(lw::fashion::read_split("train", "/nonexistent"),
                      "/nonexistent/train-images-idx3-ubyte is missing: run bash scripts/build.sh, whose "
                      "scripts/build-data.mjs unpacks it from Debian's dataset-fashion-mnist (bash scripts/setup.sh "
                      "installs the package)");
}

TEST_CASE("the full Fashion-MNIST set from build/data: sizes, classes, first labels, pixel statistics", "[idx][fashion]") {
  struct Expect {
    const char* split;
    std::size_t count;
    std::array<int, 10> first_labels;
    long first_sum, last_sum;  // pixel sums of the first and the last picture (Python's gzip)
  };
  for (const Expect& e : {Expect{"train", 60000, {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, 76247, 16684},
                          Expect{"t10k", 10000, {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, 33456, 24390}}) {
    INFO(e.split);
    lw::fashion::Files f = lw::fashion::read_split(e.split);  // fails with the fix when not built
    REQUIRE(f.images.count == e.count);
    REQUIRE(f.labels.count == e.count);
    CHECK(f.images.rows == 28);
    CHECK(f.images.cols == 28);
    std::array<std::size_t, 10> per_class{};
    for (std::uint8_t label : f.labels.data) ++per_class[label];
    for (std::size_t c = 0; c < 10; ++c) CHECK(per_class[c] == e.count / 10);
    for (std::size_t i = 0; i < 10; ++i) CHECK(int{f.labels.data[i]} == e.first_labels[i]);
    auto sum = [&](std::size_t i) {
      return std::accumulate(f.images.data.begin() + std::ptrdiff_t(i * 784),
                             f.images.data.begin() + std::ptrdiff_t((i + 1) * 784), 0L);
    };
    CHECK(sum(0) == e.first_sum);
    CHECK(sum(e.count - 1) == e.last_sum);
  }

  lw::Dataset train = lw::fashion::load("train");
  REQUIRE(train.x.shape() == lw::Shape{60000, 784});
  CHECK(train.classes == 10);
  double mean = 0, sq = 0;
  for (float v : train.x.span()) mean += v;
  mean /= double(train.x.size());
  for (float v : train.x.span()) sq += (v - mean) * (v - mean);
  CHECK(mean == Approx(0.2860).margin(5e-5));
  CHECK(std::sqrt(sq / double(train.x.size())) == Approx(0.3530).margin(5e-5));
}
