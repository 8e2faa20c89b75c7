#include "dyad/export.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/error.h"
#include "test_support.h"

namespace dyad {
namespace {

// Names and texts that break naive writers: quotes, backslashes, line breaks, markup, a CSV
// formula, non-ASCII.
const std::string kHostile = "Zo\xC3\xAB \"Q\" <script>alert(1)</script> \\ back\nslash & co";
const std::string kFormula = "=HYPERLINK(\"http://x\")";

// A small graph, written through the store: a hostile actor among ordinary ones.
class ExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    const std::string db = dir_->Path("graph.db");
    {
      auto store = GraphStore::Open(db);
      int n = 0;
      const auto put = [&](const ActorRef& s, const ActorRef& t, const char* action,
                           const char* cameo, int quad, double goldstein, const char* date,
                           const std::string& sentence, const std::string& url) {
        Article a;
        a.id = "a" + std::to_string(n++);
        a.title = "Title, \"quoted\" " + a.id;
        a.url = url;
        a.source = "example.org";
        a.text = sentence;
        a.date = Date::ParseIso(date);
        Event e;
        e.source = s;
        e.target = t;
        e.action = action;
        e.cameo = cameo;
        e.quad_class = quad;
        e.goldstein = goldstein;
        e.date = Date::ParseIso(date);
        e.sentence = sentence;
        e.rule = "test";
        store->Put(a, {e}, "fp");
      };
      const ActorRef rus{"RUS", "RUSGOV", "Vladimir Putin", "", Span{-1, -1}};
      const ActorRef usa{"USA", "USAELI", "Donald Trump", "", Span{-1, -1}};
      const ActorRef nato{"NATO", "IGOWSTNAT", "NATO", "", Span{-1, -1}};
      const ActorRef odd{"XXX", "XXX\"GOV", kHostile, "", Span{-1, -1}};
      const ActorRef formula{"YYY", "YYYGOV", kFormula, "", Span{-1, -1}};
      put(rus, usa, "call", "041", 1, 1.0, "2016-11-14", "Putin called Trump.",
          "https://kremlin.example/1?a=1&b=\"2\"");
      put(rus, usa, "congratulate", "057", 1, 3.5, "2016-11-14", "Putin congratulated Trump.",
          "https://kremlin.example/2");
      put(usa, rus, "agree", "030", 1, 4.0, "2016-11-15", "Trump agreed, \"gladly\".",
          "http://news.example/3");
      put(nato, rus, "warn", "130", 3, -4.0, "2016-12-01", "NATO warned Russia.",
          "https://nato.example/4");
      put(odd, rus, "threaten", "138", 3, -7.0, "2017-01", kHostile, "javascript:alert(1)");
      put(formula, odd, "attack", "190", 4, -10.0, "2017", "=cmd|' /C calc'!A0, with a comma",
          kFormula);
      store->Commit();
    }
    store_ = GraphStore::Open(db, true).release();
    graph_ = EventGraph::Load(*store_).release();
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete store_;
    delete dir_;
  }

  static ExportGraph Network() {
    const Neighborhood n = graph_->Whole(EdgeWeight::kEvents, 0, 0, {});
    return ExportNeighborhood(*graph_, n, {}, ActorKinds(), store_, ExportLimits{}, kHostile);
  }
  static ExportGraph Timeline() {
    return ExportTimeline(*graph_, graph_->Events({}), {}, ActorKinds(), store_, ExportLimits{},
                          "Timeline " + kHostile);
  }

