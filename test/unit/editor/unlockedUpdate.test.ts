import * as assert from 'node:assert/strict';
import { MAX_UPDATE_ATTEMPTS, updateWithoutLock, type UnlockedFile } from '../../../src/editor/unlockedUpdate';

/** A file in memory; `between` runs after each read that follows another (another writer's moment). */
function memoryFile(text: string | undefined, between?: (file: MemoryFile) => void): MemoryFile {
  const file: MemoryFile = {
    text,
    reads: 0,
    writes: [],
    async read() {
      file.reads++;
      const seen = file.text;
      if (file.reads % 2 === 1) between?.(file); // after the first read of an attempt, before its second
      return seen;
    },
    async write(next) {
      file.writes.push(next);
      file.text = next;
    },
  };
  return file;
}

interface MemoryFile extends UnlockedFile {
  text: string | undefined;
  reads: number;
  writes: string[];
}

/** Adds a line, as the store adds its changes to what is on disk. */
const addLine = (line: string) => (current: string | undefined) => `${current ?? ''}${line}\n`;

suite('updateWithoutLock: a read-modify-write with no lock between writers (vscode.workspace.fs)', () => {
  test('should write what `next` makes of the file, and create a missing one', async () => {
    const file = memoryFile(undefined);
    assert.deepEqual(await updateWithoutLock(file, addLine('tag A')), {
      before: undefined,
      after: 'tag A\n',
      isWritten: true,
      restarts: 0,
    });
    assert.deepEqual(file.writes, ['tag A\n']);
  });

  test('should write nothing when `next` leaves the text as it is or says undefined', async () => {
    const file = memoryFile('kept\n');
    assert.deepEqual(await updateWithoutLock(file, (t) => t), {
      before: 'kept\n',
      after: 'kept\n',
      isWritten: false,
      restarts: 0,
    });
    assert.deepEqual(await updateWithoutLock(file, () => undefined), {
      before: 'kept\n',
      after: 'kept\n',
      isWritten: false,
      restarts: 0,
    });
    assert.deepEqual(file.writes, []);
  });

  test('should start over from what another writer wrote between its read and its write, keeping both changes', async () => {
    let isOtherDone = false;
    const file = memoryFile('tag A\n', (f) => {
      if (isOtherDone) return;
      isOtherDone = true;
      f.text = `${f.text}tag B (another window)\n`;
    });
    const seen: Array<string | undefined> = [];
    const result = await updateWithoutLock(file, (current) => {
      seen.push(current);
      return addLine('tag C')(current);
    });
    assert.deepEqual(
      seen,
      ['tag A\n', 'tag A\ntag B (another window)\n'],
      "`next` saw the other writer's text the second time",
    );
    assert.equal(file.text, 'tag A\ntag B (another window)\ntag C\n');
    assert.equal(result.restarts, 1);
    assert.deepEqual(file.writes, [file.text], 'one write, after the merge');
  });

  test('should give up without writing when another writer changes the file every time', async () => {
    let n = 0;
    const file = memoryFile('', (f) => {
      f.text = `${f.text}other ${++n}\n`;
    });
    await assert.rejects(
      updateWithoutLock(file, addLine('mine')),
      new RegExp(`changed the file ${MAX_UPDATE_ATTEMPTS} times.*nothing was written`),
    );
    assert.deepEqual(file.writes, []);
    assert.ok(!file.text?.includes('mine'));
  });

  test('should write nothing over a file it could not read', async () => {
    const file = memoryFile('text');
    file.read = async () => {
      throw new Error('EACCES');
    };
    await assert.rejects(updateWithoutLock(file, addLine('mine')), /EACCES/);
    assert.deepEqual(file.writes, []);
  });
});
