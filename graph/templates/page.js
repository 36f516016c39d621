// polgraph page: builds the vis-network view from the embedded JSON.
// Every string that came from an article reaches the DOM through textContent only.
"use strict";

var DATA = JSON.parse(document.getElementById("polgraph-data").textContent);
var STYLE = DATA.style;
var nodeInfo = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
var edgeInfo = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));
// DATA.nodes comes most important first: an actor's place there is its rank.
var rankOf = new Map(DATA.nodes.map(function (n, i) { return [n.id, i]; }));

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function quadKey(q) { return q === null || q === undefined ? "none" : String(q); }

function edgeWidth(reports) { return Math.min(1.5 + 2 * Math.log2(Math.max(reports, 1)), 12); }

function edgeLabel(type, reports) { return reports > 1 ? type + " ×" + reports : type; }

function edgeColour(e) {
  if (e.negated) return STYLE.negated;
  if (e.structural) return STYLE.structural;
  return STYLE.polarity[String(e.polarity)];
}

function edgeDashes(e) {
  if (e.negated) return [2, 4];
  return e.structural ? [6, 5] : false;
}

// Actors are coloured by community (Louvain) when the graph has any, else by entity type.
var colourBy = DATA.communities.length ? "community" : "type";

function nodeColour(n) {
  if (colourBy === "type") return STYLE.types[n.type] || STYLE.types.OTHER;
  return STYLE.communities[n.community] || STYLE.other_community;
}

// Sizes are set in screen pixels at the scale the page opened (or was last fitted) at,
// so a 30-actor ego page and a 300-actor overview read alike. Labels go by rank and vis
// draws one once it is drawThreshold (8) pixels high: the first few dozen actors are
// labelled when the page opens, more as the reader zooms in.
var fittedScale = 1;
function labelPixels(rank) { return 2 + 18 / Math.sqrt(1 + rank / 5); }
function labelSize(rank) { return Math.round(10 * labelPixels(rank) / fittedScale) / 10; }
var NODE_PIXELS = { min: 4, max: 22 };

function nodeItem(n) {
  var colour = nodeColour(n);
  var item = {
    id: n.id,
    label: n.name,
    font: { size: labelSize(rankOf.get(n.id)) },
    // The square root spreads sizes over the long tail of PageRank.
    value: Math.sqrt(n.score),
    shape: "dot",
    color: {
      background: colour, border: "#ffffff",
      highlight: { background: colour, border: "#222222" },
      hover: { background: colour, border: "#222222" },
    },
  };
  if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
  return item;
}

function edgeItem(e, reports) {
  var colour = edgeColour(e);
  return {
    id: e.id,
    from: e.from,
    to: e.to,
    label: edgeLabel(e.type, reports),
    width: edgeWidth(reports),
    dashes: edgeDashes(e),
    // On big graphs faint edges let the actors stand out until one is selected.
    color: { color: colour, highlight: colour, hover: colour, opacity: DATA.precomputed ? 0.5 : 0.9 },
    smooth: { enabled: true, type: "curvedCW", roundness: e.roundness },
    // Pairs joined by many relations need room for their labels.
    length: 170 + 50 * (e.parallel - 1),
  };
}

// The vis data sets, global as in pyvis pages so scripts and tests can reach them. They
// hold what is drawn; `polgraph.data` holds every actor and relation of the page.
var nodes = new vis.DataSet();
var edges = new vis.DataSet();
var network = null;

// ---- tooltips: DOM elements, never HTML strings ----

function nodeTooltip(id) {
  var n = nodeInfo.get(id);
  var box = el("div", "tip");
  box.appendChild(el("h3", null, n.name));
  box.appendChild(el("div", "sub", n.label + " · " + n.type));
  function row(key, value) {
    var line = el("div", "row");
    line.appendChild(el("span", "k", key + ": "));
    line.appendChild(el("span", null, value));
    box.appendChild(line);
  }
  if (n.aliases.length) row("Also called", n.aliases.join(", "));
  if (n.roles.length) row("Roles", n.roles.join(", "));
  if (n.country || n.sector) row("Acts for", [n.country, n.sector].filter(Boolean).join(" · "));
  row("Articles", n.articles + " (" + n.mentions + " mentions)");
  row("Relations", n.degree);
  return box;
}

