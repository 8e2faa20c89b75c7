#include "dyad/event_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "core/utf8.h"
#include "ingest/byte_source.h"

namespace dyad {
namespace {

using Json = rapidjson::Value;

// Field readers: each returns false when the member is missing or of the wrong type, and
// names it in `*bad`.
bool GetString(const Json& o, const char* key, std::string* out, std::string* bad) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsString()) return (*bad = key, false);
  out->assign(it->value.GetString(), it->value.GetStringLength());
  return true;
}

bool GetOptionalString(const Json& o, const char* key, std::string* out, std::string* bad) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || it->value.IsNull()) return true;
  return GetString(o, key, out, bad);
}

bool GetInt(const Json& o, const char* key, int64_t* out, std::string* bad) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsInt64()) return (*bad = key, false);
  *out = it->value.GetInt64();
  return true;
}

bool GetBool(const Json& o, const char* key, bool* out, std::string* bad) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsBool()) return (*bad = key, false);
  *out = it->value.GetBool();
  return true;
}

bool GetSpan(const Json& o, const char* key, Span* out, bool nullable, std::string* bad) {
  const auto it = o.FindMember(key);
  if (nullable && (it == o.MemberEnd() || it->value.IsNull())) {
    *out = Span{-1, -1};
    return true;
  }
  if (it == o.MemberEnd() || !it->value.IsArray() || it->value.Size() != 2 ||
      !it->value[0].IsInt64() || !it->value[1].IsInt64()) {
    return (*bad = key, false);
  }
  *out = Span{it->value[0].GetInt64(), it->value[1].GetInt64()};
  return true;
}

bool GetDate(const Json& o, const char* key, std::optional<Date>* out, std::string* bad) {
  std::string text;
  if (!GetOptionalString(o, key, &text, bad)) return false;
  if (text.empty()) {
    out->reset();
    return true;
  }
  *out = Date::ParseIso(text);
  return out->has_value() || (*bad = key, false);
}

bool GetActor(const Json& o, const char* key, ActorRef* a, std::string* bad) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsObject()) return (*bad = key, false);
  const Json& v = it->value;
  return GetString(v, "entity", &a->entity, bad) && GetString(v, "code", &a->code, bad) &&
         GetString(v, "name", &a->name, bad) && GetOptionalString(v, "text", &a->text, bad) &&
         GetSpan(v, "span", &a->span, true, bad);
}

// An optional "location" member: {"place", "country", "region", "lat", "lon"}.
bool GetLocation(const Json& o, std::optional<Location>* out, std::string* bad) {
  out->reset();
  const auto it = o.FindMember("location");
  if (it == o.MemberEnd() || it->value.IsNull()) return true;
  if (!it->value.IsObject()) return (*bad = "location", false);
  const Json& v = it->value;
  Location l;
  if (!GetOptionalString(v, "place", &l.place, bad) ||
      !GetOptionalString(v, "country", &l.country, bad) ||
      !GetOptionalString(v, "region", &l.region, bad)) {
    return false;
  }
  for (const auto& [key, field] : {std::pair{"lat", &l.lat}, std::pair{"lon", &l.lon}}) {
    const auto c = v.FindMember(key);
    if (c == v.MemberEnd() || c->value.IsNull()) continue;
    if (!c->value.IsNumber()) return (*bad = "location", false);
    *field = c->value.GetDouble();
  }
  const bool in_range = (!l.lat || (*l.lat >= -90 && *l.lat <= 90)) &&
                        (!l.lon || (*l.lon >= -180 && *l.lon <= 180));
  if (!in_range || l.country.size() > 8) return (*bad = "location", false);
  *out = std::move(l);
  return true;
}

