import { describe, expect, test } from 'vitest';
import { countHeldBack, selectPublished } from '../../src/site/select-published.js';
import { at, makeArticle } from './fixtures.js';

const NOW = new Date('2016-09-10T00:00:00Z');

const live = makeArticle('live', { date: at('2016-09-09T10:46:00+07:00') });
const draft = makeArticle('draft', { draft: true });
const scheduled = makeArticle('scheduled', { date: at('2016-09-10T07:00:01+07:00') });
const dueNow = makeArticle('due-now', { date: at('2016-09-10T07:00:00+07:00') });
const expired = makeArticle('expired', { expires: at('2016-09-10T07:00:00+07:00') });
const expiring = makeArticle('expiring', { expires: at('2016-09-10T07:00:01+07:00') });
const all = [live, draft, scheduled, dueNow, expired, expiring];
const ids = (list: readonly { id: string }[]) => list.map((article) => article.id);

describe('selectPublished', () => {
  test('keeps live articles and those dated exactly now; drops drafts, scheduled and expired ones', () => {
    expect(ids(selectPublished(all, { now: NOW, drafts: false, future: false }))).toEqual([
      'live',
      'due-now',
      'expiring',
    ]);
  });

  test('keeps drafts when drafts are asked for', () => {
    expect(ids(selectPublished(all, { now: NOW, drafts: true, future: false }))).toEqual([
      'live',
      'draft',
      'due-now',
      'expiring',
    ]);
  });

  test('keeps scheduled articles when future is asked for', () => {
    expect(ids(selectPublished(all, { now: NOW, drafts: false, future: true }))).toEqual([
      'live',
      'scheduled',
      'due-now',
      'expiring',
    ]);
  });

  test('never keeps an expired article', () => {
    expect(ids(selectPublished(all, { now: NOW, drafts: true, future: true }))).not.toContain('expired');
  });

  test('does not change its input', () => {
    const input = [...all];
    selectPublished(input, { now: NOW, drafts: false, future: false });
    expect(input).toEqual(all);
  });
});

describe('countHeldBack', () => {
  const later = makeArticle('later', { date: at('2016-09-12T08:00:00+07:00') });
  const scheduledDraft = makeArticle('scheduled-draft', { draft: true, date: at('2016-09-10T09:00:00+07:00') });

  test('counts scheduled articles with the soonest date as written, and drafts (a scheduled draft as a draft)', () => {
    expect(countHeldBack([...all, later, scheduledDraft], { now: NOW, drafts: false, future: false })).toEqual({
      scheduled: 2,
      next: '2016-09-10T07:00:01+07:00',
      drafts: 2,
    });
  });

  test('counts nothing that the build publishes, nor what it takes down', () => {
    expect(countHeldBack([live, dueNow, expired, expiring], { now: NOW, drafts: false, future: false })).toEqual({
      scheduled: 0,
      next: undefined,
      drafts: 0,
    });
    expect(countHeldBack([...all, later, scheduledDraft], { now: NOW, drafts: true, future: true })).toEqual({
      scheduled: 0,
      next: undefined,
      drafts: 0,
    });
    // With drafts built, a scheduled draft waits for its date like any scheduled article.
    expect(countHeldBack([scheduledDraft], { now: NOW, drafts: true, future: false })).toEqual({
      scheduled: 1,
      next: '2016-09-10T09:00:00+07:00',
      drafts: 0,
    });
  });
});