function edgeTooltip(id) {
  var e = edgeInfo.get(id);
  var box = el("div", "tip");
  box.appendChild(el("h3", null, nodeInfo.get(e.from).name + " → " + nodeInfo.get(e.to).name));
  var quads = Array.from(new Set(e.supports.map(function (s) { return STYLE.quads[quadKey(s.q)]; })));
  box.appendChild(el("div", "sub", e.type + " · " + e.supports.length + " report" +
    (e.supports.length === 1 ? "" : "s") + " · " + quads.join(", ")));
  var sentences = e.supports.reduce(function (n, s) { return n + s.ev.length; }, 0);
  if (sentences > 6) box.appendChild(el("div", "meta", sentences + " sentences: click the relation to scroll them all"));
  e.supports.forEach(function (s) {
    s.ev.forEach(function (ev) {
      var item = el("div", "ev");
      var meta = [ev.d || s.d || "undated", ev.t || "untitled article", s.m];
      item.appendChild(el("div", "meta", meta.join(" · ")));
      item.appendChild(el("div", "sentence", "“" + (ev.s || ev.x || "") + "”"));
      box.appendChild(item);
    });
  });
  return box;
}

// ---- filters and the overview: which actors and relations are drawn ----

var state = {
  types: new Set(DATA.relation_types.map(function (t) { return t[0]; })),
  quads: new Set(DATA.quads.map(function (q) { return q[0]; })),
  modalities: new Set(DATA.modalities.map(function (m) { return m[0]; })),
  from: DATA.dates.length ? DATA.dates[0] : null,
  to: DATA.dates.length ? DATA.dates[DATA.dates.length - 1] : null,
  undated: true,
  // The most important actors drawn (null: all), actors in no relation, and actors the
  // reader brought in by search or double-click whatever the cap.
  cap: DATA.overview,
  isolated: false,
  brought: new Set(),
};
var shownReports = new Map();
var drawnReports = new Map();
var drawnNodes = new Set();
var summary = { capped: 0, connected: 0, isolated: 0, filtered: 0 };
var pendingTimer = null;
var isolatedTotal = DATA.nodes.filter(function (n) { return n.degree === 0; }).length;

// An event shows while any of its reports falls in the date window.
function supportShown(s) {
  if (!state.quads.has(quadKey(s.q)) || !state.modalities.has(s.m)) return false;
  var dates = s.ev.map(function (ev) { return ev.d; }).filter(Boolean);
  if (!dates.length) return state.undated;
  return dates.some(function (d) { return d >= state.from && d <= state.to; });
}

// Which actors to draw: the `cap` most important with a relation passing the filters
// (DATA.nodes comes most important first), those brought in, isolated ones if asked.
function wantedNodes(live) {
  var wanted = new Set();
  var taken = 0;
  summary = { capped: 0, connected: 0, isolated: 0, filtered: 0 };
  DATA.nodes.forEach(function (n) {
    if (live.has(n.id)) {
      summary.connected++;
      if (state.cap === null || taken < state.cap) { taken++; wanted.add(n.id); }
      else if (state.brought.has(n.id)) wanted.add(n.id);
      else summary.capped++;
    } else if (n.degree === 0) {
      if (state.isolated || state.brought.has(n.id)) wanted.add(n.id);
      else summary.isolated++;
    } else {
      summary.filtered++;
    }
  });
  return wanted;
}

