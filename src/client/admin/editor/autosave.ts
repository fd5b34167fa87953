// The content edit form (`form[data-module="content-form"]`): slug from the title, a
// "Modifications non enregistrées" status, a warning before leaving with unsaved changes,
// and, on forms with data-autosave-url, the draft autosave: 3 s after the last change and
// at least every 15 s while typing, one request at a time, the hidden "version" updated
// from each answer so that the next save (automatic or not) is not seen as a conflict.
// Without JavaScript the form is a plain form: nothing here is needed to save.
import { AutosaveScheduler, interpretResponse, type SaveOutcome } from "./autosave-logic.js";
import { initSlugFields } from "./slug.js";

const UNSAVED = "Modifications non enregistrées";

/** "Brouillon enregistré à 14 h 32" -> "Brouillon enregistré à 14 h 32." */
function sentence(message: string): string {
  return /[.!?…]$/.test(message) ? message : `${message}.`;
}

/** The form's fields as sent by the browser (files left out: the draft endpoint takes text). */
export function formParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  new FormData(form).forEach((value, name) => {
    if (typeof value === "string") params.append(name, value);
  });
  return params;
}

/** What "unsaved changes" compares: every field but the bookkeeping ones. */
function snapshot(form: HTMLFormElement): string {
  const params = formParams(form);
  params.delete("version");
  params.delete("_csrf");
  return params.toString();
}

export function initContentForm(el: HTMLElement): void {
  if (!(el instanceof HTMLFormElement)) return;
  const form = el;
  initSlugFields(form);

  const autosaveUrl = form.dataset.autosaveUrl ?? "";
  const scheduler = new AutosaveScheduler();
  const regions = addStatusRegions(form);
  const status = regions.status;
  const alert = regions.alert;

  let saved = snapshot(form);
  let dirty = false;
  let submitting = false;
  let timer: number | undefined;
  let current: Promise<void> | null = null;
  // A message that explains why saving stopped or failed stays until a save succeeds.
  let sticky = false;

  const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
    if (!dirty || submitting) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = "";
  };

  const setStatus = (message: string, keep = false) => {
    sticky = keep;
    status.textContent = message;
  };

  const setDirty = (value: boolean) => {
    if (value === dirty) return;
    dirty = value;
    form.dataset.dirty = String(value);
    // Listening only while needed keeps the page eligible for the back/forward cache.
    if (value) window.addEventListener("beforeunload", warnBeforeLeaving);
    else window.removeEventListener("beforeunload", warnBeforeLeaving);
  };

  const refreshDirty = () => {
    setDirty(snapshot(form) !== saved);
    if (sticky || scheduler.saving) return;
    if (dirty) setStatus(UNSAVED);
    else if (status.textContent === UNSAVED) setStatus("");
  };

  const schedule = () => {
    window.clearTimeout(timer);
    const due = scheduler.dueAt();
    if (due === null || !autosaveUrl || submitting) return;
    timer = window.setTimeout(save, Math.max(0, due - Date.now()));
  };

  const save = () => {
    if (current || submitting) return;
    const body = formParams(form);
    const sent = snapshot(form);
    if (sent === saved) {
      scheduler.skip();
      refreshDirty();
      return;
    }
    scheduler.start();
    setStatus("Enregistrement du brouillon…");
    current = send(autosaveUrl, body)
      .then((outcome) => apply(outcome, sent))
      .finally(() => {
        current = null;
        schedule();
      });
  };

  const apply = (outcome: SaveOutcome, sent: string) => {
    switch (outcome.kind) {
      case "saved": {
        scheduler.succeeded();
        const version = form.elements.namedItem("version");
        if (version instanceof HTMLInputElement && outcome.version !== null) version.value = outcome.version;
        saved = sent;
        setDirty(snapshot(form) !== saved);
        // Changes typed while the draft was on its way are saved next; say so.
        setStatus(dirty ? `${sentence(outcome.message)} Modifications plus récentes non enregistrées.` : outcome.message);
        break;
      }
      case "conflict": {
        scheduler.stop();
        showAlert(alert, outcome.title, outcome.detail, outcome.conflictUrl);
        setStatus("Enregistrement automatique arrêté : enregistrez vos modifications avec le bouton du formulaire.", true);
        break;
      }
      case "invalid":
        scheduler.rejected();
        setStatus(outcome.message, true);
        break;
      case "forbidden":
        scheduler.stop();
        setStatus(outcome.message, true);
        break;
      case "retry":
        scheduler.failed(Date.now());
        setStatus(outcome.message, true);
        break;
    }
  };

  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  function onChange() {
    if (submitting) return;
    refreshDirty();
    if (!dirty) return;
    scheduler.change(Date.now());
    schedule();
  }

  form.addEventListener("submit", (event) => {
    window.clearTimeout(timer);
    if (current) {
      // An automatic save is on its way and will change the version: submit once it is back,
      // with the version it returns, rather than be refused as a conflict.
      event.preventDefault();
      const submitter = (event as SubmitEvent).submitter ?? null;
      current.then(() => (submitter && form.contains(submitter) ? form.requestSubmit(submitter) : form.requestSubmit()));
      return;
    }
    submitting = true;
    // Another script may still cancel this submission: then the page stays as it was.
    window.setTimeout(() => {
      if (event.defaultPrevented) {
        submitting = false;
        schedule();
      }
    }, 0);
  });
  // Coming back with the browser's Back button restores the page as it was left.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) submitting = false;
  });
}

