import { BODY_MAX_BYTES } from "../contract/limits";
import { ApiError, badRequest } from "./errors";

const tooLarge = () => new ApiError("payload_too_large", `Request bodies are limited to ${BODY_MAX_BYTES} bytes.`);

/** Reads a JSON body, refusing oversize bodies before parsing and non-JSON content types. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > BODY_MAX_BYTES) throw tooLarge();
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await readCapped(req);
  if (text.trim() === "") throw badRequest("invalid_json", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("invalid_json", "The request body is not valid JSON.");
  }
}

async function readCapped(req: Request): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_MAX_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("invalid_json", "The request body is not valid UTF-8.");
  }
}
