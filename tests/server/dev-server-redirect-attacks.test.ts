import { describe, expect, it } from 'vitest';
import { rawRequest } from './start-serve.js';
import { useDevServer } from './use-dev-server.js';

// Rules a contributor could put in static/_redirects, which the preview answers.
const REDIRECTS = [
  '/arab/ /أخبار/قديم/ 301',
  '/kafe/ /café/ 302',
  '/kontrol/ /a\u0001b/ 301',
  '/ganda/ //evil.example/ 301',
  '/miring/ /\\evil.example/ 301',
  '/campur/ /\\/evil.example/ 301',
  '/skema/ https:evil.example 301',
  '/ q=:q /cari/:q 302',
  '/arab-luar/ https://مثال.example/أخبار/?a=ب 301',
  '',
].join('\n');

const preview = useDevServer({
  'dist/index.html': '<!doctype html><title>Beranda</title><body>Beranda</body>',
  'dist/_redirects': REDIRECTS,
  'dist/404.html': '<!doctype html><title>Tidak ada</title><body>Tidak ada</body>',
});

async function location(target: string): Promise<[number, string | undefined]> {
  const response = await rawRequest(preview.url(), target);
  return [response.status, response.headers['location'] as string | undefined];
}

describe('the preview’s answer to a hostile or foreign _redirects rule', () => {
  it('redirects to a target in Arabic or with an accent, percent-encoded, instead of failing with a 500', async () => {
    expect(await location('/arab/')).toEqual([301, '/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%82%D8%AF%D9%8A%D9%85/']);
    expect(await location('/kafe/')).toEqual([302, '/caf%C3%A9/']);
    expect(await location('/arab-luar/')).toEqual([
      301,
      'https://xn--mgbh0fb.example/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/?a=%D8%A8',
    ]);
  });

  it('never writes a control character into the Location header', async () => {
    expect(await location('/kontrol/')).toEqual([301, '/a%01b/']);
  });

  it('never sends a Location another host could be read from', async () => {
    expect(await location('/ganda/')).toEqual([301, '/evil.example/']);
    expect(await location('/miring/')).toEqual([301, '/evil.example/']);
    expect(await location('/campur/')).toEqual([301, '/evil.example/']);
    expect(await location('/skema/')).toEqual([404, undefined]);
  });

  it('encodes a query value placed in the target, so CR/LF cannot start a header of its own', async () => {
    const [status, where] = await location('/?q=%0D%0ASet-Cookie:%20a=b');
    expect([status, where]).toEqual([302, '/cari/%0D%0ASet-Cookie%3A%20a%3Db']);
  });
});
