/**
 * The explorer's HTTP server: node:http on 127.0.0.1 only, answering through `route`. It holds no
 * state of its own: the path lives in the page's URL.
 */
import { createServer, type Server } from 'node:http';
import { UsageError } from '../errors.js';
import { route, type ExploreSite } from './routes.js';

export interface ExploreServer {
  /** The page's address: `http://127.0.0.1:PORT/`. */
  url: string;
  /** Stops listening and drops open connections. */
  close: () => Promise<void>;
}

/** The loopback address the server listens on, and the only one. */
export const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(new UsageError(`bad value '${port}' for --port: ${error.code === 'EADDRINUSE' ? 'in use' : 'not allowed'}; accepted: a free port, or 0 for any free one`));
      } else reject(error);
    });
    server.listen(port, HOST, () => resolve((server.address() as { port: number }).port));
  });
}

/** Starts serving `site` on `port` of 127.0.0.1 (0: any free port). */
export async function startExploreServer(site: ExploreSite, port: number): Promise<ExploreServer> {
  let bound = port;
  const server = createServer((request, response) => {
    route(site, { method: request.method ?? 'GET', url: request.url ?? '/', host: request.headers.host }, bound).then(
      (answer) => {
        response.writeHead(answer.status, { 'content-type': `${answer.type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        response.end(answer.body);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      },
    );
  });
  bound = await listen(server, port);
  return {
    url: `http://${HOST}:${bound}/`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
