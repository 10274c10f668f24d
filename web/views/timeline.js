// views/timeline.js: a story's timeline (its "timeline" items) as a d3 chart:
// one point per dated item on a time axis, items of one date stacked,
// coloured by kind (event or statement). Hovering, focusing or clicking a
// point shows its text and sources below the chart; undated items (and
// dates the chart cannot place) are listed apart.
(function (storyline) {
  "use strict";

  const { el, append } = storyline.dom;

  const MARGIN = { top: 14, right: 24, bottom: 28, left: 24 };
  const RADIUS = 6;
  const STEP = 2 * RADIUS + 3; // between the centres of stacked points
  const MAX_STACK_HEIGHT = 180; // taller stacks are squeezed
  const DAY_MS = 24 * 3600 * 1000;

  // A timeline date's first day, in UTC: ISO 8601 as precise as known
  // ("2025-03-04", "2025-03", "2025") or a TimeML week ("2025-W11",
  // "2025-W11-WE" for its weekend). null: not a date the chart can place.
  function firstDay(value) {
    let match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value || "");
    if (match) return new Date(Date.UTC(+match[1], (+match[2] || 1) - 1, +match[3] || 1));
    match = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value || "");
    if (!match) return null;
    const january4 = Date.UTC(+match[1], 0, 4); // ISO week 1 holds 4 January
    const mondayOfWeek1 = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
    const saturdayOffset = match[3] ? 5 : 0;
    return new Date(mondayOfWeek1 + ((+match[2] - 1) * 7 + saturdayOffset) * DAY_MS);
  }

  function isDay(value) {
    return /^\d{4}-\d{2}-\d{2}$/.test(value);
  }

  // Items with their date, and each one's place in the stack of its date.
  function placeItems(items) {
    const stacks = new Map();
    const placed = [];
    const apart = [];
    for (const item of items) {
      const day = item.date ? firstDay(item.date) : null;
      if (!day) {
        apart.push(item);
        continue;
      }
      const stack = stacks.get(item.date) || 0;
      stacks.set(item.date, stack + 1);
      placed.push({ item, day, stack });
    }
    return { placed, apart, tallest: Math.max(0, ...stacks.values()) };
  }

  function timeScale(placed, width) {
    const days = placed.map((point) => point.day.getTime());
    const first = Math.min(...days) - DAY_MS;
    const last = Math.max(...days) + DAY_MS;
    return d3.time.scale
      .utc()
      .domain([new Date(first), new Date(last)])
      .range([MARGIN.left, width - MARGIN.right]);
  }

  function itemLabel(item) {
    return `${item.date || "undated"}, ${item.kind}: ${item.text}`;
  }

  // Draws the chart into `chart` and returns nothing; `describe(item)` gives
  // the element that tells an item's text and sources.
  function drawChart(chart, placed, tallest, describe) {
    const width = Math.max(chart.clientWidth, 320);
    const x = timeScale(placed, width);
    const stackHeight = Math.min(Math.max(tallest, 3) * STEP, MAX_STACK_HEIGHT);
    const step = Math.min(STEP, stackHeight / tallest);
    const height = MARGIN.top + stackHeight + MARGIN.bottom;
    const baseline = height - MARGIN.bottom;
    const stackY = (point) => baseline - RADIUS - 3 - point.stack * step;
    const details = el("div", { class: "timeline-details", "aria-live": "polite" });

    const svg = d3
      .select(chart)
      .append("svg")
      .attr({ class: "timeline-chart", width, height, role: "group", "aria-label": "timeline" });
    svg
      .append("g")
      .attr({ class: "axis", transform: `translate(0,${baseline})` })
      .call(
        d3.svg
          .axis()
          .scale(x)
          .orient("bottom")
          .ticks(Math.max(2, Math.floor(width / 120))),
      );

    const points = svg
      .selectAll("circle.item")
      .data(placed)
      .enter()
      .append("circle")
      .attr({
        class: (point) => `item ${point.item.kind}${isDay(point.item.date) ? "" : " imprecise"}`,
        cx: (point) => x(point.day),
        cy: (point) => stackY(point),
        r: RADIUS,
        tabindex: 0,
        role: "button",
        "aria-label": (point) => itemLabel(point.item),
      });
    points.append("title").text((point) => itemLabel(point.item));
    const ring = svg.append("circle").attr({ class: "selection-ring", r: RADIUS + 3 });

    const select = (point) => {
      points.classed("selected", (other) => other === point);
      ring.attr({ cx: x(point.day), cy: stackY(point) });
      details.replaceChildren(describe(point.item));
    };
    points.on("mouseenter", select).on("focus", select).on("click", select);
    points.on("keydown", (point) => {
      if (d3.event.key === "Enter" || d3.event.key === " ") select(point);
    });

    chart.append(details);
    select(placed[0]);
  }

  function legend() {
    return el(
      "p",
      { class: "legend" },
      el("span", { class: "swatch event" }),
      " event ",
      el("span", { class: "swatch statement" }),
      " dated statement ",
      el("span", { class: "swatch imprecise" }),
      " hollow: known to the week, month or year only",
    );
  }

  // The timeline section's content: legend, chart and details, undated
  // items. `describe(item)` renders one item's text and sources. The chart
  // is drawn by draw(), once the element is in the page: its width is its box's.
  function timeline(items, describe) {
    const { placed, apart, tallest } = placeItems(items);
    const container = el("div", { class: "timeline" });
    const chart = el("div", { class: "timeline-chart-box" });
    if (placed.length > 0) {
      append(container, legend(), chart);
    } else {
      append(container, el("p", { class: "empty" }, "No dated events or statements."));
    }
    if (apart.length > 0) {
      append(
        container,
        el("h3", {}, "Undated"),
        el(
          "ul",
          { class: "undated" },
          apart.map((item) => el("li", {}, describe(item))),
        ),
      );
    }
    return { element: container, draw: () => placed.length > 0 && drawChart(chart, placed, tallest, describe) };
  }

  storyline.views = storyline.views || {};
  storyline.views.timeline = timeline;
})((window.storyline = window.storyline || {}));
