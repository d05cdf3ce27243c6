import { describe, expect, it } from 'vitest';
import { createOpenGraphLocale } from '../../src/view/open-graph-locale.js';

describe('createOpenGraphLocale', () => {
  it('writes language_TERRITORY for a locale with a territory', () => {
    expect(createOpenGraphLocale('id-ID')).toBe('id_ID');
    expect(createOpenGraphLocale('pt-BR')).toBe('pt_BR');
  });

  it('leaves out a script subtag and Unicode extensions, which Open Graph has no place for', () => {
    expect(createOpenGraphLocale('zh-Hant-TW')).toBe('zh_TW');
    expect(createOpenGraphLocale('sr-Latn-RS')).toBe('sr_RS');
    expect(createOpenGraphLocale('ar-SA-u-nu-latn')).toBe('ar_SA');
  });

  it("gives a locale without a territory its likely one, since a bare language is not Open Graph's form", () => {
    expect(createOpenGraphLocale('en')).toBe('en_US');
    expect(createOpenGraphLocale('zh-Hans')).toBe('zh_CN');
    expect(createOpenGraphLocale('zh-Hant')).toBe('zh_TW');
  });
});
