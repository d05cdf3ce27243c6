import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatGithubAnnotations } from '../../src/report/format-github-annotations.js';

describe('formatGithubAnnotations', () => {
  it('writes one workflow command per diagnostic, errors and warnings, with file, line and column', () => {
    const text = formatGithubAnnotations([
      createDiagnostic({
        file: 'content/b.md',
        place: { line: 2, column: 8 },
        reason: 'Missing `summary`',
        ruleId: 'news-summary-missing',
        severity: 'warning',
      }),
      createDiagnostic({
        file: 'content/a.md',
        place: { line: 3, column: 7 },
        reason: 'Bad date',
        ruleId: 'front-matter-date',
      }),
      createDiagnostic({ file: 'newsgen.config.json', reason: 'Broken', ruleId: 'config-syntax' }),
    ]);
    expect(text).toBe(
      '::error file=content/a.md,line=3,col=7,title=front-matter-date::Bad date\n' +
        '::warning file=content/b.md,line=2,col=8,title=news-summary-missing::Missing `summary`\n' +
        '::error file=newsgen.config.json,title=config-syntax::Broken\n',
    );
  });

  it('escapes what would end the command early or be read as a property', () => {
    const text = formatGithubAnnotations([
      createDiagnostic({
        file: 'content/a,b:c%.md',
        place: { line: 1, column: 1 },
        reason: '100% wrong\r\n::error::injected',
        ruleId: 'front-matter-title',
        hint: 'Fix it.',
      }),
    ]);
    expect(text).toBe(
      '::error file=content/a%2Cb%3Ac%25.md,line=1,col=1,title=front-matter-title::100%25 wrong%0D%0A::error::injected%0AFix it.\n',
    );
    expect(text.split('\n')).toHaveLength(2);
  });

  it("places each path under the site's folder in the repository, when the site is not at its root", () => {
    const diagnostics = [
      createDiagnostic({
        file: 'content/a.md',
        place: { line: 3, column: 7 },
        reason: 'Bad',
        ruleId: 'front-matter-date',
      }),
      createDiagnostic({ file: '../bersama/newsgen.config.json', reason: 'Broken', ruleId: 'config-syntax' }),
    ];
    expect(formatGithubAnnotations(diagnostics, 'situs/warta')).toBe(
      '::error file=situs/bersama/newsgen.config.json,title=config-syntax::Broken\n' +
        '::error file=situs/warta/content/a.md,line=3,col=7,title=front-matter-date::Bad\n',
    );
  });

  it('annotates what a plugin gives without a file, which the repository does not hold, naming it in the message', () => {
    const diagnostics = [
      createDiagnostic({
        file: 'plugin "pilkada" /pilkada/bali/',
        place: { line: 5, column: 1 },
        reason: 'Missing alt',
        ruleId: 'image-alt-missing',
        severity: 'warning',
      }),
      createDiagnostic({ file: 'plugin "pilkada" /pilkada/bali/', reason: 'Bad draft', ruleId: 'front-matter-draft' }),
    ];
    expect(formatGithubAnnotations(diagnostics, 'situs')).toBe(
      '::error title=front-matter-draft::plugin "pilkada" /pilkada/bali/: Bad draft\n' +
        '::warning title=image-alt-missing::plugin "pilkada" /pilkada/bali/:5:1: Missing alt\n',
    );
  });
});
