import { describe, expect, it } from 'vitest';
import { buildInMemory } from '../helpers/build-in-memory.js';

describe('an in-memory build', () => {
  it('renders an article page with its headline, localized date and section link', async () => {
    const site = await buildInMemory(
      {
        'ekonomi/alibaba.md':
          '---\ntitle: Bos Alibaba Jadi Penasihat\ndate: 2016-09-09 10:46\nauthor: Riandanu\ndateline: Metrotvnews.com\neditor: MMI\n---\n\nKunjungan presiden.\n',
      },
      { title: 'Warta', locale: 'id-ID', timeZone: 'Asia/Jakarta', baseUrl: 'https://warta.example/' },
    );
    const doc = site.dom('ekonomi/alibaba/index.html');
    expect(doc.querySelector('h1')?.textContent).toBe('Bos Alibaba Jadi Penasihat');
    expect(doc.querySelector('article time')?.getAttribute('datetime')).toBe('2016-09-09T10:46:00+07:00');
    expect(doc.querySelector('article time')?.textContent).toBe('Jumat, 09 Sep 2016 10:46 WIB');
    expect(doc.querySelector('.dateline')?.textContent).toBe('Metrotvnews.com:');
    expect(doc.body.textContent).toContain('(MMI)');
  });
});
