/* kgraph viewer: draws the graph embedded in #kgraph-data with vis-network.
 *
 * Every text that came from an article (names, evidence, titles, sources) is put on
 * the page with textContent or as an attribute set through the DOM, never as markup.
 * The state is exposed as window.kgraphViewer for tests and for the curious.
 */
(function () {
  "use strict";

  var timings = { scriptStart: performance.now() };
  var payload = JSON.parse(document.getElementById("kgraph-data").textContent);
  var meta = payload.meta;
  var MAX_TOOLTIP_EVIDENCE = 3;
  var MAX_LIST = 50;
  var SVG = "http://www.w3.org/2000/svg";

  // ------------------------------------------------------------- small DOM helpers

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function plural(n, one, many) {
    return n.toLocaleString("en") + " " + (n === 1 ? one : many);
  }

  function shapeIcon(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "-7 -7 14 14");
    svg.setAttribute("aria-hidden", "true");
    var item;
    if (shape === "dot") {
      item = document.createElementNS(SVG, "circle");
      item.setAttribute("r", "6");
    } else if (shape === "square") {
      item = document.createElementNS(SVG, "rect");
      item.setAttribute("x", "-5.5");
      item.setAttribute("y", "-5.5");
      item.setAttribute("width", "11");
      item.setAttribute("height", "11");
    } else {
      var points = {
        triangle: [[0, -6.5], [6, 4.5], [-6, 4.5]],
        diamond: [[0, -6.5], [6.5, 0], [0, 6.5], [-6.5, 0]],
        hexagon: [0, 1, 2, 3, 4, 5].map(function (k) {
          var a = Math.PI / 3 * k;
          return [6.5 * Math.cos(a), 6.5 * Math.sin(a)];
        }),
        star: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(function (k) {
          var a = Math.PI / 5 * k - Math.PI / 2;
          var r = k % 2 ? 3 : 7;
          return [r * Math.cos(a), r * Math.sin(a)];
        })
      }[shape] || [[0, -6], [6, 0], [0, 6], [-6, 0]];
      item = document.createElementNS(SVG, "polygon");
      item.setAttribute("points", points.map(function (p) {
        return p[0].toFixed(2) + "," + p[1].toFixed(2);
      }).join(" "));
    }
    item.setAttribute("fill", color);
    item.setAttribute("stroke", "#3e4c59");
    item.setAttribute("stroke-width", "0.8");
    svg.appendChild(item);
    return svg;
  }

  function httpUrl(text) {
    try {
      var url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function docLabel(doc) {
    var text = doc.title || doc.source || doc.iri;
    if (doc.date) text += " (" + doc.date + ")";
    return text;
  }

  // A source as text; in the pinned details panel, http(s) sources become links.
  function docElement(index, linked) {
    var doc = meta.documents[index];
    if (!doc) return el("span", "source", "unknown document");
    var span = el("span", "source");
    var href = linked ? httpUrl(doc.source || "") : null;
    if (href) {
      var a = el("a", null, docLabel(doc));
      a.href = href;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      span.appendChild(a);
    } else {
      span.textContent = docLabel(doc);
    }
    if (doc.title && doc.source) span.title = doc.source;
    return span;
  }

  // ------------------------------------------------------------- data and network

  var nodes = new vis.DataSet(payload.network.nodes);
  // Entities in no drawn relation come after the drawn ones; each is drawn on request.
  var drawnCount = payload.network.nodes.length;
  var loneNodes = payload.network.lone || [];
  var isDrawn = meta.nodes.map(function (_, id) { return id < drawnCount; });
  var edges = new vis.DataSet(payload.network.edges);
  var classOn = meta.classes.map(function () { return true; });
  var relationOn = meta.relations.map(function () { return true; });
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return classOn[meta.nodes[n.id].cls]; }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return relationOn[meta.edges[e.id].rel] &&
        classOn[meta.nodes[e.from].cls] && classOn[meta.nodes[e.to].cls];
    }
  });
  var adjacency = meta.nodes.map(function () { return []; });
  payload.network.edges.forEach(function (e) {
    adjacency[e.from].push(e.id);
    if (e.to !== e.from) adjacency[e.to].push(e.id);
  });
  var edgeEnds = {};
  payload.network.edges.forEach(function (e) { edgeEnds[e.id] = [e.from, e.to]; });

  var container = document.getElementById("network");
  var status = document.getElementById("status");
  var options = payload.network.options;
  var network = new vis.Network(container, { nodes: [], edges: [] }, options);
  var viewer = {
    ready: false,
    timings: timings,
    network: network,
    nodes: nodes,
    edges: edges,
    meta: meta,
    focusNode: focusNode,
    showDetails: showDetails,
    search: findNodes,
    openingView: openingView,
    isDrawn: isDrawn
  };
  window.kgraphViewer = viewer;

  function markReady() {
    if (viewer.ready) return;
    viewer.ready = true;
    timings.ready = performance.now();
    var s = meta.stats;
    status.textContent = s.nodesDrawn === 0 && s.nodesListed > 0
      ? "No relation to draw: the entities are listed on the left; click one to draw it."
      : "Drawn: " + plural(s.nodesDrawn, "entity", "entities") + ", " +
        plural(s.edgesDrawn, "relation", "relations") +
        ". Drag to pan, scroll to zoom, click for details.";
    document.body.setAttribute("data-ready", "true");
  }

  network.on("stabilizationProgress", function (p) {
    status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    timings.stabilized = performance.now();
    // Settled: stop the simulation so the page stays still and cheap.
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    network.once("afterDrawing", markReady);
    network.redraw();
  });
  if (!options.physics || !options.physics.enabled || meta.nodes.length === 0) {
    network.once("afterDrawing", markReady);
  }
  // What the page shows first: the whole drawing if the best connected entities'
  // names are readable that way; otherwise as many of those entities as fit (the
  // better connected counting more) at the zoom where their names are READABLE_PX
  // high (worked out in Python), or closer if they all fit.
  function openingView() {
    var view = payload.network.view;
    if (!view) return null;
    var w = container.clientWidth || 800;
    var h = container.clientHeight || 600;
    function union(boxes) {
      return boxes.reduce(function (u, b) {
        return [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])];
      });
    }
    function fit(box) { return 0.96 * Math.min(w / (box[2] - box[0] || 1), h / (box[3] - box[1] || 1)); }
    function centred(box, scale) {
      return { position: { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 }, scale: Math.min(scale, 1.5) };
    }
    if (fit(view.all) >= view.minScale) return centred(view.all, fit(view.all));
    var top = union(view.top);
    if (fit(top) >= view.minScale) return centred(top, fit(top));
    var span = [0.96 * w / view.minScale, 0.96 * h / view.minScale];
    var best = null;
    var bestWeight = -1;
    view.top.forEach(function (b) {
      var cx = (b[0] + b[2]) / 2;
      var cy = (b[1] + b[3]) / 2;
      var inside = view.top.filter(function (o) {
        return Math.abs(o[0] - cx) <= span[0] / 2 && Math.abs(o[2] - cx) <= span[0] / 2 &&
          Math.abs(o[1] - cy) <= span[1] / 2 && Math.abs(o[3] - cy) <= span[1] / 2;
      });
      var weight = inside.reduce(function (sum, o) { return sum + view.top.length - view.top.indexOf(o); }, 0);
      if (weight > bestWeight) {
        bestWeight = weight;
        best = inside;
      }
    });
    return centred(union(best), view.minScale);
  }

  function showOpeningView(animate) {
    var view = openingView();
    if (!view) return;
    if (animate) view.animation = { duration: 400, easingFunction: "easeInOutQuad" };
    network.moveTo(view);
  }

  document.getElementById("view-home").addEventListener("click", function () { showOpeningView(true); });
  document.getElementById("view-all").addEventListener("click", function () {
    network.fit({ animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  });

  timings.dataParsed = performance.now();
  network.setData({ nodes: nodeView, edges: edgeView });
  showOpeningView(false);
  timings.dataSet = performance.now();
  if (meta.nodes.length === 0) {
    status.textContent = "No entities to draw.";
    markReady();
  }

  // ------------------------------------------------------------- cards (tooltip and details)

  function nodeCard(id, full) {
    var info = meta.nodes[id];
    var cls = meta.classes[info.cls];
    var card = el("div", "card");
    card.appendChild(el("h3", null, info.names[0]));
    var kind = el("p", "kind");
    kind.appendChild(shapeIcon(cls.shape, cls.color));
    kind.appendChild(el("span", null, cls.label));
    card.appendChild(kind);
    if (info.names.length > 1) {
      card.appendChild(el("p", null, "Also: " + info.names.slice(1).join("; ")));
    }
    var counts = plural(info.degree, "relation", "relations");
    if (info.mentions) counts += " · mentioned " + plural(info.mentions, "time", "times");
    card.appendChild(el("p", "muted", counts));
    if (info.roles.length) {
      card.appendChild(el("p", null, "Roles:"));
      var roles = el("ul");
      info.roles.forEach(function (r) { roles.appendChild(el("li", null, r)); });
      card.appendChild(roles);
    }
    if (info.docs.length) {
      card.appendChild(el("p", null, "Sources (" + info.docs.length + "):"));
      var docs = el("ul");
      var shown = full ? info.docs.slice(0, MAX_LIST) : info.docs.slice(0, 5);
      shown.forEach(function (d) {
        var li = el("li");
        li.appendChild(docElement(d, full));
        docs.appendChild(li);
      });
      if (shown.length < info.docs.length) {
        docs.appendChild(el("li", "muted", "and " + (info.docs.length - shown.length) + " more"));
      }
      card.appendChild(docs);
    }
    if (full) {
      var related = adjacency[id];
      if (related.length) {
        card.appendChild(el("p", null, "Relations:"));
        var list = el("ul");
        related.slice(0, MAX_LIST).forEach(function (edgeId) {
          var ends = edgeEnds[edgeId];
          var other = ends[0] === id ? ends[1] : ends[0];
          var rel = meta.relations[meta.edges[edgeId].rel].label;
          var li = el("li");
          var text = ends[0] === id ? rel + " → " : "← " + rel + " · ";
          li.appendChild(el("span", "rel", text));
          var jump = el("a", null, meta.nodes[other].names[0]);
          jump.href = "#";
          jump.addEventListener("click", function (ev) {
            ev.preventDefault();
            focusNode(other);
          });
          li.appendChild(jump);
          list.appendChild(li);
        });
        if (related.length > MAX_LIST) {
          list.appendChild(el("li", "muted", "and " + (related.length - MAX_LIST) + " more"));
        }
        card.appendChild(list);
      }
      card.appendChild(el("p", "muted", info.iri));
    }
    return card;
  }

  function edgeCard(id, full) {
    var info = meta.edges[id];
    var ends = edgeEnds[id];
    var card = el("div", "card");
    var head = el("h3");
    head.appendChild(document.createTextNode(meta.nodes[ends[0]].names[0] + " "));
    var arrow = info.symmetric ? " — " : " → ";
    head.appendChild(el("span", "rel", meta.relations[info.rel].label + arrow));
    head.appendChild(document.createTextNode(meta.nodes[ends[1]].names[0]));
    card.appendChild(head);
    var evidence = info.evidence;
    if (!evidence.length) card.appendChild(el("p", "muted", "No evidence sentence recorded."));
    var limit = full ? MAX_LIST : MAX_TOOLTIP_EVIDENCE;
    evidence.slice(0, limit).forEach(function (item) {
      var quote = el("blockquote");
      quote.appendChild(el("span", "evidence", item[0] ? "“" + item[0] + "”" : "(no sentence)"));
      var src = el("p", "source");
      if (item[1] >= 0) src.appendChild(docElement(item[1], full));
      var extra = [];
      if (item[2]) extra.push("confidence " + item[2]);
      if (full && item[3]) extra.push(item[3]);
      if (extra.length) src.appendChild(document.createTextNode((item[1] >= 0 ? " · " : "") + extra.join(" · ")));
      quote.appendChild(src);
      card.appendChild(quote);
    });
    if (evidence.length > limit) {
      card.appendChild(el("p", "muted", "and " + (evidence.length - limit) + " more" +
        (full ? "" : ": click the relation to see them")));
    }
    if (full) card.appendChild(el("p", "muted", meta.relations[info.rel].iri));
    return card;
  }

  var details = document.getElementById("details");
  function showDetails(kind, id) {
    details.replaceChildren(kind === "node" ? nodeCard(id, true) : edgeCard(id, true));
  }

  // ------------------------------------------------------------- tooltip

  var tooltip = document.getElementById("tooltip");
  function showTooltip(card, pointer) {
    tooltip.replaceChildren(card);
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = box.left + pointer.x + 14;
    var y = box.top + pointer.y + 14;
    var w = tooltip.offsetWidth;
    var h = tooltip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, box.left + pointer.x - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  network.on("hoverNode", function (p) { showTooltip(nodeCard(p.node, false), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTooltip(edgeCard(p.edge, false), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", function (p) {
    if (p.nodes.length) showDetails("node", p.nodes[0]);
    else if (p.edges.length) showDetails("edge", p.edges[0]);
  });

  // ------------------------------------------------------------- filters and legend

  // A node dragged somewhere keeps its place when filters take it out and put it back.
  network.on("dragEnd", function (p) {
    if (!p.nodes.length) return;
    var moved = network.getPositions(p.nodes);
    nodes.update(p.nodes.map(function (id) { return { id: id, x: moved[id].x, y: moved[id].y }; }));
  });

  function refreshViews() {
    hideTooltip();
    nodeView.refresh();
    edgeView.refresh();
  }

  function filterList(listId, items, counts, state, withIcon) {
    var list = document.getElementById(listId);
    var boxes = [];
    items.forEach(function (item, i) {
      if (withIcon && counts[i] === 0) return;
      var li = el("li", counts[i] ? null : "empty");
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-index", String(i));
      box.addEventListener("change", function () {
        state[i] = box.checked;
        refreshViews();
      });
      label.appendChild(box);
      if (withIcon) label.appendChild(shapeIcon(item.shape, item.color));
      label.appendChild(el("span", null, item.label));
      label.appendChild(el("span", "count", counts[i].toLocaleString("en")));
      li.appendChild(label);
      list.appendChild(li);
      boxes[i] = box;
    });
    return boxes;
  }

  var classCounts = meta.classes.map(function () { return 0; });
  meta.nodes.forEach(function (n, id) { if (id < drawnCount) classCounts[n.cls] += 1; });
  var relationCounts = meta.relations.map(function () { return 0; });
  meta.edges.forEach(function (e) { relationCounts[e.rel] += 1; });
  var classBoxes = filterList("class-filters", meta.classes, classCounts, classOn, true);
  var relationBoxes = filterList("relation-filters", meta.relations, relationCounts, relationOn, false);
  function setAllRelations(on) {
    relationOn.forEach(function (_, i) {
      relationOn[i] = on;
      if (relationBoxes[i]) relationBoxes[i].checked = on;
    });
    refreshViews();
  }
  document.getElementById("relations-all").addEventListener("click", function () { setAllRelations(true); });
  document.getElementById("relations-none").addEventListener("click", function () { setAllRelations(false); });

  // ------------------------------------------------------------- search

  var searchIndex = [];
  meta.nodes.forEach(function (n, id) {
    n.names.forEach(function (name, k) {
      searchIndex.push({ id: id, name: name, key: name.toLowerCase(), alias: k > 0 });
    });
  });

  // Best matches first: exact name, then prefix, then a word starting with the query,
  // then anywhere; ties go to the better connected entity.
  function findNodes(query, limit) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var best = {};
    searchIndex.forEach(function (entry) {
      var at = entry.key.indexOf(q);
      if (at < 0) return;
      var score = entry.key === q ? 0 : at === 0 ? 1 : /[\s\-(.,'"]/.test(entry.key.charAt(at - 1)) ? 2 : 3;
      var seen = best[entry.id];
      if (!seen || score < seen.score) best[entry.id] = { id: entry.id, name: entry.name, alias: entry.alias, score: score };
    });
    return Object.keys(best).map(function (k) { return best[k]; }).sort(function (a, b) {
      return a.score - b.score || meta.nodes[b.id].degree - meta.nodes[a.id].degree ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);
    }).slice(0, limit || 10);
  }

  function focusNode(id) {
    if (!isDrawn[id]) drawLone(id);
    var cls = meta.nodes[id].cls;
    if (!classOn[cls]) {
      classOn[cls] = true;
      if (classBoxes[cls]) classBoxes[cls].checked = true;
      refreshViews();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails("node", id);
    searchStatus.textContent = "Showing " + meta.nodes[id].names[0] + ".";
  }

  var form = document.getElementById("search-form");
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var searchStatus = document.getElementById("search-status");
  var matches = [];
  var active = 0;

  function renderResults() {
    results.replaceChildren();
    matches.forEach(function (m, i) {
      var li = el("li", i === active ? "active" : null);
      var button = el("button");
      button.type = "button";
      button.appendChild(document.createTextNode(meta.nodes[m.id].names[0]));
      if (m.alias) button.appendChild(el("span", "alias", "  (" + m.name + ")"));
      button.addEventListener("mousedown", function (ev) {
        ev.preventDefault();
        choose(i);
      });
      li.appendChild(button);
      results.appendChild(li);
    });
    results.hidden = matches.length === 0;
  }

  function notFound(query) {
    var text = "No entity on this page is named “" + query.trim() + "”.";
    var onPage = meta.stats.nodesDrawn + meta.stats.nodesListed;
    if (onPage < meta.stats.nodesTotal) {
      text += " " + plural(meta.stats.nodesTotal - onPage, "entity is", "entities are") +
        " left out (see the note above).";
    }
    return text;
  }

  function choose(i) {
    var m = matches[i];
    results.hidden = true;
    if (m) focusNode(m.id);
    else if (input.value.trim()) searchStatus.textContent = notFound(input.value);
  }

  var searchTimer = null;
  input.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      matches = findNodes(input.value, 10);
      active = 0;
      renderResults();
      searchStatus.textContent = input.value.trim() && !matches.length ? notFound(input.value) : "";
    }, searchIndex.length > 20000 ? 150 : 60);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!matches.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      renderResults();
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  input.addEventListener("blur", function () { results.hidden = true; });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(searchTimer);
    // Enter may come before the debounced search ran: search now.
    matches = findNodes(input.value, 10);
    if (active >= matches.length) active = 0;
    choose(active);
  });

  // ------------------------------------------------------------- entities in no relation

  var MAX_LONE_ROWS = 200;
  var LONE_SPACING = 90;
  var loneDrawn = 0;
  var loneList = document.getElementById("lone-list");
  var loneFilter = document.getElementById("lone-filter");
  var loneMore = document.getElementById("lone-more");

  // A lone entity goes into a column right of the drawing, where it covers nothing.
  function drawLone(id) {
    var spec = Object.assign({}, loneNodes[id - drawnCount]);
    var view = payload.network.view;
    spec.x = (view ? view.all[2] : 0) + 150;
    spec.y = (view ? view.all[1] : 0) + 40 + LONE_SPACING * loneDrawn;
    loneDrawn += 1;
    isDrawn[id] = true;
    nodes.add(spec);
    var row = loneList.querySelector("[data-id='" + id + "']");
    if (row) row.parentNode.className = "drawn";
  }

  function loneRow(id) {
    var info = meta.nodes[id];
    var cls = meta.classes[info.cls];
    var li = el("li", isDrawn[id] ? "drawn" : null);
    var button = el("button");
    button.type = "button";
    button.setAttribute("data-id", String(id));
    button.title = info.names[0] + " · " + cls.label + " · mentioned " + plural(info.mentions, "time", "times");
    button.appendChild(shapeIcon(cls.shape, cls.color));
    button.appendChild(el("span", "name", info.names[0]));
    button.appendChild(el("span", "count", info.mentions ? "×" + info.mentions : ""));
    button.addEventListener("click", function () { focusNode(id); });
    li.appendChild(button);
    return li;
  }

  function renderLone() {
    var q = loneFilter.value.trim().toLowerCase();
    var rows = [];
    var matched = 0;
    for (var id = drawnCount; id < meta.nodes.length; id++) {
      var hit = !q || meta.nodes[id].names.some(function (n) { return n.toLowerCase().indexOf(q) >= 0; });
      if (!hit) continue;
      matched += 1;
      if (rows.length < MAX_LONE_ROWS) rows.push(loneRow(id));
    }
    loneList.replaceChildren.apply(loneList, rows);
    loneMore.textContent = matched > rows.length ? "and " + plural(matched - rows.length, "more", "more") +
      ": type to narrow the list." : matched === 0 ? "No name matches." : "";
  }

  if (meta.nodes.length > drawnCount) {
    document.getElementById("lone-section").hidden = false;
    document.getElementById("lone-heading").textContent =
      "Lone entities (" + (meta.nodes.length - drawnCount).toLocaleString("en") + ")";
    var loneTimer = null;
    loneFilter.addEventListener("input", function () {
      clearTimeout(loneTimer);
      loneTimer = setTimeout(renderLone, 60);
    });
    renderLone();
  }

  timings.scriptEnd = performance.now();
})();
