#include "ingest/ingest.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "core/utf8.h"
#include "ingest/decode.h"
#include "ingest/test_util.h"

namespace storyline::ingest {
namespace {

namespace fs = std::filesystem;

class IngestTest : public testing::TempDirTest {
 protected:
  IngestTest() : TempDirTest("storyline_ingest_") {}

  std::string WriteGzip(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    gzFile file = gzopen(path.c_str(), "wb");
    gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(file);
    return path;
  }

  struct Records {
    std::vector<RawDocument> documents;
    std::vector<Rejection> rejected;
  };

  Records ReadAll(const std::vector<std::string>& paths, Options options = {}) {
    Records records;
    InputList list = ListInputs(paths);
    records.rejected = list.rejected;
    RecordSink sink{[&](RawDocument doc) { records.documents.push_back(std::move(doc)); },
                    [&](Rejection rejection) { records.rejected.push_back(rejection); }, nullptr};
    for (const InputFile& file : list.files) ReadFile(file, options, sink);
    return records;
  }
};

TEST_F(IngestTest, ReadsTextFileAsOneRecordWithStableId) {
  const std::string path =
      Write("a.txt", "Harbour Strike Ends\r\n\r\nDockers voted on Friday.\r\n");
  Records first = ReadAll({path});
  Records second = ReadAll({path});
  ASSERT_EQ(first.documents.size(), 1u);
  EXPECT_TRUE(first.rejected.empty());
  const RawDocument& doc = first.documents[0];
  EXPECT_EQ(doc.origin, path);
  EXPECT_EQ(doc.format, "txt");
  EXPECT_EQ(doc.text, "Harbour Strike Ends\n\nDockers voted on Friday.\n");
  EXPECT_EQ(doc.id.size(), 16u);
  EXPECT_EQ(doc.id, second.documents[0].id);
}

TEST_F(IngestTest, SameTextUnderAnotherOriginGetsAnotherId) {
  Records records = ReadAll({Write("a.txt", "Same words."), Write("b.txt", "Same words.")});
  ASSERT_EQ(records.documents.size(), 2u);
  EXPECT_NE(records.documents[0].id, records.documents[1].id);
}

TEST_F(IngestTest, ReadsGzipByContentNotName) {
  const std::string path = WriteGzip("a.txt.gz", "Compressed article body.\n");
  Records records = ReadAll({path});
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].text, "Compressed article body.\n");
}

TEST_F(IngestTest, RepairsBrokenUtf8WithWarning) {
  Records records = ReadAll({Write("a.txt", "Caf\xE9 owners protest\xFF.\n")});
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].text, "Caf\xEF\xBF\xBD owners protest\xEF\xBF\xBD.\n");
  ASSERT_EQ(records.documents[0].warnings.size(), 1u);
  EXPECT_EQ(records.documents[0].warnings[0].code, "invalid_utf8");
  EXPECT_EQ(records.documents[0].warnings[0].message,
            "2 invalid UTF-8 sequence(s) replaced with U+FFFD");
}

TEST_F(IngestTest, ConvertsUtf16WithByteOrderMark) {
  const std::string utf16le(
      "\xFF\xFE"
      "A\0b\0\xE9\0",
      8);
  Records records = ReadAll({Write("a.txt", utf16le)});
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].text, "Ab\xC3\xA9");
}

TEST_F(IngestTest, RejectsEmptyAndBinaryFilesWithReasons) {
  const std::string empty = Write("empty.txt", "");
  const std::string blank = Write("blank.txt", " \n\t\n");
  const std::string binary = Write("junk.txt", std::string("\x7F"
                                                           "ELF\0\0\x01\x02",
                                                           8));
  Records records = ReadAll({empty, blank, binary});
  EXPECT_TRUE(records.documents.empty());
  ASSERT_EQ(records.rejected.size(), 3u);
  EXPECT_EQ(records.rejected[0].origin, empty);
  EXPECT_EQ(records.rejected[0].reason, "empty: no text");
  EXPECT_EQ(records.rejected[1].reason, "empty: no text");
  EXPECT_EQ(records.rejected[2].reason, "binary data, not text");
}

