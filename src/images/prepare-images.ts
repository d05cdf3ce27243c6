import { existsSync } from 'node:fs';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { DerivedStore } from './derived-store.js';
import type { EncodeJob } from './encode-missing.js';
import { createImageCatalog, type ImageCatalog, type ImageUse } from './image-catalog.js';
import type { ImageEncoder } from './image-encoder.js';
import type { ImageSlot, ImagesConfig } from './images-config.js';
import { createLocator, type ImageFolders, type LocatedImage } from './locate-image.js';
import { SHARE_WIDTH } from './plan-share-images.js';
import { type ImageReference, readSources } from './read-sources.js';
import type { SourceImage } from './source-image.js';

/** Content that shows images: an article (lead and body images) or an author profile (avatar). */
export interface ImageOwner {
  /** Names the owner in `SiteImages` lookups: an article's source path (the default), `avatarOwnerId(slug)` for a profile. */
  readonly id?: string;
  /** Content-relative path: relative image paths resolve beside it. */
  readonly sourcePath: string;
  /** Path for messages. */
  readonly displayPath: string;
  /** The lead image (or avatar) with its focus and the place of its `src`. */
  readonly lead: (ImageUse & { readonly place: Place | undefined }) | undefined;
  /** `lead` is an avatar: planned in the avatar slot, with no share images. */
  readonly avatar?: boolean;
  /** `lead` is the publisher's logo: read and checked only, as structured data links the original. */
  readonly logo?: boolean;
  /** Images in the body, with their places in the file. */
  readonly body: readonly { readonly src: string; readonly place: Place | undefined }[];
  /** Shown as the home page's headline: its card is planned large. */
  readonly featured?: boolean;
}

/** What the image stage gives the rest of the build. */
export interface PreparedImages {
  readonly catalog: ImageCatalog;
  /** What was read of every local image used, by absolute file path: the catalog's input (render threads rebuild it). */
  readonly sources: ReadonlyMap<string, SourceImage>;
  /** Missing, broken and oversized images (errors), small lead images (warnings). */
  readonly diagnostics: readonly Diagnostic[];
  /** What to encode (nothing in CDN mode or with the pipeline off). */
  readonly jobs: readonly EncodeJob[];
  /** Page bundles' originals to publish: output path (`nasional/banjir/foto-1.jpg`) → absolute file. */
  readonly originals: ReadonlyMap<string, string>;
  /** How many source files were decoded (the rest came from the store). */
  readonly read: number;
}

/** What the stage needs besides the owners. */
export interface PrepareOptions {
  readonly config: ImagesConfig | false;
  readonly folders: ImageFolders;
  readonly store: DerivedStore;
  readonly encoder: () => Promise<ImageEncoder>;
  readonly href: (urlPath: string) => string;
  readonly absolute: (urlPath: string) => string;
  readonly displayPath: (file: string) => string;
}

/**
 * The image stage's first half (an I/O edge): finds every local image the
 * content uses, reads each once (or takes it from the store), reports the
 * broken ones at every place that uses them, and plans every derived file.
 * Pages can be rendered from the catalog at once; the jobs are encoded
 * afterwards, or alongside.
 */
export async function prepareImages(owners: readonly ImageOwner[], options: PrepareOptions): Promise<PreparedImages> {
  const locate = createLocator(options.folders);
  const references: ImageReference[] = [];
  const originals = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const uses = (owner: ImageOwner) => [
    ...(owner.lead ? [owner.lead] : []),
    ...owner.body.map((image) => ({ ...image, owner: owner.sourcePath })),
  ];
  for (const owner of owners)
    for (const use of uses(owner)) {
      const located = locate(use.src, owner.sourcePath);
      if (!located) continue;
      if ('outside' in located) {
        diagnostics.push(
          createDiagnostic({
            file: owner.displayPath,
            place: use.place,
            reason: `Unexpected image path "${use.src}" outside the content folder, expected a file beside the article or a site path such as /images/x.jpg`,
            ruleId: 'image-outside',
          }),
        );
        continue;
      }
      if (located.inContent && existsSync(located.file)) originals.set(located.urlPath.slice(1), located.file);
      // With the pipeline off, images are linked as written, as before it existed: nothing to read.
      if (options.config)
        references.push({
          ...located,
          written: use.src,
          usedBy: { file: owner.displayPath, place: use.place },
          headerOnly: options.config.service !== undefined && !('focus' in use && use.focus === 'auto'),
        });
    }
  const { config } = options;
  const readings = config
    ? await readSources(references, { ...options, pixelLimit: config.pixelLimit })
    : { sources: new Map<string, SourceImage>(), diagnostics: [], read: 0 };
  const catalog = createImageCatalog({ ...options, sources: readings.sources, locate });
  const jobs: EncodeJob[] = [];
  if (config)
    for (const owner of owners) {
      const plan = (use: ImageUse, slots: readonly (ImageSlot | 'share')[]) => {
        const located = locate(use.src, owner.sourcePath) as LocatedImage | undefined;
        if (!located || 'outside' in located || !readings.sources.has(located.file)) return;
        const derivatives = slots.flatMap((slot) => catalog.derivatives(use, slot));
        if (!config.service && derivatives.length > 0) jobs.push({ file: located.file, derivatives });
      };
      if (owner.lead && !owner.logo)
        plan(
          owner.lead,
          owner.avatar ? ['avatar'] : ['lead', 'card', 'share', ...(owner.featured ? ['featured' as const] : [])],
        );
      for (const image of owner.body) plan({ src: image.src, owner: owner.sourcePath }, ['body']);
      const small = owner.lead && !owner.avatar && !owner.logo ? catalog.share(owner.lead) : undefined;
      if (small?.small)
        diagnostics.push(
          createDiagnostic({
            file: owner.displayPath,
            place: owner.lead?.place,
            severity: 'warning',
            reason: `Unexpected lead image ${small.structured[0]?.width ?? 0} px wide, expected at least ${SHARE_WIDTH} px for large previews in Google Discover and Top Stories`,
            ruleId: 'image-small',
          }),
        );
    }
  return {
    catalog,
    sources: readings.sources,
    diagnostics: [...diagnostics, ...readings.diagnostics],
    jobs,
    originals,
    read: readings.read,
  };
}
