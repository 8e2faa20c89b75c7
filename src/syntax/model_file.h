// The binary container of dyad's trained models (docs/syntax.md, "Model files"):
//   "DYADMODL" | u32 format version | u64 payload size | u64 checksum | payload
// all little-endian. The checksum (FNV-1a of the payload) is the model's fingerprint: it
// names the model in every mention it helps code, and a file whose payload does not match it
// is refused as damaged. The payload starts with the model's kind ("tagger", "parser") and
// its attribution, then what that kind stores, written and read by the two classes below.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/perceptron.h"

namespace dyad::syntax {

inline constexpr uint32_t kModelFormatVersion = 1;

// Builds a payload; Finish() returns the whole file.
class ModelWriter {
 public:
  ModelWriter(std::string_view kind, std::string_view attribution);

  void U8(uint8_t v);
  void U16(uint16_t v);
  void U32(uint32_t v);
  void U64(uint64_t v);
  void F32(float v);
  void String(std::string_view s);
  // The weights, 16-bit quantized against the largest magnitude.
  void Model(const LinearModel& model);

  std::string Finish() const;

 private:
  std::string payload_;
};

// Reads a file ModelWriter wrote, in place: `file` must outlive the reader. Never throws: a
// failed read sets error() (the first one only) and returns zeros, so a caller reads
// everything and checks ok() once.
class ModelReader {
 public:
  // Checks the header, the size and the checksum, and that the kind is `kind`. `name` (a
  // path, or "<builtin>/...") prefixes every error.
  ModelReader(std::string_view file, std::string_view kind, std::string_view name);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& attribution() const { return attribution_; }
  // 16 hex digits of the checksum.
  const std::string& fingerprint() const { return fingerprint_; }
  bool AtEnd() const { return pos_ == payload_.size(); }

  uint8_t U8();
  uint16_t U16();
  uint32_t U32();
  uint64_t U64();
  float F32();
  std::string String();
  // A model of `classes` classes, checked entry by entry.
  LinearModel Model(int classes);
  // Records a problem found by the caller (e.g. a label index out of range).
  void Fail(const std::string& what);

 private:
  bool Take(size_t n, const char** at);

  std::string name_;
  std::string_view payload_;
  size_t pos_ = 0;
  std::string error_;
  std::string attribution_;
  std::string fingerprint_;
};

// What every loaded model answers: whether it loaded, why not, and which model it is.
class ModelIdentity {
 public:
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& fingerprint() const { return fingerprint_; }
  const std::string& attribution() const { return attribution_; }

 protected:
  // Takes the reader's verdict once the model's sections are read (bytes left over are a
  // damage too); false, with error() set, when the file is refused.
  bool Adopt(ModelReader& in);

 private:
  std::string error_;
  std::string fingerprint_;
  std::string attribution_;
};

// The model of `kind` compiled into dyad (kind "tagger" or "parser" in CMakeLists.txt's
// embedded files), and the name its messages give it; empty data when there is none.
struct BuiltinModelFile {
  std::string_view data;
  std::string name;
};
BuiltinModelFile BuiltinModel(std::string_view kind);

// FNV-1a, 64 bits.
uint64_t Fnv1a(std::string_view bytes);

}  // namespace dyad::syntax
