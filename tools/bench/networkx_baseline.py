#!/usr/bin/env python3
"""What dyad's graph queries cost when an analyst uses networkx instead.

The script reads the ``events`` table of a dyad SQLite database (written by
``dyad ingest``, docs/store.md) into a ``networkx.MultiDiGraph``: actors
(CAMEO codes) are nodes and every stored event is one directed edge, keyed by
its id. It then times the networkx counterparts of three dyad queries:

  load            read the events with sqlite3 and build the graph (timed
                  once)
  timeline        the events between A and B, in either direction, inside
                  the window, sorted by date (``G.get_edge_data`` both ways);
                  cf. ``dyad timeline A B --from F --to T``
  two_hop         ``nx.ego_graph(G, A, radius=2, undirected=True)``, then the
                  event count and mean Goldstein score of every directed dyad
                  (u, v) among its actors; cf. ``dyad neighbors A --depth 2``
  two_hop_window  the same over an ``nx.subgraph_view`` that keeps only the
                  events inside the window;
                  cf. ``dyad neighbors A --depth 2 --from F --to T``

Each query step runs ``--repeat`` times; the median and the minimum wall time
(``time.perf_counter``) are reported in milliseconds with the size of the
result (events, or dyads), followed by the peak resident set size of the
process and the networkx version.

Dates are compared as strings on their first ten characters, a month or a
year counting from its first day ('2014-03' as '2014-03-01', '2014' as
'2014-01-01'), as in dyad; events of unknown date ('') are loaded but fall in
no window. Actors are matched by code only (dyad also takes entities and
names).

Usage:
  python3 tools/bench/networkx_baseline.py graph.db --actor RUSGOV \\
      --other UKR --from 2014-01-01 --to 2021-12-31 [--repeat 20] [--json]
  python3 tools/bench/networkx_baseline.py graph.db

Without --actor, A is the actor with the most events; without --other, B is
A's most frequent partner. Without --from/--to the window is the 90 days
ending at the latest day-precision date in the database. Needs networkx
(Debian: ``apt-get install python3-networkx``); exits with status 2 when it
cannot be imported.
"""

import argparse
import datetime
import functools
import json
import platform
import resource
import sqlite3
import statistics
import sys
import time
from collections import Counter

try:
    import networkx as nx
except ImportError:
    nx = None

DEFAULT_REPEAT = 20
DEFAULT_WINDOW_DAYS = 90
EGO_RADIUS = 2
PROG = "networkx_baseline.py"
EVENTS_SQL = ("SELECT id, source_code, target_code, date, cameo, quad_class,"
              " goldstein, num_mentions FROM events")
LATEST_DAY_SQL = ("SELECT max(substr(date, 1, 10)) FROM events WHERE date"
                  " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'")


def connect(db_path):
    """A read-only connection to the database."""
    return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)


@functools.lru_cache(maxsize=None)
def day_key(date):
    """The comparable day ('YYYY-MM-DD') of a stored date, None if unknown.

    A month or a year counts as its first day, so that plain string
    comparison with 'YYYY-MM-DD' bounds gives dyad's windows.
    """
    day = date[:10]
    if len(day) == 10:
        return day
    if len(day) == 7:
        return day + "-01"
    if len(day) == 4:
        return day + "-01-01"
    return None


def in_window(date, lo, hi):
    """Whether a stored date falls inside the inclusive window [lo, hi]."""
    day = day_key(date)
    return day is not None and lo <= day <= hi


def load_graph(db_path):
    """Reads every event into a MultiDiGraph, one edge per event (key: id)."""
    graph = nx.MultiDiGraph()
    intern = sys.intern  # few distinct dates and CAMEO codes: share them
    con = connect(db_path)
    try:
        rows = con.execute(EVENTS_SQL)  # streamed, never a list of 1M rows
        graph.add_edges_from(
            (source, target, event_id,
             {"date": intern(date), "cameo": intern(cameo),
              "quad_class": quad, "goldstein": goldstein,
              "mentions": mentions})
            for (event_id, source, target, date, cameo, quad, goldstein,
                 mentions) in rows)
    finally:
        con.close()
    return graph


