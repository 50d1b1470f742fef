// The member page: the core's profile and its explanation, and beside them the loyalty fields as each connected CRM
// holds them (GET /api/members/{id}/crm), so one sees at a glance that they agree.
(function () {
  'use strict';
  const LB = window.LB;
  const fmt = window.fmt;
  // What a CRM field holds, where its bare name or number would leave a reader guessing.
  const FIELD_NOTES = { cltv: 'predicted lifetime value, program currency', segment: 'RFM segment',
    'churn-risk': 'vs own buying rhythm', cashback: 'program currency' };
  let current = null;
  let shown = null;

  function profileRows(p) {
    const tier = p.tier || {};
    const segments = p.segments || {};
    const cltv = segments.cltv || {};
    return [
      ['Member id', p.id, 'id'],
      ['Email', p.email, 'email'],
      ['Name', [p.firstName, p.lastName].filter(Boolean).join(' ') || '—', 'name'],
      ['Balance', LB.fmt.n(p.balance) + ' points', 'balance'],
      ['Pending', LB.fmt.n(p.pendingPoints) + ' points', 'pendingPoints'],
      ['Lifetime', LB.fmt.n(p.lifetimePoints) + ' points', 'lifetimePoints'],
      ['Cashback', p.cashback ? fmt.money(p.cashback.balance) : '—', 'cashback'],
      ['Tier', tier.name || '—', 'tier'],
      ['Tier grant', tierGrant(tier.grant), 'tierGrant'],
      ['Next tier', tier.nextTier ? tier.nextTier + ' in ' + LB.fmt.n(tier.toNextTier) : '—', 'nextTier'],
      // Named for what each measures: the RFM segment ranks the member against all members; the churn risk
      // compares the member with their own buying rhythm, so "at-risk" beside "low" is no contradiction.
      ['RFM segment (vs all members)', segments.rfmSegment || '—', 'rfmSegment'],
      ['All segments', (segments.all || []).join(', ') || 'none yet', 'segments'],
      ['Churn risk (vs own buying rhythm)', segments.churnRisk || '—', 'churnRisk'],
      ['Historic value (kept so far)', fmt.money(cltv.historic), 'cltv'],
      ['Predicted lifetime value (CRM cltv)', fmt.money(cltv.predicted), 'cltvPredicted'],
      ['Expiring soon', p.expiringPoints && p.expiringPoints.points
        ? LB.fmt.n(p.expiringPoints.points) + ' from ' + fmt.date(p.expiringPoints.firstExpiry) : 'none', 'expiring'],
      ['Badges', (p.badges || []).join(', ') || 'none', 'badges'],
      ['Referral code', p.referralCode || '—', 'referralCode'],
      ['CRM records', (p.identities || []).map((i) => i.system + ' ' + i.externalId).join(', ') || 'none', 'identities'],
    ];
  }

  // A staff grant holds the tier: pinned at it, or at least at it, to its last day.
  function tierGrant(grant) {
    if (!grant) {
      return 'none';
    }
    return (grant.mode === 'pin' ? 'pinned at ' : 'at least ') + grant.tier
      + (grant.until ? ' through ' + fmt.date(grant.until) : ' until revoked')
      + ' (by ' + grant.grantedBy + ': ' + grant.reason + ')';
  }

  function crmView(crm) {
    const systems = crm && crm.systems ? Object.entries(crm.systems) : [];
    if (systems.length === 0) {
      return LB.el('p', { class: 'muted', 'data-crm': 'none' }, 'No CRM connected: nothing to compare with.');
    }
    return systems.map(([name, system]) => {
      const fields = system.fields || {};
      const core = system.core || {};
      const names = Array.from(new Set(Object.keys(core).concat(Object.keys(fields)))).sort();
      return LB.el('div', { class: 'crm-system', 'data-crm': name },
        LB.el('h4', {}, name + ' record ' + (system.recordId || '—') + ' ',
          LB.el('span', { class: 'badge ' + (system.agree ? 'ok' : 'bad') }, system.agree ? 'agrees' : 'differs')),
        LB.table([
          { title: 'Field', value: (f) => (FIELD_NOTES[f] ? f + ' (' + FIELD_NOTES[f] + ')' : f) },
          { title: 'In ' + name, value: (f) => LB.el('span', { 'data-crm-field': f }, show(fields[f])), num: true },
          { title: 'In the core', value: (f) => LB.el('span', { 'data-core-field': f }, show(core[f])), num: true },
          { title: 'Same?', value: (f) => (show(fields[f]) === show(core[f]) ? 'yes' : 'NO') },
        ], names, { stack: true }));
    });
  }

  function show(value) {
    return value === undefined || value === null || value === '' ? '—' : String(value);
  }

  async function crmOf(id) {
    if (!LB.may('api-members-crm')) {
      return null;
    }
    const answer = await LB.call('GET', '/api/members/' + id + '/crm');
    // Until a connector answers, the endpoint may not exist (404): that is "no CRM connected", not an error.
    return answer.status === 200 ? answer.body : null;
  }

  async function load(id) {
    const answer = await LB.call('GET', '/api/members/' + encodeURIComponent(id));
    if (answer.status !== 200) {
      return { missing: (answer.body && answer.body.detail) || 'not found' };
    }
    const [explain, crm] = await Promise.all([LB.get('/api/members/' + id + '/explain'), crmOf(id)]);
    return { profile: answer.body, explain, crm };
  }

  function render(data) {
    const message = document.getElementById('lookup-message');
    const member = document.getElementById('member');
    if (data.missing) {
      message.textContent = 'No member found: ' + data.missing;
      member.hidden = true;
      current = null;
      return;
    }
    // Re-render only what changed, so an auto-refresh does not disturb a reader.
    const key = JSON.stringify(data);
    if (key === shown) {
      return;
    }
    shown = key;
    LB.member.profile = data.profile;
    message.textContent = 'Member ' + data.profile.id + ' (' + data.profile.email + ')';
    const name = [data.profile.firstName, data.profile.lastName].filter(Boolean).join(' ');
    document.getElementById('member-title').textContent = (name || data.profile.email || 'Member')
      + ' · member ' + data.profile.id;
    LB.replace(document.getElementById('profile'), profileRows(data.profile).map(([term, value, field]) =>
      [LB.el('dt', {}, term), LB.el('dd', { 'data-field': field }, value)]).flat());
    LB.replace(document.getElementById('explanation'),
      (data.explain.explanation || []).map((line) => LB.el('li', {}, line)));
    LB.replace(document.getElementById('crm'), crmView(data.crm));
    member.hidden = false;
    // Panels of other files that show this member too (the contests' ranks) listen for it.
    document.dispatchEvent(new CustomEvent('lb:member', { detail: { id: data.profile.id } }));
  }

  LB.member = {
    /** What the search box was given: the search shows a list, or opens the one member it found. */
    async lookUp(query) {
      current = null;
      shown = null;
      document.getElementById('member').hidden = true;
      await LB.search.find(query.trim());
    },
    /** Opens a member's page: profile, why, history, actions and the CRM view. */
    async open(id, focus) {
      current = String(id);
      shown = null;
      document.getElementById('lookup-message').textContent = 'Opening member ' + current + '…';
      const data = await load(current);
      render(data);
      if (!data.missing) {
        LB.actions.show(data.profile);
        await LB.memberHistory.load(current, true);
        if (focus) {
          document.getElementById('member-title').focus();
        }
      }
    },
    /** After an action: everything again, the orders and ledger from their first page. */
    async reload() {
      if (current) {
        shown = null;
        const data = await load(current);
        render(data);
        if (!data.missing) {
          LB.actions.show(data.profile);
          await LB.memberHistory.load(current, true);
        }
      }
    },
    async refresh() {
      if (current) {
        render(await load(current));
        await LB.memberHistory.load(current, false);
      }
    },
    current: () => current,
    /** After an erasure: nothing to refresh any more. */
    close() {
      current = null;
      shown = null;
    },
  };
})();
