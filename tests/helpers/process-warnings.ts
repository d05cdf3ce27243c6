import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { createArticleCheckOptions, processSource } from '../../src/process/process-source.js';

const processor = createMarkdownProcessor();
const options = createArticleCheckOptions('Asia/Jakarta');

/**
 * The warnings of rule `ruleId` that processing a content file gives: `text` at `file` (an article, or a page
 * under `pages/`), as `content/<file>:<line>:<column> <severity>`. A file that fails throws its errors' reasons.
 */
export function processWarnings(file: string, text: string, ruleId: string): string[] {
  const { result } = processSource(
    { path: file, displayPath: `content/${file}`, bytes: new TextEncoder().encode(text) },
    options,
    processor,
  );
  if (result.kind === 'failed') throw new Error(result.diagnostics.map((d) => d.reason).join('\n'));
  return (result.warnings ?? [])
    .filter((warning: Diagnostic) => warning.ruleId === ruleId)
    .map((warning) => `${warning.file}:${warning.place?.line}:${warning.place?.column} ${warning.severity}`);
}
