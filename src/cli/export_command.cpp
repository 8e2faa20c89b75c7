// dyad export network|timeline: the graph, or a query's part of it, as pictures and files for
// other tools (docs/export.md).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "cli/commands.h"
#include "cli/query_flags.h"
#include "dyad/error.h"
#include "dyad/export.h"
#include "dyad/extractor.h"

namespace dyad::cli {
namespace {

// Above this many dyads a picture takes Graphviz long to lay out.
constexpr size_t kLargePicture = 2000;

struct ExportFlags {
  QueryFlags q;
  std::string output;
  size_t limit = 5000;
  size_t reports = 3;

  void AddTo(CLI::App* cmd, const std::vector<std::string>& formats) {
    q.AddTo(cmd, formats);
    cmd->add_option("-o,--output", output, "Write to this file (default: standard output)");
    cmd->add_option("--limit", limit,
                    "Events carried by json, csv, html and timeline pictures: the latest N "
                    "(0: all)")
        ->capture_default_str();
    cmd->add_option("--reports", reports, "Sentences and articles kept for each event")
        ->capture_default_str();
  }

  std::string Title(std::string what) const {
    if (!q.from.empty() || !q.to.empty()) {
      what += ", " + (q.from.empty() ? std::string("...") : q.from) + " to " +
              (q.to.empty() ? std::string("...") : q.to);
    }
    return what;
  }
};

// Writes `content` to the output file through a temporary one renamed over it (an export that
// fails leaves no half file), or to standard output.
void Emit(const std::string& content, const std::string& output, bool binary) {
  if (output.empty() || output == "-") {
    if (binary && ::isatty(STDOUT_FILENO) != 0) {
      throw Error(ErrorKind::kInvalidArgument, "a picture is not for the terminal: use -o FILE");
    }
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() ||
        std::fflush(stdout) != 0) {
      throw Error(ErrorKind::kIo, "cannot write to standard output");
    }
    return;
  }
  const std::string temporary = output + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      throw Error(ErrorKind::kIo, "cannot write '" + output + "'");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, output, ec);
  if (ec) {
    std::remove(temporary.c_str());
    throw Error(ErrorKind::kIo, "cannot write '" + output + "': " + ec.message());
  }
  spdlog::info("wrote {} ({} bytes)", output, content.size());
}

ActorKinds Kinds() {
  std::vector<Diagnostic> diagnostics;
  return ActorKinds(Extractor::Create({}, &diagnostics)->Relations());
}

std::string Picture(const std::string& dot, const std::string& format, size_t dyads) {
  if (dyads > kLargePicture) {
    spdlog::warn("{} dyads: Graphviz may take long to draw them (--top N keeps the heaviest)",
                 dyads);
  }
  return RenderDot(dot, format);
}

// The network picture for a page: none when it cannot be drawn, or would take too long.
std::string PagePicture(const ExportGraph& g) {
  if (g.dyads.size() > kLargePicture) {
    spdlog::warn("{} dyads are too many to draw on the page (--top N keeps the heaviest)",
                 g.dyads.size());
    return "";
  }
  try {
    return RenderDot(NetworkDot(g), "svg");
  } catch (const Error& e) {
    spdlog::warn("the page has no picture of the network: {}", e.what());
    return "";
  }
}

void Write(const ExportGraph& g, const ExportFlags& o, bool timeline, Period by) {
  const std::string& f = o.q.format;
  const auto dot = [&] { return timeline ? TimelineDot(g, by) : NetworkDot(g); };
  const size_t drawn = timeline ? g.events.size() : g.dyads.size();
  if (f == "dot") return Emit(dot(), o.output, false);
  if (f == "svg" || f == "png") return Emit(Picture(dot(), f, drawn), o.output, f == "png");
  if (f == "json") return Emit(ExportJson(g), o.output, false);
  if (f == "graphml") return Emit(ExportGraphml(g), o.output, false);
  if (f == "gexf") return Emit(ExportGexf(g), o.output, false);
  if (f == "csv") return Emit(timeline ? EventCsv(g) : DyadCsv(g), o.output, false);
  if (f == "html") return Emit(ExportHtml(g, PagePicture(g)), o.output, false);
  throw Error(ErrorKind::kInvalidArgument, "unknown format '" + f + "'");
}

