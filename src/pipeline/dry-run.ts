import type { Article } from '../content/article.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import { modelSite, type SiteModel } from './model-site.js';
import type { ProcessedContent } from './process-content.js';
import type { BuildInputs } from './read-inputs.js';
import type { RenderPlan } from './render-plan.js';
import type { SessionContext } from './session-memory.js';
import type { WrittenOutputs } from './write-outputs.js';

/** A dry run's model when the content has errors: the errors, and the articles that are valid. */
export interface FailedModel {
  readonly failures: readonly Diagnostic[];
  readonly content: readonly Article[];
}

/**
 * A dry run's model: content errors come back as `failures` with the valid
 * articles (so `newsgen check` can still run its news checks), not a throw.
 */
export function modelOrFailures(
  context: SessionContext,
  inputs: BuildInputs,
  processed: ProcessedContent,
): SiteModel | FailedModel {
  try {
    return modelSite(context, inputs, processed);
  } catch (error) {
    if (!isNewsgenError(error) || error.diagnostics.length === 0) throw error;
    const content = [...context.memory.results.values()].flatMap(({ result }) =>
      result.kind === 'article' ? [result.article] : [],
    );
    return { failures: error.diagnostics, content };
  }
}

/**
 * What a dry run with content errors reports: the errors with every file's
 * warnings, and the valid articles. A model with image errors
 * (`imageErrors`) reports them with the model's warnings.
 */
export function failedDryRun(
  context: SessionContext,
  model: FailedModel | SiteModel,
  imageErrors?: readonly Diagnostic[],
) {
  if (!('failures' in model))
    return {
      upToDate: false,
      warnings: [...(imageErrors ?? []), ...model.warnings],
      content: model.articles ?? [],
      failed: true,
    } as const;
  const fileWarnings = [...context.memory.results.values()].flatMap(({ result }) =>
    result.kind === 'failed' ? [] : (result.warnings ?? []),
  );
  return {
    upToDate: false,
    warnings: [...model.failures, ...fileWarnings],
    content: model.content,
    failed: true,
  } as const;
}

/** A dry run's "write": every output is produced (and so rendered and checked), none is written. */
export async function drain(plan: RenderPlan): Promise<WrittenOutputs> {
  try {
    for await (const _ of plan.outputs);
  } finally {
    await plan.close();
  }
  return { written: [], deleted: [], outputs: { outputs: new Map(), fingerprints: new Map() } };
}
