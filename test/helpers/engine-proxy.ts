/**
 * A recording proxy in front of the real dockerd: listens on a unix socket (or TLS on 127.0.0.1),
 * records every request's method and URL, forwards it to /var/run/docker.sock, and can run a hook
 * between the daemon's answer and the reply (to change the world mid-collection).
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
}

export interface ProxyOptions {
  /** Unix socket path to listen on; otherwise 127.0.0.1 on a free port. */
  socketPath?: string;
  /** TLS server options (key, cert, ca, requestCert...) for an https listener. */
  tls?: https.ServerOptions;
  /** Called after the daemon answered and before the client gets the answer. */
  beforeReply?: (request: RecordedRequest) => Promise<void>;
  /** Answer a request without asking the daemon (fault injection: a 500, a 404...); undefined = forward. */
  respond?: (request: RecordedRequest) => { status: number; body: string } | undefined;
  upstreamSocket?: string;
}

export interface RecordingProxy {
  requests: RecordedRequest[];
  /** `unix:///path` or `tcp://127.0.0.1:PORT`. */
  url: string;
  port?: number;
  close(): Promise<void>;
}

export async function startRecordingProxy(options: ProxyOptions = {}): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const upstreamSocket = options.upstreamSocket ?? '/var/run/docker.sock';
  const handler: http.RequestListener = (req, res) => {
    const recorded = { method: req.method ?? '', url: req.url ?? '' };
    requests.push(recorded);
    const injected = options.respond?.(recorded);
    if (injected) {
      req.resume();
      res.writeHead(injected.status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(injected.body)) });
      res.end(injected.body);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const upstream = http.request(
        { socketPath: upstreamSocket, method: req.method, path: req.url, headers: { ...req.headers, host: 'docker' } },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', async () => {
            if (options.beforeReply) await options.beforeReply(recorded);
            const headers = { ...answer.headers };
            delete headers['transfer-encoding'];
            headers['content-length'] = String(Buffer.concat(body).length);
            res.writeHead(answer.statusCode ?? 502, headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      upstream.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      upstream.end(Buffer.concat(chunks));
    });
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (options.socketPath) server.listen(options.socketPath, resolve);
    else server.listen(0, '127.0.0.1', resolve);
  });
  const port = options.socketPath ? undefined : (server.address() as AddressInfo).port;
  const url = options.socketPath ? `unix://${options.socketPath}` : `tcp://127.0.0.1:${port}`;
  return {
    requests,
    url,
    ...(port !== undefined ? { port } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
