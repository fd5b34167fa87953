// The decisions of the draft autosave, kept free of the DOM and of timers so that they can
// be tested with plain numbers: when to save, and what a server answer means.

export interface ScheduleOptions {
  /** Quiet time after the last change before saving. */
  debounceMs: number;
  /** While the person keeps typing, save at least this often. */
  maxWaitMs: number;
  /** First delay before trying again after a network or server failure (doubled each time). */
  retryMs: number;
  /** Longest delay between two tries. */
  maxRetryMs: number;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = { debounceMs: 3_000, maxWaitMs: 15_000, retryMs: 10_000, maxRetryMs: 60_000 };

/**
 * Debounce with a maximum wait, one save at a time. Times are milliseconds from any
 * clock; the caller sets a timer for `dueAt() - now` and calls `start` when it fires.
 */
export class AutosaveScheduler {
  private firstPendingAt: number | null = null; // first change not yet sent
  private lastPendingAt: number | null = null; // last change not yet sent
  private sentFrom: number | null = null; // firstPendingAt of the request in flight
  private notBefore: number | null = null; // no retry before this time
  private failures = 0;
  private stoppedFlag = false;
  private inFlight = false;

  constructor(private readonly options: ScheduleOptions = DEFAULT_SCHEDULE) {}

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  get saving(): boolean {
    return this.inFlight;
  }

  /** The person changed something at `now`. */
  change(now: number): void {
    if (this.stoppedFlag) return;
    this.firstPendingAt ??= now;
    this.lastPendingAt = now;
  }

  /** When the next save should start, or null when there is nothing to send (or a save is running). */
  dueAt(): number | null {
    if (this.stoppedFlag || this.inFlight || this.firstPendingAt === null || this.lastPendingAt === null) return null;
    const due = Math.min(this.lastPendingAt + this.options.debounceMs, this.firstPendingAt + this.options.maxWaitMs);
    return this.notBefore === null ? due : Math.max(due, this.notBefore);
  }

  /** A save starts now: everything changed so far is in it. */
  start(): void {
    this.inFlight = true;
    this.sentFrom = this.firstPendingAt;
    this.firstPendingAt = null;
    this.lastPendingAt = null;
  }

  /** Nothing needed saving after all (the form is back to its saved state). */
  skip(): void {
    this.firstPendingAt = null;
    this.lastPendingAt = null;
  }

  /** The server kept the draft. */
  succeeded(): void {
    this.inFlight = false;
    this.sentFrom = null;
    this.notBefore = null;
    this.failures = 0;
  }

  /** The server refused this content (invalid input): wait for the next change to try again. */
  rejected(): void {
    this.inFlight = false;
    this.sentFrom = null;
  }

  /** Network or server failure at `now`: the changes sent are pending again; retry later, backing off. */
  failed(now: number): number {
    this.inFlight = false;
    this.failures += 1;
    const delay = Math.min(this.options.maxRetryMs, this.options.retryMs * 2 ** (this.failures - 1));
    this.notBefore = now + delay;
    const sentFrom = this.sentFrom ?? now;
    this.firstPendingAt = this.firstPendingAt === null ? sentFrom : Math.min(this.firstPendingAt, sentFrom);
    this.lastPendingAt ??= now;
    this.sentFrom = null;
    return delay;
  }

  /** A conflict or a lost permission: no more automatic saves on this page. */
  stop(): void {
    this.inFlight = false;
    this.stoppedFlag = true;
    this.firstPendingAt = null;
    this.lastPendingAt = null;
  }
}

export type SaveOutcome =
  | { kind: "saved"; version: string | null; message: string }
  | { kind: "conflict"; title: string; detail: string; conflictUrl: string | null }
  | { kind: "invalid"; message: string }
  | { kind: "forbidden"; message: string }
  | { kind: "retry"; message: string };

const RETRY_MESSAGE = "Le brouillon n’a pas pu être enregistré (connexion ou serveur indisponible). Nouvel essai automatique dans quelques instants.";
const FORBIDDEN_MESSAGE =
  "Enregistrement automatique interrompu : votre session a peut-être expiré. Vos modifications sont toujours dans la page : enregistrez-les avec le bouton du formulaire.";

/**
 * What an answer of the draft endpoint means. `status` 0 stands for a redirect that was
 * not followed (a sign-in page); `body` is the parsed JSON, or undefined when there was none.
 */
export function interpretResponse(status: number, body: unknown, now: Date = new Date()): SaveOutcome {
  const data = isRecord(body) ? body : {};
  if (status >= 200 && status < 300) {
    if (!isRecord(body)) return { kind: "retry", message: RETRY_MESSAGE };
    const version = data.version === undefined || data.version === null ? null : String(data.version);
    const savedAt = typeof data.savedAt === "string" ? new Date(data.savedAt) : now;
    const message = text(data.message) ?? `Brouillon enregistré à ${formatTime(Number.isNaN(savedAt.getTime()) ? now : savedAt)}`;
    return { kind: "saved", version, message };
  }
  if (status === 409 || status === 422) {
    return {
      kind: "conflict",
      title: text(data.title) ?? "Enregistrement automatique arrêté",
      detail: text(data.detail) ?? "Le contenu a été modifié ailleurs depuis l’ouverture de cette page.",
      conflictUrl: text(data.conflictUrl) ?? null,
    };
  }
  if (status === 400) {
    const details = errorMessages(data.errors);
    const reason = details.length > 0 ? details.join(" ") : (text(data.detail) ?? "certains champs sont à corriger");
    return { kind: "invalid", message: `Enregistrement automatique impossible : ${reason}` };
  }
  if (status === 0 || status === 401 || status === 403) return { kind: "forbidden", message: FORBIDDEN_MESSAGE };
  return { kind: "retry", message: RETRY_MESSAGE };
}

/** "14 h 32", the French way of writing a time of day. */
export function formatTime(date: Date): string {
  return `${date.getHours()} h ${String(date.getMinutes()).padStart(2, "0")}`;
}

function errorMessages(errors: unknown): string[] {
  if (Array.isArray(errors)) {
    return errors.map((e) => (isRecord(e) ? (text(e.message) ?? text(e.detail)) : text(e))).filter((m): m is string => m !== undefined);
  }
  if (isRecord(errors))
    return Object.values(errors)
      .map(text)
      .filter((m): m is string => m !== undefined);
  return [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
