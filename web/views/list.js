// views/list.js: the story list (#/?q=&from=&to=&actor=&offset=&match_offset=):
// a search form, one row per story (GET /api/stories) and, for a query,
// the articles and quotes that match it (GET /api/search).
(function (storyline) {
  "use strict";

  const { el, append, trustedMarkup, routeHash, storyHref, articleHref, dateRange } = storyline.dom;
  const api = storyline.api;

  const STORIES_PER_PAGE = 50;
  const MATCHES_PER_PAGE = 20;

  async function load(params) {
    const filters = { q: params.get("q"), from: params.get("from"), to: params.get("to"), actor: params.get("actor") };
    const [stories, matches] = await Promise.all([
      api.stories({ ...filters, offset: params.get("offset"), limit: STORIES_PER_PAGE }),
      filters.q ? api.search({ q: filters.q, offset: params.get("match_offset"), limit: MATCHES_PER_PAGE }) : null,
    ]);
    return { filters, stories, matches };
  }

  function show(container, { filters, stories, matches }, params) {
    document.title = filters.q ? `${filters.q} · storyline` : "Stories · storyline";
    append(
      container,
      el("h1", { tabindex: -1 }, "Stories"),
      searchForm(filters),
      storyTable(stories, filters),
      pager(stories.total, stories.offset, stories.limit, (offset) => routeHash("/", { ...filters, offset })),
    );
    if (filters.q) append(container, matchesSection(matches, filters, params));
  }

  function searchForm(filters) {
    const field = (label, name, type, value) =>
      el("label", {}, label, el("input", { type, name, value: value || "", autocomplete: "off" }));
    const form = el(
      "form",
      { class: "filters", role: "search" },
      field("Search", "q", "search", filters.q),
      field("From", "from", "date", filters.from),
      field("To", "to", "date", filters.to),
      field("Actor code", "actor", "text", filters.actor),
      el("button", { type: "submit" }, "Search"),
      el("a", { href: "#/", class: "clear" }, "Clear"),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(form));
      location.hash = routeHash("/", {
        q: values.q.trim(),
        from: values.from,
        to: values.to,
        actor: values.actor.trim().toUpperCase(),
      });
    });
    return form;
  }

  function storyTable(answer, filters) {
    const filtered = Object.values(filters).some(Boolean);
    if (answer.stories.length === 0) {
      return el("p", { class: "empty" }, filtered ? "No story matches." : "No stories yet.");
    }
    return el(
      "table",
      { class: "stories" },
      el("caption", {}, `${answer.total} ${answer.total === 1 ? "story" : "stories"}`),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          ["Story", "Articles", "Outlets", "Published", "Main actors"].map((name) => el("th", { scope: "col" }, name)),
        ),
      ),
      el("tbody", {}, answer.stories.map(storyRow)),
    );
  }

  function storyRow(story) {
    return el(
      "tr",
      {},
      el("td", {}, el("a", { href: storyHref(story.id) }, story.label || "(untitled story)")),
      el("td", { class: "number" }, story.articles),
      el("td", { class: "number" }, story.outlets),
      el("td", { class: "dates" }, dateRange(story.first_date, story.last_date)),
      el(
        "td",
        { class: "actors" },
        (story.actors || []).map((code) => el("a", { href: routeHash("/", { actor: code }) }, el("code", {}, code))),
      ),
    );
  }

  // Previous / next buttons over a paged answer; hrefFor(offset) is the
  // route of another page.
  function pager(total, offset, limit, hrefFor) {
    if (offset === 0 && total <= limit) return null;
    const go = (target) => () => (location.hash = hrefFor(target));
    return el(
      "nav",
      { class: "pager", "aria-label": "pages" },
      el("button", { type: "button", disabled: offset <= 0, onclick: go(Math.max(0, offset - limit)) }, "Previous"),
      el("span", {}, `${offset + 1}–${Math.min(offset + limit, total)} of ${total}`),
      el("button", { type: "button", disabled: offset + limit >= total, onclick: go(offset + limit) }, "Next"),
    );
  }

  function matchesSection(matches, filters, params) {
    if (matches === null) {
      return el(
        "p",
        { class: "note" },
        "This offline report has no full-text search: stories are filtered by label and brief.",
      );
    }
    const section = el("section", { class: "matches" }, el("h2", {}, "Matches in articles and quotes"));
    if (matches.results.length === 0) {
      section.append(el("p", { class: "empty" }, `Nothing matches “${matches.query}”.`));
      return section;
    }
    const offset = Number(params.get("match_offset")) || 0;
    section.append(
      el("ol", { class: "match-list" }, matches.results.map(matchItem)),
      pager(matches.total, offset, MATCHES_PER_PAGE, (matchOffset) =>
        routeHash("/", { ...filters, offset: params.get("offset"), match_offset: matchOffset }),
      ),
    );
    return section;
  }

  function matchItem(match) {
    const snippet = trustedMarkup("p", match.snippet);
    snippet.className = "snippet";
    // The article view marks the words the search matched, as the snippet does.
    const marked = [...new Set([...snippet.querySelectorAll("mark")].map((mark) => mark.textContent))];
    return el(
      "li",
      {},
      el("span", { class: `badge ${match.kind}` }, match.kind),
      " ",
      el("a", { href: articleHref(match.article, { mark: marked }) }, match.title || match.article),
      match.outlet ? el("span", { class: "outlet" }, ` — ${match.outlet}`) : null,
      match.story ? [" · ", el("a", { href: storyHref(match.story), class: "story-link" }, "story")] : null,
      snippet,
    );
  }

  storyline.views = storyline.views || {};
  storyline.views.list = { load, show };
})((window.storyline = window.storyline || {}));
