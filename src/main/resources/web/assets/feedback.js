// The feedback panel (issue 19): NPS and CSAT overall, per month, per tier and per RFM segment, from
// GET /api/feedback/summary. It keeps to itself: it shows only to a token that may call that route, and refreshes on
// its own slower timer (answers arrive a few a day, not every second), while the dashboard is on screen.
(function () {
  'use strict';
  const LB = window.LB;
  const EVERY_MS = 30000;
  const ROUTE = 'api-feedback-summary';
  const $ = (id) => document.getElementById(id);

  const score = (value) => (value === null || value === undefined ? '—' : LB.fmt.n(Number(value)));
  const COLUMNS = (title) => [
    { title, value: (g) => g.key },
    { title: 'Answers', value: (g) => LB.fmt.n(g.responses), num: true },
    { title: 'NPS', value: (g) => score(g.nps), num: true },
    { title: 'NPS answers', value: (g) => LB.fmt.n(g.npsResponses), num: true },
    { title: 'CSAT %', value: (g) => score(g.csat), num: true },
    { title: 'CSAT answers', value: (g) => LB.fmt.n(g.csatResponses), num: true },
  ];

  function render(summary) {
    const o = summary.overall;
    LB.replace($('feedback-figures'),
      LB.el('div', {}, LB.el('dt', {}, 'NPS'), LB.el('dd', {}, score(o.nps))),
      LB.el('div', {}, LB.el('dt', {}, 'CSAT (% satisfied)'), LB.el('dd', {}, score(o.csat))),
      LB.el('div', {}, LB.el('dt', {}, 'Answers'), LB.el('dd', {}, LB.fmt.n(o.responses))),
      LB.el('div', {}, LB.el('dt', {}, 'Promoters / passives / detractors'),
        LB.el('dd', {}, LB.fmt.n(o.promoters) + ' / ' + LB.fmt.n(o.passives) + ' / ' + LB.fmt.n(o.detractors))));
    LB.replace($('feedback-months'), LB.table(COLUMNS('Month'), summary.months, { stack: true }));
    LB.replace($('feedback-tiers'), LB.table(COLUMNS('Tier'), summary.tiers, { stack: true }));
    LB.replace($('feedback-segments'), LB.table(COLUMNS('RFM segment'), summary.rfmSegments, { stack: true }));
    $('feedback-error').textContent = '';
  }

  async function refresh() {
    const panel = $('feedback-panel');
    const shown = LB.token.get() && !$('dashboard').hidden && LB.me && LB.may(ROUTE);
    panel.hidden = !shown;
    if (shown && !document.hidden) {
      try {
        render(await LB.get('/api/feedback/summary'));
      } catch (failure) {
        // The main refresh reports a refused token; this panel only says its own figures are missing.
        $('feedback-error').textContent = 'Feedback figures could not be loaded: ' + failure.message;
      }
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    // The first figures as soon as the page knows the token's role, then every EVERY_MS.
    const first = setInterval(() => {
      if (LB.me) {
        clearInterval(first);
        refresh();
      }
    }, 500);
    setInterval(refresh, EVERY_MS);
  });
})();
