import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, listKeyPaths } from '../../src/config/config-keys.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { CONFIG_SCHEMA, compileConfigSchema } from '../helpers/config-schema.js';
import { ROOT } from '../helpers/fixture-site.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

interface SchemaNode {
  readonly properties?: Record<string, SchemaNode>;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
}

const SCHEMA = CONFIG_SCHEMA as SchemaNode;
const SITE_ROOT = '/nonexistent/newsgen-schema-site';

/** Key paths of the schema's properties, descending into objects with properties of their own. */
function schemaKeyPaths(node: SchemaNode, prefix = ''): string[] {
  return Object.entries(node.properties ?? {})
    .flatMap(([key, child]) => [prefix + key, ...schemaKeyPaths(child, `${prefix}${key}.`)])
    .sort();
}

/** A config holding `value` at the dotted `keyPath`. */
function configWith(keyPath: string, value: unknown): Record<string, unknown> {
  return keyPath.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

async function resolve(user: Record<string, unknown>) {
  const loaded = parseConfigText(JSON.stringify(user), 'newsgen.config.json', undefined);
  return await resolveConfig(SITE_ROOT, loaded, {}, new Date('2026-11-27T00:00:00Z'));
}

async function errorReasons(user: Record<string, unknown>): Promise<string[]> {
  try {
    await resolve(user);
    return [];
  } catch (error) {
    if (!isNewsgenError(error)) throw error;
    return error.diagnostics.map((diagnostic) => diagnostic.reason);
  }
}

const validate = compileConfigSchema({ allErrors: true });

describe('newsgen.schema.json', () => {
  it('lists exactly the keys the resolver knows, at every level', () => {
    expect(schemaKeyPaths(SCHEMA)).toEqual(listKeyPaths(CONFIG_KEYS));
  });

  it('gives every key a description and every leaf a default or an example the resolver accepts', async () => {
    const leaves = schemaKeyPaths(SCHEMA).filter((keyPath) => {
      const node = keyPath.split('.').reduce<SchemaNode | undefined>((n, key) => n?.properties?.[key], SCHEMA);
      expect(node, keyPath).toHaveProperty('description');
      return node?.properties === undefined;
    });
    for (const keyPath of leaves) {
      const node = keyPath.split('.').reduce<SchemaNode | undefined>((n, key) => n?.properties?.[key], SCHEMA);
      const values = [...(node?.examples ?? []), ...(node?.default === undefined ? [] : [node.default])];
      expect(values.length, keyPath).toBeGreaterThan(0);
      for (const value of values.filter((v) => keyPath !== 'templates' || v !== 'templates')) {
        const user = configWith(keyPath, value);
        expect(validate(user), `${keyPath}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(await errorReasons(user), keyPath).toEqual([]);
        expect((await resolve(user)).warnings, keyPath).toEqual([]);
      }
    }
  });

  it('names only keys the resolver reads: a value of the wrong type at each is an error naming it', async () => {
    for (const keyPath of listKeyPaths(CONFIG_KEYS).filter((key) => key !== '$schema')) {
      const reasons = await errorReasons(configWith(keyPath, [[1]]));
      expect(reasons.join('\n'), keyPath).toContain(`\`${keyPath}`);
    }
  });

  it('accepts the example site config and rejects the unknown keys the resolver warns about', async () => {
    const example = JSON.parse(readFileSync(path.join(ROOT, 'newsgen.config.json'), 'utf8')) as unknown;
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ perpage: 5 })).toBe(false);
    expect((await resolve({ perpage: 5 })).warnings.map((warning) => warning.ruleId)).toEqual(['config-unknown-key']);
    expect(validate({ feeds: { size: 3 } })).toBe(false);
    expect(validate({ publisher: { url: 'https://x.example/' } })).toBe(false);
    expect((await resolve({ publisher: { url: 'https://x.example/' } })).warnings[0]?.reason).toContain(
      'publisher.url',
    );
  });
});