  // Compares with tests/golden/export/NAME; DYAD_UPDATE_GOLDEN=1 rewrites it instead.
  static void ExpectGolden(const std::string& name, const std::string& actual) {
    const std::filesystem::path path =
        std::filesystem::path(testing::SourceDir()) / "tests/golden/export" / name;
    if (std::getenv("DYAD_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(path, std::ios::binary) << actual;
      return;
    }
    EXPECT_EQ(actual, testing::ReadFile(path))
        << "golden " << name << " differs; DYAD_UPDATE_GOLDEN=1 rewrites it";
  }

  static bool HaveDot() {
    try {
      RenderDot("digraph { a -> b }", "svg");
      return true;
    } catch (const Error&) {
      return false;
    }
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline GraphStore* store_ = nullptr;
  static inline EventGraph* graph_ = nullptr;
};

TEST_F(ExportTest, WholeGraphHasEveryActorDyadAndEvent) {
  const ExportGraph g = Network();
  EXPECT_EQ(g.nodes.size(), 5u);
  EXPECT_EQ(g.dyads.size(), 5u);
  ASSERT_EQ(g.events.size(), 6u);
  EXPECT_EQ(g.events.front().event.date, "2016-11-14");
  ASSERT_FALSE(g.events.front().sources.empty());
  EXPECT_EQ(g.events.front().sources.front().article_id, "a0");
  // The heaviest dyad first: Putin to Trump, two events, a call and a congratulation.
  const ExportDyad& top = g.dyads.front();
  EXPECT_EQ(g.nodes[top.source].actor.code, "RUSGOV");
  EXPECT_EQ(top.detail.events, 2);
  EXPECT_EQ(top.detail.by_quad[0], 2);
  ASSERT_EQ(top.detail.actions.size(), 2u);
  EXPECT_DOUBLE_EQ(top.mean_goldstein(), 2.25);
}

TEST_F(ExportTest, ALimitKeepsTheLatestEventsAndSaysHowManyThereWere) {
  const ExportLimits two{2, 1};
  const ExportGraph tl =
      ExportTimeline(*graph_, graph_->Events({}), {}, ActorKinds(), store_, two, "t");
  ASSERT_EQ(tl.events.size(), 2u);
  EXPECT_EQ(tl.events_total, 6);
  EXPECT_EQ(tl.events[0].event.date, "2017-01");  // both count from 2017-01-01; then by id
  EXPECT_EQ(tl.events[1].event.date, "2017");
  const ExportGraph net = ExportNeighborhood(*graph_, graph_->Whole(EdgeWeight::kEvents, 0, 0, {}),
                                             {}, ActorKinds(), store_, two, "n");
  ASSERT_EQ(net.events.size(), 2u);
  EXPECT_EQ(net.events_total, 6);
  EXPECT_NE(ExportJson(net).find("\"events_total\":6"), std::string::npos);
}

TEST_F(ExportTest, KindsComeFromTheKnowledgeBase) {
  Relation leads;
  leads.kind = RelationKind::kLeaderOf;
  leads.subject_name = "Vladimir Putin";
  leads.object = "RUS";
  Relation member;
  member.kind = RelationKind::kMemberOf;
  member.subject = "USA";
  member.object = "NATO";
  const ActorKinds kinds({leads, member});
  EXPECT_EQ(kinds.Of(GraphActor{"RUSGOV", "RUS", "Vladimir Putin"}), ActorKind::kPerson);
  EXPECT_EQ(kinds.Of(GraphActor{"IGOWSTNAT", "NATO", "NATO"}), ActorKind::kOrganization);
  EXPECT_EQ(kinds.Of(GraphActor{"IGOUNO", "UN", "United Nations"}), ActorKind::kOrganization);
  EXPECT_EQ(kinds.Of(GraphActor{"FRAGOV", "FRA", "France"}), ActorKind::kState);
  EXPECT_EQ(kinds.Of(GraphActor{"---", "", "someone"}), ActorKind::kOther);
}

TEST_F(ExportTest, GoldenFiles) {
  const ExportGraph net = Network();
  const ExportGraph tl = Timeline();
  ExpectGolden("network.dot", NetworkDot(net));
  ExpectGolden("network.json", ExportJson(net));
  ExpectGolden("network.graphml", ExportGraphml(net));
  ExpectGolden("network.gexf", ExportGexf(net));
  ExpectGolden("network.csv", DyadCsv(net));
  ExpectGolden("timeline.dot", TimelineDot(tl, Period::kMonth));
  ExpectGolden("timeline.csv", EventCsv(tl));
  ExpectGolden("timeline.json", ExportJson(tl));
  ExpectGolden("timeline.html", ExportHtml(tl, ""));  // the picture is Graphviz's: left out
}

TEST_F(ExportTest, DotParsesWithGraphviz) {
  if (!HaveDot()) GTEST_SKIP() << "Graphviz's dot is not installed (apt-get install graphviz)";
  const ExportGraph net = Network();
  const ExportGraph tl = Timeline();
  for (const std::string& dot : {NetworkDot(net), TimelineDot(tl, Period::kDay),
                                 TimelineDot(tl, Period::kMonth), TimelineDot(tl, Period::kYear)}) {
    const std::string svg = RenderDot(dot, "svg");
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    // The hostile name arrives escaped: no markup of its own in the picture.
    EXPECT_EQ(svg.find("<script>"), std::string::npos);
    EXPECT_NE(svg.find("Zo\xC3\xAB"), std::string::npos) << "non-ASCII names survive";
  }
  const std::string png = RenderDot(NetworkDot(net), "png");
  EXPECT_EQ(png.substr(0, 4), "\x89PNG");
  testing::RecordTrial("escaping", "hostile names and sentences in DOT (network, timeline)", 2, 0,
                       0, "dot -Tsvg accepts both");
}

TEST_F(ExportTest, RenderingWithoutDotIsAClearError) {
  setenv("DYAD_DOT", "/nonexistent/dot", 1);
  try {
    RenderDot("digraph { a }", "svg");
    ADD_FAILURE() << "rendered without dot";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kIo);
    EXPECT_NE(std::string(e.what()).find("graphviz"), std::string::npos) << e.what();
  }
  unsetenv("DYAD_DOT");
  if (HaveDot()) {
    EXPECT_THROW(RenderDot("digraph { a -> }", "svg"), Error) << "a DOT error";
  }
}

TEST_F(ExportTest, JsonCarriesEveryEventAndNameExactly) {
  const ExportGraph g = Network();
  rapidjson::Document doc;
  const std::string json = ExportJson(g);
  ASSERT_FALSE(doc.Parse(json.c_str()).HasParseError());
  EXPECT_EQ(doc["nodes"].Size(), g.nodes.size());
  EXPECT_EQ(doc["links"].Size(), g.dyads.size());
  ASSERT_EQ(doc["items"].Size(), 6u);
  bool hostile = false;
  for (const auto& n : doc["nodes"].GetArray()) hostile |= n["name"].GetString() == kHostile;
  EXPECT_TRUE(hostile);
  for (const auto& item : doc["items"].GetArray()) {
    EXPECT_TRUE(item.HasMember("id") && item.HasMember("start") && item.HasMember("content") &&
                item.HasMember("group"));
  }
  EXPECT_TRUE(doc["items"][4]["start"].IsString());
  EXPECT_STREQ(doc["items"][5]["reports"][0]["url"].GetString(), kFormula.c_str());
  testing::RecordTrial("escaping", "hostile names and sentences in JSON", 1, 0, 0,
                       "parses; every name reads back exactly");
}

TEST_F(ExportTest, GraphmlReadsBackThroughBoost) {
  const ExportGraph g = Network();
  struct Node {
    std::string name, code;
  };
  struct Link {
    long events = 0;
  };
  boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Link> back;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("name", boost::get(&Node::name, back));
  dp.property("code", boost::get(&Node::code, back));
  dp.property("events", boost::get(&Link::events, back));
  std::istringstream in(ExportGraphml(g));
  boost::read_graphml(in, back, dp);
  ASSERT_EQ(boost::num_vertices(back), g.nodes.size());
  EXPECT_EQ(boost::num_edges(back), g.dyads.size());
  // Boost's reader collapses white space in values (the file keeps the line break).
  const auto collapsed = [](std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
  };
  EXPECT_NE(ExportGraphml(g).find("back\nslash"), std::string::npos);
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    EXPECT_EQ(back[v].name, collapsed(g.nodes[v].actor.name));
    EXPECT_EQ(back[v].code, g.nodes[v].actor.code);
  }
  long events = 0;
  for (auto [it, end] = boost::edges(back); it != end; ++it) events += back[*it].events;
  EXPECT_EQ(events, 6);
  testing::RecordTrial("escaping", "hostile names in GraphML", 1, 0, 0,
                       "reads back through Boost's read_graphml, names exact");
}

