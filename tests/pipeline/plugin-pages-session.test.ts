import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { type BuildSession, createBuildSession } from '../../src/pipeline/build-session.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

const NOW = '2026-11-27T00:00:00+07:00';
const sessions: BuildSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

/** A plugin with a page per region of data/pilkada.json, whose remark step counts the page bodies it renders. */
const PLUGIN = `
export default {
  name: 'pilkada',
  remarkPlugins: [() => (tree) => {
    if (JSON.stringify(tree).includes('SUARA')) globalThis.pilkadaRenders = (globalThis.pilkadaRenders ?? 0) + 1;
  }],
  pages: ({ data }) => data.pilkada.map((w) => ({ path: '/pilkada/' + w.slug + '/', title: w.slug, markdown: 'SUARA ' + w.suara })),
};
`;

const renders = () => (globalThis as { pilkadaRenders?: number }).pilkadaRenders ?? 0;

async function openSession(dir: string, out: string) {
  const resolved = await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW, out }, new Date());
  const session = createBuildSession(resolved.config, {
    logger: createLogger({ level: 'error', stream: { write: () => undefined } as never }),
    version: 'test',
    cacheDir: undefined,
    concurrency: 0,
    plugins: resolved.plugins,
  });
  sessions.push(session);
  return session;
}

describe('a session building pages a plugin adds', () => {
  it('renders again only the pages whose fields or Markdown changed, and writes what a new session writes', async () => {
    const dir = createFixtureSite({
      'newsgen.config.mjs':
        "import pilkada from './pilkada.mjs';\nexport default { title: 'Warta', baseUrl: 'https://warta.example/', plugins: [pilkada] };\n",
      'pilkada.mjs': PLUGIN,
      'data/pilkada.json': JSON.stringify([
        { slug: 'bali', suara: 5 },
        { slug: 'papua', suara: 7 },
      ]),
      'content/ekonomi/kopi.md': article({ title: 'Kopi', date: '2026-11-20 09:00' }),
    });
    const session = await openSession(dir, 'dist');
    const start = renders();
    await session.build();
    expect(renders() - start).toBe(2);
    // An article's edit: the hook runs again, and gives the same pages, which are not rendered again.
    writeFileSync(
      path.join(dir, 'content/ekonomi/kopi.md'),
      article({ title: 'Kopi Toraja', date: '2026-11-20 09:00' }),
    );
    await session.build({ changed: [path.join(dir, 'content/ekonomi/kopi.md')], static: false });
    expect(renders() - start).toBe(2);
    writeFileSync(
      path.join(dir, 'data/pilkada.json'),
      JSON.stringify([
        { slug: 'bali', suara: 6 },
        { slug: 'aceh', suara: 1 },
      ]),
    );
    const changed = await session.build({ static: false });
    expect(renders() - start).toBe(4);
    expect([...changed.written].sort()).toEqual([
      'pilkada/aceh/index.html',
      'pilkada/bali/index.html',
      'sitemap-pages.xml',
    ]);
    expect(changed.deleted).toEqual(['pilkada/papua/index.html']);

    await (await openSession(dir, 'cold')).build();
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(snapshotTree(path.join(dir, 'cold')));
    rmSync(path.join(dir, 'cold'), { recursive: true });
  });
});
