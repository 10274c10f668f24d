// Tests of html/metadata.h on small pages written for them (fictional sites
// and people).
#include "html/metadata.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

#include <memory>
#include <string>
#include <vector>

namespace storyline::html {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

struct Parsed {
  std::unique_ptr<xmlDoc, DocDeleter> doc;
  Metadata metadata;
};

Parsed Read(const std::string& markup, const std::string& url = "",
            std::optional<std::string> captured = std::nullopt) {
  Parsed parsed;
  parsed.doc.reset(htmlReadMemory(markup.data(), static_cast<int>(markup.size()),
                                  url.empty() ? nullptr : url.c_str(), "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE));
  EXPECT_NE(parsed.doc, nullptr);
  PageContext context{url, std::move(captured)};
  parsed.metadata = ReadMetadata(*parsed.doc, context);
  return parsed;
}

std::vector<MetadataField> FieldsNamed(const Metadata& metadata, const std::string& name) {
  std::vector<MetadataField> out;
  for (const MetadataField& field : metadata.fields) {
    if (field.field == name) out.push_back(field);
  }
  return out;
}

std::optional<MetadataField> Field(const Metadata& metadata, const std::string& name) {
  std::vector<MetadataField> fields = FieldsNamed(metadata, name);
  if (fields.empty()) return std::nullopt;
  EXPECT_EQ(fields.size(), 1u) << name;
  return fields.front();
}

TEST(Metadata, JsonLdGraphWithAuthorArray) {
  const std::string page = R"(<html><head>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "The Harbour Courier"},
  {"@type": "NewsArticle",
   "headline": "Ferry service to Lindholm resumes after storm",
   "datePublished": "2021-09-28T10:53:00Z",
   "dateModified": "2021-09-29T08:00:00+02:00",
   "author": [{"@type": "Person", "name": "Mara Quist"},
              {"@type": "Person", "name": "Jonas Feld"}],
   "publisher": {"@type": "Organization", "name": "Harbour Courier Media"},
   "inLanguage": "en-GB",
   "articleBody": "The ferry to Lindholm sails again."}
]}
</script></head><body><p>The ferry to Lindholm sails again.</p></body></html>)";
  Parsed parsed = Read(page);
  const Metadata& metadata = parsed.metadata;
  std::optional<MetadataField> title = Field(metadata, "title");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Ferry service to Lindholm resumes after storm");
  EXPECT_EQ(title->how, "json-ld");
  EXPECT_EQ(title->evidence, "JSON-LD NewsArticle.headline");
  std::optional<MetadataField> published = Field(metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2021-09-28T10:53:00+00:00");
  EXPECT_EQ(published->evidence, "JSON-LD NewsArticle.datePublished");
  std::optional<MetadataField> modified = Field(metadata, "modified");
  ASSERT_TRUE(modified);
  EXPECT_EQ(modified->value, "2021-09-29T08:00:00+02:00");
  std::vector<MetadataField> authors = FieldsNamed(metadata, "author");
  ASSERT_EQ(authors.size(), 2u);
  EXPECT_EQ(authors[0].value, "Mara Quist");
  EXPECT_EQ(authors[1].value, "Jonas Feld");
  EXPECT_EQ(authors[0].evidence, "JSON-LD NewsArticle.author");
  std::optional<MetadataField> site = Field(metadata, "site_name");
  ASSERT_TRUE(site);
  EXPECT_EQ(site->value, "Harbour Courier Media");
  EXPECT_EQ(site->evidence, "JSON-LD NewsArticle.publisher.name");
  std::optional<MetadataField> language = Field(metadata, "language");
  ASSERT_TRUE(language);
  EXPECT_EQ(language->value, "en-GB");
  ASSERT_TRUE(metadata.json_ld_body);
  EXPECT_EQ(*metadata.json_ld_body, "The ferry to Lindholm sails again.");
  // Fields come in html.h's order.
  std::vector<std::string> order;
  for (const MetadataField& field : metadata.fields) {
    if (order.empty() || order.back() != field.field) order.push_back(field.field);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"title", "published", "modified", "author",
                                             "site_name", "language"}));
}

TEST(Metadata, OpenGraphAndArticlePublishedTime) {
  const std::string page = R"(<html lang="de"><head>
<title>Neue Brücke über die Elsbach | Tageblatt Nordstadt</title>
<meta property="og:title" content="Neue Brücke über die Elsbach">
<meta property="og:site_name" content="Tageblatt Nordstadt">
<meta property="article:published_time" content="2020-03-03T09:15:00+0100">
<meta property="og:url" content="https://tageblatt-nordstadt.example/bruecke">
<meta name="author" content="https://tageblatt-nordstadt.example/autoren/hanna">
</head><body><p>Text.</p></body></html>)";
  Parsed parsed = Read(page);
  const Metadata& metadata = parsed.metadata;
  std::optional<MetadataField> title = Field(metadata, "title");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Neue Brücke über die Elsbach");
  EXPECT_EQ(title->how, "meta");
  EXPECT_EQ(title->evidence, "<meta property=\"og:title\">");
  std::optional<MetadataField> published = Field(metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2020-03-03T09:15:00+01:00");
  EXPECT_EQ(published->how, "meta");
  EXPECT_EQ(published->evidence, "<meta property=\"article:published_time\">");
  EXPECT_EQ(Field(metadata, "site_name")->value, "Tageblatt Nordstadt");
  EXPECT_EQ(Field(metadata, "canonical_url")->value, "https://tageblatt-nordstadt.example/bruecke");
  EXPECT_EQ(Field(metadata, "language")->value, "de");
  EXPECT_EQ(Field(metadata, "language")->how, "html-lang");
  // A URL is not an author's name.
  EXPECT_TRUE(FieldsNamed(metadata, "author").empty());
}

