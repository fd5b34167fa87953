// Domain errors: services throw these, and one error handler maps them to French HTML
// pages or JSON problems. No HTTP types here.
export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ValidationError extends Error {
  constructor(
    /** A French message per form field. */
    public readonly fields: Record<string, string>,
    message = "Validation failed",
    /** The values as typed (or normalised by the service), to fill the form again. */
    public readonly values?: unknown,
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "Forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The resource lives at another path now (renamed or moved): answered with a 301. */
export class MovedError extends Error {
  constructor(public readonly location: string) {
    super("Moved permanently");
    this.name = "MovedError";
  }
}

export class ConflictError extends Error {
  constructor(message = "Conflict") {
    super(message);
    this.name = "ConflictError";
  }
}
