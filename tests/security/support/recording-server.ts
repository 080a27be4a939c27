/**
 * A tiny HTTP server on 127.0.0.1 that records every request and answers with a handler's
 * status, headers and body: a provider that redirects, or the host a redirect points at.
 */
import http from "node:http";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface RecordingServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface CannedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export function startRecordingServer(
  answer: (request: RecordedRequest) => CannedAnswer,
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const request = { method: incoming.method ?? "GET", url: incoming.url ?? "/", headers: incoming.headers };
    requests.push(request);
    incoming.resume();
    incoming.on("end", () => {
      const reply = answer(request);
      outgoing.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      outgoing.end(reply.body ?? "");
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
