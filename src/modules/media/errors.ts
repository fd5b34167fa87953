// Refusals of the image pipeline that the person uploading can act on. The messages are
// French and safe to show as they are (no file names, no decoder output).
export type UploadErrorCode =
  | "too_large"
  | "bad_type"
  | "too_many_pixels"
  | "corrupt"
  | "alt_required"
  | "alt_too_long"
  | "caption_too_long"
  | "credit_too_long";

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

const megabytes = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} Mo` : `${Math.ceil(bytes / 1024)} ko`);

export const uploadErrors = {
  tooLarge: (max: number) => new UploadError("too_large", `Le fichier dépasse ${megabytes(max)}.`),
  badType: () => new UploadError("bad_type", "Ce fichier n’est pas une image JPEG, PNG ou WebP."),
  tooManyPixels: (maxPixels: number) =>
    new UploadError("too_many_pixels", `L’image est trop grande (plus de ${Math.round(maxPixels / 1_000_000)} millions de pixels).`),
  corrupt: () => new UploadError("corrupt", "Le fichier est endommagé ou incomplet."),
};
