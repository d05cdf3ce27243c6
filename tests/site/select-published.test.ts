import { describe, expect, test } from 'vitest';
import { selectPublished } from '../../src/site/select-published.js';
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