// Changes go to vis as one call per kind: vis re-scans its items on each data event, so
// on a big graph the number of events, not the number of changed items, sets the cost.
// `refit`: the view will be fitted to what is drawn next (on opening, on a new cap), so
// sizes are set for that scale as actors are added, not by updating them all afterwards.
function applyFilters(refit) {
  clearTimeout(pendingTimer);
  polgraph.pending = false;
  var live = new Set();
  DATA.edges.forEach(function (e) {
    var count = state.types.has(e.type) ? e.supports.filter(supportShown).length : 0;
    shownReports.set(e.id, count);
    if (count > 0) { live.add(e.from); live.add(e.to); }
  });
  var wanted = wantedNodes(live);
  if (refit === true) resize(expectedScale(wanted), 0.001);
  var edgeAdd = [], edgeRemove = [], edgeUpdate = [];
  DATA.edges.forEach(function (e) {
    var count = shownReports.get(e.id);
    var want = count > 0 && wanted.has(e.from) && wanted.has(e.to);
    var drawn = drawnReports.get(e.id);
    if (want && drawn === undefined) edgeAdd.push(edgeItem(e, count));
    else if (!want && drawn !== undefined) edgeRemove.push(e.id);
    else if (want && drawn !== count) {
      edgeUpdate.push({ id: e.id, width: edgeWidth(count), label: edgeLabel(e.type, count) });
    }
    if (want) drawnReports.set(e.id, count); else drawnReports.delete(e.id);
  });
  var nodeAdd = [], nodeRemove = [];
  DATA.nodes.forEach(function (n) {
    var want = wanted.has(n.id);
    if (want && !drawnNodes.has(n.id)) nodeAdd.push(n);
    else if (!want && drawnNodes.has(n.id)) nodeRemove.push(n.id);
  });
  // An actor leaving keeps its place for when it comes back.
  if (network && nodeRemove.length) {
    var places = network.getPositions(nodeRemove);
    nodeRemove.forEach(function (id) {
      var n = nodeInfo.get(id);
      if (places[id]) { n.x = places[id].x; n.y = places[id].y; }
    });
  }
  placeBelow(nodeAdd.filter(function (n) { return n.x === undefined; }));
  if (edgeRemove.length) edges.remove(edgeRemove);
  if (nodeRemove.length) nodes.remove(nodeRemove);
  if (nodeAdd.length) nodes.add(nodeAdd.map(nodeItem));
  if (edgeAdd.length) edges.add(edgeAdd);
  if (edgeUpdate.length) edges.update(edgeUpdate);
  drawnNodes = wanted;
  showCounts();
}

// Actors with no place yet (in no relation, on a page laid out live) line up below the
// drawing: dropped among the others by vis they would look joined to them.
function placeBelow(list) {
  if (!network || !list.length) return;
  var places = Object.values(network.getPositions());
  if (!places.length) return;
  var left = Math.min.apply(null, places.map(function (p) { return p.x; }));
  var right = Math.max.apply(null, places.map(function (p) { return p.x; }));
  var bottom = Math.max.apply(null, places.map(function (p) { return p.y; }));
  var step = 140;
  var perRow = Math.max(1, Math.floor((right - left) / step) + 1);
  list.forEach(function (n, i) {
    n.x = left + step * (i % perRow);
    n.y = bottom + 160 + 90 * Math.floor(i / perRow);
  });
}

// Slider drags fire many events; filter once the hand rests.
function scheduleFilters() {
  clearTimeout(pendingTimer);
  polgraph.pending = true;
  pendingTimer = setTimeout(applyFilters, 120);
}

function visibleCounts() {
  return [nodes.length, edges.length];
}

function number(n) { return n.toLocaleString("en-US"); }
function actors(n) { return number(n) + (n === 1 ? " actor" : " actors"); }

// The header says what is drawn, and what is not and why, so nothing disappears silently.
function showCounts() {
  document.getElementById("counts").textContent = number(nodes.length) + " of " +
    number(DATA.nodes.length) + " actors · " + number(edges.length) + " of " +
    number(DATA.edges.length) + " relations";
  var hidden = [];
  if (summary.capped) {
    hidden.push("showing the " + number(summary.connected - summary.capped) +
      " most important (PageRank over events) of " + actors(summary.connected) + " in a relation; " +
      number(summary.capped) + " more by search, double-click or the actors control");
  }
  if (summary.isolated) hidden.push(actors(summary.isolated) + " in no relation hidden");
  if (summary.filtered) hidden.push(actors(summary.filtered) + " hidden by the filters");
  if (DATA.note) hidden.push(DATA.note);
  document.getElementById("hidden-note").textContent = hidden.join(" · ");
}

// ---- the network ----

