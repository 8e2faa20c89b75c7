#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "cli/query_flags.h"
#include "cli/table_output.h"
#include "dyad/error.h"
#include "dyad/event_graph.h"
#include "dyad/extractor.h"

namespace dyad::cli {
namespace {

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

int Print(const TableOutput& t, const std::string& format) {
  const std::string out = t.Render(format);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

void AddQueryCommands(CLI::App& app, int* exit_code) {
  {
    struct Options {
      QueryFlags q;
      std::vector<std::string> actors;
      bool directed = false;
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("timeline", "Events of an actor, or between two, by date");
    cmd->add_option("ACTOR", o->actors,
                    "An entity (RUS), code (RUSGOV) or name (Putin); a second one for a dyad")
        ->required()
        ->expected(1, 2);
    cmd->add_flag("--directed", o->directed, "Only events from the first actor to the second");
    o->q.AddTo(cmd);
    cmd->callback([o, exit_code] {
      const auto g = o->q.Graph();
      if (!Known(*g, o->actors)) return void(*exit_code = kExitSkipped);
      const std::optional<std::string_view> b =
          o->actors.size() > 1 ? std::optional<std::string_view>(o->actors[1]) : std::nullopt;
      TableOutput t{{"date", "source", "source_name", "action", "cameo", "target", "target_name",
                     "quad_class", "goldstein", "mentions", "articles"},
                    {},
                    {false, false, false, false, false, false, false, true, true, true, true}};
      for (const StoredEvent& e : g->Timeline(o->actors[0], b, o->directed, o->q.Filter())) {
        t.rows.push_back({e.date, e.source.code, e.source.name, e.action, e.cameo, e.target.code,
                          e.target.name, std::to_string(e.quad_class), Number(e.goldstein),
                          std::to_string(e.num_mentions), std::to_string(e.num_articles)});
      }
      *exit_code = Print(t, o->q.format);
    });
  }
  {
    struct Options {
      QueryFlags q;
      std::string actor;
      NeighborhoodFlags n;
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd =
        app.add_subcommand("neighbors", "Actors within k hops, and the dyads among them");
    cmd->add_option("ACTOR", o->actor, "An entity, code or name")->required();
    o->n.AddTo(cmd);
    o->q.AddTo(cmd);
    cmd->callback([o, exit_code] {
      const auto g = o->q.Graph();
      if (!Known(*g, {o->actor})) return void(*exit_code = kExitSkipped);
      const Neighborhood n = o->n.Of(*g, o->actor, o->q.Filter());
      TableOutput t{{"source", "source_name", "target", "target_name", "relation", "events",
                     "mentions", "mean_goldstein", "conflict_share", "weight"},
                    {},
                    {false, false, false, false, false, true, true, true, true, true}};
      for (const DyadSummary& d : n.dyads) {
        const GraphActor &source = n.source(d), &target = n.target(d);
        t.rows.push_back({source.code, source.name, target.code, target.name,
                          std::string(d.relation.empty() ? "events" : d.relation),
                          std::to_string(d.events), std::to_string(d.mentions),
                          Number(d.mean_goldstein), Number(d.conflict_share), Number(d.weight)});
      }
      *exit_code = Print(t, o->q.format);
    });
  }
  {
    struct Options {
      QueryFlags q;
      std::vector<std::string> actors;
      int max_hops = 3;
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("path", "How two actors are connected");
    cmd->add_option("ACTORS", o->actors, "Two actors")->required()->expected(2);
    cmd->add_option("--max-hops", o->max_hops, "Longest chain")
        ->check(CLI::Range(1, 10))
        ->capture_default_str();
    o->q.AddTo(cmd);
    cmd->callback([o, exit_code] {
      const auto g = o->q.Graph();
      if (!Known(*g, o->actors)) return void(*exit_code = kExitSkipped);
      TableOutput t{{"hop", "code", "entity", "name"}, {}, {true, false, false, false}};
      int hop = 0;
      for (const GraphActor& a : g->Path(o->actors[0], o->actors[1], o->max_hops, o->q.Filter())) {
        t.rows.push_back({std::to_string(hop++), a.code, a.entity, a.name});
      }
      if (t.rows.empty()) spdlog::info("no path within {} hops", o->max_hops);
      *exit_code = Print(t, o->q.format);
    });
  }
  {
    struct Options {
      QueryFlags q;
      std::string actor;
      size_t top = 10;
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("partners", "Who an actor deals with most");
    cmd->add_option("ACTOR", o->actor, "An entity, code or name")->required();
    cmd->add_option("--top", o->top, "How many")->capture_default_str();
    o->q.AddTo(cmd);
    cmd->callback([o, exit_code] {
      const auto g = o->q.Graph();
      if (!Known(*g, {o->actor})) return void(*exit_code = kExitSkipped);
      TableOutput t{
          {"code", "entity", "name", "events", "cooperation", "conflict", "mean_goldstein"},
          {},
          {false, false, false, true, true, true, true}};
      for (const Partner& p : g->Partners(o->actor, o->top, o->q.Filter())) {
        t.rows.push_back({p.actor.code, p.actor.entity, p.actor.name, std::to_string(p.events),
                          std::to_string(p.cooperation), std::to_string(p.conflict),
                          Number(p.mean_goldstein)});
      }
      *exit_code = Print(t, o->q.format);
    });
  }
  {
    struct Options {
      QueryFlags q;
      std::vector<std::string> actors;
      std::string by = "month";
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd =
        app.add_subcommand("series", "Events between two actors per period, by QuadClass");
    cmd->add_option("ACTORS", o->actors, "Two actors")->required()->expected(2);
    cmd->add_option("--by", o->by, "Period")
        ->check(CLI::IsMember({"day", "week", "month", "year"}))
        ->capture_default_str();
    o->q.AddTo(cmd);
    cmd->callback([o, exit_code] {
      const auto g = o->q.Graph();
      if (!Known(*g, o->actors)) return void(*exit_code = kExitSkipped);
      const Period p = o->by == "day"     ? Period::kDay
                       : o->by == "week"  ? Period::kWeek
                       : o->by == "month" ? Period::kMonth
                                          : Period::kYear;
      TableOutput t{{"period", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                     "material_conflict", "mean_goldstein"},
                    {},
                    {false, true, true, true, true, true}};
      for (const SeriesRow& r : g->Series(o->actors[0], o->actors[1], p, o->q.Filter())) {
        t.rows.push_back({r.period, std::to_string(r.by_quad[0]), std::to_string(r.by_quad[1]),
                          std::to_string(r.by_quad[2]), std::to_string(r.by_quad[3]),
                          Number(r.mean_goldstein)});
      }
      *exit_code = Print(t, o->q.format);
    });
  }
}

}  // namespace dyad::cli
