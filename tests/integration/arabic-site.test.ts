import { describe, expect, it } from 'vitest';
import { buildInMemory } from '../helpers/build-in-memory.js';

const SITE = {
  title: 'الأخبار اليومية',
  locale: 'ar-EG',
  timeZone: 'Africa/Cairo',
  baseUrl: 'https://akhbar.example/',
  sections: [{ slug: 'iqtisad', name: 'اقتصاد' }],
};
const story = (title: string, day: number, authors: string) =>
  `---\ntitle: ${title}\ndate: 2026-11-${day} 09:00\nauthors: [${authors}]\ntags: [مصر]\n---\nنص الخبر.\n`;
const CONTENT = {
  'iqtisad/dhahab.md': story('ارتفاع أسعار الذهب', 20, 'أحمد حسن, سارة علي'),
  'iqtisad/apple.md': story('Apple Unveils the iPhone 18 Pro Max in Cairo', 21, 'سارة علي'),
};
const text = (document: Document, selector: string) => document.querySelector(selector)?.textContent?.trim();

describe('an Arabic site', () => {
  it('gets Arabic labels, bylines, counts and dates, not English ones', async () => {
    const site = await buildInMemory(CONTENT, SITE);
    const article = site.dom('iqtisad/dhahab/index.html');
    expect(text(article, '.skip-link')).toBe('انتقل إلى المحتوى');
    expect(article.querySelector('.breadcrumbs')?.getAttribute('aria-label')).toBe('مسار التنقل');
    expect(text(article, '.breadcrumbs li')).toBe('الرئيسية');
    expect(text(article, '.byline')).toBe('بقلم أحمد حسن وسارة علي');
    // The locale's own long date: Arabic words, and Egypt's Arabic-Indic digits.
    expect(text(article, '.article-meta time')).toMatch(/^الجمعة، ٢٠ نوفمبر ٢٠٢٦ .*٩:٠٠ ص/);
    expect(text(article, '#other-news-heading')).toBe('أخبار أخرى');
    expect(text(site.dom('tag/index.html'), '.term-count')).toBe('مقالتان');
    expect(text(site.dom('404.html'), 'h1')).toBe('الصفحة غير موجودة');
    expect(site.dom('index.html').documentElement.getAttribute('dir')).toBe('rtl');
  });

  it('numbers its pages, archives and tables in the locale digits, while URLs keep Latin ones', async () => {
    const days = [16, 17, 18, 19];
    const more = Object.fromEntries(
      days.map((day) => [`iqtisad/khabar-${day}.md`, story(`خبر ${day}`, day, 'سارة علي')]),
    );
    const table = '---\ntitle: جدول الأسعار\ndate: 2026-11-15 09:00\n---\n| أ | ب |\n| - | - |\n| 1 | 2 |\n';
    const site = await buildInMemory({ ...CONTENT, ...more, 'iqtisad/jadwal.md': table }, { ...SITE, perPage: 1 });
    const archive = site.dom('page/2/index.html');
    const links = [...archive.querySelectorAll('.pagination li:not([class]) a')];
    expect(links.map((link) => link.textContent)).toEqual(['٣', '٢', '١']);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/page/3/', '/page/2/', '/page/1/']);
    expect(archive.title).toMatch(/ — الصفحة ٢$/);
    expect(text(archive, 'h1')).toMatch(/٢$/);
    expect(text(site.dom('2026/index.html'), 'h1')).toBe('الأرشيف ٢٠٢٦');
    expect(text(site.dom('2026/11/index.html'), 'h1')).toBe('نوفمبر ٢٠٢٦');
    const region = site.dom('iqtisad/jadwal/index.html').querySelector('.table-scroll');
    expect(region?.getAttribute('aria-label')).toBe('جدول ١');
  });

  // A Latin title ending in "!" showed its "!" at the left on this right-to-left page, and an
  // Arabic title the other way round on a left-to-right site.
  it('gives titles, names and tags from content their own direction', async () => {
    const site = await buildInMemory(
      {
        ...CONTENT,
        'iqtisad/launch.md': story('iPhone 17 launched!', 22, 'John Smith, سارة علي').replace(
          '\n---\n',
          '\nsummary: Apple unveiled its phone.\n---\n',
        ),
      },
      SITE,
    );
    const home = site.dom('index.html');
    const titles = [...home.querySelectorAll('.card-title a')];
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((link) => link.getAttribute('dir') === 'auto')).toBe(true);
    const article = site.dom('iqtisad/launch/index.html');
    expect(article.querySelector('h1.article-title > span[dir="auto"]')?.textContent).toBe('iPhone 17 launched!');
    expect(article.querySelector('.article-summary > span[dir="auto"]')?.textContent).toBe('Apple unveiled its phone.');
    expect(home.querySelector('.card-excerpt > span[dir="auto"]')?.textContent).toBe('Apple unveiled its phone.');
    const isolated = (selector: string) =>
      [...article.querySelectorAll(selector)].map((link) => [link.textContent, link.getAttribute('dir')]);
    expect(isolated('.byline a')).toEqual([
      ['John Smith', 'auto'],
      ['سارة علي', 'auto'],
    ]);
    expect(isolated('.tags a')).toEqual([['مصر', 'auto']]);
    const headlines = isolated('.aside .headlines li:not(.headlines-more) a');
    expect(headlines).toHaveLength(2);
    expect(headlines.every(([, dir]) => dir === 'auto')).toBe(true);
    expect(site.dom('tag/msr/index.html').querySelector('h1 > span[dir="auto"]')).not.toBeNull();
  });
});
