import { describe, expect, test } from 'vitest';
import { cropAround } from '../../src/images/focal-crop.js';

describe('cropAround', () => {
  test('takes the largest 16:9 band of a 3:2 photo, centred by default', () => {
    expect(cropAround(2400, 1600, 16 / 9)).toEqual({ left: 0, top: 125, width: 2400, height: 1350 });
  });

  test('moves the crop towards the focal point and stops at the edges', () => {
    expect(cropAround(2400, 1600, 16 / 9, [0.5, 0.1])).toEqual({ left: 0, top: 0, width: 2400, height: 1350 });
    expect(cropAround(2400, 1600, 16 / 9, [0.5, 0.9])).toEqual({ left: 0, top: 250, width: 2400, height: 1350 });
    expect(cropAround(2400, 1600, 1, [0.8, 0.5])).toEqual({ left: 800, top: 0, width: 1600, height: 1600 });
    expect(cropAround(2400, 1600, 1, [0.4, 0.5])).toEqual({ left: 160, top: 0, width: 1600, height: 1600 });
  });

  test('crops a portrait across its height around the focal point', () => {
    const crop = cropAround(1000, 1500, 16 / 9, [0.5, 0.2]);
    expect(crop).toEqual({ left: 0, top: 19, width: 1000, height: 563 });
    // The focal point's row lies inside the crop.
    expect(crop.top).toBeLessThanOrEqual(300);
    expect(crop.top + crop.height).toBeGreaterThanOrEqual(300);
  });
});
