/**
 * The addresses and headers the browser harness (electron/harness) and the renderer's HTTP
 * bridge agree on. Relative paths: the page resolves them against its own origin, so the harness
 * may serve on any loopback port.
 */

/** Written into the page by the harness, so the renderer knows to use the HTTP bridge (not a secret). */
export const HARNESS_META_NAME = 'planner-harness';
/** POST: one call of window.api ({ method, input }), answered with a result envelope. */
export const API_PATH = 'api';
/** Set to '1' on an answer to a successful call that changed data (the page then raises data:changed). */
export const DATA_CHANGED_HEADER = 'X-Planner-Data-Changed';
/** POST: a plan bundle's bytes, saved into the harness's per-run folder; answers its path there. */
export const UPLOAD_PATH = 'files/upload';
/** GET ?file=PATH: a bundle the harness wrote into its per-run folder, as a download. */
export const DOWNLOAD_PATH = 'files/download';
/** The uploaded file's own name, URI-encoded. */
export const FILE_NAME_HEADER = 'X-Planner-File-Name';
/** GET: the harness's push events (Server-Sent Events, e.g. 'progress'), with the same session checks as the API. */
export const EVENTS_PATH = 'api/events';
