import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLocaleData } from '../../src/config/check-locale-data.js';
import type { LoadedConfig } from '../../src/config/load-config.js';
import { type InlineConfig, resolveConfig, THEME_DIR } from '../../src/config/resolve-config.js';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

// A root that does not exist, so no templates folder is found there.
const ROOT = path.resolve('/nonexistent/newsgen-site');
const CLOCK = new Date('2026-11-27T08:00:00Z');
const FILE = 'newsgen.config.json';

function load(value: Record<string, unknown>): LoadedConfig {
  return parseConfigText(`${JSON.stringify(value, null, 2)}\n`, FILE, path.join(ROOT, FILE));
}

async function resolve(value: Record<string, unknown>, inline: InlineConfig = {}) {
  return await resolveConfig(ROOT, load(value), inline, CLOCK);
}

async function catchError(run: () => unknown): Promise<NewsgenError> {
  try {
    await run();
  } catch (error) {
    if (isNewsgenError(error)) return error;
    throw error;
  }
  throw new Error('Expected a NewsgenError');
}

describe('resolveConfig defaults', () => {
  test('applies every default to an empty config', async () => {
    const { config, warnings } = await resolve({});
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({
      root: ROOT,
      title: 'newsgen site',
      description: '',
      baseUrl: 'http://localhost:4000/',
      basePath: '/',
      locale: 'en',
      timeZone: 'UTC',
      permalink: '/:section/:slug/',
      perPage: 20,
      publisher: { name: 'newsgen site', logo: undefined, icon: undefined, color: '#b3001b' },
      sections: [],
      strings: {},
      related: { count: 4, weights: { tag: 10, section: 3, author: 2, recency: 2, halfLifeDays: 30 } },
      otherNewsCount: 8,
      contentDir: path.join(ROOT, 'content'),
      templatesDir: undefined,
      themeDir: THEME_DIR,
      staticDir: path.join(ROOT, 'static'),
      outDir: path.join(ROOT, 'dist'),
      drafts: false,
      future: false,
    });
    expect(config.now).toEqual(CLOCK);
  });

  test('works without a config file', async () => {
    const loaded: LoadedConfig = { file: undefined, displayPath: '(defaults)', value: {}, locate: () => undefined };
    expect((await resolveConfig(ROOT, loaded, {}, CLOCK)).config.configFile).toBeUndefined();
  });
});

