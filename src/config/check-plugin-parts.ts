import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HelperDelegate } from 'handlebars';
import {
  type EmbedRule,
  isForbiddenAttribute,
  type PluginEntry,
  type SanitizeExtension,
} from '../markdown/markdown-extension.js';
import type { ConfigChecker, KeyPath } from './config-checker.js';

/** Element names, attribute names, class names, helper and partial names as newsgen accepts them. */
const ELEMENT = /^[a-z][a-z0-9-]*$/;
const ATTRIBUTE = /^[a-z][a-z0-9_.:-]*$/i;
const CLASS = /^[^\s]+$/;
const HELPER = /^[A-Za-z_][\w-]*$/;
const PARTIAL = /^[\w-]+(?:\/[\w-]+)*$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z]$/;

/** `plugin` or `[plugin, ...options]` entries for unified; anything else is an error at its place. */
export function checkUnifiedEntries(check: ConfigChecker, value: unknown, at: KeyPath): PluginEntry[] {
  return listOf(check, value, at, 'a list of unified plugins').flatMap((entry, index) => {
    const fn = Array.isArray(entry) ? entry[0] : entry;
    if (typeof fn === 'function') return [entry as PluginEntry];
    check.error([...at, index], 'Unexpected value, expected a unified plugin (a function) or [plugin, options]');
    return [];
  });
}

/** Handlebars helpers by name. */
export function checkHelpers(check: ConfigChecker, value: unknown, at: KeyPath): Record<string, HelperDelegate> {
  const helpers: Record<string, HelperDelegate> = {};
  for (const [name, helper] of Object.entries(recordOf(check, value, at, 'an object of Handlebars helpers'))) {
    if (!HELPER.test(name))
      check.error([...at, name], `Unexpected helper name "${name}", expected letters, digits, _ and -`);
    else if (typeof helper !== 'function') check.error([...at, name], 'Unexpected value, expected a function');
    else helpers[name] = helper as HelperDelegate;
  }
  return helpers;
}

/** Partials: a folder (absolute, a file URL, or relative to the site) or sources by name. */
export function checkPartials(
  check: ConfigChecker,
  value: unknown,
  at: KeyPath,
  root: string,
): { dir: string | undefined; templates: Record<string, string> } {
  if (typeof value === 'string') return { dir: path.resolve(root, value), templates: {} };
  if (value instanceof URL) {
    if (value.protocol === 'file:') return { dir: fileURLToPath(value), templates: {} };
    check.error(at, `Unexpected URL ${value.href}, expected a file: URL of a folder`);
    return { dir: undefined, templates: {} };
  }
  const templates: Record<string, string> = {};
  for (const [name, source] of Object.entries(recordOf(check, value, at, 'a folder, or an object of partials'))) {
    if (!PARTIAL.test(name))
      check.error([...at, name], `Unexpected partial name "${name}", expected a name such as "byline"`);
    else if (typeof source !== 'string') check.error([...at, name], 'Unexpected value, expected the Handlebars source');
    else templates[name] = source;
  }
  return { dir: undefined, templates };
}

/** Embed hosts, each a hostname or `{ host, attributes }`. */
export function checkEmbeds(check: ConfigChecker, value: unknown, at: KeyPath): EmbedRule[] {
  return listOf(check, value, at, 'a list of hosts').flatMap((entry, index) => {
    const place = [...at, index];
    const fields =
      typeof entry === 'string' ? { host: entry } : recordOf(check, entry, place, 'a host or { host, attributes }');
    const host = fields['host'];
    if (typeof host !== 'string' || !HOST.test(host)) {
      check.error(
        typeof entry === 'string' ? place : [...place, 'host'],
        `Unexpected host ${JSON.stringify(host)}, expected a lower-case hostname such as "e.infogram.com"`,
      );
      return [];
    }
    return [{ host, attributes: checkAttributeNames(check, fields['attributes'], [...place, 'attributes']) }];
  });
}

/** The sanitizer extension: elements, attributes and classes, every name checked. */
export function checkSanitize(check: ConfigChecker, value: unknown, at: KeyPath): SanitizeExtension {
  const fields = recordOf(check, value, at, 'an object with elements, attributes or classes');
  const elements = names(check, fields['elements'], [...at, 'elements'], ELEMENT, 'an element name');
  const attributes: Record<string, string[]> = {};
  for (const [tag, list] of Object.entries(recordOf(check, fields['attributes'], [...at, 'attributes'], 'an object'))) {
    if (tag === '*' || ELEMENT.test(tag))
      attributes[tag] = checkAttributeNames(check, list, [...at, 'attributes', tag]);
    else check.error([...at, 'attributes', tag], `Unexpected element name "${tag}"`);
  }
  const classes: Record<string, string[]> = {};
  for (const [tag, list] of Object.entries(recordOf(check, fields['classes'], [...at, 'classes'], 'an object'))) {
    if (ELEMENT.test(tag)) classes[tag] = names(check, list, [...at, 'classes', tag], CLASS, 'a class name');
    else check.error([...at, 'classes', tag], `Unexpected element name "${tag}"`);
  }
  return { elements, attributes, classes };
}

/** UI strings by locale. */
export function checkPluginStrings(
  check: ConfigChecker,
  value: unknown,
  at: KeyPath,
): Record<string, Record<string, string>> {
  const byLocale: Record<string, Record<string, string>> = {};
  for (const [locale, strings] of Object.entries(recordOf(check, value, at, 'UI strings by locale'))) {
    const own: Record<string, string> = {};
    for (const [key, text] of Object.entries(recordOf(check, strings, [...at, locale], 'an object of UI strings'))) {
      if (typeof text === 'string') own[key] = text;
      else check.error([...at, locale, key], 'Unexpected value, expected text');
    }
    byLocale[locale.toLowerCase()] = own;
  }
  return byLocale;
}

/** A hook: a function, or nothing. */
export function checkHook<T>(check: ConfigChecker, value: unknown, at: KeyPath): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'function') return value as T;
  check.error(at, 'Unexpected value, expected a function');
  return undefined;
}

function checkAttributeNames(check: ConfigChecker, value: unknown, at: KeyPath): string[] {
  return names(check, value, at, ATTRIBUTE, 'an attribute name').filter((name, index) => {
    if (!isForbiddenAttribute(name)) return true;
    check.error(
      [...at, index],
      `Unexpected attribute "${name}": event handlers, style, srcdoc and http-equiv are never allowed in article bodies`,
    );
    return false;
  });
}

function names(check: ConfigChecker, value: unknown, at: KeyPath, pattern: RegExp, what: string): string[] {
  return listOf(check, value, at, `a list of names`).flatMap((name, index) => {
    if (typeof name === 'string' && pattern.test(name)) return [name];
    check.error([...at, index], `Unexpected ${JSON.stringify(name)}, expected ${what}`);
    return [];
  });
}

function listOf(check: ConfigChecker, value: unknown, at: KeyPath, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  check.error(at, `Unexpected value, expected ${what}`);
  return [];
}

function recordOf(check: ConfigChecker, value: unknown, at: KeyPath, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  check.error(at, `Unexpected value, expected ${what}`);
  return {};
}
