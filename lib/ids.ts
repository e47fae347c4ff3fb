import crypto from "node:crypto";

/** A new random id such as `pat_3f9a1c2b7d4e`. */
export function newId(prefix: "snap" | "sbx" | "pat" | "tok" | "ses" | "usr"): string {
  return `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
}
