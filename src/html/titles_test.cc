// Tests of the title choice (html/titles.h) through the metadata reader
// (html/metadata.h), on small pages written for them (fictional sites).
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

#include <memory>
#include <optional>
#include <string>

#include "html/metadata.h"

namespace storyline::html {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// The title ReadMetadata gives for `markup` read from `url`.
std::optional<MetadataField> TitleOf(const std::string& markup, const std::string& url = "") {
  std::unique_ptr<xmlDoc, DocDeleter> doc(htmlReadMemory(
      markup.data(), static_cast<int>(markup.size()), url.empty() ? nullptr : url.c_str(), "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          HTML_PARSE_NODEFDTD));
  PageContext context;
  context.url = url;
  for (MetadataField& field : ReadMetadata(*doc, context).fields) {
    if (field.field == "title") return field;
  }
  return std::nullopt;
}

TEST(Titles, HeadingEqualToAMetaTitleBeatsOneInsideTheTitleTag) {
  // The first <h1> is the section, also the <title>'s first part.
  const std::string page = R"(<html><head><title>News - Harbour Institute</title>
<meta property="og:title" content="Tide gauge readings go online">
</head><body><h1>News</h1><h1>Tide gauge readings go online</h1><p>Text.</p></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Tide gauge readings go online");
  EXPECT_EQ(title->evidence, "<h1>");
}

TEST(Titles, HeadingHoldingATitleGivesThatTitle) {
  // A section before the headline inside the <h1>, a site name after it.
  const std::string section = R"(<html><head>
<meta property="og:title" content="Harbour bridge reopens after repairs">
</head><body><h1>Local News | Harbour bridge reopens after repairs</h1></body></html>)";
  std::optional<MetadataField> title = TitleOf(section);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Harbour bridge reopens after repairs");
  EXPECT_EQ(title->how, "meta");
  const std::string site = R"(<html><head><title>Ferry timetable changes</title>
</head><body><h1>Ferry timetable changes | SEAVIEW.EXAMPLE</h1></body></html>)";
  title = TitleOf(site);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Ferry timetable changes");
  // A short title inside a heading is a section, not the headline.
  const std::string short_title = R"(<html><head><title>Events</title>
</head><body><h1>Events: Lantern parade returns</h1></body></html>)";
  title = TitleOf(short_title);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Events: Lantern parade returns");
}

TEST(Titles, UncutTitleTagConfirmsTheHeadline) {
  // The site-name cut keeps "Coastal Notes » Blog Archive"; the archived
  // page's host names the site, so its logo heading is not the title.
  const std::string page = R"(<html><head>
<title>Coastal Notes » Blog Archive » Tide pools at dawn</title>
</head><body><h1>Coastal Notes</h1><h2>Tide pools at dawn</h2><p>Text.</p></body></html>)";
  std::optional<MetadataField> title =
      TitleOf(page, "https://web.archive.org/web/20140101000000/http://coastalnotes.example/tide/");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Tide pools at dawn");
  EXPECT_EQ(title->evidence, "<h2>");
}

TEST(Titles, UrlPathPicksAmongHeadingsInTheTitleTag) {
  // Both headings are inside the <title>; the URL names the article.
  const std::string page = R"(<html><head>
<title>Walks: Tide pools at dawn | The long coastal walk notebook</title>
</head><body><h1>The long coastal walk notebook</h1><h1>Tide pools at dawn</h1></body></html>)";
  std::optional<MetadataField> title =
      TitleOf(page, "https://walks.example/2021/05/tide-pools-at-dawn/");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Tide pools at dawn");
  // Without words in the URL, the first heading wins.
  title = TitleOf(page, "https://walks.example/?p=12");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "The long coastal walk notebook");
  // Unless the other heading is the <title>'s part before its separator.
  const std::string lead = R"(<html><head>
<title>Tide pools at dawn | The long coastal walk notebook</title>
</head><body><h1>The long coastal walk notebook</h1><h1>Tide pools at dawn</h1></body></html>)";
  title = TitleOf(lead, "https://walks.example/?p=12");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Tide pools at dawn");
}

TEST(Titles, HeadingWithoutLettersIsNoTitle) {
  const std::string page = R"(<html><head>
<meta property="og:title" content="Quiet harbour morning">
</head><body><h1>...</h1><p>Text.</p></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Quiet harbour morning");
}

