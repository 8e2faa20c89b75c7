// The constructions of general news, one table each, coded with the built-in dictionaries:
// governing verbs and modality, agents and the state they belong to, places, background
// clauses and joint statements. The sentences are the project's own.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dyad/extractor.h"
#include "test_support.h"

namespace dyad {
namespace {

class GeneralNewsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<Diagnostic> d;
    extractor_ = Extractor::Create({}, &d).release();
  }

  // "SRC>TGT CODE" (entities) for each event; `text` may hold several sentences.
  static std::vector<std::string> Code(const std::string& text) {
    Article a;
    a.id = "t";
    a.text = text;
    a.date = Date::FromYmd(2024, 3, 12);
    std::vector<Diagnostic> d;
    std::vector<std::string> out;
    for (const Event& e : extractor_->Extract(a, &d)) {
      out.push_back(e.source.entity + ">" + e.target.entity + " " + e.cameo);
    }
    return out;
  }

  struct Case {
    std::string text;
    std::vector<std::string> want;      // each must be coded
    std::vector<std::string> forbid{};  // none may be (a prefix: "FRA>DEU" forbids every code)
  };

  static void Check(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
      const std::vector<std::string> got = Code(c.text);
      std::string all;
      for (const std::string& g : got) all += g + "; ";
      for (const std::string& w : c.want) {
        EXPECT_NE(std::find(got.begin(), got.end(), w), got.end())
            << c.text << "\n  want " << w << ", got " << all;
      }
      for (const std::string& f : c.forbid) {
        for (const std::string& g : got) {
          EXPECT_FALSE(g.starts_with(f)) << c.text << ": " << g;
        }
      }
      if (c.want.empty() && c.forbid.empty()) {
        EXPECT_TRUE(got.empty()) << c.text << ": " << all;
      }
    }
  }

  static inline Extractor* extractor_ = nullptr;
};

TEST_F(GeneralNewsTest, GoverningVerbsMakeTheirOwnEvents) {
  Check({
      {"Russia refused to meet Ukraine.", {"RUS>UKR 125"}},
      {"Sweden urged Iran to release the detained doctor.", {"SWE>IRN 0253"}},
      {"The European Union called on Serbia to resume talks with Kosovo.", {"EU>SRB 026"}},
      {"Serbia was urged by the European Union to resume talks with Kosovo.", {"EU>SRB 026"}},
      {"Turkey threatened to attack Syria.", {"TUR>SYR 1384"}},
      {"Germany accused Russia of shelling Ukrainian cities.", {"DEU>RUS 1123"}},
      {"Poland threatens to recall its ambassador from Belarus", {"POL>BLR 1313"}},
      {"Russia and Ukraine agreed to meet in Istanbul.", {"RUS>UKR 036", "UKR>RUS 036"}},
      {"The Chinese foreign ministry declined to comment on the Philippine proposal.",
       {"CHN>PHL 011"}},
  });
}

TEST_F(GeneralNewsTest, DeniedAndSupposedEventsAreNotCoded) {
  Check({
      {"Iran did not attack Israel.", {}},
      {"Iraq failed to renew sanctions on Syria.", {}},
      {"Russia would not provide support to Syria.", {}},
      {"Moscow might ask Beijing for help.", {}},
      {"Taiwan could attack China if provoked, an analyst said.", {}},
  });
}

