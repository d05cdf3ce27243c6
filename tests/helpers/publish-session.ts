import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { type BuildSession, createBuildSession } from '../../src/pipeline/build-session.js';
import { article, createFixtureSite, snapshotTree } from './fixture-site.js';

// Serve sessions publishing and removing articles (tests/pipeline/publish-*.test.ts), and the cold builds they must equal.

export const NOW = '2016-12-31T00:00:00Z';
const sessions: BuildSession[] = [];

/** Closes the sessions a test opened (`afterEach(closeSessions)` in each test file). */
export async function closeSessions(): Promise<void> {
  for (const session of sessions.splice(0)) await session.close();
}

/** Twenty-eight articles over two sections, three tags and two authors, four per listing page (the home listing and November one short of a new archive page), October to November 2016. */
export function archiveSite(config: Record<string, unknown> = {}): string {
  const files: Record<string, string> = {
    'newsgen.config.json': JSON.stringify({
      title: 'Warta',
      baseUrl: 'https://warta.example/',
      perPage: 4,
      otherNews: 3,
      sections: [{ slug: 'ekonomi', name: 'Ekonomi' }],
      ...config,
    }),
  };
  for (let index = 0; index < 28; index++) {
    const section = index % 2 === 0 ? 'ekonomi' : 'nasional';
    const day = String(1 + (index % 28)).padStart(2, '0');
    const month = index < 20 ? '10' : '11';
    files[`content/${section}/berita-${index}.md`] = article(
      {
        title: `"Berita ${index}"`,
        date: `2016-${month}-${day} ${String(6 + (index % 12)).padStart(2, '0')}:00`,
        tags: `[Pasar ${index % 3}]`,
        author: index % 2 === 0 ? 'Rina Sari' : 'Budi',
      },
      `Isi berita ${index}, lihat [yang lain](/ekonomi/berita-0/).\n`,
    );
  }
  return createFixtureSite(files);
}

async function configOf(dir: string, out: string) {
  return (await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW, out }, new Date())).config;
}

/** A session as `newsgen serve` keeps one (no cache folder), and what its model stage said at debug level. */
export async function openSession(dir: string) {
  const log: string[] = [];
  const session = createBuildSession(await configOf(dir, 'dist'), {
    logger: createLogger({ level: 'debug', stream: { write: (text: string) => log.push(text) } as never }),
    version: 'test',
    cacheDir: undefined,
    concurrency: 0,
  });
  sessions.push(session);
  await session.build();
  return {
    /** Builds after a change; true when the model was patched for one published or removed article (and only its pages were planned). */
    async build(changes: { changed?: string[]; removed?: string[] }) {
      const { patched, narrow } = await this.run(changes);
      // A patched model is planned narrowly (the fixture's pictures never change but with the article).
      expect(narrow).toBe(patched);
      return patched;
    },
    /** Builds after a change: whether the model was patched, and the build's warnings. */
    async run(changes: { changed?: string[]; removed?: string[] }) {
      log.length = 0;
      const result = await session.build({ ...changes, static: false });
      return {
        patched: log.some((line) => line.startsWith('model     patched:')),
        /** Only the pages the patch named were planned. */
        narrow: log.some((line) => line.startsWith('plan      publish:')),
        warnings: describeWarnings(result.warnings),
      };
    },
  };
}

function describeWarnings(warnings: readonly Diagnostic[]): string[] {
  return warnings.map((found) => `${found.file} ${found.ruleId} ${found.reason}`).sort();
}

/** What a cold build of the content as it is now writes. */
export async function coldBuild(dir: string): Promise<Map<string, string>> {
  return (await coldBuildWithWarnings(dir)).files;
}

/** What a cold build writes and warns about. */
export async function coldBuildWithWarnings(dir: string) {
  const out = path.join(dir, 'cold');
  rmSync(out, { recursive: true, force: true });
  const session = createBuildSession(await configOf(dir, out), {
    logger: createLogger({ level: 'silent' }),
    version: 'test',
    cacheDir: undefined,
    concurrency: 0,
  });
  try {
    const result = await session.build();
    return { files: snapshotTree(out), warnings: describeWarnings(result.warnings) };
  } finally {
    await session.close();
  }
}

/** The session's output equals a cold build's, file for file (the differing files are named on failure). */
export async function expectCold(dir: string) {
  const built = snapshotTree(path.join(dir, 'dist'));
  const cold = await coldBuild(dir);
  const differing = [...new Set([...built.keys(), ...cold.keys()])].filter(
    (file) => built.get(file) !== cold.get(file),
  );
  expect(differing).toEqual([]);
}

export function write(dir: string, file: string, fields: Record<string, string>, body?: string): string {
  const target = path.join(dir, 'content', file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, article(fields, body));
  return target;
}
