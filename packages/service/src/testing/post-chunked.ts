import { request } from "node:http";

/**
 * A POST over a real socket whose body goes in chunks without a declared
 * length (Transfer-Encoding: chunked): the way round the servers' fast path
 * for bodies of declared length, which tests must see answer the same.
 */
export function postChunked(
  url: string,
  chunks: string[],
  contentType = "application/json",
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "content-type": contentType } });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}
