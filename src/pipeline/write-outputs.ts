import { type DerivedGroups, listDerivedFiles } from '../images/derived-groups.js';
import { DERIVED_DIR } from '../images/plan-picture.js';
import type { OutputState } from '../incremental/session-cache.js';
import type { OutputFile } from '../output/output-file.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { BuildInputs } from './read-inputs.js';
import type { RenderPlan } from './render-plan.js';
import type { SessionContext } from './session-memory.js';

/** What the `write` stage did, and the output state the next build compares with. */
export interface WrittenOutputs {
  /** Output paths written (changed bytes) and deleted. */
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  readonly outputs: OutputState;
}

/**
 * The `write` stage (I/O, write only): pulls the planned outputs and writes
 * them (see `writeFiles`), then tells the session's `onOutput` what the
 * output folder holds now, before anything after (the cache's save,
 * plugins' `buildEnd`) can fail the build.
 */
export async function writeOutputs(
  context: SessionContext,
  inputs: BuildInputs,
  plan: RenderPlan,
): Promise<WrittenOutputs> {
  const written = await writeFiles(context, inputs, plan);
  context.options.onOutput?.({ written: written.written, deleted: written.deleted });
  return written;
}

/**
 * Writes the planned outputs. Into a folder this session's last build
 * wrote, only files whose bytes changed are written and files the site no
 * longer has are deleted; anything else is built whole beside the output
 * folder and swapped in. Either way every file is staged first and the
 * folder changes only once everything is ready, so a failure leaves the
 * previous output as it was.
 */
async function writeFiles(context: SessionContext, inputs: BuildInputs, plan: RenderPlan): Promise<WrittenOutputs> {
  const { config, memory } = context;
  try {
    if (!plan.incremental) {
      const { writeOutput } = await import('../output/write-output.js');
      const named = new Map<string, string>();
      const derived: string[] = [];
      // The static files the build listed are the ones copied, and written like every other file.
      const result = await writeOutput({
        outDir: config.outDir,
        files: outputFiles(plan.outputs, named, derived),
        staticDir: config.staticDir,
        staticFiles: inputs.staticListing.files,
        signal: context.options.signal,
      });
      const hashes = new Map<string, string>();
      const isDerived = new Set(derived);
      for (const [file, hash] of result.hashes) if (!isDerived.has(file)) hashes.set(file, named.get(file) ?? hash);
      for (const [file, stamp] of Object.entries(inputs.staticListing.stamps)) hashes.set(file, stamp);
      // Over a folder of the last build's, only the files whose bytes changed, and those it had and this one has
      // not: a build that lost its cache (or was upgraded) but kept the output still lists what to deploy.
      const written = [...hashes.keys(), ...derived].filter((file) => !result.unchanged.has(file));
      return { written, deleted: result.gone, outputs: finished(plan, hashes) };
    }
    const { writeChanges } = await import('../output/write-changes.js');
    const deleted = [...(deletedBy(plan).deleted ?? [])];
    const result = await writeChanges({
      outDir: config.outDir,
      outputs: thenStale(plan, deleted),
      unchanged: plan.unchanged,
      previous: memory.outputs.outputs,
      staticFiles: { ...inputs.staticListing, reads: memory.staticReads },
      partial: plan.partial,
      deleted,
      claimed: claimsOf(plan.derived.groups),
      signal: context.options.signal,
    });
    const { byHash, compared } = result.staticChecks;
    if (byHash + compared > 0)
      context.options.logger.debug(
        `write     ${byHash} static files known by their hashes, ${compared} compared with the output's`,
      );
    if (!plan.partial)
      return { written: result.written, deleted: result.deleted, outputs: finished(plan, result.outputs) };
    // Only what may have changed was planned: every other output keeps its hash and fingerprint. The last
    // state is brought up to date in place, not copied (15,000 entries at 10,000 articles, ~20 ms a publish):
    // every output has been produced by now, so nothing reads it as the last build's any more, and the
    // folder it describes is the one just written, whatever happens after.
    const fingerprints = memory.outputs.fingerprints as Map<string, string>;
    for (const [file, fingerprint] of plan.fingerprints) fingerprints.set(file, fingerprint);
    const outputs = memory.outputs.outputs as Map<string, string>;
    for (const [file, hash] of result.outputs) outputs.set(file, hash);
    for (const file of result.deleted) {
      fingerprints.delete(file);
      outputs.delete(file);
    }
    // A plan that deletes moved the site's pages: its own index replaces the last one.
    const dependents = plan.deleted ? plan.dependents() : memory.outputs.dependents;
    return {
      written: result.written,
      deleted: result.deleted,
      outputs: { outputs, fingerprints, dependents, history: plan.history(), images: plan.derived.groups },
    };
  } finally {
    await plan.close();
  }
}

function finished(plan: RenderPlan, outputs: ReadonlyMap<string, string>): OutputState {
  return {
    outputs,
    fingerprints: plan.fingerprints,
    dependents: plan.dependents(),
    history: plan.history(),
    images: plan.derived.groups,
  };
}

/**
 * Every output to write, as it is (the writer hashes the bytes, off this
 * thread); what names an output's bytes instead of their hash (see
 * `PlannedOutput.hash`) is kept in `named`, a derived image file's path in
 * `derived` (its group names it).
 */
async function* outputFiles(
  outputs: AsyncIterable<PlannedOutput>,
  named: Map<string, string>,
  derived: string[],
): AsyncGenerator<OutputFile> {
  for await (const output of outputs) {
    if (output.contents === undefined) continue;
    if (output.derived) derived.push(output.path);
    else if (output.hash !== undefined) named.set(output.path, output.hash);
    yield { path: output.path, contents: output.contents };
  }
}

/** What a plan deletes besides the last build's outputs it no longer has: for a whole plan, its gone derived files. */
function deletedBy(plan: RenderPlan): { deleted?: readonly string[] } {
  const deleted = plan.partial ? plan.deleted : plan.derived.gone;
  return deleted && deleted.length > 0 ? { deleted } : {};
}

/**
 * The plan's outputs, then its stale outputs added to `deleted`: the writer
 * reads `deleted` only once it has drained the outputs.
 */
async function* thenStale(plan: RenderPlan, deleted: string[]): AsyncGenerator<PlannedOutput> {
  yield* plan.outputs;
  if (plan.partial) deleted.push(...(plan.staleOutputs?.() ?? []));
}

/**
 * Whether a static file's path is a derived image file's: the paths are
 * gathered only when some static file lies in the derived files' folder.
 */
function claimsOf(groups: DerivedGroups): (path: string) => boolean {
  let paths: Set<string> | undefined;
  return (path) => {
    if (!path.startsWith(`${DERIVED_DIR}/`)) return false;
    paths ??= new Set(listDerivedFiles(groups).map((file) => file.path));
    return paths.has(path);
  };
}
