#include "dyad/dictionary_check.h"

#include <algorithm>
#include <filesystem>

#include "api/dictionaries.h"
#include "dyad/error.h"

namespace dyad {

std::vector<Diagnostic> CheckDictionaries(const std::vector<std::string>& paths, bool with_builtin) {
  std::vector<Diagnostic> all;
  api::Dictionaries dicts;
  dicts.LoadBuiltin(with_builtin || paths.empty(), &all);
  for (const std::string& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      all.push_back(Diagnostic{Severity::kError, path, -1, "", -1, "is a directory", ""});
      continue;
    }
    try {
      dicts.LoadFile(path, api::KindOfPath(path), &all);
    } catch (const Error& e) {
      all.push_back(Diagnostic{Severity::kError, path, -1, "", -1, e.what(), ""});
    }
  }
  dicts.actors.Lint(&all);
  dicts.lexicon.Lint(dicts.cameo, paths.empty(), &all);
  std::vector<Diagnostic> out;
  for (Diagnostic& d : all) {
    const bool checked = paths.empty() ? d.file.starts_with("<builtin>/")
                                       : std::find(paths.begin(), paths.end(), d.file) != paths.end();
    if (checked) out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  return out;
}

}  // namespace dyad