TEST(Metadata, PublishedAndModifiedKeptApart) {
  const std::string page = R"(<html><head>
<meta property="article:published_time" content="2022-05-01">
<meta property="article:modified_time" content="2022-05-06">
</head><body><p>Both dates are given.</p></body></html>)";
  Parsed parsed = Read(page, "https://example.org/news/both");
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2022-05-01");
  ASSERT_TRUE(Field(parsed.metadata, "modified"));
  EXPECT_EQ(Field(parsed.metadata, "modified")->value, "2022-05-06");
}

TEST(Metadata, OnlyModifiedDateStandsForPublished) {
  const std::string page = R"(<html><head>
<meta property="article:modified_time" content="2022-05-06">
<meta property="og:updated_time" content="2022-05-07">
</head><body><p>Only an update time is given.</p></body></html>)";
  Parsed parsed = Read(page, "https://example.org/news/update-only");
  std::optional<MetadataField> modified = Field(parsed.metadata, "modified");
  ASSERT_TRUE(modified);
  EXPECT_EQ(modified->value, "2022-05-06");
  EXPECT_EQ(modified->evidence, "<meta property=\"article:modified_time\">");
  // The page was published no later: the modified date stands for it, and
  // says so.
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2022-05-06");
  EXPECT_EQ(published->how, "meta");
  EXPECT_EQ(published->evidence,
            "the modified date, for want of a published one: "
            "<meta property=\"article:modified_time\">");
}

TEST(Metadata, StampedModifiedDateOverFirstDateOfText) {
  // The only published candidate is a date the text mentions, with no cue.
  const std::string page = R"(<html lang="de"><body>
<p>Die Saison begann am 04.05.2019 mit einem Turnier.</p>
<p class="info">Aktualisiert: 12.06.2021</p></body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2021-06-12");
  // A modified date merely written after the headline does not count.
  const std::string mention = R"(<html lang="en"><body>
<p>The club was founded on 4 May 2019.</p><h1>Spring games</h1>
<p>Last update 12 June 2021</p></body></html>)";
  Parsed mentioned = Read(mention);
  ASSERT_TRUE(Field(mentioned.metadata, "published"));
  EXPECT_EQ(Field(mentioned.metadata, "published")->value, "2019-05-04");
}

TEST(Metadata, DateOnlyInUrl) {
  const std::string page = "<html><body><p>No dates here.</p></body></html>";
  Parsed parsed = Read(page, "https://blog.example/2021/09/28/a-walk-by-the-river/");
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2021-09-28");
  EXPECT_EQ(published->how, "url");
  EXPECT_EQ(published->evidence, "URL /2021/09/28/");
  // A year and a month give no day: nothing is taken.
  Parsed month_only = Read(page, "https://blog.example/2021/09/a-walk-by-the-river/");
  EXPECT_FALSE(Field(month_only.metadata, "published"));
  Parsed compact = Read(page, "https://news.example/story-20190412.html");
  ASSERT_TRUE(Field(compact.metadata, "published"));
  EXPECT_EQ(Field(compact.metadata, "published")->value, "2019-04-12");
  // The year last: day first or month first, whichever is a date.
  Parsed day_first = Read(page, "https://club.example/news/29-10-2021");
  ASSERT_TRUE(Field(day_first.metadata, "published"));
  EXPECT_EQ(Field(day_first.metadata, "published")->value, "2021-10-29");
  Parsed month_first = Read(page, "https://club.example/notes/meeting-01-23-2020/");
  ASSERT_TRUE(Field(month_first.metadata, "published"));
  EXPECT_EQ(Field(month_first.metadata, "published")->value, "2020-01-23");
  // Both readings are dates: nothing is taken.
  Parsed ambiguous = Read(page, "https://club.example/news/03-04-2020");
  EXPECT_FALSE(Field(ambiguous.metadata, "published"));
}

// Theme and CMS words before a name ("Post author", "Erstellt von", "Publié
// par") are no part of it; a link to the author's archive names no one.
TEST(Metadata, BylineWordsAroundTheNameAreLeftOut) {
  const auto author_of = [](const std::string& byline) {
    const Parsed parsed = Read("<html><body><h1>Quay opens</h1><div class=\"byline\">" + byline +
                               "</div><p>The quay opened on Monday.</p></body></html>");
    const std::optional<MetadataField> author = Field(parsed.metadata, "author");
    return author ? author->value : std::string();
  };
  EXPECT_EQ(author_of("Post author By Ilse Marrow"), "Ilse Marrow");
  EXPECT_EQ(author_of("Erstellt von Tomas Reel"), "Tomas Reel");
  EXPECT_EQ(author_of("Publié par Anouk Lavel"), "Anouk Lavel");
  EXPECT_EQ(author_of("Auteur: Anouk Lavel"), "Anouk Lavel");
  EXPECT_EQ(author_of("Pressemitteilung von Tomas Reel"), "Tomas Reel");
  EXPECT_EQ(author_of("Archiv anzeigen"), "");
  EXPECT_EQ(author_of("Alle Beiträge"), "");
}

