import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { wrapTables } from '../../src/view/wrap-tables.js';
import { createTempFolder } from '../helpers/temp-folders.js';
import { COMPONENTS_BODY } from '../theme/components-site.js';
import {
  makeArticlePage,
  makeAuthorListPage,
  makeDate,
  makeHomePage,
  makeNotFoundPage,
  makeSearchPage,
  makeSectionListPage,
  makeSite,
  makeTermsPage,
} from './fixtures.js';
import { createSampleRenderer } from './render-samples.js';

const run = promisify(execFile);
const VNU_JAR = join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  readonly type: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly message: string;
}

// Timeout: the Nu checker is a Java program; it starts and checks one page of each kind.
it('renders every page kind as HTML the Nu checker accepts without errors', async () => {
  const renderer = await createSampleRenderer();
  const pages = {
    'article.html': makeArticlePage({
      draft: true,
      corrections: [{ date: makeDate(11), text: 'Nama lembaga diperbaiki.' }],
    }),
    'article-plain.html': makeArticlePage({ image: undefined, updated: undefined, tags: [], authors: [] }),
    'article-components.html': makeArticlePage({
      html: wrapTables(
        createMarkdownProcessor().render(COMPONENTS_BODY, { dateline: 'Semarang:' }).html,
        (number) => `Tabel ${number}`,
      ),
      hasEmbeds: true,
    }),
    'section.html': makeSectionListPage(),
    'home.html': makeHomePage(),
    'home-2.html': makeHomePage(2),
    'home-6-of-12.html': makeHomePage(6, 12),
    'author.html': makeAuthorListPage(),
    'terms.html': makeTermsPage(),
    '404.html': makeNotFoundPage(),
    'search.html': makeSearchPage(),
    'article-search.html': { ...makeArticlePage(), site: makeSite({ searchUrl: '/warta/search/' }) },
  };
  const dir = createTempFolder('vnu');
  const files = await Promise.all(
    Object.entries(pages).map(async ([name, view]) => {
      const file = join(dir, name);
      await writeFile(file, renderer.render(view));
      return file;
    }),
  );
  // vnu exits non-zero when it finds errors; the JSON on stderr is what we check.
  const result = await run('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files]).catch(
    (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }),
  );
  const report = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  const errors = report.messages.map((m) => `${m.url ?? ''}:${m.lastLine ?? 0} ${m.type}: ${m.message}`);
  expect(errors).toEqual([]);
}, 120_000);
