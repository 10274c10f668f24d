// views/article.js: one article (#/article/ID, GET /api/articles/{id}):
// title, outlet, date and how it was found, the clean text, its quotes and
// events. The URL says what to highlight and scroll to:
//   ?sentence=N&begin=B&end=E  bytes B..E of the text (a fact's source),
//   ?sentence=N                the whole of sentence N,
//   ?mark=WORDS (repeatable)   every occurrence of the words (search matches).
(function (storyline) {
  "use strict";

  const { el, append, storyHref, articleHref, describeDateHow, utf16Offsets, utf8Length, markedParagraphs } =
    storyline.dom;
  const api = storyline.api;

  const TARGET_ID = "highlight";

  async function load(params, id) {
    return api.article(id);
  }

  function show(container, article, params) {
    document.title = `${article.title || article.id} · storyline`;
    const { ranges, problem } = highlightRanges(article, params);
    append(
      container,
      header(article),
      problem ? el("p", { class: "error", role: "alert" }, problem) : null,
      el("div", { class: "article-text" }, markedParagraphs(article.text, ranges)),
      quotes(article),
      events(article),
    );
    const target = document.getElementById(TARGET_ID);
    if (target) target.scrollIntoView({ block: "center" });
  }

  // The ranges to mark, in UTF-16 units, sorted and apart; and a message
  // when the URL asks for a passage this article does not have.
  function highlightRanges(article, params) {
    const bytes = byteRangeFromUrl(article, params);
    if (bytes === undefined) return { ranges: wordRanges(article.text, params.getAll("mark")) };
    if (bytes === null) return { ranges: [], problem: "The passage to highlight is not in this article's text." };
    const toUtf16 = utf16Offsets(article.text);
    return { ranges: [{ begin: toUtf16(bytes.begin), end: toUtf16(bytes.end), id: TARGET_ID }] };
  }

  // [begin, end) in bytes from begin/end, else from sentence; undefined when
  // the URL names neither, null when what it names is out of range.
  function byteRangeFromUrl(article, params) {
    const number = (name) => (params.has(name) && params.get(name) !== "" ? Number(params.get(name)) : undefined);
    let begin = number("begin");
    let end = number("end");
    const sentence = number("sentence");
    if (begin === undefined && end === undefined) {
      if (sentence === undefined) return undefined;
      const span = article.sentences[sentence];
      if (!span) return null;
      [begin, end] = span;
    }
    const valid = Number.isInteger(begin) && Number.isInteger(end) && begin >= 0 && begin < end;
    return valid && end <= utf8Length(article.text) ? { begin, end } : null;
  }

  // Every occurrence of the words, ignoring case, overlaps dropped (the
  // first gets the target id, to scroll to).
  function wordRanges(text, words) {
    const ranges = [];
    for (const word of words.filter(Boolean)) {
      const pattern = new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
      for (const match of text.matchAll(pattern)) {
        ranges.push({ begin: match.index, end: match.index + match[0].length });
      }
    }
    ranges.sort((a, b) => a.begin - b.begin || b.end - a.end);
    const apart = [];
    for (const range of ranges) {
      if (apart.length === 0 || range.begin >= apart[apart.length - 1].end) apart.push(range);
    }
    if (apart.length > 0) apart[0].id = TARGET_ID;
    return apart;
  }

  function header(article) {
    const published = article.published || {};
    const evidence = (published.evidence || []).map((phrase) => `“${phrase}”`).join(", ");
    return el(
      "header",
      { class: "article-header" },
      article.story ? el("p", { class: "crumbs" }, el("a", { href: storyHref(article.story) }, "← Story")) : null,
      el("h1", { tabindex: -1 }, article.title || "(untitled article)"),
      el(
        "p",
        { class: "meta" },
        el("strong", {}, article.outlet || "unknown outlet"),
        " · ",
        published.value || "date unknown",
        published.value ? ` (${describeDateHow(published.how)}${evidence ? ": " + evidence : ""})` : null,
      ),
      el(
        "p",
        { class: "origin" },
        isWebAddress(article.url)
          ? el("a", { href: article.url, rel: "noopener noreferrer" }, article.url)
          : article.origin,
      ),
    );
  }

  // Only http(s) addresses become links: a javascript: URL in the data would run.
  function isWebAddress(url) {
    return /^https?:\/\//i.test(url || "");
  }

  // A link that highlights a passage of this article.
  function passageLink(article, sentence, begin, end, text) {
    return el("a", { href: articleHref(article.id, { sentence, begin, end }) }, text);
  }

  function quotes(article) {
    if (article.quotes.length === 0) return null;
    return el(
      "section",
      { class: "article-quotes" },
      el("h2", {}, "Quotes"),
      el(
        "ul",
        {},
        article.quotes.map((quote) =>
          el(
            "li",
            {},
            el("span", { class: "badge" }, quote.kind),
            " ",
            quote.speaker ? el("strong", {}, quote.speaker.text) : el("em", {}, "unknown speaker"),
            quote.speaker && quote.speaker.code ? [" ", el("code", {}, quote.speaker.code)] : null,
            ": ",
            passageLink(article, quote.sentence, quote.begin, quote.end, quote.text),
          ),
        ),
      ),
    );
  }

  function actor(side) {
    if (!side) return el("em", {}, "none");
    return [side.text, side.code ? [" ", el("code", {}, side.code)] : null];
  }

  function events(article) {
    if (article.events.length === 0) return null;
    return el(
      "section",
      { class: "article-events" },
      el("h2", {}, "Events"),
      el(
        "ul",
        {},
        article.events.map((event) =>
          el(
            "li",
            {},
            el("code", {}, event.code),
            " ",
            actor(event.source),
            " → ",
            actor(event.target),
            event.date && event.date.value ? ` · ${event.date.value} (${describeDateHow(event.date.how)})` : null,
            event.negated ? " · negated" : null,
            event.modality && event.modality !== "asserted" ? ` · ${event.modality}` : null,
            " · ",
            passageLink(article, event.sentence, undefined, undefined, `sentence ${event.sentence + 1}`),
          ),
        ),
      ),
    );
  }

  storyline.views = storyline.views || {};
  storyline.views.article = { load, show };
})((window.storyline = window.storyline || {}));