// Without a byline, a link to the author's page on the site, named like
// its path, gives the author; links to other sites, to lists and in the
// navigation do not.
TEST(Metadata, LinkToTheAuthorsPageGivesTheAuthor) {
  const auto author_of = [](const std::string& links) {
    const Parsed parsed = Read(
        "<html><body><nav><a href='/author/tomas-reel/'>Tomas Reel</a></nav><h1>Quay "
        "opens</h1>" +
            links + "<p>The quay opened on Monday.</p></body></html>",
        "https://hn.example/2024/quay");
    const std::optional<MetadataField> author = Field(parsed.metadata, "author");
    return author ? author->value + " " + author->evidence : std::string();
  };
  EXPECT_EQ(author_of("<a href='https://hn.example/author/ilse-marrow'>Ilse "
                      "Marrow</a>"),
            "Ilse Marrow <a href=\"https://hn.example/author/ilse-marrow\">");
  EXPECT_EQ(author_of("<a href='/profil/207/Ilse_Marrow'>Ilse Marrow</a>"),
            "Ilse Marrow <a href=\"/profil/207/Ilse_Marrow\">");
  EXPECT_EQ(author_of("<a href='https://video.example/user/harbournotes'>Harbour Notes</a>"), "");
  EXPECT_EQ(author_of("<a href='/user/memberlist'>Member List</a>"), "");
  EXPECT_EQ(author_of("<a href='/author/'>Ilse Marrow</a>"), "");
  EXPECT_EQ(author_of(""), "");
}

TEST(MetadataWords, AuthorLinks) {
  Result<MetadataWords> words = MetadataWords::Parse("w.tsv", "author_path\tauthor\n");
  ASSERT_TRUE(words.ok());
  EXPECT_TRUE(words->IsAuthorLink("/author/jane-doe/", "Jane Doe"));
  EXPECT_TRUE(words->IsAuthorLink("https://a.example/Author/jane-doe?x=1", "Jane Doe"));
  EXPECT_TRUE(words->IsAuthorLink("/author/doe-team/", "Doe Blog Team"));  // two words of three
  EXPECT_FALSE(words->IsAuthorLink("/author/jane/", "All posts of Jane Doe"));
  EXPECT_FALSE(words->IsAuthorLink("/authors/jane-doe/", "Jane Doe"));
  EXPECT_FALSE(words->IsAuthorLink("/author", "Jane Doe"));
  EXPECT_FALSE(words->IsAuthorLink("/x/jane-doe/#author", "Jane Doe"));
  EXPECT_TRUE(words->LeadsToAuthorPage("/author/jane-doe/"));
  EXPECT_FALSE(words->LeadsToAuthorPage("/author/"));
  EXPECT_FALSE(words->LeadsToAuthorPage("/news/jane-doe/"));
}

TEST(Metadata, GermanBylineDate) {
  const std::string page = R"(<html lang="de"><body>
<h1>Sommerfest im Stadtpark</h1>
<div class="byline">Von Max Mustermann, 31. Mai 2012</div>
<p>Das Sommerfest fand bei bestem Wetter statt.</p></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2012-05-31");
  EXPECT_EQ(published->how, "byline");
  std::optional<MetadataField> author = Field(parsed.metadata, "author");
  ASSERT_TRUE(author);
  EXPECT_EQ(author->value, "Max Mustermann");
  EXPECT_EQ(author->how, "byline");
  EXPECT_EQ(author->evidence, "<div class=\"byline\">");
  std::optional<MetadataField> title = Field(parsed.metadata, "title");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Sommerfest im Stadtpark");
  EXPECT_EQ(title->how, "heading");
}

TEST(Metadata, WrittenOutDatesWithStampWords) {
  const std::string page = R"(<html lang="en"><body>
<h1>Garden show opens</h1><p>Published on 3 March 2020</p>
<p>The show runs for a week.</p></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2020-03-03");
  EXPECT_EQ(published->how, "byline");
}

TEST(Metadata, StampedDatesOfEachKind) {
  // A footer gives the last change first, then the publication.
  const std::string page = R"(<html lang="de"><body><p>Ein Text ohne Datum.</p>
<p class="footer">LETZTE ÄNDERUNG: 30.10.2021 - 10:00<br>Erschienen am: 02.11.2021</p>
</body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2021-11-02");
  EXPECT_EQ(Field(parsed.metadata, "published")->evidence, "text \"Erschienen\"");
  ASSERT_TRUE(Field(parsed.metadata, "modified"));
  EXPECT_EQ(Field(parsed.metadata, "modified")->value, "2021-10-30");
}

TEST(Metadata, StampWordsFoldCyrillicCase) {
  const std::string page = R"(<html lang="ru"><body><p>Текст без даты.</p>
<p>Обновлено: 2 марта 2021</p><p>Опубликовано: 1 марта 2021</p></body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2021-03-01");
  ASSERT_TRUE(Field(parsed.metadata, "modified"));
  EXPECT_EQ(Field(parsed.metadata, "modified")->value, "2021-03-02");
}

TEST(Metadata, SubmittedElementGivesTheDate) {
  // Drupal's "submitted" line; the text after the headline mentions a later date.
  const std::string page = R"(<html lang="de"><body><h1>Sommerfest</h1>
<p>Das Fest findet am 20. August 2017 statt.</p>
<div class="submitted">Gespeichert von <span>lena</span> am 14. Juli 2017</div>
</body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2017-07-14");
  EXPECT_EQ(Field(parsed.metadata, "published")->evidence, "<div class=\"submitted\">");
}

TEST(Metadata, XhtmlLanguageSetsDayFirstSlashes) {
  const std::string page = R"(<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB">
<body><h1>Harbour fees to rise</h1><p><span>03/10/2020</span></p>
<p>The council agreed the new fees.</p></body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "language"));
  EXPECT_EQ(Field(parsed.metadata, "language")->value, "en-GB");
  EXPECT_EQ(Field(parsed.metadata, "language")->evidence, "<html xml:lang>");
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2020-10-03");
}

