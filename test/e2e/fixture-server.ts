// Local server for end-to-end tests: serves the fixture pages in test/fixtures/pages/ under the real
// publishers' hostnames, over HTTP and HTTPS, plus a forward proxy that browsers are pointed at so that
// every hostname reaches this server without DNS tricks. Everything listens on 127.0.0.1 only.
//
// Routing is by scheme + Host header + path (with query string), exactly as listed in routes.json.
// Image requests (.jpg, .png, .gif, .ico, ...) on a fixture host get a small placeholder image, so
// that pages' <img> tags do not fill the log with 404s. Anything else is a 404.
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type net from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const PAGES_DIR = path.join(FIXTURES_DIR, "pages");
export const CERTS_DIR = path.join(FIXTURES_DIR, "certs");

export type ArticleId = "wt-libya-2011-04" | "nyt-libya-2011-07" | "csm-libya-2011-04-01";

export interface FixtureRoute {
  /** Full URL the page is served at (scheme, host, path and query all matter). */
  url: string;
  /** Path of the HTML file, relative to test/fixtures/pages/. */
  file: string;
  /** Article the extension must recognise on this page, or null when it must recognise none. */
  expect: ArticleId | null;
  /** "article": an address of one of the three articles; "related": anything that is not. */
  kind: "article" | "related";
  /** Which address of the article ("canonical", "http", "print", "archive", "mobile", "tracking"), or
   *  what sort of other page ("news", "quotes", "gallery", "blog", "section"). */
  variant: string;
  /** The page's document.title. */
  title: string;
  /** The page's main headline (first <h1>). */
  headline: string;
  /** For "related" pages: text (as rendered) that this page has in common with the page(s) of this article. */
  sharesWith?: ArticleId;
  sharedText?: string[];
  note?: string;
  /** Answered this long after the request (a slow script that stops a page's parsing halfway). */
  delayMs?: number;
}

export interface LoggedRequest {
  host: string;
  /** Path with query string, as requested. */
  path: string;
  method: string;
  scheme: "http" | "https";
  /** "direct": to httpPort/httpsPort; "proxy": absolute-URI request to proxyPort; "tunnel": HTTPS through a CONNECT. */
  via: "direct" | "proxy" | "tunnel";
  status: number;
}

export interface LoggedTunnel {
  /** host:port from the CONNECT line. */
  target: string;
  host: string;
  port: number;
  accepted: boolean;
}

export interface FixtureServer {
  httpPort: number;
  httpsPort: number;
  proxyPort: number;
  /** Every HTTP request served (by any of the three ports), in order of arrival. */
  requests: LoggedRequest[];
  /** Every CONNECT received by the proxy, in order of arrival. */
  tunnels: LoggedTunnel[];
  routes: FixtureRoute[];
  /** Hosts of requests or tunnels that are not hosts of any route. */
  unexpectedHosts(): string[];
  close(): Promise<void>;
}

export function loadRoutes(): FixtureRoute[] {
  return JSON.parse(readFileSync(path.join(PAGES_DIR, "routes.json"), "utf8")) as FixtureRoute[];
}

export function readFixture(file: string): string {
  return readFileSync(path.join(PAGES_DIR, file), "utf8");
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

const IMAGE_PATH = /\.(?:jpe?g|png|gif|ico|webp)$/i;

// A 4x3 grey PNG, served for every image on a fixture host.
const PLACEHOLDER_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAADklEQVR42mM4gQQYcHIAJLUcIR/o4o4AAAAASUVORK5CYII=",
  "base64",
);

function routeKey(scheme: string, host: string, pathAndQuery: string): string {
  return `${scheme}://${host.toLowerCase()}${pathAndQuery}`;
}