TEST_F(ExportTest, GexfIsWellFormedAndCountsMatch) {
  const ExportGraph g = Network();
  std::istringstream in(ExportGexf(g));
  boost::property_tree::ptree tree;
  ASSERT_NO_THROW(boost::property_tree::read_xml(in, tree));
  const auto& graph = tree.get_child("gexf.graph");
  EXPECT_EQ(graph.get<std::string>("<xmlattr>.mode"), "dynamic");
  size_t nodes = 0, edges = 0;
  bool hostile = false;
  for (const auto& [tag, node] : graph.get_child("nodes")) {
    ++nodes;
    hostile |= node.get<std::string>("<xmlattr>.label") == kHostile;
  }
  for (const auto& [tag, edge] : graph.get_child("edges")) {
    ++edges;
    (void)edge;
  }
  EXPECT_EQ(nodes, g.nodes.size());
  EXPECT_EQ(edges, g.dyads.size());
  EXPECT_TRUE(hostile) << "a label with quotes, markup and a line break reads back whole";
  testing::RecordTrial("escaping", "hostile names in GEXF", 1, 0, 0,
                       "well-formed XML, counts match, the hostile label reads back whole");
}

// RFC 4180, enough to read our own CSV back.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST_F(ExportTest, CsvReadsBackAndFormulasAreInert) {
  const ExportGraph g = Timeline();
  const auto rows = ParseCsv(EventCsv(g));
  ASSERT_EQ(rows.size(), 7u);  // a header and six events
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(rows[0][0], "GLOBALEVENTID");
  EXPECT_EQ(rows[1][1], "20161114");
  bool hostile = false, guarded = false;
  for (const auto& row : rows) {
    for (const std::string& field : row) {
      hostile |= field == kHostile;
      guarded |= field == "'" + kFormula;
      EXPECT_FALSE(field.starts_with("=")) << field;
    }
  }
  EXPECT_TRUE(hostile);
  EXPECT_TRUE(guarded);
  EXPECT_EQ(ParseCsv(DyadCsv(Network())).size(), 6u);
  testing::RecordTrial("escaping", "hostile names and spreadsheet formulas in CSV", 2, 0, 0,
                       "reads back; formulas inert");
}