TEST(Metadata, DateAfterCaptureRejected) {
  const std::string page = R"(<html><head>
<meta property="article:published_time" content="2030-01-01T00:00:00Z">
</head><body><p>Text.</p></body></html>)";
  Parsed captured = Read(page, "", "2021-10-01T12:00:00Z");
  EXPECT_FALSE(Field(captured.metadata, "published"));
  Parsed uncaptured = Read(page);
  ASSERT_TRUE(Field(uncaptured.metadata, "published"));
  EXPECT_EQ(Field(uncaptured.metadata, "published")->value, "2030-01-01T00:00:00+00:00");
}

TEST(Metadata, ImpossibleAndEarlyDatesRejected) {
  const std::string page = R"(<html><head>
<meta property="article:published_time" content="2021-02-30">
<meta name="date" content="1989-11-09">
</head><body><p>Text.</p></body></html>)";
  Parsed parsed = Read(page);
  EXPECT_FALSE(Field(parsed.metadata, "published"));
}

TEST(Metadata, TitleSiteSuffixCut) {
  const std::string page = R"(<html><head>
<title>Council approves new cycle lanes | Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
</head><body><p>Text.</p></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> title = Field(parsed.metadata, "title");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Council approves new cycle lanes");
  EXPECT_EQ(title->how, "title-tag");
  EXPECT_EQ(title->evidence, "<title>");
  // Without a site name the shorter last part is cut.
  Parsed guessed = Read(
      "<html><head><title>Harvest festival draws record crowds - Valley "
      "Post</title></head><body></body></html>");
  EXPECT_EQ(Field(guessed.metadata, "title")->value, "Harvest festival draws record crowds");
}

TEST(Metadata, HeadingConfirmedByPageTitle) {
  // The first <h1> is the site's logo; the article's <h1> matches <title>.
  const std::string page = R"(<html><head>
<title>Lantern parade returns - Seaview Blog</title>
<meta property="og:site_name" content="Seaview Blog">
</head><body><h1>Seaview Blog</h1>
<article><h1><span class="kicker">Events</span> Lantern parade returns</h1>
<p>Text.</p></article></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> title = Field(parsed.metadata, "title");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->value, "Lantern parade returns");
  EXPECT_EQ(title->how, "heading");
}

TEST(Metadata, JsonLdReviewsAndCommentsAreNotThePage) {
  const std::string page = R"(<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Recipe", "name": "Plum cake",
 "datePublished": "2008-09-14", "author": {"@type": "Person", "name": "Ida Brandt"},
 "reviews": [{"@type": "Review", "datePublished": "2021-03-02",
              "author": {"@type": "Person", "name": "cakefan"}}],
 "comment": {"@type": "Comment", "dateCreated": "2021-04-05"}}
</script></head><body><p>Bake for an hour.</p></body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2008-09-14");
  EXPECT_EQ(Field(parsed.metadata, "published")->evidence, "JSON-LD Recipe.datePublished");
}

TEST(Metadata, DateKeyInScriptData) {
  // No markup dates; a script's JSON data gives the publication date.
  const std::string page = R"(<html><head><script>
window.state = {"product": {"title": "Green tea", "updated_at": "2020-01-05T10:00:00",
  "published_at": "2019-03-02T06:22:28+01:00"}};
</script><script>var escaped = "{\"publishDate\":\"2018-01-01\"}";</script>
</head><body><p>Loose leaves, 100 g.</p></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2019-03-02T06:22:28+01:00");
  EXPECT_EQ(published->how, "script");
  EXPECT_EQ(published->evidence, "script \"published_at\"");
  // Escaped inside a string, too.
  EXPECT_EQ(
      FindScriptDate(R"(var s = "{\"publishDate\":\"2018-01-01\"}";)", MetadataWords::Default())
          ->date,
      "2018-01-01");
  // A creation date stands in for a missing publication date, not before one.
  EXPECT_EQ(FindScriptDate(R"({"created_at": "2018-01-01"})", MetadataWords::Default())->date,
            "2018-01-01");
  EXPECT_EQ(FindScriptDate(R"({"createdAt": "2018-01-01", "publishedAt": "2018-01-03"})",
                           MetadataWords::Default())
                ->date,
            "2018-01-03");
  EXPECT_FALSE(FindScriptDate(R"({"updated_at": "2018-01-01"})", MetadataWords::Default()));
  // Also when the two keys are in different scripts.
  const std::string two_scripts = R"(<html><head>
<script>var media = {"createdAt": "2015-01-01T08:00:00"};</script>
<script>var story = {"publishedAt": "2020-03-12T09:30:00"};</script>
</head><body><p>Text.</p></body></html>)";
  Parsed both = Read(two_scripts);
  ASSERT_TRUE(Field(both.metadata, "published"));
  EXPECT_EQ(Field(both.metadata, "published")->value, "2020-03-12T09:30:00");
  // A last resort: with a markup date the scripts are not scanned.
  const std::string marked = R"(<html><head>
<meta property="article:published_time" content="2019-03-01">
<script>var data = {"publishedAt": "2019-02-27"};</script></head><body></body></html>)";
  std::unique_ptr<xmlDoc, DocDeleter> doc(htmlReadMemory(
      marked.data(), static_cast<int>(marked.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  ASSERT_NE(doc, nullptr);
  for (const MetadataField& field :
       MetadataCandidates(*doc, PageContext{}, DateWords::Default(), MetadataWords::Default())) {
    EXPECT_NE(field.how, "script") << field.value;
  }
}

TEST(Metadata, RdfaDateOnAnyElement) {
  const std::string page = R"(<html><body><h1>Vintage report</h1>
<span property="dc:date dc:created" content="2021-10-04T09:00:00+00:00"></span>
<p>A dry summer.</p></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2021-10-04T09:00:00+00:00");
  EXPECT_EQ(published->evidence, "<span property=\"dc:date dc:created\">");
  Parsed schema = Read(R"(<html><body><div property="schema:dateCreated"
content="2022-02-03"></div></body></html>)");
  ASSERT_TRUE(Field(schema.metadata, "published"));
  EXPECT_EQ(Field(schema.metadata, "published")->value, "2022-02-03");
}

TEST(Metadata, InvalidJsonLdSkipped) {
  const std::string page = R"(<html><head>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken</script>
<script type="application/ld+json">
[{"@type": "BlogPosting", "headline": "Valid post",
  "datePublished": "2019-07-01", "author": "Ines Varga"}]
</script></head><body></body></html>)";
  Parsed parsed = Read(page);
  EXPECT_EQ(Field(parsed.metadata, "title")->value, "Valid post");
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2019-07-01");
  std::optional<MetadataField> author = Field(parsed.metadata, "author");
  ASSERT_TRUE(author);
  EXPECT_EQ(author->value, "Ines Varga");
  EXPECT_EQ(author->evidence, "JSON-LD BlogPosting.author");
}

TEST(Metadata, TimeElementAndCanonicalLink) {
  const std::string page = R"(<html><head>
<link rel="canonical" href="/stories/tide-tables">
</head><body><h1>New tide tables</h1>
<time class="entry-date published" datetime="2018-06-22T07:00:00-04:00">June 22</time>
<time class="updated" datetime="2018-06-25T07:00:00-04:00">June 25</time>
</body></html>)";
  Parsed parsed = Read(page, "https://coast.example/index.html");
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2018-06-22T07:00:00-04:00");
  EXPECT_EQ(published->how, "time");
  std::optional<MetadataField> modified = Field(parsed.metadata, "modified");
  ASSERT_TRUE(modified);
  EXPECT_EQ(modified->value, "2018-06-25T07:00:00-04:00");
  std::optional<MetadataField> canonical = Field(parsed.metadata, "canonical_url");
  ASSERT_TRUE(canonical);
  EXPECT_EQ(canonical->value, "https://coast.example/stories/tide-tables");
  EXPECT_EQ(canonical->how, "link");
}

