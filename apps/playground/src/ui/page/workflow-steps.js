import { element } from './dom.js';

/** Shows the two workflows with their progress steps, and the run's log lines. */
export function createWorkflowSteps() {
  const workflows = new Map(
    [...document.querySelectorAll('.workflow')].map((node) => [node.dataset.workflow, node]),
  );
  const log = document.getElementById('run-log');
  const steps = new Map();

  function setWorkflowState(node, state) {
    node.dataset.state = state;
    node.querySelector('.workflow-state').textContent = state;
  }

  function finishRunningWorkflows(state) {
    for (const node of workflows.values())
      if (node.dataset.state === 'running') setWorkflowState(node, state);
  }

  function addStep(event) {
    const workflow = workflows.get(event.workflow) ?? workflows.get('lead-sync');
    const progress = element('progress', {
      max: Math.max(event.total, 1),
      value: 0,
      'aria-label': event.label,
    });
    const count = element('span', { class: 'step-count' }, `0 / ${event.total}`);
    const item = element(
      'li',
      { class: 'step', 'data-step-id': event.stepId, 'data-state': 'running', 'data-total': event.total },
      element('span', { class: 'step-label' }, event.label),
      count,
      progress,
    );
    workflow.querySelector('.steps').append(item);
    steps.set(event.stepId, { item, progress, count, total: event.total });
  }

  function updateStep(event) {
    const step = steps.get(event.stepId);
    if (!step) return;
    step.progress.value = Math.min(event.advanced, step.progress.max);
    step.count.textContent = `${event.advanced} / ${step.total}`;
    step.item.dataset.advanced = String(event.advanced);
    if (event.type === 'step-done') {
      step.item.dataset.state = 'done';
      // Some steps make one batch call and report no advances, so a finished step shows full.
      step.progress.value = step.progress.max;
      if (event.advanced === 0) step.count.textContent = 'done';
      step.item.append(element('p', { class: 'step-summary' }, event.summary));
    }
  }

  return {
    reset() {
      steps.clear();
      log.replaceChildren();
      for (const node of workflows.values()) {
        setWorkflowState(node, 'waiting');
        node.querySelector('.steps').replaceChildren();
      }
    },

    handle(event) {
      if (event.type === 'workflow') {
        finishRunningWorkflows('done');
        const node = workflows.get(event.workflow);
        if (node) setWorkflowState(node, 'running');
      } else if (event.type === 'step') addStep(event);
      else if (event.type === 'step-progress' || event.type === 'step-done') updateStep(event);
      else if (event.type === 'line') log.append(element('li', {}, event.text));
      else if (event.type === 'run-finished') finishRunningWorkflows('done');
      else if (event.type === 'run-failed') finishRunningWorkflows('stopped');
    },
  };
}
