import type { ImageView } from "../view-models.js";

/**
 * Responsive image: AVIF then WebP when the image has them, JPEG fallback, fixed intrinsic
 * size to avoid layout shifts. `crop`: the image fills a fixed-ratio box (cards), framed on
 * its focal point through the focal-x-* / focal-y-* classes. `eager`: the image is the page's
 * largest above the fold (article hero, home lead): loaded at once and first, never lazily.
 */
export function Picture({ image, sizes, eager, crop }: { image: ImageView; sizes: string; eager?: boolean; crop?: boolean }) {
  return (
    <picture>
      {image.avifSrcset ? <source type="image/avif" srcset={image.avifSrcset} sizes={sizes} /> : null}
      {image.webpSrcset ? <source type="image/webp" srcset={image.webpSrcset} sizes={sizes} /> : null}
      <img
        class={crop ? image.focalClass : undefined}
        src={image.fallbackSrc}
        srcset={image.jpegSrcset}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={eager ? "eager" : "lazy"}
        fetchpriority={eager ? "high" : undefined}
        decoding="async"
      />
    </picture>
  );
}

/** A figure with its caption and credit, as under an article's hero image. */
export function Figure({ image, sizes, eager }: { image: ImageView; sizes: string; eager?: boolean }) {
  return (
    <figure class="figure">
      <Picture image={image} sizes={sizes} eager={eager} />
      {image.caption || image.credit ? (
        <figcaption class="figure__caption">
          {image.caption}
          {image.credit ? <span class="figure__credit"> {image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
