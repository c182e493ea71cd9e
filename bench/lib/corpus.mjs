// Row 4: a deterministic synthetic corpus of tech-news articles (~5 KB each) from varied
// templates — real and invented companies, people and roles, money / percent / power / count /
// date / duration / rate / rank / multiplier figures with ranges and qualifiers, deals of every
// kind, quotes with attribution — as markdown (.md), markdown-ish .txt (like the seeds) and
// plain text (.txt). Same seed, same bytes.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32, pick, int } from './prng.mjs';

const REAL_ORGS = [
  'OpenAI',
  'Microsoft',
  'Amazon Web Services',
  'AWS',
  'NVIDIA',
  'Google',
  'Alphabet',
  'Meta',
  'Anthropic',
  'Oracle',
  'CoreWeave',
  'AMD',
  'Intel',
  'TSMC',
  'Samsung',
  'SoftBank',
  'Apple',
  'Broadcom',
  'xAI',
  'Mistral AI',
  'IBM',
  'Salesforce',
  'Arm',
  'Qualcomm',
];
const SYLLABLES = [
  'vor',
  'lan',
  'tix',
  'mer',
  'cor',
  'va',
  'nex',
  'lu',
  'ra',
  'sol',
  'ion',
  'thra',
  'ka',
  'zen',
  'mi',
  'dra',
  'fel',
  'quo',
  'bri',
  'tal',
];
const ORG_SUFFIXES = [
  'Labs',
  'Systems',
  'Technologies',
  'AI',
  'Compute',
  'Networks',
  'Energy',
  'Capital',
  'Ventures',
  'Robotics',
  'Inc.',
  'Group',
];
const GIVEN = [
  'Sarah',
  'David',
  'Priya',
  'Chen',
  'Maria',
  'James',
  'Amara',
  'Lukas',
  'Yuki',
  'Omar',
  'Elena',
  'Tunde',
  'Noelle',
  'Ravi',
  'Ingrid',
];
const FAMILY = [
  'Walsh',
  'Okafor',
  'Lindqvist',
  'Tanaka',
  'Moreau',
  'Adeyemi',
  'Ramanathan',
  'Kowalski',
  'Haddad',
  'Ferreira',
  'Brennan',
  'Novak',
];
const ROLES = [
  'chief executive',
  'CEO',
  'CFO',
  'chief technology officer',
  'president',
  'head of infrastructure',
  'general partner',
  'analyst',
];
const PLACES = [
  'San Francisco',
  'Seattle',
  'London',
  'Paris',
  'Tokyo',
  'Singapore',
  'Berlin',
  'Austin',
  'Toronto',
  'Bangalore',
  'Zhejiang',
];
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
const PRODUCTS = ['GPUs', 'accelerators', 'CPUs', 'servers', 'data centers', 'AI chips', 'inference clusters'];

function syllableName(rng) {
  const word = Array.from({ length: int(rng, 2, 3) }, () => pick(rng, SYLLABLES)).join('');
  return word[0].toUpperCase() + word.slice(1);
}

function makeWorld(rng) {
  const invented = Array.from({ length: 400 }, () => `${syllableName(rng)} ${pick(rng, ORG_SUFFIXES)}`);
  const people = Array.from({ length: 300 }, () => `${pick(rng, GIVEN)} ${pick(rng, FAMILY)}`);
  return { invented, people };
}

