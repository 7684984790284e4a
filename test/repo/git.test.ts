import { describe, expect, it } from 'vitest';
import { nulRecords, runGit } from '../../src/repo/git.js';
import { tempRepo } from './git-fixture.js';

describe('nulRecords', () => {
  it('hands over each NUL-terminated record once its NUL arrives, across chunks', () => {
    const records: string[] = [];
    const feed = nulRecords((record) => records.push(record));
    const bytes = Buffer.from('a.go\0dir/é.go\0last.go\0', 'utf8');
    // Split inside the two-byte é and right after a NUL.
    const cut1 = bytes.indexOf(Buffer.from('é')) + 1;
    const cut2 = bytes.indexOf(0) + 1;
    feed(bytes.subarray(0, cut2));
    expect(records).toEqual(['a.go']);
    feed(bytes.subarray(cut2, cut1));
    expect(records).toEqual(['a.go']);
    feed(bytes.subarray(cut1));
    expect(records).toEqual(['a.go', 'dir/é.go', 'last.go']);
  });

  it('skips empty records and keeps an unterminated tail until its NUL', () => {
    const records: string[] = [];
    const feed = nulRecords((record) => records.push(record));
    feed(Buffer.from('\0\0x'));
    expect(records).toEqual([]);
    feed(Buffer.from('y\0'));
    expect(records).toEqual(['xy']);
  });
});

describe('runGit', () => {
  it('rejects with the error of a throwing output listener instead of crashing the process', async () => {
    const repo = tempRepo();
    try {
      repo.write('a.txt', 'a\n');
      repo.commit('first');
      const run = runGit(repo.dir, ['ls-files', '-z'], {
        onStdout: () => {
          throw new Error('listener broke');
        },
      });
      await expect(run).rejects.toThrow('listener broke');
    } finally {
      repo.remove();
    }
  });
});