TEST_F(IngestTest, RejectsUnsupportedFormatsAndMissingPaths) {
  const std::string csv = Write("data.csv", "a,b");
  const std::string bare = Write("README", "words");
  const std::string missing = (dir_ / "nowhere.txt").string();
  Records records = ReadAll({csv, bare, missing});
  ASSERT_EQ(records.rejected.size(), 3u);
  EXPECT_EQ(records.rejected[0].origin, missing);
  EXPECT_EQ(records.rejected[0].reason, "no such file or folder");
  EXPECT_EQ(records.rejected[1].reason,
            "unsupported format '.csv' (expected .txt, .jsonl, .html, .htm or .warc, "
            "optionally .gz)");
  EXPECT_EQ(records.rejected[2].reason,
            "unsupported format: no file extension (expected .txt, .jsonl, .html, .htm or "
            ".warc, optionally .gz)");
}

TEST_F(IngestTest, WalksFoldersRecursivelyInSortedOrder) {
  Write("corpus/b.txt", "Second.");
  Write("corpus/a.txt", "First.");
  Write("corpus/sub/c.txt", "Third.");
  Write("corpus/notes.md", "not an article");
  Records records = ReadAll({(dir_ / "corpus").string()});
  ASSERT_EQ(records.documents.size(), 3u);
  EXPECT_EQ(records.documents[0].text, "First.");
  EXPECT_EQ(records.documents[1].text, "Second.");
  EXPECT_EQ(records.documents[2].text, "Third.");
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].origin, (dir_ / "corpus/notes.md").string());
}

TEST_F(IngestTest, RejectsTextFileOverTheLimit) {
  Options options;
  options.max_record_bytes = 10;
  Records records = ReadAll({Write("long.txt", "Eleven byte")}, options);
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].reason, "larger than the limit of 10 bytes");
  Records gzip = ReadAll({WriteGzip("long.txt.gz", std::string(1000, 'a'))}, options);
  ASSERT_EQ(gzip.rejected.size(), 1u);
  EXPECT_EQ(gzip.rejected[0].reason, "larger than the limit of 10 bytes");
}

TEST_F(IngestTest, FollowsFileLinksButNotFolderLinks) {
  const std::string target = Write("real/a.txt", "Linked article.");
  fs::create_directories(dir_ / "corpus");
  fs::create_symlink(target, dir_ / "corpus" / "link.txt");
  fs::create_directory_symlink(dir_ / "real", dir_ / "corpus" / "folder");
  fs::create_symlink(dir_ / "nowhere.txt", dir_ / "corpus" / "dangling.txt");
  Records records = ReadAll({(dir_ / "corpus").string()});
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].text, "Linked article.");
  ASSERT_EQ(records.rejected.size(), 2u);
  EXPECT_EQ(records.rejected[0].reason, "broken symbolic link");
  EXPECT_EQ(records.rejected[1].reason, "symbolic link to a folder: not followed");
}

TEST_F(IngestTest, RejectsFifoInsteadOfBlocking) {
  const fs::path fifo = dir_ / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Records records = ReadAll({dir_.string()});
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].reason, "not a regular file");
}

TEST_F(IngestTest, ReadsJsonlRecordsWithMetadataAndLineOrigins) {
  const std::string path = Write(
      "feed.jsonl",
      R"({"id": 17, "text": "Flood waters receded.\r\nRelief arrived.", "outlet": "Delta Wire", )"
      R"("url": "https://example.org/a", "title": "Waters Recede", "published": "2025-03-14T09:30:00Z"})"
      "\n\n"
      R"({"text": "Second record.", "outlet": 5})"
      "\n");
  Records records = ReadAll({path});
  ASSERT_EQ(records.documents.size(), 2u);
  EXPECT_TRUE(records.rejected.empty());
  const RawDocument& first = records.documents[0];
  EXPECT_EQ(first.origin, path + ":1");
  EXPECT_EQ(first.format, "jsonl");
  EXPECT_EQ(first.text, "Flood waters receded.\nRelief arrived.");
  EXPECT_EQ(first.source_id, "17");
  EXPECT_EQ(first.outlet, "Delta Wire");
  EXPECT_EQ(first.url, "https://example.org/a");
  EXPECT_EQ(first.title, "Waters Recede");
  EXPECT_EQ(first.published, "2025-03-14T09:30:00Z");
  const RawDocument& second = records.documents[1];
  EXPECT_EQ(second.origin, path + ":3");
  EXPECT_FALSE(second.outlet.has_value());
  ASSERT_EQ(second.warnings.size(), 1u);
  EXPECT_EQ(second.warnings[0].code, "ignored_field");
}

