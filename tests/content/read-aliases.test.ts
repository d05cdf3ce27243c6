import { describe, expect, it } from 'vitest';
import { checkInvalid, lines } from './helpers.js';

function aliasProblems(...aliases: string[]) {
  return checkInvalid(
    lines(
      '---',
      'title: Banjir',
      'date: 2016-09-09 10:46',
      'aliases:',
      ...aliases.map((alias) => `  - "${alias}"`),
      '---',
    ),
  ).filter((d) => d.ruleId === 'front-matter-aliases');
}

describe('aliases with a query', () => {
  it("say how a Netlify _redirects rule matches WordPress's /?p=123, at the alias", () => {
    const [problem] = aliasProblems('/?p=123');
    expect(problem?.place).toMatchObject({ line: 5, column: 5 });
    expect(problem?.reason).toContain('query (?)');
    expect(problem?.hint).toContain('`/ p=123 /its/new/address/ 301!` to static/_redirects');
    expect(problem?.hint).toContain('newsgen writes its own rules after it');
  });

  it('write each parameter of the query, also for a full URL of the old site', () => {
    const [problem] = aliasProblems('https://warta.example/arsip/?p=123&lang=id');
    expect(problem?.hint).toContain('`/arsip/ p=123 lang=id /its/new/address/ 301!`');
  });

  it('keep the plain advice for other mistakes', () => {
    const [problem] = aliasProblems('/lama/#bagian');
    expect(problem?.hint).toBe('Write each old address as a path of this site, such as `/lama/banjir-semarang/`.');
  });
});
