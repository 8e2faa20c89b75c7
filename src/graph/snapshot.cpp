#include "graph/snapshot.h"

#include <unistd.h>

#include <bit>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>
#include <utility>

#include "dyad/error.h"

namespace dyad::graph {
namespace {

// The file: a header, the image's sections, then a checksum of every byte before it.
//   magic "DYADGRPH", format version, byte-order mark, sizeof CompactEvent and DyadEvents
//   stamp
//   strings: count, then each as length and bytes
//   actors: count, then each as code, entity, name, and its names as count and indices
//   dyads: count, then the DyadEvents as they lie in memory
//   events: count, then the CompactEvents as they lie in memory
// Counts and lengths are uint64, indices uint32, all in the writer's byte order; a reader of
// another byte order, format or layout finds the header different and rebuilds.
constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'G', 'R', 'P', 'H'};
constexpr uint32_t kFormat = 1;
constexpr uint32_t kByteOrder = 0x01020304;

// A 64-bit checksum of a byte stream, fed in pieces of any size: to catch a torn or damaged
// file, not an adversary (every index is checked as well).
class Checksum {
 public:
  void Add(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    length_ += n;
    while (n > 0 && fill_ != 0) {
      pending_ |= static_cast<uint64_t>(*p++) << (8 * fill_);
      --n;
      if (++fill_ == 8) {
        Word(std::exchange(pending_, 0));
        fill_ = 0;
      }
    }
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w = 0;
      std::memcpy(&w, p, 8);
      Word(w);
    }
    while (n > 0) {
      pending_ |= static_cast<uint64_t>(*p++) << (8 * fill_++);
      --n;
    }
  }
  uint64_t Value() const {
    uint64_t h = hash_ ^ (pending_ * 0x9e3779b97f4a7c15ULL) ^ length_;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
  }

 private:
  void Word(uint64_t w) {
    hash_ = std::rotl(hash_ ^ (w * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
  }
  uint64_t hash_ = 0x6a09e667f3bcc908ULL;
  uint64_t pending_ = 0;
  int fill_ = 0;
  uint64_t length_ = 0;
};

using File = std::unique_ptr<FILE, int (*)(FILE*)>;

class Writer {
 public:
  Writer(FILE* f, std::string path) : f_(f), path_(std::move(path)) {}
  void Bytes(const void* p, size_t n) {
    if (n == 0) return;
    if (std::fwrite(p, 1, n, f_) != n) Fail();
    sum_.Add(p, n);
  }
  template <typename T>
  void Value(T x) {
    Bytes(&x, sizeof x);
  }
  void String(std::string_view s) {
    Value<uint64_t>(s.size());
    Bytes(s.data(), s.size());
  }
  void Finish() {
    const uint64_t sum = sum_.Value();
    if (std::fwrite(&sum, sizeof sum, 1, f_) != 1 || std::fflush(f_) != 0) Fail();
  }
  [[noreturn]] void Fail() const {
    throw Error(ErrorKind::kIo,
                "cannot write graph snapshot '" + path_ + "': " + std::strerror(errno));
  }

 private:
  FILE* f_;
  std::string path_;
  Checksum sum_;
};

// Reads what a Writer wrote, refusing any count the rest of the file could not hold.
class Reader {
 public:
  Reader(FILE* f, uint64_t size) : f_(f), left_(size) {}
  bool Bytes(void* p, size_t n) {
    if (n > left_ || (n > 0 && std::fread(p, 1, n, f_) != n)) return false;
    left_ -= n;
    sum_.Add(p, n);
    return true;
  }
  template <typename T>
  bool Value(T* x) {
    return Bytes(x, sizeof *x);
  }
  // A count of items of at least `min_size` bytes each.
  bool Count(uint64_t* n, uint64_t min_size) {
    return Value(n) && *n <= left_ / std::max<uint64_t>(min_size, 1);
  }
  bool String(std::string* s) {
    uint64_t n = 0;
    if (!Count(&n, 1)) return false;
    s->resize(n);
    return Bytes(s->data(), n);
  }
  // The checksum stored at the end matches, and nothing follows it.
  bool Finish() {
    const uint64_t expected = sum_.Value();
    uint64_t stored = 0;
    return left_ == sizeof stored && std::fread(&stored, sizeof stored, 1, f_) == 1 &&
           stored == expected;
  }

 private:
  FILE* f_;
  uint64_t left_;
  Checksum sum_;
};

template <typename T>
void WriteArray(Writer& w, const std::vector<T>& v) {
  w.Value<uint64_t>(v.size());
  w.Bytes(v.data(), v.size() * sizeof(T));
}

template <typename T>
bool ReadArray(Reader& r, std::vector<T>* v) {
  uint64_t n = 0;
  if (!r.Count(&n, sizeof(T))) return false;
  v->resize(n);
  return r.Bytes(v->data(), n * sizeof(T));
}

// Every index points into its table and every dyad's run is where the events say: a snapshot
// that passes cannot send a query out of bounds.
bool Consistent(const GraphImage& g) {
  const size_t strings = g.strings.size();
  for (const ActorImage& a : g.actors) {
    if (a.code >= strings || a.entity >= strings || a.name >= strings) return false;
    for (uint32_t n : a.names) {
      if (n >= strings) return false;
    }
  }
  uint32_t next = 0;
  for (size_t k = 0; k < g.dyads.size(); ++k) {
    const DyadEvents& d = g.dyads[k];
    if (d.source >= g.actors.size() || d.target >= g.actors.size() || d.begin != next ||
        d.end < d.begin || d.end > g.events.size()) {
      return false;
    }
    for (uint32_t i = d.begin; i < d.end; ++i) {
      const CompactEvent& e = g.events[i];
      if (e.dyad != k || e.action >= strings || e.cameo >= strings || e.date >= strings ||
          e.precision >= strings || (i > d.begin && g.events[i - 1].day > e.day)) {
        return false;
      }
    }
    next = d.end;
  }
  return next == g.events.size();
}

}  // namespace

std::string SnapshotPath(const std::string& db_path) { return db_path + "-graph"; }

// Removes the temporary files of writers that died (killed, or out of disk) more than an hour
// ago; a younger one may belong to a writer still at work.
void RemoveStaleTemporaries(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = target.filename().string() + ".tmp-";
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->path().filename().string().starts_with(prefix)) continue;
    std::error_code ignored;
    if (fs::last_write_time(it->path(), ignored) < cutoff) fs::remove(it->path(), ignored);
  }
}

