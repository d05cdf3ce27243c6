import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { planStarterSite, type StarterInput } from '../../src/scaffold/plan-starter-site.js';
import { readStarterContent } from '../../src/scaffold/read-starter-content.js';
import { defaultStarterSettings, finishStarterSettings } from '../../src/scaffold/starter-settings.js';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { ROOT } from '../helpers/fixture-site.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

const NOW = new Date('2026-11-20T05:30:45Z');
const GITHUB_ACTIONS = new Set([
  'actions/checkout',
  'actions/cache',
  'actions/setup-node',
  'actions/configure-pages',
  'actions/upload-pages-artifact',
  'actions/deploy-pages',
]);
const validateConfig = new Ajv().compile(JSON.parse(readFileSync(path.join(ROOT, 'newsgen.schema.json'), 'utf8')));

const SETTINGS = {
  title: 'Warta Kita: Edisi Uji',
  baseUrl: 'https://warta.example.id/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
};

async function plan(overrides: Partial<StarterInput> = {}, locale = 'id-ID') {
  const settings = { ...SETTINGS, locale };
  const files = planStarterSite({
    settings,
    format: 'yaml',
    folderName: 'Warta Kita',
    content: await readStarterContent(locale),
    version: '1.2.3',
    now: NOW,
    ...overrides,
  });
  return new Map(files.map((file) => [file.path, file.text]));
}

describe('the starter site', () => {
  it('has a package.json depending on this newsgen with build, serve and check scripts', async () => {
    const manifest = JSON.parse((await plan()).get('package.json') ?? '') as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'warta-kita',
      private: true,
      scripts: { build: 'newsgen build', serve: 'newsgen serve', check: 'newsgen check' },
      dependencies: { newsgen: '^1.2.3' },
    });
  });

  it('writes a commented YAML config that the schema and the resolver accept', async () => {
    const text = (await plan()).get('newsgen.config.yaml') ?? '';
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/newsgen/newsgen.schema.json');
    const value = parse(text) as Record<string, unknown>;
    expect(value).toMatchObject({ title: 'Warta Kita: Edisi Uji', locale: 'id-ID', timeZone: 'Asia/Jakarta' });
    expect(validateConfig(value)).toBe(true);
    const loaded = parseConfigText(text, 'newsgen.config.yaml', undefined);
    const { config, warnings } = await resolveConfig('/site', loaded, {}, NOW);
    expect(warnings).toEqual([]);
    expect(config.sections.map((section) => section.slug)).toEqual(['nasional', 'panduan']);
  });

  it('writes a JSON config with $schema when asked for JSON', async () => {
    const files = await plan({ format: 'json' });
    expect(files.has('newsgen.config.yaml')).toBe(false);
    const value = JSON.parse(files.get('newsgen.config.json') ?? '') as Record<string, unknown>;
    expect(value['$schema']).toBe('./node_modules/newsgen/newsgen.schema.json');
    expect(validateConfig(value)).toBe(true);
  });

  it('has two sample articles in two sections, an author profile and an About page, dated just before init', async () => {
    const files = await plan();
    const articles = [...files.keys()].filter((file) => /^content\/(?!authors\/|pages\/).*\.md$/.test(file));
    expect(files.get('content/pages/tentang.md')).toMatch(/^---\ntitle: Tentang Kami\n[\s\S]*\nmenu: footer\n---\n/);
    expect(new Set(articles.map((file) => file.split('/')[1])).size).toBe(2);
    expect(articles).toHaveLength(2);
    expect([...files.keys()]).toContain('content/authors/redaksi.md');
    const dates = articles.map((file) => files.get(file)?.match(/^date: (.+)$/m)?.[1]);
    expect(dates.sort()).toEqual(['2026-11-20T11:20:00+07:00', '2026-11-20T12:20:00+07:00']);
    for (const file of articles) expect(files.get(file)).not.toMatch(/\{\{/);
  });

  it('uses English sample content for other locales', async () => {
    const files = await plan({}, 'en-GB');
    expect([...files.keys()].filter((file) => file.startsWith('content/')).sort()).toEqual([
      'content/authors/newsroom.md',
      'content/guides/writing-stories.md',
      'content/news/welcome.md',
      'content/pages/about.md',
    ]);
  });

  // An ar-EG site got English articles, author and About page, and sections named News and Guides.
  it('uses Arabic sample content for an Arabic locale, which builds without a warning', async () => {
    const files = await plan({ settings: { ...SETTINGS, locale: 'ar-EG', timeZone: 'Africa/Cairo' } }, 'ar-EG');
    const config = parse(files.get('newsgen.config.yaml') ?? '') as Record<string, unknown>;
    expect(config['sections']).toEqual([
      { slug: 'news', name: 'أخبار' },
      { slug: 'guides', name: 'إرشادات' },
    ]);
    const content = Object.fromEntries(
      [...files].flatMap(([file, text]) => (file.startsWith('content/') ? [[file.slice(8), text]] : [])),
    );
    expect(Object.keys(content).sort()).toEqual([
      'authors/newsroom.md',
      'guides/writing-stories.md',
      'news/welcome.md',
      'pages/about.md',
    ]);
    const site = await buildInMemory(content, config);
    expect(site.generated.warnings).toEqual([]);
    const latin = /[A-Za-z]{3,}/;
    const home = site.dom('index.html');
    for (const title of home.querySelectorAll('.card-title a')) expect(title.textContent).not.toMatch(latin);
    const welcome = site.dom('news/welcome/index.html');
    expect(welcome.querySelector('.byline a')?.textContent).toBe('فريق التحرير');
    expect(site.dom('about/index.html').querySelector('h1')?.textContent).toBe('من نحن');
  });

  it('ignores build output and dependencies in git', async () => {
    expect((await plan()).get('.gitignore')).toBe('node_modules/\ndist/\n');
  });

  it('deploys with a valid workflow that restores the cache and uses only GitHub Pages actions', async () => {
    const workflow = parse((await plan()).get('.github/workflows/deploy.yml') ?? '') as {
      on: unknown;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
    };
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const uses = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    for (const action of uses) {
      expect(action).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      expect(GITHUB_ACTIONS).toContain(action.split('@')[0]);
    }
    const order = steps.map((step) => step.uses?.split('@')[0] ?? step.run ?? '');
    expect(order.indexOf('npm ci')).toBeLessThan(order.indexOf('actions/cache'));
    expect(order.indexOf('actions/cache')).toBeLessThan(order.findIndex((step) => step.includes('newsgen build')));
    // The cache and the output it describes, in one entry: restored together, they always match.
    expect(steps.find((step) => step.uses?.startsWith('actions/cache'))?.with?.['path']).toBe(
      'node_modules/.cache/newsgen\ndist\n',
    );
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with?.['path']).toBe('dist');
  });
});

