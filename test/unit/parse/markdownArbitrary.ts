/**
 * fast-check arbitraries for markdown articles that exercise every construct whose extent a
 * blank line does not end: HTML comments and `<pre>`/`<script>` blocks with blank lines,
 * fenced code (closed, unclosed, inside list items), indented code, lists with continuation
 * paragraphs and lazy lines, block quotes, tables, front matter, footnote and link reference
 * definitions used before or after they are defined — plus hostile characters (emoji, CJK,
 * CRLF, zero-width, soft hyphens). The sentences are our own.
 */
import fc from 'fast-check';

const WORDS = [
  'Microsoft',
  'invested',
  '$13 billion',
  'in',
  'OpenAI',
  'Sam [Altman](https://x.example)',
  'said',
  'revenue',
  'rose',
  '12%',
  'to',
  '€4.5 billion',
  'in 2025',
  'Nvidia',
  '**$38 billion**',
  '*about* 4.5 GW',
  '`code $5`',
  '[the deal][ref1]',
  '[ref1]',
  '[^1]',
  '[^n]',
  '[missing][nowhere]',
  '<span>',
  'https://example.com/a',
  'www.example.com',
  'a@b.co',
  '&amp;',
  '&#36;5 million',
  '\\*',
  '_u_',
  '~~gone~~',
  'Amazon Web Services (AWS)',
  'Mr. Smith',
  'U.S.',
  '🚀',
  '数据中心',
  '$4\u200B0 billion',
  'bil\u00ADlion',
  'e\u0301t\u00e9',
  '<!-- aside -->',
  'x|y',
  ':-',
  '\t',
  'Series B',
  '1.',
  '2)',
];

/** One line of prose: a few words and inline constructs. */
export const inline = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 }).map((ws) => ws.join(' '));

const lines = (n: number) => fc.array(inline, { minLength: 1, maxLength: n });
const paragraph = lines(3).map((ls) => ls.join('\n'));

const block: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: paragraph, weight: 8 },
  { arbitrary: fc.constant(''), weight: 6 },
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  fc.tuple(inline, fc.constantFrom('===', '---', '-')).map(([t, u]) => `${t}\n${u}`),
  // HTML blocks: comments and raw blocks may hold blank lines; the others end at one
  fc.tuple(lines(2), fc.boolean()).map(([ls, closed]) => `<!--\n${ls.join('\n\n')}\n${closed ? '-->' : ''}`),
  fc.tuple(inline, inline).map(([a, b]) => `<!-- ${a}\n\n${b} --> tail`),
  lines(2).map((ls) => `<pre>\n${ls.join('\n\n')}\n</pre>`),
  lines(2).map((ls) => `<script>\nlet x = 1;\n\n${ls.join('\n')}\n</script>`),
  lines(2).map((ls) => `<div>\n${ls.join('\n')}\n</div>`),
  fc.tuple(inline).map(([t]) => `<?php\n\n${t}\n?>`),
  // fences, closed or not, at the top level or in a list item
  fc
    .tuple(fc.constantFrom('```', '~~~', '````'), lines(2), fc.boolean())
    .map(([f, ls, closed]) => `${f}js\n${ls.join('\n\n')}\n${closed ? f : ''}`),
  fc.tuple(lines(2), inline).map(([ls, t]) => `- ${t}\n\n  \`\`\`\n  ${ls.join('\n\n  ')}\n\n${ls[0]}\n\`\`\``),
  lines(2).map((ls) => ls.map((l) => `    ${l}`).join('\n\n')),
  // lists: continuation paragraphs indented 2 or 4 spaces, lazy lines, nesting, ordered
  fc.tuple(inline, inline, fc.constantFrom('  ', '    ', '   ', '')).map(([a, b, ind]) => `- ${a}\n\n${ind}${b}`),
  fc.tuple(inline, inline).map(([a, b]) => `1. ${a}\n2. ${b}\n\n   continued ${a}`),
  fc.tuple(inline, inline, inline).map(([a, b, c]) => `* ${a}\n  * ${b}\n    ${c}\n\n  * ${a}`),
  fc.tuple(inline, inline).map(([a, b]) => `- ${a}\n${b}`),
  fc.tuple(inline, inline).map(([a, b]) => `1) ${a}\n\n10. ${b}`),
  // block quotes, with blank lines inside and lazy continuation
  fc.tuple(inline, inline).map(([a, b]) => `> ${a}\n>\n> ${b}`),
  fc.tuple(inline, inline).map(([a, b]) => `> ${a}\n${b}\n\n> > ${a}`),
  fc.tuple(inline, inline).map(([a, b]) => `> - ${a}\n>\n>   ${b}`),
  // tables
  fc
    .tuple(inline, inline)
    .map(([a, b]) => `| Company | Amount |\n| --- | ---: |\n| ${a.replace(/\|/g, '')} | ${b.replace(/\|/g, '')} |`),
  fc.tuple(inline).map(([a]) => `a | b\n:- | -:\n${a.replace(/\|/g, '')} | 1`),
  // definitions
  fc.tuple(inline, fc.constantFrom('    ', '  ')).map(([a, ind]) => `[^1]: ${a}\n\n${ind}${a}`),
  fc.constantFrom(
    '[ref1]: https://x.example "Title"',
    '[^n]: A note.',
    '[Ref1]:\n  https://x.example',
    '> [ref1]: https://q.example',
  ),
  fc.constantFrom('***', '---', '___', '- - -'),
);

/** A whole article: optional front matter, then blocks joined by line breaks (sometimes CRLF). */
export const markdownArticle: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(
      fc.tuple(inline, fc.boolean()).map(([t, closed]) => `---\ntitle: x\n\nnote: ${t}\n${closed ? '---' : ''}`),
      { freq: 5 },
    ),
    fc.array(block, { minLength: 1, maxLength: 40 }),
    fc.boolean(),
  )
  .map(([front, blocks, crlf]) => {
    const text = [...(front === null ? [] : [front]), ...blocks].join('\n') + '\n';
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
