import { describe, expect, test } from 'vitest';
import { createMarkdownProcessor, type RenderOptions } from '../../src/markdown/create-processor.js';
import { createUpdateTimeReader } from '../../src/process/live-updates.js';
import { expandLiveUpdates } from '../../src/view/live-blog-view.js';
import { parseFragment } from './parse-fragment.js';

const processor = createMarkdownProcessor();
const LIVE = { readUpdateTime: createUpdateTimeReader('Asia/Jakarta') };

/** A live blog's body rendered as the Markdown stage renders it. */
function renderLive(markdown: string) {
  return processor.render(markdown, LIVE);
}

/** The messages of a body as `line:column rule reason`. */
function problems(markdown: string, options: RenderOptions = LIVE): string[] {
  return processor
    .render(markdown, options)
    .messages.map((message) => `${message.place?.line}:${message.place?.column} ${message.ruleId} ${message.reason}`);
}

const STREAM = [
  'Laporan ini diperbarui sepanjang hari.',
  '',
  ':::update{time="2026-12-07 07:15"}',
  'Air setinggi lutut di Jalan Kaligawe.',
  ':::',
  '',
  ':::update{time="2026-12-07 10:46"}',
  '## Air mulai surut di Kaligawe',
  '',
  'Petugas membuka pintu air. ![Pompa air](/images/pompa.jpg)',
  '',
  'Warga mulai **membersihkan** rumah.',
  ':::',
  '',
  ':::update{time="2026-12-07T00:15:00Z"}',
  'Pengungsi bertambah, pada menit yang sama dengan pembaruan pertama.',
  ':::',
  '',
].join('\n');

describe('a live blog body', () => {
  test('shows its updates newest first in the places updates take, equal times in the order written', () => {
    const result = renderLive(STREAM);
    expect(result.messages).toEqual([]);
    const body = parseFragment(result.html);
    // The text before the first update stays first.
    expect(body.firstElementChild?.textContent).toBe('Laporan ini diperbarui sepanjang hari.');
    const updates = [...body.querySelectorAll('div.live-update')];
    expect(updates.map((update) => update.getAttribute('data-update-id'))).toEqual([
      'update-20261207-1046',
      'update-20261207-0715',
      'update-20261207-0715-2',
    ]);
    expect(updates.map((update) => update.getAttribute('data-update'))).toEqual([
      '2026-12-07T10:46:00+07:00',
      '2026-12-07T07:15:00+07:00',
      '2026-12-07T07:15:00+07:00',
    ]);
    expect(updates[2]?.textContent).toContain('Pengungsi bertambah');
  });

  test('lists each update with its anchor, time, headline (its opening heading) and plain text, newest first', () => {
    const { liveUpdates } = renderLive(STREAM);
    expect(liveUpdates.map(({ id, iso, headline, text, place }) => ({ id, iso, headline, text, place }))).toEqual([
      {
        id: 'update-20261207-1046',
        iso: '2026-12-07T10:46:00+07:00',
        headline: 'Air mulai surut di Kaligawe',
        text: 'Petugas membuka pintu air. Warga mulai membersihkan rumah.',
        place: { line: 7, column: 1 },
      },
      {
        id: 'update-20261207-0715',
        iso: '2026-12-07T07:15:00+07:00',
        headline: undefined,
        text: 'Air setinggi lutut di Jalan Kaligawe.',
        place: { line: 3, column: 1 },
      },
      expect.objectContaining({ id: 'update-20261207-0715-2', iso: '2026-12-07T07:15:00+07:00' }),
    ]);
  });

  test('reports an update without a time, with an unreadable one, or inside another block, at its place', () => {
    const body = [
      ':::update',
      'Tanpa waktu.',
      ':::',
      '',
      ':::update{time="kemarin sore"}',
      'Waktu tak terbaca.',
      ':::',
      '',
      '> :::update{time="2026-12-07 08:00"}',
      '> Di dalam kutipan.',
      '> :::',
      '',
    ].join('\n');
    expect(problems(body)).toEqual([
      '1:1 live-update Missing `time` on :::update, expected when the update was written',
      expect.stringMatching(/^5:1 live-update Unexpected :::update time "kemarin sore", expected a date such as/),
      '9:3 live-update Unexpected :::update inside another block, expected it at the top level of the body',
    ]);
    // None of them is shown, and none is reported again as an unknown component.
    expect(processor.render(body, LIVE).html).not.toContain('Tanpa waktu');
  });

  test('reports an update in a body that is not a live blog, and leaves it out', () => {
    const body = ':::update{time="2026-12-07 07:15"}\nAir naik.\n:::\n';
    expect(problems(body, {})).toEqual(['1:1 live-update Unexpected :::update in an article that is not a live blog']);
    expect(processor.render(body).liveUpdates).toEqual([]);
  });
});

describe('expandLiveUpdates', () => {
  const update = {
    id: 'update-20261207-1046',
    headline: undefined,
    text: 'Air surut.',
    date: { iso: '2026-12-07T10:46:00+07:00', display: 'Senin, 07 Des 2026 10:46 WIB' },
  };

  test('gives each update its anchor and its time as the locale writes it, linked to the anchor', () => {
    const html = expandLiveUpdates(renderLive(':::update{time="2026-12-07 10:46"}\nAir surut.\n:::\n').html, [update]);
    const body = parseFragment(html);
    const block = body.querySelector('#update-20261207-1046');
    expect(block?.className).toBe('live-update');
    expect(block?.querySelector('.live-update-time a')?.getAttribute('href')).toBe('#update-20261207-1046');
    const time = block?.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-12-07T10:46:00+07:00');
    expect(time?.textContent).toBe('Senin, 07 Des 2026 10:46 WIB');
  });

  test('gives no anchor to raw HTML that imitates an update the article does not have', () => {
    const raw =
      '<div class="live-update" data-update="2026-12-07T10:46:00+07:00" data-update-id="update-20261207-1047">x</div>';
    const html = expandLiveUpdates(processor.render(raw).html, [update]);
    expect(html).toBe('<div class="live-update">x</div>');
  });
});