void WriteSnapshot(const std::string& path, std::string_view stamp, const GraphImage& image) {
  RemoveStaleTemporaries(path);
  // A name of its own, so that two processes writing at once do not mix their bytes.
  std::random_device random;
  const std::string temporary =
      path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random());
  {
    File f(std::fopen(temporary.c_str(), "wb"), std::fclose);
    if (!f) {
      throw Error(ErrorKind::kIo,
                  "cannot write graph snapshot '" + temporary + "': " + std::strerror(errno));
    }
    Writer w(f.get(), temporary);
    try {
      w.Bytes(kMagic, sizeof kMagic);
      w.Value(kFormat);
      w.Value(kByteOrder);
      w.Value<uint32_t>(sizeof(CompactEvent));
      w.Value<uint32_t>(sizeof(DyadEvents));
      w.String(stamp);
      w.Value<uint64_t>(image.strings.size());
      for (const std::string& s : image.strings) w.String(s);
      w.Value<uint64_t>(image.actors.size());
      for (const ActorImage& a : image.actors) {
        w.Value(a.code);
        w.Value(a.entity);
        w.Value(a.name);
        WriteArray(w, a.names);
      }
      WriteArray(w, image.dyads);
      WriteArray(w, image.events);
      w.Finish();
    } catch (const Error&) {
      f.reset();
      std::remove(temporary.c_str());
      throw;
    }
    if (std::fclose(f.release()) != 0) {
      std::remove(temporary.c_str());
      w.Fail();
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    throw Error(ErrorKind::kIo, "cannot write graph snapshot '" + path + "': " + ec.message());
  }
}

std::optional<GraphImage> ReadSnapshot(const std::string& path, std::string_view stamp,
                                       std::string* why) {
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    *why = "no snapshot";
    return std::nullopt;
  }
  File f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) {
    *why = std::string("cannot read the snapshot: ") + std::strerror(errno);
    return std::nullopt;
  }
  Reader r(f.get(), size);
  char magic[sizeof kMagic];
  uint32_t format = 0, order = 0, event_size = 0, dyad_size = 0;
  std::string stored_stamp;
  if (!r.Bytes(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0 ||
      !r.Value(&format) || !r.Value(&order) || !r.Value(&event_size) || !r.Value(&dyad_size)) {
    *why = "not a graph snapshot";
    return std::nullopt;
  }
  if (format != kFormat || order != kByteOrder || event_size != sizeof(CompactEvent) ||
      dyad_size != sizeof(DyadEvents)) {
    *why = "snapshot written by another build";
    return std::nullopt;
  }
  if (!r.String(&stored_stamp) || stored_stamp != stamp) {
    *why = "snapshot of an earlier state of the database";
    return std::nullopt;
  }
  GraphImage g;
  uint64_t n = 0;
  bool ok = r.Count(&n, sizeof(uint64_t));
  for (uint64_t i = 0; ok && i < n; ++i) ok = r.String(&g.strings.emplace_back());
  ok = ok && r.Count(&n, 3 * sizeof(uint32_t) + sizeof(uint64_t));
  for (uint64_t i = 0; ok && i < n; ++i) {
    ActorImage& a = g.actors.emplace_back();
    ok = r.Value(&a.code) && r.Value(&a.entity) && r.Value(&a.name) && ReadArray(r, &a.names);
  }
  ok = ok && ReadArray(r, &g.dyads) && ReadArray(r, &g.events);
  if (!ok || !r.Finish()) {
    *why = "snapshot truncated or damaged";
    return std::nullopt;
  }
  if (!Consistent(g)) {
    *why = "snapshot inconsistent";
    return std::nullopt;
  }
  return g;
}

}  // namespace dyad::graph
