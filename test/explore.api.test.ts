/**
 * The explorer's API without a server or a browser: the view of a path (trace, enabled actions,
 * broken invariants), paths that do not follow and model code that throws (shown, never fatal),
 * links, and the routes' answers (the Host check, a link for other parameters, bad paths).
 */
import { describe, expect, it } from 'vitest';
import { naiveLock } from '../models/peterson.js';
import { check } from '../src/check.js';
import { linkMismatch, linkParams, parsePath } from '../src/explore/link.js';
import { route, type ExploreSite } from '../src/explore/routes.js';
import { once, pathOf, verdictsOf } from '../src/explore/verdicts.js';
import { exploreView, type ExploreSubject } from '../src/explore/view.js';
import { actorsOf, always, type ModelInstance } from '../src/model.js';
import { instantiate } from '../src/modelInstance.js';
import { throwing } from './fixtures/throwingModel.js';

const subjectOf = (instance: ModelInstance<unknown>, deadlock = false): ExploreSubject => ({ instance, actors: actorsOf(instance), deadlock });
const naive = subjectOf(instantiate(naiveLock));

describe('explore: the view of a path', () => {
  it('starts at the first initial state, with every enabled action labelled as a trace prints it', () => {
    const view = exploreView(naive, []);
    expect(view.path).toEqual([0]);
    expect(view.trace).toHaveLength(1);
    expect(view.problem).toBeNull();
    expect(view.broken).toEqual([]);
    expect(view.actions.map((a) => a.actor)).toEqual(['P0', 'P1']);
    for (const action of view.actions) {
      const step = exploreView(naive, [0, action.index]).trace[1]!;
      expect([step.label, step.actor, step.action]).toEqual([action.label, action.actor, action.name]);
    }
  });

  it("follows the shortest counterexample to the state that breaks it, and draws it with the report's swimlane and state table", async () => {
    const result = await check(naiveLock, { workers: 1 });
    const mutex = result.properties.find((p) => p.status === 'violated')!;
    const view = exploreView(naive, pathOf(mutex.trace!));
    expect(view.problem).toBeNull();
    expect(view.broken).toContain(mutex.name);
    expect(view.trace.map((s) => s.label)).toEqual(mutex.trace!.map((s) => s.label));
    expect(view.swimlaneHtml).toContain('class="action hazard"');
    expect(view.stateTableHtml).toContain('class="changed"');
    // The state table shows the last two states: the one before the last action, and the current one.
    expect(view.stateTableHtml.match(/<th scope="col" data-step=/g)).toHaveLength(2);
    // A state that breaks nothing marks no step as the hazard.
    expect(exploreView(naive, pathOf(mutex.trace!).slice(0, -1)).swimlaneHtml).not.toContain('hazard');
  });

  it('stops at the last state a path reaches and says why, for a bad initial state, action or guard', () => {
    const first = exploreView(naive, []).actions[0]!.index;
    expect(exploreView(naive, [5]).problem).toBe('the path starts at initial state 5, but the model has 1 (0 to 0)');
    const far = exploreView(naive, [0, first, 999]);
    expect(far.path).toEqual([0, first]);
    expect(far.problem).toBe(`step 2 of the path is action 999, but the model has ${naive.instance.actions.length} actions (0 to ${naive.instance.actions.length - 1})`);
    const twice = exploreView(naive, [0, first, first]);
    expect(twice.path).toEqual([0, first]);
    expect(twice.problem).toMatch(/^step 2 of the path, action '\w+' .*of P0, is not enabled in the state before it$/);
  });

  it('shows what model code throws instead of failing: an action on the path, an enabled action, a property', () => {
    const counters = subjectOf(instantiate(throwing));
    const six = [0, 0, 0, 0, 0, 0, 0];
    const atSix = exploreView(counters, six);
    expect(atSix.path).toEqual(six);
    expect(atSix.actions).toEqual([]);
    expect(atSix.problem).toBe("action 'increment' of counter a threw: counter overflow");
    const past = exploreView(counters, [...six, 1]);
    expect(past.path).toEqual(six);
    expect(past.problem).toBe("action 'increment' of counter b threw: counter overflow");
    const instance = instantiate(naiveLock);
    const fragile = subjectOf({ ...instance, properties: [always('Fragile', () => { throw new Error('no'); })] });
    expect(exploreView(fragile, []).problem).toBe("property 'Fragile' threw: no");
  });

  it('reports a deadlock where the model declares final states and none is enabled', () => {
    const counters = instantiate(throwing);
    const stuck = subjectOf({ ...counters, actions: [], isFinal: () => false }, true);
    expect(exploreView(stuck, []).broken).toEqual(['Deadlock']);
    expect(exploreView({ ...stuck, deadlock: false }, []).broken).toEqual([]);
  });
});

