import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { THEME_DIR } from '../../src/config/resolve-config.js';
import { minifyThemeAssets } from '../../src/render/minify-theme-assets.js';

const NOW = Date.parse('2016-09-12T10:46:00+07:00');
const ASSET = 'assets/relative-time.js';
const SOURCE = readFileSync(path.join(THEME_DIR, ASSET), 'utf8');
/** The script as a build writes it: minified, as every built-in asset is. */
const [WRITTEN] = minifyThemeAssets([{ path: ASSET, contents: SOURCE, builtIn: true }]);
const MINIFIED = String(WRITTEN?.contents);

/** A `Date` whose clock is stopped at `NOW`. */
class FixedDate extends Date {
  static override now(): number {
    return NOW;
  }
}

/** Runs the script on a page in `lang` (no attribute when undefined), as a browser runs a deferred script. */
function runScript(lang: string | undefined, body: string, options: { intl?: unknown; script?: string } = {}) {
  const attribute = lang === undefined ? '' : ` lang="${lang}"`;
  const { document } = parseHTML(`<!doctype html><html${attribute}><body>${body}</body></html>`);
  const intl = 'intl' in options ? options.intl : Intl;
  new Function('document', 'Date', 'Intl', options.script ?? SOURCE)(document, FixedDate, intl);
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

describe('the theme’s relative-time script', () => {
  test('writes Indonesian relative times on an Indonesian page and keeps the absolute date as the title', () => {
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

  test('writes English relative times on an English page, using words like yesterday where they exist', () => {
    const document = runScript('en', SAMPLE);
    expect(timeText(document, 'days').text).toBe('3 days ago');
    expect(timeText(document, 'hours').text).toBe('3 hours ago');
    expect(timeText(document, 'years').text).toBe('2 years ago');
    expect(timeText(document, 'future').text).toBe('in 2 days');
    expect(timeText(document, 'titled')).toEqual({ text: 'yesterday', title: 'Minggu, 11 Sep 2016' });
  });

  test('does the same once minified, as the build writes it', () => {
    expect(MINIFIED.length).toBeLessThan(SOURCE.length / 2);
    const document = runScript('id-ID', SAMPLE, { script: MINIFIED });
    expect(timeText(document, 'days')).toEqual({ text: '3 hari yang lalu', title: 'Jumat, 09 Sep 2016 10:46 WIB' });
    expect(timeText(document, 'future').text).toBe('lusa');
  });

  test('leaves times without data-relative and unreadable datetimes alone', () => {
    const document = runScript('en', SAMPLE);
    expect(timeText(document, 'plain')).toEqual({ text: '09 Sep 2016', title: null });
    expect(timeText(document, 'broken')).toEqual({ text: 'kemarin', title: null });
  });

  test('uses the browser’s language on a page without one', () => {
    const document = runScript(undefined, SAMPLE);
    const expected = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-3, 'day');
    expect(timeText(document, 'days').text).toBe(expected);
  });

  test('does nothing and does not throw when Intl.RelativeTimeFormat is missing', () => {
    const document = runScript('id-ID', SAMPLE, { intl: { DateTimeFormat: Intl.DateTimeFormat } });
    expect(timeText(document, 'days')).toEqual({ text: 'Jumat, 09 Sep 2016 10:46 WIB', title: null });
    expect(() => runScript('id-ID', SAMPLE, { intl: undefined })).not.toThrow();
  });

  test('leaves the page as it is, without throwing, for a language the browser rejects', () => {
    const document = runScript('not a locale', SAMPLE);
    expect(timeText(document, 'days')).toEqual({ text: 'Jumat, 09 Sep 2016 10:46 WIB', title: null });
  });
});
