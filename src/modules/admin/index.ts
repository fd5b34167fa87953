// The back office's shared frame and access rules, used by every module's admin routes.
export { AdminFrame, serveAdminPage, type AdminPageResult } from "./frame.js";
export { registerAdminGuard, requireStaff, staffActor, ENROL_PATH, type StaffActor } from "./guard.js";
