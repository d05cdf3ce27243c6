import { describe, expect, it } from 'vitest';
import { describeSlowFile } from '../../src/pipeline/process-content.js';

describe('the warning for a slow file', () => {
  it('blames the length of a file of megabytes, and what is in a short one', () => {
    const long = describeSlowFile({ displayPath: 'content/arsip/dump.md', bytes: new Uint8Array(4_360_000) }, 10_400);
    expect(long).toContain('content/arsip/dump.md took 10.4 s to process');
    expect(long).toContain('It is 4.4 MB long');
    expect(long).not.toContain('links');
    const short = describeSlowFile({ displayPath: 'content/ekonomi/a.md', bytes: new Uint8Array(40_000) }, 6_000);
    expect(short).toContain('Thousands of links, brackets or emphasis marks');
  });
});
