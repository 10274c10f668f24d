#!/usr/bin/env python3
"""Writes crawl.warc.gz, the demo's small web archive: a WARC 1.1 file with
one gzip member per record, as Common Crawl writes them. It holds a
warcinfo record, a request, an HTML response (chunked), an image response,
a 404 response and a metadata record: one article, the rest skipped.
Run it from this folder to rewrite the file; the pages are ours."""
import gzip

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>What the river pact changes for Orvath's barges - Sendra Observer</title>
<meta property="og:site_name" content="Sendra Observer">
</head><body>
<div class="topnav"><a href="/">Sendra Observer</a> <a href="/analysis">Analysis</a> <a href="/weekend">Weekend</a></div>
<div class="newsletter-signup">Get the Weekend Observer in your inbox. <a href="/signup">Sign up</a></div>
<div class="post">
<h1>What the river pact changes for Orvath's barges</h1>
<div class="entry-content">
<p>ORVATH: For twenty years the barges of Orvath have turned back at the border. The shipping pact that Hathrin and Calvessa signed in Portvale on Wednesday lets them sail on to the sea.</p>
<p>Barge owners here expect the trip to Portvale's Terminal No. 3 to take two days, against five by road. Calvessa's transport minister, Ines Borrow, said a single customs check would be made at Orvath.</p>
<p>Not everyone is pleased. Calvessan dockworkers fear the new traffic will go to the automated cranes they struck against in March, and Hathrin's opposition wants parliament to vote on the deal.</p>
</div>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
</div>
<div class="footer">Sendra Observer - features and analysis</div>
</body></html>
"""

def chunked(body, size=300):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"

def record(kind, uri, date, payload, content_type, number):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\n"
            f"WARC-Record-ID: <urn:uuid:5e2d0c4a-7b1f-4c3e-9a60-00000000000{number}>\r\n"
            f"WARC-Date: {date}\r\n")
    if uri:
        head += f"WARC-Target-URI: {uri}\r\n"
    head += f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    return gzip.compress(head.encode() + payload + b"\r\n\r\n", mtime=0)

URL = "https://sendra-observer.example/2025/04/10/river-pact-orvath-barges"
DATE = "2025-04-11T06:12:40Z"
http_page = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             b"Transfer-Encoding: chunked\r\n\r\n" + chunked(PAGE.encode()))
http_image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 8\r\n\r\n\x89PNG\r\n\x1a\n"
http_missing = (b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 22\r\n\r\n"
                b"<html>Not found</html>")
records = [
    record("warcinfo", None, DATE, b"software: storyline demo\r\nformat: WARC File Format 1.1\r\n",
           "application/warc-fields", 1),
    record("request", URL, DATE, f"GET /2025/04/10/river-pact-orvath-barges HTTP/1.1\r\n"
           f"Host: sendra-observer.example\r\n\r\n".encode(), "application/http; msgtype=request", 2),
    record("response", URL, DATE, http_page, "application/http; msgtype=response", 3),
    record("response", "https://sendra-observer.example/img/barge.png", DATE, http_image,
           "application/http; msgtype=response", 4),
    record("response", "https://sendra-observer.example/old-page", DATE, http_missing,
           "application/http; msgtype=response", 5),
    record("metadata", URL, DATE, b"fetchTimeMs: 212\r\n", "application/warc-fields", 6),
]
with open("crawl.warc.gz", "wb") as out:
    out.write(b"".join(records))
