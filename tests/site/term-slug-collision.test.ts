import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { createFixtureSite } from '../helpers/fixture-site.js';
import { createMemorySession } from '../helpers/memory-session.js';

const OLDER = '---\ntitle: Kopi Toraja\ndate: 2026-11-01 10:00\nauthor: José Rizal\ntags: [Kopi]\n---\nIsi.\n';
const NEWER =
  '---\ntitle: Teh Garut\ndate: 2026-11-02 10:00\nauthors:\n  - Ani\n  - Jose Rizal\ntags:\n  - Teh\n---\nIsi.\n';

describe('term-slug-collision', () => {
  test('points at the later spelling where its article writes it, and at the earlier one as the cause', async () => {
    const { generated } = await buildInMemory({ 'ekonomi/a.md': OLDER, 'ekonomi/b.md': NEWER });
    const warnings = generated.warnings.filter((warning) => warning.ruleId === 'term-slug-collision');
    expect(warnings).toEqual([
      expect.objectContaining({
        file: 'content/ekonomi/b.md',
        // `  - Jose Rizal`: the list item's value, line 6 of the file.
        place: { line: 6, column: 5 },
        cause: { file: 'content/ekonomi/a.md', place: { line: 4, column: 9 } },
      }),
    ]);
  });

  test('a section spelled two ways points at `section:`, or at the title when the folder names it', async () => {
    const { generated } = await buildInMemory({
      'ekonomi/a.md': '---\ntitle: A\ndate: 2026-11-01 10:00\n---\nIsi.\n',
      'lain/b.md': '---\ntitle: B\ndate: 2026-11-02 10:00\nsection: Ékonomi\n---\nIsi.\n',
    });
    const [warning] = generated.warnings.filter((each) => each.ruleId === 'term-slug-collision');
    expect(warning).toMatchObject({
      file: 'content/lain/b.md',
      place: { line: 4, column: 10 },
      cause: { file: 'content/ekonomi/a.md', place: { line: 2, column: 1 } },
    });
  });

  test('an edit above the name moves the warning with it in a watch session, as a cold build places it', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      'content/ekonomi/a.md': OLDER,
      'content/ekonomi/b.md': NEWER,
    });
    const open = async () => {
      const { config } = await resolveConfig(
        dir,
        await loadConfig(dir, undefined),
        { now: '2026-11-27T00:00:00Z' },
        new Date(),
      );
      return createMemorySession(config);
    };
    const placeOf = (warnings: readonly { ruleId: string; place?: unknown }[]) =>
      warnings.find((warning) => warning.ruleId === 'term-slug-collision')?.place;
    const session = await open();
    try {
      expect(placeOf((await session.build()).warnings)).toEqual({ line: 6, column: 5 });
      const file = path.join(dir, 'content/ekonomi/b.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('authors:', 'summary: Ringkasan.\nauthors:'));
      expect(placeOf((await session.build({ changed: [file] })).warnings)).toEqual({ line: 7, column: 5 });
    } finally {
      await session.close();
    }
    const cold = await open();
    expect(placeOf((await cold.build()).warnings)).toEqual({ line: 7, column: 5 });
    await cold.close();
  });
});
