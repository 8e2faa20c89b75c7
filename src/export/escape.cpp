#include "export/escape.h"

#include <cmath>
#include <cstdio>

#include "core/utf8.h"

namespace dyad::exports {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls f(sequence) for each UTF-8 sequence of s, an ill-formed byte as U+FFFD.
template <typename F>
void ForEachSequence(std::string_view s, F&& f) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = core::Utf8SequenceLength(s.substr(i));
    if (n == 0) {
      f(kReplacement);
      ++i;
    } else {
      f(s.substr(i, n));
      i += n;
    }
  }
}

bool XmlAllowed(std::string_view seq) {
  if (seq.size() == 1) {
    const auto c = static_cast<unsigned char>(seq[0]);
    return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
  }
  return seq != "\xEF\xBF\xBE" && seq != "\xEF\xBF\xBF";  // U+FFFE, U+FFFF
}

}  // namespace

std::string ValidUtf8(std::string_view s) {
  if (core::FindInvalidUtf8(s) == std::string_view::npos) return std::string(s);
  std::string out;
  ForEachSequence(s, [&](std::string_view seq) { out += seq; });
  return out;
}

std::string DotQuoted(std::string_view s) {
  std::string out = "\"";
  ForEachSequence(s, [&](std::string_view seq) {
    if (seq.size() > 1) return void(out += seq);
    const char c = seq[0];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      // dropped: "\r\n" is one line break
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  });
  out += '"';
  return out;
}

std::string XmlEscaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachSequence(s, [&](std::string_view seq) {
    if (!XmlAllowed(seq)) return;
    switch (seq[0]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";  // kept in attribute values, where a raw line break is normalized away
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += seq;
    }
  });
  return out;
}

std::string XmlSafe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachSequence(s, [&](std::string_view seq) {
    if (XmlAllowed(seq)) out += seq;
  });
  return out;
}

std::string CsvField(std::string_view s) {
  std::string valid = ValidUtf8(s);
  const bool quote = valid.find_first_of(",\"\r\n") != std::string::npos ||
                     (!valid.empty() && (valid.front() == ' ' || valid.back() == ' '));
  if (!quote) return valid;
  std::string out = "\"";
  for (char c : valid) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvText(std::string_view s) {
  const bool formula =
      !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
                     (s[0] == '-' && s.size() > 1 && s[1] != '-' && (s[1] < '0' || s[1] > '9')));
  if (!formula) return CsvField(s);
  std::string guarded = "'";
  guarded.append(s);
  return CsvField(guarded);
}

std::string HtmlEscaped(std::string_view s) {
  std::string out;
  ForEachSequence(s, [&](std::string_view seq) {
    switch (seq[0]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (seq.size() == 1 && static_cast<unsigned char>(seq[0]) < 0x20 && seq[0] != '\n' &&
            seq[0] != '\t') {
          out += ' ';
        } else {
          out += seq;
        }
    }
  });
  return out;
}

std::string Number(double x, int digits) {
  if (!std::isfinite(x)) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  std::string out = buf;
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

}  // namespace dyad::exports
