import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { type InlineConfig, resolveConfig } from '../../src/config/resolve-config.js';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import type { BuildSession } from '../../src/pipeline/build-session.js';
import { fuzzBudget, fuzzTimeout } from '../fuzz/budget.js';
import { buildAt, coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { createMemorySession } from '../helpers/memory-session.js';

const NOW = '2016-12-31T00:00:00Z';
/** A preview's clock: among the newest articles, and far enough from New Year that ticks rarely reach it. */
const PREVIEW_NOW = '2016-12-21T00:00:00Z';
const CONFIG = JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', perPage: 3, otherNews: 3 });
const SECTIONS = ['ekonomi', 'nasional'] as const;
// Two names that slugify alike: one of them takes `jose-2`, and the other's removal gives it `jose`.
const TAGS = ['pasar', 'banjir', 'pajak', 'kereta', 'Jose', 'José'] as const;
const AUTHORS = ['Riandanu', 'Sari Dewi'] as const;
/** Minutes from 1 November 2016, 00:00 UTC: the articles span the two months before the build's clock. */
const SPAN = 60 * 24 * 60;

interface Fields {
  readonly section: (typeof SECTIONS)[number];
  readonly title: string;
  readonly minute: number;
  readonly tags: readonly string[];
  readonly author: string;
  /** Which version of the body, and which other article (by its place in the list) it links to, if any. */
  readonly body?: { readonly version: number; readonly link: number | undefined };
  readonly draft?: boolean;
  readonly featured?: boolean;
  /** Hours after its date that it stops leading (`featuredUntil`), if it does. */
  readonly featuredUntil?: number | undefined;
  /** A `slug:` of its own instead of the file's name. */
  readonly slug?: string | undefined;
  /** The article (by its place in the list) a `::related` line names by its slug, if any. */
  readonly related?: number | undefined;
  /** A date no one can read: the build fails until it is mended. */
  readonly broken?: boolean;
  /** Hours after its date that it was updated, if it was. */
  readonly updated?: number | undefined;
  /** An old address it keeps (`aliases:`), as a site moved from another system has. */
  readonly alias?: string | undefined;
}

/** One edit of the content folder, as a newsroom makes them: by the article, picked by its place in the list. */
type Step =
  | { readonly kind: 'publish'; readonly fields: Fields }
  | { readonly kind: 'add'; readonly fields: Fields }
  | { readonly kind: 'remove'; readonly pick: number }
  | { readonly kind: 'removeNewest' }
  | { readonly kind: 'rewrite'; readonly pick: number; readonly body: NonNullable<Fields['body']> }
  | { readonly kind: 'retitle'; readonly pick: number; readonly title: string }
  | { readonly kind: 'retag'; readonly pick: number; readonly tags: readonly string[] }
  | { readonly kind: 'redate'; readonly pick: number; readonly minute: number }
  | { readonly kind: 'move'; readonly pick: number; readonly section: (typeof SECTIONS)[number] }
  | { readonly kind: 'draft'; readonly pick: number; readonly draft: boolean }
  | { readonly kind: 'feature'; readonly pick: number; readonly featured: boolean; readonly until: number | undefined }
  | { readonly kind: 'reslug'; readonly pick: number; readonly slug: string | undefined }
  | { readonly kind: 'relate'; readonly pick: number; readonly related: number | undefined }
  | { readonly kind: 'schedule'; readonly fields: Fields; readonly days: number }
  | { readonly kind: 'break'; readonly pick: number; readonly broken: boolean }
  | { readonly kind: 'update'; readonly pick: number; readonly hours: number | undefined }
  | {
      readonly kind: 'alias';
      readonly pick: number;
      readonly alias: { readonly at: 'elsewhere' | 'beside' | 'on'; readonly section: string } | undefined;
    }
  /** An author's profile written with a role, or removed (`role` undefined). */
  | { readonly kind: 'profile'; readonly author: (typeof AUTHORS)[number]; readonly role: string | undefined }
  /** A standalone page written, in a menu or none, or removed (`title` undefined). */
  | {
      readonly kind: 'page';
      readonly name: string;
      readonly title: string | undefined;
      readonly menu: 'main' | 'footer' | undefined;
    }
  | { readonly kind: 'tick'; readonly hours: number }
  /** The site's settings changed: listings' length, other news, tag feeds, the time zone dates are shown in. */
  | {
      readonly kind: 'configure';
      readonly perPage: number;
      readonly otherNews: number;
      readonly tagFeeds: boolean;
      readonly timeZone: string;
    };

const title = fc.constantFrom('Harga cabai naik', 'Banjir di pesisir', 'Pajak daerah', 'Kereta baru', 'Pasar malam');
const tags = fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 });
// Minutes on a coarse grid, so that two articles sometimes share a date (the order's tie-break then decides).
const minute = fc.integer({ min: 0, max: SPAN / 720 - 1 }).map((half) => half * 720);
const fields = fc.record({
  section: fc.constantFrom(...SECTIONS),
  title,
  minute,
  tags,
  author: fc.constantFrom(...AUTHORS),
});
const pick = fc.nat();
const slug = fc.constantFrom('harga-naik', 'kabar-terkini');
const body = fc.record({ version: fc.nat({ max: 3 }), link: fc.option(fc.nat(), { nil: undefined }) });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('publish' as const), fields }),
  fc.record({ kind: fc.constant('add' as const), fields }),
  fc.record({ kind: fc.constant('remove' as const), pick }),
  fc.record({ kind: fc.constant('removeNewest' as const) }),
  fc.record({ kind: fc.constant('rewrite' as const), pick, body }),
  fc.record({ kind: fc.constant('retitle' as const), pick, title }),
  fc.record({ kind: fc.constant('retag' as const), pick, tags }),
  fc.record({ kind: fc.constant('redate' as const), pick, minute }),
  fc.record({ kind: fc.constant('move' as const), pick, section: fc.constantFrom(...SECTIONS) }),
  fc.record({ kind: fc.constant('draft' as const), pick, draft: fc.boolean() }),
  // A lead slot that ends within a tick or two of the clock: a later build must take it back.
  fc.record({
    kind: fc.constant('feature' as const),
    pick,
    featured: fc.boolean(),
    until: fc.option(fc.integer({ min: 1, max: 96 }), { nil: undefined }),
  }),
  // Few slugs: two articles of a section sometimes claim one (an error, in both builds).
  fc.record({ kind: fc.constant('reslug' as const), pick, slug: fc.option(slug, { nil: undefined }) }),
  fc.record({ kind: fc.constant('relate' as const), pick, related: fc.option(fc.nat(), { nil: undefined }) }),
  fc.record({ kind: fc.constant('schedule' as const), fields, days: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('break' as const), pick, broken: fc.boolean() }),
  fc.record({
    kind: fc.constant('update' as const),
    pick,
    hours: fc.option(fc.integer({ min: 1, max: 48 }), { nil: undefined }),
  }),
  // An old address anywhere, or where the next article added comes: its page's file but for letter case,
  // or its very address (then both builds fail alike, with an alias-collision).
  fc.record({
    kind: fc.constant('alias' as const),
    pick,
    alias: fc.option(
      fc.record({
        at: fc.constantFrom('elsewhere' as const, 'beside' as const, 'on' as const),
        section: fc.constantFrom(...SECTIONS),
      }),
      { nil: undefined },
    ),
  }),
  fc.record({
    kind: fc.constant('profile' as const),
    author: fc.constantFrom(...AUTHORS),
    role: fc.option(fc.constantFrom('Wartawan', 'Redaktur'), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('page' as const),
    name: fc.constantFrom('redaksi', 'kontak'),
    title: fc.option(fc.constantFrom('Redaksi', 'Kontak kami'), { nil: undefined }),
    menu: fc.option(fc.constantFrom('main' as const, 'footer' as const), { nil: undefined }),
  }),
);
/** Time passing for a session that follows the wall clock, as `newsgen serve` does. */
const tick: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('tick' as const),
  hours: fc.integer({ min: 1, max: 72 }),
});
/** Edits a long-lived session is told about, and its clock moving on (its settings are its config's). */
const sessionStep: fc.Arbitrary<Step> = fc.oneof({ arbitrary: step, weight: 8 }, { arbitrary: tick, weight: 2 });
/** A preview's edits, scheduling and the clock passing scheduled articles more often: each one's banner must come down. */
const previewStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: step, weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('schedule' as const), fields, days: fc.constant(1) }), weight: 3 },
  { arbitrary: tick, weight: 3 },
);
/** Edits between two `newsgen build` runs: the content's, the clock moving on (a scheduled article's time comes), the config's. */
const buildStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: step, weight: 8 },
  { arbitrary: tick, weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('configure' as const),
      perPage: fc.integer({ min: 2, max: 3 }),
      otherNews: fc.integer({ min: 2, max: 3 }),
      tagFeeds: fc.boolean(),
      timeZone: fc.constantFrom('UTC', 'Asia/Jakarta'),
    }),
    weight: 1,
  },
);