TEST_F(ExportTest, HtmlPageKeepsDataInertAndParsable) {
  const ExportGraph g = Timeline();
  const std::string svg = HaveDot() ? RenderDot(NetworkDot(g), "svg") : "";
  const std::string html = ExportHtml(g, svg);
  // Only the page's own two script elements; the hostile name never appears as markup.
  size_t scripts = 0;
  for (size_t at = html.find("<script"); at != std::string::npos;
       at = html.find("<script", at + 1)) {
    ++scripts;
  }
  EXPECT_EQ(scripts, 2u);
  EXPECT_EQ(html.find("</script> \\"), std::string::npos);
  // The data reads back as JSON with every event.
  const std::string open = "<script type=\"application/json\" id=\"dyad-data\">";
  const size_t begin = html.find(open) + open.size();
  const std::string data = html.substr(begin, html.find("</script>", begin) - begin);
  rapidjson::Document doc;
  ASSERT_FALSE(doc.Parse(data.c_str()).HasParseError());
  EXPECT_EQ(doc["items"].Size(), g.events.size());
  if (!svg.empty()) {
    EXPECT_NE(html.find("<svg"), std::string::npos);
  }
  EXPECT_EQ(html.find("<!--"), std::string::npos) << "comments of the SVG are left out";
  testing::RecordTrial("escaping", "`<script>`, `</script>` and quotes in the HTML page", 1, 0, 0,
                       "data embedded inert and parsable (and, in Chromium, no script runs)");
}

}  // namespace
}  // namespace dyad
