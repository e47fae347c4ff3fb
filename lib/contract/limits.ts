/** Sizes and page limits of the API, declared once for the server, the forms and the CLI. */
export const NAME_MAX_CHARS = 63;
export const DESCRIPTION_MAX_CHARS = 1000;
export const SCRIPT_MAX_BYTES = 64 * 1024;
/** Patch output kept per run; longer output keeps its end (where errors are). */
export const OUTPUT_MAX_CHARS = 64 * 1024;
export const BODY_MAX_BYTES = 1024 * 1024;

export const TREE_PAGE_MAX = 10;
/** Sibling sandboxes listed per tree node; more are counted as "10+". */
export const SIBLINGS_MAX = 10;
/** Vercel's tree lists 9 sibling snapshots per node, and writes a count (the node included) above 10 as "10+". */
export const VERCEL_SIBLINGS_LISTED = 9;
export const VERCEL_COUNT_CAP = 10;
export const FLEET_PAGE_MAX = 100;
export const FLEET_PAGE_DEFAULT = 50;
/** Newest reached sandboxes named in an attach answer. */
export const REACH_SAMPLE_SIZE = 10;
export const SEARCH_RESULTS_MAX = 20;
export const IDEMPOTENCY_WINDOW_HOURS = 24;

/**
 * Size of a string as the server counts it (UTF-8 bytes). Runs in browsers and Node alike, so a
 * form and the API agree on what fits.
 */
export const utf8Bytes = (s: string) => new TextEncoder().encode(s).byteLength;

/** Whether a patch script fits: the API's script schema and the attach form both ask this. */
export const scriptFits = (s: string) => utf8Bytes(s) <= SCRIPT_MAX_BYTES;

export const RECENT_SANDBOXES_MAX = 100;
export const RECENT_SANDBOXES_DEFAULT = 20;
export const AUDIT_PAGE_MAX = 100;
export const AUDIT_PAGE_DEFAULT = 50;
export const SEARCH_QUERY_MAX_CHARS = 100;
export const TOKEN_NAME_MAX_CHARS = 100;

export const USERS_PAGE_MAX = 200;
export const USERS_PAGE_DEFAULT = 100;
