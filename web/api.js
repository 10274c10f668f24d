// api.js: the data layer. Views ask it for stories, articles and search
// results in the shapes of docs/api.md, and never know where they come from:
//   - served (`storyline serve`): fetched from /api/…;
//   - static (`storyline report --html`): read from window.STORYLINE_DATA,
//     {"stories": <GET /api/stories, all stories>, "story": {ID: <GET
//     /api/stories/ID>}, "articles": {ID: <GET /api/articles/ID>},
//     "search": null}, where there is no full-text index: the story list is
//     filtered on label and brief text instead, and search() gives null.
// Every function returns a promise; failures reject with an ApiError whose
// message is the server's {"error"} (or says why there was no answer).
(function (storyline) {
  "use strict";

  const DEFAULT_LIMIT = 50;

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.name = "ApiError";
      this.status = status; // HTTP status; 0 when no answer came
    }
  }

  function isStatic() {
    return typeof window.STORYLINE_DATA === "object" && window.STORYLINE_DATA !== null;
  }

  // Server mode.

  function queryString(params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== "") query.set(name, value);
    }
    const text = query.toString();
    return text ? "?" + text : "";
  }

  async function getJson(path, params) {
    let response;
    try {
      response = await fetch(path + queryString(params), { headers: { Accept: "application/json" } });
    } catch (error) {
      throw new ApiError(0, `The server did not answer (${error.message}).`);
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(response.status, `The server answered ${response.status} without JSON.`);
    }
    if (!response.ok) throw new ApiError(response.status, body.error || `HTTP ${response.status}`);
    return body;
  }

  // Static mode.

  function data() {
    return window.STORYLINE_DATA;
  }

  function words(text) {
    return (text || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  // Without a full-text index, a story matches when its label and brief
  // hold every word of the query.
  function storyMatches(row, queryWords) {
    const story = data().story[row.id];
    const haystack = [row.label, story && story.brief && story.brief.text].join(" ").toLowerCase();
    return queryWords.every((word) => haystack.includes(word.replace(/\*$/, "")));
  }

  // As the server: a story with an article published within [from, to].
  function storyPublishedWithin(row, from, to) {
    const story = data().story[row.id];
    const articles = (story && story.articles) || [];
    return articles.some(
      (article) => article.published && (!from || article.published >= from) && (!to || article.published <= to),
    );
  }

  // As the server: a story with a reported event whose source or target
  // code starts with `actor`.
  function storyHasActor(row, actor) {
    const story = data().story[row.id];
    const events = (story && story.events) || [];
    return events.some((event) => [event.source, event.target].some((code) => code && code.startsWith(actor)));
  }

  function pageNumber(value, fallback) {
    const number = Number(value);
    return Number.isInteger(number) && number >= 0 ? number : fallback;
  }

  function staticStories(params) {
    const queryWords = words(params.q);
    const stories = data().stories.stories.filter(
      (row) =>
        (queryWords.length === 0 || storyMatches(row, queryWords)) &&
        (!(params.from || params.to) || storyPublishedWithin(row, params.from, params.to)) &&
        (!params.actor || storyHasActor(row, params.actor)),
    );
    const offset = pageNumber(params.offset, 0);
    const limit = pageNumber(params.limit, DEFAULT_LIMIT) || DEFAULT_LIMIT;
    return { total: stories.length, offset, limit, stories: stories.slice(offset, offset + limit) };
  }

  function staticItem(collection, id, what) {
    const item = data()[collection][id];
    if (!item) throw new ApiError(404, `This report holds no ${what} ${id}.`);
    return item;
  }

  // The data layer.

  storyline.api = {
    ApiError,
    isStatic,

    // GET /api/stories: {offset, limit, from, to, actor, q} -> {total, offset, limit, stories}
    async stories(params) {
      return isStatic() ? staticStories(params) : getJson("/api/stories", params);
    },

    // GET /api/stories/{id}
    async story(id) {
      return isStatic() ? staticItem("story", id, "story") : getJson(`/api/stories/${encodeURIComponent(id)}`);
    },

    // GET /api/articles/{id}
    async article(id) {
      return isStatic() ? staticItem("articles", id, "article") : getJson(`/api/articles/${encodeURIComponent(id)}`);
    },

    // GET /api/search: {q, offset, limit} -> {query, total, results}; null
    // in static mode, which has no full-text index.
    async search(params) {
      return isStatic() ? null : getJson("/api/search", params);
    },
  };
})((window.storyline = window.storyline || {}));
