import { element, formatDuration } from './dom.js';

/**
 * Runs the start form, the run status line and the failure box. The start button stays disabled from
 * the click until the run's `run-finished` or `run-failed` event.
 */
export function createRunForm() {
  const form = document.getElementById('run-form');
  const select = document.getElementById('csv-select');
  const pathInput = document.getElementById('csv-path');
  const chaos = document.getElementById('chaos');
  const seed = document.getElementById('seed');
  const start = document.getElementById('start');
  const status = document.getElementById('run-status');
  const failure = document.getElementById('run-failure');
  let running = false;

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  function setRunning(value) {
    running = value;
    start.disabled = value;
  }

  function showFailure(heading, lines) {
    failure.replaceChildren(
      element('p', {}, element('strong', {}, heading)),
      lines.length > 0 ? element('ul', {}, ...lines.map((line) => element('li', {}, line))) : undefined,
    );
    failure.hidden = false;
  }

  function hideFailure() {
    failure.hidden = true;
    failure.replaceChildren();
  }

  async function submit(event) {
    event.preventDefault();
    if (running) return;
    hideFailure();
    setRunning(true);

    const seedValue = Number(seed.value);
    const body = {
      csv: select.value || undefined,
      csvPath: pathInput.value.trim() || undefined,
      chaos: chaos.checked,
      seed: seed.value.trim() === '' ? undefined : seedValue,
    };

    let response;
    try {
      response = await fetch('/api/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      setRunning(false);
      setStatus('failed', 'The playground did not answer.');
      showFailure('Starting the run failed', [String(error)]);
      return;
    }

    const answer = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
    if (response.ok) return;
    // After a 409 another run is in progress, and its end event enables the button again.
    if (response.status !== 409) setRunning(false);
    setStatus('failed', 'The run did not start.');
    showFailure('The run did not start', [answer.error]);
  }

  form.addEventListener('submit', submit);

  return {
    /** Fills the form from `GET /api/state`. */
    init(state) {
      select.replaceChildren(...state.csvFiles.map((name) => element('option', { value: name }, name)));
      if (state.defaults.csv) select.value = state.defaults.csv;
      pathInput.value = state.defaults.csvPath;
      pathInput.placeholder = `${state.invokedFrom}/leads.csv`;
      chaos.checked = state.defaults.chaos;
      seed.value = String(state.defaults.seed);
      if (state.running) setRunning(true);
    },

    connectionLost() {
      if (running) setStatus('running', 'Connection to the playground lost; reconnecting...');
    },

    reset() {
      hideFailure();
    },

    handle(event) {
      if (event.runId !== undefined) status.dataset.runId = String(event.runId);
      if (event.type === 'run-started') {
        const { csvPath, chaos: withChaos, seed: seedValue } = event.settings;
        const name = csvPath.split('/').pop();
        setRunning(true);
        setStatus('running', `Running ${name}${withChaos ? ' with chaos' : ''}, seed ${seedValue}...`);
      } else if (event.type === 'run-finished') {
        setRunning(false);
        const elapsed = formatDuration(event.atMs);
        if (event.everyRowAccountedFor) {
          setStatus(
            'finished',
            `Finished in ${elapsed}: every row is accounted for. Report: ${event.reportPath}`,
          );
        } else {
          setStatus('failed', `Finished in ${elapsed}, but not every row is accounted for.`);
          showFailure('The run does not add up', event.summary.problems);
        }
      } else if (event.type === 'run-failed') {
        setRunning(false);
        setStatus('failed', `Failed after ${formatDuration(event.atMs)}.`);
        showFailure(event.kind === 'configuration' ? 'Configuration error' : 'The run failed', [
          event.message,
        ]);
      }
    },
  };
}