TEST(Titles, HyphenatedHeadingTakenAsItsTitleWritesIt) {
  // Soft hyphens (U+00AD) break long words on screen only.
  const std::string page = R"(<html><head>
<meta property="og:title" content="Windparkplanung approved">
</head><body><h1>Navigation</h1><h1>Wind&shy;park&shy;planung approved</h1></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Windparkplanung approved");
}

TEST(Titles, HeadingAfterManyMenuHeadingsIsRead) {
  std::string page = R"(<html><head><title>Dune walk opens - Coast Trust</title>
<meta property="og:title" content="Dune walk opens"></head><body>)";
  for (int menu = 0; menu < 20; ++menu) page += "<h2>Menu " + std::to_string(menu) + "</h2>";
  page += "<h1>Dune walk opens</h1></body></html>";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Dune walk opens");
  EXPECT_EQ(title->how, "heading");
}

TEST(Titles, OpinionPieceIsNoCommentSection) {
  const std::string page = R"(<html><head><title>Opinion | Harbour Daily</title></head><body>
<div class="article commentary"><h1>Why the ferry matters</h1><p>Text.</p></div>
<div class="comments"><h2>Reader comments</h2></div></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Why the ferry matters");
}

TEST(Titles, TypesetHeadingEqualsItsPlainlyTypedTitle) {
  // og:title typed with straight quotes and a hyphen; the page's own heading
  // typesets them, and is taken as shown.
  const std::string page = R"(<html><head>
<meta property="og:title" content="Pier - &quot;A quiet winter&quot; ahead"></head><body>
<h1>Harbour news</h1><h2>Pier – „A quiet winter“ ahead</h2></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Pier – „A quiet winter“ ahead");
  EXPECT_EQ(title->evidence, "<h2>");
}

TEST(Titles, TitleTagLosesThePartNamingTheHost) {
  // No site name in the markup; the host names the site at the start, where
  // the guess (a short last part) would cut the headline instead.
  const std::string page = R"(<html><head><title>tidewatch.example » Low tide walks</title>
</head><body><p>Text.</p></body></html>)";
  std::optional<MetadataField> title = TitleOf(page, "https://www.tidewatch.example/walks/");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Low tide walks");
  EXPECT_EQ(title->evidence, "<title>");
}

TEST(Titles, RubyReadingAidsAreNoPartOfTheHeading) {
  const std::string page =
      "<html><body><h1><ruby>\u6D77<rp>(</rp><rt>\u3046\u307F</rt><rp>)</rp></ruby>"
      "\u306E\u65E5</h1></body></html>";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "\u6D77\u306E\u65E5");
}

TEST(Titles, SubtitleInsideTheHeadingIsNoPartOfIt) {
  // Set in the <h1> under the headline, or over it as a kicker.
  const std::string after = R"(<html><head><title>Ferry fares frozen - Bay Courier</title></head>
<body><h1><span class="entry-title">Ferry fares frozen</span>
<span class="entry-subtitle">Council keeps prices for a third year</span></h1></body></html>)";
  std::optional<MetadataField> title = TitleOf(after);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Ferry fares frozen");
  const std::string before = R"(<html><body>
<h1><span class="subtitle">Harbour week</span> Tall ships moor at the pier</h1></body></html>)";
  title = TitleOf(before);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Tall ships moor at the pier");
}

TEST(Titles, KickerBeforeAHiddenSeparatorIsNoPartOfTheHeading) {
  // On screen the kicker stands on its own line; the dash is for screen
  // readers only.
  const std::string page = R"(<html><head>
<meta property="og:title" content="Harbour week - Tall ships moor at the pier">
</head><body><h1><span class="head-topic">Harbour week</span>
<span class="visually-hidden"> - </span><span>Tall ships moor at the pier</span></h1>
</body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Tall ships moor at the pier");
  // With nothing after it, the separator cuts nothing.
  const std::string trailing = R"(<html><body>
<h1>Tall ships moor at the pier<span class="sr-only">:</span></h1></body></html>)";
  title = TitleOf(trailing);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Tall ships moor at the pier");
}

