// What the media module offers to other modules (import only from here).
export { mediaUrl, presentImage, focalClass, formatsOf } from "./present.js";
export { listUsableImages, MEDIA_COLUMNS, searchExpr as imageSearchExpr } from "./queries.js";
// Facts of the images public pages show, kept in memory for one page cache generation (facts.ts).
export { imageFacts } from "./facts.js";
export { mediaByIds } from "./queries.js";
export { mediaUsage, inUseMessage, MediaError, type MediaUse } from "./usage.js";
export { FORMAT_MIME, VARIANT_WIDTHS, type VariantFormat } from "./pipeline.js";
export { sweepMediaFiles } from "./sweep.js";
export { variantFileSize } from "./store.js";
// Upload pipeline for other modules' forms (participation: the image of a resident's idea).
export { MAX_UPLOAD_BYTES, processUpload, receiveUpload, UploadError } from "./upload.js";
export { uploadErrors } from "./errors.js";
export { readUploadForm } from "./upload-form.js";
