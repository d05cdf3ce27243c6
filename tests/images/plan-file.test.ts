import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Plans, readPlans, savePlans } from '../../src/images/plan-file.js';
import { createTempFolder } from '../helpers/temp-folders.js';

/** Sets plans as the store does: remembered, and pending for the next save. */
function set(plans: Plans, use: string, files: string | undefined): void {
  if (files === undefined) plans.entries.delete(use);
  else plans.entries.set(use, files);
  plans.pending.set(use, files);
}

const sizeOf = (dir: string, file: string) =>
  existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file)).length : 0;

describe('the image store plan file', () => {
  test('a save appends what changed to a log, and a read gives the plans as they were saved', async () => {
    const dir = createTempFolder('plans');
    const plans = readPlans(dir);
    plans.digest = 'd1';
    plans.rewrite = true;
    for (let index = 0; index < 400; index++) set(plans, `use ${index}`, `k${index} foto-${index}.avif`);
    await savePlans(dir, plans);
    const base = sizeOf(dir, 'plans.json');
    expect(existsSync(path.join(dir, 'plans-log.json'))).toBe(false);

    const next = readPlans(dir);
    expect(next.entries).toEqual(plans.entries);
    set(next, 'use 400', 'k400 foto-400.avif');
    set(next, 'use 3', undefined);
    set(next, 'use 7', 'k7b foto-7b.avif');
    await savePlans(dir, next);
    // The base as it was; two changes and a removal in a short log.
    expect(sizeOf(dir, 'plans.json')).toBe(base);
    expect(readFileSync(path.join(dir, 'plans-log.json'), 'utf8').split('\n').filter(Boolean)).toHaveLength(4);
    const again = readPlans(dir);
    expect(again.entries).toEqual(next.entries);
    expect(again.entries.has('use 3')).toBe(false);
    expect(again.entries.get('use 7')).toBe('k7b foto-7b.avif');
    expect(again.digest).toBe('d1');
  });

  test('writes the base again once the log grows past a quarter of the plans, or when it must', async () => {
    const dir = createTempFolder('plans');
    const plans = readPlans(dir);
    plans.digest = 'd1';
    for (let index = 0; index < 400; index++) set(plans, `use ${index}`, `k${index}`);
    await savePlans(dir, plans);
    for (let round = 0; round < 20; round++) {
      const next = readPlans(dir);
      for (let index = 0; index < 10; index++) set(next, `use ${round * 10 + index}`, `k${round}-${index}`);
      await savePlans(dir, next);
      // 400 / 4 + 64 = 164 lines at most.
      expect(next.logLines).toBeLessThanOrEqual(164);
      expect(readPlans(dir).entries).toEqual(next.entries);
    }
    const forced = readPlans(dir);
    forced.rewrite = true;
    await savePlans(dir, forced);
    expect(existsSync(path.join(dir, 'plans-log.json'))).toBe(false);
    expect(readPlans(dir).entries).toEqual(forced.entries);
  });

  test('ignores a torn last line and a log of another base, and writes the base again after a torn line', async () => {
    const dir = createTempFolder('plans');
    const plans = readPlans(dir);
    plans.digest = 'd1';
    set(plans, 'a', 'k1');
    set(plans, 'b', 'k2');
    await savePlans(dir, plans);
    const next = readPlans(dir);
    set(next, 'c', 'k3');
    await savePlans(dir, next);
    appendFileSync(path.join(dir, 'plans-log.json'), '["d","k4');
    const torn = readPlans(dir);
    expect([...torn.entries.keys()]).toEqual(['a', 'b', 'c']);
    expect(torn.rewrite).toBe(true);
    await savePlans(dir, torn);
    expect(existsSync(path.join(dir, 'plans-log.json'))).toBe(false);
    expect([...readPlans(dir).entries.keys()]).toEqual(['a', 'b', 'c']);
    // A log naming another generation (a save stopped between the base and its log) counts for nothing.
    writeFileSync(path.join(dir, 'plans-log.json'), '"another"\n["z","k9"]\n');
    expect(readPlans(dir).entries.has('z')).toBe(false);
    writeFileSync(path.join(dir, 'plans.json'), '{"digest": 3}');
    expect(readPlans(dir).entries.size).toBe(0);
  });
});
