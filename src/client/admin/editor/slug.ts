// Fills the URL segment ("slug") from the title while the person types the title, as long
// as the slug was empty when the page loaded and has not been edited by hand since.
// Emptying the slug by hand hands it back to the title. Without JavaScript the server
// derives the slug from the title when the field is left empty.
import { slugify } from "../../../lib/text.js";

/** The follow-the-title rule, without the DOM: returns the slug to show, or null to leave it. */
export class SlugFollower {
  private following: boolean;

  constructor(initialSlug: string) {
    this.following = initialSlug.trim() === "";
  }

  get isFollowing(): boolean {
    return this.following;
  }

  titleChanged(title: string): string | null {
    return this.following ? slugify(title) : null;
  }

  slugEdited(slug: string): void {
    this.following = slug.trim() === "";
  }
}

/** Wires every `input[data-slug-source]` of the form to the field named by that attribute. */
export function initSlugFields(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLInputElement>("input[data-slug-source]").forEach((slugInput) => {
    const source = form.elements.namedItem(slugInput.dataset.slugSource ?? "");
    if (!(source instanceof HTMLInputElement || source instanceof HTMLTextAreaElement)) return;
    const follower = new SlugFollower(slugInput.value);
    source.addEventListener("input", () => {
      const slug = follower.titleChanged(source.value);
      if (slug !== null && slug !== slugInput.value) slugInput.value = slug;
    });
    slugInput.addEventListener("input", () => follower.slugEdited(slugInput.value));
  });
}