function dateOf(minutes: number): string {
  return new Date(Date.UTC(2016, 10, 1) + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The article's file; a body's link goes to an article of `site` (by its place in the list), as an editor writes one. */
function articleFile(fields: Fields, site: ReadonlyMap<string, Fields>): string {
  const names = [...site.keys()];
  const target = fields.body?.link === undefined ? undefined : names[fields.body.link % names.length];
  const linked = target === undefined ? undefined : site.get(target);
  const link = linked ? ` Baca juga [berita lain](/${linked.section}/${target}/).` : '';
  const relatedName = fields.related === undefined ? undefined : names[fields.related % names.length];
  const relatedFields = relatedName === undefined ? undefined : site.get(relatedName);
  const related = relatedFields ? `\n::related{slug=${relatedFields.slug ?? relatedName}}\n` : '';
  return article(
    {
      title: JSON.stringify(fields.title),
      date: fields.broken ? 'kemarin sore' : dateOf(fields.minute),
      author: fields.author,
      tags: `[${fields.tags.join(', ')}]`,
      draft: fields.draft ? 'true' : '',
      featured: fields.featured ? 'true' : '',
      featuredUntil: fields.featuredUntil === undefined ? '' : dateOf(fields.minute + fields.featuredUntil * 60),
      slug: fields.slug ?? '',
      updated: fields.updated === undefined ? '' : dateOf(fields.minute + fields.updated * 60),
      aliases: fields.alias === undefined ? '' : `[${fields.alias}]`,
    },
    `Isi berita, versi ${fields.body?.version ?? 0}.${link}\n${related}`,
  );
}

/** What an edit did to the content folder, as a watcher reports it. */
interface Touched {
  readonly changed: string[];
  readonly removed: string[];
}

/** A site of `articles` under their names, its content folder written as the model says. */
class ModelSite {
  readonly dir = createFixtureSite({ 'newsgen.config.json': CONFIG });
  readonly articles = new Map<string, Fields>();
  /** The build clock: a `tick` moves it on. */
  now: string;
  private added = 0;

  constructor(now = NOW) {
    this.now = now;
  }

  write(name: string, fields: Fields): Touched {
    const old = this.articles.get(name);
    const removed = old && old.section !== fields.section ? [this.delete(name)] : [];
    this.articles.set(name, fields);
    const file = this.file(name, fields);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, articleFile(fields, this.articles));
    return { changed: [file], removed };
  }

  add(fields: Fields): Touched {
    return this.write(`berita-${this.added++}`, fields);
  }

  apply(step: Step): Touched {
    if (step.kind === 'publish') {
      const newest = Math.max(...[...this.articles.values()].map((entry) => entry.minute));
      return this.add({ ...step.fields, minute: Math.min(SPAN - 1, newest + 60) });
    }
    if (step.kind === 'add') return this.add(step.fields);
    if (step.kind === 'schedule') {
      const clock = (Date.parse(this.now) - Date.UTC(2016, 10, 1)) / 60_000;
      return this.add({ ...step.fields, minute: clock + step.days * 720 });
    }
    if (step.kind === 'profile' || step.kind === 'page') return this.other(step);
    if (step.kind === 'configure') {
      const { perPage, otherNews, tagFeeds, timeZone } = step;
      const file = path.join(this.dir, 'newsgen.config.json');
      const config = { ...JSON.parse(CONFIG), perPage, otherNews, timeZone, feeds: { tags: tagFeeds } };
      writeFileSync(file, JSON.stringify(config));
      return { changed: [file], removed: [] };
    }
    if (step.kind === 'tick') {
      this.now = new Date(Date.parse(this.now) + step.hours * 3_600_000).toISOString();
      return { changed: [], removed: [] };
    }
    const names = [...this.articles.keys()];
    // A site keeps two articles at least.
    if ((step.kind === 'remove' || step.kind === 'removeNewest') && names.length <= 2)
      return { changed: [], removed: [] };
    if (step.kind === 'removeNewest') {
      const newest = names.reduce((a, b) => (this.minuteOf(b) > this.minuteOf(a) ? b : a));
      return { changed: [], removed: [this.delete(newest)] };
    }
    const name = names[step.pick % names.length] as string;
    const old = this.articles.get(name) as Fields;
    switch (step.kind) {
      case 'remove':
        return { changed: [], removed: [this.delete(name)] };
      case 'rewrite':
        return this.write(name, { ...old, body: step.body });
      case 'retitle':
        return this.write(name, { ...old, title: step.title });
      case 'retag':
        return this.write(name, { ...old, tags: step.tags });
      case 'redate':
        return this.write(name, { ...old, minute: step.minute });
      case 'move':
        return this.write(name, { ...old, section: step.section });
      case 'draft':
        return this.write(name, { ...old, draft: step.draft });
      case 'feature':
        return this.write(name, { ...old, featured: step.featured, featuredUntil: step.until });
      case 'reslug':
        return this.write(name, { ...old, slug: step.slug });
      case 'relate':
        return this.write(name, { ...old, related: step.related });
      case 'break':
        return this.write(name, { ...old, broken: step.broken });
      case 'update':
        return this.write(name, { ...old, updated: step.hours });
      case 'alias':
        return this.write(name, { ...old, alias: step.alias && this.oldAddress(step.alias) });
    }
  }

  /** Writes or removes an author's profile or a standalone page. */
  private other(step: Extract<Step, { kind: 'profile' | 'page' }>): Touched {
    const [file, text] =
      step.kind === 'profile'
        ? [
            path.join(this.dir, 'content', 'authors', `${step.author.toLowerCase().replace(' ', '-')}.md`),
            step.role && `---\nname: ${step.author}\nrole: ${step.role}\n---\n\nMeliput ${step.role.toLowerCase()}.\n`,
          ]
        : [
            path.join(this.dir, 'content', 'pages', `${step.name}.md`),
            step.title && `---\ntitle: ${step.title}\n${step.menu ? `menu: ${step.menu}\n` : ''}---\n\nIsi halaman.\n`,
          ];
    if (text) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return { changed: [file], removed: [] };
    }
    rmSync(file, { force: true });
    return { changed: [], removed: [file] };
  }

  /** An old address elsewhere, beside the next added article's page (its file but for case), or on it. */
  private oldAddress({
    at,
    section,
  }: {
    readonly at: 'elsewhere' | 'beside' | 'on';
    readonly section: string;
  }): string {
    if (at === 'elsewhere') return '/lama/kabar/';
    const next = `/${section}/berita-${this.added}/`;
    return at === 'on' ? next : next.toUpperCase();
  }

  private minuteOf(name: string): number {
    return this.articles.get(name)?.minute ?? 0;
  }

  /** Deletes the article's file; its path. */
  private delete(name: string): string {
    const file = this.file(name, this.articles.get(name) as Fields);
    rmSync(file);
    this.articles.delete(name);
    return file;
  }

  private file(name: string, fields: Fields): string {
    return path.join(this.dir, 'content', fields.section, `${name}.md`);
  }
}