const figures = {
  money: (rng) => {
    const unit = pick(rng, ['million', 'billion', 'billion', 'trillion', 'bn', 'm']);
    const n =
      unit === 'trillion'
        ? (int(rng, 5, 30) / 10).toString()
        : unit === 'million' || unit === 'm'
          ? String(int(rng, 5, 900))
          : String(int(rng, 1, 120));
    const cur = pick(rng, ['$', '$', '$', 'US$', '€', '£']);
    return unit === 'bn' || unit === 'm' ? `${cur}${n}${unit}` : `${cur}${n} ${unit}`;
  },
  moneyRange: (rng) => {
    const a = int(rng, 2, 40);
    return `$${a} billion to $${a + int(rng, 2, 20)} billion`;
  },
  percent: (rng) =>
    pick(rng, [
      `${int(rng, 1, 95)}%`,
      `${int(rng, 1, 60)}.${int(rng, 1, 9)}%`,
      `${int(rng, 2, 80)} percent`,
      `between ${int(rng, 2, 9)}% and ${int(rng, 10, 20)}%`,
    ]),
  power: (rng) =>
    pick(rng, [
      `${int(rng, 1, 9)}.${int(rng, 0, 9)} gigawatts`,
      `${int(rng, 50, 900)} MW`,
      `${int(rng, 1, 10)} GW`,
      `${int(rng, 100, 950)} megawatts`,
    ]),
  count: (rng) =>
    pick(rng, [
      `${int(rng, 2, 900)},000 ${pick(rng, PRODUCTS)}`,
      `hundreds of thousands of ${pick(rng, PRODUCTS)}`,
      `${int(rng, 2, 40)} million users`,
      `${int(rng, 100, 9000)} employees`,
    ]),
  date: (rng) =>
    pick(rng, [
      `${pick(rng, MONTHS)} ${int(rng, 1, 28)}, ${int(rng, 2019, 2027)}`,
      `Q${int(rng, 1, 4)} ${int(rng, 2023, 2027)}`,
      `${pick(rng, MONTHS)} ${int(rng, 2020, 2027)}`,
      `the end of ${int(rng, 2025, 2030)}`,
    ]),
  duration: (rng) =>
    pick(rng, [
      `${pick(rng, ['five', 'seven', 'ten', 'three'])}-year`,
      `${int(rng, 6, 36)} months`,
      `${int(rng, 2, 15)} years`,
    ]),
  rate: (rng) =>
    pick(rng, [
      `$${int(rng, 1, 9)}.${int(rng, 10, 99)} per GPU-hour`,
      `${int(rng, 10, 400)} tokens per second`,
      `$${int(rng, 2, 90)} per million tokens`,
    ]),
  rank: (rng) =>
    pick(rng, [
      `No. ${int(rng, 1, 5)}`,
      `the ${pick(rng, ['second', 'third', 'fourth'])}-largest`,
      `top ${int(rng, 3, 10)}`,
    ]),
  multiplier: (rng) => pick(rng, [`${int(rng, 2, 10)}x`, 'twice', `${int(rng, 2, 5)} times`, 'threefold']),
  qualifier: (rng) => pick(rng, ['', '', 'about ', 'up to ', 'more than ', 'nearly ', 'roughly ']),
};

function sentenceTemplates(rng, w) {
  const org = () => (rng() < 0.55 ? pick(rng, REAL_ORGS) : pick(rng, w.invented));
  const person = () => pick(rng, w.people);
  const q = () => figures.qualifier(rng);
  const a = org();
  let b = org();
  if (b === a) b = pick(rng, w.invented);
  return [
    () => `${a} agreed to acquire ${b} for ${q()}${figures.money(rng)}, the companies said on ${figures.date(rng)}.`,
    () =>
      `${a} will invest ${q()}${figures.money(rng)} in ${b} over ${figures.duration(rng)} as part of a broader partnership.`,
    () =>
      `${b} raised ${figures.money(rng)} in a Series ${pick(rng, ['A', 'B', 'C', 'D'])} round led by ${a}, valuing the company at ${figures.money(rng)}.`,
    () =>
      `${a} signed a ${figures.duration(rng)} cloud contract worth ${figures.moneyRange(rng)} with ${b} for ${figures.count(rng)}.`,
    () =>
      `Under the supply agreement, ${b} will deliver ${q()}${figures.count(rng)} and ${figures.power(rng)} of capacity to ${a} by ${figures.date(rng)}.`,
    () =>
      `${a} and ${b} announced a joint venture in ${pick(rng, PLACES)} with ${figures.power(rng)} of data-center capacity.`,
    () =>
      `${a} took a ${figures.percent(rng)} equity stake in ${b}, ${pick(rng, ['according to a filing', 'people familiar with the matter said', 'the company confirmed'])}.`,
    () =>
      `Revenue at ${a} grew ${figures.percent(rng)} year over year to ${figures.money(rng)} in ${figures.date(rng)}.`,
    () =>
      `“${pick(rng, ['Compute is the bottleneck', 'This deal changes the economics', 'We are only at the beginning', 'Demand keeps outrunning supply'])},” said ${person()}, ${pick(rng, ROLES)} of ${a}.`,
    () =>
      `${person()}, ${pick(rng, ROLES)} at ${b}, said the company now ranks ${figures.rank(rng)} in the market and runs ${figures.multiplier(rng)} faster than a year ago.`,
    () =>
      `Prices fell to ${figures.rate(rng)}, ${figures.percent(rng)} below what ${a} charged in ${figures.date(rng)}.`,
    () =>
      `${a} licensed its models to ${b} under a ${figures.duration(rng)} agreement that includes a revenue share of ${figures.percent(rng)}.`,
    () =>
      `Shares of ${a} rose ${figures.percent(rng)} after the announcement, adding ${figures.money(rng)} in market value.`,
    () =>
      `The company employs ${figures.count(rng)} and plans to hire ${figures.multiplier(rng)} as many engineers in ${pick(rng, PLACES)}.`,
  ];
}

function paragraph(rng, w) {
  const n = int(rng, 2, 5);
  return Array.from({ length: n }, () => pick(rng, sentenceTemplates(rng, w))()).join(' ');
}

