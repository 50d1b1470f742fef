// The member's ledger as a timeline (GET /api/members/{id}/ledger, newest first, a page at a time) and the points
// over time chart (from /history: available and pending at the end of each day with a movement, points expired so
// far, and the points due to expire next, from the profile).
(function () {
  'use strict';
  const LB = window.LB;
  // Okabe-Ito, as the program charts: distinguishable with every common colour-vision deficiency.
  const COLOURS = { blue: '#0072B2', orange: '#E69F00', grey: '#5f6368', green: '#009E73' };
  let chart = null;
  let next = null;

  function entry(e) {
    const sign = e.points > 0 ? 'plus' : 'minus';
    // Cashback moves in the currency's minor units (cents), points in points.
    const account = { points: '', pending: ' pending', cashback: ' cashback cents',
      pending_cashback: ' pending cashback cents' }[e.account];
    return LB.el('li', { 'data-entry': e.id },
      LB.el('span', { class: 'when' }, LB.fmt.time(e.effectiveAt)),
      LB.el('span', { class: 'points ' + sign }, (e.points > 0 ? '+' : '') + LB.fmt.n(e.points) + (account === undefined ? ' ' + e.account : account)),
      LB.el('span', { class: 'what' }, e.kind + ': ' + e.reason));
  }

  function table(points, expiring) {
    const rows = points.map((p) => ({ day: p.day, available: p.available, pending: p.pending, expired: p.expired }));
    return [LB.table([
      { title: 'Day', value: (p) => p.day },
      { title: 'Available', value: (p) => LB.fmt.n(p.available), num: true },
      { title: 'Pending', value: (p) => LB.fmt.n(p.pending), num: true },
      { title: 'Expired so far', value: (p) => LB.fmt.n(p.expired), num: true },
    ], rows), expiring && expiring.points ? LB.el('p', { 'data-expiring': expiring.points },
      LB.fmt.n(expiring.points) + ' points expire from ' + window.fmt.date(expiring.firstExpiry) + '.')
      : LB.el('p', { class: 'muted' }, 'No points due to expire soon.')];
  }

  LB.timeline = {
    async entries(id, more) {
      const path = more && next ? next : '/api/members/' + id + '/ledger?limit=20';
      const page = await LB.get(path);
      const list = document.getElementById('timeline');
      const items = page.entries.map(entry);
      if (more) {
        list.append(...items);
      } else {
        LB.replace(list, items.length ? items : LB.el('li', { class: 'muted' }, 'No ledger entries.'));
      }
      next = page.next;
      document.getElementById('timeline-more').hidden = !page.next;
    },

    chart(points, expiring) {
      const labels = points.map((p) => p.day);
      const due = expiring && expiring.points ? expiring : null;
      if (due) {
        labels.push(due.firstExpiry);
      }
      const pad = (values) => (due ? values.concat([null]) : values);
      const datasets = [
        { type: 'line', label: 'Available', data: pad(points.map((p) => p.available)), borderColor: COLOURS.blue,
          backgroundColor: COLOURS.blue, stepped: true, pointRadius: 2 },
        { type: 'line', label: 'Pending', data: pad(points.map((p) => p.pending)), borderColor: COLOURS.orange,
          backgroundColor: COLOURS.orange, stepped: true, pointRadius: 2, borderDash: [6, 3] },
        { type: 'line', label: 'Expired so far', data: pad(points.map((p) => p.expired)),
          borderColor: COLOURS.grey, backgroundColor: COLOURS.grey, stepped: true, pointRadius: 0,
          borderDash: [2, 2] },
        { type: 'bar', label: 'Expiring next', data: points.map(() => null).concat(due ? [due.points] : []),
          backgroundColor: COLOURS.green },
      ];
      LB.replace(document.getElementById('member-points-table'), table(points, due));
      if (chart) {
        chart.data.labels = labels;
        chart.data.datasets = datasets;
        chart.update('none');
        return;
      }
      chart = new Chart(document.getElementById('member-points-chart'), {
        data: { labels, datasets },
        options: {
          maintainAspectRatio: false, animation: false, spanGaps: true,
          scales: { y: { beginAtZero: true, grace: '5%', ticks: { precision: 0 } },
            x: { ticks: { maxRotation: 0, autoSkip: true } } },
        },
      });
    },
  };

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('timeline-more').addEventListener('click',
      () => LB.timeline.entries(LB.member.current(), true));
  });
})();
