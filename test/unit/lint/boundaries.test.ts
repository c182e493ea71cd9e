import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.join(__dirname, '..', '..', '..');

/** The rules eslint.config.mjs reports for `code` as if it were the file `file` of the repository. */
async function rulesBroken(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

/** The architecture as lint rules (docs/architecture.md, "The parts"): each boundary is enforced. */
suite('lint: the import boundaries of the architecture', function () {
  this.timeout(120_000);

  test('should refuse vscode, Node built-ins and the editor in the core', async () => {
    assert.deepEqual(
      await rulesBroken('src/core/probe.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"),
      ['no-restricted-imports'],
    );
    assert.deepEqual(await rulesBroken('src/core/probe.ts', "import * as fs from 'node:fs';\nexport const f = fs;\n"), [
      'import-x/no-nodejs-modules',
    ]);
    assert.deepEqual(
      await rulesBroken(
        'src/core/probe.ts',
        "import { createLog } from '../editor/log';\nexport const l = createLog;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
  });

  test('should refuse what is extracted in the parser, and the editor and the CLI in each other', async () => {
    assert.deepEqual(
      await rulesBroken(
        'src/core/parse/probe.ts',
        "import { analyse } from '../analysis';\nimport { DEAL_KINDS } from '../extract/deals/kinds';\nexport const k = [analyse, DEAL_KINDS];\n",
      ),
      ['import-x/no-restricted-paths'],
    );
    assert.deepEqual(
      await rulesBroken('src/editor/probe.ts', "import { main } from '../cli/main';\nexport const m = main;\n"),
      ['import-x/no-restricted-paths'],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/cli/probe.ts',
        "import { createLog } from '../editor/log';\nexport const l = createLog;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
  });

  test('should keep facts ← store ← corpus: no store or corpus in the language of facts, no corpus in the store', async () => {
    assert.deepEqual(
      await rulesBroken(
        'src/core/facts/probe.ts',
        "import { summariseSource } from '../store/sourceFacts';\nexport const s = summariseSource;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/core/facts/probe.ts',
        "import { Corpus } from '../corpus/corpus';\nexport const c = Corpus;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/core/store/probe.ts',
        "import { Corpus } from '../corpus/index';\nexport const c = Corpus;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/core/parse/probe.ts',
        "import { byText } from '../facts/order';\nexport const b = byText;\n",
      ),
      ['import-x/no-restricted-paths'],
    );
  });

  test('should let each part import what it may', async () => {
    assert.deepEqual(
      await rulesBroken(
        'src/editor/probe.ts',
        "import * as vscode from 'vscode';\nimport { analyse } from '../core/analysis';\nexport const a = [vscode, analyse];\n",
      ),
      [],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/cli/probe.ts',
        "import * as fs from 'node:fs';\nimport { analyse } from '../core/analysis';\nexport const a = [fs, analyse];\n",
      ),
      [],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/core/facts/probe.ts',
        "import { analyse } from '../analysis';\nimport { sentenceAt } from '../parse/sentenceIndex';\nexport const a = [analyse, sentenceAt];\n",
      ),
      [],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/core/store/probe.ts',
        "import { factsOf } from '../facts/index';\nimport { StringPool } from './stringPool';\nexport const a = [factsOf, StringPool];\n",
      ),
      [],
    );
    assert.deepEqual(
      await rulesBroken(
        'src/core/corpus/probe.ts',
        "import { byText } from '../facts/index';\nimport { summariseSource } from '../store/sourceFacts';\nexport const a = [byText, summariseSource];\n",
      ),
      [],
    );
  });
});
