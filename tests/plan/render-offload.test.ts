import { afterEach, describe, expect, it, vi } from 'vitest';

/** The cores the offload sees: set per test. */
const machine = vi.hoisted(() => ({ cores: 2 }));
vi.mock('node:os', async (original) => {
  const os = await original<typeof import('node:os')>();
  return {
    ...os,
    default: { ...os, availableParallelism: () => machine.cores },
    availableParallelism: () => machine.cores,
  };
});

const { createRenderOffload } = await import('../../src/plan/render-offload.js');
type Setup = Parameters<typeof createRenderOffload>[0];
// No pool starts until a batch is rendered, so the setup is never read here.
const setup = {} as Setup;

describe('createRenderOffload', () => {
  afterEach(() => {
    machine.cores = 2;
  });

  it('renders on a worker by default on two cores once a build has 400 pages or more', async () => {
    const offload = createRenderOffload(setup, 'auto', 400);
    expect(offload?.threads).toBe(1);
    await offload?.close();
    expect(createRenderOffload(setup, 'auto', 399)).toBeUndefined();
  });

  it('uses one worker per core besides this thread on larger machines, and none on one core', async () => {
    machine.cores = 8;
    const offload = createRenderOffload(setup, 'auto', 14_000);
    expect(offload?.threads).toBe(7);
    await offload?.close();
    machine.cores = 1;
    expect(createRenderOffload(setup, 'auto', 14_000)).toBeUndefined();
  });

  it('follows an explicit thread count whatever the cores and pages, this thread included', async () => {
    machine.cores = 1;
    const offload = createRenderOffload(setup, 3, 10);
    expect(offload?.threads).toBe(2);
    await offload?.close();
    expect(createRenderOffload(setup, 1, 14_000)).toBeUndefined();
  });
});