describe('resolveConfig values', () => {
  test('canonicalises the locale and time zone', async () => {
    const { config } = await resolve({ locale: 'id-id', timeZone: 'asia/jakarta' });
    expect(config.locale).toBe('id-ID');
    expect(config.timeZone).toBe('Asia/Jakarta');
  });

  test('gives a baseUrl with a path its basePath, always ending in /', async () => {
    const { config } = await resolve({ baseUrl: 'https://example.org/warta' });
    expect(config.baseUrl).toBe('https://example.org/warta/');
    expect(config.basePath).toBe('/warta/');
  });

  test('drops the query and fragment of the baseUrl, with a warning at the key; refuses them in --base-url', async () => {
    const resolved = await resolve({ baseUrl: 'https://example.org/warta/?a=1#top' });
    expect(resolved.config.baseUrl).toBe('https://example.org/warta/');
    expect(resolved.warnings).toEqual([
      expect.objectContaining({
        ruleId: 'config-base-url-part',
        severity: 'warning',
        reason: expect.stringContaining('Unexpected "?a=1#top" in baseUrl'),
      }),
    ]);
    expect((await resolve({ baseUrl: 'https://example.org/warta/' })).warnings).toEqual([]);
    const flag = await catchError(() => resolve({}, { baseUrl: 'https://example.org/?utm=x' }));
    expect({ code: flag.code, exitCode: flag.exitCode }).toEqual({ code: 'usage', exitCode: 2 });
    expect(flag.message).toContain('(--base-url)');
  });

  test('refuses a baseUrl with credentials or an empty segment, which would publish them or point links elsewhere', async () => {
    for (const baseUrl of [
      'https://redaksi:rahasia@example.org/',
      'https://example.org//evil.example/',
      'https://example.org//',
    ]) {
      const error = await catchError(() => resolve({ baseUrl }));
      expect(error.diagnostics.map((d) => d.ruleId)).toEqual(['config-invalid']);
      expect(error.diagnostics[0]?.place?.line).toBeGreaterThan(0);
    }
    const flag = await catchError(() => resolve({}, { baseUrl: 'https://a:b@example.org/' }));
    expect(flag.exitCode).toBe(2);
  });

  test('uses the publisher name and the title, and the configured section names', async () => {
    const { config } = await resolve({
      title: 'Warta',
      publisher: { logo: '/logo.png' },
      sections: ['ekonomi', { slug: 'E-Commerce', name: 'Belanja Daring' }],
    });
    expect(config.publisher).toEqual({
      name: 'Warta',
      logo: '/logo.png',
      logoWhere: { file: 'newsgen.config.json', place: { line: 4, column: 13 }, key: 'publisher.logo' },
      icon: undefined,
      color: '#b3001b',
    });
    expect(config.sections).toEqual([
      { slug: 'ekonomi', name: 'ekonomi' },
      { slug: 'e-commerce', name: 'Belanja Daring' },
    ]);
  });

  test('takes the favicon and brand colour of the publisher, and rejects a colour that is not hex', async () => {
    const { config } = await resolve({ publisher: { icon: '/favicon.png', color: '#0A7' } });
    expect(config.publisher).toMatchObject({ icon: '/favicon.png', color: '#0a7' });
    await expect(resolve({ publisher: { color: 'red' } })).rejects.toThrow(/Invalid config/);
  });

  test('merges related weights over the defaults', async () => {
    expect((await resolve({ related: { count: 6, weights: { tag: 20 } } })).config.related).toEqual({
      count: 6,
      weights: { tag: 20, section: 3, author: 2, recency: 2, halfLifeDays: 30 },
    });
  });

  test('resolves folders against the root', async () => {
    const { config } = await resolve({ content: 'artikel', static: 'aset', out: 'publik' });
    expect(config.contentDir).toBe(path.join(ROOT, 'artikel'));
    expect(config.staticDir).toBe(path.join(ROOT, 'aset'));
    expect(config.outDir).toBe(path.join(ROOT, 'publik'));
  });
});

