// The token, the API calls and the small helpers every part of the page shares. Data is always put into the page
// as text nodes (never as HTML), so nothing a CRM or a member typed can run as script here.
(function () {
  'use strict';
  const KEY = 'loyaltybridge.token';
  const LB = window.LB = window.LB || {};

  LB.token = {
    // A token in the URL fragment (#token=...) is taken once and removed from the address bar and history.
    fromFragment() {
      const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
      if (match) {
        sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
        history.replaceState(null, '', window.location.pathname + window.location.search);
      }
    },
    get: () => sessionStorage.getItem(KEY),
    set: (value) => sessionStorage.setItem(KEY, value.trim()),
    forget: () => sessionStorage.removeItem(KEY),
  };

  class Unauthorized extends Error {}
  LB.Unauthorized = Unauthorized;

  /** Calls the API; answers {status, body}. A 401 throws Unauthorized, so the page asks for the token again. */
  LB.call = async function (method, path, body) {
    const headers = { Authorization: 'Bearer ' + LB.token.get(), Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
    if (response.status === 401) {
      throw new Unauthorized('the token was refused');
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (notJson) {
      json = null;
    }
    return { status: response.status, body: json };
  };

  /** GET that must succeed: anything but 200 throws with the problem's detail. */
  LB.get = async function (path) {
    const answer = await LB.call('GET', path);
    if (answer.status !== 200) {
      throw new Error(path + ': ' + ((answer.body && (answer.body.detail || answer.body.title)) || answer.status));
    }
    return answer.body;
  };

  /**
   * Who the token is and what it may call (GET /api/me), so the page offers only what the token can do. Until it
   * is known, or from a server without /api/me, everything is offered and the API's 403 has the last word.
   */
  LB.me = null;
  LB.may = (routeId) => !LB.me || !LB.me.operations || Object.prototype.hasOwnProperty.call(LB.me.operations, routeId);
  LB.loadMe = async function () {
    const answer = await LB.call('GET', '/api/me');
    LB.me = answer.status === 200 ? answer.body : null;
    return LB.me;
  };

  /** el('td', {class: 'num'}, 'text', child...) */
  LB.el = function (tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) {
        return;
      }
      if (name.startsWith('on')) {
        node.addEventListener(name.substring(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    children.flat().forEach((child) => {
      if (child !== undefined && child !== null && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  };

  LB.replace = function (container, ...children) {
    container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
  };

  /**
   * A table from column definitions [{title, value(row), num?}] and rows. {stack: true} lays each row out as a
   * small card of "title: value" lines on a phone, where a wide table would only scroll sideways.
   */
  LB.table = function (columns, rows, options) {
    const stack = options && options.stack;
    return LB.el('div', { class: 'table-wrap' }, LB.el('table', { class: stack ? 'stack' : null },
      LB.el('thead', {}, LB.el('tr', {}, columns.map((c) => LB.el('th', { scope: 'col', class: c.num ? 'num' : null },
        c.title)))),
      LB.el('tbody', {}, rows.map((row) => LB.el('tr', {}, columns.map((c) =>
        LB.el('td', { class: c.num ? 'num' : null, 'data-label': c.title }, c.value(row))))))));
  };

  const numbers = new Intl.NumberFormat(undefined);
  LB.fmt = {
    n: (value) => (value === null || value === undefined ? '—' : numbers.format(value)),
    pct: (ratio) => (ratio === null || ratio === undefined ? '—'
      : new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(ratio)),
    money: (amount, currency) => new Intl.NumberFormat(undefined, { style: 'currency', currency })
      .format(Number(amount)),
    time: (iso) => (iso ? new Date(iso).toLocaleString() : 'never'),
    duration(seconds) {
      if (seconds === null || seconds === undefined) {
        return '—';
      }
      const s = Math.max(0, Math.round(seconds));
      if (s < 90) return s + ' s';
      if (s < 5400) return Math.round(s / 60) + ' min';
      if (s < 172800) return Math.round(s / 3600) + ' h';
      return Math.round(s / 86400) + ' days';
    },
  };
})();
