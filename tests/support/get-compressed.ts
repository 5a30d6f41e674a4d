import http from "node:http";

/**
 * A GET asking for gzip, whose body is kept as it came over the wire (fetch would decompress it):
 * the pages bench weighs pages with it, and the scale-out test checks who compressed them.
 */
export function getCompressed(url: string, headers: Record<string, string> = {}): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { ...headers, "accept-encoding": "gzip" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, encoding: String(response.headers["content-encoding"] ?? "none"), body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}