TEST_F(IngestTest, RejectsMalformedJsonlLinesAndKeepsTheOthers) {
  const std::string path = Write("feed.jsonl",
                                 "{\"text\": \"Good one.\"}\n"
                                 "{\"text\": \"cut off\n"
                                 "[1, 2]\n"
                                 "{\"title\": \"no text\"}\n"
                                 "{\"text\": \"\"}\n"
                                 "{\"text\": \"Good two.\"}");
  Records records = ReadAll({path});
  ASSERT_EQ(records.documents.size(), 2u);
  EXPECT_EQ(records.documents[1].text, "Good two.");
  EXPECT_EQ(records.documents[1].origin, path + ":6");
  ASSERT_EQ(records.rejected.size(), 4u);
  EXPECT_EQ(records.rejected[0].origin, path + ":2");
  EXPECT_TRUE(records.rejected[0].reason.starts_with("malformed JSON: "))
      << records.rejected[0].reason;
  EXPECT_EQ(records.rejected[1].reason, "not a JSON object");
  EXPECT_EQ(records.rejected[2].reason, "no \"text\" or \"html\" field");
  EXPECT_EQ(records.rejected[3].reason, "\"text\" is empty: no text");
}

TEST_F(IngestTest, RepairsInvalidUtf8InsideJsonlText) {
  Records records = ReadAll({Write("feed.jsonl", "{\"text\": \"Bad \xC3 byte.\"}\n")});
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].text, "Bad \xEF\xBF\xBD byte.");
  EXPECT_EQ(records.documents[0].warnings[0].code, "invalid_utf8");
}

TEST_F(IngestTest, ReadsFiftyMegabyteSingleLine) {
  std::string big(50u << 20, 'a');
  for (size_t i = 100; i < big.size(); i += 100) big[i] = ' ';
  Records text = ReadAll({Write("big.txt", big)});
  ASSERT_EQ(text.documents.size(), 1u);
  EXPECT_EQ(text.documents[0].text.size(), big.size());
  Records jsonl =
      ReadAll({Write("big.jsonl", "{\"text\": \"" + big + "\"}\n{\"text\": \"small\"}\n")});
  ASSERT_EQ(jsonl.documents.size(), 2u);
  EXPECT_EQ(jsonl.documents[0].text.size(), big.size());
}

TEST_F(IngestTest, RejectsRecordsOverTheLimitAndKeepsReading) {
  Options options;
  options.max_record_bytes = 64;
  const std::string path =
      Write("feed.jsonl", "{\"text\": \"" + std::string(200, 'x') + "\"}\n{\"text\": \"fits\"}\n");
  Records records = ReadAll({path}, options);
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].text, "fits");
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].origin, path + ":1");
  EXPECT_EQ(records.rejected[0].reason, "line longer than the limit of 64 bytes");
}

TEST_F(IngestTest, ReportsProgressThroughLongJsonlFiles) {
  std::string lines;
  for (int i = 0; i < 2000; ++i)
    lines += "{\"text\": \"Tide report " + std::to_string(i) + ".\"}\n";
  const std::string path = Write("feed.jsonl", lines);
  std::vector<uint64_t> offsets;
  RecordSink sink{[](RawDocument) {}, [](Rejection) {},
                  [&](uint64_t consumed) { offsets.push_back(consumed); }};
  ReadFile({path, lines.size()}, {}, sink);
  ASSERT_GE(offsets.size(), 2u);
  EXPECT_TRUE(std::is_sorted(offsets.begin(), offsets.end()));
  EXPECT_GT(offsets.front(), 0u);
  EXPECT_LE(offsets.back(), lines.size());
}

TEST_F(IngestTest, RejectsBinaryJsonlFileAsAWhole) {
  Records records = ReadAll({Write("junk.jsonl", std::string("\0\1\2\n\3\0", 6))});
  EXPECT_TRUE(records.documents.empty());
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].reason, "binary data, not JSON Lines");
}

