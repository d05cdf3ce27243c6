import type { EmbedComponent, EmbedInput, ReportProblem } from './embed-input.js';

/** What a post's URL must look like, and what its path tells the partial. */
interface SocialSpec {
  readonly hosts: readonly string[];
  readonly path: RegExp;
  readonly expected: string;
  readonly props: (match: RegExpExecArray) => Readonly<Record<string, string | undefined>>;
}

const SOCIAL_SERVICES: Readonly<Record<'x' | 'instagram', SocialSpec>> = {
  x: {
    hosts: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
    path: /^\/(\w{1,15})\/status\/(\d{1,25})\/?$/,
    expected: 'the address of a post, such as https://x.com/user/status/123…',
    props: (match) => ({ user: match[1], id: match[2] }),
  },
  instagram: {
    hosts: ['instagram.com', 'www.instagram.com'],
    path: /^\/(p|reel|tv)\/([\w-]{5,40})\/?$/,
    expected: 'the address of a post, such as https://www.instagram.com/p/AbC123/',
    props: (match) => ({ kind: match[1], code: match[2] }),
  },
};

/**
 * `::x[Text of the post]{url=…}` and `::instagram[…]{url=…}`: the post as a
 * quote with a link to it, styled by the theme. The platform's own script,
 * which turns the quote into the live post (and tracks its readers), loads
 * only when the reader asks for it with the button the theme's script adds.
 * Props: `url` (the post's address without tracking parameters), `text` (the
 * label, when given), and `user` and `id` for X, `kind` (p, reel, tv) and
 * `code` for Instagram.
 */
export function createSocialEmbed(service: keyof typeof SOCIAL_SERVICES) {
  const spec = SOCIAL_SERVICES[service];
  return (input: EmbedInput, report: ReportProblem): EmbedComponent | undefined => {
    const raw = input.attributes['url'];
    if (raw === undefined || raw === '') {
      report(`::${service} needs \`url\`: ${spec.expected}`);
      return undefined;
    }
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    const match = url && url.protocol === 'https:' && spec.hosts.includes(url.hostname) && spec.path.exec(url.pathname);
    if (!url || !match) {
      report(`Unexpected url "${raw}" in ::${service}, expected ${spec.expected}`);
      return undefined;
    }
    // Tracking parameters (?s=20, ?igsh=…) and fragments are left behind.
    return { props: { url: `${url.origin}${url.pathname}`, text: input.label || undefined, ...spec.props(match) } };
  };
}
