import { describe, expect, it } from 'vitest';
import { CHROMIUM_LOCATIONS, findChromium } from './chromium.js';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even when a usual location has a browser', () => {
    const found = findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, () => true);
    expect(found).toBe('/opt/chrome/chrome');
  });

  it('refuses a CHROMIUM_PATH that cannot be run instead of quietly using another browser', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/opt/typo/chrome' }, (file) => file === '/usr/bin/chromium')).toThrow(
      /CHROMIUM_PATH is \/opt\/typo\/chrome, which is not an executable file.*apt-get install chromium/,
    );
  });

  it('tries the Debian and Ubuntu locations in order', () => {
    const present = new Set(['/usr/bin/google-chrome-stable', '/snap/bin/chromium']);
    expect(findChromium({}, (file) => present.has(file))).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium({}, (file) => file === '/usr/bin/chromium-browser')).toBe('/usr/bin/chromium-browser');
  });

  it('says where it looked and what to install when there is no browser', () => {
    let message = '';
    try {
      findChromium({}, () => false);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const location of CHROMIUM_LOCATIONS) expect(message).toContain(location);
    expect(message).toContain('sudo apt-get install chromium');
    expect(message).toContain('sudo snap install chromium');
    expect(message).toContain('CHROMIUM_PATH');
  });
});
