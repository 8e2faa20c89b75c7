#include "coding/cameo_table.h"

#include <charconv>

namespace dyad::coding {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    const size_t tab = line.find('\t', pos);
    out.push_back(
        line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) return out;
    pos = tab + 1;
  }
}

}  // namespace

void CameoTable::Load(std::string_view content, std::string_view file,
                      std::vector<Diagnostic>* diagnostics) {
  int64_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line.starts_with("code\t")) continue;
    const std::vector<std::string_view> f = SplitTabs(line);
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
      continue;
    }
    c.name = std::string(f[3]);
    codes_[std::string(f[0])] = std::move(c);
  }
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  const auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace dyad::coding
