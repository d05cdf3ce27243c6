import type { NamePlaces } from './article.js';
import type { FrontMatter } from './front-matter.js';

/**
 * Where an article writes its section, tags and authors, each name at its own
 * list item (the first item that spells it, as `readNames` keeps it), or at
 * the key when the field is one name. A section taken from the folder is
 * placed at the title's key, where messages about it point.
 */
export function locateNames(
  frontMatter: Pick<FrontMatter, 'data' | 'locate'>,
  names: { readonly tags: readonly string[]; readonly authors: readonly string[]; readonly authorsKey: string },
): NamePlaces {
  const { data, locate } = frontMatter;
  const placesOf = (key: string, list: readonly string[]) => {
    const raw = data[key];
    if (!Array.isArray(raw)) return list.map(() => locate([key]));
    return list.map((name) => locate([key, raw.findIndex((item) => String(item).trim() === name)]));
  };
  return {
    section:
      data['section'] === undefined || data['section'] === null
        ? locate(['title'], { key: true })
        : locate(['section']),
    tags: placesOf('tags', names.tags),
    authors: placesOf(names.authorsKey, names.authors),
  };
}
