import { describe, expect, it } from 'vitest';
import { fileSystemMessage, isSystemError } from '../src/errors.js';

function systemError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
}

describe('file-system errors', () => {
  it('are one line naming the file relative to the directory, and what to do', () => {
    expect(fileSystemMessage(systemError('EACCES', 'open', '/w/docs/plan.md'), '/w')).toBe("docs/plan.md: permission denied: check its permissions (and its directory's)");
    expect(fileSystemMessage(systemError('ENOTDIR', 'mkdir', '/w/.claude/commands'), '/w')).toBe('.claude/commands: a file stands where a directory should be: move it aside');
    expect(fileSystemMessage(systemError('EIO', 'read', '/elsewhere/x'), '/w')).toBe('../elsewhere/x: read failed (EIO)');
  });

  it('are told apart from bugs', () => {
    expect(isSystemError(systemError('EEXIST', 'mkdir', '/x'))).toBe(true);
    expect(isSystemError(new TypeError('x is undefined'))).toBe(false);
  });
});
