// CRM sync health from GET /api/sync/status, and the dead letters with their replay. Throughput is measured by the
// page itself: records moved between two refreshes over the time between them.
(function () {
  'use strict';
  const LB = window.LB;
  const BEHIND_SECONDS = 15 * 60;
  let previous = {};
  let shownLetters = null;

  function direction(stream) {
    return stream.direction || (stream.object === 'push' ? 'outbound' : 'inbound');
  }

  function health(stream) {
    // Compared as times: ISO strings with and without fractions of a second do not sort as text.
    const failing = stream.lastErrorAt
      && (!stream.lastSuccessAt || Date.parse(stream.lastErrorAt) > Date.parse(stream.lastSuccessAt));
    if (stream.stopped) return ['bad', 'stopped: ' + stream.stopped];
    if (failing) return ['bad', 'failing'];
    if (!stream.lastSuccessAt) return ['warn', 'not run yet'];
    if (stream.lagSeconds !== null && stream.lagSeconds > BEHIND_SECONDS) return ['warn', 'behind'];
    return ['ok', 'healthy'];
  }

  function throughput(system, stream, at) {
    const key = system + '/' + stream.object;
    const moved = (stream.recordsIn || 0) + (stream.recordsOut || 0);
    const before = previous[key];
    previous[key] = { moved, at: Date.parse(at) };
    if (!before || previous[key].at <= before.at) {
      return 'measuring…';
    }
    const perMinute = ((moved - before.moved) * 60000) / (previous[key].at - before.at);
    return LB.fmt.n(Math.round(perMinute)) + ' / min';
  }

  /** Long-running work (a backfill, a bulk job) when the status reports it: {done, total, label?}. */
  function progress(work, label) {
    if (!work || !work.total) {
      return null;
    }
    const text = (work.label || label) + ': ' + LB.fmt.n(work.done) + ' of ' + LB.fmt.n(work.total);
    return LB.el('div', { class: 'progress' }, LB.el('progress', { max: work.total, value: work.done,
      'aria-label': text }), ' ', text);
  }

  function budget(crm) {
    const b = crm.apiBudget;
    if (!b || !b.limit) {
      return null;
    }
    return LB.el('p', {}, 'API budget used: ' + LB.fmt.n(b.used) + ' of ' + LB.fmt.n(b.limit) + ' ('
      + LB.fmt.pct(b.used / b.limit) + ')' + (b.period ? ' per ' + b.period : ''));
  }

  // A CRM whose calls are paused (HubSpot's daily limit reached) says until when, in the server's words.
  function paused(crm) {
    return crm.paused ? LB.el('p', { class: 'badge warn' }, crm.paused.message) : null;
  }

  function system(name, crm, at) {
    const streams = crm.streams || [];
    const columns = [
      { title: 'Stream', value: (s) => s.object },
      { title: 'Direction', value: direction },
      { title: 'State', value: (s) => { const [cls, text] = health(s); return LB.el('span', { class: 'badge ' + cls }, text); } },
      // null: a stream with no backfill (the push, Salesforce's poll and change-event rows).
      { title: 'Backfill', value: (s) => (s.backfillDone == null ? '—' : s.backfillDone ? 'done' : 'not yet') },
      { title: 'Lag', value: (s) => LB.fmt.duration(s.lagSeconds), num: true },
      { title: 'Last success', value: (s) => LB.fmt.time(s.lastSuccessAt) },
      { title: 'Throughput', value: (s) => throughput(name, s, at), num: true },
      { title: 'In / out', value: (s) => LB.fmt.n(s.recordsIn) + ' / ' + LB.fmt.n(s.recordsOut), num: true },
      { title: 'API calls', value: (s) => LB.fmt.n(s.apiCalls), num: true },
      { title: 'Errors', value: (s) => LB.fmt.n(s.errors), num: true },
      { title: 'Last error', value: (s) => (s.lastError ? s.lastError + ' (' + LB.fmt.time(s.lastErrorAt) + ')' : '—') },
    ];
    const works = [progress(crm.progress, 'Work')].concat(streams.map((s) => progress(s.progress, s.object)));
    return LB.el('div', { class: 'system' },
      LB.el('h3', {}, name, LB.el('span', { class: 'muted' }, 'outbox ' + LB.fmt.n(crm.outboxDepth)
        + ' · open dead letters ' + LB.fmt.n(crm.openDeadLetters) + inbox(crm.webhookInbox)
        + (crm.orgShape ? ' · org: ' + crm.orgShape : ''))),
      budget(crm), paused(crm), works, LB.table(columns, streams, { stack: true }));
  }

  /** HubSpot's webhook inbox: events stored and not applied yet, and how long the oldest has waited. */
  function inbox(box) {
    if (!box) {
      return '';
    }
    return ' · webhook inbox ' + LB.fmt.n(box.pending)
      + (box.oldestAgeSeconds == null ? '' : ' (oldest ' + LB.fmt.duration(box.oldestAgeSeconds) + ')')
      + (box.retrying > 0 ? ', ' + LB.fmt.n(box.retrying) + ' retrying' : '');
  }

  /** Long work the app reports (backfills, first syncs, recomputes): done of total, rate, time left. */
  function longWork(works) {
    if (!works || works.length === 0) {
      return null;
    }
    return LB.el('div', { class: 'work' }, works.map((w) => {
      const stopped = w.state === 'stopped';
      const text = w.work + ': ' + LB.fmt.n(w.done) + ' of ' + LB.fmt.n(w.total)
        + (stopped ? ' — stopped, carries on at the next run' : w.finished ? ' — done' : ', ' + LB.fmt.n(w.perSecond) + ' per second'
          + (w.secondsLeft == null ? '' : ', about ' + LB.fmt.duration(w.secondsLeft) + ' left'));
      return LB.el('div', { class: 'progress', 'data-work': w.work },
        LB.el('progress', { max: Math.max(w.total, 1), value: w.finished && !stopped ? Math.max(w.total, 1) : w.done,
          'aria-label': text }), ' ', text);
    }));
  }

  /**
   * One line per CRM at the top of the page: the worst state of its streams in words, how many are not healthy,
   * and what waits (outbox, dead letters), with a link to the detail further down.
   */
  function summary(names, systems) {
    const line = (name) => {
      const crm = systems[name];
      const states = (crm.streams || []).map((s) => health(s));
      const worst = ['bad', 'warn', 'ok'].find((cls) => states.some(([c]) => c === cls)) || 'ok';
      const notOk = states.filter(([c]) => c !== 'ok').map(([, text]) => text.split(':')[0]);
      const words = notOk.length === 0 ? 'healthy' : Object.entries(notOk.reduce((n, t) => ({ ...n, [t]: (n[t] || 0) + 1 }),
        {})).map(([text, n]) => n + ' ' + text).join(', ') + ' of ' + states.length + ' streams';
      return LB.el('li', { 'data-sync-summary': name }, LB.el('strong', {}, name), ' ',
        LB.el('span', { class: 'badge ' + worst }, words), ' · outbox ' + LB.fmt.n(crm.outboxDepth)
        + ' · dead letters ' + LB.fmt.n(crm.openDeadLetters));
    };
    const nav = document.getElementById('sync-summary');
    LB.replace(nav, LB.el('h2', { class: 'inline-title' }, 'CRM sync'),
      names.length === 0 ? LB.el('span', { class: 'muted' }, 'no CRM has synced yet') : LB.el('ul', {}, names.map(line)),
      LB.el('a', { href: '#sync-panel' }, 'Sync details'));
    nav.hidden = false;
  }

  LB.sync = {
    render(status) {
      const names = Object.keys(status.systems || {});
      summary(names, status.systems || {});
      const container = document.getElementById('sync-systems');
      if (names.length === 0) {
        LB.replace(container, LB.el('div', {}, longWork(status.work),
          LB.el('p', { class: 'muted' }, 'No CRM has synced yet.')));
        return;
      }
      LB.replace(container, LB.el('div', {}, longWork(status.work), LB.el('div', { class: 'systems' },
        names.map((name) => system(name, status.systems[name], status.at)))));
    },

    renderDeadLetters(letters, onReplayed) {
      // Unchanged letters are left alone, so a refresh never takes the keyboard focus off a Replay button.
      const key = JSON.stringify(letters);
      if (key === shownLetters) {
        return;
      }
      shownLetters = key;
      const container = document.getElementById('dead-letters');
      if (letters.length === 0) {
        LB.replace(container, LB.el('p', { class: 'muted' }, 'None: every record went through.'));
        return;
      }
      LB.replace(container, LB.table([
        { title: 'CRM', value: (l) => l.system },
        { title: 'Direction', value: (l) => l.direction },
        { title: 'Record', value: (l) => l.recordType + ' ' + l.recordId },
        { title: 'Error', value: (l) => l.errorCode + ': ' + l.error + (l.waitingFor ? ' (waits for ' + l.waitingFor + ')' : '') },
        { title: 'Since', value: (l) => LB.fmt.time(l.createdAt) },
        { title: 'Replays', value: (l) => LB.fmt.n(l.replayCount), num: true },
        { title: 'Action', value: (l) => !LB.may('api-sync-replay') ? '—' : LB.el('button', { type: 'button', class: 'secondary',
          'aria-label': 'Replay ' + l.recordType + ' ' + l.recordId, onclick: (e) => replay(l, e.target, onReplayed) },
        'Replay') },
      ], letters, { stack: true }));
    },
  };

  async function replay(letter, button, onReplayed) {
    const result = document.getElementById('replay-result');
    button.disabled = true;
    try {
      const answer = await LB.call('POST', '/api/sync/dead-letters/' + letter.id + '/replay', {});
      const body = answer.body || {};
      result.textContent = answer.status === 200 && body.replayed
        ? 'Replayed ' + letter.recordType + ' ' + letter.recordId + '.'
        : 'Replay of ' + letter.recordId + ' failed: ' + (body.error || body.detail || answer.status);
    } catch (e) {
      result.textContent = 'Replay failed: ' + e.message;
    }
    onReplayed();
  }
})();
