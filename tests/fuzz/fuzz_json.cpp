// The JSON reader: any bytes either parse or throw lw::Error; what parses is written back by
// dump() as text that parses to an equal value, and dumping that again gives the same text.
#include "fuzz.hpp"
#include "json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lw;
  json::Value value;
  try {
    value = json::parse(fuzz::text(data, size));
  } catch (const Error&) {
    return 0;
  }
  const std::string once = json::dump(value);
  json::Value again;
  try {
    again = json::parse(once);
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    fuzz::require(false, "dump() wrote text that parse() refuses");
  }
  fuzz::require(again == value, "parse(dump(v)) != v");
  fuzz::require(json::dump(again) == once, "dump(parse(dump(v))) != dump(v)");
  fuzz::require(json::parse(json::dump(value, 2)) == value, "the indented dump reads back differently");
  return 0;
}