// Web pages. The pages below are made up for the tests.

// A French paragraph in windows-1252 (0xE9 is é, 0x93 and 0x94 curly quotes),
// long enough for charset detection.
const std::string kFrenchCp1252 =
    "<p>Le conseil municipal de Valbrune a vot\xE9 mardi soir la r\xE9novation de la "
    "biblioth\xE8que du quartier des \xC9"
    "cluses. \x93Nous avons attendu cette d\xE9"
    "cision pendant des ann\xE9"
    "es\x94, a d\xE9"
    "clar\xE9 la pr\xE9sidente de "
    "l'association des riverains. Les travaux commenceront en f\xE9vrier et "
    "dureront dix-huit mois; la salle de lecture sera d\xE9plac\xE9"
    "e dans "
    "l'ancienne \xE9"
    "cole primaire pendant ce temps. Le maire a pr\xE9"
    "cis\xE9 que "
    "le budget, d\xE9j\xE0 approuv\xE9 par la r\xE9gion, ne sera pas d\xE9pass\xE9.</p>\n";

TEST_F(IngestTest, ReadsWindows1252PageDeclaredByMetaCharset) {
  const std::string path =
      Write("page.html",
            "<!DOCTYPE html>\r\n<html><head><meta charset=\"windows-1252\">\r\n"
            "<title>Caf\xE9 du Port</title></head>\r\n"
            "<body><p>\x93"
            "Caf\xE9 ouvert\x94, dit-elle.</p></body></html>\r\n");
  Records records = ReadAll({path});
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_TRUE(records.rejected.empty());
  const RawDocument& doc = records.documents[0];
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.origin, path);
  EXPECT_EQ(doc.id.size(), 16u);
  EXPECT_EQ(doc.text,
            "<!DOCTYPE html>\n<html><head><meta charset=\"windows-1252\">\n"
            "<title>Café du Port</title></head>\n"
            "<body><p>“Café ouvert”, dit-elle.</p></body></html>\n");
  EXPECT_TRUE(doc.warnings.empty());
}

TEST_F(IngestTest, ReadsLatin1LabelAsWindows1252) {
  // Pages labelled ISO-8859-1 use 0x80-0x9F as windows-1252 does (WHATWG).
  std::vector<Warning> warnings;
  std::string page =
      "<HTML><HEAD><META  CHARSET = 'ISO-8859-1' ></HEAD><BODY>\x93Ol\xE9\x94</BODY></HTML>";
  ASSERT_TRUE(DecodeHtml(page, "", warnings).ok());
  EXPECT_EQ(page, "<HTML><HEAD><META  CHARSET = 'ISO-8859-1' ></HEAD><BODY>“Olé”</BODY></HTML>");
  EXPECT_TRUE(warnings.empty());
}

TEST_F(IngestTest, ReadsShiftJisPageDeclaredByHttpEquiv) {
  // 港町で新しい橋が開通した。 ("A new bridge opened in the port town.") in Shift_JIS.
  const std::string sjis =
      "\x8D\x60\x92\xAC\x82\xC5\x90\x56\x82\xB5\x82\xA2\x8B\xB4\x82\xAA\x8A\x4A\x92\xCA\x82\xB5"
      "\x82\xBD\x81\x42";
  const std::string path =
      Write("sjis.htm",
            "<html><head>\n<!-- <meta charset=\"koi8-r\"> is only a comment -->\n"
            "<link rel=\"alternate\" title=\"<meta charset=big5>\">\n"
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; Charset = Shift_JIS\">\n"
            "</head><body><p>" +
                sjis + "</p></body></html>\n");
  Records records = ReadAll({path});
  ASSERT_EQ(records.documents.size(), 1u);
  const RawDocument& doc = records.documents[0];
  EXPECT_EQ(doc.format, "html");
  EXPECT_NE(doc.text.find("<p>港町で新しい橋が開通した。</p>"), std::string::npos) << doc.text;
  EXPECT_TRUE(doc.text.starts_with("<html><head>\n<!-- <meta charset=\"koi8-r\">"));
  EXPECT_TRUE(doc.warnings.empty());
}