describe('explore: links', () => {
  it('reads a path of dot-separated indices, and refuses anything else in one line', () => {
    expect(parsePath(null)).toEqual([0]);
    expect(parsePath('3.0.5')).toEqual([3, 0, 5]);
    expect(parsePath('3.-1')).toBe("bad path '3.-1'; accepted: action indices joined by dots, the initial state first (0.3.5)");
    expect(parsePath('1e3')).toMatch(/^bad path/);
  });

  it("fits a link with the server's parameters or none, and names both sides of a mismatch", () => {
    const served = linkParams({ steps: ['a', 'b'], pages: 2, aliases: false });
    expect(served).toEqual({ steps: 'a,b', pages: '2', aliases: 'false' });
    expect(linkMismatch(new URLSearchParams('path=0.1'), served)).toBeUndefined();
    expect(linkMismatch(new URLSearchParams('path=0&steps=a,b&pages=2&aliases=false'), served)).toBeUndefined();
    expect(linkMismatch(new URLSearchParams('path=0&steps=a,b&pages=3&aliases=false'), served)).toBe(
      'this link is for steps=a,b pages=3 aliases=false, but this server explores steps=a,b pages=2 aliases=false: start cocomc explore with the link\'s parameters to follow it');
    expect(linkMismatch(new URLSearchParams('pages=2'), {})).toMatch(/this server explores the defaults/);
  });
});

describe('explore: routes', () => {
  let checks = 0;
  const site: ExploreSite = {
    model: naiveLock,
    subject: naive,
    configuration: {},
    params: {},
    verdicts: once(async () => {
      checks++;
      return verdictsOf(await check(naiveLock, { workers: 1 }));
    }),
  };
  const get = (url: string, host = '127.0.0.1:8080') => route(site, { method: 'GET', url, host }, 8080);
  const body = async (url: string) => JSON.parse((await get(url)).body) as Record<string, unknown>;

  it('answers only requests addressed to its own host and port, and only GET', async () => {
    expect((await get('/', 'example.com')).status).toBe(403);
    expect((await get('/', '127.0.0.1:9999')).status).toBe(403);
    expect((await route(site, { method: 'GET', url: '/', host: undefined }, 8080)).status).toBe(403);
    expect((await route(site, { method: 'POST', url: '/', host: 'localhost:8080' }, 8080)).status).toBe(405);
    const page = await get('/', 'localhost:8080');
    expect([page.status, page.type]).toEqual([200, 'text/html']);
    expect(page.body).toContain("connect-src 'self'");
    expect((await get('/nowhere')).status).toBe(404);
  });

  it('serves the view of a path, and refuses a bad path or a link for other parameters in one line', async () => {
    expect((await body('/api/state?path=0')).path).toEqual([0]);
    expect(await get('/api/state?path=x')).toEqual({ status: 400, type: 'application/json', body: JSON.stringify({ error: "bad path 'x'; accepted: action indices joined by dots, the initial state first (0.3.5)" }) });
    expect((await get('/api/state?path=0&n=3')).status).toBe(409);
  });

  it('lists the properties (Deadlock too, when checked), and runs the check once for every verdict asked', async () => {
    expect((await body('/api/model')).properties).toEqual(naive.instance.properties.map((p) => ({ name: p.name, kind: p.kind, doc: p.doc ?? '' })));
    const first = await body('/api/verdicts');
    const again = await body('/api/verdicts');
    expect(again).toEqual(first);
    expect(checks).toBe(1);
    const violated = (first.properties as { status: string; path: number[] | null }[]).find((p) => p.status === 'violated')!;
    expect(exploreView(naive, violated.path!).broken.length).toBeGreaterThan(0);
  });
});
