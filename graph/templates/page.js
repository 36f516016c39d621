// polgraph page: builds the vis-network view from the embedded JSON.
// Every string that came from an article reaches the DOM through textContent only.
"use strict";

var DATA = JSON.parse(document.getElementById("polgraph-data").textContent);
var STYLE = DATA.style;
var nodeInfo = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
var edgeInfo = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));

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
  if (e.structural) return STYLE.structural;
  return STYLE.polarity[String(e.polarity)];
}

function nodeItem(n) {
  var colour = STYLE.types[n.type] || STYLE.types.OTHER;
  var item = {
    id: n.id,
    label: n.name,
    value: n.score,
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

function edgeItem(e) {
  var colour = edgeColour(e);
  return {
    id: e.id,
    from: e.from,
    to: e.to,
    label: edgeLabel(e.type, e.supports.length),
    width: edgeWidth(e.supports.length),
    dashes: e.structural ? [6, 5] : false,
    // On big graphs faint edges let the actors stand out until one is selected.
    color: { color: colour, highlight: colour, hover: colour, opacity: DATA.precomputed ? 0.4 : 0.9 },
    smooth: { enabled: true, type: "curvedCW", roundness: e.roundness },
    // Pairs joined by many relations need room for their labels.
    length: 170 + 50 * (e.parallel - 1),
  };
}

// The vis data sets, global as in pyvis pages so scripts and tests can reach them.
var nodes = new vis.DataSet(DATA.nodes.map(nodeItem));
var edges = new vis.DataSet(DATA.edges.map(edgeItem));

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

// ---- filters: relation type, quad class, modality, date window ----

var state = {
  types: new Set(DATA.relation_types.map(function (t) { return t[0]; })),
  quads: new Set(DATA.quads.map(function (q) { return q[0]; })),
  modalities: new Set(DATA.modalities.map(function (m) { return m[0]; })),
  from: DATA.dates.length ? DATA.dates[0] : null,
  to: DATA.dates.length ? DATA.dates[DATA.dates.length - 1] : null,
  undated: true,
};
var shownReports = new Map(DATA.edges.map(function (e) { return [e.id, e.supports.length]; }));
var hiddenNodes = new Set();
var pendingTimer = null;

// An event shows while any of its reports falls in the date window.
function supportShown(s) {
  if (!state.quads.has(quadKey(s.q)) || !state.modalities.has(s.m)) return false;
  var dates = s.ev.map(function (ev) { return ev.d; }).filter(Boolean);
  if (!dates.length) return state.undated;
  return dates.some(function (d) { return d >= state.from && d <= state.to; });
}

// One update per data set: vis-network re-scans every item on each data event, so on a
// big graph the number of events, not the number of changed items, sets the cost.
function applyFilters() {
  clearTimeout(pendingTimer);
  polgraph.pending = false;
  var edgeChanges = [];
  var degree = new Map();
  DATA.edges.forEach(function (e) {
    var count = state.types.has(e.type) ? e.supports.filter(supportShown).length : 0;
    if (count !== shownReports.get(e.id)) {
      shownReports.set(e.id, count);
      edgeChanges.push(count > 0
        ? { id: e.id, hidden: false, width: edgeWidth(count), label: edgeLabel(e.type, count) }
        : { id: e.id, hidden: true });
    }
    if (count > 0) {
      degree.set(e.from, (degree.get(e.from) || 0) + 1);
      degree.set(e.to, (degree.get(e.to) || 0) + 1);
    }
  });
  var nodeChanges = [];
  DATA.nodes.forEach(function (n) {
    var hide = n.degree > 0 && !degree.has(n.id);
    if (hide !== hiddenNodes.has(n.id)) {
      if (hide) hiddenNodes.add(n.id); else hiddenNodes.delete(n.id);
      nodeChanges.push({ id: n.id, hidden: hide });
    }
  });
  if (edgeChanges.length) edges.update(edgeChanges);
  if (nodeChanges.length) nodes.update(nodeChanges);
  showCounts();
}

// Slider drags fire many events; filter once the hand rests.
function scheduleFilters() {
  clearTimeout(pendingTimer);
  polgraph.pending = true;
  pendingTimer = setTimeout(applyFilters, 120);
}

function visibleCounts() {
  return [
    nodes.get({ filter: function (n) { return !n.hidden; } }).length,
    edges.get({ filter: function (e) { return !e.hidden; } }).length,
  ];
}

function showCounts() {
  var shown = visibleCounts();
  var text = shown[0] + " of " + nodes.length + " actors · " +
    shown[1] + " of " + edges.length + " relations";
  if (DATA.note) text += " · " + DATA.note;
  document.getElementById("counts").textContent = text;
}

// ---- the network ----

var big = DATA.precomputed;
var options = {
  autoResize: true,
  nodes: {
    shape: "dot",
    borderWidth: 1.5,
    scaling: { min: 8, max: 34, label: { enabled: true, min: 12, max: 22, drawThreshold: 6, maxVisible: 32 } },
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
  interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false },
  layout: { improvedLayout: !big && DATA.nodes.length <= 150, randomSeed: 7 },
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
  state: state,
};

// Ready: laid out and drawn, so the page responds to the reader from now on.
function markReady() {
  if (polgraph.ready) return;
  polgraph.ready = true;
  polgraph.readyAt = performance.now();
}

var network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, options);

network.once("afterDrawing", function () {
  polgraph.firstDraw = performance.now();
  // Without physics, or with nothing to lay out, vis never fires `stabilized`.
  if (big || DATA.nodes.length < 2) markReady();
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
  if (hiddenNodes.has(id)) { note.textContent = "hidden by the filters"; return id; }
  note.textContent = "";
  network.selectNodes([id]);
  network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: big ? false : { duration: 500 } });
  showDetails("node", id);
  return id;
}

var search = document.getElementById("search");
search.addEventListener("change", function () { focusActor(search.value); });
search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") focusActor(search.value); });
var names = document.getElementById("actor-names");
DATA.nodes.forEach(function (n) { var opt = el("option"); opt.value = n.name; names.appendChild(opt); });

document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: true }); });

// ---- legend and filter controls ----

function legendRow(list, mark, text) {
  var li = el("li");
  li.appendChild(mark);
  li.appendChild(el("span", null, text));
  list.appendChild(li);
}

var nodeLegend = document.getElementById("legend-nodes");
DATA.entity_types.forEach(function (t) {
  var swatch = el("span", "swatch");
  swatch.style.background = STYLE.types[t[0]] || STYLE.types.OTHER;
  legendRow(nodeLegend, swatch, t[1] + " (" + t[2] + ")");
});
var edgeLegend = document.getElementById("legend-edges");
[["1", "cooperation"], ["-1", "conflict"], ["0", "neutral"]].forEach(function (p) {
  var line = el("span", "line");
  line.style.borderTopColor = STYLE.polarity[p[0]];
  legendRow(edgeLegend, line, p[1]);
});
var structural = el("span", "line dashed");
structural.style.borderTopColor = STYLE.structural;
legendRow(edgeLegend, structural, "structural (member of, role)");

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
