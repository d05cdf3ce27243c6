import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { createRelativeTimeScript } from '../../src/i18n/relative-time-script.js';

const NOW = Date.parse('2016-09-12T10:46:00+07:00');

/** A `Date` whose clock is stopped at `NOW`. */
class FixedDate extends Date {
  static override now(): number {
    return NOW;
  }
}

function runScript(locale: string, body: string, intl: unknown = Intl): Document {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  new Function('document', 'Date', 'Intl', createRelativeTimeScript(locale))(document, FixedDate, intl);
  return document as unknown as Document;
}

function timeText(document: Document, id: string): { text: string; title: string | null } {
  const element = document.getElementById(id);
  return { text: element?.textContent ?? '', title: element?.getAttribute('title') ?? null };
}

const SAMPLE = `
  <time id="days" data-relative datetime="2016-09-09T10:46:00+07:00">Jumat, 09 Sep 2016 10:46 WIB</time>
  <time id="seconds" data-relative datetime="2016-09-12T10:45:30+07:00">12 Sep 2016</time>
  <time id="minutes" data-relative datetime="2016-09-12T10:41:00+07:00">12 Sep 2016</time>
  <time id="hours" data-relative datetime="2016-09-12T07:46:00+07:00">12 Sep 2016</time>
  <time id="weeks" data-relative datetime="2016-08-29T10:46:00+07:00">29 Agu 2016</time>
  <time id="months" data-relative datetime="2016-06-12T10:46:00+07:00">12 Jun 2016</time>
  <time id="years" data-relative datetime="2014-09-12T10:46:00+07:00">12 Sep 2014</time>
  <time id="future" data-relative datetime="2016-09-14T10:46:00+07:00">14 Sep 2016</time>
  <time id="plain" datetime="2016-09-09T10:46:00+07:00">09 Sep 2016</time>
  <time id="broken" data-relative datetime="kemarin">kemarin</time>
  <time id="titled" data-relative datetime="2016-09-11T10:46:00+07:00" title="Minggu, 11 Sep 2016">11 Sep 2016</time>
`;

describe('createRelativeTimeScript', () => {
  test('writes Indonesian relative times and keeps the absolute date as the title', () => {
    const document = runScript('id-ID', SAMPLE);
    expect(timeText(document, 'days')).toEqual({ text: '3 hari yang lalu', title: 'Jumat, 09 Sep 2016 10:46 WIB' });
    expect(timeText(document, 'seconds').text).toBe('30 detik yang lalu');
    expect(timeText(document, 'minutes').text).toBe('5 menit yang lalu');
    expect(timeText(document, 'hours').text).toBe('3 jam yang lalu');
    expect(timeText(document, 'weeks').text).toBe('2 minggu yang lalu');
    expect(timeText(document, 'months').text).toBe('3 bulan yang lalu');
    expect(timeText(document, 'years').text).toBe('2 tahun yang lalu');
    expect(timeText(document, 'future').text).toBe('lusa');
  });

  test('writes English relative times, using words like yesterday where they exist', () => {
    const document = runScript('en', SAMPLE);
    expect(timeText(document, 'days').text).toBe('3 days ago');
    expect(timeText(document, 'hours').text).toBe('3 hours ago');
    expect(timeText(document, 'years').text).toBe('2 years ago');
    expect(timeText(document, 'future').text).toBe('in 2 days');
    expect(timeText(document, 'titled')).toEqual({ text: 'yesterday', title: 'Minggu, 11 Sep 2016' });
  });

  test('leaves times without data-relative and unreadable datetimes alone', () => {
    const document = runScript('en', SAMPLE);
    expect(timeText(document, 'plain')).toEqual({ text: '09 Sep 2016', title: null });
    expect(timeText(document, 'broken')).toEqual({ text: 'kemarin', title: null });
  });

  test('does nothing and does not throw when Intl.RelativeTimeFormat is missing', () => {
    const document = runScript('id-ID', SAMPLE, { DateTimeFormat: Intl.DateTimeFormat });
    expect(timeText(document, 'days')).toEqual({ text: 'Jumat, 09 Sep 2016 10:46 WIB', title: null });
    expect(() => runScript('id-ID', SAMPLE, undefined)).not.toThrow();
  });

  test('does not throw for a locale the browser rejects', () => {
    expect(() => runScript('not a locale', SAMPLE)).not.toThrow();
  });

  test('embeds the locale so it cannot close the script element', () => {
    const script = createRelativeTimeScript('</script><script>alert(1)</script>');
    expect(script).not.toContain('</script');
    expect(script).not.toContain('<');
    expect(() => new Function(script)).not.toThrow();
  });

  test('stays small enough to inline on every page', () => {
    expect(createRelativeTimeScript('id-ID').length).toBeLessThan(1024);
  });
});
