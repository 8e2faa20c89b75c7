// CAMEO event codes with their QuadClass and Goldstein score (src/coding/data/cameo.tsv).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/diagnostic.h"

namespace dyad::coding {

struct CameoCode {
  int quad_class = 0;
  double goldstein = 0.0;
  std::string name;
};

// Read-only after Load; safe to share between threads.
class CameoTable {
 public:
  void Load(std::string_view content, std::string_view file, std::vector<Diagnostic>* diagnostics);
  // The entry for `code`, or nullptr when the code is not CAMEO.
  const CameoCode* Find(std::string_view code) const;
  size_t size() const { return codes_.size(); }
  // Every code, in no particular order.
  std::vector<std::string> Codes() const {
    std::vector<std::string> out;
    for (const auto& [code, c] : codes_) out.push_back(code);
    return out;
  }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace dyad::coding
