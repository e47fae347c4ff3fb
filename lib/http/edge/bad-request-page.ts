import { NextResponse } from "next/server";

/**
 * The page shown (status 400) for an address that cannot be decoded, such as `/lineage/%ZZ`.
 * Self-contained: the app's own pages cannot be rendered for a path the router cannot read.
 * Same look as the not-found page, light and dark.
 */
const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bad request · Lineage</title>
<style>
  :root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
  body { margin: 0; background: #f8fafc; color: #0f172a; }
  main { max-width: 32rem; margin: 0 auto; padding: 4rem 1rem; text-align: center; }
  .code { font-size: 3rem; font-weight: 600; color: #64748b; margin: 0; }
  h1 { font-size: 1.25rem; margin: .5rem 0 0; }
  p { color: #475569; }
  a { color: #4338ca; font-size: .875rem; }
  @media (prefers-color-scheme: dark) {
    body { background: #020617; color: #f1f5f9; } .code { color: #94a3b8; } p { color: #94a3b8; } a { color: #a5b4fc; }
  }
</style></head>
<body><main data-testid="bad-request">
  <p class="code">400</p>
  <h1>This address is malformed</h1>
  <p>It holds a broken percent-escape (such as <code>%ZZ</code>), so it cannot name a sandbox or snapshot. Check the link you followed.</p>
  <a href="/">← Back to the start page</a>
</main></body></html>
`;

export const badRequestPage = () => new NextResponse(html, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8" } });
