#include "cli/coding_stream.h"

#include <thread>

#include "core/ordered_pool.h"

namespace dyad::cli {

void JobsFlag::AddTo(CLI::App* cmd) {
  cmd->add_option("-j,--jobs", jobs,
                  "Threads that code articles (default: the number of cores); the output is "
                  "the same as with one");
}

unsigned JobsFlag::Jobs() const {
  return jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

bool RunCodingStream(CorpusReader& reader, const Extractor& extractor,
                     const CodingStreamOptions& options,
                     const std::function<bool(const Article&)>& admit,
                     const std::function<bool(CodedArticle&)>& deliver) {
  const auto code = [&](CodedArticle& a) {
    if (a.code) a.events = extractor.Extract(a.article, &a.diagnostics);
    if (options.after && !a.trailer) options.after(a);
    return std::move(a);
  };
  const auto size = [](const CodedArticle& a) {
    return static_cast<int64_t>(a.article.text.size() + a.article.title.size());
  };
  CodedArticle next;
  const auto read = [&] {
    next = CodedArticle();
    if (!reader.Next(&next.article, &next.read)) return false;
    next.code = !admit || admit(next.article);
    return true;
  };
  const auto finish = [&] {  // what was read after the last article
    next.article = Article();
    next.code = false;
    next.trailer = true;
    return next.read.empty() || deliver(next);
  };
  if (options.jobs <= 1) {
    while (read()) {
      CodedArticle coded = code(next);
      if (!deliver(coded)) return false;
    }
    return finish();
  }
  const size_t window = options.window_articles > 0 ? options.window_articles : 16 * options.jobs;
  core::OrderedPool<CodedArticle, CodedArticle> pool(options.jobs, window, code);
  int64_t held = 0;  // bytes of text in flight
  const auto pop = [&](CodedArticle a) {
    held -= size(a);
    return deliver(a);
  };
  while (read()) {
    while (pool.full() || (held > options.window_bytes && pool.in_flight() > 0)) {
      if (!pop(pool.Pop())) return false;
    }
    held += size(next);
    pool.Push(std::move(next));
    while (std::optional<CodedArticle> ready = pool.TryPop()) {
      if (!pop(std::move(*ready))) return false;
    }
  }
  while (pool.in_flight() > 0) {
    if (!pop(pool.Pop())) return false;
  }
  return finish();
}

}  // namespace dyad::cli
