#!/usr/bin/env node
'use strict';
// The `newsmark` command: a thin launcher for the bundled CLI (built by `npm install`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('newsmark: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
require(cli);
