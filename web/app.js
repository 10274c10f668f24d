// app.js: the router. The location's hash names the view and its
// parameters (#/, #/story/ID, #/article/ID?sentence=N&begin=B&end=E); on
// every change the view loads its data (views/*.js `load`, through api.js)
// and then builds the page (`show`). Loaded last: the views are defined.
(function (storyline) {
  "use strict";

  const { el, errorBox } = storyline.dom;
  const views = storyline.views;

  // [pattern of the hash's path, view]; captured groups are passed to the view.
  const ROUTES = [
    [/^\/$/, views.list],
    [/^\/story\/([^/]+)$/, views.story],
    [/^\/article\/([^/]+)$/, views.article],
  ];

  function parseHash(hash) {
    const text = hash.replace(/^#/, "") || "/";
    const question = text.indexOf("?");
    const path = question < 0 ? text : text.slice(0, question);
    const params = new URLSearchParams(question < 0 ? "" : text.slice(question + 1));
    return { path, params };
  }

  function findRoute(path) {
    for (const [pattern, view] of ROUTES) {
      const match = pattern.exec(path);
      if (match) return { view, args: match.slice(1).map(decodeURIComponent) };
    }
    return null;
  }

  // Each navigation gets a number; a load that finishes after a newer
  // navigation began is dropped, so a slow answer cannot replace the page.
  let navigation = 0;

  async function showRoute() {
    const current = ++navigation;
    const main = document.getElementById("view");
    const { path, params } = parseHash(location.hash);
    const route = findRoute(path);
    main.setAttribute("aria-busy", "true");
    try {
      if (!route) throw new Error(`No page at ${path}.`);
      const data = await route.view.load(params, ...route.args);
      if (current !== navigation) return;
      main.replaceChildren();
      window.scrollTo(0, 0);
      route.view.show(main, data, params);
    } catch (error) {
      if (current !== navigation) return;
      document.title = "Error · storyline";
      main.replaceChildren(errorBox(error), el("p", {}, el("a", { href: "#/" }, "All stories")));
    } finally {
      if (current === navigation) main.removeAttribute("aria-busy");
    }
    const heading = main.querySelector("h1");
    if (heading && current === navigation) heading.focus({ preventScroll: true });
  }

  function start() {
    if (storyline.api.isStatic()) document.body.classList.add("static");
    window.addEventListener("hashchange", showRoute);
    showRoute();
  }

  // A report may define STORYLINE_DATA in any script of the page: start once
  // all of them have run.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})((window.storyline = window.storyline || {}));
