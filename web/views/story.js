// views/story.js: one story (#/story/ID, GET /api/stories/{id}): its
// timeline, brief, sources, actor network and differences. Every fact links
// to the article view with the sentence it was read from highlighted.
(function (storyline) {
  "use strict";

  const { el, append, routeHash, articleHref, sourceHref, dateRange, describeDateHow } = storyline.dom;
  const api = storyline.api;

  const DIFFERENCE_TITLES = {
    quote_wording: "Worded differently",
    numbers: "Numbers differ",
    only_some: "Only some outlets carry it",
  };

  async function load(params, id) {
    return api.story(id);
  }

  function show(container, story) {
    document.title = `${story.label || "Story"} · storyline`;
    const names = articleNames(story);
    const timeline = storyline.views.timeline(story.timeline || [], (item) => timelineItem(item, names));
    const network = storyline.views.network(story.network, `arrow-${story.id}`);
    append(
      container,
      header(story),
      section("timeline", "Timeline", timeline.element),
      el(
        "div",
        { class: "columns" },
        section("brief", "Brief", brief(story.brief, names)),
        section("sources", "Sources", sources(story, names)),
      ),
      section("network", "Actor network", network.element),
      section("differences", "Where sources differ", differences(story.differences || [], names)),
    );
    timeline.draw();
    network.draw();
  }

  function section(name, title, ...content) {
    return el(
      "section",
      { class: `story-${name}`, "aria-labelledby": `${name}-title` },
      el("h2", { id: `${name}-title` }, title),
      content,
    );
  }

  // How to name an article: by its outlet, as the sources give it. The
  // sources name an article without an outlet by its origin, a file path:
  // shown by its file name (the whole path in the tooltip).
  function articleNames(story) {
    const withOutlet = new Set((story.articles || []).filter((article) => article.outlet).map((article) => article.id));
    const shownNames = new Map();
    const outlets = new Map();
    const titles = new Map();
    for (const source of story.sources || []) {
      const isOrigin = source.articles.every((article) => !withOutlet.has(article.id));
      shownNames.set(source.outlet, isOrigin ? fileName(source.outlet) : source.outlet);
      for (const article of source.articles) {
        outlets.set(article.id, source.outlet);
        titles.set(article.id, article.title);
      }
    }
    const outletName = (outlet) => shownNames.get(outlet) || outlet;
    return {
      outletName,
      outlet: (id) => (outlets.has(id) ? outletName(outlets.get(id)) : `article ${id}`),
      title: (id) => titles.get(id) || id,
    };
  }

  function fileName(origin) {
    return origin.slice(origin.lastIndexOf("/") + 1);
  }

  function header(story) {
    const counts = [
      `${(story.articles || []).length} articles`,
      `published ${dateRange(story.first_date, story.last_date)}`,
    ];
    if (story.first_event_date || story.last_event_date) {
      counts.push(`events ${dateRange(story.first_event_date, story.last_event_date)}`);
    }
    return el(
      "header",
      { class: "story-header" },
      el("p", { class: "crumbs" }, el("a", { href: "#/" }, "← All stories")),
      el("h1", { tabindex: -1 }, story.label || "(untitled story)"),
      el("p", { class: "meta" }, counts.join(" · ")),
      (story.actors || []).length > 0
        ? el(
            "p",
            { class: "actors" },
            "Actors: ",
            story.actors.map((code) => el("a", { href: routeHash("/", { actor: code }) }, el("code", {}, code))),
          )
        : null,
    );
  }

  // A fact's source as a link to its sentence: "Outlet".
  function sourceLink(source, names) {
    return el("a", { href: sourceHref(source), title: names.title(source.article) }, names.outlet(source.article));
  }

  function sourceLinks(sources, names) {
    return sources.flatMap((source, index) => [index > 0 ? ", " : null, sourceLink(source, names)]);
  }

  // Timeline.

  function timelineItem(item, names) {
    const what = item.kind === "event" ? eventLine(item) : null;
    return el(
      "div",
      { class: "timeline-item" },
      el(
        "p",
        { class: "when" },
        el("span", { class: `badge ${item.kind}` }, item.kind),
        " ",
        el("strong", {}, item.date || "undated"),
        item.date ? ` (date: ${describeDateHow(item.date_how)})` : null,
      ),
      what,
      el("p", { class: "text" }, item.text),
      (item.sources || []).length > 0
        ? el("p", { class: "sources" }, "Sources: ", sourceLinks(item.sources, names))
        : null,
    );
  }

  function eventLine(item) {
    return el(
      "p",
      { class: "event" },
      el("code", {}, item.source_actor || "?"),
      " → ",
      el("code", {}, item.target_actor || "?"),
      " · CAMEO ",
      el("code", {}, item.code),
    );
  }

  // Brief.

  function brief(summary, names) {
    if (!summary || summary.sentences.length === 0) return el("p", { class: "empty" }, "No brief.");
    return el(
      "ol",
      { class: "brief-sentences" },
      summary.sentences.map((sentence) =>
        el(
          "li",
          {},
          el("a", { class: "sentence", href: sourceHref(sentence) }, sentence.text),
          " ",
          el("span", { class: "outlet" }, "— ", names.outlet(sentence.article)),
          (sentence.also_in || []).length > 0
            ? el("span", { class: "also-in" }, " · also in ", sourceLinks(sentence.also_in, names))
            : null,
        ),
      ),
    );
  }

  // Sources.

  function sources(story, names) {
    const outlets = (story.sources || []).map((source) =>
      el(
        "li",
        {},
        el("strong", { title: source.outlet }, names.outletName(source.outlet)),
        source.first ? el("span", { class: "badge first" }, "first") : null,
        el(
          "ul",
          {},
          source.articles.map((article) =>
            el(
              "li",
              {},
              el("a", { href: articleHref(article.id) }, article.title || article.id),
              " ",
              el(
                "span",
                { class: "date", title: describeDateHow(article.published_how) },
                article.published || "undated",
              ),
            ),
          ),
        ),
      ),
    );
    return [
      el("ul", { class: "outlets" }, outlets),
      (story.copies || []).length > 0
        ? [
            el("h3", {}, "Copies"),
            el(
              "ul",
              { class: "copies" },
              story.copies.map((copy) => copyLine(copy, names)),
            ),
          ]
        : null,
    ];
  }

  function copyLine(copy, names) {
    const percent = `${Math.round(copy.share * 100)}%`;
    const carrier = el("a", { href: articleHref(copy.to), title: names.title(copy.to) }, names.outlet(copy.to));
    const original = el("a", { href: articleHref(copy.from), title: names.title(copy.from) }, names.outlet(copy.from));
    if (copy.direction_known) return el("li", {}, carrier, ` carries ${percent} copied from `, original);
    return el("li", {}, carrier, ` shares ${percent} of its text with `, original, " (which came first is not known)");
  }

  // Differences.

  function differences(list, names) {
    if (list.length === 0) {
      return el("p", { class: "empty" }, "The sources agree: no differing quotes or numbers found.");
    }
    return list.map((difference) =>
      el(
        "article",
        { class: `difference ${difference.kind}` },
        el(
          "h3",
          {},
          el("span", { class: "badge" }, DIFFERENCE_TITLES[difference.kind] || difference.kind),
          " ",
          difference.what,
        ),
        difference.kind === "only_some" ? onlySome(difference, names) : variantColumns(difference.variants, names),
      ),
    );
  }

  // The variants side by side, a column per outlet.
  function variantColumns(variants, names) {
    return el(
      "div",
      { class: "variants" },
      variants.map((variant) =>
        el(
          "figure",
          { class: "variant" },
          el("figcaption", {}, names.outlet(variant.source.article), variant.speaker ? ` · ${variant.speaker}` : null),
          el("blockquote", {}, el("a", { href: sourceHref(variant.source) }, variant.text)),
        ),
      ),
    );
  }

  function onlySome(difference, names) {
    const [quote, ...elsewhere] = difference.variants;
    const outletList = (outlets) =>
      outlets.map((outlet, index) => [
        index > 0 ? ", " : null,
        el("strong", { title: outlet }, names.outletName(outlet)),
      ]);
    return [
      quote ? variantColumns([quote], names) : null,
      el(
        "p",
        { class: "carriers" },
        "Carried by ",
        outletList(difference.carried_by || []),
        (difference.missing_from || []).length > 0 ? ["; missing from ", outletList(difference.missing_from)] : null,
        ".",
      ),
      elsewhere.length > 0
        ? [el("p", { class: "note" }, "Where the others carry it:"), variantColumns(elsewhere, names)]
        : null,
    ];
  }

  storyline.views = storyline.views || {};
  storyline.views.story = { load, show };
})((window.storyline = window.storyline || {}));
