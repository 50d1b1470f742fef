// Starts the page: takes the token (from #token=, the session, or the form), then refreshes every few seconds
// while the tab is visible and the reader has not paused it.
(function () {
  'use strict';
  const LB = window.LB;
  const EVERY_MS = 5000;
  const REPORT_EVERY_MS = 60000;
  let lastReport = null;
  let lastReportAt = 0;
  const $ = (id) => document.getElementById(id);
  let timer = null;
  let paused = false;
  let running = false;

  function showError(text) {
    $('page-error').textContent = text || '';
    $('page-error').hidden = !text;
  }

  function askForToken(reason) {
    clearTimeout(timer);
    LB.me = null;
    $('dashboard').hidden = true;
    $('pause').hidden = true;
    $('forget-token').hidden = true;
    $('token-panel').hidden = false;
    showError(reason);
    $('refresh-state').textContent = 'Waiting for the API token';
    $('token-input').focus();
  }

  // Each panel and the route it needs: a token whose role may not call it does not see the panel.
  const PANELS = { 'program-panel': 'api-kpis', 'sync-panel': 'api-sync-status',
    'dl-panel': 'api-sync-dead-letters', 'lookup-panel': 'api-members-profile',
    'whatif-panel': 'api-program-what-if' };

  function showAllowedPanels() {
    Object.entries(PANELS).forEach(([panel, route]) => { $(panel).hidden = !LB.may(route); });
    const me = LB.me;
    $('whoami').textContent = me ? 'Signed in as ' + me.name + ' (' + me.role + ')' : '';
    $('nothing-to-show').hidden = Object.values(PANELS).some(LB.may);
  }

  async function refresh() {
    if (!LB.me) {
      // A refused token is caught by the calls below, which ask for it again.
      await LB.loadMe().catch(() => null);
      showAllowedPanels();
    }
    // The program's figures first: they also carry its locale, currency and zone, which every later number and
    // date on the page is written in.
    // It reads the whole ledger and its figures move by the day, so it is fetched once a minute, not every refresh.
    const due = !lastReport || Date.now() - lastReportAt >= REPORT_EVERY_MS;
    const report = !LB.may('api-kpis-program') ? null : !due ? lastReport
      : await LB.get('/api/kpis/program').catch((failure) => failure);
    const reported = report && !(report instanceof Error) ? report : null;
    if (due && reported) {
      lastReport = reported;
      lastReportAt = Date.now();
    }
    if (reported) {
      LB.figures.configure(reported);
    }
    const results = await Promise.allSettled([
      report instanceof Error ? Promise.reject(report) : null,
      LB.may('api-kpis') ? LB.get('/api/kpis').then((k) => LB.kpis.render(k, reported)) : null,
      reported ? Promise.resolve().then(() => LB.figures.render(reported)) : null,
      LB.may('api-sync-status') ? LB.get('/api/sync/status').then(LB.sync.render) : null,
      LB.may('api-sync-dead-letters') ? LB.get('/api/sync/dead-letters?status=open&limit=50')
        .then((body) => LB.sync.renderDeadLetters(body.deadLetters, refreshSoon)) : null,
      LB.may('api-members-profile') ? LB.member.refresh() : null,
    ]);
    const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
    if (failures.some((f) => f instanceof LB.Unauthorized)) {
      LB.token.forget();
      askForToken('The API refused the token; enter it again.');
      return false;
    }
    showError(failures.length ? 'Some figures could not be loaded: ' + failures.map((f) => f.message).join('; ') : '');
    $('refresh-state').textContent = 'Updated ' + window.fmt.dateTime(new Date().toISOString())
      + (paused ? ' · auto-refresh paused' : ' · refreshes every ' + EVERY_MS / 1000 + ' s');
    return true;
  }

  async function loop() {
    if (running) {
      return;
    }
    running = true;
    let keepGoing = true;
    try {
      if (!document.hidden) {
        keepGoing = await refresh();
      }
    } finally {
      running = false;
    }
    if (keepGoing && !paused) {
      timer = setTimeout(loop, EVERY_MS);
    }
  }

  function refreshSoon() {
    clearTimeout(timer);
    loop();
  }

  function start() {
    $('token-panel').hidden = true;
    $('dashboard').hidden = false;
    $('pause').hidden = false;
    $('forget-token').hidden = false;
    showError('');
    refreshSoon();
  }

  document.addEventListener('DOMContentLoaded', () => {
    LB.token.fromFragment();
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      LB.token.set($('token-input').value);
      $('token-input').value = '';
      start();
    });
    $('forget-token').addEventListener('click', () => {
      LB.token.forget();
      askForToken('');
    });
    $('pause').addEventListener('click', () => {
      paused = !paused;
      $('pause').setAttribute('aria-pressed', String(paused));
      $('pause').textContent = paused ? 'Resume auto-refresh' : 'Pause auto-refresh';
      if (paused) {
        clearTimeout(timer);
      } else {
        refreshSoon();
      }
    });
    $('lookup-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await LB.member.lookUp($('lookup-input').value);
      } catch (failure) {
        if (failure instanceof LB.Unauthorized) {
          askForToken('The API refused the token; enter it again.');
        } else {
          $('lookup-message').textContent = 'Lookup failed: ' + failure.message;
        }
      }
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && !paused && LB.token.get()) {
        refreshSoon();
      }
    });
    if (LB.token.get()) {
      start();
    } else {
      askForToken('');
    }
  });
})();