describe('resolveConfig with command-line flags', () => {
  test('lets flags win over file values', async () => {
    const { config } = await resolve(
      { baseUrl: 'https://example.org/', content: 'artikel', out: 'publik', now: '2016-01-01T00:00:00Z' },
      {
        baseUrl: 'https://staging.example.org/uji/',
        content: 'konten',
        out: 'keluaran',
        static: 'statis',
        drafts: true,
        future: true,
        now: '2016-09-09T10:46:00+07:00',
      },
    );
    expect(config.baseUrl).toBe('https://staging.example.org/uji/');
    expect(config.basePath).toBe('/uji/');
    expect(config.contentDir).toBe(path.join(ROOT, 'konten'));
    expect(config.outDir).toBe(path.join(ROOT, 'keluaran'));
    expect(config.staticDir).toBe(path.join(ROOT, 'statis'));
    expect(config.drafts).toBe(true);
    expect(config.future).toBe(true);
    expect(config.now.toISOString()).toBe('2016-09-09T03:46:00.000Z');
  });

  test('reads --now as an instant with an offset, Z, or a plain date', async () => {
    expect((await resolve({}, { now: '2026-11-27T08:00:00Z' })).config.now.toISOString()).toBe(
      '2026-11-27T08:00:00.000Z',
    );
    expect((await resolve({}, { now: '2026-11-27T15:00+07:00' })).config.now.toISOString()).toBe(
      '2026-11-27T08:00:00.000Z',
    );
    expect((await resolve({}, { now: '2026-11-27' })).config.now.toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  test('says the clock is fixed when --now or the `now` key gives it, so a preview does not follow the wall clock', async () => {
    expect((await resolve({})).config.fixedNow).toBe(undefined);
    expect((await resolve({}, { now: '2026-11-27' })).config.fixedNow).toBe(true);
    expect((await resolve({ now: '2026-11-27' })).config.fixedNow).toBe(true);
  });

  test('reads a --now without an offset as wall time in the site time zone, like article dates', async () => {
    const config = (await resolve({ timeZone: 'Asia/Jakarta' }, { now: '2026-11-27 08:00' })).config;
    expect(config.now.toISOString()).toBe('2026-11-27T01:00:00.000Z');
  });

  test('refuses a --now that is not a date as a usage error', async () => {
    for (const now of ['tomorrow', '2026-13-01', '27/11/2026']) {
      const error = await catchError(() => resolve({}, { now }));
      expect(error.code).toBe('usage');
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain('--now');
    }
  });

  // Bug: Date.parse rolls 2026-02-30 over to 2 March, so the impossible date is accepted.
  test('refuses an impossible --now date such as 2026-02-30', async () => {
    expect((await catchError(() => resolve({}, { now: '2026-02-30' }))).code).toBe('usage');
  });

  test('refuses a --base-url that is not an http(s) URL as a usage error', async () => {
    const error = await catchError(() => resolve({}, { baseUrl: 'ftp://example.org/' }));
    expect(error).toMatchObject({ code: 'usage', exitCode: 2 });
    expect(error.message).toContain('--base-url');
  });
});

describe('resolveConfig problems', () => {
  test('warns about an unknown key, naming it, and still builds', async () => {
    const { warnings } = await resolve({ title: 'Warta', perpage: 5 });
    expect(warnings).toEqual([
      expect.objectContaining({
        file: FILE,
        severity: 'warning',
        ruleId: 'config-unknown-key',
        place: { line: 3, column: 14 },
      }),
    ]);
    expect(warnings[0]?.reason).toContain('perpage');
  });

  test('warns about an unknown related weight', async () => {
    const { warnings } = await resolve({ related: { weights: { popularity: 1 } } });
    expect(warnings[0]?.reason).toContain('popularity');
  });

  test('says a number too large to hold is one, not null', async () => {
    const loaded = parseConfigText('{ "title": "Warta", "perPage": 1e400 }\n', FILE, path.join(ROOT, FILE));
    const error = await catchError(() => resolveConfig(ROOT, loaded, {}, CLOCK));
    expect(error.diagnostics[0]?.reason).toBe(
      'Unexpected a number too large to hold, expected a whole number of at least 1 (key `perPage`)',
    );
  });

  test('throws for a value of the wrong type, naming file, key and line', async () => {
    const error = await catchError(() => resolve({ title: 'Warta', perPage: '10' }));
    expect(error.code).toBe('config-invalid');
    expect(error.file).toBe(FILE);
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        file: FILE,
        ruleId: 'config-invalid',
        severity: 'error',
        place: { line: 3, column: 14 },
      }),
    ]);
    expect(error.diagnostics[0]?.reason).toContain('`perPage`');
    expect(error.place).toEqual({ line: 3, column: 14 });
  });

  test('throws for an invalid baseUrl in the file at its line', async () => {
    const error = await catchError(() => resolve({ baseUrl: 'example.org/warta' }));
    expect(error.diagnostics).toEqual([expect.objectContaining({ place: { line: 2, column: 14 } })]);
    expect(error.diagnostics[0]?.reason).toContain('baseUrl');
  });

  test('throws for a malformed locale', async () => {
    const error = await catchError(() => resolve({ locale: 'id_ID' }));
    expect(error.diagnostics).toEqual([expect.objectContaining({ file: FILE, place: { line: 2, column: 13 } })]);
    expect(error.diagnostics[0]?.reason).toContain('`locale`');
  });

  test('keeps where a well-formed locale without data is written, for the build to refuse it there', async () => {
    const { config } = await resolve({ title: 'Warta', locale: 'zz' });
    expect(config.localeWhere).toEqual({ file: FILE, place: { line: 3, column: 13 }, key: 'locale' });
    const error = await catchError(() => checkLocaleData(config));
    expect(error.code).toBe('config-invalid');
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        file: FILE,
        place: { line: 3, column: 13 },
        reason:
          'Unexpected locale "zz": no date or language data is available for it, expected a BCP 47 locale such as id-ID or en-US (key `locale`)',
      }),
    ]);
    expect(() => checkLocaleData({ ...config, locale: 'id-ID' })).not.toThrow();
    expect((await resolve({})).config.localeWhere).toBeUndefined();
  });

  test('throws for an unknown time zone', async () => {
    const error = await catchError(() => resolve({ timeZone: 'Mars/Olympus_Mons' }));
    expect(error.diagnostics).toEqual([expect.objectContaining({ file: FILE, place: { line: 2, column: 15 } })]);
    expect(error.diagnostics[0]?.reason).toContain('`timeZone`');
  });

  test('reports every problem of the file at once', async () => {
    const error = await catchError(async () =>
      resolve({ locale: 'id_ID', timeZone: 'WIB', perPage: 0, baseUrl: 'nope', otherNews: -1 }),
    );
    expect(error.diagnostics.map((d) => d.reason.match(/\(key `([^`]+)`\)/)?.[1]).sort()).toEqual([
      'baseUrl',
      'locale',
      'otherNews',
      'perPage',
      'timeZone',
    ]);
  });

  test('throws for a config that is not an object', async () => {
    const loaded = parseConfigText('- a\n- b\n', 'newsgen.config.yaml', undefined);
    expect((await catchError(() => resolveConfig(ROOT, loaded, {}, CLOCK))).code).toBe('config-invalid');
  });

  test('throws for a templates folder that does not exist', async () => {
    expect((await catchError(() => resolve({ templates: 'tema' }))).diagnostics[0]?.reason).toContain('tema');
  });

  test('throws for a bad now in the file, at its key', async () => {
    const error = await catchError(() => resolve({ now: 'besok' }));
    expect(error.code).toBe('config-invalid');
    expect(error.diagnostics[0]?.reason).toContain('`now`');
  });

  test('throws for duplicate or malformed sections', async () => {
    const error = await catchError(() => resolve({ sections: ['ekonomi', 'Ekonomi', { name: 'Tanpa slug' }] }));
    expect(error.diagnostics.map((d) => d.reason)).toEqual([
      expect.stringContaining('duplicate section "ekonomi"'),
      expect.stringContaining('section entry'),
    ]);
  });
});

describe('resolveConfig permalink', () => {
  test('accepts the supported tokens and adds a missing trailing slash', async () => {
    expect((await resolve({ permalink: '/:yyyy/:mm/:dd/:slug' })).config.permalink).toBe('/:yyyy/:mm/:dd/:slug/');
    expect((await resolve({ permalink: '/berita/:id.html' })).config.permalink).toBe('/berita/:id.html');
  });

  test('refuses an unknown token, naming it', async () => {
    const error = await catchError(() => resolve({ permalink: '/:section/:title/' }));
    expect(error.diagnostics[0]?.reason).toContain(':title');
    expect(error.diagnostics[0]?.place).toEqual({ line: 2, column: 16 });
  });

  test('refuses a pattern that would give several articles one URL', async () => {
    expect((await catchError(() => resolve({ permalink: '/:section/:yyyy/' }))).diagnostics[0]?.reason).toContain(
      ':slug or :id',
    );
  });

  test('refuses a pattern that is not a clean absolute path', async () => {
    for (const permalink of [':section/:slug/', '/../:slug/', '/a//:slug/', '/a\\:slug/']) {
      expect((await catchError(() => resolve({ permalink }))).diagnostics[0]?.reason).toContain('expected a path');
    }
  });
});

describe('search', () => {
  test('is off unless the config turns it on', async () => {
    expect((await resolve({})).config.search).toBe(false);
    expect((await resolve({ search: true })).config.search).toBe(true);
    expect((await resolve({ search: false })).config.search).toBe(false);
  });

  test('refuses a value that is not true or false, at its line', async () => {
    const error = await catchError(() => resolve({ title: 'Warta', search: 'yes' }));
    expect(error.diagnostics.map((d) => d.ruleId)).toEqual(['config-invalid']);
    expect(error.diagnostics[0]?.place).toMatchObject({ line: 3 });
    expect(error.diagnostics[0]?.reason).toContain('search');
  });
});