TEST(Titles, DateBeforeTheHeadlineIsNoPartOfIt) {
  const std::string page = R"(<html><head>
<title>14.05.2023 - Lantern parade returns - Seaview Blog</title>
<meta property="og:title" content="14.05.2023 - Lantern parade returns">
</head><body><h1>14.05.2023 - Lantern parade returns</h1></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Lantern parade returns");
  // A date that is the headline's subject stays.
  const std::string subject =
      R"(<html><body><h1>14 May 2023 was the wettest day</h1></body></html>)";
  title = TitleOf(subject);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "14 May 2023 was the wettest day");
}

TEST(Titles, HeadingOfAPageNestedInANoscriptIsRead) {
  // The unclosed <div> keeps the <noscript> open: the parser nests the rest
  // of the page in it.
  std::string story;
  for (int i = 0; i < 60; ++i) story += "<p>The lighthouse keeper logged the storm at dawn.</p>";
  const std::string page = R"(<html><head><title>Beacon news - Cape Herald</title></head>
<body><noscript><div class="no-js"></noscript><div><h1>Lighthouse lamp restored</h1>)" +
                           story + "</div></body></html>";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Lighthouse lamp restored");
  // A note for browsers without scripts is not read.
  const std::string note = R"(<html><body><noscript><h1>Please turn on scripts</h1></noscript>
<h1>Lighthouse lamp restored</h1></body></html>)";
  title = TitleOf(note);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Lighthouse lamp restored");
}

TEST(Titles, HeadingOfThePageFurnitureComesAfterTheOthers) {
  // Nothing confirms a heading: the first <h1> outside navigation, sidebars,
  // footers and the site's header is the title.
  const std::string page = R"(<html><head><title>Cape Herald</title></head><body>
<header><h1>Navigation and services</h1></header>
<article><header><h1>Lighthouse lamp restored</h1></header><p>Text.</p></article>
<footer><h1>Partners</h1></footer></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Lighthouse lamp restored");
}

TEST(Titles, PartHoldingTheSiteNameIsNotTheSiteName) {
  // The site is "Harbour"; "Harbour tours" is the headline's first part.
  const std::string page = R"(<html><head>
<title>Harbour tours - Tide tables for every pier | Harbour</title>
<meta property="og:site_name" content="Harbour">
<meta property="og:title" content="Harbour tours - Tide tables for every pier">
</head><body><p>Text.</p></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Harbour tours - Tide tables for every pier");
}

TEST(Titles, BodyClassNamingCommentsIsNoCommentSection) {
  // The theme marks the page's state in <body>: the page has comments.
  const std::string page = R"(<html><head><title>Cape Herald</title></head>
<body class="single-post showing-comments"><article><h1>Lighthouse lamp restored</h1>
<p>Text.</p></article></body></html>)";
  std::optional<MetadataField> title = TitleOf(page);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Lighthouse lamp restored");
}

// A theme's site-title heading is the site's name, also when the <title>
// confirms it ("Headline | Site"): the page's own heading is the title, and
// the site name is known.
TEST(Titles, SiteTitleHeadingIsTheSiteNameNotTheTitle) {
  const std::string page = R"(<html><head>
<title>Quay opens after two winters of repairs | Harbour Notes</title></head><body>
<h1 class="site-title"><a href="/">Harbour Notes</a></h1>
<h1 class="entry-title">Quay opens</h1><p>The quay opened on Monday.</p></body></html>)";
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      htmlReadMemory(page.data(), static_cast<int>(page.size()), "https://hn-daily.example/quay",
                     "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  PageContext context;
  context.url = "https://hn-daily.example/quay";
  const Metadata metadata = ReadMetadata(*doc, context);
  std::optional<MetadataField> title, site;
  for (const MetadataField& field : metadata.fields) {
    if (field.field == "title") title = field;
    if (field.field == "site_name") site = field;
  }
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Quay opens");
  ASSERT_TRUE(site);
  EXPECT_EQ(site->value, "Harbour Notes");
  EXPECT_EQ(site->evidence, "<h1 class=\"site-title\">");
}

// The site's name in a theme's header: a heading whose whole text is a link
// to the home page. The name may hold a title separator itself.
TEST(Titles, HeadingLinkedToTheHomePageIsTheSiteName) {
  const std::string page = R"(<html><head>
<title>Pier lamps - Lamp notes - Harbour Lights</title></head><body>
<h1><a href="/"><span>Lamp notes - Harbour Lights</span></a></h1>
<h2>Lamps</h2><p>Each pier has two lamps.</p></body></html>)";
  std::optional<MetadataField> title = TitleOf(page, "https://lamps.example/pier-lamps");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Pier lamps");
  // The same from a link to the site's root written out.
  const std::string absolute = R"(<html><head>
