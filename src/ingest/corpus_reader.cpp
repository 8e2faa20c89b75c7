#include "dyad/corpus_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <vector>

#include "core/utf8.h"
#include "ingest/byte_source.h"

namespace dyad {
namespace {

using Diagnostics = std::vector<Diagnostic>;

constexpr std::string_view kBlank = " \t\r\n\f\v";
constexpr size_t kExcerptBytes = 80;  // Excerpt's default
constexpr size_t kExcerptLead = 30;   // bytes shown before an offending byte deep in a line

bool IsBlank(std::string_view text) { return text.find_first_not_of(kBlank) == text.npos; }

bool IsJsonlPath(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::ranges::transform(extension, extension.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".jsonl" || extension == ".ndjson";
}

// Standard input is JSONL when its first non-blank byte (after a byte order mark) is '{'.
bool LooksLikeJsonl(std::string_view content) {
  if (content.starts_with(core::kUtf8Bom)) {
    content.remove_prefix(core::kUtf8Bom.size());
  }
  const size_t first = content.find_first_not_of(kBlank);
  return first != content.npos && content[first] == '{';
}

// Appends the rest of `in` to `content`; false on a read error.
enum class ReadResult { kOk, kError, kTooLong };

// Reads the rest of `in` into `content`, up to `limit` bytes in all; past it, reads on only to
// count the bytes (into `*total`), keeping none.
ReadResult ReadAll(ingest::ByteSource& in, std::string* content, size_t limit, size_t* total) {
  char buffer[1 << 16];
  *total = content->size();
  while (true) {
    const ptrdiff_t got = in.Read(buffer, sizeof buffer);
    if (got < 0) return ReadResult::kError;
    if (got == 0) return *total > limit ? ReadResult::kTooLong : ReadResult::kOk;
    *total += static_cast<size_t>(got);
    if (*total > limit) {
      content->clear();
      content->shrink_to_fit();
    } else {
      content->append(buffer, static_cast<size_t>(got));
    }
  }
}

std::string MiB(size_t bytes) {
  return bytes % (size_t{1} << 20) == 0 ? std::to_string(bytes >> 20) + " MiB"
                                        : std::to_string(bytes) + " bytes";
}

Diagnostic TooLong(Diagnostic where, const char* what, size_t bytes, size_t limit) {
  where.severity = Severity::kError;
  where.message = std::string(what) + " of " + std::to_string(bytes) +
                  " bytes is longer than the limit of " + MiB(limit) +
                  " (--max-article-mb); skipped";
  return where;
}

// The excerpt of `line` that shows byte `offset`: from the start when it is near, else from a
// little before it (on a character boundary).
std::string ExcerptAround(std::string_view line, size_t offset) {
  if (offset + kExcerptLead <= kExcerptBytes) {
    return Excerpt(line);
  }
  size_t start = offset - kExcerptLead;
  while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) {
    --start;
  }
  return "..." + Excerpt(line.substr(start));
}

Diagnostic Where(std::string file, int64_t line = -1) {
  Diagnostic where;
  where.file = std::move(file);
  where.line = line;
  return where;
}

Diagnostic With(Diagnostic where, Severity severity, std::string message) {
  where.severity = severity;
  where.message = std::move(message);
  return where;
}

// An error "<what> at byte N" about byte `offset` of `line`.
Diagnostic ErrorAt(Diagnostic where, std::string_view line, size_t offset, std::string_view what) {
  where.offset = static_cast<int64_t>(offset);
  where.excerpt = ExcerptAround(line, offset);
  return With(std::move(where), Severity::kError,
              std::string(what) + " at byte " + std::to_string(offset));
}

// Points `where` at the line of `text` holding byte `offset`; returns that line.
std::string_view LineAt(std::string_view text, size_t offset, Diagnostic* where) {
  const size_t newline = offset == 0 ? text.npos : text.rfind('\n', offset - 1);
  const size_t start = newline == text.npos ? 0 : newline + 1;
  where->line = 1 + std::count(text.begin(), text.begin() + start, '\n');
  return text.substr(start, text.find('\n', offset) - start);
}

std::nullopt_t Report(Diagnostics* diagnostics, Diagnostic diagnostic) {
  diagnostics->push_back(std::move(diagnostic));
  return std::nullopt;
}

// A string member of a JSONL record.
struct Member {
  bool present = false;      // there and not null
  std::string value;         // when present and usable
  std::string_view problem;  // why a present member is unusable
};

Member StringMember(const rapidjson::Value& record, const char* key) {
  Member member;
  const auto it = record.FindMember(key);
  if (it == record.MemberEnd() || it->value.IsNull()) {
    return member;
  }
  member.present = true;
  if (!it->value.IsString()) {
    member.problem = "is not a string";
    return member;
  }
  member.value.assign(it->value.GetString(), it->value.GetStringLength());
  // The line was valid UTF-8, so only an escape can make a member invalid: a lone surrogate
  // ("\udc00"), whose encoding starts with 0xED.
  if (member.value.find('\xED') != std::string::npos &&
      core::FindInvalidUtf8(member.value) != std::string::npos) {
    member.problem = "is not valid UTF-8 (an unpaired surrogate escape)";
  }
  return member;
}

// An optional string member: "" when absent, or (with a warning) when unusable.
std::string OptionalString(const rapidjson::Value& record, const char* key, const Diagnostic& where,
                           Diagnostics* diagnostics) {
  Member member = StringMember(record, key);
  if (member.problem.empty()) {
    return std::move(member.value);
  }
  const std::string message = '"' + std::string(key) + "\" " + std::string(member.problem);
  diagnostics->push_back(With(where, Severity::kWarning, message + "; ignored"));
  return "";
}

// The record's "date" at day precision; nullopt (with a warning) when it names no day.
std::optional<Date> RecordDate(const rapidjson::Value& record, const Diagnostic& where,
                               Diagnostics* diagnostics) {
  const std::string text = OptionalString(record, "date", where, diagnostics);
  if (text.empty()) {
    return std::nullopt;
  }
  const std::optional<Date> date = Date::ParseIso(text);
  if (date && date->precision == DatePrecision::kDay) {
    return date;
  }
  const std::string what = date ? "date names no day" : "unparseable date";
  diagnostics->push_back(
      With(where, Severity::kWarning, what + " '" + Excerpt(text, 40) + "'; ignored"));
  return std::nullopt;
}

std::optional<Article> ArticleFromRecord(const rapidjson::Value& record, Diagnostic where,
                                         Diagnostics* diagnostics) {
  Article article;
  article.id = OptionalString(record, "id", where, diagnostics);
  where.article_id = article.id;
  Member text = StringMember(record, "text");
  if (!text.present) {
    return Report(diagnostics, With(where, Severity::kError, "missing \"text\""));
  }
  if (!text.problem.empty()) {
    return Report(diagnostics,
                  With(where, Severity::kError, "\"text\" " + std::string(text.problem)));
  }
  if (IsBlank(text.value)) {
    return Report(diagnostics, With(where, Severity::kError, "empty text"));
  }
  article.text = std::move(text.value);
  article.title = OptionalString(record, "title", where, diagnostics);
  article.url = OptionalString(record, "url", where, diagnostics);
  article.source = OptionalString(record, "source", where, diagnostics);
  article.date = RecordDate(record, where, diagnostics);
  return article;
}

// A set of 64-bit values in one array, open addressing, at most half full.
class HashSet {
 public:
  // Adds `value`; false when it was there already.
  bool Insert(uint64_t value) {
    if (value == kEmpty) value = 1;
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = Mix(value) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == value) return false;
      if (slots_[i] == kEmpty) {
        slots_[i] = value;
        ++size_;
        return true;
      }
    }
  }

