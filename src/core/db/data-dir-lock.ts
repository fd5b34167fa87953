// PGlite is one process's database: two processes opening the same folder each keep their
// own copy in memory and the last to close overwrites the other's writes (an admin created
// by `npm run create-admin` while `npm start` ran was silently lost). So whoever opens the
// embedded database first holds a lock file beside it, and every other opener (the server,
// a CLI command) stops at once with a message saying what to do.
//
// The lock is a file created with O_EXCL holding the owner's pid and host. A lock whose
// process is gone (crash, SIGKILL, reboot) is stale and taken over; a live owner is never
// overridden. PostgreSQL servers need none of this: they serve many clients.
import fs from "node:fs/promises";
import os from "node:os";

export class DataDirLockedError extends Error {
  constructor(
    public readonly lockPath: string,
    public readonly ownerPid: number,
  ) {
    super(
      `La base de données intégrée est déjà ouverte par un autre processus (pid ${ownerPid}, sans doute « npm start »). ` +
        "Une base PGlite ne peut servir qu’un processus à la fois : arrêtez le serveur, lancez la commande, puis redémarrez-le " +
        "(ou utilisez un serveur PostgreSQL avec DATABASE_URL, qui accepte plusieurs clients). " +
        `Si aucun processus Portail ne tourne, supprimez le fichier ${lockPath}.`,
    );
    this.name = "DataDirLockedError";
  }
}

interface Owner {
  pid: number;
  host: string;
}

async function readOwner(lockPath: string): Promise<Owner | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockPath, "utf8")) as Partial<Owner>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string") return { pid: parsed.pid, host: parsed.host };
  } catch {
    // Missing or half-written (the owner died between open and write): treat as stale.
  }
  return null;
}

function isAlive(owner: Owner): boolean {
  // A lock written by another machine (a shared network folder) cannot be checked: keep it.
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DataDirLockedError; returns the function that releases it. */
export async function lockDataDir(lockPath: string): Promise<() => Promise<void>> {
  const me: Owner = { pid: process.pid, host: os.hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = await fs.open(lockPath, "wx", 0o600);
      try {
        await file.writeFile(JSON.stringify({ ...me, since: new Date().toISOString() }));
      } finally {
        await file.close();
      }
      return async () => {
        const owner = await readOwner(lockPath);
        if (owner && owner.pid === me.pid && owner.host === me.host) await fs.rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = await readOwner(lockPath);
      if (owner && isAlive(owner)) throw new DataDirLockedError(lockPath, owner.pid);
      // Stale: its process is gone. Remove it and try again.
      await fs.rm(lockPath, { force: true });
    }
  }
  const owner = await readOwner(lockPath);
  throw new DataDirLockedError(lockPath, owner?.pid ?? 0);
}
