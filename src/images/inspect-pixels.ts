import type { Sharp, SharpOptions } from 'sharp';
import type { FocalPoint } from './focal-crop.js';

/** sharp's constructor, as the encoder loaded it. */
export type SharpFactory = (input?: Uint8Array, options?: SharpOptions) => Sharp;

/** Side of the shrunk copy the attention strategy looks at: enough for a focal point, cheap to decode. */
const ATTENTION_SIZE = 256;

/**
 * The point sharp's attention strategy (luminance frequency, saturation, skin
 * tones) picks, as fractions: decoding a shrunk copy checks every byte of the
 * file as well, so a truncated or corrupt image fails here, where it is named.
 */
export async function findAttention(create: SharpFactory, bytes: Uint8Array): Promise<FocalPoint> {
  const small = await create(bytes, { failOn: 'error', limitInputPixels: false })
    .autoOrient()
    .resize(ATTENTION_SIZE, ATTENTION_SIZE, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = small.info;
  const { info } = await create(small.data, { raw: { width, height, channels } })
    // A narrow strip at full height: nothing is scaled, so the point is in this copy's pixels.
    .resize(Math.max(1, Math.round(width / 4)), height, { fit: 'cover', position: 'attention' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [(info.attentionX ?? width / 2) / width, (info.attentionY ?? height / 2) / height];
}

/**
 * Every pixel is opaque: an alpha channel that shows nothing (a screenshot's
 * PNG often has one) asks for no PNG fallback, three times a JPEG's size and
 * twice its encoding time. Only sources with an alpha channel are decoded for it.
 */
export async function isOpaque(create: SharpFactory, bytes: Uint8Array): Promise<boolean> {
  return (await create(bytes, { limitInputPixels: false }).stats()).isOpaque;
}
