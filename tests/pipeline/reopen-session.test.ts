import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import type { BuildSession } from '../../src/pipeline/build-session.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { createMemorySession } from '../helpers/memory-session.js';

const sessions: BuildSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

function siteConfig(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', timeZone: 'Asia/Jakarta', ...fields });
}

function createSite(): string {
  return createFixtureSite({
    'newsgen.config.json': siteConfig(),
    'content/ekonomi/harga-cabai.md': article({ title: 'Harga cabai naik', date: '2026-11-20 09:00' }),
    'content/nasional/banjir-pesisir.md': article({ title: 'Banjir di pesisir', date: '2026-11-21 10:00' }),
  });
}

async function configOf(dir: string, out = 'dist') {
  const flags = { now: '2026-11-27T00:00:00Z', out };
  return (await resolveConfig(dir, await loadConfig(dir, undefined), flags, new Date())).config;
}

/** A session as `newsgen serve` keeps one: in memory, no cache folder. */
async function openSession(dir: string): Promise<BuildSession> {
  return createMemorySession(await configOf(dir));
}

/** The output of a fresh session's build of a copy of the site at `dir`. */
async function coldOutput(dir: string): Promise<Map<string, string>> {
  const copy = createFixtureSite({});
  cpSync(dir, copy, { recursive: true });
  rmSync(path.join(copy, 'dist'), { recursive: true, force: true });
  const session = await openSession(copy);
  sessions.push(session);
  await session.build();
  return snapshotTree(path.join(copy, 'dist'));
}

/**
 * Builds a new site in a session, writes `fields` into its config (none: saved
 * unchanged), reopens the session with the config read again and builds once
 * more: that build's result, and the site's folder.
 */
async function rebuildWithConfig(fields?: Record<string, unknown>, out = 'dist') {
  const dir = createSite();
  const first = await openSession(dir);
  await first.build();
  if (fields) writeFileSync(path.join(dir, 'newsgen.config.json'), siteConfig(fields));
  const session = await first.reopen(await configOf(dir, out));
  sessions.push(session);
  return { dir, result: await session.build() };
}

describe('a session reopened for an edited config', () => {
  test('a config saved unchanged processes nothing and writes nothing', async () => {
    const { result } = await rebuildWithConfig();
    expect({ processed: result.processed, written: result.written, deleted: result.deleted }).toEqual({
      processed: 0,
      written: [],
      deleted: [],
    });
  });

  test('a changed title writes the pages again without processing the articles, as a cold build', async () => {
    const { dir, result } = await rebuildWithConfig({ title: 'Warta Pesisir' });
    expect(result.processed).toBe(0);
    expect(result.written).toContain('index.html');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldOutput(dir));
  });

  test('a changed time zone processes every article again, as a cold build', async () => {
    const { dir, result } = await rebuildWithConfig({ timeZone: 'Asia/Makassar' });
    expect(result.processed).toBe(2);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldOutput(dir));
  });

  test('another output folder is written whole', async () => {
    const { dir, result } = await rebuildWithConfig(undefined, 'public');
    // Every file but the marker that tells the folder is newsgen's.
    const files = [...snapshotTree(path.join(dir, 'public')).keys()].filter((file) => file !== '.newsgen-output');
    expect([...result.written].sort()).toEqual(files.sort());
    expect(result.written).toContain('index.html');
  });
});
