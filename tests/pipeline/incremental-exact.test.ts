import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildAt, coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

const NOW = '2016-12-31T00:00:00Z';
const CONFIG = JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', perPage: 3, otherNews: 3 });
const SECTIONS = ['ekonomi', 'nasional'] as const;
const TAGS = ['pasar', 'banjir', 'pajak', 'kereta'] as const;
const AUTHORS = ['Riandanu', 'Sari Dewi'] as const;
/** Minutes from 1 November 2016, 00:00 UTC: the articles span the two months before the build's clock. */
const SPAN = 60 * 24 * 60;

interface Fields {
  readonly section: (typeof SECTIONS)[number];
  readonly title: string;
  readonly minute: number;
  readonly tags: readonly string[];
  readonly author: string;
}

/** One edit of the content folder, as a newsroom makes them: by the article, picked by its place in the list. */
type Step =
  | { readonly kind: 'publish'; readonly fields: Fields }
  | { readonly kind: 'add'; readonly fields: Fields }
  | { readonly kind: 'remove'; readonly pick: number }
  | { readonly kind: 'retitle'; readonly pick: number; readonly title: string }
  | { readonly kind: 'retag'; readonly pick: number; readonly tags: readonly string[] }
  | { readonly kind: 'redate'; readonly pick: number; readonly minute: number }
  | { readonly kind: 'move'; readonly pick: number; readonly section: (typeof SECTIONS)[number] };

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
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('publish' as const), fields }),
  fc.record({ kind: fc.constant('add' as const), fields }),
  fc.record({ kind: fc.constant('remove' as const), pick }),
  fc.record({ kind: fc.constant('retitle' as const), pick, title }),
  fc.record({ kind: fc.constant('retag' as const), pick, tags }),
  fc.record({ kind: fc.constant('redate' as const), pick, minute }),
  fc.record({ kind: fc.constant('move' as const), pick, section: fc.constantFrom(...SECTIONS) }),
);

function dateOf(minutes: number): string {
  return new Date(Date.UTC(2016, 10, 1) + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

function articleFile(fields: Fields): string {
  return article({
    title: JSON.stringify(fields.title),
    date: dateOf(fields.minute),
    author: fields.author,
    tags: `[${fields.tags.join(', ')}]`,
  });
}

/** A site of `articles` under their names, its content folder written as the model says. */
class ModelSite {
  readonly dir = createFixtureSite({ 'newsgen.config.json': CONFIG });
  readonly articles = new Map<string, Fields>();
  private added = 0;

  write(name: string, fields: Fields): void {
    const old = this.articles.get(name);
    if (old && old.section !== fields.section) rmSync(this.file(name, old));
    this.articles.set(name, fields);
    const file = this.file(name, fields);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, articleFile(fields));
  }

  add(fields: Fields): void {
    this.write(`berita-${this.added++}`, fields);
  }

  apply(step: Step): void {
    if (step.kind === 'publish') {
      const newest = Math.max(...[...this.articles.values()].map((entry) => entry.minute));
      this.add({ ...step.fields, minute: Math.min(SPAN - 1, newest + 60) });
      return;
    }
    if (step.kind === 'add') {
      this.add(step.fields);
      return;
    }
    const names = [...this.articles.keys()];
    const name = names[step.pick % names.length] as string;
    const old = this.articles.get(name) as Fields;
    switch (step.kind) {
      case 'remove':
        if (names.length <= 2) return;
        rmSync(this.file(name, old));
        this.articles.delete(name);
        break;
      case 'retitle':
        this.write(name, { ...old, title: step.title });
        break;
      case 'retag':
        this.write(name, { ...old, tags: step.tags });
        break;
      case 'redate':
        this.write(name, { ...old, minute: step.minute });
        break;
      case 'move':
        this.write(name, { ...old, section: step.section });
        break;
    }
  }

  private file(name: string, fields: Fields): string {
    return path.join(this.dir, 'content', fields.section, `${name}.md`);
  }
}

// Each run builds a site of 6-12 articles, then makes one to three edits and
// builds after each (from the cache, in the same output folder); each of
// those builds must write what a cold build of the same content writes.
// At most seven builds of a small site a run, ten runs: about 12 s.
describe('an incremental build after any edit equals a cold build (issue 19)', { timeout: 120_000 }, () => {
  test('publishes, additions, deletions, new titles, tags, dates and sections, one after another', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fields, { minLength: 6, maxLength: 12 }),
        fc.array(step, { minLength: 1, maxLength: 3 }),
        async (initial, steps) => {
          const site = new ModelSite();
          for (const entry of initial) site.add(entry);
          await buildAt(site.dir, NOW);
          for (const edit of steps) {
            site.apply(edit);
            await buildAt(site.dir, NOW);
            expect(snapshotTree(path.join(site.dir, 'dist')), JSON.stringify(edit)).toEqual(
              await coldSnapshotAt(site.dir, NOW),
            );
          }
        },
      ),
      { seed: 20261203, numRuns: 10, endOnFailure: true },
    );
  });
});
