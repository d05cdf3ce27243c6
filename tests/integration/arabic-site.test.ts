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
});
