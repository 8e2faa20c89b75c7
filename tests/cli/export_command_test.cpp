// End-to-end tests of `dyad export`: every format from a small ingested corpus, exit statuses
// for an unknown actor, an unwritable output and a missing Graphviz.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.h"

namespace dyad::cli {
namespace {

class ExportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string corpus = temp_.Write(
        "corpus.jsonl",
        R"({"id": "a1", "date": "2021-03-01", "url": "https://example.org/a1", "text": "Russia warned Ukraine. France criticized Russia."})"
        "\n"
        R"({"id": "a2", "date": "2021-04-02", "url": "https://example.org/a2", "text": "Germany praised France. Russia threatened Ukraine."})"
        "\n");
    ASSERT_EQ(Dyad("ingest --db " + db_ + " " + corpus), 0);
  }

  int Dyad(const std::string& args, const std::string& env = "") {
    const std::string cmd = env + " " + std::string(DYAD_BINARY) + " -q " + args + " >" +
                            temp_.Path("stdout") + " 2>" + temp_.Path("stderr");
    const int raw = std::system(cmd.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }
  std::string Out() const { return testing::ReadFile(temp_.Path("stdout")); }
  std::string Err() const { return testing::ReadFile(temp_.Path("stderr")); }

  testing::TempDir temp_;
  std::string db_ = temp_.Path("g.db");
};

TEST_F(ExportCommandTest, EveryFormatOfANetworkAndATimeline) {
  ASSERT_EQ(Dyad("export network RUS --db " + db_ + " --format dot"), 0) << Err();
  EXPECT_TRUE(Out().starts_with("digraph dyad {")) << Out();
  EXPECT_NE(Out().find("\"RUS\" -> \"UKR\""), std::string::npos) << Out();
  ASSERT_EQ(Dyad("export network --db " + db_ + " --format json"), 0) << Err();
  rapidjson::Document doc;
  ASSERT_FALSE(doc.Parse(Out().c_str()).HasParseError());
  EXPECT_EQ(doc["items"].Size(), 4u);
  EXPECT_EQ(doc["links"].Size(),
            3u);  // Russia twice to Ukraine, France to Russia, Germany to France
  ASSERT_EQ(Dyad("export timeline Russia Ukraine --db " + db_ + " --format csv"), 0) << Err();
  EXPECT_NE(Out().find("https://example.org/a2"), std::string::npos) << Out();
  for (const char* format : {"graphml", "gexf", "csv", "html"}) {
    const std::string file = temp_.Path(std::string("net.") + format);
    ASSERT_EQ(Dyad("export network --db " + db_ + " --format " + format + " -o " + file), 0)
        << format << ": " << Err();
    EXPECT_GT(std::filesystem::file_size(file), 100u) << format;
  }
  ASSERT_EQ(Dyad("export timeline --db " + db_ + " --by year --format dot --from 2021-04-01"), 0);
  EXPECT_NE(Out().find("cluster 2021"), std::string::npos) << Out();
  EXPECT_EQ(Out().find("warn"), std::string::npos) << "the window leaves out March";
}

TEST_F(ExportCommandTest, PicturesNeedGraphviz) {
  const int drawn = Dyad("export network --db " + db_ + " --format svg -o " + temp_.Path("n.svg"));
  if (drawn == 0) {
    EXPECT_NE(testing::ReadFile(temp_.Path("n.svg")).find("<svg"), std::string::npos);
  }
  EXPECT_EQ(Dyad("export network --db " + db_ + " --format svg", "DYAD_DOT=/nonexistent/dot"), 3);
  EXPECT_NE(Err().find("graphviz"), std::string::npos) << Err();
  // The page goes on without its picture.
  ASSERT_EQ(Dyad("export network --db " + db_ + " --format html", "DYAD_DOT=/nonexistent/dot"), 0);
  EXPECT_NE(Out().find("No picture"), std::string::npos);
}

TEST_F(ExportCommandTest, BadRequestsExitWithAClearStatus) {
  EXPECT_EQ(Dyad("export network Atlantis --db " + db_), 1);
  EXPECT_NE(Err().find("unknown actor 'Atlantis'"), std::string::npos) << Err();
  EXPECT_EQ(Dyad("export timeline \"'; DROP TABLE events; --\" --db " + db_), 1);
  EXPECT_EQ(Dyad("export network --db " + db_ + " -o " + temp_.Path("missing/dir/x.dot")), 3);
  EXPECT_NE(Err().find("cannot write"), std::string::npos) << Err();
  EXPECT_EQ(Dyad("export network --db " + db_ + " --format pdf"), 2);
  EXPECT_EQ(Dyad("export network --db " + db_ + " --from 2021-13-45"), 2);
  EXPECT_EQ(Dyad("export network --db " + temp_.Path("none.db")), 3);
  // Nothing was left half-written, and the database still answers.
  for (const auto& entry : std::filesystem::directory_iterator(temp_.path())) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
  EXPECT_EQ(Dyad("export timeline --db " + db_ + " --format csv"), 0);
  // The queries take it as a name, and know no such actor.
  EXPECT_EQ(Dyad("timeline \"'; DROP TABLE events; --\" --db " + db_), 1);
  EXPECT_NE(Err().find("unknown actor"), std::string::npos) << Err();
  EXPECT_EQ(Dyad("neighbors \"Robert'); DROP TABLE actors;--\" --db " + db_), 1);
  EXPECT_EQ(Dyad("stats --db " + db_), 0);
  testing::RecordTrial("escaping",
                       "`'; DROP TABLE events; --` as an actor (export, timeline, neighbors)", 3, 0,
                       0, "unknown actor (exit 1); the database intact");
}

}  // namespace
}  // namespace dyad::cli
