// lw_bench_json: how the engine's JSON reader (core/json.*) scales with the keys of one object,
// printed as a Markdown table (bench/README.md, "Reading hostile text"). Issue 12 found a 1 MB
// spec of 80,000 keys taking 17 s in wasm: every key was looked up in a list. Now objects of
// more than json::kIndexedFrom keys carry a sorted index.
//
// For n = 1e3 .. 1e5 keys (in a scrambled order, "key" + (i·7919 mod n)) it times:
//   parse    json::parse of the object's text, {"key…": i, …} (about 14 bytes a key);
//   insert   n keys added one by one: by json::Value::operator[] (after), and by the linear
//            scan json::Value used before (before: LinearObject below, a copy of the old
//            operator[] and find, kept here as the baseline and measured in the same run);
//   find     every key looked up once, by json::Value::find (after) and the linear scan (before).
//
// Method (docs/toolchain.md, "Timing on this machine": 2 shared, noisy cores): every number is
// the median of the repeats; a repeat runs the operation enough times to last --min-ms and
// gives the time of one run; before and after are timed round-robin (repeat i of each in turn)
// and before/after is the median of per-repeat ratios. The linear baseline takes seconds at 3e4
// keys, so once one of its runs lasts over a second it runs at most 3 repeats (the table says),
// and at 1e5 keys (minutes a run) it is not run: "—".
//
//   lw_bench_json [--quick] [--repeats N] [--min-ms MS]
//     --quick    3 repeats of >= 10 ms, up to 1e4 keys: a smoke run of a few seconds
//     --repeats  repeats per measurement (default 9)
//     --min-ms   minimum duration of one repeat in milliseconds (default 60)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json.hpp"
#include "stats.hpp"

