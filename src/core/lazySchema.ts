/**
 * A zod schema that is built the first time it is used, not when its module loads (issue 14 §7).
 *
 * Building the boundary schemas (src/core/schema.ts, webviewMessages.ts, the persisted facts)
 * was most of what loading the extension cost before `activate()` could run: zod allocates a
 * few objects per check, and the schemas are a few hundred of them. Few of them are needed at
 * activation, and most never in a session.
 *
 * `lazySchema(() => z.object(…))` has the type of the schema it builds. The value is a proxy that
 * builds the schema on its first property read (`parse`, `safeParse`, `_zod`, `shape`…) and then
 * forwards every read to it. A lazy schema may be used inside another one; zod reaches it through
 * the same reads. The metadata zod keeps beside a schema in its registry (`.describe()`) is
 * copied to the proxy when the schema is built, so JSON Schemas generated from lazy schemas keep
 * their descriptions. `buildLazySchemas()` builds every one still unbuilt, for the few callers
 * that hand a schema to code that reads the registry before anything else
 * (`z.toJSONSchema`), and for the test that checks each builds.
 */
import * as z from 'zod';

const unbuilt = new Set<() => unknown>();
let declared = 0;

export function lazySchema<T extends z.ZodType>(build: () => T): T {
  let schema: T | undefined;
  const materialise = (): T => {
    if (schema) return schema;
    schema = build();
    unbuilt.delete(materialise);
    const meta = z.globalRegistry.get(schema);
    if (meta) z.globalRegistry.add(proxy, meta);
    return schema;
  };
  unbuilt.add(materialise);
  declared++;
  // the target is never read: every trap answers from the built schema
  const proxy = new Proxy(Object.create(null) as T, {
    get: (_target, key) => Reflect.get(materialise(), key),
    has: (_target, key) => Reflect.has(materialise(), key),
    set: (_target, key, value) => Reflect.set(materialise(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(materialise()),
  });
  return proxy;
}

/** Builds every lazy schema that has not been built yet; returns how many it built. */
export function buildLazySchemas(): number {
  let count = 0;
  // building one schema may build others (and so remove them from the set) while this loops
  for (const materialise of [...unbuilt]) {
    if (!unbuilt.has(materialise)) continue;
    materialise();
    count++;
  }
  return count;
}

/** How many lazy schemas the loaded modules declare, and how many of them are built so far. */
export function lazySchemaCounts(): { declared: number; built: number } {
  return { declared, built: declared - unbuilt.size };
}
