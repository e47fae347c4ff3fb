import { z } from "zod";
import { defineRoutes } from "./registry";
import { user } from "./views";

export const sessionRoutes = defineRoutes({
  getSession: {
    method: "GET",
    path: "/api/session",
    summary: "Who is signed in",
    access: "viewer",
    responses: { 200: z.strictObject({ user }) },
    errors: [],
  },
  signIn: {
    method: "POST",
    path: "/api/session",
    summary: "Sign in with a token: answers with an httpOnly, signed session cookie",
    description: "Refused unless the Origin header matches the site.",
    access: "public",
    body: z.strictObject({ token: z.string().trim().min(1, "must not be empty").max(200) }),
    responses: { 200: z.strictObject({ user }) },
    errors: [],
  },
  signOut: {
    method: "DELETE",
    path: "/api/session",
    summary: "Sign out: clears the session cookie",
    access: "public",
    responses: { 200: z.strictObject({ signedOut: z.literal(true) }) },
    errors: [],
  },
});
