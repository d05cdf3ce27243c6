import type { Instant } from '../i18n/instant.js';
import { type FieldContext, reportField } from './field-checks.js';

// How an article's dates stand to each other: an expiry before publication, a lead slot's end without a lead.

/** An `expires` at or before `date`: the article would never be published. */
export function reportExpiryBeforeDate(context: FieldContext, date: Instant, expires: Instant): void {
  reportField(
    context,
    ['expires'],
    `Unexpected \`expires\` ${expires.iso} at or before the \`date\` ${date.iso}: the article would never be published`,
    'front-matter-expires',
    'Check the year of both dates; to keep an article unpublished, use `draft: true`.',
  );
}

/** A `featuredUntil` on an article without `featured: true`: the date does nothing, which is likely a slip. */
export function warnFeaturedUntilAlone(context: FieldContext): void {
  reportField(
    context,
    ['featuredUntil'],
    'Unexpected `featuredUntil` without `featured: true`: the article does not lead, so the date has no effect',
    'front-matter-featured',
    'Add `featured: true` to make it lead until that time, or remove `featuredUntil`.',
    'warning',
  );
}
