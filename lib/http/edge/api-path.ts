/** Whether a path is the API's: `/api` itself or anything under it. */
export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");
