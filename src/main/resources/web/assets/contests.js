// Contests: the contests panel (each contest, its state and its top ranks) and, on the member page, the member's own
// rank in each contest (GET /api/members/{id}/contests) rendered into <section id="member-contests">. The member page
// dispatches an 'lb:member' event ({detail: {id}}) each time it shows a member, so the section follows it.
(function () {
  'use strict';
  const LB = window.LB;
  const EVERY_MS = 15000;
  const TOP = 5;
  let shownMember = null;

  function value(contest, v) {
    return contest.measure === 'spend' ? LB.fmt.money(v, LB.currency || 'EUR') : LB.fmt.n(v);
  }

  function prizeText(prize) {
    if (!prize) {
      return '—';
    }
    const parts = [];
    if (prize.points) parts.push(LB.fmt.n(prize.points) + ' points');
    if (prize.badge) parts.push('badge ' + prize.badge);
    return parts.join(' + ');
  }

  function dates(c) {
    return new Date(c.start).toLocaleDateString() + ' – ' + new Date(new Date(c.end).getTime() - 1).toLocaleDateString();
  }

  function contestCard(c, board) {
    const ranks = board ? board.ranks : [];
    return LB.el('article', { class: 'card', 'data-contest': c.name },
      LB.el('h3', {}, c.description + ' ', LB.el('span', { class: 'badge', 'data-status': c.status }, c.status)),
      LB.el('p', { class: 'muted' }, dates(c) + ' · ' + c.measure + (Number(c.minimum) > 0 ? ' · from '
        + value(c, c.minimum) : '') + (board ? ' · ' + LB.fmt.n(board.participants) + ' taking part' : '')),
      ranks.length === 0 ? LB.el('p', { class: 'muted' }, c.status === 'upcoming' ? 'Not started yet.' : 'Nobody qualifies yet.')
        : LB.table([
          { title: 'Rank', value: (r) => r.rank, num: true },
          { title: 'Member', value: (r) => (r.firstName || '') + ' #' + r.memberId },
          { title: c.measure, value: (r) => value(c, r.value), num: true },
          { title: 'Prize', value: (r) => prizeText(r.prize) },
        ], ranks, { stack: true }));
  }

  async function loadPanel() {
    const panel = document.getElementById('contests-panel');
    if (!panel || !LB.token.get() || !LB.may('api-contests')) {
      if (panel) panel.hidden = true;
      return;
    }
    const list = await LB.get('/api/contests');
    panel.hidden = false;
    if (list.contests.length === 0) {
      LB.replace(document.getElementById('contests-list'), LB.el('p', { class: 'muted' },
        'The program declares no contest (contests: in config/program.yaml).'));
      return;
    }
    const boards = await Promise.all(list.contests.map((c) => (c.status === 'upcoming' ? null
      : LB.get('/api/contests/' + encodeURIComponent(c.name) + '?limit=' + TOP))));
    LB.replace(document.getElementById('contests-list'), list.contests.map((c, i) => contestCard(c, boards[i])));
  }

  function memberRow(r) {
    const s = r.standing;
    return {
      name: r.description,
      status: r.status,
      rank: s ? s.rank + ' of ' + LB.fmt.n(r.participants) : 'not ranked',
      value: s ? value(r, s.value) : '—',
      prize: r.won ? 'won ' + prizeText(r.won) : s && s.prize && r.status !== 'closed' ? 'in line for ' + prizeText(s.prize) : '—',
    };
  }

  async function showMember(id) {
    const section = document.getElementById('member-contests');
    if (!section || !id || !LB.may('api-members-contests')) {
      return;
    }
    shownMember = String(id);
    const body = await LB.get('/api/members/' + encodeURIComponent(id) + '/contests');
    if (shownMember !== String(id)) {
      return; // another member was shown meanwhile
    }
    const rows = body.contests.map(memberRow);
    LB.replace(section, LB.el('h3', {}, 'Contests'), rows.length === 0
      ? LB.el('p', { class: 'muted' }, 'No contest has started.')
      : LB.table([
        { title: 'Contest', value: (r) => r.name },
        { title: 'State', value: (r) => r.status },
        { title: 'Rank', value: (r) => LB.el('span', { 'data-contest-rank': r.name }, r.rank), num: true },
        { title: 'Value', value: (r) => r.value, num: true },
        { title: 'Prize', value: (r) => r.prize },
      ], rows, { stack: true }));
    section.hidden = false;
  }

  function schedule() {
    loadPanel().catch(() => null).finally(() => setTimeout(schedule, document.hidden ? EVERY_MS * 4 : EVERY_MS));
  }

  LB.contests = { showMember, loadPanel };
  document.addEventListener('lb:member', (e) => showMember(e.detail && e.detail.id).catch(() => null));
  document.addEventListener('DOMContentLoaded', () => {
    setTimeout(schedule, 500);
  });
})();
