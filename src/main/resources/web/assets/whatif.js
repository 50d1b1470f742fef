// The What if panel: a candidate program file (uploaded or pasted) is posted to POST /api/program/what-if, its run
// polled until it ends, then the two programs are shown side by side. Nothing here runs while no run is asked for.
(function () {
  'use strict';
  const LB = window.LB;
  const $ = (id) => document.getElementById(id);
  // Okabe-Ito blue for the program in force, orange for the candidate (the legend names both: not by colour alone).
  const NOW = '#0072B2';
  const CANDIDATE = '#E69F00';
  const charts = {};
  let current = null;

  function draw(id, labels, now, candidate) {
    const datasets = [
      { label: 'Now', data: now, backgroundColor: NOW },
      { label: 'Candidate', data: candidate, backgroundColor: CANDIDATE },
    ];
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new Chart($(id), {
      type: 'bar',
      data: { labels, datasets },
      options: { animation: false, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxRotation: 0 } } } },
    });
  }

  function change(now, candidate) {
    const d = candidate - now;
    return (d > 0 ? '+' : '') + LB.fmt.n(d);
  }

  function show(run) {
    const r = run.result;
    const t = r.totals;
    const money = (amount) => LB.fmt.money(amount, r.currency);
    const items = [
      ['Points owed', LB.fmt.n(t.now.liabilityPoints) + ' → ' + LB.fmt.n(t.candidate.liabilityPoints),
        change(t.now.liabilityPoints, t.candidate.liabilityPoints) + ' (pending included)'],
      ['Cashback owed', money(t.now.cashback) + ' → ' + money(t.candidate.cashback), 'pending included'],
      ['Members changed', LB.fmt.n(r.changedMembers), 'of ' + LB.fmt.n(r.members) + ', over '
        + LB.fmt.n(r.orders) + ' orders'],
      ['Tier moves', '↑ ' + LB.fmt.n(r.movedUp) + ' · ↓ ' + LB.fmt.n(r.movedDown), 'up · down a tier'],
    ];
    LB.replace($('whatif-totals'), items.map(([term, value, note]) =>
      LB.el('div', {}, LB.el('dt', {}, term), LB.el('dd', {}, value, LB.el('small', {}, note)))));
    const months = r.issuedByMonth;
    draw('whatif-issued-chart', months.map((m) => m.month), months.map((m) => m.now),
      months.map((m) => m.candidate));
    LB.replace($('whatif-issued-table'), LB.table([
      { title: 'Month', value: (m) => m.month }, { title: 'Now', value: (m) => LB.fmt.n(m.now), num: true },
      { title: 'Candidate', value: (m) => LB.fmt.n(m.candidate), num: true },
    ], months));
    draw('whatif-tiers-chart', r.tiers.map((x) => x.tier), r.tiers.map((x) => x.now),
      r.tiers.map((x) => x.candidate));
    LB.replace($('whatif-tiers-table'), LB.table([
      { title: 'Tier', value: (x) => x.tier }, { title: 'Now', value: (x) => LB.fmt.n(x.now), num: true },
      { title: 'Candidate', value: (x) => LB.fmt.n(x.candidate), num: true },
    ], r.tiers));
    LB.replace($('whatif-largest'), LB.table([
      { title: 'Member', value: (c) => c.memberId, num: true },
      { title: 'Points now', value: (c) => LB.fmt.n(c.now.points + c.now.pendingPoints), num: true },
      { title: 'Candidate', value: (c) => LB.fmt.n(c.candidate.points + c.candidate.pendingPoints), num: true },
      { title: 'Cashback now', value: (c) => money(c.now.cashback), num: true },
      { title: 'Candidate', value: (c) => money(c.candidate.cashback), num: true },
      { title: 'Tier now', value: (c) => c.now.tier }, { title: 'Candidate', value: (c) => c.candidate.tier },
    ], r.largestChanges, { stack: true }));
    LB.replace($('whatif-rules'), run.rulesChanged.length
      ? run.rulesChanged.map((c) => LB.el('li', {}, c.text))
      : [LB.el('li', {}, 'none: the files hold the same rules')]);
    $('whatif-result').hidden = false;
  }

  async function follow(id) {
    for (;;) {
      const run = await LB.get('/api/program/what-if/' + id);
      $('whatif-progress').value = run.progress.percent;
      if (run.state === 'running') {
        $('whatif-status').textContent = 'Replaying: ' + LB.fmt.n(run.progress.ordersDone) + ' of '
          + LB.fmt.n(run.progress.ordersTotal) + ' orders (' + run.progress.percent + ' %)';
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      $('whatif-progress').hidden = true;
      if (run.state === 'failed') {
        $('whatif-status').textContent = 'The what-if failed: ' + run.error;
        return;
      }
      $('whatif-status').textContent = 'Done in ' + LB.fmt.duration(run.durationMs / 1000) + ': '
        + LB.fmt.n(run.result.members) + ' members, ' + LB.fmt.n(run.result.orders) + ' orders.';
      current = run;
      show(run);
      return;
    }
  }

  async function start(event) {
    event.preventDefault();
    LB.replace($('whatif-problems'));
    const file = $('whatif-file').files[0];
    const text = file ? await file.text() : $('whatif-text').value;
    if (!text.trim()) {
      $('whatif-status').textContent = 'Choose a program file or paste one first.';
      return;
    }
    const from = $('whatif-from').value;
    const response = await fetch('/api/program/what-if' + (from ? '?from=' + encodeURIComponent(from) : ''), {
      method: 'POST', body: text, cache: 'no-store',
      headers: { Authorization: 'Bearer ' + LB.token.get(), 'Content-Type': 'application/yaml' },
    });
    const body = await response.json().catch(() => null);
    if (response.status !== 202) {
      $('whatif-status').textContent = 'Refused: ' + ((body && (body.detail || body.title)) || response.status);
      LB.replace($('whatif-problems'), ((body && body.errors) || []).map((e) =>
        LB.el('li', {}, e.field + ': ' + e.message)));
      return;
    }
    $('whatif-result').hidden = true;
    $('whatif-progress').hidden = false;
    $('whatif-progress').value = 0;
    $('whatif-status').textContent = 'Started run ' + body.id + '…';
    try {
      await follow(body.id);
    } catch (failure) {
      $('whatif-status').textContent = 'Could not follow the run: ' + failure.message;
    }
  }

  async function download() {
    if (!current) {
      return;
    }
    const response = await fetch(current.links.members, {
      headers: { Authorization: 'Bearer ' + LB.token.get() }, cache: 'no-store' });
    const url = URL.createObjectURL(await response.blob());
    const link = LB.el('a', { href: url, download: 'what-if-' + current.id + '.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('whatif-form').addEventListener('submit', start);
    $('whatif-csv').addEventListener('click', download);
  });
})();
