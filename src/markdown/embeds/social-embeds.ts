import type { Element } from 'hast';
import { h } from 'hastscript';
import type { EmbedInput, ReportProblem } from './embed-input.js';

/** What a post's URL must look like, and the link text it gets. */
interface SocialSpec {
  readonly hosts: readonly string[];
  readonly path: RegExp;
  readonly expected: string;
  readonly linkText: (match: RegExpExecArray) => string;
}

const SOCIAL_SERVICES: Readonly<Record<'x' | 'instagram', SocialSpec>> = {
  x: {
    hosts: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
    path: /^\/(\w{1,15})\/status\/(\d{1,25})\/?$/,
    expected: 'the address of a post, such as https://x.com/user/status/123…',
    linkText: (match) => `@${match[1]} · X`,
  },
  instagram: {
    hosts: ['instagram.com', 'www.instagram.com'],
    path: /^\/(p|reel|tv)\/([\w-]{5,40})\/?$/,
    expected: 'the address of a post, such as https://www.instagram.com/p/AbC123/',
    linkText: (match) => `Instagram · ${match[1]}/${match[2]}`,
  },
};

/**
 * `::x[Text of the post]{url=…}` and `::instagram[…]{url=…}`: the post as a
 * quote with a link to it, styled by the theme. The platform's own script,
 * which turns the quote into the live post (and tracks its readers), loads
 * only when the reader asks for it with the button the theme's script adds.
 */
export function createSocialEmbed(service: keyof typeof SOCIAL_SERVICES) {
  const spec = SOCIAL_SERVICES[service];
  return (input: EmbedInput, report: ReportProblem): Element | undefined => {
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
    const href = `${url.origin}${url.pathname}`;
    return h('figure', { className: ['embed', 'embed-social'] }, [
      h('blockquote', { className: ['embed-post'], cite: href }, [
        input.label ? h('p', input.label) : undefined,
        h('p', [h('a', { href, dataEmbed: service }, spec.linkText(match))]),
      ]),
    ]);
  };
}
