import type { Place } from '../diagnostics/diagnostic.js';

/** A `{{> name}}` in a template whose name is known before rendering. */
export interface PartialReference {
  readonly name: string;
  readonly place: Place;
}

/** What a template's AST says about partials. */
export interface PartialUsage {
  /** Static `{{> name}}` calls (partial blocks, which carry a fallback, and `@partial-block` are left out). */
  readonly references: readonly PartialReference[];
  /** Names defined inside the template with `{{#*inline "name"}}`. */
  readonly inlineNames: readonly string[];
}

/**
 * Walks a parsed Handlebars AST and lists the partials it needs. Dynamic names
 * (`{{> (lookup . 'x')}}`) cannot be known before rendering and are skipped.
 */
export function findPartialReferences(ast: unknown): PartialUsage {
  const references: PartialReference[] = [];
  const inlineNames: string[] = [];
  visitNode(ast, (node) => {
    if (node['type'] === 'PartialStatement') {
      const name = readStaticName(node['name']);
      if (name !== undefined) references.push({ name, place: readPlace(node['loc']) });
    } else if (node['type'] === 'DecoratorBlock' && readStaticName(node['path']) === 'inline') {
      const params = node['params'];
      const name = Array.isArray(params) ? readStaticName(params[0]) : undefined;
      if (name !== undefined) inlineNames.push(name);
    }
  });
  return { references, inlineNames };
}

function visitNode(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) visitNode(item, visit);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  if (typeof node['type'] === 'string') visit(node);
  for (const [key, child] of Object.entries(node)) {
    if (key !== 'loc') visitNode(child, visit);
  }
}

function readStaticName(name: unknown): string | undefined {
  if (typeof name !== 'object' || name === null) return undefined;
  const node = name as Record<string, unknown>;
  if (node['type'] === 'PathExpression' && node['data'] !== true && typeof node['original'] === 'string') {
    return node['original'];
  }
  if (node['type'] === 'StringLiteral' && typeof node['value'] === 'string') return node['value'];
  return undefined;
}

function readPlace(loc: unknown): Place {
  const start = typeof loc === 'object' && loc !== null ? (loc as Record<string, unknown>)['start'] : undefined;
  if (typeof start !== 'object' || start === null) return { line: 1, column: 1 };
  const { line, column } = start as Record<string, unknown>;
  return {
    line: typeof line === 'number' ? line : 1,
    column: typeof column === 'number' ? column + 1 : 1,
  };
}
