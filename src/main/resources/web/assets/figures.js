// The figures a program manager reports on, from GET /api/kpis/program: what the points are worth, when they
// expire, tier moves, and what each campaign and reward brought for what it cost; every table downloads as CSV.
// Each figure is defined in the README ("Program figures").
(function () {
  'use strict';
  const LB = window.LB;
  const fmt = window.fmt;
  const TABLES = [['campaigns', 'Campaigns'], ['rewards', 'Rewards'], ['liability', 'Liability'],
    ['expiry', 'Expiry forecast'], ['tier-moves', 'Tier moves'], ['participation', 'Participation'],
    ['points', 'Points per month'], ['tiers', 'Members by tier'], ['segments', 'Segment sizes']];
  let shown = null;

  const returnTitle = () => 'Return (revenue per ' + fmt.money(1) + ' of cost)';
  const returns = (v) => (v === null || v === undefined ? '— (no cost)' : fmt.n(v));

  function campaigns(rows) {
    return LB.table([
      { title: 'Campaign', value: (c) => c.name },
      { title: 'Members reached', value: (c) => fmt.n(c.members), num: true },
      { title: 'Orders', value: (c) => fmt.n(c.orders), num: true },
      { title: 'Revenue', value: (c) => fmt.money(c.revenue), num: true },
      { title: 'Points given', value: (c) => fmt.n(c.points), num: true },
      { title: 'Cost', value: (c) => fmt.money(c.cost), num: true },
      { title: returnTitle(), value: (c) => returns(c['return']), num: true },
    ], rows, { stack: true });
  }

  function rewards(rows) {
    return LB.table([
      { title: 'Reward', value: (r) => r.name },
      { title: 'Paid with', value: (r) => r.account },
      { title: 'Members', value: (r) => fmt.n(r.members), num: true },
      { title: 'Redemptions', value: (r) => fmt.n(r.redemptions), num: true },
      { title: 'Redeemed', value: (r) => (r.account === 'cashback' ? fmt.money(r.cashback) : fmt.points(r.points)),
        num: true },
      { title: 'Orders within 30 days', value: (r) => fmt.n(r.orders), num: true },
      { title: 'Revenue', value: (r) => fmt.money(r.revenue), num: true },
      { title: 'Cost', value: (r) => fmt.money(r.cost), num: true },
      { title: returnTitle(), value: (r) => returns(r['return']), num: true },
    ], rows, { stack: true });
  }

  /** Fetches one table as CSV with the signed-in token (a plain link could not carry it). */
  async function csv(name) {
    const response = await fetch('/api/kpis/csv/' + name, {
      headers: { Authorization: 'Bearer ' + LB.token.get() }, cache: 'no-store' });
    if (response.status === 401) {
      throw new LB.Unauthorized('the token was refused');
    }
    if (response.status !== 200) {
      throw new Error(name + '.csv: ' + response.status);
    }
    return response.text();
  }

  async function download(name, title) {
    const result = document.getElementById('csv-result');
    try {
      const text = await csv(name);
      const link = LB.el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })),
        download: name + '.csv', hidden: true });
      document.body.append(link);
      link.click();
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      result.textContent = title + ' downloaded as ' + name + '.csv (' + (text.trim().split('\n').length - 1)
        + ' rows).';
    } catch (failure) {
      result.textContent = 'Download failed: ' + failure.message;
    }
  }

  function downloads() {
    const container = document.getElementById('csv-downloads');
    if (container.childElementCount === 0) {
      LB.replace(container, TABLES.map(([name, title]) => LB.el('button', { type: 'button', class: 'secondary',
        'data-csv': name, onclick: () => download(name, title) }, title)));
    }
  }

  function charts(r) {
    const { draw, bar, COLOURS } = LB.charts;
    draw('expiry-chart', bar(r.expiryForecast.map((m) => fmt.month(m.month)), [{
      label: 'Points expiring', data: r.expiryForecast.map((m) => m.points), backgroundColor: COLOURS.grey,
    }], false));
    // Up and down as two labelled datasets: the legend says which is which without the colour.
    draw('moves-chart', bar(r.tierMoves.map((m) => fmt.month(m.month)), [
      { label: 'Moved up', data: r.tierMoves.map((m) => m.up), backgroundColor: COLOURS.green },
      { label: 'Moved down', data: r.tierMoves.map((m) => m.down), backgroundColor: COLOURS.orange },
    ], false));
  }

  LB.figures = {
    csv,
    /** Sets the page's formats from the program (locale, currency, zone) before anything is drawn. */
    configure(r) {
      fmt.configure({ locale: r.locale, currency: r.currency, timeZone: r.timeZone });
    },
    render(r) {
      downloads();
      charts(r);
      // Tables are re-built only when their data changed, so a refresh does not disturb a reader.
      const key = JSON.stringify([r.campaigns, r.rewards, r.expiryForecast, r.tierMoves]);
      if (key === shown) {
        return;
      }
      shown = key;
      LB.replace(document.getElementById('campaigns-table'), campaigns(r.campaigns));
      LB.replace(document.getElementById('rewards-table'), rewards(r.rewards));
      LB.replace(document.getElementById('expiry-table'), LB.table([
        { title: 'Month', value: (m) => fmt.month(m.month) },
        { title: 'Points expiring', value: (m) => fmt.n(m.points), num: true },
        { title: 'Worth', value: (m) => fmt.money(m.money), num: true },
      ], r.expiryForecast));
      LB.replace(document.getElementById('moves-table'), LB.table([
        { title: 'Month', value: (m) => fmt.month(m.month) },
        { title: 'Moved up', value: (m) => fmt.n(m.up), num: true },
        { title: 'Moved down', value: (m) => fmt.n(m.down), num: true },
      ], r.tierMoves));
    },
  };
})();
