import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';

/** src/core runs in Node, in a browser and in the CLI: it may import neither `vscode` nor Node built-ins. */
suite('architecture: the core is editor-free and platform-free', () => {
  const root = path.join(__dirname, '..', '..', 'src', 'core');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(root);
  const forbidden = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const IMPORT =
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

  test('should find the core sources', () => assert.ok(files.length > 20));

  test('should import no vscode and no Node built-in from src/core', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        if (forbidden.has(specifier) || specifier.startsWith('node:'))
          offenders.push(`${path.relative(root, file)} imports '${specifier}'`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  test('should catch a forbidden import (the check itself works)', () => {
    const sample = "import * as vscode from 'vscode';\nimport { readFileSync } from 'node:fs';";
    const found = [...sample.matchAll(IMPORT)].map((m) => m[1]);
    assert.deepEqual(found, ['vscode', 'node:fs']);
  });
});