namespace {

using lw::bench::Clock;
using lw::bench::median;
using lw::bench::seconds_since;
using lw::bench::spread_pct;

struct Config : lw::bench::Timing {};

// The baseline: an object as json::Value kept one before issue 12, a list of (key, value) that
// every insert and every lookup scans from the start.
struct LinearObject {
  std::vector<std::pair<std::string, double>> items;
  double* find(std::string_view key) {
    for (auto& [k, v] : items)
      if (k == key) return &v;
    return nullptr;
  }
  double& operator[](std::string_view key) {
    if (double* found = find(key)) return *found;
    items.emplace_back(std::string(key), 0.0);
    return items.back().second;
  }
};

// Seconds per call of fn: one repeat, calling it until min_ms have passed (at least once).
double time_per_call(const std::function<void()>& fn, double min_ms) {
  long calls = 0;
  auto t0 = Clock::now();
  double elapsed = 0;
  do {
    fn();
    ++calls;
    elapsed = seconds_since(t0);
  } while (elapsed * 1e3 < min_ms);
  return elapsed / double(calls);
}

// Before and after timed round-robin; before stops at 3 repeats once a run takes over 1 s.
struct Pair {
  std::vector<double> before, after, ratio;
  void run(const Config& cfg, const std::function<void()>& old_way, const std::function<void()>& new_way,
           bool with_old) {
    for (int r = 0; r < cfg.repeats; ++r) {
      bool slow = !with_old || (!before.empty() && median(before) > 1.0);
      double b = slow && (!with_old || before.size() >= 3) ? -1 : time_per_call(old_way, cfg.min_ms);
      double a = time_per_call(new_way, cfg.min_ms);
      after.push_back(a);
      if (b >= 0) {
        before.push_back(b);
        ratio.push_back(b / a);
      }
    }
  }
};

std::string ms(double seconds) {
  if (std::isnan(seconds)) return "—";
  char buf[32];
  double v = seconds * 1e3;
  std::snprintf(buf, sizeof buf, v >= 100 ? "%.0f" : v >= 1 ? "%.2f" : "%.4f", v);
  return buf;
}

std::string times(double ratio) {
  return std::isnan(ratio) ? "—" : std::to_string(static_cast<long>(std::lround(ratio))) + "×";
}

std::string count_note(const std::vector<double>& v, const Config& cfg) {
  return int(v.size()) < cfg.repeats ? " (" + std::to_string(v.size()) + "×)" : "";
}

[[noreturn]] void usage(const char* error) {
  std::fprintf(stderr, "lw_bench_json: %s\nusage: lw_bench_json [--quick] [--repeats N] [--min-ms MS]\n", error);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  for (int i = 1; i < argc; ++i) {
    if (!lw::bench::read_timing(argc, argv, i, cfg)) {
      usage((std::string("unknown option ") + argv[i]).c_str());
    }
  }

  char date[64];
  std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M %Z", std::gmtime(&now));
  std::printf("# JSON objects with many keys, native (lw_bench_json)\n\n- date: %s\n- compiler: %s\n", date,
              __VERSION__);
  std::printf("- method: median of %d repeats, each >= %g ms; before (linear scan, the baseline copied in "
              "bench/bench_json.cpp) and after (json::Value) round-robin\n\n",
              cfg.repeats, cfg.min_ms);
  std::printf("| keys | text (MB) | parse (ms) | parse per key (µs) | insert before (ms) | insert after (ms) | "
              "before / after | find every key before (ms) | after (ms) | before / after | spread parse (IQR %%) |\n");
  std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");

  for (long n : {1000L, 3000L, 10000L, 30000L, 100000L}) {
    if (cfg.quick && n > 10000) break;
    std::vector<std::string> keys;
    for (long i = 0; i < n; ++i) keys.push_back("key" + std::to_string(i * 7919 % n));
    std::string text = "{";
    for (long i = 0; i < n; ++i) text += (i ? ",\"" : "\"") + keys[i] + "\":" + std::to_string(i);
    text += "}";

    // Check once that both ways give the right answers, then time them.
    lw::json::Value parsed = lw::json::parse(text);
    LinearObject linear;
    for (long i = 0; i < n; ++i) linear[keys[i]] = double(i);
    for (long i = 0; i < n; i += n / 100) {
      if (parsed.find(keys[i])->as_number("v") != double(i) || *linear.find(keys[i]) != double(i)) {
        std::fprintf(stderr, "lw_bench_json: wrong value for %s\n", keys[i].c_str());
        return 1;
      }
    }
    if (parsed.as_object("v").size() != std::size_t(n)) return 1;

    std::vector<double> parse_times;
    for (int r = 0; r < cfg.repeats; ++r)
      parse_times.push_back(time_per_call([&] { lw::json::parse(text); }, cfg.min_ms));
    const bool with_old = n <= 30000;
    Pair insert, find;
    insert.run(
        cfg,
        [&] {
          LinearObject o;
          for (long i = 0; i < n; ++i) o[keys[i]] = double(i);
        },
        [&] {
          lw::json::Value o;
          for (long i = 0; i < n; ++i) o[keys[i]] = double(i);
        },
        with_old);
    double sink = 0;
    find.run(
        cfg, [&] { for (long i = 0; i < n; ++i) sink += *linear.find(keys[i]); },
        [&] { for (long i = 0; i < n; ++i) sink += parsed.find(keys[i])->as_number("v"); }, with_old);
    if (sink < 0) std::printf("impossible\n");

    std::printf("| %ld | %.2f | %s | %.3f | %s%s | %s | %s | %s%s | %s | %s | %.0f |\n", n,
                double(text.size()) / 1e6, ms(median(parse_times)).c_str(), median(parse_times) * 1e6 / double(n),
                ms(median(insert.before)).c_str(), count_note(insert.before, cfg).c_str(),
                ms(median(insert.after)).c_str(), times(median(insert.ratio)).c_str(), ms(median(find.before)).c_str(),
                count_note(find.before, cfg).c_str(), ms(median(find.after)).c_str(), times(median(find.ratio)).c_str(),
                spread_pct(parse_times));
    std::fflush(stdout);
  }
  return 0;
}
