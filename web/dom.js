// dom.js: building the page safely, and what every view shares: links to
// the app's routes, dates, byte offsets, highlighted text.
// Data never goes through innerHTML: el() puts strings in as text nodes, so
// whatever an article says is shown, not run. The one exception is
// trustedMarkup(), for /api/search snippets, which the server escapes.
(function (storyline) {
  "use strict";

  // el("a", {href: "#/", class: "x", onclick: fn}, "text", child, [more]):
  // an element with attributes, listeners and children; strings become text
  // nodes, null/undefined/false children are skipped, arrays are flattened.
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith("on") && typeof value === "function") {
        element.addEventListener(name.slice(2), value);
      } else {
        element.setAttribute(name, value === true ? "" : String(value));
      }
    }
    append(element, children);
    return element;
  }

  // Appends children as el() does.
  function append(parent, ...children) {
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      parent.append(child instanceof Node ? child : String(child));
    }
    return parent;
  }

  // Markup the server has already escaped (a search snippet: text escaped
  // for HTML, matches in <mark>); nothing else may come here.
  function trustedMarkup(tag, markup) {
    const element = document.createElement(tag);
    element.innerHTML = markup;
    return element;
  }

  function errorBox(error) {
    return el("div", { class: "error", role: "alert" }, el("strong", {}, "Error: "), error.message);
  }

  // Routes (app.js reads them back).

  function routeHash(path, params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params || {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null && item !== "") query.append(name, item);
      }
    }
    const text = query.toString();
    return "#" + path + (text ? "?" + text : "");
  }

  function storyHref(id) {
    return routeHash(`/story/${encodeURIComponent(id)}`);
  }

  // An article, with a sentence and bytes of it to highlight (a fact's source:
  // {article, sentence, begin, end}) or words to mark (`mark`: search matches).
  function articleHref(id, highlight) {
    const { sentence, begin, end, mark } = highlight || {};
    return routeHash(`/article/${encodeURIComponent(id)}`, { sentence, begin, end, mark });
  }

  function sourceHref(source) {
    return articleHref(source.article, source);
  }

  // Dates.

  function dateRange(first, last) {
    if (!first && !last) return "undated";
    if (!first || !last || first === last) return first || last;
    return `${first} – ${last}`;
  }

  const DATE_HOW = {
    explicit: "stated in the text",
    metadata: "from the page's metadata",
    capture: "the day the page was captured",
    inferred: "inferred from dates in the text",
    timex: "a time expression of the sentence",
    publication: "the article's publication date",
    unknown: "not known",
  };

  function describeDateHow(how) {
    return DATE_HOW[how] || how;
  }

  // Byte offsets: the API counts bytes of UTF-8, JavaScript strings count
  // UTF-16 code units. utf16Offsets(text)(byteOffset) converts.
  function utf16Offsets(text) {
    const bytes = new TextEncoder().encode(text);
    const decoder = new TextDecoder();
    return (byteOffset) => decoder.decode(bytes.subarray(0, byteOffset)).length;
  }

  function utf8Length(text) {
    return new TextEncoder().encode(text).length;
  }

  // Text as paragraphs (one per line), with the ranges given in <mark>.
  // ranges: [{begin, end}] in UTF-16 units, sorted, not overlapping; the
  // first <mark> of each range gets the range's `id` when it has one.
  function markedParagraphs(text, ranges) {
    const pieces = [];
    let position = 0;
    for (const range of ranges) {
      if (range.begin > position) pieces.push({ text: text.slice(position, range.begin) });
      pieces.push({ text: text.slice(range.begin, range.end), range });
      position = range.end;
    }
    pieces.push({ text: text.slice(position) });

    // A piece may span lines: each line goes to its paragraph.
    const paragraphs = [el("p")];
    const rangesStarted = new Set();
    for (const piece of pieces) {
      piece.text.split("\n").forEach((line, index) => {
        if (index > 0) paragraphs.push(el("p"));
        if (!line) return;
        const paragraph = paragraphs[paragraphs.length - 1];
        if (piece.range) {
          const id = rangesStarted.has(piece.range) ? null : piece.range.id;
          rangesStarted.add(piece.range);
          paragraph.append(el("mark", { id }, line));
        } else {
          paragraph.append(line);
        }
      });
    }
    return paragraphs.filter((paragraph) => paragraph.childNodes.length > 0);
  }

  storyline.dom = {
    el,
    append,
    trustedMarkup,
    errorBox,
    routeHash,
    storyHref,
    articleHref,
    sourceHref,
    dateRange,
    describeDateHow,
    utf16Offsets,
    utf8Length,
    markedParagraphs,
  };
})((window.storyline = window.storyline || {}));