/**
 * Builds after each of `steps` with `build`, comparing the output with a cold build of the same content
 * each time. An edit may break the site (two articles claim one slug, a `::related` line names a draft):
 * then both builds fail with the same messages, and the incremental one leaves the output as it was.
 */
async function checkEdits(
  site: ModelSite,
  steps: readonly Step[],
  build: (touched: Touched) => Promise<unknown>,
  inline: InlineConfig = {},
) {
  let output = snapshotTree(path.join(site.dir, 'dist'));
  for (const edit of steps) {
    const touched = site.apply(edit);
    const failure = await build(touched).then(() => undefined, messageOf);
    const cold = await coldSnapshotAt(site.dir, site.now, inline).then(
      (files) => ({ files, failure: undefined }),
      (error: unknown) => ({ files: undefined, failure: messageOf(error) }),
    );
    expect(failure, JSON.stringify(edit)).toBe(cold.failure);
    const now = snapshotTree(path.join(site.dir, 'dist'));
    expect(now, JSON.stringify(edit)).toEqual(cold.files ?? output);
    output = now;
  }
}

/** A failed build's message, naming every broken file from its content folder; an error not newsgen's fails the test. */
function messageOf(error: unknown): string {
  if (!isNewsgenError(error)) throw error;
  // The cold build's copy of the site is in another folder.
  return error.message.replace(/\S*\/content\//g, 'content/');
}

const sessions: BuildSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

// Each run builds a site of 6-12 articles, then makes one to five edits and
// builds after each; each of those builds must write what a cold build of the
// same content writes, or fail as it fails. At most eleven builds of a small
// site a run. `npm run fuzz` runs these properties with a larger budget and a
// fresh seed too.
describe('an incremental build after any edit equals a cold build (issue 19)', {
  timeout: fuzzTimeout(120_000),
}, () => {
  // Each build as a new `newsgen build` makes it, from the cache, in the same output folder (ten runs: about 7 s).
  test('publishes, deletions, edits of any field, profiles, pages, the clock and the config, one after another', async () => {
    await checkBuilds({}, fc.array(buildStep, { minLength: 1, maxLength: 3 }), fuzzBudget(10, 20261203));
  });

  test('a tag whose slug another name gave up writes its feeds again (regression: feeds kept their old category)', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/ekonomi/a.md': article({ title: 'A', date: '2016-11-01 10:00', tags: '[Jose]' }),
      'content/nasional/b.md': article({ title: 'B', date: '2016-11-02 10:00', tags: '[José]' }),
    });
    await buildAt(site, NOW);
    // `José` had `jose-2`; with `Jose` gone it takes `jose`, and the Nasional feeds show nothing else new.
    rmSync(path.join(site, 'content', 'ekonomi', 'a.md'));
    await buildAt(site, NOW);
    const cold = await coldSnapshotAt(site, NOW);
    expect(snapshotTree(path.join(site, 'dist')).get('nasional/atom.xml')).toBe(cold.get('nasional/atom.xml'));
    expect(Buffer.from(cold.get('nasional/atom.xml') ?? '', 'base64').toString()).toContain('term="jose"');
  });

  // One session kept between builds, told what changed as `newsgen serve`'s watcher tells it: the paths a
  // publish patches the model for, a removal of the newest, body edits and edits in place, each built as of
  // the session's clock, which moves on as the wall clock does (six runs: about 4 s).
  test('the same edits in one long-lived session, as newsgen serve builds them', async () => {
    await checkSession({}, fc.array(sessionStep, { minLength: 2, maxLength: 5 }), fuzzBudget(6, 20261203));
  });

  // As `newsgen serve` builds by default: scheduled articles shown, each marked until the clock reaches it, in one
  // session and in a new one that starts from the cache (a preview started again). The clock starts ten days
  // before the newest articles (and New Year, when every page changes anyway), so the edits pass some of them.
  // Three runs each: about 4 s.
  test('the same edits in a preview that shows scheduled articles, in one session and from the cache', async () => {
    const preview = { future: true, preview: true };
    const edits = fc.array(previewStep, { minLength: 2, maxLength: 5 });
    await checkSession(preview, edits, fuzzBudget(3, 20261207), PREVIEW_NOW);
    await checkBuilds(preview, edits, fuzzBudget(3, 20261207), PREVIEW_NOW);
  });
});