TEST_F(GeneralNewsTest, AgentsTakeTheStateOfTheirPlaceOrTheArticle) {
  Check({
      // the article's state
      {"Kenya is tense. Police arrested 40 protesters on Monday.", {"KEN>KEN 173"}},
      // a place after the agent
      {"Police in Kirkuk arrested two men.", {"IRQ>IRQ 173"}},
      // a demonym
      {"Thousands of Armenians protested in Yerevan.", {"ARM>ARM 141"}},
      // a possessive
      {"Egypt's police arrested opposition activists in Cairo.", {"EGY>EGY 173"}},
      // a backer is not the group
      {"Turkish-backed rebels attacked Kurdish forces in Afrin.", {}, {"TUR>"}},
      // the leader of a coalition acts through it
      {"The Saudi-led coalition bombed Houthi positions.", {"SAU>HOUTHIS 195"}},
      // an adjective after "in" is no place: "killed in Russian drone strikes on Kherson"
      {"Two people were killed in Russian drone strikes on Kherson.", {"RUS>UKR 195"}},
      // force off a state's coast is against that state; two verbs share their subject
      {"The Chilean navy stopped and seized a fishing boat off the coast of Peru.",
       {"CHL>PER 171"}},
      // a sentence's opening "It" is the state the last sentence opened with
      {"Kenya summoned the Ugandan ambassador. It also recalled its envoy from Kampala.",
       {"KEN>UGA 114", "KEN>UGA 161"}},
      {"Kenya is calm. It is unclear whether Uganda will attack.", {}},
      // an embassy or a delegation in a capital is not the capital's state's
      {"Kenya, Kenya and Kenya. The delegation in Kampala criticized Uganda.", {"KEN>UGA 111"}},
      // a relative clause between a subject and its light verb
      {"Chile's foreign minister, who leads the delegation in Lima, held talks with Peru.",
       {"CHL>PER 040"}},
      // an institution many states name alike is the article's state's, or the named state's
      {"Manila was tense. The Senate criticized the police.", {"PHL>PHL 111"}, {"USA"}},
      {"The Libyan House of Representatives criticized Turkey.", {"LBY>TUR 111"}, {"USA"}},
  });
}

TEST_F(GeneralNewsTest, PlacesAreWhereEventsHappen) {
  Check({
      {"Ukraine and Poland held talks in Moscow.",
       {"UKR>POL 040", "POL>UKR 040"},
       {"UKR>RUS", "POL>RUS", "RUS>"}},
      {"Nigeria's president lifted the state of emergency in Rivers State.", {"NGA>NGA 0814"}},
  });
  Article a;
  a.id = "t";
  a.text = "Egypt's police arrested opposition activists in Cairo.";
  a.date = Date::FromYmd(2024, 3, 12);
  std::vector<Diagnostic> d;
  const std::vector<Event> events = extractor_->Extract(a, &d);
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE(events[0].location.has_value());
  EXPECT_EQ(events[0].location->place, "Cairo");
  EXPECT_EQ(events[0].location->country, "EGY");
  ASSERT_TRUE(events[0].location->lat.has_value());
  EXPECT_NEAR(*events[0].location->lat, 30.06, 0.1);
}

TEST_F(GeneralNewsTest, BackgroundClausesAndCoSigners) {
  Check({
      // an undated relative clause is background
      {"Russia, which banned Turkish tomatoes, lifted its restrictions on Turkey.",
       {"RUS>TUR 081"},
       {"RUS>TUR 17", "RUS>TUR 16"}},
      // a clause dated long before the article is history
      {"Hezbollah, which fought a war with Israel in 2006, warned the United States.",
       {"HEZBOLLAH>USA 130"},
       {"HEZBOLLAH>ISR"}},
      {"The peace treaty, signed by Egypt and Israel in 1979, remains in force.", {}},
      // a reduced passive is a passive: "..., mediated by Qatar"
      {"A ceasefire between Armenia and Azerbaijan, mediated by Russia, came into force.",
       {"RUS>ARM 045"}},
      // co-signers of a statement about a third party are not each other's targets
      {"France, Germany and Italy issued a joint statement on Libya.",
       {"FRA>LBY 010", "DEU>LBY 010", "ITA>LBY 010"},
       {"FRA>DEU", "DEU>FRA", "FRA>ITA", "ITA>FRA", "DEU>ITA", "ITA>DEU"}},
      // a person the dictionaries lack is a civilian of the article's state, as a target of
      // conflict only
      {"The United States is divided. Paul Manafort was sentenced by a federal judge in "
       "Washington.",
       {"USA>USA 173"}},
      {"Mexico is hot. Maria Lopez met the governor.", {}, {"MEX>MEX 04"}},
      // a name set off beside a state's title is that person
      {"Qasem Soleimani, head of Iran's Quds Force, was killed by American forces.",
       {"USA>IRN 190"}},  // killed by a military: fighting
  });
}

