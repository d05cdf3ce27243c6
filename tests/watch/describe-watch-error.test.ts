import { describe, expect, it } from 'vitest';
import { describeWatchError } from '../../src/watch/describe-watch-error.js';

describe('describeWatchError', () => {
  it.each(['ENOSPC', 'EMFILE'])('explains the watcher limit and how to raise it for %s', (code) => {
    const error = describeWatchError(
      Object.assign(new Error(`${code}: System limit for number of file watchers reached`), { code }),
    );
    expect(error.code).toBe('watch-limit');
    expect(error.message).toContain(code);
    expect(error.hint).toContain('sysctl fs.inotify.max_user_watches=524288');
  });

  it('keeps the message of other failures', () => {
    expect(describeWatchError(new Error('EACCES: permission denied')).message).toBe(
      'File watcher failed: EACCES: permission denied',
    );
  });
});
