// End-to-end test of the web app (web/): `storyline serve` on the demo
// corpus, the app in headless Chromium (Debian's, driven by playwright-core).
// Each page is checked against what the API answers for it.
//
//   STORYLINE_BUILD   the build folder (default: build)
//   STORYLINE_SCREENSHOT  where to write the story page's screenshot
//                         (tests/web/run --screenshot: docs/images/story.png)
//
// Run through tests/web/run, which installs what is missing.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const storyline = resolve(repo, process.env.STORYLINE_BUILD || "build", "storyline");
const DAM_STORY = "Dam failure on Sendra River floods delta towns, at least 14 dead";
// The demo story with coded events between actors, so with a network.
const STRIKE_STORY = "Portvale dockworkers walk out, bringing Calvessa's busiest port to a standstill";

let workDir;
let server;
let baseUrl;
let browser;
let page;
const pageErrors = [];

// Starts `storyline serve` on any free port; resolves with its address,
// read from the line it prints once listening.
function startServer(db) {
  return new Promise((resolvePromise, reject) => {
    server = spawn(storyline, ["serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    let printed = "";
    const timer = setTimeout(() => reject(new Error(`storyline serve printed no address: ${printed}`)), 10000);
    server.on("exit", (code) => reject(new Error(`storyline serve exited with ${code}`)));
    server.stdout.on("data", (chunk) => {
      printed += chunk;
      const address = /on (http:\/\/[^\s/]+)\//.exec(printed);
      if (address) {
        clearTimeout(timer);
        resolvePromise(address[1]);
      }
    });
  });
}

async function apiGet(path) {
  const response = await fetch(baseUrl + path);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return response.json();
}

async function storyIdByLabel(label) {
  const answer = await apiGet("/api/stories?limit=500");
  const story = answer.stories.find((row) => row.label === label);
  assert.ok(story, `no story labelled ${label}`);
  return story.id;
}

// Loads the app afresh at a route: a change of hash alone would leave the
// last page in view until the new one is loaded, and waits could see it.
async function openRoute(route) {
  await page.goto("about:blank");
  await page.goto(`${baseUrl}/${route}`);
}

async function openStory(label) {
  await openRoute("#/");
  await page.getByRole("link", { name: label, exact: true }).click();
  await page.locator(".brief-sentences").waitFor();
}

// The text the article view marks as the target, once it is shown.
async function highlightedText() {
  const mark = page.locator(".article-text mark#highlight");
  await mark.waitFor();
  return (await page.locator(".article-text mark").allTextContents()).join("\n");
}

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "storyline-web-"));
  const db = join(workDir, "demo.db");
  // Relative, as a user would type it: origins (shown for articles without
  // an outlet) are then examples/demo/….
  execFileSync(storyline, ["analyze", "examples/demo", "--db", db], { cwd: repo, stdio: "ignore" });
  baseUrl = await startServer(db);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    // Chromium's sandbox cannot start as root (containers, CI).
    args: process.getuid() === 0 ? ["--no-sandbox"] : [],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterEach(() => assert.deepEqual(pageErrors.splice(0), [], "errors in the page"));

