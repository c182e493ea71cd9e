// A generated workspace of many deals for the map's scale checks (the UI check and the bench):
// `articles` articles of `dealsPerArticle` deal sentences each between fictional companies
// (named in the workspace lexicon), each deal distinct (its own parties or amount), dated.
// Deterministic: the same arguments always write the same files.
import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../bench/lib/prng.mjs';

const SYLLABLES = [
  'al',
  'bor',
  'cin',
  'dra',
  'el',
  'fen',
  'gar',
  'hol',
  'ix',
  'jun',
  'kel',
  'lor',
  'mar',
  'nov',
  'or',
  'pel',
  'quin',
  'ros',
  'sel',
  'tar',
  'ul',
  'ven',
  'wen',
  'xan',
  'yor',
  'zel',
];
const SUFFIXES = [
  'Systems',
  'Labs',
  'Compute',
  'Networks',
  'Capital',
  'Energy',
  'Robotics',
  'Cloud',
  'Data',
  'Semiconductors',
];

export function partyNames(count) {
  const names = [];
  for (let i = 0; names.length < count; i++) {
    const a = SYLLABLES[i % SYLLABLES.length];
    const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length];
    const word = `${a[0].toUpperCase()}${a.slice(1)}${b}${['a', 'o', 'i', 'e'][Math.floor(i / 676) % 4]}`;
    names.push(`${word} ${SUFFIXES[i % SUFFIXES.length]}`);
  }
  return names;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Writes the workspace into `dir`; returns the number of deal sentences written. */
export function writeDealWorkspace(dir, { articles = 200, dealsPerArticle = 10, parties = 420, seed = 13 } = {}) {
  const next = mulberry32(seed);
  const names = partyNames(parties);
  // a few hubs take many deals, as in the news: the first parties are picked more often
  const pick = () => names[Math.floor(names.length * next() ** 2.2)];
  fs.mkdirSync(path.join(dir, '.newsmark'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.newsmark', 'lexicon.json'),
    `${JSON.stringify({ version: 1, entities: names.map((name) => ({ name, type: 'org' })) }, null, 2)}\n`,
  );
  let written = 0;
  const used = new Set(); // one deal per kind and pair of parties: none merges with another
  const templates = 4;
  for (let a = 0; a < articles; a++) {
    const month = a % 12;
    const lines = [`# Deal report ${a + 1}`, '', `${MONTHS[month]} ${1 + (a % 27)}, ${2023 + (a % 3)}`, ''];
    for (let d = 0; d < dealsPerArticle; d++) {
      let [x, y] = [pick(), pick()];
      while (y === x || used.has(`${written % templates}|${x}|${y}`)) [x, y] = [pick(), pick()];
      used.add(`${written % templates}|${x}|${y}`);
      const amount = (1 + Math.floor(next() * 900)) / 10 + (written % 97) / 1000; // distinct amounts
      const sentence = [
        `${x} agreed to acquire ${y} for $${amount.toFixed(3)} billion.`,
        `${x} signed a $${amount.toFixed(3)} billion cloud contract with ${y}.`,
        `${x} invested $${(amount * 10).toFixed(2)} million in ${y}.`,
        `${x} signed a $${(amount * 10).toFixed(2)} million supply agreement with ${y}.`,
      ][written % 4];
      lines.push(`${sentence} The companies said the terms were final.`, '');
      written++;
    }
    fs.writeFileSync(path.join(dir, `report-${String(a + 1).padStart(3, '0')}.md`), lines.join('\n'));
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node test/ui/dealWorkspace.mjs <folder> [articles]');
    process.exit(2);
  }
  console.log(`${writeDealWorkspace(dir, { articles: Number(process.argv[3] ?? 200) })} deal sentences in ${dir}`);
}