 private:
  static constexpr uint64_t kEmpty = 0;
  static uint64_t Mix(uint64_t x) { return (x ^ (x >> 31)) * 0xbf58476d1ce4e5b9ULL; }
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, 2 * old.size()), kEmpty);
    size_ = 0;
    for (uint64_t v : old) {
      if (v != kEmpty) Insert(v);
    }
  }
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

std::string ParseErrorText(rapidjson::ParseErrorCode code) {
  std::string text = rapidjson::GetParseError_En(code);
  if (text.ends_with('.')) {
    text.pop_back();
  }
  return text;
}

// One JSONL record. Returns nullopt, after an error diagnostic, when the line is skipped; an
// unusable optional member is dropped with a warning. Leaves a missing id or date empty.
std::optional<Article> ParseRecord(const std::string& line, const Diagnostic& where,
                                   Diagnostics* diagnostics) {
  if (const size_t bad = core::FindInvalidUtf8(line); bad != line.npos) {
    return Report(diagnostics, ErrorAt(where, line, bad, "invalid UTF-8"));
  }
  // RapidJSON would take a NUL byte for the end of the input.
  if (const size_t nul = line.find('\0'); nul != line.npos) {
    Diagnostic error = ErrorAt(where, line, nul, "malformed JSON");
    error.message += ": NUL byte";
    return Report(diagnostics, std::move(error));
  }
  rapidjson::Document record;
  // Iterative, so that deep nesting cannot exhaust the stack. In place, in a copy of the line
  // (the line itself is kept for diagnostics): strings are unescaped where they stand rather
  // than copied. A leading byte order mark is skipped.
  const size_t bom = line.starts_with(core::kUtf8Bom) ? core::kUtf8Bom.size() : 0;
  std::string buffer = line.substr(bom);
  record.ParseInsitu<rapidjson::kParseIterativeFlag>(buffer.data());
  if (record.HasParseError()) {
    Diagnostic error = ErrorAt(where, line, bom + record.GetErrorOffset(), "malformed JSON");
    error.message += ": " + ParseErrorText(record.GetParseError());
    return Report(diagnostics, std::move(error));
  }
  if (!record.IsObject()) {
    return Report(diagnostics, With(where, Severity::kError, "not a JSON object"));
  }
  return ArticleFromRecord(record, where, diagnostics);
}

}  // namespace

