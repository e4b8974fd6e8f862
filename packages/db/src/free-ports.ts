import { once } from "node:events";
import { createServer } from "node:net";

/**
 * `count` different ports nothing listens on now: the OS picks them, and all
 * are held until all are known, so two of them are never the same. For
 * servers of our own (a test PostgreSQL, a bench stack, a spawned service).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer().listen(0, "127.0.0.1");
      await once(server, "listening");
      return server;
    }),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