def timeline(graph, a, b, lo, hi):
    """Events between a and b, either way, in [lo, hi], by date then id."""
    found = []
    pairs = [(a, b)] if a == b else [(a, b), (b, a)]
    for u, v in pairs:
        for event_id, data in (graph.get_edge_data(u, v) or {}).items():
            if in_window(data["date"], lo, hi):
                found.append((day_key(data["date"]), event_id, u, v, data))
    found.sort(key=lambda row: (row[0], row[1]))
    return [(event_id, u, v, data) for _, event_id, u, v, data in found]


def dyad_summary(ego):
    """Event count and mean Goldstein score per directed dyad (u, v)."""
    totals = {}
    for u, v, goldstein in ego.edges(data="goldstein"):
        total = totals.get((u, v))
        if total is None:
            totals[(u, v)] = [1, goldstein]
        else:
            total[0] += 1
            total[1] += goldstein
    return {dyad: (count, total / count)
            for dyad, (count, total) in totals.items()}


def two_hop(graph, a):
    """The dyads within two hops of a (edges followed either way)."""
    ego = nx.ego_graph(graph, a, radius=EGO_RADIUS, undirected=True)
    return ego, dyad_summary(ego)


def two_hop_window(graph, a, lo, hi):
    """As two_hop, over a view restricted to the events in [lo, hi]."""
    keep = {key for _, _, key, date in graph.edges(keys=True, data="date")
            if in_window(date, lo, hi)}
    view = nx.subgraph_view(graph, filter_edge=lambda u, v, key: key in keep)
    ego = nx.ego_graph(view, a, radius=EGO_RADIUS, undirected=True)
    return ego, dyad_summary(ego)


def time_runs(repeat, func, *args):
    """Runs func(*args) repeat times: (last result, milliseconds per run)."""
    times = []
    result = None
    for _ in range(repeat):
        result = None  # free the previous result outside the timing
        start = time.perf_counter()
        result = func(*args)
        times.append((time.perf_counter() - start) * 1000.0)
    return result, times


def top_code(counts):
    """The code with the highest count (ties: the smallest code), or None."""
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def most_active_actor(graph):
    """The actor in the most events (ties: the smallest code)."""
    counts = Counter()
    for u, v in graph.edges():
        counts[u] += 1
        if v != u:
            counts[v] += 1
    return top_code(counts)


def top_partner(graph, a):
    """a's most frequent partner, either way (ties: the smallest code)."""
    counts = Counter()
    for v, keys in graph.succ[a].items():
        counts[v] += len(keys)
    for u, keys in graph.pred[a].items():
        counts[u] += len(keys)
    counts.pop(a, None)
    return top_code(counts)


def default_window(db_path):
    """The 90 days ending at the latest day-precision date: (from, to)."""
    con = connect(db_path)
    try:
        (latest,) = con.execute(LATEST_DAY_SQL).fetchone()
    finally:
        con.close()
    if latest is None:
        return None
    end = datetime.date.fromisoformat(latest)
    start = end - datetime.timedelta(days=DEFAULT_WINDOW_DAYS - 1)
    return start.isoformat(), end.isoformat()


def peak_rss_mib():
    """Peak resident set size of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":  # bytes there, KiB on Linux
        return peak / (1024.0 * 1024.0)
    return peak / 1024.0


def iso_day(text):
    """argparse type: a YYYY-MM-DD day."""
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a YYYY-MM-DD day: {text!r}") from None


def parse_args(argv):
    """The command line."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Time networkx doing dyad's timeline and two-hop"
                    " neighbourhood queries over a dyad SQLite database.")
    parser.add_argument("db", help="dyad SQLite database (events table)")
    parser.add_argument("--actor",
                        help="actor code A (default: the most active)")
    parser.add_argument("--other",
                        help="actor code B (default: A's top partner)")
    parser.add_argument("--from", dest="date_from", type=iso_day,
                        metavar="YYYY-MM-DD", help="window start, inclusive")
    parser.add_argument("--to", dest="date_to", type=iso_day,
                        metavar="YYYY-MM-DD",
                        help="window end, inclusive (default window: the %d"
                             " days ending at the latest day-precision date)"
                             % DEFAULT_WINDOW_DAYS)
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help="runs per query step (default %(default)s)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object instead of a table")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def step_row(name, times, size, detail):
    """One step of the report."""
    return {"step": name, "runs": len(times),
            "median_ms": round(statistics.median(times), 3),
            "min_ms": round(min(times), 3),
            "result_size": size, "detail": detail}