TEST_F(GeneralNewsTest, NamesInsideNounPhrasesAndHeadlines) {
  Check({
      // a name before the object words is the target: "barred UN inspectors"
      {"Kenya barred UN inspectors from the camp.", {"KEN>UN 1245"}},
      // "supplied Ukraine with weapons": the recipient; a slot beats an adjective in the gap
      {"Germany supplied Ukraine with weapons.", {"DEU>UKR 072"}},
      {"Germany supplied Russian weapons to Ukraine.", {"DEU>UKR 072"}, {"DEU>RUS"}},
      // of object words that begin together the longer wins
      {"Iran expressed willingness to negotiate with Oman.", {"IRN>OMN 036"}},
      // a possessive pronoun there is a determiner; the target follows the object
      {"Brazil refused to lift its tariffs on Argentina.", {"BRA>ARG 1244"}, {"BRA>BRA"}},
      // "North and South Korea": the first half takes the second half's head
      {"North and South Korea signed a pact.", {"PRK>KOR 057", "KOR>PRK 057"}},
      // a title-less opening line without a full stop is a headline: a comma joins
      {"Kenyan, Somali troops clash near border", {"KEN>SOM 190", "SOM>KEN 190"}},
      // a three-word name is known by its second word later
      {"Pedro Gallardo Reyes, Peru's foreign minister, arrived in Quito. Gallardo met "
       "Ecuador's president on Monday.",
       {"PER>ECU 040"}},
      // "it" after a reporting verb in a "that" clause is that clause's subject
      {"Chile said that Argentina confirmed its readiness to cooperate with Peru.",
       {"ARG>PER 030"},
       {"CHL>PER", "ARG>ARG"}},
      // an event heading the subject of a passive governor is governed by it
      {"Direct talks were demanded of Kenya by Uganda.", {"UGA>KEN 106"}},
      {"Military aid was requested by Chad from France.", {"TCD>FRA 0232"}},
      // sanctions a state lays on its own people are administrative sanctions
      {"Kenya imposed travel bans on six opposition figures.", {"KEN>KEN 172"}},
      // the target of a passive is its subject phrase's possessor, else the actor in it
      {"Kenya's bid for a seat on the council was rejected by Uganda.", {"UGA>KEN 120"}},
      {"Sanctions on Cuba were eased by Washington.", {"USA>CUB 085"}},
      // an office without its holder is a person of its own: the president and a minister
      // of one state are two actors
      {"The Kenyan president criticized the Kenyan foreign minister.", {"KEN>KEN 111"}},
      // a subject's place does not hide the subject
      {"The Chilean delegation in Lima demanded that Peru pay more.", {"CHL>PER 100"}},
      // a quantity and a modifier before the agent of a passive
      {"Kenya is tense. The finance minister was urged to resign by dozens of Jubilee "
       "lawmakers.",
       {"KEN>KEN 0241"}},
      // "that" before a name opens a clause; it is no determiner of an object
      {"Chile received word that Argentina had closed the pass.", {}, {"CHL>ARG"}},
  });
}