TEST(Metadata, DeepNestingTakesNoStack) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<h1>Deep</h1>";
  page += "</body></html>";
  Parsed parsed = Read(page);
  SUCCEED();
}

TEST(DateWords, FindsWrittenOutDates) {
  const DateWords& words = DateWords::Default();
  EXPECT_EQ(words.FindDate("Posted March 3, 2020 by staff")->date, "2020-03-03");
  EXPECT_EQ(words.FindDate("Stand: 03.03.2020")->date, "2020-03-03");
  EXPECT_EQ(words.FindDate("am 31. Mai 2012 um 10 Uhr")->date, "2012-05-31");
  EXPECT_EQ(words.FindDate("3. MÄRZ 2020")->date, "2020-03-03");
  EXPECT_EQ(words.FindDate("15 августа 2016, 13:43")->date, "2016-08-15");
  EXPECT_EQ(words.FindDate("3 października 2019")->date, "2019-10-03");
  EXPECT_EQ(words.FindDate("19. helmikuuta 2020")->date, "2020-02-19");
  EXPECT_EQ(words.FindDate("7 de março de 2021")->date, "2021-03-07");
  EXPECT_EQ(words.FindDate("12 augusti 2018")->date, "2018-08-12");
  EXPECT_EQ(words.FindDate("el 3 de marzo de 2020")->date, "2020-03-03");
  EXPECT_EQ(words.FindDate("04/05/2021")->date, "2021-04-05");
  EXPECT_EQ(words.FindDate("04/05/2021", false)->date, "2021-05-04");
  // Thin and narrow no-break spaces, as pages set dates.
  const std::string thin = "\u2009", narrow = "\u202F";
  EXPECT_EQ(words.FindDate("Kim Berg 4." + thin + "2." + thin + "2022.")->date, "2022-02-04");
  EXPECT_EQ(words.FindDate("am 9." + narrow + "Mai" + narrow + "2021")->date, "2021-05-09");
  EXPECT_FALSE(words.FindDate("31. Februar 2020"));
  EXPECT_FALSE(words.FindDate("no date at all"));
  std::optional<DateWords::Found> found = words.FindDate("Updated: 1 June 2019");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->offset, 9u);
}

TEST(DateWords, FindsAllDatesInOrder) {
  std::vector<DateWords::Found> dates = DateWords::Default().FindDates(
      "From 2020-01-02 to 3 February 2020, then 04.03.2020; bad 2020-13-01.", 10);
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(dates[0].date, "2020-01-02");
  EXPECT_EQ(dates[1].date, "2020-02-03");
  EXPECT_EQ(dates[2].date, "2020-03-04");
  EXPECT_LT(dates[0].offset, dates[1].offset);
  EXPECT_EQ(DateWords::Default().FindDates("1.1.2001 2.1.2001 3.1.2001", 2).size(), 2u);
}

