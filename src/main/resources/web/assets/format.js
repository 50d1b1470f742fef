// Numbers, money and dates in the PROGRAM's locale, currency and time zone (program.yaml: locale, currency,
// timeZone), never the browser's: a EUR / Europe/Paris program reads 1 234,56 € and 31/12/2026 on every desk.
// One small module for every part of the page:
//   fmt.money(v[, currency]) fmt.points(v) fmt.n(v) fmt.pct(ratio) fmt.date(iso) fmt.dateTime(iso) fmt.month('2026-12')
// app.js calls fmt.configure({locale, currency, timeZone}) with GET /api/kpis/program's answer before drawing.
(function () {
  'use strict';
  const settings = { locale: 'en', currency: 'EUR', timeZone: 'UTC' };
  let cache = {};

  function format(key, make) {
    if (!cache[key]) {
      cache[key] = make();
    }
    return cache[key];
  }

  const missing = (v) => v === null || v === undefined || v === '';
  const dash = '—';

  const fmt = {
    configure(options) {
      const next = Object.assign({}, settings, options || {});
      if (next.locale !== settings.locale || next.currency !== settings.currency
        || next.timeZone !== settings.timeZone) {
        Object.assign(settings, next);
        cache = {};
      }
    },
    settings: () => Object.assign({}, settings),
    n: (v) => (missing(v) ? dash : format('n', () => new Intl.NumberFormat(settings.locale)).format(Number(v))),
    points: (v) => (missing(v) ? dash : fmt.n(v) + ' ' + (Number(v) === 1 ? 'point' : 'points')),
    money(v, currency) {
      if (missing(v)) {
        return dash;
      }
      const code = currency || settings.currency;
      return format('money:' + code, () => new Intl.NumberFormat(settings.locale,
        { style: 'currency', currency: code })).format(Number(v));
    },
    pct: (ratio) => (missing(ratio) ? dash : format('pct', () => new Intl.NumberFormat(settings.locale,
      { style: 'percent', maximumFractionDigits: 1 })).format(Number(ratio))),
    /** A day (2026-12-31) as it is, or the program-zone day of an instant. */
    date(iso) {
      if (missing(iso)) {
        return dash;
      }
      // A bare day has no zone: read it as UTC and write it in UTC, so no zone can move it to another day.
      const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
      return format('date:' + day, () => new Intl.DateTimeFormat(settings.locale,
        { dateStyle: 'short', timeZone: day ? 'UTC' : settings.timeZone })).format(new Date(iso));
    },
    dateTime: (iso) => (missing(iso) ? dash : format('dateTime', () => new Intl.DateTimeFormat(settings.locale,
      { dateStyle: 'short', timeStyle: 'medium', timeZone: settings.timeZone })).format(new Date(iso))),
    /** A month (2026-12) as the locale names it, for chart labels and tables. */
    month: (yearMonth) => (missing(yearMonth) ? dash : format('month', () => new Intl.DateTimeFormat(
      settings.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })).format(new Date(yearMonth + '-01'))),
  };
  window.fmt = fmt;

  // The page's older helpers keep their names and now speak the program's locale too.
  const LB = window.LB = window.LB || {};
  LB.fmt = Object.assign(LB.fmt || {}, {
    n: fmt.n,
    pct: fmt.pct,
    money: (amount, currency) => fmt.money(amount, currency),
    time: (iso) => (missing(iso) ? 'never' : fmt.dateTime(iso)),
  });
})();