TEST_F(IngestTest, HttpEquivWithoutContentTypeDeclaresNothing) {
  // content= counts only beside http-equiv="Content-Type"; then the page is
  // valid UTF-8 and read as such.
  std::vector<Warning> warnings;
  std::string page = "<meta content=\"charset=shift_jis\"><p>Café</p>";
  ASSERT_TRUE(DecodeHtml(page, "", warnings).ok());
  EXPECT_EQ(page, "<meta content=\"charset=shift_jis\"><p>Café</p>");
  EXPECT_TRUE(warnings.empty());
}

TEST_F(IngestTest, DetectsUndeclaredWindows1252Page) {
  std::vector<Warning> warnings;
  std::string page = "<html><head><title>Valbrune</title></head><body>\n" + kFrenchCp1252 +
                     kFrenchCp1252 + "</body></html>\n";
  ASSERT_TRUE(DecodeHtml(page, "", warnings).ok());
  EXPECT_NE(page.find("a voté mardi soir la rénovation de la bibliothèque du quartier des "
                      "Écluses. “Nous avons attendu cette décision pendant des années”"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("déjà approuvé par la région, ne sera pas dépassé."), std::string::npos);
  EXPECT_TRUE(warnings.empty());
}

TEST_F(IngestTest, ReadsUndeclaredMostlyUtf8PageAsUtf8) {
  // One stray windows-1252 byte among UTF-8 must not turn the page to Latin-1.
  std::vector<Warning> warnings;
  std::string page =
      "<p>La municipalité a approuvé le budget; les élus ont voté la rénovation du "
      "théâtre.</p><p>Caf\xE9</p>";
  ASSERT_TRUE(DecodeHtml(page, "", warnings).ok());
  EXPECT_EQ(page,
            "<p>La municipalité a approuvé le budget; les élus ont voté la rénovation du "
            "théâtre.</p><p>Caf\xEF\xBF\xBD</p>");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "invalid_utf8");
}

TEST_F(IngestTest, DeclaredCharsetWinsOverMeta) {
  std::vector<Warning> warnings;
  std::string page = "<meta charset=\"utf-8\"><p>R\xE9sum\xE9 du match</p>";
  ASSERT_TRUE(DecodeHtml(page, "windows-1252", warnings).ok());
  EXPECT_EQ(page, "<meta charset=\"utf-8\"><p>Résumé du match</p>");
  EXPECT_TRUE(warnings.empty());
}

TEST_F(IngestTest, ByteOrderMarkWinsOverEverything) {
  std::vector<Warning> warnings;
  std::string utf8 = "\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>Caf\xC3\xA9</p>";
  ASSERT_TRUE(DecodeHtml(utf8, "shift_jis", warnings).ok());
  EXPECT_EQ(utf8, "<meta charset=\"windows-1252\"><p>Café</p>");
  // UTF-16LE with its mark: NUL bytes do not make it binary.
  const std::string ascii = "<meta charset=\"windows-1252\"><p>Caf";
  std::string utf16("\xFF\xFE", 2);
  for (const char c : ascii) utf16 += std::string{c, '\0'};
  utf16 += std::string("\xE9\0<\0/\0p\0>\0\r\0\n\0", 14);
  ASSERT_TRUE(DecodeHtml(utf16, "koi8-r", warnings).ok());
  EXPECT_EQ(utf16, "<meta charset=\"windows-1252\"><p>Café</p>\n");
  EXPECT_TRUE(warnings.empty());
}

TEST_F(IngestTest, UnknownCharsetLabelsWarnAndFallThrough) {
  std::vector<Warning> warnings;
  std::string page = "<meta charset=\"x-made-up\"><p>Caf\xE9 ouvert</p>";
  ASSERT_TRUE(DecodeHtml(page, "klingon-8", warnings).ok());
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].code, "unknown_charset");
  EXPECT_EQ(warnings[0].message, "unknown charset 'klingon-8' in the HTTP header ignored");
  EXPECT_EQ(warnings[1].code, "unknown_charset");
  EXPECT_EQ(warnings[1].message, "unknown charset 'x-made-up' in <meta> ignored");
  EXPECT_TRUE(IsValidUtf8(page));
  EXPECT_TRUE(page.starts_with("<meta charset=\"x-made-up\"><p>Caf"));
  // ICU's options syntax and UTF-7 are not charsets here.
  warnings.clear();
  std::string utf7 = "<meta charset=\"utf-7\"><p>+AOk-</p>";
  ASSERT_TRUE(DecodeHtml(utf7, "utf-8,swaplfnl", warnings).ok());
  EXPECT_EQ(utf7, "<meta charset=\"utf-7\"><p>+AOk-</p>");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].message, "unknown charset 'utf-8,swaplfnl' in the HTTP header ignored");
  EXPECT_EQ(warnings[1].message, "unknown charset 'utf-7' in <meta> ignored");
}

