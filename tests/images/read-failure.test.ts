import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { createImageEncoder } from '../../src/images/image-encoder.js';
import { describeReadFailure, isAnimation } from '../../src/images/read-failure.js';

const encoder = createImageEncoder();

describe('images a newsroom gets that sharp cannot use', () => {
  test('an empty file (a copy that stopped) says it is empty and to copy it again, not "Input Buffer is empty"', async () => {
    const reading = await (await encoder).read(new Uint8Array(0), 1e8);
    expect(reading).toMatchObject({ ok: false, problem: 'unreadable', reason: 'the file is empty (0 bytes)' });
    expect(reading.ok || reading.hint).toMatch(/again/);
  });

  test("an iPhone's HEIC photo says it is HEVC and to export it as JPEG, in place of libheif's plugin message", () => {
    // What sharp's prebuilt libvips says when it decodes a HEIC photo: its header (format, compression) reads fine.
    const error = new Error(
      'Input file has corrupt header: heif: Error while loading plugin: Support for this compression format has not been built in: HEVC (a suitable decoder plugin is libde265) (11.6003)',
    );
    const bytes = new Uint8Array([1]);
    for (const failure of [
      describeReadFailure(error, bytes, { format: 'heif', compression: 'hevc' }),
      describeReadFailure(error, bytes),
    ]) {
      expect(failure.reason).toBe('it is a HEIC photo (HEVC), which the image library sharp installs cannot decode');
      expect(failure.hint).toMatch(/Export it as a JPEG/);
    }
    expect(describeReadFailure(new Error('vipspng: libpng read error'), bytes)).toEqual({
      reason: 'vipspng: libpng read error',
    });
  });

  test('a HEIF file of several images is a photo to encode, not an animation to publish as it is', () => {
    // libheif's example.heic and iPhone bursts have two top-level images: sharp says pages: 2.
    expect(isAnimation({ format: 'heif', pages: 2 })).toBe(false);
    expect(isAnimation({ format: 'gif', pages: 3 })).toBe(true);
    expect(isAnimation({ format: 'webp', pages: 2 })).toBe(true);
    expect(isAnimation({ format: 'png', pages: 1 })).toBe(false);
  });

  test('a truncated photo says it is cut short and to copy it again, which saving it again could not mend', async () => {
    const photo = (format: 'jpeg' | 'avif') =>
      sharp({ create: { width: 300, height: 200, channels: 3, background: '#369' } })
        .toFormat(format)
        .toBuffer();
    const jpeg = await photo('jpeg');
    const reading = await (await encoder).read(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 1e8);
    expect(reading).toMatchObject({
      ok: false,
      reason: 'the file is cut short (VipsJpeg: premature end of JPEG image)',
      hint: expect.stringMatching(/Copy or upload the photo again/),
    });
    // libheif's reason comes without its retries (source: bad seek to 1024, to 512, …).
    const avif = await photo('avif');
    const broken = await (await encoder).read(avif.subarray(0, Math.floor(avif.length * 0.6)), 1e8);
    expect(broken.ok || broken.reason).toMatch(/^it has corrupt header: heif: /);
  });
});
