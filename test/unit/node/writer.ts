// A child process for the lockedFile tests: `writer.ts <file> <name> <count>` adds `count` entries
// "<name>-<i>" to the JSON array in <file>, each under the lock, as another window would.
// `writer.ts <file> --loop` rewrites the file for ever (versions with a checksum) until killed.
import { updateLocked, writeAtomically } from '../../../src/node/lockedFile';

const [file, name, count] = process.argv.slice(2) as [string, string, string];

function checksum(body: string): number {
  let h = 0;
  for (let i = 0; i < body.length; i++) h = (Math.imul(h, 31) + body.charCodeAt(i)) >>> 0;
  return h;
}

async function main(): Promise<void> {
  if (name === '--loop') {
    for (let version = 0; ; version++) {
      const body = 'x'.repeat(1000 + (version % 50) * 997);
      await writeAtomically(file, JSON.stringify({ version, body, checksum: checksum(body) }));
      process.stdout.write(`${version}\n`);
    }
  }
  for (let i = 0; i < Number(count); i++) {
    await updateLocked(
      file,
      (current) => {
        const entries: string[] = current === undefined ? [] : JSON.parse(current);
        entries.push(`${name}-${i}`);
        return JSON.stringify(entries);
      },
      { timeoutMs: 30_000 },
    );
  }
}

void main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  },
);
