// The member page's history (GET /api/members/{id}/history and /orders): orders with their lines, status and
// refunds, tier changes and grants, badges and referrals, consent, and the notifications sent.
(function () {
  'use strict';
  const LB = window.LB;
  let shownHistory = null;
  let nextOrders = null;

  const none = (text) => LB.el('p', { class: 'muted' }, text);

  function money(amount, currency) {
    try {
      return LB.fmt.money(amount, currency);
    } catch (unknownCurrency) {
      return amount + ' ' + currency;
    }
  }

  function lines(order) {
    return LB.el('ul', { class: 'order-lines' }, (order.lines || []).map((l) => LB.el('li', {},
      l.quantity + ' × ' + (l.sku || 'item') + (l.category ? ' (' + l.category + ')' : '') + ' at '
      + money(l.unitPrice, order.currency))));
  }

  function status(order) {
    const refunded = Number(order.refundedAmount) > 0 ? ', ' + money(order.refundedAmount, order.currency)
      + ' refunded' : '';
    return order.status.replace('_', ' ') + refunded;
  }

  const ORDER_COLUMNS = [
    { title: 'Placed', value: (o) => LB.fmt.time(o.placedAt) },
    { title: 'Order', value: (o) => LB.el('span', { 'data-order': o.externalId }, o.source + ' ' + o.externalId) },
    { title: 'Status', value: (o) => LB.el('span', { 'data-order-status': o.externalId }, status(o)) },
    { title: 'Total', value: (o) => money(o.total, o.currency), num: true },
    { title: 'Points earned', value: (o) => LB.fmt.n(o.earnedPoints), num: true },
    { title: 'Lines', value: lines },
  ];

  async function orders(id, more) {
    const path = more && nextOrders ? nextOrders : '/api/members/' + id + '/orders?limit=20';
    const page = await LB.get(path);
    const box = document.getElementById('orders');
    const rows = page.orders;
    if (!more) {
      LB.replace(box, rows.length ? LB.table(ORDER_COLUMNS, rows, { stack: true }) : none('No orders.'));
    } else {
      const body = box.querySelector('tbody');
      LB.table(ORDER_COLUMNS, rows, { stack: true }).querySelectorAll('tbody tr')
        .forEach((tr) => body.append(tr));
    }
    nextOrders = page.next;
    document.getElementById('orders-more').hidden = !page.next;
  }

  function tiers(h) {
    const changes = h.tierChanges.length ? LB.table([
      { title: 'When', value: (c) => LB.fmt.time(c.occurredAt) },
      { title: 'Change', value: (c) => (c.previousTier || '—') + ' → ' + c.tier
        + (c.direction === 'tier_up' ? ' (up)' : ' (down)') },
    ], h.tierChanges, { stack: true }) : none('No tier change recorded.');
    const grants = h.tierGrants.length ? LB.table([
      { title: 'Granted', value: (g) => LB.fmt.time(g.grantedAt) + ' by ' + g.grantedBy },
      { title: 'Grant', value: (g) => LB.el('span', { 'data-grant': g.id }, (g.mode === 'pin' ? 'pinned at '
        : 'at least ') + g.tier + (g.until ? ' through ' + g.until : ' until revoked') + ': ' + g.reason) },
      { title: 'Ended', value: (g) => (g.endedAt ? LB.fmt.time(g.endedAt) + ' by ' + g.endedBy + ' ('
        + g.endReason + ')' : 'in force') },
    ], h.tierGrants, { stack: true }) : none('No tier grant.');
    return [LB.el('h4', {}, 'Tier changes'), changes, LB.el('h4', {}, 'Tier grants'), grants];
  }

  function badgesAndReferrals(h) {
    const badges = h.badges.length ? LB.el('ul', {}, h.badges.map((b) => LB.el('li', { 'data-badge': b.badge },
      b.badge + ', ' + LB.fmt.time(b.grantedAt)))) : none('No badge yet.');
    const referral = (r) => 'member ' + r.memberId + (r.email ? ' (' + r.email + ')' : '') + ', '
      + (r.completedAt ? 'completed ' + LB.fmt.time(r.completedAt) : 'not completed yet');
    return [LB.el('h4', {}, 'Badges'), badges, LB.el('h4', {}, 'Referred by'),
      h.referredBy ? LB.el('p', {}, referral(h.referredBy)) : none('Nobody.'),
      LB.el('h4', {}, 'Referred'), h.referred.length
        ? LB.el('ul', {}, h.referred.map((r) => LB.el('li', {}, referral(r)))) : none('Nobody yet.')];
  }

  function consent(h) {
    return h.consent.length ? LB.table([
      { title: 'When', value: (c) => LB.fmt.time(c.recordedAt) },
      { title: 'Marketing', value: (c) => (c.marketing ? 'yes' : 'no') },
      { title: 'Source', value: (c) => c.source },
    ], h.consent, { stack: true }) : none('No consent recorded.');
  }

  function deliveries(h) {
    return h.deliveries.length ? LB.table([
      { title: 'When', value: (d) => LB.fmt.time(d.createdAt) },
      { title: 'Event', value: (d) => d.event.replaceAll('_', ' ') },
      { title: 'Channel', value: (d) => d.channel },
      { title: 'Status', value: (d) => d.status + (d.attempts > 1 ? ' after ' + d.attempts + ' attempts' : '')
        + (d.lastError && d.status !== 'delivered' ? ': ' + d.lastError : '') },
    ], h.deliveries, { stack: true }) : none('No notification.');
  }

  function render(h) {
    const key = JSON.stringify(h);
    if (key === shownHistory) {
      return;
    }
    shownHistory = key;
    LB.replace(document.getElementById('tier-history'), tiers(h));
    LB.replace(document.getElementById('badges-referrals'), badgesAndReferrals(h));
    LB.replace(document.getElementById('consent'), consent(h));
    LB.replace(document.getElementById('deliveries'), deliveries(h));
    LB.timeline.chart(h.points, LB.member.profile ? LB.member.profile.expiringPoints : null);
  }

  LB.memberHistory = {
    /** {fresh}: orders and ledger from their first page too (a member opened, or an action done). */
    async load(id, fresh) {
      if (fresh) {
        shownHistory = null;
        await Promise.all([orders(id, false), LB.timeline.entries(id, false)]);
      }
      render(await LB.get('/api/members/' + id + '/history'));
    },
  };

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('orders-more').addEventListener('click', () => orders(LB.member.current(), true));
  });
})();