/** The property of builds that each start from the cache, as `newsgen build` runs, with `inline` flags (cold builds too). */
function checkBuilds(inline: InlineConfig, edits: fc.Arbitrary<Step[]>, budget: Budget, now = NOW): Promise<void> {
  return checkProperty(inline, edits, budget, now, async (site) => {
    await buildAt(site.dir, now, true, inline);
    return () => buildAt(site.dir, site.now, true, inline);
  });
}

/** The property of one long-lived session told of each edit, with `inline` flags (cold builds too). */
function checkSession(inline: InlineConfig, edits: fc.Arbitrary<Step[]>, budget: Budget, now = NOW): Promise<void> {
  return checkProperty(inline, edits, budget, now, async (site) => {
    const loaded = await loadConfig(site.dir, undefined);
    const { config } = await resolveConfig(site.dir, loaded, { ...inline, now }, new Date());
    const session = createMemorySession(config);
    sessions.push(session);
    await session.build();
    return (touched) => session.build({ ...touched, static: false }, { now: new Date(site.now) });
  });
}

type Budget = ReturnType<typeof fuzzBudget>;

/** A site of 6-12 articles built first by `begin`, then after each of `edits` by what it returned (see `checkEdits`). */
async function checkProperty(
  inline: InlineConfig,
  edits: fc.Arbitrary<Step[]>,
  budget: Budget,
  now: string,
  begin: (site: ModelSite) => Promise<(touched: Touched) => Promise<unknown>>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(fields, { minLength: 6, maxLength: 12 }), edits, async (initial, steps) => {
      const site = new ModelSite(now);
      for (const entry of initial) site.add(entry);
      await checkEdits(site, steps, await begin(site), inline);
    }),
    { ...budget, endOnFailure: true },
  );
}
