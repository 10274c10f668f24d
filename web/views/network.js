// views/network.js: a story's actor network ("network": actor codes and the
// reported events between them) as a d3 force layout: a node per actor code,
// sized by its events; an arrow per source -> target pair, labelled with its
// CAMEO event codes. Nodes can be dragged.
(function (storyline) {
  "use strict";

  const { el } = storyline.dom;

  const MAX_HEIGHT = 380;
  const MAX_CODES_SHOWN = 3;

  function codesLabel(codes) {
    const shown = codes.slice(0, MAX_CODES_SHOWN).join(", ");
    return codes.length > MAX_CODES_SHOWN ? `${shown} +${codes.length - MAX_CODES_SHOWN}` : shown;
  }

  // d3's force layout wants links between node objects; an edge naming a
  // code the nodes lack gets a node of its own (no events counted).
  function layoutGraph(network) {
    const nodes = network.nodes.map((node) => ({ id: node.id, events: node.events }));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const nodeOf = (id) => {
      if (!byId.has(id)) {
        byId.set(id, { id, events: 0 });
        nodes.push(byId.get(id));
      }
      return byId.get(id);
    };
    const links = network.edges.map((edge) => ({
      source: nodeOf(edge.source),
      target: nodeOf(edge.target),
      events: edge.events,
      codes: edge.codes || [],
    }));
    return { nodes, links };
  }

  // Nodes start on a circle (d3 would place them at random), so the same
  // story always gets the same picture.
  function placeOnCircle(nodes, width, height) {
    const radius = Math.min(width, height) / 3;
    nodes.forEach((node, index) => {
      const angle = (2 * Math.PI * index) / nodes.length;
      node.x = width / 2 + radius * Math.cos(angle);
      node.y = height / 2 + radius * Math.sin(angle);
    });
  }

  function drawNetwork(box, network, markerId) {
    const width = Math.max(box.clientWidth, 320);
    const { nodes, links } = layoutGraph(network);
    const height = Math.min(MAX_HEIGHT, 160 + 40 * nodes.length); // a few actors need little room
    placeOnCircle(nodes, width, height);
    const size = d3.scale
      .sqrt()
      .domain([0, d3.max(nodes, (node) => node.events) || 1])
      .range([6, 24]);

    const svg = d3
      .select(box)
      .append("svg")
      .attr({ class: "network-chart", width, height, role: "img", "aria-label": "actor network" });
    svg
      .append("defs")
      .append("marker")
      .attr({ id: markerId, viewBox: "0 -5 10 10", refX: 10, markerWidth: 7, markerHeight: 7, orient: "auto" })
      .append("path")
      .attr("d", "M0,-5L10,0L0,5");

    const edge = svg.selectAll("g.edge").data(links).enter().append("g").attr("class", "edge");
    const line = edge
      .append("line")
      .attr("marker-end", `url(#${markerId})`)
      .style("stroke-width", (link) => 1 + Math.log2(1 + link.events));
    const edgeLabel = edge.append("text").text((link) => codesLabel(link.codes));
    edge
      .append("title")
      .text((link) => `${link.source.id} → ${link.target.id}: ${link.events} events (${link.codes.join(", ")})`);

    const force = d3.layout.force().size([width, height]).nodes(nodes).links(links).linkDistance(140).charge(-600);
    const node = svg.selectAll("g.node").data(nodes).enter().append("g").attr("class", "node").call(force.drag);
    node.append("circle").attr("r", (actor) => size(actor.events));
    node
      .append("text")
      .attr("dy", (actor) => -size(actor.events) - 4)
      .text((actor) => actor.id);
    node.append("title").text((actor) => `${actor.id}: ${actor.events} events`);

    // Lines end at the target's rim, where the arrow head belongs.
    const rimPoint = (link) => {
      const dx = link.target.x - link.source.x;
      const dy = link.target.y - link.source.y;
      const length = Math.hypot(dx, dy) || 1;
      const inset = size(link.target.events) + 2;
      return { x: link.target.x - (dx / length) * inset, y: link.target.y - (dy / length) * inset };
    };
    const render = () => {
      const inside = (value, limit) => Math.max(20, Math.min(limit - 20, value));
      nodes.forEach((actor) => {
        actor.x = inside(actor.x, width);
        actor.y = inside(actor.y, height);
      });
      line.attr({
        x1: (link) => link.source.x,
        y1: (link) => link.source.y,
        x2: (link) => rimPoint(link).x,
        y2: (link) => rimPoint(link).y,
      });
      edgeLabel.attr({
        x: (link) => (link.source.x + link.target.x) / 2,
        y: (link) => (link.source.y + link.target.y) / 2 - 4,
      });
      node.attr("transform", (actor) => `translate(${actor.x},${actor.y})`);
    };

    // Settle the layout before showing it; dragging a node wakes it again.
    force.start();
    while (force.alpha() > 0) force.tick();
    force.on("tick", render);
    render();
  }

  // The network section's content; draw() lays it out once it is in the page.
  function network(data, markerId) {
    const box = el("div", { class: "network" });
    if (!data || data.nodes.length === 0) {
      box.append(el("p", { class: "empty" }, "No coded events between actors in this story."));
      return { element: box, draw() {} };
    }
    return { element: box, draw: () => drawNetwork(box, data, markerId) };
  }

  storyline.views = storyline.views || {};
  storyline.views.network = network;
})((window.storyline = window.storyline || {}));