TEST_F(IngestTest, ReplacesBytesTheCharsetCannotMapWithWarning) {
  std::vector<Warning> warnings;
  // 0xA0 is unassigned in Shift_JIS; 0x8D 0x60 is 港 ("port").
  std::string sjis = "<p>\x8D\x60\xA0!</p>";
  ASSERT_TRUE(DecodeHtml(sjis, "shift_jis", warnings).ok());
  EXPECT_EQ(sjis, "<p>港\xEF\xBF\xBD!</p>");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "invalid_bytes");
  EXPECT_EQ(warnings[0].message, "1 byte sequence(s) invalid in shift_jis replaced with U+FFFD");
  warnings.clear();
  std::string utf8 = "<meta charset=utf-8><p>Caf\xE9</p>";
  ASSERT_TRUE(DecodeHtml(utf8, "", warnings).ok());
  EXPECT_EQ(utf8, "<meta charset=utf-8><p>Caf\xEF\xBF\xBD</p>");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "invalid_utf8");
}

TEST_F(IngestTest, RejectsBinaryAndBlankPages) {
  const std::string binary = Write("junk.html", std::string("\x7F"
                                                            "ELF\0\0\x01\x02",
                                                            8));
  const std::string blank = Write("blank.htm", " \r\n\t");
  Records records = ReadAll({binary, blank});
  EXPECT_TRUE(records.documents.empty());
  ASSERT_EQ(records.rejected.size(), 2u);
  EXPECT_EQ(records.rejected[0].reason, "binary data, not HTML");
  EXPECT_EQ(records.rejected[1].reason, "empty: no markup");
}

// Regression (a page of the HTML dev set): a few stray NUL bytes deep in a
// page made the whole page "binary" and lost it. They are removed, with a
// warning; a text file gets the same.
TEST_F(IngestTest, StrayNulBytesAreRemovedNotARejection) {
  const std::string body = "<p>" + std::string(1200, 'x') + "</p>";
  std::string page =
      "<html><body>" + body + std::string(3, '\0') + "<p>Quay opens.</p></body></html>";
  std::vector<Warning> warnings;
  ASSERT_TRUE(DecodeHtml(page, "", warnings).ok());
  EXPECT_EQ(page, "<html><body>" + body + "<p>Quay opens.</p></body></html>");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "nul_bytes");
  EXPECT_EQ(warnings[0].message, "3 NUL byte(s) removed");
  const std::string text =
      Write("nul.txt", std::string(1500, 'a') + std::string(1, '\0') + " The quay opened.\n");
  Records records = ReadAll({text});
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].text.find('\0'), std::string::npos);
  EXPECT_NE(records.documents[0].text.find("The quay opened."), std::string::npos);
}

TEST_F(IngestTest, ReadsGzippedPage) {
  const std::string path = WriteGzip("page.HTML.gz",
                                     "<meta charset=windows-1252><p>\x93"
                                     "D\xE9j\xE0 vu\x94</p>\r\n");
  Records records = ReadAll({path});
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].format, "html");
  EXPECT_EQ(records.documents[0].origin, path);
  EXPECT_EQ(records.documents[0].text, "<meta charset=windows-1252><p>“Déjà vu”</p>\n");
}

