#!/usr/bin/env python3
"""readability_lxml.py: readability-lxml (Debian's python3-readability), a
Python port of Arc90's readability, run as a peer of storyline's HTML
extractor on the same pages, scored by the same code (src/pipeline/html_eval.h;
eval/README.md).

    /usr/bin/python3 readability_lxml.py [JOBS.json] > results.jsonl   (JOBS.json, or stdin)
    /usr/bin/python3 readability_lxml.py --version

Input: a JSON list of {"id", "path", "url"}; path is a page file, gzip or not.
Output, one line per job, in order:
    {"id", "text", "title", "author": null, "date": null, "seconds"}
text is the text content (lxml's text_content()) of Document(bytes).summary(),
title Document.short_title(); readability-lxml reads no author or date.
Document is given the page's bytes and finds their charset itself (meta
charset, else chardet when installed). seconds is the process CPU time spent
parsing the page and summarising it. A page that fails gives
{"id", "text": null, "error"}.
"""
import gzip
import json
import sys
import time

import lxml.html
from readability import Document


def version():
    try:
        from importlib.metadata import version as installed

        return installed("readability-lxml")
    except Exception:  # pylint: disable=broad-except
        return "unknown"


def read_page(path):
    with open(path, "rb") as handle:
        data = handle.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def extract(job):
    data = read_page(job["path"])
    start = time.process_time()
    document = Document(data, url=job.get("url") or None)
    summary = document.summary()
    text = lxml.html.fromstring(summary).text_content() if summary.strip() else None
    title = document.short_title() or None
    seconds = time.process_time() - start
    return {"id": job["id"], "text": text, "title": title, "author": None, "date": None,
            "seconds": seconds}


def main():
    if sys.argv[1:] == ["--version"]:
        print(version())
        return
    path = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "-" else None
    jobs = json.load(open(path, encoding="utf-8") if path else sys.stdin)
    for job in jobs:
        try:
            result = extract(job)
        except Exception as error:  # pylint: disable=broad-except
            result = {"id": job["id"], "text": None, "error": str(error)}
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