describe('starter settings', () => {
  it('default to the folder name as title and the resolver defaults, whatever the machine', () => {
    expect(defaultStarterSettings('/x/warta-kita')).toEqual({
      title: 'Warta Kita',
      baseUrl: 'https://example.org/',
      locale: 'en',
      timeZone: 'UTC',
    });
  });

  it('are canonicalised, and a bad one is a usage error naming its flag', () => {
    const settings = { title: ' Warta ', baseUrl: 'https://a.example', locale: 'id-id', timeZone: 'asia/jakarta' };
    expect(finishStarterSettings(settings)).toEqual({
      title: 'Warta',
      baseUrl: 'https://a.example/',
      locale: 'id-ID',
      timeZone: 'Asia/Jakarta',
    });
    expect(() => finishStarterSettings({ ...settings, timeZone: 'Mars/Base' })).toThrow(/--time-zone/);
    expect(() => finishStarterSettings({ ...settings, baseUrl: 'warta.example' })).toThrow(/--base-url/);
    expect(() => finishStarterSettings({ ...settings, locale: 'zz' })).toThrow(/--locale/);
  });

  it('refuse a base URL that builds would refuse or change, so the config written is the URL the site gets', async () => {
    const settings = { title: 'Warta', baseUrl: '', locale: 'id-ID', timeZone: 'Asia/Jakarta' };
    for (const [baseUrl, reason] of [
      ['https://warta.example/?utm=x', '"?utm=x"'],
      ['https://warta.example/berita#atas', '"#atas"'],
      ['https://warta.example/?', '"?"'],
      ['https://redaksi:rahasia@warta.example/', 'user name or password'],
      ['https://warta.example//berita/', 'empty path segment'],
    ] as const) {
      expect(() => finishStarterSettings({ ...settings, baseUrl }), baseUrl).toThrow(
        expect.objectContaining({ code: 'usage', exitCode: 2, message: expect.stringContaining(reason) }),
      );
    }
    for (const baseUrl of ['https://warta.example', 'http://warta.example:8080/berita', 'https://WARTA.example/a/']) {
      const written = finishStarterSettings({ ...settings, baseUrl }).baseUrl;
      const text = (await plan({ settings: { ...settings, baseUrl: written } })).get('newsgen.config.yaml') ?? '';
      const loaded = parseConfigText(text, 'newsgen.config.yaml', undefined);
      const { config } = await resolveConfig('/site', loaded, {}, NOW);
      expect(config.baseUrl.toLowerCase(), baseUrl).toBe(written.toLowerCase());
    }
  });
});
