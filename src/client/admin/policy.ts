// Back-office scripts of the policy area, by data-module name.
//
// policy-rows: the funding lines and milestones of the action form. Without JavaScript
// the form already offers three empty rows (blank rows are ignored by the server); this
// adds an "Ajouter une ligne" button that copies the last row, empty, with the next
// index in its field names (funding_<n>_amount...), and moves focus to its first field.

function renumber(value: string, prefix: string, index: number): string {
  return value.replace(new RegExp(`${prefix}_\\d+_`, "g"), `${prefix}_${index}_`);
}

function initRows(fieldset: HTMLElement) {
  const prefix = fieldset.dataset.rowPrefix;
  const body = fieldset.querySelector("tbody");
  if (!prefix || !body || !/^[a-z]+$/.test(prefix)) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button--secondary pdv-rows__add";
  button.textContent = prefix === "funding" ? "Ajouter une ligne de financement" : "Ajouter une étape";
  fieldset.appendChild(button);
  const live = document.querySelector<HTMLElement>("[data-live-region]");

  button.addEventListener("click", () => {
    const rows = body.querySelectorAll<HTMLTableRowElement>("tr[data-row]");
    const last = rows[rows.length - 1];
    if (!last) return;
    const index = rows.length;
    const number = index + 1;
    const row = last.cloneNode(true) as HTMLTableRowElement;
    for (const el of row.querySelectorAll(".field__error")) el.remove();
    for (const el of row.querySelectorAll(".field--error")) el.classList.remove("field--error");
    row.querySelectorAll<HTMLElement>("[name], [id], [for], [aria-describedby]").forEach((el) => {
      for (const attr of ["name", "id", "for"]) {
        const value = el.getAttribute(attr);
        if (value) el.setAttribute(attr, renumber(value, prefix, index));
      }
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    });
    row.querySelectorAll<HTMLInputElement>("input").forEach((input) => {
      if (input.type === "checkbox") input.checked = false;
      else input.value = "";
    });
    row.querySelectorAll<HTMLSelectElement>("select").forEach((select) => {
      select.selectedIndex = 0;
    });
    // "Montant en euros, ligne 3" -> "..., ligne 4"; the row header shows the number too.
    row.querySelectorAll<HTMLElement>("label .sr-only, label.sr-only").forEach((label) => {
      label.textContent = (label.textContent ?? "").replace(/\d+(?=\D*$)/, String(number));
    });
    const header = row.querySelector<HTMLElement>("[data-row-number]");
    if (header) header.textContent = String(number);
    body.appendChild(row);
    const first = row.querySelector<HTMLElement>("select, input");
    if (first) first.focus();
    if (live) live.textContent = prefix === "funding" ? `Ligne de financement ${number} ajoutée.` : `Étape ${number} ajoutée.`;
  });
}

export const policyModules: Record<string, (el: HTMLElement) => void> = {
  "policy-rows": initRows,
};