after(async () => {
  await browser?.close();
  if (server) {
    server.removeAllListeners("exit");
    server.kill("SIGTERM");
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("the list shows every demo story, as the API lists them", async () => {
  const answer = await apiGet("/api/stories");
  await openRoute("#/");
  await page.locator("table.stories").waitFor();
  const labels = await page.locator("table.stories tbody tr td:first-child").allTextContents();
  assert.deepEqual(
    labels,
    answer.stories.map((story) => story.label || "(untitled story)"),
  );
  assert.ok(labels.includes(DAM_STORY));
  assert.equal(await page.locator("table.stories caption").textContent(), `${answer.total} stories`);
});

test("a search lists matching stories and snippets, and a match opens its article marked", async () => {
  await openRoute("#/");
  await page.getByLabel("Search").fill("Orrin Gap");
  await page.getByRole("button", { name: "Search" }).click();
  await page.locator(".match-list").waitFor();
  assert.match(page.url(), /#\/\?q=Orrin\+Gap$/);

  const labels = await page.locator("table.stories tbody tr td:first-child").allTextContents();
  assert.ok(labels.includes(DAM_STORY), labels.join(" | "));
  const search = await apiGet("/api/search?q=Orrin%20Gap&limit=20");
  assert.ok(search.total > 0);
  assert.equal(await page.locator(".match-list > li").count(), search.results.length);
  const marked = new Set(await page.locator(".match-list .snippet mark").allTextContents());
  assert.deepEqual([...marked].sort(), ["Gap", "Orrin"]);

  await page.locator(".match-list > li").first().getByRole("link").first().click();
  assert.match(await highlightedText(), /Orrin/);
  assert.match(page.url(), new RegExp(`#/article/${search.results[0].article}\\?mark=`));
});

test("an actor code filters the list to the stories whose events involve it", async () => {
  const answer = await apiGet("/api/stories?actor=BUS");
  assert.ok(answer.total > 0);
  await openRoute("#/");
  await page.locator("table.stories td.actors a", { hasText: "BUS" }).first().click();
  await page.waitForURL(/#\/\?actor=BUS$/);
  await page.locator("table.stories caption", { hasText: `${answer.total} stor` }).waitFor();
  assert.deepEqual(
    await page.locator("table.stories tbody tr td:first-child").allTextContents(),
    answer.stories.map((story) => story.label),
  );
  assert.equal(await page.getByLabel("Actor code").inputValue(), "BUS");
});

test("a story page shows its timeline, brief, sources and actor network", async () => {
  const story = await apiGet(`/api/stories/${await storyIdByLabel(STRIKE_STORY)}`);
  await openStory(STRIKE_STORY);
  assert.equal(await page.locator("h1").textContent(), STRIKE_STORY);

  const dated = story.timeline.filter((item) => item.date);
  assert.ok(dated.length > 0);
  assert.equal(await page.locator(".timeline svg circle.item").count(), dated.length);
  await page.locator(".timeline svg circle.item.event").first().click();
  const event = story.timeline.find((item) => item.kind === "event");
  assert.equal(await page.locator(".timeline-details .text").textContent(), event.text);

  assert.deepEqual(
    await page.locator(".brief-sentences a.sentence").allTextContents(),
    story.brief.sentences.map((sentence) => sentence.text),
  );
  // The demo's text files name no outlet: the sources give their origin,
  // shown by its file name.
  const outlets = page.locator(".outlets > li > strong");
  assert.deepEqual(
    await outlets.evaluateAll((names) => names.map((name) => name.title)),
    story.sources.map((source) => source.outlet),
  );
  const shown = await outlets.allTextContents();
  story.sources.forEach((source, index) =>
    assert.ok(source.outlet.endsWith(`/${shown[index]}`) || source.outlet === shown[index]),
  );

  assert.ok(story.network.nodes.length > 0);
  assert.deepEqual(
    (await page.locator(".network .node text").allTextContents()).sort(),
    story.network.nodes.map((node) => node.id).sort(),
  );
  assert.equal(await page.locator(".network .edge text").count(), story.network.edges.length);
  assert.equal(
    await page.locator(".network .edge text").first().textContent(),
    story.network.edges[0].codes.join(", "),
  );

  if (process.env.STORYLINE_SCREENSHOT) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(repo, process.env.STORYLINE_SCREENSHOT) });
  }
});

test("clicking a brief sentence opens its article with that sentence in <mark>", async () => {
  const story = await apiGet(`/api/stories/${await storyIdByLabel(DAM_STORY)}`);
  await openStory(DAM_STORY);
  const sentence = story.brief.sentences[1];
  await page.locator(".brief-sentences a.sentence").nth(1).click();
  assert.equal(await highlightedText(), sentence.text);
  assert.ok(
    page
      .url()
      .endsWith(
        `#/article/${sentence.article}?sentence=${sentence.sentence}&begin=${sentence.begin}&end=${sentence.end}`,
      ),
    page.url(),
  );
  const article = await apiGet(`/api/articles/${sentence.article}`);
  assert.equal(await page.locator("h1").textContent(), article.title);
  assert.ok(await page.locator(".article-text mark#highlight").isVisible());
});

test("a timeline item's source opens its article with the item's sentence marked", async () => {
  const story = await apiGet(`/api/stories/${await storyIdByLabel(DAM_STORY)}`);
  await openStory(DAM_STORY);
  const item = story.timeline.find((entry) => entry.date);
  await page.locator(".timeline svg circle.item").first().click();
  await page.locator(".timeline-details .sources a").first().click();
  assert.equal(await highlightedText(), item.text);
});

test("highlights are byte ranges: a sentence after non-ASCII text is marked exactly", async () => {
  const story = await apiGet(`/api/stories/${await storyIdByLabel(DAM_STORY)}`);
  let target;
  for (const { id } of story.articles) {
    const article = await apiGet(`/api/articles/${id}`);
    const bytes = Buffer.from(article.text);
    const firstWide = bytes.findIndex((byte) => byte >= 0x80);
    const sentence = article.sentences.findIndex(([begin]) => firstWide >= 0 && begin > firstWide);
    if (sentence >= 0) {
      const [begin, end] = article.sentences[sentence];
      target = { id, sentence, text: bytes.subarray(begin, end).toString() };
      break;
    }
  }
  assert.ok(target, "no demo article of the story has non-ASCII text before a sentence");
  await openRoute(`#/article/${target.id}?sentence=${target.sentence}`);
  assert.equal(await highlightedText(), target.text);
});

test("an API error is shown to the user", async () => {
  await openRoute("#/story/s-0000000000000000");
  const error = page.locator("[role=alert]");
  await error.waitFor();
  assert.match(await error.textContent(), /no story with id 's-0000000000000000'/);
});

test("static mode reads window.STORYLINE_DATA, never the API, and escapes what it shows", async () => {
  const stories = await apiGet("/api/stories?limit=500");
  const story = {};
  for (const row of stories.stories) story[row.id] = await apiGet(`/api/stories/${row.id}`);
  const hostile = '<img src=x onerror="window.pwned=true">Flood <b>xyzzy</b>';
  const first = stories.stories[0];
  first.label = hostile;
  story[first.id].label = hostile;
  const data = { stories, story, articles: {}, search: null };

  const staticPage = await browser.newPage();
  const apiRequests = [];
  staticPage.on("request", (request) => request.url().includes("/api/") && apiRequests.push(request.url()));
  await staticPage.addInitScript((value) => (window.STORYLINE_DATA = value), data);
  await staticPage.goto(`${baseUrl}/#/?q=xyzzy`);
  await staticPage.locator("table.stories").waitFor();

  assert.deepEqual(await staticPage.locator("table.stories tbody tr td:first-child").allTextContents(), [hostile]);
  assert.equal(await staticPage.locator("table.stories img").count(), 0);
  assert.equal(await staticPage.evaluate(() => window.pwned), undefined);
  assert.match(await staticPage.locator(".note").textContent(), /no full-text search/);
  assert.ok(await staticPage.locator("body.static").isVisible());
  assert.deepEqual(apiRequests, []);
  await staticPage.close();
});

test("the app's files are served from the binary, d3 included", async () => {
  const d3 = await fetch(`${baseUrl}/assets/d3.min.js`);
  assert.equal(d3.status, 200);
  assert.equal(await d3.text(), readFileSync("/usr/share/javascript/d3/d3.min.js", "utf8"));
  for (const file of ["app.js", "api.js", "dom.js", "app.css", "views/story.js"]) {
    const response = await fetch(`${baseUrl}/${file}`);
    assert.equal(await response.text(), readFileSync(join(repo, "web", file), "utf8"), file);
  }
});
