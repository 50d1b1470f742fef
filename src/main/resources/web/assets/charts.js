// The program's figures and charts from GET /api/kpis (and, beside them, GET /api/kpis/program's liability in money
// and participation). Charts are created once and then updated in place, so an
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
    if (!styled) {
      setDefaults();
      styled = true;
    }
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

  function figures(k, r) {
    const l = k.liability;
    const fmt = window.fmt;
    // The liability in money first: what a finance team books. Without a declared pointValue, in points only.
    const money = r && r.liability.money !== null && r.liability.money !== undefined;
    const items = [
      ['Points liability', money ? fmt.money(r.liability.money) : fmt.points(l.totalPoints),
        money ? fmt.points(l.totalPoints) + ' at ' + fmt.money(r.pointValue) + ' a point, plus '
          + fmt.money(l.cashback, l.currency) + ' cashback' : 'no pointValue in program.yaml', 'liabilityMoney'],
      ['Outstanding points', fmt.n(l.totalPoints) + ' pts',
        fmt.n(l.points) + ' available + ' + fmt.n(l.pendingPoints) + ' pending', 'liability'],
      ['Members', fmt.n(k.members), null, 'members'],
      ['Active members', fmt.n(k.activeMembers), 'an order in the last 90 days', 'activeMembers'],
      r ? ['Participation', fmt.pct(r.participation.rate), fmt.n(r.participation.participating)
        + ' earning in 90 days / ' + fmt.n(r.participation.members) + ' members', 'participation'] : null,
      ['Redemption rate', fmt.pct(k.redemptionRate.value), ratioText(k.redemptionRate, 'redeemed', 'issued')
        + ', 12 months', 'redemptionRate'],
      ['Repeat-purchase rate', fmt.pct(k.repeatPurchaseRate.value),
        ratioText(k.repeatPurchaseRate, 'with 2+ orders', 'buyers'), 'repeatPurchaseRate'],
      ['Retention rate', fmt.pct(k.retentionRate.value),
        ratioText(k.retentionRate, 'still active', 'active 90–180 days ago'), 'retentionRate'],
    ].filter(Boolean);
    LB.replace(document.getElementById('figures'), items.map(([term, value, note, key]) =>
      LB.el('div', {}, LB.el('dt', {}, term), LB.el('dd', { 'data-kpi': key }, value, note ? LB.el('small', {}, note)
        : null))));
    document.getElementById('program-as-of').textContent = 'As of ' + fmt.dateTime(k.asOf)
      + ' (' + fmt.settings().timeZone + ')';
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
      { title: 'Month', value: (m) => window.fmt.month(m.month) },
      { title: 'Issued', value: (m) => LB.fmt.n(m.issued), num: true },
      { title: 'Redeemed', value: (m) => LB.fmt.n(m.redeemed), num: true },
      { title: 'Expired', value: (m) => LB.fmt.n(m.expired), num: true },
    ], k.points.months));
  }

  LB.charts = { draw, bar, COLOURS };

  LB.kpis = {
    /** k: GET /api/kpis; r: GET /api/kpis/program, or null for a token that may not read it. */
    render(k, r) {
      LB.currency = k.liability.currency;
      figures(k, r);
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
      draw('points-chart', bar(months.map((m) => window.fmt.month(m.month)), [
        { label: 'Issued', data: months.map((m) => m.issued), backgroundColor: COLOURS.blue },
        { label: 'Redeemed', data: months.map((m) => m.redeemed), backgroundColor: COLOURS.orange },
        { label: 'Expired', data: months.map((m) => m.expired), backgroundColor: COLOURS.grey },
      ], false));
    },
  };
})();