struct CorpusReader::Impl {
  Impl(std::vector<std::string> paths, CorpusReaderOptions options)
      : paths(std::move(paths)), options(std::move(options)) {}

  std::vector<std::string> paths;
  CorpusReaderOptions options;
  size_t next_path = 0;
  int64_t skipped = 0;
  int64_t bytes = 0;  // of the files done, for progress (and of the current one, below)
  // The ids seen, by a 64-bit hash, to report duplicates: 16 bytes an article rather than a
  // string each, so that a corpus of millions of articles does not fill memory.
  HashSet ids;

  // The JSONL input being read, if any.
  std::unique_ptr<ingest::LineReader> jsonl;
  std::string jsonl_file;  // its name in diagnostics
  std::string jsonl_stem;  // prefix of default ids
  int64_t line_number = 0;
  int64_t jsonl_records = 0;  // lines that are not blank

  bool Next(Article* article, Diagnostics* diagnostics);
  bool NextRecord(Article* article, Diagnostics* diagnostics);
  bool Open(const std::string& path, Article* article, Diagnostics* diagnostics);
  bool OpenStdin(Article* article, Diagnostics* diagnostics);
  void StartJsonl(std::unique_ptr<ingest::LineReader> in, std::string file, std::string stem);
  int64_t BytesRead() const { return bytes + (jsonl ? jsonl->consumed() : 0); }
  bool PlainArticle(std::string text, Diagnostic where, Article* article, Diagnostics* diagnostics);
  bool Skip(Diagnostic error, Diagnostics* diagnostics);
  void CheckUnique(const std::string& id, const Diagnostic& where, Diagnostics* diagnostics);
};

bool CorpusReader::Impl::Next(Article* article, Diagnostics* diagnostics) {
  while (true) {
    if (jsonl && NextRecord(article, diagnostics)) {
      return true;
    }
    if (jsonl) bytes += jsonl->consumed();
    jsonl.reset();
    if (next_path == paths.size()) {
      return false;
    }
    if (Open(paths[next_path++], article, diagnostics)) {
      return true;
    }
  }
}

