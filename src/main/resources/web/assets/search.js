// Find a member (GET /api/members?q=): by member id, CRM record id, email, or part of a name or email. One exact
// match (id, CRM record, email) or a single result opens the member; several are listed to choose from.
(function () {
  'use strict';
  const LB = window.LB;
  const LIMIT = 20;

  function name(m) {
    return [m.firstName, m.lastName].filter(Boolean).join(' ') || '—';
  }

  function list(answer) {
    const results = document.getElementById('search-results');
    const rows = answer.members;
    LB.replace(results,
      answer.more ? LB.el('p', { class: 'results-note muted' }, 'More members match: the first ' + rows.length
        + ' are shown; type more to narrow the search.') : null,
      LB.table([
        { title: 'Name', value: (m) => LB.el('button', { type: 'button', class: 'secondary', 'data-member': m.id,
          'aria-label': 'Open ' + name(m) + ', member ' + m.id, onclick: () => open(m.id) }, name(m)) },
        { title: 'Email', value: (m) => m.email || '—' },
        { title: 'Tier', value: (m) => m.tier || '—' },
        { title: 'Points', value: (m) => LB.fmt.n(m.points), num: true },
        { title: 'Matched by', value: (m) => m.matchedBy },
      ], rows, { stack: true }));
    results.hidden = false;
  }

  async function open(id) {
    document.getElementById('search-results').hidden = true;
    await LB.member.open(id, true);
  }

  LB.search = {
    async find(query) {
      const message = document.getElementById('lookup-message');
      const results = document.getElementById('search-results');
      results.hidden = true;
      message.textContent = 'Searching for ' + query + '…';
      const answer = await LB.call('GET', '/api/members?limit=' + LIMIT + '&q=' + encodeURIComponent(query));
      if (answer.status !== 200) {
        // The API's problem says what was wrong with the search (too long, say).
        const body = answer.body || {};
        const field = (body.errors || []).map((e) => e.message).join('; ');
        message.textContent = 'Search refused: ' + (field || body.detail || body.title || answer.status);
        return;
      }
      const members = answer.body.members;
      const exact = members.filter((m) => m.matchedBy !== 'name or email');
      if (members.length === 0) {
        message.textContent = 'No member matches "' + query + '".';
      } else if (members.length === 1 || exact.length === 1) {
        await open((exact[0] || members[0]).id);
      } else {
        message.textContent = members.length + (answer.body.more ? '+' : '') + ' members match "' + query
          + '"; choose one.';
        list(answer.body);
      }
    },
  };
})();
