/** One Server-Sent Event as received: heartbeats and `retry:` lines are not events. */
export type ReceivedEvent = { id: string | null; event: string; data: string };

/**
 * Reads Server-Sent Events from a response body, one at a time, for clients without EventSource
 * (the CLI, tests). Ends when the stream ends.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ReceivedEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ReceivedEvent = { id: null, event: "message", data: "" };
      let hasData = false;
      for (const line of block.split("\n")) {
        const colon = line.indexOf(":");
        if (colon === 0) continue; // a comment (heartbeat)
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") event.id = value;
        else if (field === "event") event.event = value;
        else if (field === "data") {
          event.data += (hasData ? "\n" : "") + value;
          hasData = true;
        }
      }
      if (hasData) yield event;
    }
  }
}