bool CorpusReader::Impl::NextRecord(Article* article, Diagnostics* diagnostics) {
  std::string line;
  while (jsonl->Next(&line)) {
    ++line_number;
    if (jsonl->oversize() > 0) {
      diagnostics->push_back(TooLong(Where(jsonl_file, line_number), "record", jsonl->oversize(),
                                     options.max_article_bytes));
      ++skipped;
      continue;
    }
    if (IsBlank(line)) {
      continue;
    }
    ++jsonl_records;
    const Diagnostic where = Where(jsonl_file, line_number);
    // Each diagnostic about the line shows it, unless it shows a part of its own: the excerpt
    // is made only for lines that have one.
    const size_t before = diagnostics->size();
    const auto show_line = [&] {
      for (size_t i = before; i < diagnostics->size(); ++i) {
        if ((*diagnostics)[i].excerpt.empty()) (*diagnostics)[i].excerpt = Excerpt(line);
      }
    };
    std::optional<Article> record = ParseRecord(line, where, diagnostics);
    if (!record) {
      show_line();
      ++skipped;
      continue;
    }
    if (record->id.empty()) {
      record->id = jsonl_stem + ":" + std::to_string(line_number);
    }
    if (!record->date) {
      record->date = options.date;
    }
    CheckUnique(record->id, where, diagnostics);
    show_line();
    *article = std::move(*record);
    return true;
  }
  if (jsonl->bad()) {
    Skip(
        With(Where(jsonl_file, line_number + 1), Severity::kError, "read error: " + jsonl->error()),
        diagnostics);
  } else if (jsonl_records == 0 && line_number == 0) {
    diagnostics->push_back(With(Where(jsonl_file), Severity::kWarning, "empty: no articles"));
  } else if (jsonl_records == 0) {
    diagnostics->push_back(
        With(Where(jsonl_file), Severity::kWarning, "no articles: every line is blank"));
  }
  return false;
}

// Starts reading a JSONL file, or returns a plain-text file's article.
bool CorpusReader::Impl::Open(const std::string& path, Article* article, Diagnostics* diagnostics) {
  if (path == "-") {
    return OpenStdin(article, diagnostics);
  }
  const Diagnostic where = Where(path);
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return Skip(With(where, Severity::kError, "is a directory"), diagnostics);
  }
  std::string inner;  // the path without a compression suffix
  const ingest::Compression compression = ingest::CompressionOf(path, &inner);
  std::string reason;
  std::unique_ptr<ingest::ByteSource> source = ingest::OpenSource(path, compression, &reason);
  if (!source) {
    return Skip(With(where, Severity::kError, "cannot open: " + reason), diagnostics);
  }
  const std::string stem = std::filesystem::path(inner).stem().string();
  if (IsJsonlPath(inner)) {
    StartJsonl(
        std::make_unique<ingest::LineReader>(std::move(source), "", options.max_article_bytes),
        path, stem);
    return false;
  }
  std::string text;
  size_t total = 0;
  const ReadResult read = ReadAll(*source, &text, options.max_article_bytes, &total);
  bytes += source->consumed();
  if (read == ReadResult::kError) {
    return Skip(With(where, Severity::kError, "read error: " + source->error()), diagnostics);
  }
  if (read == ReadResult::kTooLong) {
    return Skip(TooLong(where, "article", total, options.max_article_bytes), diagnostics);
  }
  Diagnostic article_where = where;
  article_where.article_id = options.id.value_or(stem);
  return PlainArticle(std::move(text), std::move(article_where), article, diagnostics);
}

