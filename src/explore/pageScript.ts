/**
 * The explorer page's script: it asks the server's API for the view of the path in the page's URL
 * and draws it; an action button, Back, Forward and the browser's own history change the path
 * (history.pushState), and a property's button jumps to its shortest trace. Text from the model is
 * set as text; only the report's own markup (escaped by it) is set as HTML.
 */
export const explorePageScript = `
(() => {
  const $ = (id) => document.getElementById(id);
  const element = (tag, className, text) => {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  };
  let info = null;
  let view = null;
  // The longest path walked through the current one: what Forward follows.
  let ahead = [];
  let verdicts = null;

  const linkFor = (path) => '?' + new URLSearchParams({ path: path.join('.'), ...info.params }).toString();
  const startsWith = (path, prefix) => path.length >= prefix.length && prefix.every((a, i) => path[i] === a);

  async function getJson(url) {
    const answer = await fetch(url);
    const body = await answer.json();
    if (!answer.ok) throw new Error(body.error);
    return body;
  }

  function showProblem(text) {
    $('problem').textContent = text || '';
    $('status').classList.toggle('bad', Boolean(text) || (view !== null && view.broken.length > 0));
  }

  function drawActions() {
    const box = $('actions');
    box.replaceChildren();
    if (view.actions.length === 0) {
      box.append(element('p', 'none', 'No action is enabled: the behaviour ends here.'));
      return;
    }
    const order = [...info.actors, ...view.actions.map((a) => a.actor)];
    for (const actor of [...new Set(order)]) {
      const mine = view.actions.filter((a) => a.actor === actor);
      if (mine.length === 0) continue;
      const group = element('div', 'actor-group');
      group.dataset.actor = actor;
      group.append(element('h3', '', actor));
      for (const action of mine) {
        const button = element('button', 'take');
        button.type = 'button';
        button.dataset.action = String(action.index);
        if (action.step !== null) {
          const badge = element('span', 'step-no', action.step);
          badge.title = 'protocol step ' + action.step;
          button.append(badge);
        }
        button.append(element('span', 'label', action.label));
        button.addEventListener('click', () => take(action.index));
        group.append(button);
      }
      box.append(group);
    }
  }

  function draw() {
    const steps = view.path.length - 1;
    $('broken').textContent = view.broken.length > 0
      ? 'This state breaks ' + view.broken.join(', ') + '.'
      : 'No invariant is broken in this state.';
    $('broken').dataset.broken = view.broken.join(',');
    showProblem(view.problem);
    $('length').textContent = '(' + steps + (steps === 1 ? ' step)' : ' steps)');
    $('lanes').innerHTML = view.swimlaneHtml;
    $('state').innerHTML = view.stateTableHtml;
    $('back').disabled = steps === 0;
    $('forward').disabled = !(ahead.length > view.path.length && startsWith(ahead, view.path));
    const link = linkFor(view.path);
    $('link').href = link;
    $('path-text').textContent = '(' + view.path.join('.') + ')';
    drawActions();
  }

  /** Shows the view of the path the URL's query asks for; 'push' or 'replace' then writes the path followed into the URL. */
  async function show(query, how) {
    const hadFocus = document.activeElement && document.activeElement.classList.contains('take');
    try {
      view = await getJson('/api/state' + query);
    } catch (error) {
      showProblem(error.message);
      return;
    }
    if (!startsWith(ahead, view.path)) ahead = view.path;
    draw();
    const link = linkFor(view.path);
    if (how === 'push' && link !== location.search) history.pushState(null, '', link);
    else if (link !== location.search) history.replaceState(null, '', link);
    // A keyboard user who took an action keeps going from the first action of the new state.
    if (hadFocus) (document.querySelector('button.take') || $('back')).focus();
  }

  const go = (path) => show(linkFor(path), 'push');
  function take(index) {
    const next = [...view.path, index];
    if (!startsWith(ahead, next)) ahead = next;
    go(next);
  }

  function verdictText(p, checked) {
    const loop = p.loopStart === null ? '' : ', then back to step ' + p.loopStart + ' forever';
    const steps = p.traceLength === null ? '' : ' (' + p.traceLength + (p.traceLength === 1 ? ' step' : ' steps') + loop + ')';
    if (p.status === 'holds') return 'holds';
    if (p.status === 'violated' || p.status === 'witnessed') return p.status + steps;
    if (p.status === 'unwitnessed') return 'never witnessed';
    return 'unknown: the check stopped (' + checked.stopReason + ') before deciding it';
  }

  async function jumpTo(property, row) {
    const status = row.querySelector('.status');
    const button = row.querySelector('button');
    button.disabled = true;
    status.textContent = 'checking…';
    verdicts = verdicts || getJson('/api/verdicts');
    let checked;
    try {
      checked = await verdicts;
    } catch (error) {
      verdicts = null;
      status.textContent = 'not checked';
      showProblem(error.message);
      button.disabled = false;
      return;
    }
    for (const p of checked.properties) {
      const cell = document.querySelector('#properties tr[data-property="' + CSS.escape(p.name) + '"] .status');
      if (!cell) continue;
      cell.textContent = verdictText(p, checked);
      cell.className = 'status status-' + p.status;
    }
    $('check-note').textContent = checked.complete
      ? 'Checked: every reachable state, ' + checked.distinctStates.toLocaleString('en-US') + ' distinct.'
      : 'The check stopped (' + checked.stopReason + ') after ' + checked.distinctStates.toLocaleString('en-US') + ' distinct states: it did not explore them all.';
    button.disabled = false;
    const found = checked.properties.find((p) => p.name === property.name);
    if (found && found.path) {
      ahead = found.path;
      await go(found.path);
    }
  }

  function drawProperties() {
    const rows = $('properties');
    for (const property of info.properties) {
      const row = element('tr');
      row.dataset.property = property.name;
      const name = element('th', '', property.name);
      name.scope = 'row';
      name.title = property.kind + ': ' + property.doc;
      name.append(element('span', 'status', 'not checked yet'));
      const button = element('button', 'jump', property.kind === 'always' ? 'shortest counterexample' : 'shortest witness');
      button.type = 'button';
      button.addEventListener('click', () => jumpTo(property, row));
      const cell = element('td', 'jump-cell');
      cell.append(button);
      row.append(name, cell);
      rows.append(row);
    }
  }

  function drawStarts(count) {
    const starts = $('starts');
    starts.replaceChildren();
    for (let k = 0; k < Math.min(count, 20); k++) {
      const button = element('button', 'start', count === 1 ? 'Start over' : 'initial state ' + k);
      button.type = 'button';
      button.addEventListener('click', () => go([k]));
      starts.append(button);
    }
  }

  $('back').addEventListener('click', () => go(view.path.slice(0, -1)));
  $('forward').addEventListener('click', () => go(ahead.slice(0, view.path.length + 1)));
  window.addEventListener('popstate', () => show(location.search, 'none'));

  (async () => {
    try {
      info = await getJson('/api/model');
    } catch (error) {
      showProblem(error.message);
      return;
    }
    $('model').textContent = info.model;
    $('config').textContent = info.configurationText;
    drawProperties();
    await show(location.search, 'replace');
    if (view) drawStarts(view.initialStates);
  })();
})();
`;
