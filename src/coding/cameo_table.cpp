#include "coding/cameo_table.h"

#include <charconv>

#include "core/lines.h"

namespace dyad::coding {

void CameoTable::Load(std::string_view content, std::string_view file,
                      std::vector<Diagnostic>* diagnostics) {
  core::ForEachLine(content, [&](std::string_view line, int64_t line_no) {
    if (line.empty() || line[0] == '#' || line.starts_with("code\t")) return;
    const std::vector<std::string_view> f = core::Split(line, '\t');
    CameoCode c;
    const std::string goldstein(f.size() > 2 ? f[2] : "");
    char* end = nullptr;
    const bool ok =
        f.size() == 4 &&
        std::from_chars(f[1].data(), f[1].data() + f[1].size(), c.quad_class).ec == std::errc() &&
        !goldstein.empty();
    if (ok) c.goldstein = std::strtod(goldstein.c_str(), &end);
    if (!ok || end == nullptr || *end != '\0' || c.quad_class < 1 || c.quad_class > 4) {
      diagnostics->push_back(Diagnostic{Severity::kError, std::string(file), line_no, "", -1,
                                        "expected: code, quad class 1-4, Goldstein score, name",
                                        Excerpt(line)});
      return;
    }
    c.name = std::string(f[3]);
    codes_[std::string(f[0])] = std::move(c);
  });
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  const auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace dyad::coding
