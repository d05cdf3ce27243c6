import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from './fixture-site.js';

/** newsgen.schema.json, as editors and the tests read it. */
export const CONFIG_SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'newsgen.schema.json'), 'utf8')) as object;

/**
 * A validator of configs against newsgen.schema.json: Ajv's strict mode, less
 * two of its style rules the schema breaks on purpose (`images` is an object or
 * `false`, one `type` list; a plugin tuple's options are optional, so
 * `["./plugin.mjs"]` is valid).
 */
export function compileConfigSchema(options: { allErrors?: boolean } = {}) {
  return new Ajv({ ...options, allowUnionTypes: true, strictTuples: false }).compile(CONFIG_SCHEMA);
}
