import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";

/** One POST as it arrived: its headers and its raw body (the signature covers the exact bytes). */
export interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  close(): Promise<void>;
}

/** A platform's webhook endpoint on 127.0.0.1 that records every POST and answers 204. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST") {
        deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      }
      response.writeHead(request.method === "POST" ? 204 : 405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/whiteboard/webhook`,
    deliveries,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/**
 * Checks `Whiteboard-Signature: t=<unix seconds>,v1=<hex>`: HMAC-SHA256 under the secret over `<t>.<raw body>`,
 * compared in constant time, with a timestamp no further than the tolerance from now. Null when valid.
 */
export function signatureProblem(secret: string, header: string | undefined, rawBody: string,
                                 nowSeconds: number, toleranceSeconds: number): string | null {
  if (!header) {
    return "no Whiteboard-Signature header";
  }
  const parts = new Map<string, string>();
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at > 0) {
      parts.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
  }
  const timestamp = parts.get("t");
  const signature = parts.get("v1");
  if (!timestamp || !signature) {
    return `Whiteboard-Signature lacks t= or v1=: ${header}`;
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
    return `timestamp ${timestamp} is more than ${toleranceSeconds} s away from ${nowSeconds}`;
  }
  const expected = Buffer.from(createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex"));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : "the HMAC does not match";
}
