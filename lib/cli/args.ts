import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { UsageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes. */
export const commonOptions = {
  url: { type: "string" },
  token: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** parseArgs, strict, with its errors turned into usage errors of `command`. */
export function parse<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Node's own text goes on about "--" for positionals; the option name is what matters.
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option ${unknown[1]}` : message, command);
  }
}

/** Exactly the named positional arguments, in order. */
export function positionals(command: string, given: string[], names: string[]): string[] {
  if (given.length < names.length) throw new UsageError(`missing <${names[given.length]}>`, command);
  if (given.length > names.length) throw new UsageError(`unexpected argument "${given[names.length]}"`, command);
  return given;
}

/** Validates one option value with a zod schema; the first issue becomes the usage error. */
export function checkOption<S extends z.ZodType>(command: string, name: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(`--${name} ${result.error.issues[0]!.message} (got "${String(value)}")`, command);
}
