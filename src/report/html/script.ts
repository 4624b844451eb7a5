/**
 * The report's only script, inlined: hovering or focusing a step lights it up in both the
 * swimlane and the state table, and a checkbox hides fields no step changes. The page reads the
 * same without it.
 */
export const reportScript = `
for (const trace of document.querySelectorAll('section.trace')) {
  const mark = (step) => {
    for (const el of trace.querySelectorAll('[data-step]')) el.classList.toggle('focus', el.dataset.step === step);
  };
  const follow = (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-step]') : null;
    if (target) mark(target.dataset.step);
  };
  trace.addEventListener('mouseover', follow);
  trace.addEventListener('focusin', follow);
  trace.addEventListener('mouseleave', () => mark(null));
  const onlyChanging = trace.querySelector('input.only-changing');
  if (onlyChanging) onlyChanging.addEventListener('change', () => trace.classList.toggle('hide-static', onlyChanging.checked));
}
`;