TEST(Metadata, ShownDateWinsOverMarkupDaysOff) {
  // Markup in UTC says the 25th; the page shows the 24th under the headline.
  const std::string page = R"(<html lang="en"><head>
<meta property="article:published_time" content="2020-02-25T03:00:00Z">
</head><body><h1>Night market reopens</h1><p>February 24, 2020</p>
<p>Stalls are back.</p></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2020-02-24");
  EXPECT_EQ(published->evidence, "text after the headline");
  // A date in the URL that agrees with the markup keeps the markup's.
  Parsed with_url = Read(page, "https://news.example/2020/02/25/night-market/");
  EXPECT_EQ(Field(with_url.metadata, "published")->value, "2020-02-25T03:00:00+00:00");
}

TEST(Metadata, ShownDateThatMarkupConfirmsWinsWeeksOff) {
  // The <meta> says the 5th; the <time> under the headline shows the 25th.
  const std::string head = R"(<html lang="de"><head>
<meta property="article:published_time" content="2022-01-05">)";
  const std::string body = R"(</head><body><h1>Rastplätze für Zugvögel</h1>
<p><time datetime="2022-01-25">25.01.2022</time></p><p>Am Ufer wird gebaut.</p></body></html>)";
  Parsed parsed = Read(head + body);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2022-01-25");
  // When the markup gives that day as the modified date, the page shows its
  // update: the published date stands.
  Parsed updated =
      Read(head + R"(<meta property="article:modified_time" content="2022-01-25">)" + body);
  EXPECT_EQ(Field(updated.metadata, "published")->value, "2022-01-05");
}

TEST(Metadata, ShownModifiedDateIsNotThePublishedOne) {
  // Under the headline the theme shows the modified date first: its element
  // says so (itemprop="dateModified"), so the shown published date stands.
  const std::string page = R"(<html lang="en"><head>
<meta property="article:published_time" content="2022-12-30T07:00:00+01:00">
</head><body><h1>Five trends for the new year</h1>
<p><time datetime="2022-12-29T15:36:00+01:00" itemprop="dateModified">December 29, 2022</time> |
<time datetime="2022-12-30T07:00:00+01:00" itemprop="datePublished">December 30, 2022</time></p>
<p>Text.</p></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value.substr(0, 10), "2022-12-30");
  // A quoted post's modified date leaves the page's shown date alone (the
  // quote's text is not the page's).
  const std::string quoted = R"(<html lang="en"><body><h1>Ferry fares rise</h1>
<blockquote><p>Fares up. <span itemprop="dateModified">March 1, 2021</span></p></blockquote>
<p>March 3, 2021</p><p>Text.</p></body></html>)";
  parsed = Read(quoted);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2021-03-03");
}

TEST(Metadata, FirstCommentDateIsTheLastResort) {
  // A forum thread: every post, the first one too, sits in a comment box.
  const std::string thread = R"(<html lang="de"><body><h2>Router drops the line at night</h2>
<div class="forum-comment"><span class="comment-time"><span>28.09.19</span><span>12:44</span>
</span><p>Since the update my router drops the line every night.</p></div>
<div class="forum-comment"><span class="comment-time"><span>29.09.19</span></span>
<p>Same here.</p></div></body></html>)";
  Parsed parsed = Read(thread);
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2019-09-28");
  EXPECT_EQ(published->how, "comments");
  // An article's own date comes first, however late its comments.
  const std::string article = R"(<html lang="en"><head>
<meta property="article:published_time" content="2019-10-02"></head><body>
<h1>Ferry fares rise</h1><p>Fares rise in spring.</p><section id="comments">
<article class="comment"><time datetime="2019-09-30T08:00:00Z">Sept 30</time><p>Hm.</p>
</article></section></body></html>)";
  parsed = Read(article);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2019-10-02");
  // The day a member joined, in the first post's box, is no date of it.
  const std::string joined = R"(<html lang="de"><body><h2>Router drops the line</h2>
<div class="forum-comment"><span class="member-date">Registriert: 18.09.2008</span>
<span class="post-date">21.01.2009</span><p>Since the update the line drops.</p></div>
</body></html>)";
  parsed = Read(joined);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2009-01-21");
}

TEST(Metadata, ForumClockAndJoiningDayAreNoDatesOfThePage) {
  // A forum's header prints the time of the visit; each post the day its
  // writer joined, and before the post's own date.
  const std::string page = R"(<html lang="de"><body>
<p class="time">Aktuelle Zeit: 14.10.2020, 12:18</p>
<dl class="postprofile"><dd><strong>Registriert:</strong> 18.09.2008, 05:56</dd></dl>
<h2>Was ist freie Software?</h2><p class="author">von r23 &raquo; 21.01.2009, 05:42</p>
<div class="content">Freie Software darf jeder nutzen.</div></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> published = Field(parsed.metadata, "published");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->value, "2009-01-21");
}

TEST(Metadata, DateElementWithTwoDigitYear) {
  const std::string page = R"(<html lang="de"><body><h1>Ein Garten auf dem Dach</h1>
<div class="upload-date"> 23.09.22 </div><p>Tomaten im sechsten Stock.</p></body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2022-09-23");
  // A date element with a full date wins, even after it: "19.1.23" may be
  // an event's date, in a form numbers of other kinds take too.
  const std::string with_full = R"(<html lang="de"><body><div class="event-date">19.1.23</div>
<h1>Ein Garten auf dem Dach</h1><div class="post-date">20.12.2022</div></body></html>)";
  EXPECT_EQ(Field(Read(with_full).metadata, "published")->value, "2022-12-20");
}

TEST(Metadata, DateElementsOfAListAreNotThePagesDate) {
  const std::string head = R"(<html lang="de"><head><meta name="date" content="2020-02-11">
</head><body>)";
  const std::string article = R"(<h1>Weine aus dem Norden</h1><p>Kühle Lagen.</p></body></html>)";
  const std::string events = R"(<ul><li><span class="datum">29.02.2020</span> Probe</li>
