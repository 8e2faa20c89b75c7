#include "syntax/model_file.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/embedded.h"

namespace dyad::syntax {
namespace {

constexpr std::string_view kMagic = "DYADMODL";
constexpr size_t kHeader = 8 + 4 + 8 + 8;

template <typename T>
void Put(std::string* out, T v) {
  static_assert(std::endian::native == std::endian::little, "model files are little-endian");
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out->append(bytes, sizeof(T));
}

template <typename T>
T Get(const char* at) {
  T v;
  std::memcpy(&v, at, sizeof(T));
  return v;
}

}  // namespace

bool ModelIdentity::Adopt(ModelReader& in) {
  if (in.ok() && !in.AtEnd()) in.Fail("damaged: bytes after the model's last section");
  if (!in.ok()) {
    error_ = in.error();
    return false;
  }
  fingerprint_ = in.fingerprint();
  attribution_ = in.attribution();
  return true;
}

BuiltinModelFile BuiltinModel(std::string_view kind) {
  for (const builtin::EmbeddedFile& f : builtin::Files()) {
    if (f.kind == kind) return {f.data, "<builtin>/" + std::string(f.path)};
  }
  return {{}, "<builtin>/" + std::string(kind) + ".model"};
}

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

ModelWriter::ModelWriter(std::string_view kind, std::string_view attribution) {
  String(kind);
  String(attribution);
}

void ModelWriter::U8(uint8_t v) { Put(&payload_, v); }
void ModelWriter::U16(uint16_t v) { Put(&payload_, v); }
void ModelWriter::U32(uint32_t v) { Put(&payload_, v); }
void ModelWriter::U64(uint64_t v) { Put(&payload_, v); }
void ModelWriter::F32(float v) { Put(&payload_, v); }
void ModelWriter::String(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  payload_.append(s);
}

void ModelWriter::Model(const LinearModel& model) {
  float largest = 0.0F;
  for (const LinearModel::Entry& e : model.entries()) {
    largest = std::max(largest, std::fabs(e.weight));
  }
  const float scale = largest > 0.0F ? largest / 32767.0F : 1.0F;
  U32(static_cast<uint32_t>(model.classes()));
  U32(static_cast<uint32_t>(model.features()));
  U32(static_cast<uint32_t>(model.weights()));
  F32(scale);
  for (uint32_t k : model.keys()) U32(k);
  for (size_t i = 0; i + 1 < model.offsets().size(); ++i) {
    U16(static_cast<uint16_t>(model.offsets()[i + 1] - model.offsets()[i]));
  }
  for (const LinearModel::Entry& e : model.entries()) {
    U8(static_cast<uint8_t>(e.klass));
    const long q = std::lround(e.weight / scale);
    U16(static_cast<uint16_t>(static_cast<int16_t>(std::clamp(q, -32767L, 32767L))));
  }
}

std::string ModelWriter::Finish() const {
  std::string out(kMagic);
  Put(&out, kModelFormatVersion);
  Put(&out, static_cast<uint64_t>(payload_.size()));
  Put(&out, Fnv1a(payload_));
  out.append(payload_);
  return out;
}

ModelReader::ModelReader(std::string_view file, std::string_view kind, std::string_view name)
    : name_(name) {
  if (file.size() < kHeader || file.substr(0, kMagic.size()) != kMagic) {
    Fail("not a dyad model file (no DYADMODL header)");
    return;
  }
  const auto version = Get<uint32_t>(file.data() + 8);
  if (version != kModelFormatVersion) {
    Fail("model format version " + std::to_string(version) + ", but this dyad reads version " +
         std::to_string(kModelFormatVersion) +
         (version > kModelFormatVersion ? " (a newer dyad wrote it)" : ""));
    return;
  }
  const auto size = Get<uint64_t>(file.data() + 12);
  const auto checksum = Get<uint64_t>(file.data() + 20);
  if (size != file.size() - kHeader) {
    Fail("damaged: the header says " + std::to_string(size) + " bytes of model, the file has " +
         std::to_string(file.size() - kHeader) + " (truncated or appended to?)");
    return;
  }
  payload_ = file.substr(kHeader);
  if (Fnv1a(payload_) != checksum) {
    Fail("damaged: the checksum does not match the content");
    payload_ = {};
    return;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(checksum));
  fingerprint_ = hex;
  const std::string stored_kind = String();
  if (ok() && stored_kind != kind) {
    Fail("a " + stored_kind + " model where a " + std::string(kind) + " model was expected");
    return;
  }
  attribution_ = String();
}

void ModelReader::Fail(const std::string& what) {
  if (error_.empty()) error_ = name_ + ": " + what;
}

bool ModelReader::Take(size_t n, const char** at) {
  if (!ok()) return false;
  if (payload_.size() - pos_ < n) {
    Fail("damaged: the model ends early");
    return false;
  }
  *at = payload_.data() + pos_;
  pos_ += n;
  return true;
}

uint8_t ModelReader::U8() {
  const char* at = nullptr;
  return Take(1, &at) ? Get<uint8_t>(at) : 0;
}
uint16_t ModelReader::U16() {
  const char* at = nullptr;
  return Take(2, &at) ? Get<uint16_t>(at) : 0;
}
uint32_t ModelReader::U32() {
  const char* at = nullptr;
  return Take(4, &at) ? Get<uint32_t>(at) : 0;
}
uint64_t ModelReader::U64() {
  const char* at = nullptr;
  return Take(8, &at) ? Get<uint64_t>(at) : 0;
}
float ModelReader::F32() {
  const char* at = nullptr;
  return Take(4, &at) ? Get<float>(at) : 0.0F;
}
std::string ModelReader::String() {
  const uint32_t n = U32();
  const char* at = nullptr;
  return Take(n, &at) ? std::string(at, n) : std::string();
}

LinearModel ModelReader::Model(int classes) {
  const uint32_t stored_classes = U32();
  const uint32_t features = U32();
  const uint32_t weights = U32();
  const float scale = F32();
  if (!ok()) return {};
  if (static_cast<int>(stored_classes) != classes) {
    Fail("damaged: weights for " + std::to_string(stored_classes) + " classes, the labels say " +
         std::to_string(classes));
    return {};
  }
  // Each feature takes 6 bytes and each weight 3: refuse counts the rest of the file cannot
  // hold before allocating for them.
  if (uint64_t{features} * 6 + uint64_t{weights} * 3 > payload_.size() - pos_ ||
      !std::isfinite(scale) || scale <= 0.0F) {
    Fail("damaged: the weight table's size or scale is impossible");
    return {};
  }
  std::vector<uint32_t> keys(features);
  for (uint32_t& k : keys) k = U32();
  for (size_t i = 1; i < keys.size(); ++i) {
    if (keys[i] <= keys[i - 1]) {
      Fail("damaged: feature keys out of order");
      return {};
    }
  }
  std::vector<uint32_t> offsets(size_t{features} + 1, 0);
  for (size_t i = 0; i < features; ++i) offsets[i + 1] = offsets[i] + U16();
  if (offsets.back() != weights) {
    Fail("damaged: the feature rows do not add up to the weight count");
    return {};
  }
  std::vector<LinearModel::Entry> entries(weights);
  for (LinearModel::Entry& e : entries) {
    e.klass = U8();
    e.weight = static_cast<float>(static_cast<int16_t>(U16())) * scale;
    if (e.klass >= classes) {
      Fail("damaged: a weight for class " + std::to_string(e.klass) + " of " +
           std::to_string(classes));
      return {};
    }
  }
  if (!ok()) return {};
  return LinearModel(classes, std::move(keys), std::move(offsets), std::move(entries));
}

}  // namespace dyad::syntax