def ego_detail(ego, summary):
    """What a two-hop result holds besides its dyads."""
    events = sum(count for count, _ in summary.values())
    return f"dyads ({ego.number_of_nodes()} actors, {events} events)"


def print_table(report):
    """The report as readable text."""
    print(f"networkx {report['networkx']} (Python {report['python']}),"
          f" database {report['db']}")
    print(f"graph: {report['actors']} actors, {report['events']} events")
    print(f"A = {report['actor']}, B = {report['other']},"
          f" window {report['from']} .. {report['to']},"
          f" repeat {report['repeat']}")
    print()
    header = f"{'step':<16}{'median ms':>12}{'min ms':>12}{'result':>10}"
    print(header + "  detail")
    print("-" * (len(header) + 8))
    for row in report["steps"]:
        print(f"{row['step']:<16}{row['median_ms']:>12.3f}"
              f"{row['min_ms']:>12.3f}{row['result_size']:>10}"
              f"  {row['detail']}")
    print()
    print(f"peak RSS: {report['peak_rss_mib_after_load']:.1f} MiB after load,"
          f" {report['peak_rss_mib']:.1f} MiB overall")


def fail(message):
    """Prints an error to stderr; returns exit status 1."""
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def resolve_window(args):
    """(from, to) from the arguments, defaults filled in; None if none."""
    if args.date_from and args.date_to:
        return args.date_from, args.date_to
    window = default_window(args.db)
    if window is None:
        return None
    return args.date_from or window[0], args.date_to or window[1]


def run_steps(graph, load_ms, actor, other, lo, hi, repeat):
    """Times the query steps; returns the report's step rows."""
    steps = [step_row("load", [load_ms], graph.number_of_edges(),
                      "events (timed once)")]
    events, times = time_runs(repeat, timeline, graph, actor, other, lo, hi)
    steps.append(step_row("timeline", times, len(events), "events"))
    del events
    (ego, summary), times = time_runs(repeat, two_hop, graph, actor)
    steps.append(step_row("two_hop", times, len(summary),
                          ego_detail(ego, summary)))
    del ego, summary
    (ego, summary), times = time_runs(repeat, two_hop_window, graph, actor,
                                      lo, hi)
    steps.append(step_row("two_hop_window", times, len(summary),
                          ego_detail(ego, summary)))
    return steps


def main(argv=None):
    """Entry point; returns the exit status."""
    if nx is None:
        print(f"{PROG}: networkx is not installed (apt-get install python3-networkx)",
              file=sys.stderr)
        return 2
    args = parse_args(argv)
    try:
        con = connect(args.db)
        try:
            con.execute("SELECT 1 FROM events LIMIT 1").fetchall()
        finally:
            con.close()
    except sqlite3.Error as e:
        return fail(f"cannot read events from {args.db}: {e}")

    start = time.perf_counter()
    graph = load_graph(args.db)
    load_ms = (time.perf_counter() - start) * 1000.0
    rss_after_load = peak_rss_mib()

    actor = args.actor or most_active_actor(graph)
    if actor is None or actor not in graph:
        return fail(f"unknown actor {actor!r}")
    other = args.other or top_partner(graph, actor)
    if other is None or other not in graph:
        return fail(f"unknown actor {other!r}")
    window = resolve_window(args)
    if window is None:
        return fail("no day-precision date in the database;"
                    " give --from and --to")
    lo, hi = window

    steps = run_steps(graph, load_ms, actor, other, lo, hi, args.repeat)
    report = {
        "networkx": nx.__version__, "python": platform.python_version(),
        "db": args.db, "actors": graph.number_of_nodes(),
        "events": graph.number_of_edges(), "actor": actor, "other": other,
        "from": lo, "to": hi, "repeat": args.repeat, "steps": steps,
        "peak_rss_mib_after_load": round(rss_after_load, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