<li><span class="datum">04.04.2020</span> Abend mit Musik</li></ul>)";
  Parsed listed = Read(head + events + article);
  ASSERT_TRUE(Field(listed.metadata, "published"));
  EXPECT_EQ(Field(listed.metadata, "published")->value, "2020-02-11");
  // The same day twice (over and under the article) is the page's date.
  const std::string twice = R"(<span class="datum">29.02.2020</span> Weinbrief
<span class="datum">29.02.2020</span> Nachlese)";
  EXPECT_EQ(Field(Read(head + twice + article).metadata, "published")->value, "2020-02-29");
}

TEST(Metadata, QuotedPostDateIsNotTheShownDate) {
  // An embedded post under the headline carries its own date.
  const std::string page = R"(<html lang="en"><head>
<meta property="article:published_time" content="2023-03-10T09:00:00Z">
</head><body><h1>Ferry app adds live maps</h1><p>Riders asked for it.</p>
<blockquote class="social-post"><p>Maps are coming!</p>&mdash; Harbor Lines
(@harborlines) March 7, 2023</blockquote><p>The update is out now.</p></body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2023-03-10T09:00:00+00:00");
}

TEST(Metadata, BareTimeElementOverDateMentionedAfterHeadline) {
  const std::string page = R"(<html lang="de"><body><h1>Neue Regeln ab Frühjahr</h1>
<p>Ab dem 30. April 2024 gilt die neue Ordnung.</p>
<div class="col"><time datetime="2022-12-12 12:22">12.12.2022 12:22</time></div>
</body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2022-12-12T12:22:00");
  EXPECT_EQ(Field(parsed.metadata, "published")->evidence, "<time datetime>");
}

TEST(Metadata, UrlDateOverMarkupWeeksLater) {
  const std::string page = R"(<html><head>
<meta property="article:published_time" content="2019-06-17T18:28:00+02:00">
</head><body><h1>Summer in the dunes</h1><p>We walked for days.</p></body></html>)";
  Parsed resaved = Read(page, "https://travel.example/home/2017/7/12/summer-dunes");
  ASSERT_TRUE(Field(resaved.metadata, "published"));
  EXPECT_EQ(Field(resaved.metadata, "published")->value, "2017-07-12");
  EXPECT_EQ(Field(resaved.metadata, "published")->how, "url");
  // A few days later: the markup's time stands.
  Parsed days_later = Read(page, "https://travel.example/home/2019/6/13/summer-dunes");
  EXPECT_EQ(Field(days_later.metadata, "published")->value, "2019-06-17T18:28:00+02:00");
}

TEST(Metadata, DateLineRightAboveHeadline) {
  // The subtitle under the headline mentions a later period.
  const std::string page = R"(<html lang="de"><body><div class="topline"><span>06.12.2022</span>
<span>14:05 Uhr</span></div><h1>Windpark sucht Anleger</h1>
<div>Zeichnen ist vom 9.1. bis 10.2.2023 möglich.</div><p>Die Stadt beteiligt sich.</p>
</body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "published"));
  EXPECT_EQ(Field(parsed.metadata, "published")->value, "2022-12-06");
  EXPECT_EQ(Field(parsed.metadata, "published")->evidence, "text right above the headline");
  // Words between the date and the headline: it is no date line of it.
  const std::string apart = R"(<html lang="de"><body><p>06.12.2022 Login Aktuelles</p>
<h1>Windpark sucht Anleger</h1><p>Zeichnen ist bis zum 10.2.2023 möglich.</p></body></html>)";
  Parsed parsed_apart = Read(apart);
  ASSERT_TRUE(Field(parsed_apart.metadata, "published"));
  EXPECT_EQ(Field(parsed_apart.metadata, "published")->value, "2023-02-10");
  EXPECT_EQ(Field(parsed_apart.metadata, "published")->evidence, "text after the headline");
}

TEST(Metadata, SiteNameAsAuthorTakenLast) {
  const std::string page = R"(<html><head>
<meta property="og:site_name" content="Hillside Daily">
<meta name="author" content="Hillside Daily">
</head><body><h1>Road works</h1><span class="author-name">By Petra Lind</span>
<p>Text.</p></body></html>)";
  Parsed parsed = Read(page);
  std::optional<MetadataField> author = Field(parsed.metadata, "author");
  ASSERT_TRUE(author);
  EXPECT_EQ(author->value, "Petra Lind");
  EXPECT_EQ(author->how, "byline");
}

TEST(DateWords, ParseErrors) {
  EXPECT_TRUE(DateWords::Parse("m.tsv", "month\tjan\t1\n").ok());
  Result<DateWords> bad_number = DateWords::Parse("m.tsv", "# c\nmonth\tjan\t13\n");
  ASSERT_FALSE(bad_number.ok());
  EXPECT_NE(bad_number.status().message().find("m.tsv:2:"), std::string::npos);
  EXPECT_FALSE(DateWords::Parse("m.tsv", "month\tjan\t1\nmonth\tjan\t1\n").ok());
  EXPECT_FALSE(DateWords::Parse("m.tsv", "weekday\tmon\t1\n").ok());
  EXPECT_FALSE(DateWords::Parse("m.tsv", "month\tJan\t1\n").ok());
}

