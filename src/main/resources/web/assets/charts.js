// The program's figures and charts from GET /api/kpis. Charts are created once and then updated in place, so an
// auto-refresh does not re-animate them or lose the reader's tooltip.
(function () {
  'use strict';
  const LB = window.LB;
  // Okabe-Ito: distinguishable with every common colour-vision deficiency.
  const COLOURS = { blue: '#0072B2', orange: '#E69F00', grey: '#5f6368', green: '#009E73' };
  const charts = {};
  let styled = false;

  function setDefaults() {
    Chart.defaults.color = '#1f2328';
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.animation = false;
  }

  function draw(id, config) {
    if (charts[id]) {
      charts[id].data.labels = config.data.labels;
      config.data.datasets.forEach((dataset, i) => Object.assign(charts[id].data.datasets[i], dataset));
      charts[id].update('none');
    } else {
      charts[id] = new Chart(document.getElementById(id), config);
    }
  }

  function bar(labels, datasets, horizontal) {
    const stacked = datasets.some((d) => d.stack);
    return {
      type: 'bar',
      data: { labels, datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: datasets.length > 1 } },
        scales: {
          [horizontal ? 'x' : 'y']: { beginAtZero: true, grace: '5%', stacked, ticks: { precision: 0 } },
          // Month labels skip rather than tilt when space is short (a phone); every segment keeps its name.
          [horizontal ? 'y' : 'x']: { stacked, ticks: { maxRotation: 0, autoSkip: !horizontal } },
        },
      },
    };
  }

  function figures(k) {
    const l = k.liability;
    const items = [
      ['Members', LB.fmt.n(k.members), null, 'members'],
      ['Active members', LB.fmt.n(k.activeMembers), 'an order in the last 90 days', 'activeMembers'],
      ['Outstanding liability', LB.fmt.n(l.totalPoints) + ' pts',
        LB.fmt.n(l.points) + ' available + ' + LB.fmt.n(l.pendingPoints) + ' pending; cashback '
        + LB.fmt.money(l.cashback, l.currency), 'liability'],
      ['Redemption rate', LB.fmt.pct(k.redemptionRate.value), ratioText(k.redemptionRate, 'redeemed', 'issued')
        + ', 12 months', 'redemptionRate'],
      ['Repeat-purchase rate', LB.fmt.pct(k.repeatPurchaseRate.value),
        ratioText(k.repeatPurchaseRate, 'with 2+ orders', 'buyers'), 'repeatPurchaseRate'],
      ['Retention rate', LB.fmt.pct(k.retentionRate.value),
        ratioText(k.retentionRate, 'still active', 'active 90–180 days ago'), 'retentionRate'],
    ];
    LB.replace(document.getElementById('figures'), items.map(([term, value, note, key]) =>
      LB.el('div', {}, LB.el('dt', {}, term), LB.el('dd', { 'data-kpi': key }, value, note ? LB.el('small', {}, note)
        : null))));
  }

  function ratioText(r, what, of) {
    return LB.fmt.n(r.numerator) + ' ' + what + ' / ' + LB.fmt.n(r.denominator) + ' ' + of;
  }

  function tables(k) {
    LB.replace(document.getElementById('tiers-table'), LB.table([
      { title: 'Tier', value: (t) => t.tier }, { title: 'Members', value: (t) => LB.fmt.n(t.members), num: true },
    ], k.membersByTier));
    LB.replace(document.getElementById('segments-table'), LB.table([
      { title: 'Segment', value: (s) => s.segment }, { title: 'Kind', value: (s) => s.kind },
      { title: 'Members', value: (s) => LB.fmt.n(s.members), num: true },
    ], k.segments));
    LB.replace(document.getElementById('points-table'), LB.table([
      { title: 'Month', value: (m) => m.month }, { title: 'Issued', value: (m) => LB.fmt.n(m.issued), num: true },
      { title: 'Redeemed', value: (m) => LB.fmt.n(m.redeemed), num: true },
      { title: 'Expired', value: (m) => LB.fmt.n(m.expired), num: true },
    ], k.points.months));
  }

  LB.kpis = {
    render(k) {
      if (!styled) {
        setDefaults();
        styled = true;
      }
      LB.currency = k.liability.currency;
      figures(k);
      tables(k);
      draw('tiers-chart', bar(k.membersByTier.map((t) => t.tier), [{
        label: 'Members', data: k.membersByTier.map((t) => t.members), backgroundColor: COLOURS.blue,
      }], false));
      // RFM and custom segments as two datasets: the legend names the kind, so it is readable without the colour.
      const segments = k.segments;
      draw('segments-chart', bar(segments.map((s) => s.segment), [
        { label: 'RFM segment', data: segments.map((s) => (s.kind === 'custom' ? null : s.members)),
          backgroundColor: COLOURS.blue, stack: 'one' },
        { label: 'Custom segment', data: segments.map((s) => (s.kind === 'custom' ? s.members : null)),
          backgroundColor: COLOURS.orange, stack: 'one' },
      ], true));
      const months = k.points.months;
      draw('points-chart', bar(months.map((m) => m.month), [
        { label: 'Issued', data: months.map((m) => m.issued), backgroundColor: COLOURS.blue },
        { label: 'Redeemed', data: months.map((m) => m.redeemed), backgroundColor: COLOURS.orange },
        { label: 'Expired', data: months.map((m) => m.expired), backgroundColor: COLOURS.grey },
      ], false));
    },
  };
})();