bool ParseEvent(const Json& o, Event* e, std::string* bad) {
  if (!o.IsObject()) return (*bad = "event", false);
  int64_t sentence = 0, quad = 0;
  std::string field;
  const bool ok =
      GetString(o, "article_id", &e->article_id, bad) &&
      GetInt(o, "sentence_index", &sentence, bad) && GetString(o, "field", &field, bad) &&
      GetString(o, "sentence", &e->sentence, bad) && GetActor(o, "source", &e->source, bad) &&
      GetActor(o, "target", &e->target, bad) && GetString(o, "action", &e->action, bad) &&
      GetString(o, "cameo", &e->cameo, bad) && GetInt(o, "quad_class", &quad, bad) &&
      GetDate(o, "date", &e->date, bad) && GetBool(o, "negated", &e->negated, bad) &&
      GetBool(o, "factual", &e->factual, bad) && GetString(o, "rule", &e->rule, bad) &&
      GetSpan(o, "trigger", &e->trigger, false, bad) && GetLocation(o, &e->location, bad);
  if (!ok) return false;
  const auto goldstein = o.FindMember("goldstein");
  if (goldstein == o.MemberEnd() || !goldstein->value.IsNumber())
    return (*bad = "goldstein", false);
  e->goldstein = goldstein->value.GetDouble();
  if (field != "title" && field != "text") return (*bad = "field", false);
  if (quad < 1 || quad > 4) return (*bad = "quad_class", false);
  // What the store would take as given and queries then trust: a Goldstein score on its
  // scale, a CAMEO code of digits, coded actors, spans that do not run backwards.
  if (!(e->goldstein >= -10.0 && e->goldstein <= 10.0)) return (*bad = "goldstein", false);
  const bool digits = !e->cameo.empty() && e->cameo.size() <= 4 &&
                      e->cameo.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) return (*bad = "cameo", false);
  if (e->source.code.empty()) return (*bad = "source", false);
  if (e->target.code.empty()) return (*bad = "target", false);
  if (sentence < 0) return (*bad = "sentence_index", false);
  if (e->trigger.begin < 0 || e->trigger.end < e->trigger.begin) return (*bad = "trigger", false);
  e->field = field == "title" ? ArticleField::kTitle : ArticleField::kText;
  e->sentence_index = static_cast<int>(sentence);
  e->quad_class = static_cast<int>(quad);
  return true;
}

bool ParseDiagnostics(const Json& o, const char* key, std::vector<Diagnostic>* out,
                      std::string* bad) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd()) return true;
  if (!it->value.IsArray()) return (*bad = key, false);
  for (const Json& v : it->value.GetArray()) {
    if (!v.IsObject()) return (*bad = key, false);
    Diagnostic d;
    std::string severity;
    if (!GetString(v, "severity", &severity, bad) || !GetString(v, "file", &d.file, bad) ||
        !GetInt(v, "line", &d.line, bad) || !GetString(v, "article_id", &d.article_id, bad) ||
        !GetInt(v, "offset", &d.offset, bad) || !GetString(v, "message", &d.message, bad) ||
        !GetString(v, "excerpt", &d.excerpt, bad)) {
      return false;
    }
    d.severity = severity == "warning" ? Severity::kWarning
                 : severity == "info"  ? Severity::kInfo
                                       : Severity::kError;
    out->push_back(std::move(d));
  }
  return true;
}

bool ParseRecord(const Json& o, ArticleRecord* r, std::string* bad) {
  *r = ArticleRecord();
  const auto article = o.FindMember("article");
  r->has_article = article != o.MemberEnd();
  if (r->has_article) {
    const Json& a = article->value;
    if (!a.IsObject()) return (*bad = "article", false);
    if (!GetString(a, "id", &r->article.id, bad) ||
        !GetOptionalString(a, "title", &r->article.title, bad) ||
        !GetOptionalString(a, "url", &r->article.url, bad) ||
        !GetOptionalString(a, "source", &r->article.source, bad) ||
        !GetDate(a, "date", &r->article.date, bad) ||
        !GetString(a, "content_hash", &r->content_hash, bad) ||
        !GetString(o, "fingerprint", &r->fingerprint, bad)) {
      return false;
    }
    const auto events = o.FindMember("events");
    if (events == o.MemberEnd() || !events->value.IsArray()) return (*bad = "events", false);
    for (const Json& v : events->value.GetArray()) {
      Event e;
      if (!ParseEvent(v, &e, bad)) return false;
      r->events.push_back(std::move(e));
    }
  }
  return ParseDiagnostics(o, "read_diagnostics", &r->read, bad) &&
         ParseDiagnostics(o, "diagnostics", &r->coding, bad);
}

