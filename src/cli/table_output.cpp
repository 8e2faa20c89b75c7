#include "cli/table_output.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdlib>

namespace dyad::cli {
namespace {

size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string TableOutput::Render(const std::string& format) const {
  std::string out;
  if (format == "csv") {
    const auto line = [&](const std::vector<std::string>& cells) {
      for (size_t c = 0; c < cells.size(); ++c) {
        if (c > 0) out.push_back(',');
        out.append(Csv(cells[c]));
      }
      out.push_back('\n');
    };
    line(columns);
    for (const auto& row : rows) line(row);
    return out;
  }
  if (format == "json") {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartArray();
    for (const auto& row : rows) {
      w.StartObject();
      for (size_t c = 0; c < row.size(); ++c) {
        w.Key(columns[c].c_str());
        if (c < numeric.size() && numeric[c] && !row[c].empty()) {
          w.RawValue(row[c].c_str(), row[c].size(), rapidjson::kNumberType);
        } else {
          w.String(row[c].c_str(), static_cast<rapidjson::SizeType>(row[c].size()));
        }
      }
      w.EndObject();
    }
    w.EndArray();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
  }
  std::vector<size_t> widths(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) widths[c] = Width(columns[c]);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      out += cells[c];
      if (c + 1 < cells.size()) out.append(widths[c] - Width(cells[c]) + 2, ' ');
    }
    out += "\n";
  };
  line(columns);
  for (const auto& row : rows) line(row);
  return out;
}

}  // namespace dyad::cli