<title>Pier lamps - Harbour Lights</title></head><body>
<h1><a href="https://www.lamps.example/index.html">Harbour Lights</a></h1>
<p>Each pier has two lamps.</p></body></html>)";
  title = TitleOf(absolute, "https://www.lamps.example/pier-lamps");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Pier lamps");
  // A heading linked to its own page, or to another site's home, is a title.
  const std::string own_page = R"(<html><head><title>Harbour Lights</title></head><body>
<h1><a href="/pier-lamps">Pier lamps</a></h1><p>Each pier has two lamps.</p></body></html>)";
  title = TitleOf(own_page, "https://lamps.example/pier-lamps");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Pier lamps");
  const std::string other_site = R"(<html><head><title>Harbour Lights</title></head><body>
<h1><a href="https://ferries.example/">Ferry times</a></h1><p>Text.</p></body></html>)";
  title = TitleOf(other_site, "https://lamps.example/pier-lamps");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Ferry times");
  // A plain permalink ("/?p=42") or one after an index page names a post.
  for (const std::string href : {"/?p=42", "/index.php/2020/05/01/pier-lamps/"}) {
    const std::string permalink = R"(<html><head><title>Harbour Lights</title></head><body>
<h1 class="entry-title"><a href=")" +
                                  href + R"(">Pier lamps</a></h1><p>Text.</p></body></html>)";
    title = TitleOf(permalink, "https://lamps.example/index.php/2020/05/01/pier-lamps/");
    ASSERT_TRUE(title) << href;
    EXPECT_EQ(title->value, "Pier lamps") << href;
  }
}

TEST(Titles, TitleOfManyPartsIsLeftWhole) {
  // Also in bounded time: 5,000 parts.
  std::string parts;
  for (int i = 0; i < 5000; ++i) parts += "ab - ";
  parts += "Harbour Lights";
  const std::string page =
      "<html><head><title>" + parts + "</title></head><body><p>Text.</p></body></html>";
  std::optional<MetadataField> title = TitleOf(page, "https://lamps.example/pier-lamps");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value.size(), parts.size());
}

TEST(Titles, TitleTagLosesTheSiteNameAndTheTaglineAfterIt) {
  const std::string page = R"(<html><head>
<title>Tide tables explained - harbour.example - Charts for every pier</title></head>
<body><p>Text.</p></body></html>)";
  std::optional<MetadataField> title = TitleOf(page, "https://harbour.example/tides");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Tide tables explained");
  // Not a section before the site's name with the headline after it.
  const std::string section = R"(<html><head>
<title>News - harbour.example - Tide tables for every pier explained</title></head>
<body><p>Text.</p></body></html>)";
  title = TitleOf(section, "https://harbour.example/tides");
  ASSERT_TRUE(title);
  EXPECT_NE(title->value, "News");
}

// "Headline - Subtitle : Site": the <h1> is the headline, the <h2> under it
// the subtitle, though the URL repeats the subtitle's words.
TEST(Titles, HeadingBeforeTheTitlesFirstSeparatorIsTheHeadline) {
  const std::string page = R"(<html><head>
<title>Reading the tides - A keeper's notebook of seven winters : shorebooks.example</title>
</head><body><h1>Reading the tides</h1><h2>A keeper's notebook of seven winters</h2>
<p>Text.</p></body></html>)";
  std::optional<MetadataField> title =
      TitleOf(page, "https://shorebooks.example/keeper-notebook-seven-winters,301.html");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Reading the tides");
  EXPECT_EQ(title->evidence, "<h1>");
  // An <h2> there is a section: the <h1> inside the title is the headline.
  const std::string section = R"(<html><head>
<title>Local politics - Harbour bridge reopens after repairs | Courier</title>
</head><body><h2>Local politics</h2><h1>Harbour bridge reopens after repairs</h1>
<p>Text.</p></body></html>)";
  title = TitleOf(section, "https://courier.example/?p=7");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Harbour bridge reopens after repairs");
}

}  // namespace
}  // namespace storyline::html
