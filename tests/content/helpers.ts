import type { ArticleData } from '../../src/content/article.js';
import { checkArticle } from '../../src/content/check-article.js';
import { type FrontMatter, parseFrontMatter } from '../../src/content/front-matter.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** Joins lines with `\n` and a final newline, so fixtures read like files. */
export function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

/** Parses front matter that must be valid. */
export function parseValid(text: string, file = 'content/ekonomi/x.md'): FrontMatter {
  const result = parseFrontMatter(text, file);
  if (!result.ok)
    throw new Error(`Expected valid front matter, got: ${result.diagnostics.map((d) => d.reason).join('; ')}`);
  return result.value;
}

/** Parses and checks an article that must be valid. */
export function checkValid(
  text: string,
  sourcePath = 'ekonomi/harga-cabai.md',
  timeZone = 'Asia/Jakarta',
): ArticleData {
  const result = checkArticle(sourcePath, `content/${sourcePath}`, parseValid(text), { timeZone });
  if (!result.ok)
    throw new Error(`Expected a valid article, got: ${result.diagnostics.map((d) => d.reason).join('; ')}`);
  return result.article;
}

/** Parses and checks an article that must be refused; returns its diagnostics. */
export function checkInvalid(
  text: string,
  sourcePath = 'ekonomi/harga-cabai.md',
  timeZone = 'Asia/Jakarta',
): Diagnostic[] {
  const result = checkArticle(sourcePath, `content/${sourcePath}`, parseValid(text), { timeZone });
  if (result.ok) throw new Error(`Expected the article to be refused, got ${JSON.stringify(result.article.title)}`);
  return result.diagnostics;
}

/** An article file: `fields` are front matter lines (after the defaults unless they replace one). */
export function articleText(
  fields: Record<string, string | undefined> = {},
  body = 'Harga cabai naik lagi di pasar induk.',
): string {
  const all: Record<string, string | undefined> = { title: 'Harga Cabai Naik', date: '2016-09-09 10:46', ...fields };
  const rows = Object.entries(all)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => (value.startsWith('\n') ? `${key}:${value}` : `${key}: ${value}`));
  return lines('---', ...rows, '---', body);
}