TEST_F(IngestTest, ReadsJsonlHtmlRecords) {
  const std::string path =
      Write("pages.jsonl",
            R"({"html": "<html><body><p>Ferry \u201cDelta\u201d sails.</p>\r\n</body></html>", )"
            R"("url": "https://example.org/ferry", "published": "2025-06-01"})"
            "\n"
            R"({"text": "Ignored body.", "html": "<p>Market opens.</p>", "outlet": "Delta Wire"})"
            "\n"
            R"({"html": 42})"
            "\n"
            R"({"html": " \n "})"
            "\n");
  Records records = ReadAll({path});
  ASSERT_EQ(records.documents.size(), 2u);
  const RawDocument& page = records.documents[0];
  EXPECT_EQ(page.origin, path + ":1");
  EXPECT_EQ(page.format, "html");
  EXPECT_EQ(page.text, "<html><body><p>Ferry “Delta” sails.</p>\n</body></html>");
  EXPECT_EQ(page.url, "https://example.org/ferry");
  EXPECT_EQ(page.published, "2025-06-01");
  EXPECT_EQ(page.id.size(), 16u);
  EXPECT_TRUE(page.warnings.empty());
  const RawDocument& both = records.documents[1];
  EXPECT_EQ(both.format, "html");
  EXPECT_EQ(both.text, "<p>Market opens.</p>");
  EXPECT_EQ(both.outlet, "Delta Wire");
  ASSERT_EQ(both.warnings.size(), 1u);
  EXPECT_EQ(both.warnings[0].code, "ignored_field");
  EXPECT_EQ(both.warnings[0].message, "field \"text\" ignored: \"html\" is read instead");
  ASSERT_EQ(records.rejected.size(), 2u);
  EXPECT_EQ(records.rejected[0].origin, path + ":3");
  EXPECT_EQ(records.rejected[0].reason, "\"html\" is not a string");
  EXPECT_EQ(records.rejected[1].reason, "\"html\" is empty: no text");
}

TEST_F(IngestTest, ListsHundredThousandFiles) {
  const fs::path folder = dir_ / "many";
  fs::create_directories(folder);
  for (int i = 0; i < 100000; ++i) {
    // (std::to_string(i) + ".txt" rather than "a" + ...: GCC 12 warns falsely
    // about the latter under -O3 -Wrestrict.)
    std::ofstream(folder / (std::to_string(i) + ".txt")) << "x";
  }
  InputList list = ListInputs({folder.string()});
  ASSERT_EQ(list.files.size(), 100000u);
  EXPECT_EQ(list.files[0].size, 1u);
  EXPECT_TRUE(list.rejected.empty());
  EXPECT_TRUE(
      std::is_sorted(list.files.begin(), list.files.end(),
                     [](const InputFile& a, const InputFile& b) { return a.path < b.path; }));
}

TEST(NormaliseLineEnds, TurnsCrLfAndLoneCrIntoLf) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"no line ends", "no line ends"},
      {"a\nb\n", "a\nb\n"},
      {"a\r\nb\r\n", "a\nb\n"},
      {"a\rb\r", "a\nb\n"},
      {"\r", "\n"},
      {"\r\n", "\n"},
      {"\r\r\n\n\r", "\n\n\n\n"},
      {"first\nsecond\r\nthird\rfourth", "first\nsecond\nthird\nfourth"},
  };
  for (const auto& [in, want] : cases) {
    std::string text = in;
    NormaliseLineEnds(text);
    EXPECT_EQ(text, want) << "input: " << in;
  }
}

TEST(LooksBinary, CountsControlBytesOtherThanLayout) {
  EXPECT_FALSE(LooksBinary("<p>text\twith\r\nlayout\fbytes</p>"));
  EXPECT_TRUE(LooksBinary(std::string(5, '\x01') + "abcde"));
  EXPECT_FALSE(LooksBinary(std::string(1, '\x01') + std::string(20, 'a')));
  EXPECT_TRUE(LooksBinary(std::string("a\0b", 3)));
  // A NUL past the first 1 KB is a stray one in text, unless NULs are as
  // frequent as in binary data.
  const std::string text(4000, 'a');
  EXPECT_FALSE(LooksBinary(text + std::string(3, '\0') + text));
  EXPECT_FALSE(LooksBinary(text + std::string(32, '\0') + text));
  EXPECT_TRUE(LooksBinary(text + std::string(33, '\0') + text));
  EXPECT_TRUE(LooksBinary(std::string(60000, 'a') + std::string(61, '\0')));
  EXPECT_FALSE(LooksBinary(""));
}

}  // namespace
}  // namespace storyline::ingest
