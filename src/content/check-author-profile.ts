import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createSlug } from '../url/slug.js';
import type { AuthorProfile } from './author-profile.js';
import { describeValue, type FieldContext, readText, reportField } from './field-checks.js';
import type { FrontMatter } from './front-matter.js';

/**
 * Validates an author profile (`content/authors/<slug>.md`): `name`
 * (required), `role`, `avatar` (image path or URL), `links` (list of
 * `{name, url}` with http(s) or mailto URLs). The body is the bio, rendered
 * by the caller. The profile matches the author whose name has the same slug.
 */
export function checkAuthorProfile(
  sourcePath: string,
  file: string,
  frontMatter: FrontMatter,
): { ok: true; profile: Omit<AuthorProfile, 'bioHtml'> } | { ok: false; diagnostics: Diagnostic[] } {
  const context: FieldContext = { file, frontMatter, diagnostics: [] };
  const name = readText(context, 'name', frontMatter.data['name'], { required: true });
  const role = readText(context, 'role', frontMatter.data['role']);
  const avatar = readText(context, 'avatar', frontMatter.data['avatar']);
  // `//host/x.png` is another site's file (protocol-relative), refused here as it is for article images.
  if (avatar !== undefined && !/^(https?:\/\/|\/(?!\/))[^\s\\]*$/i.test(avatar))
    reportField(
      context,
      ['avatar'],
      `Unexpected avatar "${avatar}", expected a site path such as /images/authors/x.jpg or an https URL`,
      'author-avatar',
    );
  const links = readLinks(context, frontMatter.data['links']);
  if (context.diagnostics.length > 0 || !name) return { ok: false, diagnostics: context.diagnostics };
  return {
    ok: true,
    profile: {
      slug: createSlug(name),
      name,
      role,
      avatar:
        avatar === undefined
          ? undefined
          : { src: avatar, alt: name, caption: undefined, credit: undefined, place: frontMatter.locate(['avatar']) },
      links,
      sourcePath,
      namePlace: frontMatter.locate(['name']),
    },
  };
}

function readLinks(context: FieldContext, value: unknown): { name: string; url: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    reportField(
      context,
      ['links'],
      `Unexpected ${describeValue(value)} for \`links\`, expected a list of \`{name, url}\``,
      'author-links',
    );
    return [];
  }
  const links: { name: string; url: string }[] = [];
  value.forEach((item: unknown, index) => {
    const fields = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const name = fields['name'];
    const url = fields['url'];
    if (typeof name !== 'string' || typeof url !== 'string' || !/^(https?:\/\/|mailto:)/i.test(url)) {
      reportField(
        context,
        ['links', index],
        'Unexpected link, expected `{name, url}` with an http(s) or mailto URL',
        'author-links',
      );
    } else {
      links.push({ name: name.trim(), url: url.trim() });
    }
  });
  return links;
}
