// Acting for the member on their page, each through the API with the signed-in token (so each is audited under
// the token's name): adjust points, redeem a reward, grant or revoke a tier, erase. Only what the token's role may
// call (GET /api/me) is offered; a refusal shows the API's own problem message.
(function () {
  'use strict';
  const LB = window.LB;
  const $ = (id) => document.getElementById(id);
  let member = null;
  let choicesLoaded = false;

  function key() {
    return 'console-' + (window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : Date.now() + '-' + Math.random().toString(36).slice(2));
  }

  function say(text, ok) {
    const result = $('action-result');
    result.textContent = text;
    result.className = ok ? 'ok' : 'error';
  }

  /** The problem body's words: its title, detail and each field's message. */
  function problem(answer) {
    const body = answer.body || {};
    const fields = (body.errors || []).map((e) => e.field + ' ' + e.message);
    return [body.title, body.detail].concat(fields).filter(Boolean).join(' — ') || 'HTTP ' + answer.status;
  }

  async function act(form, what, method, path, body, after) {
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    say(what + '…', true);
    try {
      const answer = await LB.call(method, path, body);
      if (answer.status >= 200 && answer.status < 300) {
        form.reset();
        say(what + ': done. ' + (after ? after(answer.body) : ''), true);
        return answer.body;
      }
      say(what + ' refused: ' + problem(answer), false);
      return null;
    } finally {
      button.disabled = false;
    }
  }

  async function loadChoices() {
    if (choicesLoaded) {
      return;
    }
    const [rewards, program] = await Promise.all([
      LB.may('api-rewards-catalogue') ? LB.get('/api/rewards') : { rewards: [] },
      LB.may('api-program') ? LB.get('/api/program') : null]);
    LB.replace($('reward-select'), rewards.rewards.map((r) => LB.el('option', { value: r.id },
      r.name + ' (' + LB.fmt.n(r.cost) + ' ' + r.account + (r.tiers.length ? '; ' + r.tiers.join(', ') + ' only'
        : '') + ')')));
    const levels = program && program.tiers ? program.tiers.levels : [];
    LB.replace($('grant-tier'), levels.map((l) => LB.el('option', { value: l.name }, l.name)));
    choicesLoaded = true;
  }

  function path(suffix) {
    return '/api/members/' + member.id + suffix;
  }

  const HANDLERS = {
    'adjust-form': (form) => act(form, 'Adjust points', 'POST', path('/adjustments'), {
      points: Number($('adjust-points').value), reason: $('adjust-reason').value, idempotencyKey: key(),
    }, (b) => 'Balance now ' + LB.fmt.n(b.balance) + ' points.'),
    'reward-form': (form) => act(form, 'Redeem ' + $('reward-select').value, 'POST',
      path('/rewards/' + encodeURIComponent($('reward-select').value) + '/redeem'), { idempotencyKey: key() },
      (b) => 'Granted: ' + b.granted + '. Balance now ' + LB.fmt.n(b.balance) + '.'),
    'grant-form': (form) => act(form, 'Grant ' + $('grant-tier').value, 'PUT', path('/tier-grant'), {
      tier: $('grant-tier').value, until: $('grant-until').value || undefined, reason: $('grant-reason').value,
    }, (b) => 'Tier now ' + b.tier + '.'),
    'revoke-form': (form) => act(form, 'Revoke the tier grant', 'DELETE', path('/tier-grant'
      + ($('revoke-reason').value.trim() ? '?reason=' + encodeURIComponent($('revoke-reason').value.trim()) : '')),
    undefined, (b) => 'Tier now ' + b.tier + '.'),
  };

  async function erase(form) {
    const word = $('erase-word').textContent;
    if ($('erase-confirm').value.trim() !== word) {
      say('Erase not done: type ' + word + ' exactly to confirm.', false);
      $('erase-confirm').focus();
      return;
    }
    const id = member.id;
    const done = await act(form, 'Erase member ' + id, 'DELETE', '/api/members/' + id, undefined,
      () => 'Their personal data is gone; the audit log keeps who did it.');
    if (done) {
      LB.member.close();
      $('member').hidden = true;
      $('lookup-message').textContent = 'Member ' + id + ' erased.';
      $('lookup-message').focus();
    }
  }

  LB.actions = {
    show(profile) {
      member = profile;
      const grant = profile.tier && profile.tier.grant;
      document.querySelectorAll('#actions form[data-route]').forEach((form) => {
        form.hidden = !LB.may(form.dataset.route) || (form.id === 'revoke-form' && !grant);
      });
      $('actions').hidden = ![...document.querySelectorAll('#actions form[data-route]')].some((f) => !f.hidden);
      $('erase-word').textContent = profile.email || String(profile.id);
      loadChoices().catch((failure) => say('Could not load the rewards and tiers: ' + failure.message, false));
    },
  };

  document.addEventListener('DOMContentLoaded', () => {
    Object.entries(HANDLERS).forEach(([id, handler]) => $(id).addEventListener('submit', async (e) => {
      e.preventDefault();
      if (await handler(e.target)) {
        await LB.member.reload();
      }
    }));
    $('erase-form').addEventListener('submit', (e) => {
      e.preventDefault();
      erase(e.target);
    });
  });
})();
