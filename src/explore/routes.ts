/**
 * The explorer's HTTP API, as a function from a request to a response (no socket), so that it is
 * tested without a server: `/` is the page, `/api/model` what the page shows once, `/api/state`
 * the view of a path, `/api/verdicts` the check's verdicts with their traces as paths.
 */
import { DEADLOCK, DEADLOCK_DOC } from '../checkedProperties.js';
import type { AnyModel } from '../model.js';
import { formatParams } from '../report/text.js';
import { linkMismatch, parsePath } from './link.js';
import { explorePage } from './page.js';
import type { CheckVerdicts } from './verdicts.js';
import { exploreView, type ExploreSubject } from './view.js';

/** Everything the routes answer from: the model as the command line built it. */
export interface ExploreSite {
  model: AnyModel;
  subject: ExploreSubject;
  /** The configuration reports show (derived defaults filled in). */
  configuration: Readonly<Record<string, unknown>>;
  /** The parameters given on the command line, as links spell them. */
  params: Readonly<Record<string, string>>;
  /** The check's verdicts: run the first time they are asked for, then kept. */
  verdicts: () => Promise<CheckVerdicts>;
}

export interface Request {
  method: string;
  /** The path and query (`/api/state?path=0.3`). */
  url: string;
  /** The Host header, if any. */
  host: string | undefined;
}

export interface Response {
  status: number;
  type: 'text/html' | 'application/json';
  body: string;
}

const json = (status: number, value: unknown): Response => ({ status, type: 'application/json', body: JSON.stringify(value) });
const refusal = (status: number, error: string): Response => json(status, { error });

/** The Host headers the server answers: its own address only, so that no other site's page can reach it through DNS tricks. */
export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/** What the page shows once: the model, its configuration and lanes, and the properties it can check. */
function modelInfo(site: ExploreSite): unknown {
  const { instance, actors, deadlock } = site.subject;
  const properties = instance.properties.map((p) => ({ name: p.name, kind: p.kind, doc: p.doc ?? '' }));
  return {
    model: site.model.name,
    summary: site.model.summary,
    configuration: site.configuration,
    configurationText: formatParams(site.configuration),
    params: site.params,
    actors,
    properties: deadlock ? [...properties, { name: DEADLOCK, kind: 'always', doc: DEADLOCK_DOC }] : properties,
  };
}

export async function route(site: ExploreSite, request: Request, port: number): Promise<Response> {
  if (request.host === undefined || !allowedHosts(port).includes(request.host)) {
    return refusal(403, `this server answers only requests to ${allowedHosts(port).join(' or ')}`);
  }
  if (request.method !== 'GET') return refusal(405, `method ${request.method} not allowed; accepted: GET`);
  const url = new URL(request.url, `http://${request.host}`);
  switch (url.pathname) {
    case '/':
      return { status: 200, type: 'text/html', body: explorePage(site.model.name) };
    case '/api/model':
      return json(200, modelInfo(site));
    case '/api/state': {
      const mismatch = linkMismatch(url.searchParams, site.params);
      if (mismatch) return refusal(409, mismatch);
      const path = parsePath(url.searchParams.get('path'));
      if (typeof path === 'string') return refusal(400, path);
      return json(200, exploreView(site.subject, path));
    }
    case '/api/verdicts':
      try {
        return json(200, await site.verdicts());
      } catch (error) {
        return refusal(500, `the check failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    default:
      return refusal(404, `no such page: ${url.pathname}`);
  }
}
