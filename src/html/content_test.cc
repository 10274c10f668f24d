// The main text of pages we wrote: what stays, what goes, and bounded work.
#include <gtest/gtest.h>

#include <string>

#include "html/html.h"

namespace storyline::html {
namespace {

Extractor MakeExtractor() {
  Result<Extractor> extractor = Extractor::Create({}, DataFiles());
  EXPECT_TRUE(extractor.ok()) << extractor.status().ToString();
  return std::move(extractor).value();
}

std::string TextOf(const std::string& markup) { return MakeExtractor().Extract(markup, {}).text; }

constexpr const char* kFirst =
    "The Veyra harbour board voted on Tuesday to rebuild the north pier, which storms "
    "damaged twice last winter, at a cost of four million crowns.";
constexpr const char* kSecond =
    "Work starts in March, and the ferry to Lonn Island will dock at the south quay "
    "until the pier reopens, the board's chair, Ilse Marrow, said.";
constexpr const char* kThird =
    "Fishermen, who asked for the repair for three years, welcomed the vote but warned "
    "that the south quay is too shallow for the larger trawlers.";

std::string Paragraphs() {
  return std::string("<p>") + kFirst + "</p>\n<p>" + kSecond + "</p>\n<p>" + kThird + "</p>\n";
}

TEST(ContentTest, KeepsTheArticleAndDropsPageFurniture) {
  const std::string page =
      "<html><head><title>Pier to be rebuilt</title><script>var x = 1;</script></head><body>"
      "<nav><ul><li><a href='/'>Home</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
      "<div class='cookie-banner'>We use cookies to improve your experience.</div>"
      "<article><h1>Pier to be rebuilt</h1>" +
      Paragraphs() +
      "<div class='share-bar'>Share on Facebook Share on X</div></article>"
      "<section id='comments'><h3>3 comments</h3><p>Finally! My grandfather fished from "
      "that pier for forty years and it is about time.</p></section>"
      "<footer>Copyright Veyra Courier. All rights reserved.</footer></body></html>";
  const std::string text = TextOf(page);
  EXPECT_NE(text.find(std::string(kFirst) + "\n" + kSecond + "\n" + kThird), std::string::npos)
      << text;
  for (const char* gone : {"Home", "cookies", "Share on", "grandfather", "Copyright", "var x"}) {
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << " in:\n" << text;
  }
}

TEST(ContentTest, JoinsABodySplitByAds) {
  const std::string page =
      std::string("<html><body><div class='story-body'><p>") + kFirst +
      "</p><div class='ad-slot'>Advertisement: Buy the new Lonn cruiser today</div><p>" + kSecond +
      "</p><aside>Most read: Lighthouse repainted</aside><p>" + kThird + "</p></div></body></html>";
  const std::string text = TextOf(page);
  EXPECT_EQ(text, std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, GathersABodySpreadOverSiblingBlocks) {
  // A page builder's modules: the intro, the main text deep in its own
  // wrappers, and a closing block are siblings high up; a teaser list is not
  // prose and stays out.
  const std::string page =
      "<html><body><div class='page'>"
      "<div class='module-1'><div class='inner'><p>The harbour board of Veyra met in the old "
      "customs house on Tuesday evening, with forty townspeople and two reporters watching from "
      "the "
      "back.</p></div></div>"
      "<div class='module-2'><div class='row'><div class='col'><div class='text'>" +
      Paragraphs() +
      "</div></div></div></div>"
      "<div class='module-3'><p>The board meets again in May, when the engineers from the capital "
      "will present "
      "the final plans for the north pier, its new lights and the wider channel.</p></div>"
      "<div class='module-4'><ul><li><a href='/a'>Ferry timetable changes for the winter "
      "months</a></li><li><a href='/b'>Trawler fleet shrinks again this year</a></li></ul>"
      "</div></div></body></html>";
  const std::string text = TextOf(page);
  const size_t intro = text.find("customs house");
  const size_t body = text.find(kSecond);
  const size_t closing = text.find("meets again in May");
  ASSERT_NE(intro, std::string::npos) << text;
  ASSERT_NE(body, std::string::npos) << text;
  ASSERT_NE(closing, std::string::npos) << text;
  EXPECT_LT(intro, body);
  EXPECT_LT(body, closing);
  EXPECT_EQ(text.find("Ferry timetable"), std::string::npos) << text;
}

TEST(ContentTest, DropsLinesThatLabelCuesName) {
  const std::string page =
      "<html><body><article><p>Foto: Ilse Marrow</p><p>12.03.2024, 08:30 "
      "Uhr</p>" +
      Paragraphs() + "<p>Artikel teilen</p></article></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

// Month names are letters of the Latin, Greek and Cyrillic blocks, accented
// or not; a line of other words around a year stays.
TEST(ContentTest, DropsDateLinesWithMonthNamesInSeveralScripts) {
  const std::string page =
      std::string(
          "<html><body><article><p>3. März 2024</p><p>12 августа 2023, 14:05</p>"
          "<p>Harbour | 5 Μαΐου 2024</p><p>Lutego 4, 2022</p><p>") +
      kFirst + "</p><p>14 港口会议 2024</p><p>" + kSecond + "</p></article></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n14 港口会议 2024\n" + kSecond);
}

TEST(ContentTest, DropsDatesBesideARubricAndAdvertisingNotes) {
  const std::string page =
      "<html><body><article><p>Harbour | 12.03.2024</p><p>Anzeige - Enthält Links zu "
      "Werften</p>" +
      Paragraphs() +
      "<p>Alle Angaben ohne Gewähr</p><p>Kontakt:</p><p>E-Mail (wird nicht "
      "veröffentlicht)</p></article></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, DropsCreditedCaptionsAndCallsToSubscribe) {
  const std::string page =
      "<html><body><article><p>The north pier after the storm (Foto: Ilse Marrow)</p>" +
      Paragraphs() +
      "<p>Subscribe now to the Courier for the whole harbour story.</p></article></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, DropsPlaceholderAndSourceHeadingLines) {
  const std::string page = "<html><body><article><p>Release date:</p><p>Externer Inhalt</p>" +
                           Paragraphs() + "<p>Originalartikel</p></article></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, DropsTheLoginNoteOfACommentForm) {
  const std::string page = "<html><body><article>" + Paragraphs() +
                           "<p>Sie müssen sich einloggen, um mitzureden.</p><p>You must be "
                           "logged in to post a comment.</p></article></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, DropsDownloadMoreInfoAndCopyrightLines) {
  const std::string page = "<html><body><article>" + Paragraphs() +
                           "<p>Weitere Infos unter www.veyra.example.</p><p>Den Bericht als PDF "
                           "herunterladen</p><p>© 2026 Veyra Courier. All rights "
                           "reserved.</p></article></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
  const std::string rule = "<html><body><article>" + Paragraphs() +
                           "<p>Copyright rules for harbour photos change in May.</p>"
                           "</article></body></html>";
  EXPECT_NE(TextOf(rule).find("Copyright rules"), std::string::npos);
}

TEST(ContentTest, AnEndCueCutsTheEndMatterButNotTheStory) {
  const std::string bio =
      "<h3>Über den Autor</h3><p>Ilse Marrow writes about the harbour, its boats and "
      "the people who work on them for the Veyra Courier.</p>";
  const std::string text =
      TextOf("<html><body><article>" + Paragraphs() + bio + "</article></body></html>");
  EXPECT_EQ(text, std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
  // Near the top, the same label heads a box inside the story: only it goes.
  const std::string early =
      TextOf(std::string("<html><body><article><p>") + kFirst + "</p><h3>Mehr zum Thema</h3><p>" +
             kSecond + "</p><p>" + kThird + "</p></article></body></html>");
  EXPECT_EQ(early, std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, TakesThePageWhenTheChosenBodyIsAFragmentOfIt) {
  // The only paragraphs are a notice; the text is in <div>s, over three times as long.
  const std::string page =
      std::string(
          "<html><body><div class='notice'><p>Orders placed before noon leave the "
          "warehouse on the same day, and returns are free for thirty days.</p><p>Gift "
          "cards, opened food and made-to-measure items cannot be returned, as the law "
          "allows.</p><p>Our support desk answers by mail within two working days, and by phone in "
          "the "
          "mornings.</p></div>"
          "<div class='product'><div>") +
      kFirst + "</div><div>" + kSecond + "</div><div>" + kThird + "</div><div>" + kFirst +
      "</div><div>" + kSecond + "</div><div>" + kThird + "</div></div></body></html>";
  const std::string text = TextOf(page);
  EXPECT_NE(text.find(kSecond), std::string::npos) << text;
  EXPECT_NE(text.find(kThird), std::string::npos) << text;
}

TEST(ContentTest, DropsAuthorBoxesAndCallsToActionInsideTheBody) {
  const std::string page =
      "<html><body><div class='entry-content'>" + Paragraphs() +
      "<div class='post-author-box'><p>Ilse Marrow has covered the harbour for the Courier since "
      "2009 and sails on weekends.</p></div><section class='cta-global'><p>Like our reporting? "
      "Become a member of the Courier for two crowns a month.</p></section></div></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, DropsKickersNoticesInfoBoxesAndAppealsAroundTheStory) {
  const std::string page =
      "<html><body><div class='entry-content'><div class='article-kicker'>Harbour</div>" +
      Paragraphs() +
      "<div class='infobox'><p>The north pier was built in 1911 and last repaired in "
      "1978, when a storm tore away its lamp.</p></div><p class='editorial-disclaimer'>Links "
      "to shops may earn the Courier a commission on what readers buy.</p><div "
      "class='donation-box'><p>Independent harbour news needs you: give five crowns "
      "today.</p></div><div class='post-signature'>Ilse Marrow, Veyra</div><div "
      "class='next-story'><h2>Lighthouse keeper retires after forty years</h2></div></div>"
      "</body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, DropsContactBuyAndAppBoxes) {
  const std::string page =
      "<html><body><div class='entry-content'>" + Paragraphs() +
      "<div class='contact-box'><p>Questions about the pier? Write to the harbour office "
      "any weekday.</p></div><div class='buybox'><p>Instant access to the full report for "
      "three crowns.</p></div><div class='abo-box'><p>Lesen Sie den Courier zwei Wochen "
      "lang gratis.</p></div><div class='appstores'><h3>The Courier on your phone</h3></div>"
      "</div></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, DropsPostDatesMetaLinesAndPrintLinks) {
  const std::string page =
      "<html><body><div class='entry-content'><div class='td-meta-info'>Harbour desk, "
      "Veyra</div><span class='posted-on'>Tuesday morning</span>" +
      Paragraphs() +
      "<div class='recipe-print'>Print the harbour schedule</div></div></body></html>";
  EXPECT_EQ(TextOf(page), std::string(kFirst) + "\n" + kSecond + "\n" + kThird);
}

TEST(ContentTest, KeepsABodyWhoseClassNamesBoilerplateWhenItHoldsThePageProse) {
  // A theme marks its entry "share"; the link lists around hold more text,
  // but the entry holds all the paragraphs.
  std::string links = "<ul class='archive'>";
  for (int i = 0; i < 12; ++i) {
    links += "<li><a href='/" + std::to_string(i) + "'>Harbour board minutes, meeting number " +
             std::to_string(i) + "</a></li>";
  }
  links += "</ul>";
  const std::string page = "<html><body>" + links + "<div class='entry share'>" + Paragraphs() +
                           "</div>" + links + "</body></html>";
  const std::string text = TextOf(page);
  EXPECT_NE(text.find(kFirst), std::string::npos) << text;
  EXPECT_NE(text.find(kThird), std::string::npos) << text;
}

TEST(ContentTest, KeepsTheStandfirstOfAHeaderOutsideTheBody) {
  const std::string page =
      "<html><body><header class='site'><a href='/'>Veyra Courier</a></header><main>"
      "<header class='hero'><h1>Pier to be rebuilt</h1><p>The north pier, twice damaged by "
      "storms, will be rebuilt for four million crowns by next spring, the harbour board decided "
      "on Tuesday.</p></header>"
      "<div class='story-body'>" +
      Paragraphs() + "</div></main></body></html>";
  const std::string text = TextOf(page);
  EXPECT_NE(text.find("twice damaged by storms"), std::string::npos) << text;
  EXPECT_NE(text.find(kThird), std::string::npos) << text;
  EXPECT_EQ(text.find("Veyra Courier"), std::string::npos) << text;
}

TEST(ContentTest, KeepsAStandfirstSetInADivBesideTheBody) {
  const std::string page =
      "<html><body><article><div class='intro'>The north pier, twice damaged by storms, will be "
      "rebuilt for four million crowns by next spring, the harbour board decided.</div>"
      "<div class='meta'>Ilse Marrow, 12 March</div><div class='story-body'>" +
      Paragraphs() + "</div></article></body></html>";
  const std::string text = TextOf(page);
  EXPECT_NE(text.find("twice damaged by storms"), std::string::npos) << text;
  EXPECT_EQ(text.find("12 March"), std::string::npos) << text;
  EXPECT_NE(text.find(kThird), std::string::npos) << text;
}

TEST(ContentTest, LeavesOutRubyAnnotations) {
  const std::string page =
      "<html><body><article><p><ruby>港<rp>(</rp><rt>みなと</rt><rp>)</rp></ruby>の"
      "<ruby>桟橋<rt>さんばし</rt></ruby>を直します。</p></article></body></html>";
  EXPECT_EQ(TextOf(page), "港の桟橋を直します。");
}

TEST(ContentTest, KeepsTextWidgetsOfAPageBuilder) {
  // Each text block of the page is a "widget"; so is the sidebar's link list.
  const std::string page =
      std::string("<html><body><div class='builder-widget'><p>") + kFirst + "</p><p>" + kSecond +
      "</p></div><div class='builder-widget'><p>" + kThird + "</p><p>" + kFirst +
      "</p></div><div class='builder-widget'><p>" + kSecond + "</p><p>" + kThird +
      "</p></div><div class='widget'><ul><li><a href='/a'>Archive</a></li></ul></div>"
      "</body></html>";
  const std::string text = TextOf(page);
  EXPECT_EQ(text, std::string(kFirst) + "\n" + kSecond + "\n" + kThird + "\n" + kFirst + "\n" +
                      kSecond + "\n" + kThird);
}

TEST(ContentTest, DropsALinkListWithItsHeading) {
  const std::string page =
      "<html><body><div class='content'>" + Paragraphs() +
      "<h3>More on this story</h3><ul><li><a href='/a'>Ferry timetable changes for winter</a></li>"
      "<li><a href='/b'>Trawler fleet shrinks again</a></li></ul></div></body></html>";
  const std::string text = TextOf(page);
  EXPECT_EQ(text.find("More on this story"), std::string::npos) << text;
  EXPECT_EQ(text.find("Ferry timetable"), std::string::npos) << text;
  EXPECT_NE(text.find(kThird), std::string::npos) << text;
}

TEST(ContentTest, KeepsABodyInsideALayoutWrapperNamedLikeBoilerplate) {
  // "has-sidebar" names the layout, not a sidebar: the body inside stays.
  const std::string page = "<html><body><div class='page has-sidebar'><div class='main'>" +
                           Paragraphs() + "</div><div class='sidebar'>Weather: 12 degrees, rain" +
                           "</div></div></body></html>";
  const std::string text = TextOf(page);
  EXPECT_NE(text.find(kSecond), std::string::npos) << text;
  EXPECT_EQ(text.find("Weather"), std::string::npos) << text;
}

TEST(ContentTest, DropsHiddenElements) {
  const std::string page = "<html><body><article>" + Paragraphs() +
                           "<div style='display: none'>Subscribe to read more articles</div>"
                           "<p hidden>Hidden teaser text that no reader sees.</p>"
                           "</article></body></html>";
  const std::string text = TextOf(page);
  EXPECT_EQ(text.find("Subscribe"), std::string::npos) << text;
  EXPECT_EQ(text.find("Hidden teaser"), std::string::npos) << text;
}

TEST(ContentTest, BrokenMarkupStillYieldsTheText) {
  const std::string page = std::string("<html><body><div class='entry-content'><p>") + kFirst +
                           "<p>" + kSecond + "<b><i>" + kThird + "</b></i></div>";
  const std::string text = TextOf(page);
  EXPECT_NE(text.find(kFirst), std::string::npos) << text;
  EXPECT_NE(text.find(kThird), std::string::npos) << text;
}

TEST(ContentTest, EmptyAndTextlessPagesWarn) {
  const Extractor extractor = MakeExtractor();
  for (const std::string& page :
       {std::string(), std::string("<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        std::string("\0\1\2", 3)}) {
    const Page result = extractor.Extract(page, {});
    EXPECT_EQ(result.text, "");
    ASSERT_FALSE(result.warnings.empty());
  }
}

TEST(ContentTest, TakesJsonLdArticleBodyWhenThePageShowsOnlyATeaser) {
  // A paywalled page: one teaser line in the markup, the whole body in JSON-LD.
  const std::string page =
      std::string(
          "<html><head><script type='application/ld+json'>{\"@context\": "
          "\"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": \"Pier "
          "to be rebuilt\", \"articleBody\": \"") +
      kFirst + " " + kSecond + " " + kThird +
      "\"}</script></head><body><article><p>The harbour board voted on Tuesday.</p>"
      "<div class='paywall'>Subscribe to read on</div></article></body></html>";
  const std::string text = TextOf(page);
  EXPECT_NE(text.find(kFirst), std::string::npos) << text;
  EXPECT_NE(text.find(kThird), std::string::npos) << text;
  EXPECT_EQ(text.find("Subscribe"), std::string::npos) << text;
}

TEST(ContentTest, DeepNestingTakesNoStack) {
  // 100,000 nested elements: every walk is iterative.
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += std::string("<p>") + kFirst + "</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "</body></html>";
  const Page result = MakeExtractor().Extract(page, {});
  EXPECT_EQ(result.text, kFirst);
}

TEST(ContentTest, NestedMarkedElementsTakeBoundedTime) {
  // 20,000 nested body candidates and headers: no walk up the tree per element.
  std::string page = "<html><body>";
  for (int i = 0; i < 20000; ++i) page += "<article class='entry-content'><header>";
  page += std::string("<p>") + kFirst + "</p>";
  page += "</body></html>";
  const Page result = MakeExtractor().Extract(page, {});
  EXPECT_EQ(result.text, kFirst);
}

}  // namespace
}  // namespace storyline::html