TEST(MetadataWords, Parse) {
  Result<MetadataWords> words = MetadataWords::Parse(
      "w.tsv",
      "# c\nbyline_prefix\tview all posts by\nnot_name\tadmin\nkicker_class\tkicker\n"
      "hidden_class\tsr-only\n");
  ASSERT_TRUE(words.ok());
  EXPECT_EQ(words->byline_prefixes().size(), 1u);
  EXPECT_TRUE(words->IsNotName("admin"));
  EXPECT_TRUE(words->IsKickerClass("article-kicker big"));
  EXPECT_TRUE(words->IsHiddenClass("sr-only dash"));
  EXPECT_FALSE(words->IsHiddenClass("kicker"));
  EXPECT_FALSE(words->SuggestsAuthor("author"));
  Result<MetadataWords> separators =
      MetadataWords::Parse("w.tsv",
                           "title_separator\t|\ncomment_class\tcomment\n"
                           "comment_class_not\tcommentary\n");
  ASSERT_TRUE(separators.ok());
  EXPECT_EQ(separators->title_separators(), std::vector<std::string>{" | "});
  EXPECT_TRUE(separators->IsCommentContainer("comment-list"));
  EXPECT_FALSE(separators->IsCommentContainer("article commentary"));
  Result<MetadataWords> unknown = MetadataWords::Parse("w.tsv", "# c\nsomething\tx\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("w.tsv:2:"), std::string::npos);
  EXPECT_FALSE(MetadataWords::Parse("w.tsv", "not_name\tAdmin\n").ok());
  EXPECT_FALSE(MetadataWords::Parse("w.tsv", "not_name\tadmin\nnot_name\tadmin\n").ok());
  EXPECT_FALSE(MetadataWords::Parse("w.tsv", "name_end\tam on\n").ok());
  EXPECT_FALSE(MetadataWords::Parse("w.tsv", "not_name\t admin\n").ok());
  EXPECT_FALSE(MetadataWords::Parse("w.tsv", "not_name admin\n").ok());
}

TEST(MetadataWords, MetaKeys) {
  Result<MetadataWords> words = MetadataWords::Parse(
      "w.tsv", "meta\tog:title\ttitle\tstrong\nmeta\tx-issued\tpublished\tdate-weak\n");
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  ASSERT_NE(words->FindMetaKey("og:title"), nullptr);
  EXPECT_EQ(words->FindMetaKey("og:title")->field, "title");
  EXPECT_LT(words->FindMetaKey("og:title")->rank, words->FindMetaKey("x-issued")->rank);
  EXPECT_EQ(words->FindMetaKey("twitter:title"), nullptr);
  const auto error = [](std::string_view contents) {
    const Result<MetadataWords> parsed = MetadataWords::Parse("w.tsv", contents);
    return parsed.ok() ? std::string() : std::string(parsed.status().message());
  };
  EXPECT_NE(error("meta\tog:title\ttitle\n").find("w.tsv:1: expected meta"), std::string::npos);
  EXPECT_NE(error("meta\tog:title\theadline\tstrong\n").find("unknown field"), std::string::npos);
  EXPECT_NE(error("meta\tog:title\ttitle\tsure\n").find("unknown trust"), std::string::npos);
  EXPECT_NE(error("meta\tOG:Title\ttitle\tstrong\n").find("lower-case"), std::string::npos);
  EXPECT_NE(error("meta\ta\ttitle\tweak\nmeta\ta\tauthor\tweak\n").find("w.tsv:2: listed twice"),
            std::string::npos);
}

// A key added to the data file is read from pages like the built-in ones,
// and a key left out is not read at all.
TEST(Metadata, MetaKeysComeFromTheWordsFile) {
  const std::string page =
      "<html><head><meta name='x-issued' content='2019-04-02'>"
      "<meta property='article:published_time' content='2018-01-01'></head>"
      "<body><p>Text.</p></body></html>";
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  ASSERT_NE(doc, nullptr);
  Result<MetadataWords> words =
      MetadataWords::Parse("w.tsv", "meta\tx-issued\tpublished\tstrong\n");
  ASSERT_TRUE(words.ok());
  const Metadata metadata = ReadMetadata(*doc, PageContext{}, DateWords::Default(), *words);
  const std::vector<MetadataField> published = FieldsNamed(metadata, "published");
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].value, "2019-04-02");
  EXPECT_EQ(published[0].evidence, "<meta name=\"x-issued\">");
}

TEST(MetadataWords, DefaultFile) {
  const MetadataWords& words = MetadataWords::Default();
  EXPECT_EQ(words.byline_prefixes().front(), "artikel von");
  EXPECT_TRUE(words.IsNotName("redaktion"));
  EXPECT_TRUE(words.IsNameEnd("|"));
  EXPECT_TRUE(words.SuggestsAuthor("post-author "));
  EXPECT_FALSE(words.SuggestsAuthor("author-bio "));
  EXPECT_TRUE(words.UpdatedBefore("Zuletzt aktualisiert am 3. März 2020", 27));
  ASSERT_NE(words.FindMetaKey("dc.date.issued"), nullptr);
  EXPECT_EQ(words.FindMetaKey("dc.date.issued")->field, "published");
  EXPECT_EQ(words.FindMetaKey("og:site_name")->field, "site_name");
}

// Regression (html_fuzzer): a name starting with "►" lost the first byte of
// it, which "–" shares, and the author was invalid UTF-8.
TEST(Metadata, AuthorKeepsASymbolSharingALeadByteWithAMark) {
  const std::string page = R"(<html><head><meta name="author" content="►ra Olle">
<meta name="keywords" content="x"></head><body><p>Text.</p></body></html>)";
  Parsed parsed = Read(page);
  ASSERT_TRUE(Field(parsed.metadata, "author"));
  EXPECT_EQ(Field(parsed.metadata, "author")->value, "\u25BAra Olle");
}

}  // namespace
}  // namespace storyline::html