var big = DATA.precomputed;
// Many drawn actors: edges hide while the view moves, so panning stays fluid.
function manyDrawn() { return nodes.length > 1500; }
var options = {
  autoResize: true,
  nodes: {
    shape: "dot",
    borderWidth: 1.5,
    scaling: { min: NODE_PIXELS.min, max: NODE_PIXELS.max,
               label: { enabled: false, drawThreshold: 8, maxVisible: 26 } },
    font: { face: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 14, color: "#1d1d1d",
            strokeWidth: 4, strokeColor: "#fbfbfa" },
  },
  edges: {
    arrows: { to: { enabled: true, scaleFactor: 0.55 } },
    font: { face: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 11, color: "#4a4a4a",
            strokeWidth: 3, strokeColor: "#fbfbfa", align: "middle" },
    selectionWidth: 1.5,
    hoverWidth: 1,
    smooth: { enabled: true, type: "curvedCW", roundness: 0.15 },
  },
  interaction: { hover: true, tooltipDelay: 120, keyboard: false },
  layout: { improvedLayout: false, randomSeed: 7 },
  physics: big ? { enabled: false } : {
    enabled: true,
    solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -160, centralGravity: 0.01, springLength: 190,
                        springConstant: 0.05, damping: 0.5, avoidOverlap: 0.6 },
    // Seeded positions (x, y from Python) need only a polish, random ones a full run.
    stabilization: { enabled: true, iterations: DATA.nodes.length && DATA.nodes[0].x !== undefined ? 120 : 600,
                     updateInterval: 50, fit: true },
    minVelocity: 0.75,
  },
};

// Ready: laid out and drawn, so the page responds to the reader from now on.
function markReady() {
  if (polgraph.ready) return;
  // Fitted once laid out: stabilisation fits while nodes still move, which left focus
  // pages cut off at an edge.
  fitView();
  polgraph.ready = true;
  polgraph.readyAt = performance.now();
}

// The whole drawing, with a margin for the labels that overhang the outermost nodes.
// Node and label sizes follow the new scale, then the drawing, now of another size, is
// fitted again.
function fitView() {
  network.fit({ animation: false });
  resize(network.getScale(), 0.25);
  network.fit({ animation: false });
  network.moveTo({ scale: network.getScale() * 0.95 });
}

// Sizes change when the scale moved by more than `slack`: on a big drawing, updating every
// node costs more than a reader gains from sizes a little off.
function resize(scale, slack) {
  if (!(scale > 0) || Math.abs(scale - fittedScale) <= slack * fittedScale) return;
  fittedScale = scale;
  var scaling = { min: NODE_PIXELS.min / scale, max: NODE_PIXELS.max / scale };
  if (!network) { options.nodes.scaling.min = scaling.min; options.nodes.scaling.max = scaling.max; }
  else network.setOptions({ nodes: { scaling: scaling } });
  var ids = nodes.getIds();
  if (ids.length) {
    nodes.update(ids.map(function (id) { return { id: id, font: { size: labelSize(rankOf.get(id)) } }; }));
  }
}

// The scale vis will fit these actors at, from their laid-out places; null without them.
function expectedScale(ids) {
  var box = document.getElementById("graph").getBoundingClientRect();
  var low = [Infinity, Infinity], high = [-Infinity, -Infinity];
  ids.forEach(function (id) {
    var n = nodeInfo.get(id);
    if (n.x === undefined) return;
    low = [Math.min(low[0], n.x), Math.min(low[1], n.y)];
    high = [Math.max(high[0], n.x), Math.max(high[1], n.y)];
  });
  if (!(high[0] > low[0]) || !(high[1] > low[1]) || !box.width) return null;
  return 0.95 * Math.min(box.width / (high[0] - low[0] + 100), box.height / (high[1] - low[1] + 100));
}

// `polgraph` holds the page's own state and actions, for tests and users' scripts.
var polgraph = {
  data: DATA,
  ready: false,
  readyAt: null,
  firstDraw: null,
  stabilized: null,
  pending: false,
  applyFilters: applyFilters,
  visibleCounts: visibleCounts,
  nodeTooltip: nodeTooltip,
  edgeTooltip: edgeTooltip,
  focusActor: focusActor,
  expand: expand,
  setCap: setCap,
  state: state,
};

