// readability.mjs: Mozilla Readability (the reader view of Firefox) on jsdom,
// run as a peer of storyline's HTML extractor on the same pages, so that both
// are scored by the same code (src/pipeline/html_eval.h; eval/README.md).
//
//   node readability.mjs [JOBS.json] > results.jsonl     (JOBS.json, or stdin)
//
// Input: a JSON list of {"id", "path", "url"}; path is a page file, gzip or not.
// Output, one line per job, in order:
//   {"id", "text", "title", "author", "date", "seconds"}
// text is Readability's textContent (null when it finds no article), title its
// title, author its byline, date its publishedTime (null when absent);
// seconds is the process CPU time spent parsing the page (jsdom, which sniffs
// the charset of the bytes as a browser does) and running Readability on it.
// A page that fails gives {"id", "text": null, "error"}.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

function CpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function ReadPage(path) {
  const bytes = readFileSync(path);
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

function ValidUrl(url) {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

function Extract(job) {
  const bytes = ReadPage(job.path);
  const start = CpuSeconds();
  // A silent console: jsdom reports every CSS rule it cannot parse.
  const dom = new JSDOM(bytes, { url: ValidUrl(job.url), virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document).parse();
  const seconds = CpuSeconds() - start;
  dom.window.close();
  return {
    id: job.id,
    text: article?.textContent ?? null,
    title: article?.title || null,
    author: article?.byline || null,
    date: article?.publishedTime || null,
    seconds,
  };
}

function Main() {
  const file = process.argv[2];
  const jobs = JSON.parse(readFileSync(file && file !== "-" ? file : 0, "utf8"));
  for (const job of jobs) {
    let result;
    try {
      result = Extract(job);
    } catch (error) {
      result = { id: job.id, text: null, error: String(error?.message ?? error) };
    }
    process.stdout.write(JSON.stringify(result) + "\n");
  }
}

Main();
