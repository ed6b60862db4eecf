// The small map on an entity page: the bundled borders and the entity's point(s).
(function () {
  "use strict";
  const box = document.getElementById("entity-map");
  if (!box || typeof L === "undefined") return;
  const points = JSON.parse(box.dataset.points)
    .map((wkt) => /POINT\s*\(\s*([-+\d.eE]+)\s+([-+\d.eE]+)\s*\)/i.exec(wkt))
    .filter(Boolean)
    .map((match) => [Number(match[2]), Number(match[1])]);
  if (!points.length) return;
  const map = L.map(box, { zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Borders: Natural Earth (public domain)");
  map.setView(points[0], 7);
  fetch(box.dataset.geojson)
    .then((response) => response.json())
    .then((geojson) => {
      L.geoJSON(geojson, { style: { color: "#7c8794", weight: 1, fillColor: "#eef0f2", fillOpacity: 1 } })
        .addTo(map)
        .bringToBack();
    });
  for (const point of points) {
    L.circleMarker(point, { radius: 8, color: "#8a2d1f", fillColor: "#d9573f", fillOpacity: 0.8, className: "place-marker" })
      .bindTooltip(box.dataset.label)
      .addTo(map);
  }
})();
