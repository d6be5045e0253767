import { createServer, type Socket } from "node:net";

export type TSilentEndpoint = { url: string; port: number; close: () => Promise<void> };

/**
 * A TCP port that accepts connections and never answers: a hung S3 gateway or load balancer.
 * The sockets stay open (and unread) until close.
 */
export async function startSilentEndpoint(): Promise<TSilentEndpoint> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.pause();
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
