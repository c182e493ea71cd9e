import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { buildLazySchemas, lazySchema, lazySchemaCounts } from '../../src/core/lazySchema';

suite('lazy schemas: built on first use, not when their module loads', () => {
  test('should not run the builder until the schema is used, and then run it once', () => {
    let builds = 0;
    const Point = lazySchema(() => {
      builds++;
      return z.object({ x: z.number(), y: z.number() }).strict();
    });
    assert.equal(builds, 0);
    assert.deepEqual(Point.parse({ x: 1, y: 2 }), { x: 1, y: 2 });
    assert.equal(Point.safeParse({ x: 1 }).success, false);
    assert.equal(Point.safeParse({ x: 1, y: 2, z: 3 }).success, false);
    assert.equal(builds, 1);
    assert.ok(Point instanceof z.ZodObject);
  });

  test('should validate like the schema it builds when nested in other schemas, lazy or not', () => {
    const Name = lazySchema(() => z.string().min(1).max(5));
    const Party = lazySchema(() => z.object({ name: Name, role: z.enum(['buyer', 'seller']) }));
    const Deal = z.object({ parties: z.array(Party).min(2), note: Name.optional() });
    const valid = {
      parties: [
        { name: 'Arm', role: 'buyer' },
        { name: 'SoftB', role: 'seller' },
      ],
    };
    assert.deepEqual(Deal.parse(valid), valid);
    const tooLong = { parties: [valid.parties[0], { name: 'SoftBank', role: 'seller' }] };
    const failed = Deal.safeParse(tooLong);
    assert.equal(failed.success, false);
    assert.deepEqual(failed.error?.issues[0]?.path, ['parties', 1, 'name']);
    assert.equal(Party.shape.role.options.length, 2);
  });

  test('should keep descriptions in the JSON Schema, as the same schema built at once does', () => {
    const eagerly = () => {
      const Offset = z.number().int().describe('UTF-16 code units');
      return z.object({ start: Offset, end: Offset.describe('end-exclusive') }).describe('A span');
    };
    const Offset = lazySchema(() => z.number().int().describe('UTF-16 code units'));
    const Span = lazySchema(() =>
      z.object({ start: Offset, end: Offset.describe('end-exclusive') }).describe('A span'),
    );
    buildLazySchemas();
    assert.deepEqual(z.toJSONSchema(Span), z.toJSONSchema(eagerly()));
    assert.match(JSON.stringify(z.toJSONSchema(Span)), /UTF-16 code units.*end-exclusive.*A span/s);
  });

  test('should build every unbuilt schema on request, and count them', () => {
    const before = lazySchemaCounts();
    lazySchema(() => z.string());
    lazySchema(() => z.number());
    const declared = lazySchemaCounts();
    assert.equal(declared.declared, before.declared + 2);
    assert.equal(declared.built, before.built);
    assert.ok(buildLazySchemas() >= 2);
    const after = lazySchemaCounts();
    assert.equal(after.built, after.declared);
    assert.equal(buildLazySchemas(), 0);
  });

  test("should build no schema while the boundary modules load (the extension's activation does not wait for zod)", () => {
    // a fresh process: in this one, other tests have built the schemas already
    const root = join(__dirname, '..', '..');
    const modules = [
      'src/core/schema.ts',
      'src/core/webviewMessages.ts',
      'src/core/store/persistedFacts.ts',
      'src/core/annotations/file.ts',
      'src/core/exportFormats.ts',
      'src/core/corpus/corpus.ts',
    ];
    const script = [
      ...modules.map((m) => `require(${JSON.stringify(join(root, m))});`),
      `console.log(JSON.stringify(require(${JSON.stringify(join(root, 'src/core/lazySchema.ts'))}).lazySchemaCounts()));`,
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const counts = JSON.parse(child.stdout.trim().split('\n').pop()!) as { declared: number; built: number };
    assert.ok(counts.declared >= 80, `only ${counts.declared} lazy schemas declared`);
    assert.equal(counts.built, 0, `${counts.built} of ${counts.declared} schemas were built while loading`);
  });

  test('should find no schema built at the top of a module in src/ (each is wrapped in lazySchema)', () => {
    const root = join(__dirname, '..', '..', 'src');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const eager: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      if (!/from 'zod'/.test(text) || file.startsWith('webview')) continue; // webviews load only when opened
      for (const [i, line] of text.split('\n').entries())
        if (
          /^(?:export )?const \w+(?::[^=]+)? = (?:z\b|[A-Z]\w*\.(?:array|optional|nullable|extend|describe)\()/.test(
            line,
          )
        )
          eager.push(`src/${file}:${i + 1}: ${line}`);
    }
    assert.ok(files.length > 100);
    assert.deepEqual(eager, []);
  });
});
