// Entry point of the dashboard page: fills the form, then applies every server-sent event of
// the current run to each panel.
import { createBreakerStates } from './breaker-states.js';
import { createLimiterCharts } from './limiter-chart.js';
import { createRequestTimeline } from './request-timeline.js';
import { createRunForm } from './run-form.js';
import { createSummaryTable } from './summary-table.js';
import { createWebhookList } from './webhook-list.js';
import { createWorkflowSteps } from './workflow-steps.js';

const runForm = createRunForm();
const panels = [
  runForm,
  createWorkflowSteps(),
  createRequestTimeline(),
  createLimiterCharts(),
  createBreakerStates(),
  createWebhookList(),
  createSummaryTable(),
];

const state = await fetch('/api/state').then((response) => response.json());
runForm.init(state);

const events = new EventSource('/api/events');
events.addEventListener('message', (message) => {
  const event = JSON.parse(message.data);
  if (event.type === 'run-started') for (const panel of panels) panel.reset();
  for (const panel of panels) panel.handle(event);
  document.body.dataset.lastEventId = String(event.id);
});
events.addEventListener('open', () => {
  document.body.dataset.stream = 'open';
});
events.addEventListener('error', () => {
  document.body.dataset.stream = 'reconnecting';
  runForm.connectionLost();
});