TEST_F(GeneralNewsTest, ConditionsFailuresAndPatients) {
  Check({
      // an event in a condition did not happen; the consequence's clause is not one
      {"NATO will respond if Armenia attacks Azerbaijan.", {}, {"ARM>AZE"}},
      {"If Armenia attacks Azerbaijan, Turkey will sanction Armenia.",
       {"TUR>ARM 1312"},
       {"ARM>AZE"}},
      // an agreement that collapsed or fell apart is none
      {"The truce between Armenia and Azerbaijan collapsed.", {}, {"ARM>AZE", "AZE>ARM"}},
      {"China provided assistance to Laos after a dam collapse.", {"CHN>LAO 070"}},
      // with an agent after it, a noun's possessor is what the event befalls
      {"Navalny's arrest by Russian police drew protests.", {"RUS>RUS 173"}},
      // "by" and a gerund is a means, no agent
      {"Kenya widened its travel ban by barring citizens of Mali.", {}, {"MLI>KEN"}},
      // a crowd no one names protests as the people of the place or the article's state
      {"Thousands marched in Nairobi on Monday.", {"KEN>KEN 141"}},
      {"Protests erupted in Mombasa after the vote.", {"KEN>KEN 141"}},
      // ... but a protest in the background is no event of the sentence
      {"Kenya's president resigned after weeks of protests.", {}, {"KEN>KEN 14"}},
      // a report the sentence calls false
      {"Reports that Kenyan troops shelled Somali villages were false, Nairobi said.",
       {},
       {"KEN>SOM"}},
      // an assault on a thing, no place named, by the article's state's own is against it
      {"Afghanistan is tense. Taliban militants bombed a mosque.", {"TALIBAN>AFG 183"}},
      {"Afghanistan is tense. Russian troops attacked a checkpoint.", {}, {"RUS>AFG"}},
      // actors of many states are none of the article's: "world leaders"
      {"Kenya is calm. World leaders condemned the attack on Kenyan police.", {}, {"KEN>KEN"}},
      // what a state eases or a union strikes over stays at home: its people, their government
      {"Kenya eases coronavirus curfew", {"KEN>KEN 0813"}},
      {"Striking French refinery workers refused to end their walkout.", {"FRA>FRA 1242"}},
      // a state's people rioting or striking: a riot (145), a labour strike (143)
      {"Kenya is tense. Protesters attacked police in Nairobi.", {"KEN>KEN 145"}},
      {"Rioters in Dakar set fire to shops and buses.", {"SEN>SEN 145"}},
      {"South Korean doctors strike over medical school quotas", {"KOR>KOR 143"}, {"KOR>KOR 195"}},
      {"Israel struck Gaza.", {"ISR>PSE 195"}},
      // force "targeting" someone is against them
      {"Iran launched missiles targeting US troops in Iraq.", {"IRN>USA 195"}, {"IRN>IRQ"}},
      // a month is no place: "an Israeli airstrike in August"
      {"Yemen mourned a general killed in an Israeli airstrike in August.", {}, {"ISR>USA"}},
      // "the Military Times" is a newspaper, no military
      {"Iraq is tense. A spokesperson told the Military Times the base was hit.", {}, {"IRQ>IRQ"}},
      // a short line opening with a year is a topic's label, not a headline
      {"2025 Peruvian protests", {}},
      // the agent of a passive may stand before its object words
      {"China was accused by the United States of spying.", {"USA>CHN 1125"}},
      // object words inside a name do not count: "Syrian government forces" is no "force"
      {"Chemical weapons were used by Syrian government forces in Douma.", {}, {"SYR>SYR 175"}},
      // a name in the gap counts as one word
      {"Kenyan police accused former Prime Minister Raila Amolo Odinga of corruption.",
       {"KEN>KEN 1121"}},
      // a measure of a noun is no preposition: "a second night of curfew"
      {"Chile is tense. The army imposed a second night of curfew in Santiago.", {"CHL>CHL 1723"}},
      // agents before "of" and a gerund are agents: "accused security forces of firing"
      {"Colombia is tense. Activists accused security forces of firing on demonstrators.",
       {"COL>COL 1122"}},
      // condemning an act of force the article reported condemns whoever did it
      {"Russian forces shelled Kharkiv. Germany and France condemned the attack.",
       {"DEU>RUS 111", "FRA>RUS 111"}},
      {"Germany condemned the decision.", {}},
      // a state's adjective or name on its weapons is the subject
      {"Israeli aircraft pounded Hamas compounds across the Gaza Strip.", {"ISR>HAMAS 190"}},
      {"A U.S. drone strike killed an Iranian commander at Baghdad airport.", {"USA>IRN 1823"}},
      // nouns joined by "and" in a gap: "fired shotguns and tear gas at"
      {"South Africa is tense. Police fired shotguns and tear gas at youths.", {"ZAF>ZAF 175"}},
      // a number in a hyphenated modifier
      {"Nigeria is tense. Lagos state imposed a 24-hour curfew.", {"NGA>NGA 1723"}},
      // an actor and its equipment as subject
      {"Russian troops and tanks entered Ukraine.", {"RUS>UKR 192"}},
      // moving in is occupation only by an armed force or a state into another
      {"Taliban fighters entered Kabul on Sunday.", {"TALIBAN>AFG 192"}},
      {"Russia took control of the local businesses of Danone.", {}, {"RUS>RUS 192"}},
      // a place the sentence opens with gives its agents their state
      {"Mexico granted asylum to Morales. In La Paz, police fired tear gas at supporters.",
       {"BOL>BOL 175"},
       {"MEX"}},
      // "to" before a verb of purpose is no target's preposition
      {"France sent 300 troops to protect its nationals.", {}, {"FRA>FRA"}},
      // "what X called" names; it is not the target
      {"Indian warplanes struck what New Delhi called a training camp inside Pakistan.",
       {"IND>PAK 195"},
       {"IND>IND"}},
      // gunmen killing civilians are no fighting; "they" is the sentence's first body
      {"Kenya is tense. The gunmen killed 59 people when they stormed the mall.", {"KEN>KEN 1823"}},
      // a dateline names no actor
      {"NAIROBI, March 3 (Reuters) - Ugandan troops shelled Somali positions.",
       {"UGA>SOM 194"},
       {"KEN"}},
      // a noun's modifiers joined by a hyphen or "and" before its light verb
      {"Russian forces launched a full-scale invasion of Ukraine.", {"RUS>UKR 192"}},
      {"Kenya and Uganda launched air and missile strikes on Somalia.",
       {"KEN>SOM 195", "UGA>SOM 195"}},
      // a verb after "and" shares the sentence's subject when its partner coded nothing
      {"China said it held the crew and demanded an apology from Washington.", {"CHN>USA 100"}},
      // a participle set off after the main clause shares its subject
      {"Afghanistan is tense. Gunmen attacked a checkpoint, killing four soldiers.",
       {"AFG>AFG 190"}},
      {"Russian troops entered Kherson, killing three Ukrainian soldiers.", {"RUS>UKR 190"}},
      // "calling it "null and void"" names, it does not telephone
      {"Greece rejected the Turkish deal, calling it \"null and void\".", {}, {"GRC>TUR 04"}},
      // a past verb right after a word makes the word a noun: "military arm attacked"
      {"Hezbollah's military arm attacked Israel.", {}, {"HEZBOLLAH>ISR 07"}},
  });
}

}  // namespace
TEST_F(GeneralNewsTest, CrowdsActsOfForceAndAsides) {
  Check({
      // a crowd rallying is a demonstration against its government; stocks are no crowd
      {"Several thousand people rallied at a square in Lagos.", {"NGA>NGA 141"}},
      {"Stocks rallied in Tokyo after the decision.", {}},
      // an act of force as the subject of a verb of impact: its doer and what it struck
      {"Russian shelling killed three civilians in Kherson.", {"RUS>UKR 194"}, {"RUS>RUS"}},
      {"Russian missile and drone strikes hit Odesa overnight.", {"RUS>UKR 195"}},
      {"A US drone strike in Somalia killed two militants.", {"USA>SOM 195"}},
      // "each other": both ways
      {"Serbia and Kosovo accused each other of provoking violence.",
       {"SRB>XKX 112", "XKX>SRB 112"}},
      // a statement about what happened in a place is about its state
      {"Ghana condemned the coup in Gabon.", {"GHA>GAB 111"}},
      // capturing people: an abduction by rebels, an arrest by a state's forces
      {"Syrian rebels captured three government soldiers near Idlib.", {"SYR>SYR 181"}},
      {"Colombian special forces captured the ELN commander.", {"COL>ELN 173"}},
      // a dashed aside between the subject and its verb
      {"The Syrian army \u2014 which had left the area years ago \u2014 entered the town of "
       "Kobani.",
       {"SYR>SYR 192"}},
      // a known person named in full is known by the last word of the name later
      {"Carrie Lam arrived in Singapore on Monday. Lam met Singapore's prime minister.",
       {"HKG>SGP 040"}},
      // a blocked verb keeps its subject for the verb joined to it by "and"
      {"Myanmar's military seized power and detained Aung San Suu Kyi.", {"MMR>MMR 173"}},
      // "the two sides" are the last pair that fought
      {"Indian jets struck targets in Pakistan. China urged the two sides to exercise restraint.",
       {"CHN>IND 0256", "CHN>PAK 0256"}},
      // ", and" before a new clause ends a list of targets
      {"Russia has sent military instructors to Mali, and Algeria protested.",
       {"RUS>MLI 072"},
       {"RUS>DZA"}},
      // criticism of "the move" is criticism of whoever made the last move reported
      {"The United States imposed sanctions on Venezuela. Russia and China criticised the move.",
       {"RUS>USA 111", "CHN>USA 111"}},
      {"Kenya expelled two diplomats. Uganda rejected the measures taken by its courts.",
       {},
       {"UGA>KEN"}},
      // a participle set off by commas has its slots inside them
      {"Kenya's president, speaking in Nairobi, ruled out talks with Uganda.",
       {"KEN>UGA 125"},
       {"KEN>UGA 040"}},
      // ... and condemning a verdict condemns the court that gave it
      {"A Cairo court convicted the journalist. Human Rights Watch condemned the verdict.",
       {"HRW>EGY 111"}},
      // condemning "the attack" condemns the last act of force, not a later break of ties;
      // condemning "the arrests" the last act of coercion
      {"Russian forces attacked Kyiv. Ukraine cut ties with Moscow. NATO condemned the attack.",
       {"NATO>RUS 111"},
       {"NATO>UKR"}},
      {"Egyptian police arrested 40 activists. Qatari jets struck Gaza. France condemned the "
       "arrests.",
       {"FRA>EGY 111"},
       {"FRA>QAT"}},
      // "the country" in a later sentence is the article's own state, when it was named
      {"BANGUI, March 25 - Rebels seized the Central African Republic's capital on Sunday. "
       "The ousted president fled to Cameroon. The African Union suspended the country.",
       {"AU>CAF 160"},
       {"AU>CMR"}},
      // criticism of "the ouster" is of whoever ousted
      {"Peru's Congress removed President Pedro Castillo. Mexico's president criticised the "
       "ouster.",
       {"MEX>PER 111"}},
      // "its" after a possessor in an object is the clause subject's
      {"The United States condemned China's actions and reaffirmed its commitment to defend the "
       "Philippines.",
       {"USA>PHL 032"},
       {"CHN>PHL"}},
      // the agent of a participle after the subject is not the subject
      {"Congolese rebels backed by Rwanda seized Goma.", {"COD>COD 171"}, {"RWA>"}},
      {"Somali forces backed by US airstrikes recaptured a town from al-Shabaab.",
       {"SOM>SHABAAB 192"},
       {"USA>"}},
      // "the Gulf states" are no one state's government
      {"The Gulf states gave Qatari diplomats 48 hours to leave.", {}, {"QAT>QAT"}},
  });
}

