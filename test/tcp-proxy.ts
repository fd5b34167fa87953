// A TCP proxy between the app and PostgreSQL that a test can cut (connections dropped,
// new ones refused) or freeze (bytes held, sockets left open, as a stopped server does),
// then restore. Listens on loopback only.
import net from "node:net";

export interface TcpProxy {
  port: number;
  url(databaseUrl: string): string;
  cut(): void;
  freeze(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: "pass" | "cut" | "freeze" = "pass";
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const server = net.createServer((client) => {
    if (mode === "cut") {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    // Frozen: nothing moves (bytes wait in the kernel, as with a server under SIGSTOP).
    if (mode === "freeze") {
      client.pause();
      upstream.pause();
    }
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url(databaseUrl) {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut() {
      mode = "cut";
      for (const p of pairs) {
        p.client.destroy();
        p.upstream.destroy();
      }
      pairs.clear();
    },
    freeze() {
      mode = "freeze";
      for (const p of pairs) {
        p.client.pause();
        p.upstream.pause();
      }
    },
    restore() {
      mode = "pass";
      for (const p of pairs) {
        p.client.resume();
        p.upstream.resume();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const p of pairs) {
          p.client.destroy();
          p.upstream.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