applyFilters(true);
options.interaction.hideEdgesOnDrag = options.interaction.hideEdgesOnZoom = manyDrawn();
network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, options);

network.once("afterDrawing", function () {
  polgraph.firstDraw = performance.now();
  // Without physics, or with nothing to lay out, vis never fires `stabilized`.
  if (big || nodes.length < 2) markReady();
});
network.once("stabilizationIterationsDone", function () {
  network.setOptions({ physics: { enabled: false } });
});
network.once("stabilized", function () {
  polgraph.stabilized = performance.now();
  markReady();
});
// ---- tooltip: our own element, so showing one never touches the data sets ----

var tip = document.getElementById("tooltip");
var tipTimer = null;
function showTip(kind, id, at) {
  clearTimeout(tipTimer);
  tipTimer = setTimeout(function () {
    tip.replaceChildren(kind === "node" ? nodeTooltip(id) : edgeTooltip(id));
    tip.hidden = false;
    var box = document.getElementById("graph").getBoundingClientRect();
    var x = at.x + 14;
    var y = at.y + 14;
    if (x + tip.offsetWidth > box.width) x = Math.max(0, at.x - 14 - tip.offsetWidth);
    if (y + tip.offsetHeight > box.height) y = Math.max(0, box.height - tip.offsetHeight);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }, 120);
}
function hideTip() {
  clearTimeout(tipTimer);
  tip.hidden = true;
}
network.on("hoverNode", function (p) { showTip("node", p.node, p.pointer.DOM); });
network.on("hoverEdge", function (p) { showTip("edge", p.edge, p.pointer.DOM); });
["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) { network.on(name, hideTip); });

// ---- details panel: the tooltip content, kept open and scrollable ----

var details = document.getElementById("details");
var detailsBody = document.getElementById("details-body");
var edgesOf = new Map();
DATA.edges.forEach(function (e) {
  [e.from, e.to].forEach(function (id) {
    if (!edgesOf.has(id)) edgesOf.set(id, []);
    edgesOf.get(id).push(e);
  });
});

// A node's details add its relations, most reported first; each opens that relation.
function relationList(id) {
  var box = el("div");
  var shown = (edgesOf.get(id) || []).filter(function (e) { return shownReports.get(e.id) > 0; });
  if (!shown.length) return box;
  box.appendChild(el("h4", null, "Relations"));
  shown.sort(function (a, b) { return shownReports.get(b.id) - shownReports.get(a.id); });
  shown.forEach(function (e) {
    var outgoing = e.from === id;
    var other = nodeInfo.get(outgoing ? e.to : e.from).name;
    var text = (outgoing ? "→ " : "← ") + e.type + " " + other + " (" + shownReports.get(e.id) + ")";
    var row = el("button", "rel", text);
    row.type = "button";
    row.addEventListener("click", function () {
      if (!drawnReports.has(e.id)) bringIn([e.from, e.to]);
      network.selectEdges([e.id]);
      showDetails("edge", e.id);
    });
    box.appendChild(row);
  });
  return box;
}

function showDetails(kind, id) {
  if (kind === "node") {
    var box = nodeTooltip(id);
    box.appendChild(relationList(id));
    detailsBody.replaceChildren(box);
  } else {
    detailsBody.replaceChildren(edgeTooltip(id));
  }
  details.hidden = false;
  details.scrollTop = 0;
}
document.getElementById("details-close").addEventListener("click", function () { details.hidden = true; });
network.on("click", function (p) {
  if (p.nodes.length) showDetails("node", p.nodes[0]);
  else if (p.edges.length) showDetails("edge", p.edges[0]);
  else details.hidden = true;
});

// ---- detail on demand: actors the cap leaves out come in by search or double-click ----

function bringIn(ids) {
  ids.forEach(function (id) { state.brought.add(id); });
  applyFilters();
}

// An actor and everyone it has a relation with that passes the filters; returns how many
// actors that drew anew.
function expand(id) {
  var before = nodes.length;
  var ids = [id];
  (edgesOf.get(id) || []).forEach(function (e) {
    if (shownReports.get(e.id) > 0) ids.push(e.from === id ? e.to : e.from);
  });
  bringIn(ids);
  return nodes.length - before;
}
network.on("doubleClick", function (p) {
  if (p.nodes.length) expand(p.nodes[0]);
});

// The actors control: the `cap` most important actors, or all (null).
function setCap(cap) {
  state.cap = cap;
  applyFilters(true);
  var many = manyDrawn();
  network.setOptions({ interaction: { hideEdgesOnDrag: many, hideEdgesOnZoom: many } });
  document.querySelectorAll("#levels button").forEach(function (button) {
    button.setAttribute("aria-pressed", String(button.dataset.cap === String(cap)));
  });
  fitView();
}

// ---- search ----

function findActor(query) {
  var wanted = query.trim().toLocaleLowerCase();
  if (!wanted) return null;
  var partial = null;
  for (var i = 0; i < DATA.nodes.length; i++) {
    var n = DATA.nodes[i];
    var names = [n.name].concat(n.aliases).map(function (s) { return s.toLocaleLowerCase(); });
    if (names.indexOf(wanted) >= 0) return n.id;
    if (partial === null && names.some(function (s) { return s.indexOf(wanted) >= 0; })) partial = n.id;
  }
  return partial;
}

function focusActor(query) {
  var note = document.getElementById("search-note");
  var id = findActor(query);
  if (id === null) { note.textContent = "no actor matches"; return null; }
  note.textContent = "";
  if (!drawnNodes.has(id)) {
    var added = expand(id);
    if (!drawnNodes.has(id)) { note.textContent = "hidden by the filters"; return id; }
    note.textContent = "brought in with " + number(added - 1) + " more actors";
  }
  network.selectNodes([id]);
  network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: big ? false : { duration: 500 } });
  showDetails("node", id);
  return id;
}