TEST_F(GeneralNewsTest, DomesticSidesAndPassiveNouns) {
  Check({
      // a state's rejection of requests no one is named as making is toward its own people
      {"Thailand's government rejected calls for the king's powers to be curbed.", {"THA>THA 120"}},
      {"Requests to extend the deadline were rejected by the Kenyan electoral commission.",
       {"KEN>KEN 120"}},
      // the rule's "by" slot is the agent in the passive, not a second party
      {"Calls for political reform were rejected by the Eswatini government.", {"SWZ>SWZ 123"}},
      // ... but a rejection of what another state asked is not at home
      {"Thailand's government rejected calls from Cambodia for talks.", {}, {"THA>THA"}},
      // a state's investigation with no one else named; its people's appeals
      {"Zambian police investigated the shooting at the mine.", {"ZMB>ZMB 090"}},
      {"Malian opposition parties called for a transition to civilian rule.", {"MLI>MLI 020"}},
      {"Zambian police investigated the shooting by Congolese soldiers.", {}, {"ZMB>ZMB"}},
      // a noun made an event by a passive light verb: the agent, then the noun's slots
      {"A formal apology was made by the German chancellor to Namibia.", {"DEU>NAM 055"}},
      {"A list of demands was handed to Lebanon by Israel.", {"ISR>LBN 100"}},
      // a passive verb's slots after its agent; "of" is whom a demand is made of
      {"Debt relief was demanded by Zambia's finance minister from the IMF.", {"ZMB>IMF 1031"}},
      {"A halt to the offensive was demanded of Russia by the Security Council.", {"UN>RUS 100"}},
      // a gerund after a verb of going on or owning up is its subject's act; "stopped" is not
      {"Russia continued shelling Kharkiv.", {"RUS>UKR 194"}},
      {"Syria admitted attacking a Turkish convoy.", {"SYR>TUR 190"}},
      {"Israel stopped shelling Gaza.", {}},
      // a claim of responsibility for an attack reported without its doer is against whom it
      // struck
      {"Army posts in Niger were hit by mortar attacks on Sunday. Boko Haram claimed "
       "responsibility for the attacks.",
       {"BOKOHARAM>NER 015"}},
      // what a possessor seeks is the possessor's, for support and rejection
      {"Spain backed Morocco's bid to host the games.", {"ESP>MAR 051"}},
      // a place of the subject's own state does not displace the object's modifier
      {"Sudan allowed UN investigators into Darfur.", {"SDN>UN 086"}},
      // a threat to pull troops out ends an involvement (136)
      {"Chad threatened to pull its troops out of Niger.", {"TCD>NER 136"}},
      // "a list of demands" is Turkey's, addressed "to" Sweden
      {"Turkey issued a list of demands to Sweden.", {"TUR>SWE 100"}},
      // a subject with a phrase after it; an agent "in" a place before a relative clause
      {"Farmers angry about import rules blocked roads in Poland.", {"POL>POL 144"}},
      {"Nurses in Lagos, who have not been paid for months, went on strike over wages.",
       {"NGA>NGA 143"}},
      {"Peruvians marched for a new constitution.", {"PER>PER 141"}},
      // an administration named for a past US president is the US government
      {"The Reagan administration criticised Libya.", {"USA>LBY 111"}},
      // restrictions on another state are sanctions, at home administrative sanctions
      {"The EU imposed restrictions on Belarusian airlines.", {"EU>BLR 163"}},
      {"Kenya imposed restrictions on opposition rallies.", {"KEN>KEN 172"}},
      // admitting an attack is claiming it; relations cooled are reduced; demands presented
      {"Al-Shabaab admitted the attack in Mogadishu.", {"SHABAAB>SOM 015"}},
      {"Niger cools relations with France", {"NER>FRA 161"}},
      {"Serbia presents demands to EU", {"SRB>EU 100"}},
      // predicate adjectives of outlook are comments of their subject, copula or not
      {"Kenya upbeat on trade deal with Washington", {"KEN>USA 013"}},
      {"Several NATO member states are still very sceptical about Ukraine joining the alliance.",
       {"NATO>UKR 012"}},
      {"An optimistic assessment of the talks with Iran was given.", {}},
      // a noun's agent after a light verb's participle set off by commas
      {"The bombing, carried out by Boko Haram, killed 20 people in Maiduguri.",
       {"BOKOHARAM>NGA 183"}},
      // a stabbing or mass shooting by no one named is a crime of the place; a figure of
      // speech is none
      {"Indonesia's security minister was stabbed on Thursday.", {"IDN>IDN 182"}},
      {"They want to stab Russia in the back.", {}},
      // a denial of involvement with no one named is toward whom the last act of force struck;
      // a bishops' conference is the church of its place
      {"Two British citizens were poisoned in Salisbury by Russian agents. Moscow denied "
       "involvement.",
       {"RUS>GBR 016"}},
      {"The Catholic bishops' conference in Nicaragua appealed for an end to the violence.",
       {"NIC>NIC 0256"}},
      // a bombing by an armed group of no state is unconventional violence (183)
      {"The bombing of the Serena hotel in Kabul was carried out by the Taliban.",
       {"TALIBAN>AFG 183"}},
      // forces leaving or withdrawing; a governed withdrawal is one when its own subject is a
      // force
      {"Russian troops left Kherson.", {"RUS>UKR 087"}},
      {"Zelensky left Kyiv for Washington.", {}},
      {"The Security Council demanded that the M23 rebels withdraw.", {"UN>M23 1056"}},
      {"Johnson said he intends to leave the EU by January.", {}, {"GBR>EU 03"}},
      {"Iraq's prime minister recommended that US troops withdraw.", {"IRQ>USA 0256"}},
      // restrictions "on" something of a state's
      {"US announces restrictions on flights to Cuba", {"USA>CUB 163"}},
      // an acronym in parentheses is the same actor, and a list goes on past it
      {"Clashes erupted between the Rapid Support Forces (RSF) and the Sudanese army in "
       "Darfur.",
       {"RSF>SDN 190", "SDN>RSF 190"}},
      // a gerund after "in" is its clause subject's act
      {"Austria and Finland joined Italy in calling for Spain to be suspended from Schengen.",
       {"AUT>ESP 020", "FIN>ESP 020"}},
      // a name of blame, quoted or not, is criticism
      {"Greece called the Turkish-Libyan agreement \"null and void\".", {"GRC>TUR 111"}},
      {"Zelensky called Putin a \"war criminal\".", {"UKR>RUS 111"}, {"UKR>RUS 04"}},
      // a participle with its agent and no auxiliary, as in headlines and reduced relatives
      {"Journalist killed by gunmen in Mexico", {"MEX>MEX 1823"}},
      {"Kharkiv attacked by Russian drones overnight", {"RUS>UKR 190"}},
      {"India rejected mediation by the United States on Kashmir.", {"IND>USA 126"}, {"USA>IND"}},
      {"Philippines' largest television network shut down by government", {"PHL>PHL 1721"}},
      // ... agreements entered into; rights groups are NGOs of their place
      {"Kenya entered into an agreement with Somalia.", {"KEN>SOM 057"}},
      // a kind of machine is no act of force; calling an election is no concession
      {"Attack helicopters were delivered to Nigeria by Italy.", {}, {"NGA>", "ITA>NGA 19"}},
      {"Spain's prime minister called a snap election for July.", {}},
      {"Thailand's prime minister promised early elections.", {"THA>THA 0341"}},
      // a participle before the noun it describes reports no event
      {"Jailed Iranian activist begins hunger strike", {}, {"IRN>IRN 17"}},
      {"Police detained protesters in Tehran.", {"IRN>IRN 173"}},
      // what a protest is for is no demand of its own
      {"Roads in Kenya were blocked by farmers demanding lower fuel prices.",
       {"KEN>KEN 144"},
       {"KEN>KEN 10"}},
      {"Nurses in Lagos went on strike to demand higher wages.", {"NGA>NGA 143"}, {"NGA>NGA 10"}},
      // a governor with an object before its event ("demand OBJ") wins over the bare one
      {"Egypt demanded Ethiopia halt the filling of the dam.", {}, {"EGY>EGY"}},
      {"India demands Britain extradite fugitive tycoon", {"IND>GBR 1013"}},
      // a hyphenated modifier before an actor: "to famine-hit Somalia"
      {"Qatar promised to send food and medicine to drought-hit Somalia.", {"QAT>SOM 0333"}},
      // demands met: a noun governor that is the subject of a passive verb governs nothing
      {"The strikers' demands were conceded by the Kenyan government.", {"KEN>KEN 080"}},
      {"Bolivia's president bowed to pressure from the unions.", {"BOL>BOL 080"}},
      // a refusal to yield with no one else named is toward the state's own people
      {"Georgia's prime minister refused to back down.", {"GEO>GEO 124"}},
      // an allegation accuses the doer; a claim about one's own act, or a claim of
      // responsibility, is no accusation
      {"Pakistan claimed that Indian jets bombed a village in Kashmir.",
       {"PAK>IND 1123"},
       {"IND>PAK"}},
      {"Russia claimed that it had shot down Ukrainian drones.", {"RUS>UKR 190"}},
      {"Al-Shabaab claimed responsibility for the attacks on Kenyan troops.", {"SHABAAB>KEN 015"}},
      // unnamed doers and sufferers of a crime take the state of their place
      {"Two individuals were arrested in Warsaw.", {"POL>POL 173"}},
      {"Police in Malmo shot the perpetrator.", {"SWE>SWE 193"}},
      // shooting at people is repression; at an armed force it stays fighting
      {"Kenyan police opened fire on protesters in Nairobi.", {"KEN>KEN 175"}},
      {"Indian troops opened fire on Pakistani soldiers.", {"IND>PAK 193"}},
      // de-escalation "near" a place is toward its state
      {"Russia said it would scale back military operations near Chernihiv.", {"RUS>UKR 0356"}},
  });
}

}  // namespace dyad
