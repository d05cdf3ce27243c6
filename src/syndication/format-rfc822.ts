import type { Instant } from '../i18n/instant.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The RFC 822 date RSS 2.0 wants (`Tue, 10 Nov 2026 09:15:00 +0700`), keeping
 * the wall time and offset of the instant's ISO text (the site's time zone).
 */
export function formatRfc822(instant: Instant): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(instant.iso);
  if (!match) return new Date(instant.time).toUTCString().replace('GMT', '+0000');
  const [, year, month, day, hour, minute, second = '00', zone = 'Z'] = match;
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  const offset = zone === 'Z' ? '+0000' : zone.replace(':', '');
  return `${DAYS[weekday]}, ${day} ${MONTHS[Number(month) - 1]} ${year} ${hour}:${minute}:${second} ${offset}`;
}
