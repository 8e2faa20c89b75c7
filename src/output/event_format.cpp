#include "dyad/event_format.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <vector>

namespace dyad {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Actor(JsonWriter& w, const ActorRef& a) {
  w.StartObject();
  w.Key("entity");
  String(w, a.entity);
  w.Key("code");
  String(w, a.code);
  w.Key("name");
  String(w, a.name);
  // Actors implied by the text (an official release's publisher) have no words of their own.
  const bool implicit = a.span.begin < 0;
  w.Key("text");
  implicit ? w.Null() : (String(w, a.text), true);
  w.Key("span");
  if (implicit) {
    w.Null();
  } else {
    w.StartArray();
    w.Int64(a.span.begin);
    w.Int64(a.span.end);
    w.EndArray();
  }
  w.EndObject();
}

// `s` cut or padded to `width` columns (code points), then one space. Never cuts a UTF-8
// sequence in half, so non-ASCII names stay valid and the columns aligned.
std::string Pad(std::string_view s, size_t width) {
  std::string out;
  size_t columns = 0;
  for (size_t i = 0; i < s.size() && columns < width;) {
    size_t len = 1;
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead >= 0xF0) {
      len = 4;
    } else if (lead >= 0xE0) {
      len = 3;
    } else if (lead >= 0xC0) {
      len = 2;
    }
    out.append(s.substr(i, len));
    i += len;
    ++columns;
  }
  out.append(width - columns + 1, ' ');
  return out;
}

void WriteEvent(JsonWriter& w, const Event& e) {
  w.StartObject();
  w.Key("article_id");
  String(w, e.article_id);
  w.Key("sentence_index");
  w.Int(e.sentence_index);
  w.Key("field");
  w.String(e.field == ArticleField::kTitle ? "title" : "text");
  w.Key("sentence");
  String(w, e.sentence);
  w.Key("source");
  Actor(w, e.source);
  w.Key("target");
  Actor(w, e.target);
  w.Key("action");
  String(w, e.action);
  w.Key("cameo");
  String(w, e.cameo);
  w.Key("quad_class");
  w.Int(e.quad_class);
  w.Key("goldstein");
  w.Double(e.goldstein);
  w.Key("date");
  if (e.date) {
    String(w, e.date->ToString());
  } else {
    w.Null();
  }
  w.Key("date_precision");
  if (e.date) {
    String(w, PrecisionName(e.date->precision));
  } else {
    w.Null();
  }
  w.Key("negated");
  w.Bool(e.negated);
  w.Key("factual");
  w.Bool(e.factual);
  w.Key("rule");
  String(w, e.rule);
  w.Key("trigger");
  w.StartArray();
  w.Int64(e.trigger.begin);
  w.Int64(e.trigger.end);
  w.EndArray();
  if (e.location) {  // only where the sentence says where
    const Location& l = *e.location;
    w.Key("location");
    w.StartObject();
    w.Key("place");
    String(w, l.place);
    w.Key("country");
    String(w, l.country);
    w.Key("region");
    String(w, l.region);
    w.Key("lat");
    l.lat ? w.Double(*l.lat) : w.Null();
    w.Key("lon");
    l.lon ? w.Double(*l.lon) : w.Null();
    w.EndObject();
  }
  w.EndObject();
}

void WriteDiagnostic(JsonWriter& w, const Diagnostic& d) {
  w.StartObject();
  w.Key("severity");
  w.String(SeverityName(d.severity));
  w.Key("file");
  String(w, d.file);
  w.Key("line");
  w.Int64(d.line);
  w.Key("article_id");
  String(w, d.article_id);
  w.Key("offset");
  w.Int64(d.offset);
  w.Key("message");
  String(w, d.message);
  w.Key("excerpt");
  String(w, d.excerpt);
  w.EndObject();
}

void WriteDiagnostics(JsonWriter& w, const char* key, const std::vector<Diagnostic>& list) {
  w.Key(key);
  w.StartArray();
  for (const Diagnostic& d : list) WriteDiagnostic(w, d);
  w.EndArray();
}

}  // namespace

std::string EventToJson(const Event& e) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  WriteEvent(w, e);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string ArticleRecordToJson(const ArticleRecord& r) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  if (r.has_article) {
    w.Key("article");
    w.StartObject();
    w.Key("id");
    String(w, r.article.id);
    w.Key("title");
    String(w, r.article.title);
    w.Key("url");
    String(w, r.article.url);
    w.Key("source");
    String(w, r.article.source);
    w.Key("date");
    if (r.article.date) {
      String(w, r.article.date->ToString());
    } else {
      w.Null();
    }
    w.Key("content_hash");
    String(w, r.content_hash);
    w.EndObject();
    w.Key("fingerprint");
    String(w, r.fingerprint);
    w.Key("events");
    w.StartArray();
    for (const Event& e : r.events) WriteEvent(w, e);
    w.EndArray();
  }
  WriteDiagnostics(w, "read_diagnostics", r.read);
  WriteDiagnostics(w, "diagnostics", r.coding);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string EventsToTable(const std::vector<Event>& events, bool with_header) {
  std::string out;
  if (with_header) {
    out += Pad("date", 10) + Pad("source", 26) + Pad("action", 12) + Pad("target", 26) +
           Pad("cameo", 5) + Pad("flags", 11) + "article:sentence\n";
  }
  for (const Event& e : events) {
    const std::string date = e.date ? e.date->ToString() : "-";
    std::string flags;
    if (e.negated) flags += "negated ";
    if (!e.factual) flags += "nonfactual";
    out += Pad(date, 10) + Pad(e.source.code + " " + e.source.name, 26) + Pad(e.action, 12) +
           Pad(e.target.code + " " + e.target.name, 26) + Pad(e.cameo, 5) + Pad(flags, 11) +
           e.article_id + ":" + std::to_string(e.sentence_index) + "\n";
  }
  return out;
}

}  // namespace dyad
