import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

const resolve = async (user: Record<string, unknown>) =>
  await resolveConfig(
    '/site',
    parseConfigText(JSON.stringify(user), 'newsgen.config.json', undefined),
    {},
    new Date(0),
  );

describe('feeds config', () => {
  it('defaults to 50 full-content items with section feeds only', async () => {
    expect((await resolve({})).config.feeds).toEqual({ limit: 50, content: 'full', tags: false, authors: false });
  });

  it('takes a limit, summary content and tag and author feeds', async () => {
    expect(
      (await resolve({ feeds: { limit: 10, content: 'summary', tags: true, authors: true } })).config.feeds,
    ).toEqual({
      limit: 10,
      content: 'summary',
      tags: true,
      authors: true,
    });
  });

  it('reports bad values at their key', async () => {
    let error: unknown;
    try {
      await resolve({ feeds: { limit: 0, content: 'semua', tags: 'ya' } });
    } catch (caught) {
      error = caught;
    }
    expect(isNewsgenError(error)).toBe(true);
    const reasons = (error as { diagnostics: { reason: string }[] }).diagnostics.map((d) => d.reason).join('\n');
    expect(reasons).toContain('feeds.limit');
    expect(reasons).toContain('feeds.content');
    expect(reasons).toContain('feeds.tags');
  });

  it('warns about unknown feed settings', async () => {
    expect((await resolve({ feeds: { size: 3 } })).warnings.map((d) => d.reason).join('')).toContain('feeds.size');
  });
});