var search = document.getElementById("search");
// Enter fires keydown and then change: one search, not two.
var searched = null;
function searchFor(value) { searched = value; focusActor(value); }
search.addEventListener("change", function () { if (search.value !== searched) searchFor(search.value); });
search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") searchFor(search.value); });
var names = document.getElementById("actor-names");
DATA.nodes.forEach(function (n) { var opt = el("option"); opt.value = n.name; names.appendChild(opt); });

document.getElementById("fit").addEventListener("click", fitView);

// ---- legend and filter controls ----

function legendRow(list, mark, text) {
  var li = el("li");
  li.appendChild(mark);
  li.appendChild(el("span", null, text));
  list.appendChild(li);
}

var nodeLegend = document.getElementById("legend-nodes");
function showNodeLegend() {
  nodeLegend.replaceChildren();
  var rows = colourBy === "community" ? DATA.communities : DATA.entity_types;
  rows.forEach(function (t) {
    var swatch = el("span", "swatch");
    swatch.style.background = colourBy === "community" ? STYLE.communities[t[0]]
      : STYLE.types[t[0]] || STYLE.types.OTHER;
    var text = colourBy === "community" ? t[1] + "’s community (" + t[2] + ")" : t[1] + " (" + t[2] + ")";
    legendRow(nodeLegend, swatch, text);
  });
  if (colourBy === "community") {
    var rest = el("span", "swatch");
    rest.style.background = STYLE.other_community;
    legendRow(nodeLegend, rest, "smaller communities, no community");
  }
}
var colourSelect = document.getElementById("colour-by");
colourSelect.value = colourBy;
colourSelect.disabled = !DATA.communities.length;
colourSelect.addEventListener("change", function () {
  colourBy = colourSelect.value;
  nodes.update(DATA.nodes.filter(function (n) { return drawnNodes.has(n.id); }).map(function (n) {
    return { id: n.id, color: nodeItem(n).color };
  }));
  showNodeLegend();
});
showNodeLegend();
var edgeLegend = document.getElementById("legend-edges");
[["1", "cooperation"], ["-1", "conflict"], ["0", "neutral"]].forEach(function (p) {
  var line = el("span", "line");
  line.style.borderTopColor = STYLE.polarity[p[0]];
  legendRow(edgeLegend, line, p[1]);
});
var structural = el("span", "line dashed");
structural.style.borderTopColor = STYLE.structural;
legendRow(edgeLegend, structural, "structural (member of, role)");
var negated = el("span", "line dotted");
negated.style.borderTopColor = STYLE.negated;
legendRow(edgeLegend, negated, "negated: every report says it did not happen");

