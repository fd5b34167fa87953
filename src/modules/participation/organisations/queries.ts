// SQL of the organisation memberships: which accounts may post on behalf of a conseil citoyen
// or an association. The organisations themselves are rows of the policy module's directory
// (`organisations`, decision 0017), joined here for their names and kinds.
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import "../proposals/schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Organisations a resident's group may be: conseils citoyens and associations of the directory. */
export const MEMBER_KINDS = ["conseil_citoyen", "association"] as const;

export async function organisationsOf(db: Db, userId: number) {
  return db
    .selectFrom("participation_memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select(["o.id", "o.name", "o.kind"])
    .where("m.user_id", "=", userId)
    .where("o.kind", "in", [...MEMBER_KINDS])
    .orderBy("o.name")
    .execute();
}

export async function isMember(db: Db, organisationId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom("participation_memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select("m.user_id")
    .where("m.organisation_id", "=", organisationId)
    .where("m.user_id", "=", userId)
    .where("o.kind", "in", [...MEMBER_KINDS])
    .executeTakeFirst();
  return row !== undefined;
}

/** Conseils citoyens and associations with their member count (back-office list). */
export async function memberOrganisations(db: Db) {
  return db
    .selectFrom("organisations as o")
    .select([
      "o.id",
      "o.slug",
      "o.name",
      "o.kind",
      sql<number>`(select count(*)::int from participation_memberships m where m.organisation_id = o.id)`.as("members"),
    ])
    .where("o.kind", "in", [...MEMBER_KINDS])
    .orderBy("o.name")
    .execute();
}

export async function findMemberOrganisation(db: Db, id: number) {
  return db
    .selectFrom("organisations")
    .select(["id", "slug", "name", "kind"])
    .where("id", "=", id)
    .where("kind", "in", [...MEMBER_KINDS])
    .executeTakeFirst();
}

export async function listMembers(db: Db, organisationId: number) {
  return db
    .selectFrom("participation_memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.display_name", "u.email", "m.created_at"])
    .where("m.organisation_id", "=", organisationId)
    .orderBy("u.display_name")
    .orderBy("u.id")
    .execute();
}

/** An account by its address (the back office adds a member by e-mail). */
export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "email", "email_verified_at"])
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export async function addMember(db: Db, organisationId: number, userId: number, addedBy: number, now: Date): Promise<boolean> {
  const row = await db
    .insertInto("participation_memberships")
    .values({ organisation_id: organisationId, user_id: userId, added_by: addedBy, created_at: now })
    .onConflict((oc) => oc.columns(["organisation_id", "user_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function removeMember(db: Db, organisationId: number, userId: number): Promise<boolean> {
  const r = await db.deleteFrom("participation_memberships").where("organisation_id", "=", organisationId).where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function membershipsByUser(db: Db, userId: number) {
  return db
    .selectFrom("participation_memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select(["o.name", "m.created_at"])
    .where("m.user_id", "=", userId)
    .execute();
}
