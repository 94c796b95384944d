// The actor graph page: fetches /api/graph (the URL the server wrote, escaped, in data-src) and
// draws it with the vendored Cytoscape. Names are drawn on the canvas or set as textContent;
// links are built from encoded ids, so nothing from a document becomes markup or code.
"use strict";
(function () {
  var box = document.getElementById("graph");
  var status = document.getElementById("graph-status");
  var info = document.getElementById("graph-info");
  if (!box || !info) { return; }
  if (typeof window.cytoscape === "undefined") { status.textContent = "The graph library did not load."; return; }

  var COLORS = {country: "#1f6feb", person: "#bf3989", organization: "#1a7f37", group: "#bc4c00", other: "#6e7781"};

  function kind(type) { return COLORS[type] ? type : "other"; }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function count(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function link(href, text) { var a = el("a", text); a.href = href; return a; }

  function clear() { while (info.firstChild) { info.removeChild(info.firstChild); } }

  function showNode(node) {
    clear();
    info.appendChild(el("h3", node.label));
    info.appendChild(el("p", [node.type, node.country, node.wikidata].filter(Boolean).join(" · ")));
    var p = el("p");
    p.appendChild(link("/?about=" + encodeURIComponent(node.label), "its events"));
    p.appendChild(document.createTextNode(" · "));
    p.appendChild(link("/timeline?about=" + encodeURIComponent(node.label), "its timeline"));
    info.appendChild(p);
  }

  function showEdge(edge) {
    clear();
    info.appendChild(el("h3", edge.actor.name + " → " + edge.target.name));
    info.appendChild(el("p", edge.type + ": " + count(edge.reports, "report") + ", " +
      count(edge.independent_sources, "independent source") + ", " + count(edge.denials, "denial"), "strong"));
    info.appendChild(el("p", "seen " + (edge.first_seen || "undated") + " to " + (edge.last_seen || "undated")));
    var pair = el("p");
    pair.appendChild(link("/timeline?about=" + encodeURIComponent(edge.actor.name) + "&other=" +
      encodeURIComponent(edge.target.name), "timeline of the pair"));
    info.appendChild(pair);
    var list = el("ul");
    (edge.evidence || []).slice(0, 12).forEach(function (ev) {
      var item = el("li");
      item.appendChild(el("small", (ev.outlet || "?") + ", " + (ev.published || "undated") + ": "));
      item.appendChild(link("/documents/" + encodeURIComponent(ev.document), ev.text || "(the document)"));
      if (ev.polarity === "negative") { item.className = "denial"; }
      list.appendChild(item);
    });
    info.appendChild(list);
  }

  function draw(graph) {
    if (!graph.edges.length) { status.textContent = "No edges in this window."; return; }
    status.textContent = graph.nodes.length + " actors, " + graph.edges.length + " of " + graph.total_edges +
      " edges (most reported first). Click a node or an edge.";
    var top = Math.max.apply(null, graph.edges.map(function (e) { return e.reports; }).concat([1]));
    var byId = {};
    var elements = graph.nodes.map(function (n) {
      byId[n.id] = n;
      return {group: "nodes", data: {id: n.id, label: n.label || n.id, kind: kind(n.type)}};
    }).concat(graph.edges.map(function (e, i) {
      return {group: "edges", data: {id: "edge" + i, source: e.actor.key, target: e.target.key, label: e.type,
        width: 1 + 7 * e.reports / top, denied: e.denials > 0 ? "yes" : "no", index: i}};
    }));
    var style = [
      {selector: "node", style: {"label": "data(label)", "font-size": 11, "text-valign": "bottom",
        "text-margin-y": 3, "width": 18, "height": 18, "background-color": COLORS.other, "color": "#24292f"}},
      {selector: "edge", style: {"width": "data(width)", "line-color": "#8c959f", "target-arrow-color": "#8c959f",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "label": "data(label)", "font-size": 8,
        "color": "#57606a", "text-rotation": "autorotate", "text-background-color": "#ffffff",
        "text-background-opacity": 0.8}},
      {selector: "edge[denied = 'yes']", style: {"line-color": "#cf222e", "target-arrow-color": "#cf222e"}},
      {selector: ":selected", style: {"border-width": 3, "border-color": "#0969da", "line-color": "#0969da",
        "target-arrow-color": "#0969da"}}
    ];
    Object.keys(COLORS).forEach(function (k) {
      style.push({selector: "node[kind = '" + k + "']", style: {"background-color": COLORS[k]}});
    });
    var cy = window.cytoscape({container: box, elements: elements, style: style, minZoom: 0.1, maxZoom: 1.6,
      layout: {name: "cose", animate: false, randomize: false, padding: 40, nodeRepulsion: function () { return 400000; },
        idealEdgeLength: function () { return 120; }, nodeOverlap: 20, componentSpacing: 120, gravity: 60,
        numIter: 1000}});
    cy.on("tap", "node", function (ev) { showNode(byId[ev.target.id()]); });
    cy.on("tap", "edge", function (ev) { showEdge(graph.edges[ev.target.data("index")]); });
    window.claimwatchGraph = cy;  // for the browser tests
  }

  fetch(box.getAttribute("data-src"), {headers: {Accept: "application/json"}})
    .then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.detail || r.statusText); }
        return body;
      });
    })
    .then(draw)
    .catch(function (err) { status.textContent = "Could not draw the graph: " + err.message; });
})();
