// View-models shared by templates: plain data, already formatted where formatting is
// presentation-independent. Views never receive database rows.

export interface ImageView {
  fallbackSrc: string; // JPEG, largest variant
  webpSrcset: string;
  jpegSrcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
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
