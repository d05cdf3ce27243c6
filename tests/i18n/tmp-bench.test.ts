import { test } from 'vitest';
import { parseDate } from '../../src/i18n/parse-date.js';
test('bench', () => {
  const inputs = Array.from({ length: 100000 }, (_, i) => `20${10 + (i % 10)}-0${1 + (i % 9)}-1${i % 10} 10:46`);
  for (let r = 0; r < 3; r++) {
  let t = performance.now();
  for (const s of inputs) parseDate(s, 'Europe/Berlin');
  console.log('parse 100k', performance.now() - t);
  t = performance.now();
  for (const s of inputs) parseDate(s + '+07:00', 'Europe/Berlin');
  console.log('parse offset 100k', performance.now() - t);
  }
});
