#include "actors/actor_resolver.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/fictional.h"
#include "text/document.h"

namespace dyad::actors {
namespace {

class ActorResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Diagnostic> d;
    dict_.Load(testing::kFictionalActors, "fictional.actors", &d);
    ASSERT_TRUE(d.empty());
  }

  // "text|code|name" of each mention of each sentence, sentences separated by "/".
  std::string Resolve(const std::string& body, std::optional<Date> date,
                      const std::string& source = "") {
    Article a;
    a.text = body;
    a.date = date;
    a.source = source;
    const text::ProseFilter filter("");
    const text::Document doc = text::BuildDocument(a, filter);
    const ActorResolver resolver(dict_);
    Discourse discourse = resolver.Begin(a);
    std::string out;
    for (const text::Sentence& s : doc.sentences) {
      if (!out.empty()) out += " / ";
      bool first = true;
      for (const Mention& m : resolver.Resolve(doc, s, &discourse)) {
        if (!first) out += "; ";
        first = false;
        out += std::string(doc.Slice(doc.tokens[m.first].begin, doc.tokens[m.last - 1].end)) + "|";
        for (const ResolvedActor& r : m.actors) out += r.code + ":" + r.name + ",";
        out.pop_back();
      }
    }
    return out;
  }

  ActorDictionary dict_;
};

const std::optional<Date> kAfterCoronation = Date::FromYmd(3019, 6, 1);

TEST_F(ActorResolverTest, LongestMatchAndCompositeMentions) {
  EXPECT_EQ(Resolve("Arnor's King Aragorn met the Gondorian army.", kAfterCoronation),
            "Arnor's King Aragorn|ARNGOV:Aragorn; the Gondorian army|GONMIL:Gondor");
  EXPECT_EQ(Resolve("The Kingdom of Arnor and Gondor.", kAfterCoronation),
            "The Kingdom of Arnor|ARN:Arnor; Gondor|GON:Gondor");
  EXPECT_EQ(Resolve("Arnorian-separatist forces attacked.", kAfterCoronation),
            "Arnorian-separatist forces|ARNREB:Arnor");
}

TEST_F(ActorResolverTest, TheArticleDatePicksTheRole) {
  EXPECT_EQ(Resolve("Aragorn spoke.", Date::FromYmd(3018, 6, 1)), "Aragorn|ARNELI:Aragorn");
  EXPECT_EQ(Resolve("Aragorn spoke.", kAfterCoronation), "Aragorn|ARNGOV:Aragorn");
  // Denethor has no role after his death and no fallback: not coded.
  EXPECT_EQ(Resolve("Denethor spoke.", kAfterCoronation), "");
}

TEST_F(ActorResolverTest, CapitalizedNamesMatchOnlyCapitalizedWords) {
  EXPECT_EQ(Resolve("The tower fell.", kAfterCoronation), "");
  EXPECT_EQ(Resolve("The Tower spoke.", kAfterCoronation), "The Tower|ARNGOV:Arnor");
}

TEST_F(ActorResolverTest, TitledStrangersAreLearned) {
  EXPECT_EQ(Resolve("President of Gondor Faramir Hurin met Aragorn. Faramir Hurin left. "
                    "President Hurin smiled.",
                    kAfterCoronation),
            "President of Gondor Faramir Hurin|GONGOV:Faramir Hurin; Aragorn|ARNGOV:Aragorn / "
            "Faramir Hurin|GONGOV:Faramir Hurin / President Hurin|GONGOV:Faramir Hurin");
}

TEST_F(ActorResolverTest, PronounsGroupsAndDescriptions) {
  EXPECT_EQ(Resolve("Aragorn and Gondor met. They agreed. He left. The alliance? "
                    "The Fellowship met. The alliance grew.",
                    kAfterCoronation),
            "Aragorn|ARNGOV:Aragorn; Gondor|GON:Gondor / They|ARNGOV:Aragorn,GON:Gondor / "
            "He|ARNGOV:Aragorn /  / The Fellowship|IGOFEL:Fellowship / "
            "The alliance|IGOFEL:Fellowship");
}

TEST_F(ActorResolverTest, PublisherAndSpeakerLabels) {
  EXPECT_EQ(Resolve("We welcome you.", kAfterCoronation, "arnor.example"), "We|ARNGOV:Aragorn");
  EXPECT_EQ(Resolve("Denethor: We refuse.", Date::FromYmd(3019, 1, 1)),
            "Denethor|GONGOV:Denethor; We|GONGOV:Denethor");
}

}  // namespace
}  // namespace dyad::actors
