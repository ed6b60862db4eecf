// Copies the page's browser assets from node_modules into this folder (run: npm run vendor).
// The copies are committed, so installing newskg needs no npm; see README.md here.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "..", "..", "..", "..", "node_modules");

function copy(from, to) {
  mkdirSync(dirname(join(here, to)), { recursive: true });
  copyFileSync(join(modules, from), join(here, to));
}

for (const file of [
  "lib/codemirror.js",
  "lib/codemirror.css",
  "mode/sparql/sparql.js",
  "addon/edit/matchbrackets.js",
  "LICENSE",
]) copy(`codemirror/${file}`, `codemirror/${file.split("/").pop()}`);

for (const file of ["leaflet.js", "leaflet.css"]) copy(`leaflet/dist/${file}`, `leaflet/${file}`);
for (const image of readdirSync(join(modules, "leaflet/dist/images"))) {
  copy(`leaflet/dist/images/${image}`, `leaflet/images/${image}`);
}
copy("leaflet/LICENSE", "leaflet/LICENSE");

// Syria and its neighbours from Natural Earth 1:50m (public domain), as plain GeoJSON.
const REGION = {
  "760": "Syria", "368": "Iraq", "792": "Turkey", "422": "Lebanon", "400": "Jordan",
  "376": "Israel", "275": "Palestine", "196": "Cyprus", "682": "Saudi Arabia",
  "818": "Egypt", "364": "Iran", "414": "Kuwait", "268": "Georgia", "051": "Armenia",
  "031": "Azerbaijan",
};
const atlas = JSON.parse(readFileSync(join(modules, "world-atlas/countries-50m.json"), "utf8"));
const all = feature(atlas, atlas.objects.countries).features;
const round = (value) => (Array.isArray(value) ? value.map(round) : Math.round(value * 1000) / 1000);
const features = all
  .filter((country) => country.id in REGION)
  .map((country) => ({
    type: "Feature",
    id: country.id,
    properties: { name: REGION[country.id] },
    geometry: { type: country.geometry.type, coordinates: round(country.geometry.coordinates) },
  }));
mkdirSync(join(here, "geo"), { recursive: true });
writeFileSync(join(here, "geo/middle-east.geojson"), JSON.stringify({ type: "FeatureCollection", features }));
console.log(`countries: ${features.map((f) => f.properties.name).join(", ")}`);