Period ParsePeriod(const std::string& by) {
  return by == "day" ? Period::kDay : by == "year" ? Period::kYear : Period::kMonth;
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write the graph, an ego network or a timeline as DOT, SVG, PNG, JSON, GraphML, "
      "GEXF, CSV or an HTML page");
  cmd->require_subcommand(1);
  {
    struct Options {
      ExportFlags e;
      std::string actor;
      NeighborhoodFlags n;
    };
    auto o = std::make_shared<Options>();
    CLI::App* net = cmd->add_subcommand(
        "network", "Actors and the dyads among them: ACTOR's ego network, or the whole graph");
    net->add_option("ACTOR", o->actor, "An entity, code or name (default: every actor)");
    o->n.AddTo(net);
    o->e.AddTo(net, {"dot", "svg", "png", "json", "graphml", "gexf", "csv", "html"});
    net->callback([o, exit_code] {
      const auto g = o->e.q.Graph();
      if (!o->actor.empty() && !Known(*g, {o->actor})) return void(*exit_code = kExitSkipped);
      const EventFilter filter = o->e.q.Filter();
      const Neighborhood n = o->n.Of(*g, o->actor, filter);
      const std::string& f = o->e.q.format;
      const bool with_events = f == "json" || f == "csv" || f == "html";
      ExportLimits limits{with_events ? o->e.limit : 0, o->e.reports};
      if (with_events && o->e.limit == 0) limits.events = SIZE_MAX;
      const auto store = with_events ? GraphStore::Open(o->e.q.db, true) : nullptr;
      const std::string title = o->actor.empty()
                                    ? "All actors"
                                    : "Within " + std::to_string(o->n.depth) +
                                          (o->n.depth == 1 ? " hop of " : " hops of ") + o->actor;
      Write(ExportNeighborhood(*g, n, filter, Kinds(), store.get(), limits, o->e.Title(title)),
            o->e, false, Period::kMonth);
    });
  }
  {
    struct Options {
      ExportFlags e;
      std::vector<std::string> actors;
      bool directed = false;
      std::string by = "month";
    };
    auto o = std::make_shared<Options>();
    CLI::App* tl = cmd->add_subcommand(
        "timeline", "Events in date order: of an actor, between two, or all of them");
    tl->add_option("ACTORS", o->actors, "Nothing, an actor, or two")->expected(0, 2);
    tl->add_flag("--directed", o->directed, "Only events from the first actor to the second");
    tl->add_option("--by", o->by, "One cluster per period in pictures")
        ->check(CLI::IsMember({"day", "month", "year"}))
        ->capture_default_str();
    o->e.AddTo(tl, {"dot", "svg", "png", "json", "csv", "html"});
    tl->callback([o, exit_code] {
      const auto g = o->e.q.Graph();
      if (!Known(*g, o->actors)) return void(*exit_code = kExitSkipped);
      const EventFilter filter = o->e.q.Filter();
      std::vector<StoredEvent> events;
      std::string title = "All events";
      if (o->actors.empty()) {
        events = g->Events(filter);
      } else {
        const std::optional<std::string_view> b =
            o->actors.size() > 1 ? std::optional<std::string_view>(o->actors[1]) : std::nullopt;
        events = g->Timeline(o->actors[0], b, o->directed, filter);
        title = "Events of " + o->actors[0] +
                (b ? (o->directed ? " towards " : " and ") + std::string(*b) : "");
      }
      const ExportLimits limits{o->e.limit == 0 ? SIZE_MAX : o->e.limit, o->e.reports};
      if (events.size() > limits.events) {
        spdlog::info("{} events: the latest {} are exported (--limit)", events.size(),
                     limits.events);
      }
      const auto store = GraphStore::Open(o->e.q.db, true);
      Write(ExportTimeline(*g, std::move(events), filter, Kinds(), store.get(), limits,
                           o->e.Title(title)),
            o->e, true, ParsePeriod(o->by));
    });
  }
}

}  // namespace dyad::cli
