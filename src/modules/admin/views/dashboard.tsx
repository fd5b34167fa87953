import type { PageContext } from "../../../ui/context.js";
import { AdminFrame } from "../frame.js";
import type { StaffActor } from "../guard.js";

export function Dashboard(props: { ctx: PageContext; actor: StaffActor }) {
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Tableau de bord">
      <p>Bienvenue dans l’administration du site.</p>
    </AdminFrame>
  );
}
