import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { planStarterSite, type StarterInput } from '../../src/scaffold/plan-starter-site.js';
import { readStarterContent } from '../../src/scaffold/read-starter-content.js';
import { defaultStarterSettings, finishStarterSettings } from '../../src/scaffold/starter-settings.js';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { compileConfigSchema } from '../helpers/config-schema.js';
import { article, createFixtureSite, ROOT } from '../helpers/fixture-site.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

const NOW = new Date('2026-11-20T05:30:45Z');

interface WorkflowStep {
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
}

/** A GitHub Actions expression, as a workflow writes it. */
function expression(text: string): string {
  return `\${{ ${text} }}`;
}

/** The starter's deploy workflow, parsed. */
function readWorkflow(files: ReadonlyMap<string, string>) {
  return parse(files.get('.github/workflows/deploy.yml') ?? '') as {
    on: unknown;
    permissions: Record<string, string>;
    jobs: Record<string, { if?: string; outputs?: Record<string, string>; steps: WorkflowStep[] }>;
  };
}
const GITHUB_ACTIONS = new Set([
  'actions/checkout',
  'actions/cache',
  'actions/setup-node',
  'actions/configure-pages',
  'actions/upload-pages-artifact',
  'actions/deploy-pages',
]);
const validateConfig = compileConfigSchema();

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
    const workflow = readWorkflow(await plan());
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const uses = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    for (const action of uses) {
      expect(action).toMatch(/^[\w-]+\/[\w-]+(\/[\w-]+)?@v\d+$/);
      expect(GITHUB_ACTIONS).toContain(action.split('@')[0]?.split('/').slice(0, 2).join('/'));
    }
    const order = steps.map((step) => step.uses?.split('@')[0] ?? step.run ?? '');
    expect(order.indexOf('npm ci')).toBeLessThan(order.indexOf('actions/cache/restore'));
    expect(order.indexOf('actions/cache/restore')).toBeLessThan(
      order.findIndex((step) => step.includes('newsgen build')),
    );
    // The cache and the output it describes, in one entry: restored and saved together, they always match.
    for (const name of ['actions/cache/restore', 'actions/cache/save'])
      expect(steps.find((step) => step.uses?.startsWith(name))?.with?.['path']).toBe(
        'node_modules/.cache/newsgen\ndist\n',
      );
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with?.['path']).toBe('dist');
  });

  it('runs on a schedule too, and a scheduled run whose build changed nothing saves and deploys nothing', async () => {
    const workflow = readWorkflow(await plan());
    const on = workflow.on as { push: unknown; schedule: { cron: string }[]; workflow_dispatch: unknown };
    expect(on.schedule).toEqual([{ cron: '7,22,37,52 * * * *' }]);
    const build = workflow.jobs['build'];
    const step = (name: string) => build?.steps.find((one) => one.uses?.startsWith(name));
    expect(build?.outputs).toEqual({ changed: expression('steps.build.outputs.changed') });
    expect(step('actions/cache/save')?.if).toBe("steps.build.outputs.changed == 'true'");
    // A push or a run by hand always deploys: Pages may have lost the last deployment.
    const deployWhen = "steps.build.outputs.changed == 'true' || github.event_name != 'schedule'";
    expect(step('actions/upload-pages-artifact')?.if).toBe(deployWhen);
    expect(workflow.jobs['deploy']?.if).toBe(deployWhen.replace('steps.build', 'needs.build'));
  });

  it("says changed=true when the build step's build writes files, and changed=false when it finds nothing to do", async () => {
    const run = readWorkflow(await plan()).jobs['build']?.steps.find((step) => step.id === 'build')?.run ?? '';
    expect(run).toContain('npx newsgen build');
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      'content/kota/durian.md': article({ title: 'Durian montong', date: '2026-11-20 09:00' }, 'Musim durian.\n'),
    });
    const temp = mkdtempSync(path.join(tmpdir(), 'newsgen-workflow-'));
    try {
      const runStep = () => {
        const output = path.join(temp, `output-${Math.random().toString(36).slice(2)}`);
        // The step's script as the runner gives it to bash: expressions filled in, npx resolving to this newsgen.
        const script = run.replaceAll(expression('steps.pages.outputs.base_url'), 'https://warta.example');
        const bin = path.join(ROOT, 'bin', 'newsgen.js');
        const result = spawnSync(
          'bash',
          ['-e', '-c', `npx() { shift; node ${JSON.stringify(bin)} "$@"; }\n${script}`],
          {
            cwd: site,
            encoding: 'utf8',
            env: { ...process.env, RUNNER_TEMP: temp, GITHUB_OUTPUT: output },
          },
        );
        expect(result.status, result.stderr).toBe(0);
        return readFileSync(output, 'utf8');
      };
      expect(runStep()).toBe('changed=true\n');
      expect(runStep()).toBe('changed=false\n');
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
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