bool CorpusReader::Impl::OpenStdin(Article* article, Diagnostics* diagnostics) {
  const Diagnostic where = Where("-");
  // Read until the first byte that tells the format: JSONL is then streamed a line at a time
  // (dyad as a filter between other programs), plain text read whole.
  std::unique_ptr<ingest::ByteSource> source =
      ingest::OpenSource("-", ingest::Compression::kNone, nullptr);
  std::string content;
  char buffer[1 << 12];
  // (A blank stream longer than an article is told apart no further: it is plain text.)
  while (content.find_first_not_of(kBlank, content.starts_with(core::kUtf8Bom) ? 3 : 0) ==
             std::string::npos &&
         content.size() <= options.max_article_bytes) {
    const ptrdiff_t got = source->Read(buffer, sizeof buffer);
    if (got < 0) {
      return Skip(With(where, Severity::kError, "read error: " + source->error()), diagnostics);
    }
    if (got == 0) break;
    content.append(buffer, static_cast<size_t>(got));
  }
  if (LooksLikeJsonl(content)) {
    StartJsonl(std::make_unique<ingest::LineReader>(std::move(source), std::move(content),
                                                    options.max_article_bytes),
               "-", "stdin");
    return false;
  }
  size_t total = 0;
  const ReadResult read = ReadAll(*source, &content, options.max_article_bytes, &total);
  bytes += static_cast<int64_t>(total);
  if (read == ReadResult::kError) {
    return Skip(With(where, Severity::kError, "read error: " + source->error()), diagnostics);
  }
  if (read == ReadResult::kTooLong) {
    return Skip(TooLong(where, "article", total, options.max_article_bytes), diagnostics);
  }
  Diagnostic article_where = where;
  article_where.article_id = options.id.value_or("stdin");
  return PlainArticle(std::move(content), std::move(article_where), article, diagnostics);
}

void CorpusReader::Impl::StartJsonl(std::unique_ptr<ingest::LineReader> in, std::string file,
                                    std::string stem) {
  jsonl = std::move(in);
  jsonl_file = std::move(file);
  jsonl_stem = std::move(stem);
  line_number = 0;
  jsonl_records = 0;
}

// A plain-text file is one article, its text kept byte for byte (event spans are offsets into
// it) but for a leading byte order mark. `where` names the file and the article id.
bool CorpusReader::Impl::PlainArticle(std::string text, Diagnostic where, Article* article,
                                      Diagnostics* diagnostics) {
  if (const size_t bad = core::FindInvalidUtf8(text); bad != text.npos) {
    const std::string_view line = LineAt(text, bad, &where);
    const size_t line_offset = bad - static_cast<size_t>(line.data() - text.data());
    return Skip(ErrorAt(std::move(where), line, line_offset, "invalid UTF-8"), diagnostics);
  }
  core::StripUtf8Bom(&text);
  if (IsBlank(text)) {
    return Skip(With(std::move(where), Severity::kError, "empty text"), diagnostics);
  }
  CheckUnique(where.article_id, where, diagnostics);
  *article = Article();
  article->id = where.article_id;
  article->text = std::move(text);
  article->date = options.date;
  return true;
}

// Reports `error` and counts the skipped article or file; returns false (no article).
bool CorpusReader::Impl::Skip(Diagnostic error, Diagnostics* diagnostics) {
  diagnostics->push_back(std::move(error));
  ++skipped;
  return false;
}

void CorpusReader::Impl::CheckUnique(const std::string& id, const Diagnostic& where,
                                     Diagnostics* diagnostics) {
  if (ids.Insert(std::hash<std::string_view>{}(id)*0x9e3779b97f4a7c15ULL + id.size())) {
    return;
  }
  Diagnostic warning = With(where, Severity::kWarning, "duplicate id");
  warning.article_id = id;
  diagnostics->push_back(std::move(warning));
}

CorpusReader::CorpusReader(std::vector<std::string> paths, CorpusReaderOptions options)
    : impl_(std::make_unique<Impl>(std::move(paths), std::move(options))) {}

CorpusReader::~CorpusReader() = default;

bool CorpusReader::Next(Article* article, std::vector<Diagnostic>* diagnostics) {
  return impl_->Next(article, diagnostics);
}

int64_t CorpusReader::skipped() const { return impl_->skipped; }

int64_t CorpusReader::bytes_read() const { return impl_->BytesRead(); }

}  // namespace dyad
