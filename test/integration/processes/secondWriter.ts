// A second writer of a workspace's annotations, in a process of its own: what another VS Code
// window on the same folder does, with the project's own store code — the core's changes
// (annotations/changes.ts) replayed over the file as it is, under the lock of src/node/lockedFile.
//   node --import tsx secondWriter.ts <annotations.json> <changes.json>
// changes.json: an array of AnnotationChange; each is written in its own locked update, as a
// window writes each tag. Prints "done N" and exits 0; any failure exits 1 with its message.
import * as fs from 'node:fs';
import {
  applyChange,
  EMPTY_ANNOTATION_FILE,
  parseAnnotationFile,
  serialiseAnnotationFile,
  type AnnotationChange,
} from '../../../src/core/annotations/index';
import { updateLocked } from '../../../src/node/lockedFile';

async function main(): Promise<void> {
  const [file, changesFile] = process.argv.slice(2) as [string, string];
  const changes = JSON.parse(fs.readFileSync(changesFile, 'utf8')) as AnnotationChange[];
  for (const change of changes) {
    await updateLocked(
      file,
      (current) => {
        const parsed =
          current === undefined ? { ok: true as const, file: EMPTY_ANNOTATION_FILE } : parseAnnotationFile(current);
        if (!parsed.ok) throw new Error(`invalid annotations file: ${parsed.message}`);
        return serialiseAnnotationFile(applyChange(parsed.file, change));
      },
      { timeoutMs: 30_000 },
    );
  }
  process.stdout.write(`done ${changes.length}\n`);
}

void main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
