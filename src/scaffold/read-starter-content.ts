import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StarterContent } from './plan-starter-site.js';
import type { StarterSection } from './render-config-file.js';

/** Folder of the starter sites shipped in this package, one subfolder per language. */
export const STARTER_DIR = fileURLToPath(new URL('../../starter/', import.meta.url));

/** The sections of each language's sample content, in navigation order. */
const SECTIONS: Readonly<Record<StarterLanguage, readonly StarterSection[]>> = {
  id: [
    { slug: 'nasional', name: 'Nasional' },
    { slug: 'panduan', name: 'Panduan' },
  ],
  en: [
    { slug: 'news', name: 'News' },
    { slug: 'guides', name: 'Guides' },
  ],
  // Latin folders, as Arabic news sites' own addresses (/news/): an Arabic slug would be transliterated.
  ar: [
    { slug: 'news', name: 'أخبار' },
    { slug: 'guides', name: 'إرشادات' },
  ],
};

/** A language newsgen has sample content in (a folder of `starter/`). */
export type StarterLanguage = 'id' | 'en' | 'ar';

/** The sample content's language for a locale: Indonesian for `id…`, Arabic for `ar…`, English otherwise. */
export function starterLanguage(locale: string): StarterLanguage {
  const language = locale.toLowerCase().split('-')[0];
  return language === 'id' || language === 'ar' ? language : 'en';
}

/** Reads the sample content of a locale's language (an edge: file system). */
export async function readStarterContent(locale: string): Promise<StarterContent> {
  const language = starterLanguage(locale);
  const root = path.join(STARTER_DIR, language, 'content');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, file).split(path.sep).join('/'), await readFile(file, 'utf8'));
  }
  return { files, sections: SECTIONS[language] };
}
