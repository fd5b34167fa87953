// View-models shared by templates: plain data, already formatted where formatting is
// presentation-independent. Views never receive database rows.

export interface ImageView {
  fallbackSrc: string; // JPEG, largest variant
  avifSrcset: string | null; // null when the image has no AVIF variants (older uploads)
  webpSrcset: string; // "" when there are no WebP variants
  jpegSrcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** "focal-x-30 focal-y-70": object-position classes for fixed-ratio crops (cards). */
  focalClass: string;
}

export interface TagView {
  slug: string;
  name: string;
  href: string;
}

export interface CardView {
  id: number;
  url: string;
  title: string;
  teaser: string; // standfirst cut at a word boundary
  date: Date | null;
  tag: TagView | null; // main theme
  image: ImageView | null;
}
