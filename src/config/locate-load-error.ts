import { pathToFileURL } from 'node:url';
import type { Place } from '../diagnostics/diagnostic.js';

/** Why a config module failed to load, and where in the file, when the error tells. */
export interface LoadFailure {
  readonly reason: string;
  readonly place: Place | undefined;
  /** Whether the reason and place come from a parser's message (`ParseError: … file:line:col`). */
  readonly parsed: boolean;
}

/**
 * The reason and place of an error thrown while a config module loaded:
 * the first place the error's message or stack names in the config file
 * itself (a thrown error's top frame there, or a parser's `file:line:col`),
 * found under the file's path or its URL (Node adds a `?version=` query).
 * A parser's message loses its `ParseError:` prefix and trailing place,
 * which the diagnostic then shows as its own.
 */
export function describeLoadFailure(error: unknown, file: string): LoadFailure {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  // jiti's parser (Babel's) counts columns from 0, V8's stack frames from 1.
  const parsed = /^ParseError:/.test(message);
  const place = findPlace(`${message}\n${stack}`, file, parsed ? 1 : 0);
  const reason = message
    // A missing module's `Require stack:` lists the config file itself, the place shown already.
    .replace(/\nRequire stack:[\s\S]*$/, '')
    .replace(/^ParseError:\s*/, '')
    .replace(/\s+\S+:\d+:\d+\s*$/, '')
    .trim();
  return { reason, place, parsed };
}

/**
 * Where Babel (through jiti) finds a syntax error in a module's source;
 * undefined when it finds none. Node's own syntax errors of ES modules
 * carry no place. Read from jiti's transform, which reports a parse error
 * as code that would throw it; the parse runs none of the module.
 */
export async function findSyntaxError(source: string, file: string): Promise<Place | undefined> {
  const { createJiti } = await import('jiti');
  const output = createJiti(import.meta.url).transform({ source, filename: file });
  const payload = /__JITI_ERROR__\s*=\s*(\{.*\})/s.exec(output)?.[1];
  if (payload === undefined) return undefined;
  const { line, column } = JSON.parse(payload) as { line?: unknown; column?: unknown };
  return typeof line === 'number' && typeof column === 'number' ? { line, column: column + 1 } : undefined;
}

function findPlace(text: string, file: string, columnBase: number): Place | undefined {
  const names = [file, pathToFileURL(file).href].map(escapeRegExp).join('|');
  const match = new RegExp(`(?:${names})(?:\\?[^:\\s]*)?:(\\d+):(\\d+)`).exec(text);
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]) + columnBase };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
