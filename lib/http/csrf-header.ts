// Shared by the server's check (lib/access/authenticate-request.ts) and the dashboard's fetches
// (components/api.ts): a plain constant, so it carries no server-only import into the browser.

/** The header the dashboard sends with every change it makes; cookie-authenticated changes need it. */
export const CSRF_HEADER = "X-Stowage-CSRF";