// ---- the actors control and the isolated-actors switch ----

var levels = document.getElementById("levels");
DATA.levels.concat([null]).forEach(function (cap) {
  var button = el("button", null, cap === null ? "all" : number(cap));
  button.type = "button";
  button.dataset.cap = String(cap);
  button.setAttribute("aria-pressed", String(cap === state.cap));
  button.title = cap === null
    ? "Every actor in a relation: beyond a few thousand, drawing and filtering take seconds"
    : "The " + number(cap) + " most important actors (PageRank over events)";
  button.addEventListener("click", function () { setCap(cap); });
  levels.appendChild(button);
});
levels.hidden = DATA.levels.length === 0;
var isolatedSwitch = document.getElementById("isolated");
document.getElementById("isolated-n").textContent = "in no relation (" + number(isolatedTotal) + ")";
isolatedSwitch.parentElement.hidden = isolatedTotal === 0;
isolatedSwitch.addEventListener("change", function () {
  state.isolated = isolatedSwitch.checked;
  applyFilters(true);
  fitView();
});

function checkboxes(containerId, items, set) {
  var box = document.getElementById(containerId);
  var inputs = [];
  items.forEach(function (item) {
    var label = el("label");
    var input = el("input");
    input.type = "checkbox";
    input.checked = true;
    input.value = item[0];
    input.addEventListener("change", function () {
      if (input.checked) set.add(item[0]); else set.delete(item[0]);
      applyFilters();
    });
    label.appendChild(input);
    label.appendChild(el("span", null, item[1]));
    label.appendChild(el("span", "n", item[2]));
    box.appendChild(label);
    inputs.push(input);
  });
  return inputs;
}

checkboxes("filter-quads", DATA.quads, state.quads);
checkboxes("filter-modalities", DATA.modalities, state.modalities);
var typeInputs = checkboxes("filter-types", DATA.relation_types, state.types);
function setAllTypes(on) {
  typeInputs.forEach(function (input) {
    input.checked = on;
    if (on) state.types.add(input.value); else state.types.delete(input.value);
  });
  applyFilters();
}
document.getElementById("types-all").addEventListener("click", function () { setAllTypes(true); });
document.getElementById("types-none").addEventListener("click", function () { setAllTypes(false); });

var fromInput = document.getElementById("date-from");
var toInput = document.getElementById("date-to");
var playButton = document.getElementById("play");
function readDates() {
  var a = Number(fromInput.value);
  var b = Number(toInput.value);
  if (a > b) { if (this === fromInput) toInput.value = a; else fromInput.value = b; }
  state.from = DATA.dates[Number(fromInput.value)];
  state.to = DATA.dates[Number(toInput.value)];
  document.getElementById("date-from-out").textContent = state.from;
  document.getElementById("date-to-out").textContent = state.to;
}
if (DATA.dates.length) {
  [fromInput, toInput].forEach(function (input) {
    input.max = DATA.dates.length - 1;
    input.addEventListener("input", function () { readDates.call(input); scheduleFilters(); });
  });
  toInput.value = DATA.dates.length - 1;
  readDates();
  var timer = null;
  playButton.addEventListener("click", function () {
    if (timer !== null) { clearInterval(timer); timer = null; playButton.textContent = "▶"; return; }
    toInput.value = fromInput.value;
    playButton.textContent = "■";
    timer = setInterval(function () {
      readDates.call(toInput);
      applyFilters();
      if (Number(toInput.value) >= DATA.dates.length - 1) {
        clearInterval(timer); timer = null; playButton.textContent = "▶"; return;
      }
      toInput.value = Number(toInput.value) + 1;
    }, 700);
  });
} else {
  document.getElementById("dates-box").hidden = true;
}
document.getElementById("undated").addEventListener("change", function (ev) {
  state.undated = ev.target.checked;
  applyFilters();
});

showCounts();