// FNV-1a, to give an article known only by its events a hash of them.
uint64_t Fnv(uint64_t hash, std::string_view s) {
  for (unsigned char c : s) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

struct EventReader::Impl {
  std::vector<std::string> paths;
  size_t next_path = 0;
  std::unique_ptr<ingest::LineReader> lines;
  std::string file;
  int64_t line_number = 0;
  int64_t skipped = 0;
  int64_t bytes_done = 0;
  // A plain event read ahead: the first of the next article.
  std::optional<Event> pending;
  std::string pending_line;

  bool NextLine(std::string* line, std::vector<Diagnostic>* diagnostics) {
    while (true) {
      if (lines && lines->Next(line)) {
        ++line_number;
        return true;
      }
      if (lines) {
        if (lines->bad()) {
          Error(diagnostics, "read error: " + lines->error(), "");
        }
        bytes_done += lines->consumed();
        lines.reset();
      }
      if (next_path == paths.size()) return false;
      file = paths[next_path++];
      line_number = 0;
      std::string inner, reason;
      std::error_code ec;
      if (file != "-" && std::filesystem::is_directory(file, ec)) {
        Error(diagnostics, "is a directory", "");
        continue;
      }
      auto source = ingest::OpenSource(file, ingest::CompressionOf(file, &inner), &reason);
      if (!source) {
        Error(diagnostics, "cannot open: " + reason, "");
        continue;
      }
      lines = std::make_unique<ingest::LineReader>(std::move(source));
    }
  }

  void Error(std::vector<Diagnostic>* diagnostics, std::string message, std::string_view line) {
    Diagnostic d;
    d.file = file;
    d.line = line_number > 0 ? line_number : -1;
    d.message = std::move(message);
    d.excerpt = line.empty() ? "" : Excerpt(line);
    diagnostics->push_back(std::move(d));
    ++skipped;
  }

  // An article of plain events: `first` and the events after it with the same article_id.
  void Group(Event first, const std::string& first_line, ArticleRecord* r,
             std::vector<Diagnostic>* diagnostics) {
    *r = ArticleRecord();
    r->article.id = first.article_id;
    r->fingerprint = "events";
    uint64_t hash = Fnv(0xcbf29ce484222325ULL, first_line);
    r->events.push_back(std::move(first));
    std::string line;
    while (NextLine(&line, diagnostics)) {
      std::optional<Event> e = ParseLine(line, diagnostics);
      if (!e) continue;
      if (e->article_id != r->article.id) {
        pending = std::move(e);
        pending_line = line;
        break;
      }
      hash = Fnv(hash, line);
      r->events.push_back(std::move(*e));
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    r->content_hash = std::string("events:") + hex;
  }

  // A plain event line; nullopt (after a diagnostic) when it is not one.
  std::optional<Event> ParseLine(const std::string& line, std::vector<Diagnostic>* diagnostics) {
    rapidjson::Document doc;
    if (!Parse(line, &doc, diagnostics)) return std::nullopt;
    Event e;
    std::string bad;
    if (doc.HasMember("article") || !ParseEvent(doc, &e, &bad)) {
      Error(diagnostics,
            doc.HasMember("article") ? "an article record among plain events"
                                     : "not an event: \"" + bad + "\" missing or malformed",
            line);
      return std::nullopt;
    }
    return e;
  }

  bool Parse(const std::string& line, rapidjson::Document* doc,
             std::vector<Diagnostic>* diagnostics) {
    if (core::FindInvalidUtf8(line) != std::string::npos) {
      Error(diagnostics, "invalid UTF-8", line);
      return false;
    }
    doc->Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
    if (doc->HasParseError() || !doc->IsObject()) {
      Error(diagnostics,
            std::string("malformed JSON: ") +
                (doc->HasParseError() ? rapidjson::GetParseError_En(doc->GetParseError())
                                      : "not an object"),
            line);
      return false;
    }
    return true;
  }

  bool Next(ArticleRecord* r, std::vector<Diagnostic>* diagnostics) {
    if (pending) {
      Event first = std::move(*pending);
      pending.reset();
      Group(std::move(first), pending_line, r, diagnostics);
      return true;
    }
    std::string line;
    while (NextLine(&line, diagnostics)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      rapidjson::Document doc;
      if (!Parse(line, &doc, diagnostics)) continue;
      std::string bad;
      if (doc.HasMember("article") || doc.HasMember("read_diagnostics")) {
        if (ParseRecord(doc, r, &bad)) return true;
        Error(diagnostics, "not an article record: \"" + bad + "\" missing or malformed", line);
        continue;
      }
      Event e;
      if (!ParseEvent(doc, &e, &bad)) {
        Error(diagnostics, "not an event: \"" + bad + "\" missing or malformed", line);
        continue;
      }
      Group(std::move(e), line, r, diagnostics);
      return true;
    }
    return false;
  }
};

EventReader::EventReader(std::vector<std::string> paths) : impl_(std::make_unique<Impl>()) {
  impl_->paths = std::move(paths);
}
EventReader::~EventReader() = default;

bool EventReader::Next(ArticleRecord* record, std::vector<Diagnostic>* diagnostics) {
  return impl_->Next(record, diagnostics);
}

int64_t EventReader::skipped() const { return impl_->skipped; }

int64_t EventReader::bytes_read() const {
  return impl_->bytes_done + (impl_->lines ? impl_->lines->consumed() : 0);
}

}  // namespace dyad
