import { describe, expect, it } from 'vitest';
import { ARTICLE_KEYS, checkUnknownKeys } from '../../src/content/known-keys.js';
import { checkInvalid, checkValid, lines, parseValid } from './helpers.js';

/** An article with `fields` (YAML lines) after its title and date. */
function withFields(...fields: string[]): string {
  return lines('---', 'title: Tabungan Nelayan', 'date: 2026-11-10 08:00', ...fields, '---', 'Isi.');
}

function errors(text: string) {
  return checkInvalid(text).map((d) => ({
    at: `${d.place?.line}:${d.place?.column}`,
    reason: d.reason,
    hint: d.hint,
    ruleId: d.ruleId,
  }));
}

describe('kind and sponsor in front matter', () => {
  it('reads an article without `kind` as news, with no sponsor', () => {
    expect(checkValid(withFields())).toMatchObject({ kind: 'news', sponsor: undefined });
  });

  it('reads each kind, in any case, and the sponsor of a sponsored article', () => {
    for (const kind of ['news', 'opinion', 'analysis', 'review', 'background'])
      expect(checkValid(withFields(`kind: ${kind}`)).kind).toBe(kind);
    expect(checkValid(withFields('kind: Opinion')).kind).toBe('opinion');
    expect(checkValid(withFields('kind: sponsored', 'sponsor: " Bank Sejahtera "'))).toMatchObject({
      kind: 'sponsored',
      sponsor: 'Bank Sejahtera',
    });
    expect(checkValid(withFields('kind: sponsored')).sponsor).toBeUndefined();
  });

  it('refuses an unknown kind at its value, listing the allowed ones and naming the nearest', () => {
    expect(errors(withFields('kind: opinon'))).toEqual([
      {
        at: '4:7',
        reason:
          'Unexpected kind "opinon", expected one of news, opinion, analysis, review, background, sponsored: did you mean "opinion"?',
        hint: 'Write `kind: opinion`.',
        ruleId: 'front-matter-kind',
      },
    ]);
  });

  it("names newsgen's word for the word a newsroom writes (advertorial, opini, ulasan)", () => {
    expect(errors(withFields('kind: advertorial'))[0]?.hint).toBe('Write `kind: sponsored`.');
    expect(errors(withFields('kind: Opini'))[0]?.hint).toBe('Write `kind: opinion`.');
    expect(errors(withFields('kind: ulasan'))[0]?.hint).toBe('Write `kind: review`.');
  });

  it('refuses a word far from every kind, and a value that is not a word, without a guess', () => {
    const [far] = errors(withFields('kind: wawancara'));
    expect(far?.reason).toBe(
      'Unexpected kind "wawancara", expected one of news, opinion, analysis, review, background, sponsored',
    );
    expect(far?.hint).toContain('leave `kind` out for news');
    expect(errors(withFields('kind: [opinion, analysis]'))[0]?.reason).toMatch(/^Unexpected a list, expected one of/);
  });

  it('refuses a sponsor on an article that is not sponsored, at the sponsor, saying to add `kind: sponsored`', () => {
    expect(errors(withFields('sponsor: Bank Sejahtera'))).toEqual([
      {
        at: '4:10',
        reason: 'Unexpected `sponsor` on a news article, expected it only with `kind: sponsored`',
        hint: 'Add `kind: sponsored` if the article is paid for (it is then labelled as such), or remove `sponsor`.',
        ruleId: 'front-matter-sponsor',
      },
    ]);
    expect(errors(withFields('kind: opinion', 'sponsor: Bank Sejahtera'))[0]?.reason).toBe(
      'Unexpected `sponsor` on an article of kind opinion, expected it only with `kind: sponsored`',
    );
    // A kind that is itself wrong is the one error: the sponsor may well be right.
    expect(errors(withFields('kind: advertorial', 'sponsor: Bank Sejahtera')).map((d) => d.ruleId)).toEqual([
      'front-matter-kind',
    ]);
    expect(errors(withFields('kind: sponsored', 'sponsor: [Bank, Toko]'))[0]?.ruleId).toBe('front-matter-sponsor');
  });

  it('knows both keys, and suggests them for a typo', () => {
    const known = checkUnknownKeys(parseValid(withFields('kind: opinion')), ARTICLE_KEYS, 'content/x.md');
    expect(known).toEqual([]);
    const typo = checkUnknownKeys(parseValid(withFields('sponsr: Bank')), ARTICLE_KEYS, 'content/x.md');
    expect(typo.map((d) => d.reason)).toEqual(['Unknown key "sponsr", did you mean "sponsor"?']);
  });
});
