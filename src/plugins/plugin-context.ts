import path from 'node:path';
import type { PluginContext, PluginProblemPlace } from '../config/newsgen-plugin.js';
import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Where a hook's problems go when it names no file, and how files are found and shown. */
export interface ProblemFiles {
  /** The site folder: files are shown from it, and a relative `file` is taken from it. */
  readonly root: string;
  /** The content folder, for an `article`'s source path. */
  readonly contentDir: string;
  /** The file of a problem that names none (absolute): the config file. */
  readonly fallback: string;
}

/** A hook's context, and the problems reported on it so far. */
export interface PluginReporter {
  readonly context: PluginContext;
  /** Every problem reported, in their total order; the hook is over, and a later report throws. */
  diagnostics(): Diagnostic[];
}

/** A rule's own id: kebab-case, as newsgen's own codes. */
const RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The context of one call of a plugin's hook: `warn` and `error` become
 * diagnostics naming the plugin, at the file and place it gives (an
 * article's source file, or the config file). A malformed call is the
 * plugin's bug and throws, so the hook fails naming it.
 */
export function createPluginReporter(plugin: string, files: ProblemFiles): PluginReporter {
  const found: Diagnostic[] = [];
  let closed = false;
  const report =
    (severity: 'error' | 'warning') =>
    (message: string, at: PluginProblemPlace = {}) => {
      // Code a hook left running (a timer) reports too late for the build: a plugin bug, named as one.
      if (closed) throw new Error('it reported a problem after its hook had finished');
      if (typeof message !== 'string' || message.trim() === '')
        throw new TypeError(`context.${severity === 'error' ? 'error' : 'warn'}() needs a message`);
      const rule = at.rule;
      if (rule !== undefined && (typeof rule !== 'string' || !RULE.test(rule)))
        throw new TypeError(`rule ${JSON.stringify(rule)} is not a kebab-case id such as "byline-missing"`);
      found.push(
        createDiagnostic({
          file: showFile(fileOf(at, files), files.root),
          place: placeOf(at),
          severity,
          reason: `${message.trim()} (plugin "${plugin}")`,
          ruleId: rule === undefined ? (severity === 'error' ? 'plugin-error' : 'plugin-warning') : `${plugin}/${rule}`,
          hint: typeof at.hint === 'string' ? at.hint : undefined,
        }),
      );
    };
  return {
    context: Object.freeze({ warn: report('warning'), error: report('error') }),
    diagnostics: () => {
      closed = true;
      return [...found].sort(compareDiagnostics);
    },
  };
}

/** The absolute file a problem is in. */
function fileOf(at: PluginProblemPlace, files: ProblemFiles): string {
  if (at.file !== undefined) {
    if (typeof at.file !== 'string' || at.file === '') throw new TypeError('file must be a path');
    return path.resolve(files.root, at.file);
  }
  if (at.article !== undefined) {
    const source = (at.article as { sourcePath?: unknown } | null)?.sourcePath;
    if (typeof source !== 'string') throw new TypeError('article must be one of site.articles');
    return path.join(files.contentDir, source);
  }
  return files.fallback;
}

function placeOf(at: PluginProblemPlace): { line: number; column: number } | undefined {
  if (at.line === undefined) {
    if (at.column !== undefined) throw new TypeError('column needs a line');
    return undefined;
  }
  if (!isPositive(at.line)) throw new TypeError(`line ${String(at.line)} is not a whole number from 1`);
  if (at.column !== undefined && !isPositive(at.column))
    throw new TypeError(`column ${String(at.column)} is not a whole number from 1`);
  return { line: at.line, column: at.column ?? 1 };
}

function isPositive(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1;
}

/** A file shown from the site folder with forward slashes, as content files are; absolute outside it. */
export function showFile(file: string, root: string): string {
  const relative = path.relative(root, file);
  const inside = relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..';
  return inside && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}
