/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseFetchForbiddenMethods } = await import("./lib/http/edge/fetch-forbidden-methods");
    refuseFetchForbiddenMethods();
  }
}
