import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { findPartialReferences } from './find-partial-references.js';
import type { HandlebarsEnvironment } from './helpers.js';
import type { TemplateSource } from './read-theme-files.js';
import { findTemplateErrorPlace } from './template-error-place.js';

/** A template compiled once, with the file it came from (for error messages). */
export interface CompiledTemplate {
  readonly name: string;
  readonly file: string;
  readonly render: (context: unknown) => string;
}

const COMPILE_OPTIONS = { strict: false, preventIndent: true } as const;
const PARTIALS_FOLDER = 'partials/';

/** Each template's generated code (JavaScript source) by name, for one exact set of template sources. */
export type PrecompiledTemplates = Readonly<Record<string, string>>;

/**
 * Compiles every template into `hbs`, registers `partials/**` as partials named
 * by their path without extension, and fails early: a syntax error or a call
 * to a partial that does not exist throws a positioned `NewsgenError` before
 * any page is rendered. Returns the non-partial templates by name, and the
 * code generated for each template. Given that code from an earlier compile of
 * the very same sources (`precompiled`, e.g. from the build cache), the
 * templates were checked then and are neither parsed nor checked again.
 */
export function compileTemplates(
  hbs: HandlebarsEnvironment,
  sources: readonly TemplateSource[],
  precompiled?: PrecompiledTemplates,
): { templates: ReadonlyMap<string, CompiledTemplate>; precompiled: PrecompiledTemplates } {
  const reuse = precompiled !== undefined && sources.every((source) => typeof precompiled[source.name] === 'string');
  const parsed = sources.map((source) => ({
    source,
    ...(reuse ? { ast: undefined, spec: precompiled[source.name] as string } : parseTemplate(hbs, source)),
  }));
  const partialNames = new Set(
    sources.filter((s) => s.name.startsWith(PARTIALS_FOLDER)).map((s) => s.name.slice(PARTIALS_FOLDER.length)),
  );
  const pages = new Map<string, CompiledTemplate>();
  const specs: Record<string, string> = {};
  for (const { source, ast, spec } of parsed) {
    if (!reuse) checkPartials(source, ast, partialNames);
    specs[source.name] = spec;
    // The code generated while checking, turned into a template as a precompiled
    // template file would be: `compile` would parse and generate it all again.
    const render = hbs.template<unknown>(new Function(`return ${spec};`)() as Parameters<typeof hbs.template>[0]);
    if (source.name.startsWith(PARTIALS_FOLDER)) {
      hbs.registerPartial(source.name.slice(PARTIALS_FOLDER.length), namePartialErrors(render, source.file));
    } else {
      pages.set(source.name, { name: source.name, file: source.file, render });
    }
  }
  return { templates: pages, precompiled: specs };
}

/**
 * An error thrown while a partial rendered, with the partial's file: the
 * page template (or layout) that called the partial is not where the
 * mistake is, and a partial may come from the site or a plugin.
 */
class PartialRenderError extends Error {
  override readonly name = 'PartialRenderError';
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** The file of the template that threw `caught` (the innermost partial, else `file`), and the error itself. */
export function findFailedTemplate(caught: unknown, file: string): { file: string; error: unknown } {
  return caught instanceof PartialRenderError ? { file: caught.file, error: caught.cause } : { file, error: caught };
}

/** The partial, naming its file in what it throws; the innermost partial names itself, outer ones pass it on. */
function namePartialErrors<T extends (...args: never[]) => string>(render: T, file: string): T {
  return ((...args: Parameters<T>) => {
    try {
      return render(...args);
    } catch (error) {
      throw error instanceof PartialRenderError ? error : new PartialRenderError(file, error);
    }
  }) as T;
}

/** Parses and generates code now, because `compile` is lazy and would only fail on first render. */
function parseTemplate(hbs: HandlebarsEnvironment, source: TemplateSource): { ast: unknown; spec: string } {
  try {
    const ast = hbs.parse(source.source);
    // `precompile` returns the template's JavaScript source (typed as the object it evaluates to).
    return { ast, spec: hbs.precompile(ast, COMPILE_OPTIONS) as unknown as string };
  } catch (error) {
    const place = findTemplateErrorPlace(error, source.source);
    const where = place ? `:${place.line}:${place.column}` : '';
    throw new NewsgenError(`Template syntax error in ${source.file}${where}: ${describeError(error)}`, {
      code: 'template-syntax',
      file: source.file,
      place,
      cause: error,
      hint: 'Check that every {{#block}} is closed by a matching {{/block}} and every {{ has its }}.',
    });
  }
}

function checkPartials(source: TemplateSource, ast: unknown, registered: ReadonlySet<string>): void {
  const usage = findPartialReferences(ast);
  const missing = usage.references.find(
    (reference) => !registered.has(reference.name) && !usage.inlineNames.includes(reference.name),
  );
  if (!missing) return;
  const { line, column } = missing.place;
  throw new NewsgenError(`Unknown partial "${missing.name}" in ${source.file}:${line}:${column}`, {
    code: 'template-missing-partial',
    file: source.file,
    place: missing.place,
    hint: `Add partials/${missing.name}.hbs to your templates folder, or fix the name.`,
  });
}

/** One line: the parser's "Expecting X, got Y" line, or the first line of other errors. */
function describeError(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n');
  const expecting = lines.find((line) => line.startsWith('Expecting'));
  return expecting ?? lines[0] ?? '';
}
