import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../src/core/analysis';
import { detachedFacts } from '../../../src/core/store/internedFacts';
import { summariseSource } from '../../../src/core/store/sourceFacts';
import { REPO } from '../corpus/fixtures';

suite('interned facts', () => {
  test('detachedFacts should copy the facts a worker posts without changing any of them', () => {
    for (const file of fs.readdirSync(path.join(REPO, 'seeds'))) {
      const text = fs.readFileSync(path.join(REPO, 'seeds', file), 'utf8');
      const facts = summariseSource(file, analyse({ path: file, text }));
      assert.ok(facts.statements.length > 0 && facts.deals.count > 0, `${file} has keyed figures and deals`);
      assert.deepEqual(detachedFacts(facts), facts, file);
    }
  });
});
