import { element } from './dom.js';

/** Shows the rows that `renderSummary` prints, from the `run-finished` event. */
export function createSummaryTable() {
  const table = document.getElementById('summary-table');
  const empty = document.getElementById('summary-empty');
  const defaultText = empty.textContent;

  return {
    reset() {
      table.hidden = true;
      empty.hidden = false;
      empty.textContent = defaultText;
    },

    handle(event) {
      if (event.type === 'run-failed') {
        empty.textContent = 'The run stopped before it finished, so there is no summary.';
        return;
      }
      if (event.type !== 'run-finished') return;
      const { summary } = event;
      table.querySelector('caption').textContent = summary.title;
      table
        .querySelector('tbody')
        .replaceChildren(
          ...summary.rows.map(([label, value]) =>
            element(
              'tr',
              { 'data-label': label },
              element('th', { scope: 'row' }, label),
              element('td', {}, value),
            ),
          ),
        );
      const verdict = summary.accounted
        ? 'Every row is accounted for.'
        : `Problems: ${summary.problems.join('; ')}`;
      table
        .querySelector('tfoot')
        .replaceChildren(
          summary.integrity ? element('tr', {}, element('td', { colspan: 2 }, summary.integrity)) : undefined,
          element(
            'tr',
            { 'data-accounted': String(summary.accounted) },
            element('td', { colspan: 2 }, verdict),
          ),
        );
      table.hidden = false;
      empty.hidden = true;
    },
  };
}