/** Host header or authority without the port, lower case. */
function hostOnly(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.lastIndexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startFixtureServer(options: { routes?: FixtureRoute[] } = {}): Promise<FixtureServer> {
  const routes = options.routes ?? loadRoutes();
  const table = new Map<string, { body: Buffer; type: string; delayMs?: number }>();
  for (const route of routes) {
    const u = new URL(route.url);
    const body = readFileSync(path.join(PAGES_DIR, route.file));
    const type = CONTENT_TYPES[path.extname(route.file).toLowerCase()] ?? "application/octet-stream";
    table.set(routeKey(u.protocol.slice(0, -1), u.hostname, u.pathname + u.search), {
      body,
      type,
      ...(route.delayMs ? { delayMs: route.delayMs } : {}),
    });
  }
  const knownHosts = new Set(routes.map((r) => new URL(r.url).hostname));

  const requests: LoggedRequest[] = [];
  const tunnels: LoggedTunnel[] = [];
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };

  const handle =
    (scheme: "http" | "https", via: LoggedRequest["via"]) =>
    (req: http.IncomingMessage, res: http.ServerResponse): void => {
      const rawUrl = req.url ?? "/";
      let host: string;
      let pathAndQuery: string;
      let actualVia = via;
      let actualScheme = scheme;
      if (/^https?:\/\//i.test(rawUrl)) {
        // Absolute-form request target, as sent to a forward proxy.
        const u = new URL(rawUrl);
        host = u.hostname.toLowerCase();
        pathAndQuery = u.pathname + u.search;
        actualVia = "proxy";
        actualScheme = u.protocol === "https:" ? "https" : "http";
      } else {
        host = hostOnly(req.headers.host ?? "");
        pathAndQuery = rawUrl;
      }
      const entry = table.get(routeKey(actualScheme, host, pathAndQuery));
      let status: number;
      if (entry && (req.method === "GET" || req.method === "HEAD")) {
        status = 200;
        const send = () => {
          res.writeHead(200, {
            "content-type": entry.type,
            "content-length": entry.body.length,
            "cache-control": "no-store",
          });
          res.end(req.method === "HEAD" ? undefined : entry.body);
        };
        if (entry.delayMs) setTimeout(send, entry.delayMs);
        else send();
      } else if (
        knownHosts.has(host) &&
        req.method === "GET" &&
        IMAGE_PATH.test(pathAndQuery.split("?")[0] ?? "")
      ) {
        status = 200;
        res.writeHead(200, {
          "content-type": "image/png",
          "content-length": PLACEHOLDER_PNG.length,
          "cache-control": "no-store",
        });
        res.end(PLACEHOLDER_PNG);
      } else {
        status = 404;
        const body = `404 Not Found: ${actualScheme}://${host}${pathAndQuery}\n`;
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        res.end(body);
      }
      requests.push({
        host,
        path: pathAndQuery,
        method: req.method ?? "GET",
        scheme: actualScheme,
        via: actualVia,
        status,
      });
    };

  const tls = {
    key: readFileSync(path.join(CERTS_DIR, "key.pem")),
    cert: readFileSync(path.join(CERTS_DIR, "cert.pem")),
  };
  const httpServer = http.createServer(handle("http", "direct"));
  const httpsServer = https.createServer(tls, handle("https", "direct"));
  const proxyServer = http.createServer(handle("http", "proxy"));
  // Twins of the HTTP and HTTPS servers that listen on no port: CONNECT tunnels are handed to them, so
  // the log can tell requests that came through the proxy from direct ones.
  const httpTunnelServer = http.createServer(handle("http", "tunnel"));
  const httpsTunnelServer = https.createServer(tls, handle("https", "tunnel"));
  for (const server of [httpServer, httpsServer, proxyServer]) server.on("connection", track);

  const [httpPort, httpsPort] = await Promise.all([listen(httpServer), listen(httpsServer)]);

  // CONNECT host:443 is tunnelled to the HTTPS server, CONNECT host:80 to the HTTP server (in process:
  // the client socket is handed to the server's twin as a new connection); other ports are refused.
  proxyServer.on("connect", (req: http.IncomingMessage, clientSocket: net.Socket, head: Buffer) => {
    const target = req.url ?? "";
    const colon = target.lastIndexOf(":");
    const host = hostOnly(target);
    const port = colon >= 0 ? Number(target.slice(colon + 1)) : 443;
    const accepted = port === 443 || port === 80;
    tunnels.push({ target, host, port, accepted });
    track(clientSocket);
    clientSocket.on("error", () => clientSocket.destroy());
    if (!accepted) {
      clientSocket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n");
      return;
    }
    clientSocket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length) clientSocket.unshift(head);
    (port === 443 ? httpsTunnelServer : httpTunnelServer).emit("connection", clientSocket);
  });
  const proxyPort = await listen(proxyServer);

  let closed: Promise<void> | undefined;
  return {
    httpPort,
    httpsPort,
    proxyPort,
    requests,
    tunnels,
    routes,
    unexpectedHosts() {
      const hosts = new Set<string>();
      for (const r of requests) if (!knownHosts.has(r.host)) hosts.add(r.host);
      for (const t of tunnels) if (!knownHosts.has(t.host)) hosts.add(t.host);
      return [...hosts].sort();
    },
    close() {
      closed ??= (async () => {
        const done = Promise.all([
          closeServer(httpServer),
          closeServer(httpsServer),
          closeServer(proxyServer),
        ]);
        for (const socket of sockets) socket.destroy();
        await done;
      })();
      return closed;
    },
  };
}
