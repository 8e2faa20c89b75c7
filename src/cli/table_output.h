// A query result as rows of named columns, written as a table for people, CSV or JSON.
#pragma once

#include <string>
#include <vector>

namespace dyad::cli {

struct TableOutput {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column: written as a JSON number

  // "table": aligned columns; "csv": RFC 4180; "json": an array of objects.
  std::string Render(const std::string& format) const;
};

}  // namespace dyad::cli
