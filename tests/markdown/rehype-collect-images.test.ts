import { describe, expect, test } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';

describe('body images', () => {
  const processor = createMarkdownProcessor();

  test('are listed with their places, from Markdown and raw HTML alike', () => {
    const markdown =
      'Paragraf pertama.\n\n![Banjir di Semarang](foto-1.jpg)\n\nTeks <img src="/images/peta.png" alt="Peta"> lagi.\n\n<figure>\n  <img src="https://cdn.example/a.jpg" alt="">\n</figure>\n';
    expect(processor.render(markdown).images).toEqual([
      { src: 'foto-1.jpg', line: 3, column: 1 },
      { src: '/images/peta.png', line: 5, column: 6 },
      { src: 'https://cdn.example/a.jpg', line: 8, column: 3 },
    ]);
  });

  test('are none in a body without images', () => {
    expect(processor.render('Hanya *teks*.').images).toEqual([]);
  });

  test('keep allowlisted iframes but load them lazily', () => {
    const { html } = processor.render(
      '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>\n',
    );
    expect(html).toContain('loading="lazy"');
  });
});
