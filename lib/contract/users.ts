import { z } from "zod";
import { roles } from "./enums";
import { count, pageLimit, timestamp } from "./fields";
import { USERS_PAGE_DEFAULT, USERS_PAGE_MAX } from "./limits";
import { defineRoutes } from "./registry";
import { pagination } from "./views";

const userId = z.string().regex(/^usr_[A-Za-z0-9_-]{1,64}$/, "must be a user id (usr_…)");

export const providerUser = z
  .strictObject({
    id: userId,
    issuer: z.string(),
    subject: z.string().describe("The identity provider's id for the person (`sub`)."),
    email: z.string().nullable(),
    name: z.string().nullable(),
    role: z.enum(roles).describe("As the provider's groups mapped at the last sign-in."),
    createdAt: timestamp,
    lastSeenAt: timestamp,
    activeSessions: count,
  })
  .meta({ id: "ProviderUser" });

export const userRoutes = defineRoutes({
  listUsers: {
    method: "GET",
    path: "/api/users",
    summary: "People who signed in through the identity provider, by email, with their active sessions",
    access: "admin",
    query: z.strictObject({ limit: pageLimit(USERS_PAGE_MAX, USERS_PAGE_DEFAULT), cursor: userId.optional() }),
    responses: { 200: z.strictObject({ users: z.array(providerUser), pagination: pagination(userId) }) },
    errors: ["user_not_found"],
  },
  endUserSessions: {
    method: "DELETE",
    path: "/api/users/{id}/sessions",
    summary: "End every session of a user at once (they must sign in again; their role is then re-evaluated)",
    access: "admin",
    params: z.strictObject({ id: userId }),
    responses: { 200: z.strictObject({ user: providerUser, endedSessions: count }) },
    errors: ["user_not_found"],
  },
});
