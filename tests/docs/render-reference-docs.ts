import type { FieldDeclaration, TypeDeclaration } from './read-type-declarations.js';

/** The line every generated document starts with, so nobody edits it by hand. */
const GENERATED = (source: string): string =>
  `<!-- Generated from ${source} by \`npm run docs\`: edit the source, then run it. -->`;

/**
 * The template data reference: which data each template receives, then every
 * type with each field's type and meaning, from the view model's source.
 */
export function renderTemplateDataReference(declarations: readonly TypeDeclaration[], intro: string): string {
  const byName = new Map(declarations.map((declaration) => [declaration.name, declaration]));
  const pageView = byName.get('PageView');
  if (!pageView) throw new Error('view-model.ts has no PageView union');
  const pages = pageView.union.filter((member): member is string => typeof member === 'string');
  const templateOf = (name: string): string => {
    const kind = allFields(byName.get(name), byName).find((field) => field.name === 'kind')?.type ?? '';
    return `${kind.replace(/^'|'$/g, '')}.hbs`;
  };
  const lines = [
    '# Template data reference',
    '',
    GENERATED('src/view/view-model.ts'),
    '',
    intro,
    '',
    'Helpers (`t`, `eq`, `join-names`, …) and partials are described in the README under "Templates and helpers".',
    '',
    '## Templates',
    '',
    '| template | receives |',
    '| --- | --- |',
    "| `layout.hbs` | the data of the page it wraps, plus `content`: that page template's HTML, printed with `{{{content}}}` |",
    ...pages.map((name) => `| \`${templateOf(name)}\` | ${link(name)} |`),
    '',
  ];
  for (const name of pages) {
    lines.push(`### ${templateOf(name)}`, '', `Receives ${link(name)}:`, '');
    lines.push(...fieldTable(allFields(byName.get(name), byName), byName), '');
  }
  lines.push('## Types', '');
  for (const declaration of declarations) lines.push(...renderType(declaration, byName));
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderType(declaration: TypeDeclaration, byName: ReadonlyMap<string, TypeDeclaration>): string[] {
  const lines = [`### ${declaration.name}`, ''];
  if (declaration.doc) lines.push(declaration.doc, '');
  if (declaration.extends.length > 0)
    lines.push(`Has every field of ${declaration.extends.map((name) => link(name)).join(' and ')}, and:`, '');
  if (declaration.union.length > 0) {
    lines.push('One of:', '');
    for (const member of declaration.union)
      lines.push(
        typeof member === 'string'
          ? `- ${formatType(member, byName)}`
          : `- an object with ${member.map((field) => `\`${field.name}\` (${formatType(field.type, byName)})`).join(', ')}`,
      );
    lines.push('');
  } else if (declaration.fields.length > 0) lines.push(...fieldTable(declaration.fields, byName), '');
  return lines;
}

function fieldTable(fields: readonly FieldDeclaration[], byName: ReadonlyMap<string, TypeDeclaration>): string[] {
  return [
    '| field | type | meaning |',
    '| --- | --- | --- |',
    ...fields.map(
      (field) =>
        `| \`${field.name}\`${field.optional ? ' (optional)' : ''} | ${formatType(field.type, byName)} | ${escapeCell(field.doc)} |`,
    ),
  ];
}

/** A type's own fields after those it inherits, the way a template sees them. */
function allFields(
  declaration: TypeDeclaration | undefined,
  byName: ReadonlyMap<string, TypeDeclaration>,
): FieldDeclaration[] {
  if (!declaration) return [];
  const inherited = declaration.extends.flatMap((name) => allFields(byName.get(name), byName));
  const own = new Set(declaration.fields.map((field) => field.name));
  return [...inherited.filter((field) => !own.has(field.name)), ...declaration.fields];
}

/** A type as text for a table cell, with declared type names linked to their section. */
function formatType(type: string, byName: ReadonlyMap<string, TypeDeclaration>): string {
  return escapeCell(type).replace(/[A-Za-z_]\w*/g, (word) => (byName.has(word) ? link(word) : word));
}

function link(name: string): string {
  return `[${name}](#${name.toLowerCase()})`;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/**
 * The UI string keys with each built-in language's text, for templates
 * (`{{t "key"}}`) and for `strings` overrides in the config.
 */
export function renderUiStrings(dictionaries: Readonly<Record<string, Readonly<Record<string, string>>>>): string {
  const languages = Object.keys(dictionaries).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a < b ? -1 : 1));
  // English has every key; a language's extra plural forms (Arabic's `articlesCountFew`) follow their key.
  const extra = Object.values(dictionaries).flatMap((dictionary) =>
    Object.keys(dictionary).filter((key) => !Object.hasOwn(dictionaries['en'] ?? {}, key)),
  );
  const keys = Object.keys(dictionaries['en'] ?? {}).flatMap((key) => [
    key,
    ...[...new Set(extra)].filter(
      (plural) => /(Zero|One|Two|Few|Many)$/.test(plural) && plural.replace(/(Zero|One|Two|Few|Many)$/, '') === key,
    ),
  ]);
  const cell = (text: string | undefined): string => (text === undefined ? '' : `\`${escapeCell(text)}\``);
  return `${[
    '# UI strings',
    '',
    GENERATED('src/i18n/strings.ts'),
    '',
    "Every text the built-in theme prints comes from these keys, in the site's locale:",
    "English underneath, the locale's language over it (`id` for `id-ID`), then the",
    'config\'s `strings` on top. Templates print one with `{{t "key"}}`;',
    "`{name}` placeholders are filled from the helper's arguments",
    '(`{{t "pageOf" current=2 total=9}}`), numbers in the locale\'s digits. With a',
    "`count`, the key of the count's plural category in the locale is used when it",
    'exists: `Zero`, `One`, `Two`, `Few` or `Many` after the key (`articlesCountFew`,',
    'for 3 to 10 in Arabic), else the key itself. `datePattern` and',
    '`dateShortPattern` are date patterns (`dddd`, `DD`, `MMM`, `YYYY`, `HH:mm`, `z`, …);',
    '`LLLL` and `ll` write the long date and time and the short date as the locale',
    'does (its order, words and digits), which is what a language without a',
    'dictionary here gets: `Montag, 7. Dezember 2026 um 04:40 MEZ` for `de-DE`.',
    '',
    'Override any of them in the config:',
    '',
    '```yaml',
    'strings:',
    '  otherNews: Berita lainnya',
    '  readMore: Baca selengkapnya',
    '```',
    '',
    `| key | ${languages.map((language) => `\`${language}\``).join(' | ')} |`,
    `| --- | ${languages.map(() => '---').join(' | ')} |`,
    ...keys.map(
      (key) => `| \`${key}\` | ${languages.map((language) => cell(dictionaries[language]?.[key])).join(' | ')} |`,
    ),
  ].join('\n')}\n`;
}