const bold = (rng, s) =>
  rng() < 0.35 ? s.replace(/(\$[\d.,]+ ?(?:million|billion|trillion|bn|m)?|\d+(?:\.\d+)?%)/, '**$1**') : s;

function markdownArticle(rng, w, target) {
  const a = pick(rng, REAL_ORGS);
  const parts = [
    `# ${a} ${pick(rng, ['expands', 'bets big on', 'rethinks', 'doubles down on'])} ${pick(rng, ['AI infrastructure', 'compute', 'chips', 'the cloud'])}`,
    '',
    `*${pick(rng, PLACES)}, ${figures.date(rng)}* — ${bold(rng, paragraph(rng, w))}`,
    '',
  ];
  let section = 0;
  const length = () => parts.reduce((n, line) => n + line.length + 1, 0);
  while (length() < target) {
    const r = rng();
    if (r < 0.15)
      parts.push(
        `## ${pick(rng, ['The deal', 'Context', 'What it means', 'Numbers', 'Reaction', 'Background'])} ${++section}`,
        '',
      );
    else if (r < 0.35) {
      for (let i = int(rng, 2, 4); i > 0; i--) parts.push(`- ${bold(rng, pick(rng, sentenceTemplates(rng, w))())}`);
      parts.push(rng() < 0.5 ? '' : paragraph(rng, w), ''); // a list followed by a lazy line, as in the seeds
    } else if (r < 0.42) parts.push(`> ${pick(rng, sentenceTemplates(rng, w))()}`, '');
    else if (r < 0.47)
      parts.push(
        `See [the filing](https://example.com/filings/${int(rng, 1000, 9999)}) and https://news.example.org/${int(rng, 1, 99999)} for details.`,
        '',
      );
    else if (r < 0.5)
      parts.push(
        '| Company | Value |',
        '|---|---|',
        `| ${pick(rng, w.invented)} | ${figures.money(rng)} |`,
        `| ${pick(rng, REAL_ORGS)} | ${figures.percent(rng)} |`,
        '',
      );
    else if (r < 0.52) parts.push('```', `capacity_gw = ${int(rng, 1, 9)}`, '```', '');
    else parts.push(bold(rng, paragraph(rng, w)), '');
  }
  return parts.join('\n');
}

function plainArticle(rng, w, target) {
  const lines = [
    `${pick(rng, REAL_ORGS)} ${pick(rng, ['signs', 'closes', 'announces', 'confirms'])} ${pick(rng, ['deal', 'partnership', 'acquisition', 'funding round'])}`,
    `${pick(rng, PLACES).toUpperCase()}, ${figures.date(rng)} – ${paragraph(rng, w)}`,
  ];
  while (lines.reduce((n, line) => n + line.length + 1, 0) < target) {
    const r = rng();
    if (r < 0.1) lines.push(`• ${pick(rng, sentenceTemplates(rng, w))()}`);
    else if (r < 0.14)
      lines.push(
        `More at https://www.example.com/news/${int(rng, 1, 99999)} or press@${syllableName(rng).toLowerCase()}.com.`,
      );
    else lines.push(paragraph(rng, w));
  }
  return lines.join('\n');
}

export const BATCH = 500;

/**
 * Writes `count` articles under `root` in `parts` subfolders (part-0, part-1, …) of equal
 * size, so that a split run can take one subfolder per worker, each in batches of 500
 * (part-0/batch-00, …), so that a run can take the first batch of every part as a sample.
 * Returns totals.
 */
export function writeCorpus(root, { count, parts = 2, seed = 20251108, targetBytes = 5000 }) {
  const rng = mulberry32(seed);
  const world = makeWorld(rng);
  let bytes = 0;
  const styles = { markdown: 0, markdownTxt: 0, plain: 0 };
  for (let i = 0; i < count; i++) {
    const target = targetBytes + int(rng, -600, 600);
    const r = rng();
    const style = r < 0.45 ? 'markdown' : r < 0.65 ? 'markdownTxt' : 'plain';
    styles[style]++;
    const text = style === 'plain' ? plainArticle(rng, world, target) : markdownArticle(rng, world, target);
    const ext = style === 'markdown' ? 'md' : 'txt';
    const part = Math.floor((i * parts) / count);
    const inPart = i - Math.ceil((part * count) / parts);
    const folder = join(root, `part-${part}`, `batch-${String(Math.floor(inPart / BATCH)).padStart(2, '0')}`);
    if (inPart % BATCH === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `article-${String(i).padStart(5, '0')}.${ext}`), text);
    bytes += Buffer.byteLength(text);
  }
  return { count, bytes, styles, parts };
}

/** Every article file under `folder`, in name order (recursive). */
export function articleFiles(folder) {
  const out = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...articleFiles(path));
    else out.push(path);
  }
  return out;
}
