#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128), the extension's icon in the Marketplace and
// the Extensions view. Run by `npm run package`; the PNG is build output (git-ignored).
import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const media = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media');
const svg = fs.readFileSync(path.join(media, 'icon.svg'), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 128 }, background: 'rgba(0,0,0,0)' }).render().asPng();
fs.writeFileSync(path.join(media, 'icon.png'), png);
console.log(`media/icon.png: 128×128, ${png.length} bytes`);
