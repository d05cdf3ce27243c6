import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SourceFile } from '../content/source-file.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { formatDuration } from '../logger/format-duration.js';
import { processInParallel } from '../process/process-in-parallel.js';
import type { ProcessedSource, ProcessResult } from '../process/process-source.js';
import { processPluginPages } from './plugin-pages.js';
import type { BuildInputs } from './read-inputs.js';
import { fingerprintContent } from './read-inputs.js';
import type { ContentEntry, SessionContext } from './session-memory.js';

/** What the `process` stage did: which files it processed, what they were before, and the content fingerprint. */
export interface ProcessedContent {
  /** The entries processed in this build (new or changed files), in path order. */
  readonly stale: readonly ContentEntry[];
  /** Their results from the last build, if any, by path: what a patched model compares with. */
  readonly before: ReadonlyMap<string, ProcessResult | undefined>;
  /** Fingerprint of the settings and every content file: what the next build compares with. */
  readonly fingerprint: string;
}

/** Processed files from which article bodies wait in a temporary file, not in memory. */
const SPILL_HTML_FROM = 2000;

/**
 * The `process` stage: runs the per-file stages (parse → validate →
 * markdown) for every new or changed content file, on worker threads when
 * there are many, and keeps each result and body in the session's memory as
 * each batch is done. Files that are gone are forgotten.
 */
export async function processContent(context: SessionContext, inputs: BuildInputs): Promise<ProcessedContent> {
  const { config, memory, options } = context;
  const stale = inputs.sorted.filter(
    (entry) => entry.hash === undefined || memory.results.get(entry.source.path)?.hash !== entry.hash,
  );
  const before = new Map(stale.map((entry) => [entry.source.path, memory.results.get(entry.source.path)?.result]));
  if (stale.length >= (options.spillHtmlFrom ?? SPILL_HTML_FROM)) memory.bodies.spillTo(os.tmpdir());
  const markdown = memory.plugins?.markdown ?? [];
  const plugins = { config: { root: config.root, configFile: config.configFile, plugins: config.plugins }, markdown };
  const results = await processInParallel(
    stale.map((entry) => entry.source),
    { timeZone: config.timeZone, plugins },
    options.concurrency,
    memory.processor,
    {
      read: (source) => readSource(context, source),
      keep: (processed) => keepBody(context, processed),
      onSlow: (source, ms) => warnSlow(context, source, ms),
    },
  );
  stale.forEach(({ source }, index) => {
    // The entry as processed: `readSource` may have given it its hash.
    const entry = memory.entries.get(source.path) as ContentEntry;
    const result = results[index];
    if (result) memory.results.set(source.path, { hash: entry.hash as string, stat: entry.stat, result });
    if (result?.kind !== 'article' && result?.kind !== 'page') memory.bodies.forget(source.path);
    // The bytes are not needed once processed (the hash stays): free them for large sites.
    memory.entries.set(source.path, { ...entry, source: { ...entry.source, bytes: new Uint8Array() } });
  });
  for (const file of memory.results.keys()) {
    if (memory.entries.has(file)) continue;
    memory.results.delete(file);
    memory.bodies.forget(file);
  }
  await processPluginPages(context, inputs.pluginPages);
  // Every hash was known before processing (a watcher's change, a warm build): no file changed its hash here.
  if (inputs.contentFingerprint !== undefined) return { stale, before, fingerprint: inputs.contentFingerprint };
  const sorted = inputs.sorted.map((entry) => memory.entries.get(entry.source.path) as ContentEntry);
  return { stale, before, fingerprint: fingerprintContent(inputs.contentSettings, sorted) };
}

/** The file as processed: read and hashed now when it was listed but not read before. */
function readSource(context: SessionContext, source: SourceFile): SourceFile {
  const { memory, config } = context;
  const entry = memory.entries.get(source.path) as ContentEntry;
  if (entry.hash !== undefined) return entry.source;
  const bytes = readFileSync(path.join(config.contentDir, source.path));
  memory.entries.set(source.path, { ...entry, hash: hashBytes(bytes) });
  return { ...source, bytes };
}

/** An article's or page's body goes to the body store as soon as its batch is done; the model keeps the rest. */
function keepBody(context: SessionContext, processed: ProcessedSource): ProcessResult {
  const { result, html } = processed;
  context.options.progress?.advance();
  const owner = result.kind === 'article' ? result.article : result.kind === 'page' ? result.page : undefined;
  if (owner && html !== undefined) context.memory.bodies.keep(owner.sourcePath, html);
  return result;
}

function warnSlow(context: SessionContext, source: SourceFile, ms: number): void {
  context.options.logger.warn(describeSlowFile(source, ms));
}

/** The warning for a file that took `ms` to process, with what most likely made it slow. */
export function describeSlowFile(source: Pick<SourceFile, 'displayPath' | 'bytes'>, ms: number): string {
  const megabytes = source.bytes.length / 1_000_000;
  // A file of megabytes (a data dump pasted as text) is slow by its length alone; anything else by what is in it.
  const cause =
    megabytes >= 1
      ? `It is ${megabytes.toFixed(1)} MB long, where an article is a few kilobytes: Markdown that long takes seconds to parse, so split it, or move data out of it.`
      : 'Thousands of links, brackets or emphasis marks in one paragraph, or quotes and lists nested thousands deep, are slow to parse: look for them in this file.';
  return `Warning: ${source.displayPath} took ${formatDuration(ms)} to process, where an article takes milliseconds. ${cause}`;
}
