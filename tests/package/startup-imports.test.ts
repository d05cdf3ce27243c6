import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, BIN, createFixtureSite, ROOT } from '../helpers/fixture-site.js';

// What every `newsgen` command loads before it knows what it has to do: the
// CLI's static import graph, as esbuild bundles it (scripts/bundle.mjs splits
// the bundle at every dynamic import). A build that finds nothing changed, and
// `--help`, should load the config and the up-to-date check only; Markdown,
// templates, images, YAML and the scaffold load when a command needs them.
let inputs: Metafile['inputs'];
const ENTRY = 'src/cli/main.ts';

// Timeout: esbuild resolves and parses the whole CLI once.
beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(ROOT, ENTRY)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    metafile: true,
    logLevel: 'silent',
    outdir: path.join(ROOT, 'lib', 'startup-test'),
    packages: 'external',
  });
  inputs = result.metafile.inputs;
}, 60_000);

/** Every module the entry reaches through static imports, and through which module it was first reached. */
function staticGraph(): Map<string, string | undefined> {
  const reachedFrom = new Map<string, string | undefined>([[ENTRY, undefined]]);
  const pending = [ENTRY];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || reachedFrom.has(imported.path)) continue;
      reachedFrom.set(imported.path, file);
      if (!imported.external) pending.push(imported.path);
    }
  }
  return reachedFrom;
}

/** How the entry reaches `file`: `src/cli/main.ts → … → file`. */
function chain(graph: Map<string, string | undefined>, file: string): string {
  const steps: string[] = [];
  for (let step: string | undefined = file; step !== undefined; step = graph.get(step)) steps.unshift(step);
  return steps.join(' → ');
}

describe('what the CLI loads at start', () => {
  it('leaves Markdown, templates, images, YAML, slugs, plugins and the scaffold to the commands that need them', () => {
    const graph = staticGraph();
    const heavy = [...graph.keys()].filter(
      (file) =>
        /^(yaml|js-yaml|unified|remark-|rehype-|hast-util-|mdast-util-|handlebars|sharp|chokidar|piscina|@clack\/prompts|@sindresorhus\/)/.test(
          file,
        ) ||
        /^src\/(markdown\/create-processor|render\/create-renderer|images\/image-encoder|site\/build-site|content\/front-matter|url\/slug)\.ts$/.test(
          file,
        ) ||
        /^src\/(scaffold|process|plan|watch|server)\//.test(file),
    );
    expect(heavy.map((file) => chain(graph, file))).toEqual([]);
  });

  it('still reaches the up-to-date check statically, and the later stages only through import()', () => {
    const graph = staticGraph();
    expect(graph.has('src/pipeline/read-inputs.ts')).toBe(true);
    expect(graph.has('src/pipeline/later-stages.ts')).toBe(false);
    const dynamic = (inputs['src/pipeline/build-session.ts']?.imports ?? []).filter(
      (imported) => imported.kind === 'dynamic-import',
    );
    expect(dynamic.map((imported) => imported.path)).toContain('src/pipeline/later-stages.ts');
  });
});

describe('what the built CLI loads for a build that finds nothing changed', () => {
  it('no CommonJS package and no child_process (the modules a dependency loads for features newsgen does not use)', () => {
    const dir = createFixtureSite({ 'content/ekonomi/baik.md': article() });
    try {
      // A preloaded module reports, as the process exits, every file the CommonJS loader holds
      // and every Node module loaded.
      const report =
        'data:text/javascript,import{createRequire}from"node:module";const r=createRequire("/");' +
        'process.on("exit",()=>console.error("LOADED "+JSON.stringify({cjs:Object.keys(r.cache),node:process.moduleLoadList})))';
      const run = () =>
        spawnSync(process.execPath, ['--import', report, BIN, 'build'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', CI: 'true' },
        });
      expect(run().status).toBe(0);
      const warm = run();
      expect(warm.stdout + warm.stderr).toContain('Up to date');
      const loaded = JSON.parse(/LOADED (.*)/.exec(warm.stderr)?.[1] ?? '{}') as { cjs: string[]; node: string[] };
      expect(loaded.cjs).toEqual([]);
      expect(loaded.node.length).toBeGreaterThan(50);
      expect(loaded.node.filter((name) => /\b(child_process|dgram)$/.test(name))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
