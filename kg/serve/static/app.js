// The query page: CodeMirror editor, example questions, results as table, map and timeline.
// Everything from the server is put into the page with textContent, never as HTML.
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("newskg-config").textContent);
  const XSD = config.prefixes.xsd;
  const WKT_LITERAL = config.prefixes.geo + "wktLiteral";
  const DATE_TYPES = new Set([XSD + "date", XSD + "dateTime", XSD + "gYearMonth", XSD + "gYear"]);
  const JSON_RESULTS = "application/sparql-results+json";
  const LONG_TEXT = 240;
  const MAX_TABLE_ROWS = 5000;

  const $ = (id) => document.getElementById(id);
  const examples = new Map(config.examples.map((example) => [example.id, example]));
  let latest = null; // {query, vars, rows} of the last successful SELECT
  let runCounter = 0;

  // ---- small DOM helpers ---------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null) continue;
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === undefined || child === null) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function localHref(iri) {
    if (iri.startsWith(config.base) && iri.length > config.base.length) {
      const rest = iri.slice(config.base.length);
      return config.entityPath + rest.split("/").map(encodeURIComponent).join("/");
    }
    return iri;
  }

  function shortName(iri) {
    if (iri.startsWith(config.base)) return iri.slice(config.base.length);
    for (const [name, namespace] of Object.entries(config.prefixes)) {
      if (iri.startsWith(namespace) && /^[\w.-]*$/.test(iri.slice(namespace.length))) {
        return name + ":" + iri.slice(namespace.length);
      }
    }
    return iri;
  }

  function termNode(term) {
    if (!term) return "";
    if (term.type === "uri") {
      const href = localHref(term.value);
      const link = el("a", { href, title: term.value }, shortName(term.value));
      if (href === term.value) {
        link.className = "external";
        link.rel = "noopener noreferrer";
        link.target = "_blank";
      }
      return link;
    }
    if (term.type === "bnode") return el("span", { class: "bnode" }, "_:" + term.value);
    const text = term.value;
    if (text.length <= LONG_TEXT) {
      return el("span", { class: "literal", lang: term["xml:lang"], title: term.datatype ? shortName(term.datatype) : null }, text);
    }
    const short = el("span", { class: "literal" }, text.slice(0, LONG_TEXT) + "… ");
    const full = el("span", { class: "literal longtext", hidden: "" }, text + " ");
    const toggle = el("button", { type: "button", class: "more" }, "more");
    toggle.addEventListener("click", () => {
      const opening = full.hidden;
      full.hidden = !opening;
      short.hidden = opening;
      toggle.textContent = opening ? "less" : "more";
    });
    return el("span", { class: "long-cell" }, short, full, toggle);
  }

  function termLabel(term) {
    if (!term) return "";
    return term.type === "uri" ? shortName(term.value) : term.value;
  }

  // ---- the editor and its prefixes -----------------------------------------------------

  const editor = CodeMirror.fromTextArea($("query"), {
    mode: "application/sparql-query",
    lineNumbers: true,
    matchBrackets: true,
    indentUnit: 2,
    viewportMargin: Infinity,
    extraKeys: { "Ctrl-Enter": () => run(), "Cmd-Enter": () => run(), Tab: false },
  });

  /** The query without comments, strings and IRIs, for scanning its words. */
  function skeleton(query) {
    return query
      .replace(/"""[\s\S]*?"""|'''[\s\S]*?'''/g, " ")
      .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, " ")
      .replace(/<[^<>"{}|^`\\\s]*>/g, " ")
      .replace(/#[^\n]*/g, " ");
  }

  function declaredPrefixes(query) {
    const declared = new Set();
    for (const match of query.matchAll(/PREFIX\s+([\w.-]*):/gi)) declared.add(match[1]);
    return declared;
  }

  function missingPrefixes(query) {
    const declared = declaredPrefixes(query);
    const used = new Set();
    for (const match of skeleton(query).matchAll(/(^|[^\w:?$.-])([A-Za-z][\w-]*):/g)) {
      const name = match[2];
      if (name in config.prefixes && !declared.has(name)) used.add(name);
    }
    return [...used];
  }

  /** Insert PREFIX lines for the known prefixes the query uses but does not declare. */
  function addPrefixes(names) {
    if (!names.length) return;
    const lines = names.map((name) => `PREFIX ${name}: <${config.prefixes[name]}>\n`).join("");
    let line = 0;
    while (line < editor.lineCount() && /^\s*(PREFIX|BASE|#)/i.test(editor.getLine(line))) line++;
    editor.replaceRange(lines, { line, ch: 0 });
  }

  editor.on("inputRead", (cm, change) => {
    if (change.text.join("") !== ":") return;
    const cursor = cm.getCursor();
    const before = cm.getLine(cursor.line).slice(0, cursor.ch - 1);
    const word = (before.match(/([A-Za-z][\w-]*)$/) || [])[1];
    if (!word || !(word in config.prefixes) || /PREFIX\s+[\w-]*$/i.test(before)) return;
    if (!declaredPrefixes(cm.getValue()).has(word)) addPrefixes([word]);
  });

  $("add-prefixes").addEventListener("click", () => addPrefixes(missingPrefixes(editor.getValue())));

  function queryKind(query) {
    const body = skeleton(query).replace(/(PREFIX\s+[\w.-]*:|BASE)\s*/gi, " ");
    const match = body.match(/\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i);
    return match ? match[1].toUpperCase() : "SELECT";
  }

  // ---- running a query -----------------------------------------------------------------

  function setStatus(text) {
    $("status").textContent = text;
  }

  function showError(status, text) {
    const box = $("error");
    const titles = {
      400: "The server could not parse this query",
      403: "This request is not allowed",
      406: "The server cannot answer in that format",
      413: "The query is too large",
      503: "The query took too long and was stopped",
    };
    const title = status ? titles[status] || `The server answered ${status}` : "No answer from the server";
    box.replaceChildren(el("strong", {}, title), el("pre", {}, text || ""));
    box.hidden = false;
  }

  function endpointUrl(query, format) {
    return config.endpoint + "?" + new URLSearchParams({ query, format }).toString();
  }

  async function post(query, accept) {
    return fetch(config.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
      body: new URLSearchParams({ query }),
    });
  }

  async function run() {
    let query = editor.getValue();
    const missing = missingPrefixes(query);
    if (missing.length) {
      addPrefixes(missing);
      query = editor.getValue();
    }
    const ticket = ++runCounter;
    const kind = queryKind(query);
    const accept = kind === "CONSTRUCT" || kind === "DESCRIBE" ? "text/turtle" : JSON_RESULTS;
    $("error").hidden = true;
    $("run").disabled = true;
    setStatus("Running…");
    $("download-csv").href = endpointUrl(query, "csv");
    $("download-json").href = endpointUrl(query, "json");
    const started = performance.now();
    let response;
    let text;
    try {
      response = await post(query, accept);
      text = await response.text();
    } catch (error) {
      if (ticket === runCounter) {
        $("run").disabled = false;
        setStatus("");
        showError(0, String(error));
      }
      return;
    }
    if (ticket !== runCounter) return;
    $("run").disabled = false;
    const elapsed = Math.round(performance.now() - started);
    if (!response.ok) {
      setStatus(`failed after ${elapsed} ms`);
      showError(response.status, text);
      return;
    }
    if (accept !== JSON_RESULTS) {
      latest = null;
      const triples = text.split("\n").filter((line) => /\.\s*$/.test(line)).length;
      setStatus(`graph (${text.length} characters) in ${elapsed} ms`);
      showGraph(text, triples);
      return;
    }
    const data = JSON.parse(text);
    if ("boolean" in data) {
      latest = null;
      setStatus(`answered in ${elapsed} ms`);
      $("panel-table").replaceChildren(el("p", { class: "boolean" }, data.boolean ? "Yes (true)" : "No (false)"));
      clearMapAndTimeline();
      return;
    }
    const vars = data.head.vars || [];
    const rows = data.results.bindings;
    latest = { query, vars, rows };
    const truncated = response.headers.get("X-Newskg-Truncated") || response.headers.get("X-Truncated");
    setStatus(`${rows.length} row${rows.length === 1 ? "" : "s"} in ${elapsed} ms${truncated ? " (cut: row limit)" : ""}`);
    showTable(vars, rows);
    showTimeline(vars, rows);
    updateMap(rows, ticket);
  }

  $("run").addEventListener("click", () => run());

  async function download(event, accept, filename) {
    const query = latest ? latest.query : editor.getValue();
    event.preventDefault();
    const response = await post(query, accept);
    const text = await response.text();
    if (!response.ok) {
      showError(response.status, text);
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: accept }));
    const link = el("a", { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  $("download-csv").addEventListener("click", (e) => download(e, "text/csv", "results.csv"));
  $("download-json").addEventListener("click", (e) => download(e, JSON_RESULTS, "results.json"));

  // ---- table ---------------------------------------------------------------------------

  function showTable(vars, rows) {
    const panel = $("panel-table");
    if (!rows.length) {
      panel.replaceChildren(el("p", { class: "muted" }, "No results."));
      return;
    }
    const head = el("tr", {}, el("th", { class: "rownum" }, "#"), ...vars.map((v) => el("th", {}, v)));
    const body = el("tbody");
    rows.slice(0, MAX_TABLE_ROWS).forEach((row, index) => {
      body.append(
        el("tr", {}, el("td", { class: "rownum" }, index + 1), ...vars.map((v) => el("td", { class: cellClass(row[v]) }, termNode(row[v]))))
      );
    });
    const table = el("table", { class: "data results" }, el("thead", {}, head), body);
    const note = rows.length > MAX_TABLE_ROWS
      ? el("p", { class: "muted" }, `Showing the first ${MAX_TABLE_ROWS} rows; download for all.`)
      : null;
    panel.replaceChildren(el("div", { class: "table-scroll" }, table), note || "");
  }

  function cellClass(term) {
    if (!term || term.type !== "literal") return null;
    return term.value.length > 120 ? "wide" : term.value.length > 30 ? "medium" : null;
  }

  function showGraph(text, triples) {
    $("panel-table").replaceChildren(
      el("p", { class: "muted" }, `About ${triples} statements (Turtle):`),
      el("pre", { class: "graph" }, text)
    );
    clearMapAndTimeline();
  }

  // ---- tabs ----------------------------------------------------------------------------

  function openTab(name) {
    for (const tab of document.querySelectorAll(".tab")) {
      tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
    }
    for (const panel of ["table", "map", "timeline"]) $("panel-" + panel).hidden = panel !== name;
    if (name === "map") showMap();
  }

  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => openTab(tab.dataset.tab));
  }

  // ---- map -----------------------------------------------------------------------------

  let map = null;
  let markerLayer = null;
  let mapPoints = [];
  let mapNote = "";

  function parsePoint(wkt) {
    const match = /POINT\s*\(\s*([-+\d.eE]+)\s+([-+\d.eE]+)\s*\)/i.exec(wkt);
    if (!match) return null;
    const lon = Number(match[1]);
    const lat = Number(match[2]);
    return Number.isFinite(lon) && Number.isFinite(lat) ? [lat, lon] : null;
  }

  function isWkt(term) {
    return term && term.type === "literal" && (term.datatype === WKT_LITERAL || /^\s*(<[^>]*>\s*)?POINT\s*\(/i.test(term.value));
  }

  /** Points straight from the rows (WKT literals), then from our IRIs through one follow-up query. */
  async function updateMap(rows, ticket) {
    const points = new Map(); // key → {latlng, label, href, rows}
    const addPoint = (key, latlng, label, href, rowIndex) => {
      const point = points.get(key) || { latlng, label, href, rows: new Set() };
      point.rows.add(rowIndex);
      points.set(key, point);
    };
    const ours = new Set();
    rows.forEach((row, index) => {
      const iris = Object.values(row).filter((t) => t.type === "uri" && t.value.startsWith(config.base));
      for (const term of Object.values(row)) {
        if (!isWkt(term)) continue;
        const latlng = parsePoint(term.value);
        if (!latlng) continue;
        const place = iris[0];
        const label = Object.values(row).find((t) => t.type === "literal" && !isWkt(t) && !t.datatype);
        addPoint(latlng.join(","), latlng, label ? label.value : term.value, place && localHref(place.value), index);
      }
      iris.forEach((t) => ours.add(t.value));
    });
    mapNote = "";
    if (!points.size && ours.size) {
      const linked = await linkedPlaces([...ours].slice(0, 400));
      if (ticket !== runCounter) return;
      let direct = false;
      rows.forEach((row, index) => {
        for (const term of Object.values(row)) {
          for (const place of linked.get(term.value) || []) {
            direct = direct || place.direct;
            addPoint(place.iri, place.latlng, place.label, localHref(place.iri), index);
          }
        }
      });
      if (points.size && !direct) mapNote = "No place in the rows themselves: showing the places their articles, events and claims name.";
    }
    mapPoints = [...points.values()];
    $("map-count").textContent = mapPoints.length ? String(mapPoints.length) : "";
    if (map && !$("panel-map").hidden) drawMarkers();
  }

  async function linkedPlaces(iris) {
    const values = iris.filter((iri) => !/[\s<>"{}|^`\\]/.test(iri)).map((iri) => `<${iri}>`).join(" ");
    const query = `PREFIX geo: <${config.prefixes.geo}>
PREFIX sem: <${config.prefixes.sem}>
PREFIX nkg: <${config.prefixes.nkg}>
PREFIX skos: <${config.prefixes.skos}>
SELECT ?x ?place ?wkt (SAMPLE(?l) AS ?label) WHERE {
  VALUES ?x { ${values} }
  ?x (sem:hasPlace|(nkg:event/sem:hasPlace)|^nkg:mentionedIn)? ?place .
  ?place geo:hasGeometry/geo:asWKT ?wkt .
  OPTIONAL { ?place skos:prefLabel ?l }
} GROUP BY ?x ?place ?wkt LIMIT 5000`;
    const linked = new Map();
    try {
      const response = await post(query, JSON_RESULTS);
      if (!response.ok) return linked;
      const data = await response.json();
      for (const row of data.results.bindings) {
        const latlng = parsePoint(row.wkt.value);
        if (!latlng) continue;
        const list = linked.get(row.x.value) || [];
        const label = row.label ? row.label.value : shortName(row.place.value);
        list.push({ iri: row.place.value, latlng, label, direct: row.x.value === row.place.value });
        linked.set(row.x.value, list);
      }
    } catch (error) {
      console.warn("map follow-up query failed", error);
    }
    const directOnly = new Map();
    for (const [iri, places] of linked) {
      const own = places.filter((p) => p.direct);
      directOnly.set(iri, own.length ? own : places);
    }
    return directOnly;
  }

  const COUNTRY_LABELS = [
    ["Syria", [35.2, 38.6]], ["Iraq", [33.2, 43.6]], ["Turkey", [38.9, 35.2]], ["Lebanon", [33.9, 35.6]],
    ["Jordan", [31.0, 36.6]], ["Israel", [30.9, 34.8]], ["Saudi Arabia", [28.0, 42.0]], ["Iran", [33.5, 50.5]],
    ["Egypt", [27.0, 30.5]], ["Cyprus", [35.1, 33.2]], ["Kuwait", [29.3, 47.6]],
  ];

  function showMap() {
    if (!map) {
      map = L.map("map", { attributionControl: true, zoomSnap: 0.5, worldCopyJump: false });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution("Borders: Natural Earth (public domain)");
      map.setView([35.0, 38.5], 6);
      fetch(config.geojson)
        .then((response) => response.json())
        .then((geojson) => {
          L.geoJSON(geojson, {
            style: (feature) => ({
              color: "#7c8794",
              weight: 1,
              fillColor: feature.properties.name === "Syria" ? "#f3ead7" : "#eef0f2",
              fillOpacity: 1,
            }),
            onEachFeature: (feature, layer) => layer.bindTooltip(feature.properties.name, { sticky: true }),
          }).addTo(map).bringToBack();
        });
      for (const [name, latlng] of COUNTRY_LABELS) {
        L.marker(latlng, {
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: "country-label", html: "", iconSize: null }),
        }).addTo(map).getElement().append(el("span", {}, name));
      }
      markerLayer = L.layerGroup().addTo(map);
    }
    map.invalidateSize();
    drawMarkers();
  }

  function drawMarkers() {
    markerLayer.clearLayers();
    $("map-note").textContent = mapPoints.length
      ? mapNote
      : "No places with coordinates in these results.";
    const bounds = [];
    for (const point of mapPoints) {
      const count = point.rows.size;
      const marker = L.circleMarker(point.latlng, {
        radius: Math.min(18, 6 + 2 * Math.sqrt(count)),
        color: "#8a2d1f",
        weight: 2,
        fillColor: "#d9573f",
        fillOpacity: 0.75,
        className: "place-marker",
      });
      const title = point.href ? el("a", { href: point.href }, point.label) : el("strong", {}, point.label);
      marker.bindPopup(el("div", {}, title, el("div", { class: "muted" }, `${count} result row${count === 1 ? "" : "s"}`)));
      marker.bindTooltip(point.label, { permanent: mapPoints.length <= 8, direction: "right", offset: [8, 0], className: "place-label" });
      marker.addTo(markerLayer);
      bounds.push(point.latlng);
    }
    // Frame the region the bundled borders cover; points far outside it stay on the map.
    const inRegion = bounds.filter(([lat, lon]) => lat > 10 && lat < 46 && lon > 24 && lon < 64);
    if (inRegion.length) bounds.splice(0, bounds.length, ...inRegion);
    if (bounds.length === 1) map.setView(bounds[0], 7);
    else if (bounds.length > 1) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });
  }

  // ---- timeline ------------------------------------------------------------------------

  function isDate(term) {
    return term && term.type === "literal" && (DATE_TYPES.has(term.datatype) || /^\d{4}-\d{2}-\d{2}$/.test(term.value));
  }

  function showTimeline(vars, rows) {
    const panel = $("panel-timeline");
    const items = [];
    rows.forEach((row) => {
      const dateVar = vars.find((v) => isDate(row[v]));
      if (!dateVar) return;
      items.push({ date: row[dateVar].value.slice(0, 10), row, others: vars.filter((v) => v !== dateVar && row[v]) });
    });
    $("timeline-count").textContent = items.length ? String(items.length) : "";
    if (!items.length) {
      panel.replaceChildren(el("p", { class: "muted" }, "No dated rows in these results."));
      return;
    }
    items.sort((a, b) => a.date.localeCompare(b.date));
    const days = new Map();
    for (const item of items) days.set(item.date, [...(days.get(item.date) || []), item]);
    const first = Date.parse(items[0].date);
    const last = Date.parse(items[items.length - 1].date);
    const span = Math.max(last - first, 1);
    const strip = el("div", { class: "tl-strip", "aria-hidden": "true" });
    for (const [date, dayItems] of days) {
      const left = last === first ? 50 : ((Date.parse(date) - first) / span) * 100;
      const dot = el("span", { class: "tl-dot", title: `${date}: ${dayItems.length}` });
      dot.style.left = `calc(${left.toFixed(2)}% - 6px)`;
      dot.style.transform = `scale(${Math.min(2, 1 + Math.log10(dayItems.length))})`;
      strip.append(dot);
    }
    const ends = el("div", { class: "tl-ends" }, el("span", {}, items[0].date), el("span", {}, items[items.length - 1].date));
    const list = el("ol", { class: "tl-list" });
    for (const [date, dayItems] of days) {
      const entries = el("ul");
      for (const item of dayItems) {
        const parts = item.others.map((v) => el("span", { class: "tl-field" }, el("span", { class: "tl-var" }, v), termNode(item.row[v])));
        entries.append(el("li", {}, ...parts));
      }
      list.append(el("li", { class: "tl-day" }, el("time", { datetime: date }, date), entries));
    }
    panel.replaceChildren(strip, ends, list);
  }

  function clearMapAndTimeline() {
    mapPoints = [];
    $("map-count").textContent = "";
    $("timeline-count").textContent = "";
    $("panel-timeline").replaceChildren(el("p", { class: "muted" }, "No dated rows in these results."));
    if (map && !$("panel-map").hidden) drawMarkers();
  }

  // ---- examples ------------------------------------------------------------------------

  function loadExample(id) {
    const example = examples.get(id);
    if (!example) return;
    editor.setValue(example.query);
    for (const button of document.querySelectorAll(".example")) {
      button.classList.toggle("active", button.dataset.example === id);
    }
    history.replaceState(null, "", "#" + encodeURIComponent(id));
    openTab("table");
    run();
  }

  for (const button of document.querySelectorAll(".example")) {
    button.addEventListener("click", () => loadExample(button.dataset.example));
  }

  const fromHash = decodeURIComponent(location.hash.slice(1));
  if (fromHash && examples.has(fromHash)) loadExample(fromHash);
})();
