#include "ingest/warc.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/id.h"
#include "ingest/http.h"
#include "ingest/ingest.h"
#include "ingest/test_util.h"

namespace storyline::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPage =
    "<!DOCTYPE html>\r\n<html><head><title>Harbour Strike Ends</title></head>\r\n"
    "<body><nav>Home | World</nav><article><h1>Harbour Strike Ends</h1>\r\n"
    "<p>Dockers in Port Alden voted on Friday to end the strike.</p></article></body></html>\r\n";

constexpr std::string_view kOtherPage =
    "<html><body><p>The Brackwater council met on Tuesday.</p></body></html>";

// One gzip member holding `bytes`.
std::string Gzip(std::string_view bytes) {
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, bytes.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string Deflate(std::string_view bytes) {  // zlib-wrapped, as Content-Encoding: deflate
  uLongf size = compressBound(bytes.size());
  std::string out(size, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &size,
           reinterpret_cast<const Bytef*>(bytes.data()), bytes.size());
  out.resize(size);
  return out;
}

struct RecordSpec {
  std::string type = "response";
  std::string block;
  std::string id = "<urn:uuid:00000000-0000-4000-8000-000000000001>";
  std::string uri = "https://news.example.org/2024/03/harbour-strike-ends";
  std::string date = "2024-03-08T10:15:00Z";
  std::string version = "WARC/1.0";
  std::string eol = "\r\n";
  std::optional<uint64_t> content_length;  // the block's size when not given
  std::string content_type = "application/http; msgtype=response";
};

std::string Record(const RecordSpec& spec) {
  const std::string& e = spec.eol;
  std::string out = spec.version + e + "WARC-Type: " + spec.type + e +
                    "WARC-Record-ID: " + spec.id + e + "WARC-Date: " + spec.date + e;
  if (!spec.uri.empty()) out += "WARC-Target-URI: " + spec.uri + e;
  if (!spec.content_type.empty()) out += "Content-Type: " + spec.content_type + e;
  out += "Content-Length: " + std::to_string(spec.content_length.value_or(spec.block.size())) + e;
  out += e + spec.block + e + e;
  return out;
}

RecordSpec Response(std::string block, int n = 1) {
  RecordSpec spec;
  spec.block = std::move(block);
  spec.id = "<urn:uuid:00000000-0000-4000-8000-00000000000" + std::to_string(n) + ">";
  spec.uri = "https://news.example.org/story-" + std::to_string(n);
  return spec;
}

std::string Http(int status, std::string_view content_type, std::string_view body,
                 std::string_view extra_headers = "", std::string_view eol = "\r\n") {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " Whatever";
  out += eol;
  if (!content_type.empty()) out += "Content-Type: " + std::string(content_type) + std::string(eol);
  out += extra_headers;
  out += "Server: test";
  out += eol;
  out += eol;
  out += body;
  return out;
}

RecordSpec Other(std::string type, std::string block = "software: test\r\n") {
  RecordSpec spec;
  spec.type = std::move(type);
  spec.block = std::move(block);
  spec.content_type = spec.type == "warcinfo" ? "application/warc-fields" : "application/http";
  return spec;
}

struct Records {
  std::vector<RawDocument> documents;
  std::vector<Rejection> rejected;
  std::map<std::string, uint64_t> skipped;
  std::vector<uint64_t> consumed;
};

RecordSink SinkInto(Records& records) {
  return {[&](RawDocument doc) { records.documents.push_back(std::move(doc)); },
          [&](Rejection rejection) { records.rejected.push_back(std::move(rejection)); },
          [&](uint64_t bytes) { records.consumed.push_back(bytes); },
          [&](const SkippedRecords& skipped) {
            for (const auto& [reason, count] : skipped.reasons) records.skipped[reason] += count;
          }};
}

Records ReadBytes(std::string_view bytes, Options options = {}) {
  Records records;
  std::unique_ptr<ByteSource> source = MemorySource(bytes);
  ReadWarc(*source, "mem.warc", options, SinkInto(records));
  return records;
}

std::string Rejections(const Records& records) {
  std::string out;
  for (const Rejection& r : records.rejected) out += r.origin + ": " + r.reason + "\n";
  return out;
}

class WarcTest : public testing::TempDirTest {
 protected:
  WarcTest() : TempDirTest("storyline_warc_") {}

  Records ReadPath(const std::string& path) {
    Records records;
    InputList list = ListInputs({path});
    EXPECT_TRUE(list.rejected.empty());
    for (const InputFile& file : list.files) ReadFile(file, {}, SinkInto(records));
    return records;
  }
};

TEST_F(WarcTest, PerRecordGzipKeepsOnlyTheHtmlResponse) {
  const std::vector<std::string> members = {
      Gzip(Record(Other("warcinfo"))),
      Gzip(Record(Other("request",
                        "GET /2024/03/harbour-strike-ends HTTP/1.1\r\nHost: "
                        "news.example.org\r\n\r\n"))),
      Gzip(Record(Response(Http(200, "text/html; charset=utf-8", kPage)))),
      Gzip(Record(Response(Http(200, "image/png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), 2))),
      Gzip(Record(Other("metadata", "fetchTimeMs: 120\r\n")))};
  std::string file;
  for (const std::string& member : members) file += member;
  const std::string path = Write("crawl.warc.gz", file);
  const Records records = ReadPath(path);

  ASSERT_EQ(records.documents.size(), 1u) << Rejections(records);
  EXPECT_TRUE(records.rejected.empty()) << Rejections(records);
  const RawDocument& doc = records.documents[0];
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.url, "https://news.example.org/story-1");
  EXPECT_EQ(doc.captured, "2024-03-08T10:15:00Z");
  EXPECT_EQ(doc.source_id, "<urn:uuid:00000000-0000-4000-8000-000000000001>");
  EXPECT_EQ(doc.origin, path + "@" + std::to_string(members[0].size() + members[1].size()));
  EXPECT_NE(doc.text.find("<p>Dockers in Port Alden voted on Friday to end the strike.</p>"),
            std::string::npos);
  EXPECT_EQ(doc.text.find('\r'), std::string::npos);  // line ends normalised
  EXPECT_EQ(doc.id, MakeArticleId(*doc.source_id, doc.text));
  EXPECT_EQ(records.skipped,
            (std::map<std::string, uint64_t>{
                {"warcinfo", 1}, {"request", 1}, {"metadata", 1}, {"not HTML", 1}}));
  ASSERT_FALSE(records.consumed.empty());
  EXPECT_EQ(records.consumed.back(), file.size());
}

TEST_F(WarcTest, TheSameRecordKeepsItsIdInAnotherFile) {
  const std::string record = Record(Response(Http(200, "text/html", kPage)));
  const Records a = ReadPath(Write("a.warc", record));
  const Records b = ReadPath(Write("b.warc.gz", Gzip(Record(Other("warcinfo")) + record)));
  ASSERT_EQ(a.documents.size(), 1u);
  ASSERT_EQ(b.documents.size(), 1u);
  EXPECT_NE(a.documents[0].origin, b.documents[0].origin);
  EXPECT_EQ(a.documents[0].id, b.documents[0].id);
}

TEST_F(WarcTest, WholeFileGzipGivesUncompressedOffsets) {
  const std::string first = Record(Other("warcinfo"));
  const std::string second = Record(Response(Http(200, "text/html", kPage), 1));
  const std::string third = Record(Response(Http(200, "application/xhtml+xml", kOtherPage), 2));
  const std::string path = Write("whole.warc.gz", Gzip(first + second + third));
  const Records records = ReadPath(path);
  ASSERT_EQ(records.documents.size(), 2u) << Rejections(records);
  EXPECT_EQ(records.documents[0].origin, path + "@" + std::to_string(first.size()));
  EXPECT_EQ(records.documents[1].origin, path + "@" + std::to_string(first.size() + second.size()));
  EXPECT_EQ(records.documents[1].text, kOtherPage);
  EXPECT_EQ(records.skipped, (std::map<std::string, uint64_t>{{"warcinfo", 1}}));
}

TEST_F(WarcTest, UncompressedFile) {
  const std::string first = Record(Response(Http(200, "text/html", kOtherPage), 1));
  const std::string second = Record(Response(Http(200, "text/html", kPage), 2));
  const std::string path = Write("plain.warc", first + second);
  const Records records = ReadPath(path);
  ASSERT_EQ(records.documents.size(), 2u) << Rejections(records);
  EXPECT_EQ(records.documents[0].origin, path + "@0");
  EXPECT_EQ(records.documents[0].text, kOtherPage);
  EXPECT_EQ(records.documents[1].origin, path + "@" + std::to_string(first.size()));
  EXPECT_EQ(records.documents[1].url, "https://news.example.org/story-2");
}

TEST(WarcReadTest, Warc11VersionLine) {
  RecordSpec spec = Response(Http(200, "text/html", kOtherPage));
  spec.version = "WARC/1.1";
  spec.date = "2024-03-08T10:15:00.123456Z";
  const Records records = ReadBytes(Record(spec));
  ASSERT_EQ(records.documents.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.documents[0].captured, "2024-03-08T10:15:00.123456Z");
}

TEST(WarcReadTest, UnknownVersionIsRejected) {
  RecordSpec spec = Response(Http(200, "text/html", kOtherPage));
  spec.version = "WARC/0.17";
  const Records records =
      ReadBytes(Record(spec) + Record(Response(Http(200, "text/html", kPage), 2)));
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@0");
  EXPECT_NE(records.rejected[0].reason.find("unsupported WARC version"), std::string::npos);
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].url, "https://news.example.org/story-2");
}

TEST(WarcReadTest, LineFeedOnlyHeadersAndCrLfBodies) {
  RecordSpec spec = Response(Http(200, "text/html",
                                  "<html>\r\n<body>\r\n<p>Rain in Tessel.</p>\r\n"
                                  "</body>\r\n</html>",
                                  "", "\n"));
  spec.eol = "\n";
  const std::string bytes = Record(spec) + Record(Response(Http(200, "text/html", kPage), 2));
  const Records records = ReadBytes(bytes);
  ASSERT_EQ(records.documents.size(), 2u) << Rejections(records);
  EXPECT_EQ(records.documents[0].text, "<html>\n<body>\n<p>Rain in Tessel.</p>\n</body>\n</html>");
}

TEST(WarcReadTest, ChunkedTransferEncoding) {
  const std::string body = "<html><body><p>The ferry to Kell resumed.</p></body></html>";
  const std::string chunked = "1a\r\n" + body.substr(0, 26) + "\r\n" + "6;ext=1\r\n" +
                              body.substr(26, 6) + "\r\n" +
                              [&] {
                                char size[16];
                                std::snprintf(size, sizeof size, "%zx", body.size() - 32);
                                return std::string(size);
                              }() +
                              "\r\n" + body.substr(32) + "\r\n0\r\n\r\n";
  const Records records = ReadBytes(
      Record(Response(Http(200, "text/html", chunked, "Transfer-Encoding: chunked\r\n"))));
  ASSERT_EQ(records.documents.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.documents[0].text, body);
}

TEST(WarcReadTest, ChunkedHeaderOnADecodedBodyWarns) {
  const Records records = ReadBytes(
      Record(Response(Http(200, "text/html", kOtherPage, "Transfer-Encoding: chunked\r\n"))));
  ASSERT_EQ(records.documents.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.documents[0].text, kOtherPage);
  ASSERT_EQ(records.documents[0].warnings.size(), 1u);
  EXPECT_EQ(records.documents[0].warnings[0].code, "transfer_encoding");
}

TEST(WarcReadTest, GzipAndDeflateContentEncodings) {
  const std::string bytes =
      Record(Response(Http(200, "text/html", Gzip(kOtherPage), "Content-Encoding: gzip\r\n"), 1)) +
      Record(Response(Http(200, "text/html", Gzip(kPage), "Content-Encoding: x-gzip\r\n"), 2)) +
      Record(Response(Http(200, "text/html", Deflate(kOtherPage), "Content-Encoding: deflate\r\n"),
                      3));
  const Records records = ReadBytes(bytes);
  ASSERT_EQ(records.documents.size(), 3u) << Rejections(records);
  EXPECT_EQ(records.documents[0].text, kOtherPage);
  EXPECT_NE(records.documents[1].text.find("Port Alden"), std::string::npos);
  EXPECT_EQ(records.documents[2].text, kOtherPage);
}

TEST(WarcReadTest, BrotliIsRejectedAndTheRestRead) {
  const std::string first =
      Record(Response(Http(200, "text/html", "\x1b\x2f\x00\xf8", "Content-Encoding: br\r\n"), 1));
  const Records records =
      ReadBytes(first + Record(Response(Http(200, "text/html", kOtherPage), 2)));
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@0");
  EXPECT_EQ(records.rejected[0].reason, "unsupported content encoding br");
  ASSERT_EQ(records.documents.size(), 1u);
}

TEST(WarcReadTest, Non2xxResponsesAreSkippedAndCounted) {
  const std::string bytes =
      Record(Response(Http(404, "text/html", "<html><body>Not found</body></html>"), 1)) +
      Record(Response(Http(301, "text/html", "", "Location: https://news.example.org/x\r\n"), 2)) +
      Record(Response(Http(404, "text/html", "<html><body>Gone</body></html>"), 3)) +
      Record(Response(Http(200, "text/html", kOtherPage), 4));
  const Records records = ReadBytes(bytes);
  ASSERT_EQ(records.documents.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.documents[0].url, "https://news.example.org/story-4");
  EXPECT_TRUE(records.rejected.empty());
  EXPECT_EQ(records.skipped, (std::map<std::string, uint64_t>{{"HTTP 301", 1}, {"HTTP 404", 2}}));
}

TEST(WarcReadTest, HtmlIsSniffedWithoutContentType) {
  const std::string bytes =
      Record(Response(Http(200, "", "  <!doctype html><html><body>Quay closed</body></html>"), 1)) +
      Record(Response(Http(200, "", "just some plain words"), 2));
  const Records records = ReadBytes(bytes);
  ASSERT_EQ(records.documents.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.documents[0].url, "https://news.example.org/story-1");
  EXPECT_EQ(records.skipped, (std::map<std::string, uint64_t>{{"not HTML", 1}}));
}

TEST_F(WarcTest, TruncatedLastRecordIsRejectedWithItsOffset) {
  const std::string first = Gzip(Record(Response(Http(200, "text/html", kPage), 1)));
  const std::string second = Gzip(Record(Response(Http(200, "text/html", kOtherPage), 2)));
  const std::string path = Write("cut.warc.gz", first + second.substr(0, second.size() / 2));
  const Records records = ReadPath(path);
  ASSERT_EQ(records.documents.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.documents[0].url, "https://news.example.org/story-1");
  ASSERT_EQ(records.rejected.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.rejected[0].origin, path + "@" + std::to_string(first.size()));
  EXPECT_NE(records.rejected[0].reason.find("truncated"), std::string::npos)
      << records.rejected[0].reason;
}

TEST(WarcReadTest, TruncatedUncompressedRecord) {
  const std::string first = Record(Response(Http(200, "text/html", kPage), 1));
  const std::string second = Record(Response(Http(200, "text/html", kOtherPage), 2));
  const Records records = ReadBytes(first + second.substr(0, second.size() - 20));
  ASSERT_EQ(records.documents.size(), 1u);
  ASSERT_EQ(records.rejected.size(), 1u);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@" + std::to_string(first.size()));
  EXPECT_NE(records.rejected[0].reason.find("truncated"), std::string::npos);
}

TEST(WarcReadTest, TruncatedWholeFileGzip) {
  const std::string first = Record(Response(Http(200, "text/html", kPage), 1));
  const std::string second = Record(Response(Http(200, "text/html", std::string(kOtherPage)), 2));
  std::string whole = Gzip(first + second);
  whole.resize(whole.size() - 30);
  const Records records = ReadBytes(whole);
  ASSERT_EQ(records.documents.size(), 1u) << Rejections(records);
  ASSERT_EQ(records.rejected.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@" + std::to_string(first.size()));
  EXPECT_NE(records.rejected[0].reason.find("truncated"), std::string::npos);
}

TEST(WarcReadTest, CorruptMiddleMemberIsRejectedAndTheNextRead) {
  // A long page, so that its member has deflate data to damage.
  std::string long_page = "<html><body>";
  for (int i = 0; i < 200; ++i) {
    long_page += "<p>Paragraph " + std::to_string(i * 7919 % 1000) + " of the inquiry.</p>";
  }
  long_page += "</body></html>";
  const std::string first = Gzip(Record(Response(Http(200, "text/html", kPage), 1)));
  std::string second = Gzip(Record(Response(Http(200, "text/html", long_page), 2)));
  const std::string third = Gzip(Record(Response(Http(200, "text/html", kOtherPage), 3)));
  for (size_t i = second.size() / 3; i < second.size() / 3 + 16; ++i) second[i] ^= 0x5a;
  const Records records = ReadBytes(first + second + third);
  ASSERT_EQ(records.documents.size(), 2u) << Rejections(records);
  EXPECT_EQ(records.documents[0].url, "https://news.example.org/story-1");
  EXPECT_EQ(records.documents[1].url, "https://news.example.org/story-3");
  EXPECT_EQ(records.documents[1].origin,
            "mem.warc@" + std::to_string(first.size() + second.size()));
  ASSERT_EQ(records.rejected.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@" + std::to_string(first.size()));
  EXPECT_NE(records.rejected[0].reason.find("corrupt gzip member"), std::string::npos)
      << records.rejected[0].reason;
}

TEST(WarcReadTest, ContentLengthTooLongInAnUncompressedFile) {
  RecordSpec spec = Response(Http(200, "text/html", kPage), 1);
  spec.content_length = spec.block.size() + 40;
  const std::string first = Record(spec);
  const std::string second = Record(Response(Http(200, "text/html", kOtherPage), 2));
  const Records records = ReadBytes(first + second);
  ASSERT_EQ(records.rejected.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@0");
  EXPECT_NE(records.rejected[0].reason.find("Content-Length"), std::string::npos);
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].origin, "mem.warc@" + std::to_string(first.size()));
}

TEST(WarcReadTest, ContentLengthTooShort) {
  RecordSpec spec = Response(Http(200, "text/html", kPage), 1);
  spec.content_length = spec.block.size() - 25;
  const std::string first = Record(spec);
  const std::string second = Record(Response(Http(200, "text/html", kOtherPage), 2));
  const Records records = ReadBytes(first + second);
  ASSERT_EQ(records.rejected.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@0");
  EXPECT_NE(records.rejected[0].reason.find("does not end where the record ends"),
            std::string::npos);
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].url, "https://news.example.org/story-2");
}

TEST(WarcReadTest, ContentLengthPastItsGzipMember) {
  RecordSpec spec = Response(Http(200, "text/html", kPage), 1);
  spec.content_length = spec.block.size() + 10;
  const std::string first = Gzip(Record(spec));
  const std::string second = Gzip(Record(Response(Http(200, "text/html", kOtherPage), 2)));
  const Records records = ReadBytes(first + second);
  ASSERT_EQ(records.rejected.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@0");
  EXPECT_NE(records.rejected[0].reason.find("gzip member"), std::string::npos);
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].origin, "mem.warc@" + std::to_string(first.size()));
}

TEST(WarcReadTest, RecordOverTheLimitIsSkippedUnread) {
  std::string big = "<html><body>";
  big += std::string(5000, 'x');
  big += "</body></html>";
  const std::string first = Record(Response(Http(200, "text/html", big), 1));
  const std::string second = Record(Response(Http(200, "text/html", kOtherPage), 2));
  Options options;
  options.max_record_bytes = 1000;
  const Records records = ReadBytes(first + second, options);
  ASSERT_EQ(records.rejected.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@0");
  EXPECT_NE(records.rejected[0].reason.find("larger than the limit of 1000 bytes"),
            std::string::npos);
  ASSERT_EQ(records.documents.size(), 1u);
  EXPECT_EQ(records.documents[0].url, "https://news.example.org/story-2");
}

TEST(WarcReadTest, GarbageBetweenRecordsIsRejectedOnce) {
  const std::string first = Record(Response(Http(200, "text/html", kPage), 1));
  const std::string garbage = "this line is not a WARC record\r\nnor this one\r\n";
  const std::string second = Record(Response(Http(200, "text/html", kOtherPage), 2));
  const Records records = ReadBytes(first + garbage + second);
  ASSERT_EQ(records.documents.size(), 2u) << Rejections(records);
  ASSERT_EQ(records.rejected.size(), 1u) << Rejections(records);
  EXPECT_EQ(records.rejected[0].origin, "mem.warc@" + std::to_string(first.size()));
  EXPECT_NE(records.rejected[0].reason.find("not a WARC record"), std::string::npos);
}

TEST(WarcReadTest, EmptyAndNonWarcInputs) {
  Records empty = ReadBytes("");
  ASSERT_EQ(empty.rejected.size(), 1u);
  EXPECT_EQ(empty.rejected[0].origin, "mem.warc");
  EXPECT_NE(empty.rejected[0].reason.find("empty"), std::string::npos);
  Records text = ReadBytes("Dockers voted on Friday.\n");
  ASSERT_EQ(text.rejected.size(), 1u);
  EXPECT_EQ(text.rejected[0].origin, "mem.warc@0");
  EXPECT_TRUE(text.documents.empty());
}

TEST(WarcReadTest, ServerErrorAndOtherRecordTypesAreCounted) {
  const std::string bytes = Record(Other("revisit")) + Record(Other("resource")) +
                            Record(Other("conversion")) +
                            Record(Response(Http(503, "text/html", "<html></html>"), 2));
  const Records records = ReadBytes(bytes);
  EXPECT_TRUE(records.documents.empty());
  EXPECT_TRUE(records.rejected.empty()) << Rejections(records);
  EXPECT_EQ(records.skipped,
            (std::map<std::string, uint64_t>{
                {"revisit", 1}, {"resource", 1}, {"conversion", 1}, {"HTTP 503", 1}}));
}

TEST(HttpTest, ParsesStatusHeadersAndContentType) {
  Result<HttpResponse> response = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=\"ISO-8859-1\"\r\n\r\nbody");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 200);
  ASSERT_NE(response->Header("content-type"), nullptr);
  EXPECT_EQ(MediaType(*response->Header("content-type")), "text/html");
  EXPECT_EQ(CharsetParameter(*response->Header("content-type")), "ISO-8859-1");
  EXPECT_EQ(response->body, "body");
  EXPECT_EQ(CharsetParameter("text/html; q=1; Charset=windows-1252"), "windows-1252");
  EXPECT_EQ(CharsetParameter("text/html"), "");
  EXPECT_FALSE(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n").ok());
}

}  // namespace
}  // namespace storyline::ingest