async function send(url: string, body: URLSearchParams): Promise<SaveOutcome> {
  const csrf = body.get("_csrf") ?? "";
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: body.toString(),
      credentials: "same-origin",
      redirect: "manual", // a redirect means the session is gone: do not follow it to the sign-in page
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
        "X-CSRF-Token": csrf,
      },
    });
  } catch {
    return interpretResponse(503, undefined);
  }
  if (response.type === "opaqueredirect") return interpretResponse(0, undefined);
  let data: unknown;
  if (/json/i.test(response.headers.get("content-type") ?? "")) {
    try {
      data = await response.json();
    } catch {
      data = undefined;
    }
  }
  return interpretResponse(response.status, data);
}

function addStatusRegions(form: HTMLFormElement): { status: HTMLElement; alert: HTMLElement } {
  const alert = document.createElement("div");
  alert.className = "autosave-alert";
  alert.setAttribute("role", "alert");
  // The page may already have a place for the status next to its buttons; else one is added.
  const existing = form.querySelector<HTMLElement>("[data-autosave-status]");
  if (existing) {
    existing.classList.add("autosave-status");
    existing.setAttribute("role", "status");
    (existing.parentElement === form ? existing : (existing.parentElement ?? existing)).after(alert);
    return { status: existing, alert };
  }
  const status = document.createElement("p");
  status.className = "autosave-status";
  status.setAttribute("role", "status");
  // Next to the form's buttons, where people look after pressing one.
  const buttons = form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');
  const last = buttons[buttons.length - 1];
  const anchor = last ? (last.parentElement === form ? last : last.parentElement) : null;
  if (anchor) anchor.after(status, alert);
  else form.append(status, alert);
  return { status, alert };
}

function showAlert(alert: HTMLElement, title: string, detail: string, url: string | null) {
  const box = document.createElement("div");
  box.className = "notice notice--warning autosave-alert__box";
  const heading = document.createElement("p");
  heading.className = "autosave-alert__title";
  heading.textContent = title;
  const text = document.createElement("p");
  text.textContent = detail;
  box.append(heading, text);
  if (url) {
    const link = document.createElement("a");
    link.href = url;
    link.textContent = "Voir les deux versions et choisir";
    const p = document.createElement("p");
    p.append(link);
    box.append(p);
  }
  alert.replaceChildren(box);
}
