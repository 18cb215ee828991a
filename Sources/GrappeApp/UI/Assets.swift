import Vapor

/// The stylesheet and the small script, served from memory (no files to find at run time).
enum Assets {
    static func css(_ req: Request) -> Response { serve(stylesheet, type: "text/css; charset=utf-8") }
    static func js(_ req: Request) -> Response { serve(script, type: "text/javascript; charset=utf-8") }

    static func serve(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type, "Cache-Control": "public, max-age=3600"], body: .init(string: text))
    }

    /// Progressive enhancement only: print buttons, confirmation prompts, live regions
    /// (`data-live`: the element is redrawn from the same page every few seconds; without the
    /// script the page refreshes itself), and the interview's drafts kept on the device (`data-draft`).
    static let script = """
    document.addEventListener('click', function (e) {
      var t = e.target;
      if (t.classList && t.classList.contains('print')) { e.preventDefault(); window.print(); }
    });
    document.addEventListener('submit', function (e) {
      var f = e.target, msg = f.getAttribute && f.getAttribute('data-confirm');
      if (msg && !window.confirm(msg)) { e.preventDefault(); }
    });
    document.addEventListener('DOMContentLoaded', function () {
      var live = document.querySelector('[data-live]');
      if (!live || !window.fetch || !window.DOMParser) { return; }
      var refresh = document.querySelector('meta[http-equiv="refresh"]');
      if (refresh) { refresh.parentNode.removeChild(refresh); }
      setInterval(function () {
        fetch(window.location.href, { headers: { 'Accept': 'text/html' } }).then(function (r) { return r.ok ? r.text() : null; })
          .then(function (text) {
            if (!text) { return; }
            var fresh = new DOMParser().parseFromString(text, 'text/html').querySelector('[data-live]');
            if (fresh) { live.innerHTML = fresh.innerHTML; }
          }).catch(function () {});
      }, parseInt(live.getAttribute('data-live'), 10) * 1000 || 5000);
    });
    // A question's exclusive answer (« aucune ») and its other boxes untick each other; the
    // server refuses the two together all the same.
    document.addEventListener('change', function (e) {
      var box = e.target, label = box && box.parentNode, list = label && label.parentNode;
      if (!box || box.type !== 'checkbox' || !box.checked || !list || !list.classList || !list.classList.contains('choices')) { return; }
      var exclusive = label.classList.contains('exclusive');
      Array.prototype.forEach.call(list.querySelectorAll('input[type=checkbox]'), function (other) {
        if (other !== box && (exclusive || other.parentNode.classList.contains('exclusive'))) { other.checked = false; }
      });
    });
    // Interview drafts (`data-draft`): the form's unsent values are kept on this device per
    // diagnostic and step, restored if the page is reloaded before they were sent, and dropped
    // once the server holds a newer version of the step (`data-draft-base` changed).
    document.addEventListener('DOMContentLoaded', function () {
      var store = null;
      try { store = window.localStorage; } catch (err) { store = null; }
      if (!store || !window.JSON) { return; }
      Array.prototype.forEach.call(document.querySelectorAll('form[data-draft]'), function (form) {
        var key = form.getAttribute('data-draft'), base = form.getAttribute('data-draft-base');
        var fields = function () {
          return Array.prototype.filter.call(form.elements, function (el) {
            return el.name && el.name !== '_csrf' && el.tagName !== 'BUTTON' && el.type !== 'hidden' && el.type !== 'submit';
          });
        };
        var read = function () {
          var values = [];
          fields().forEach(function (el) {
            if (el.type === 'checkbox' || el.type === 'radio') { if (el.checked) { values.push(el.name + '=' + el.value); } }
            else { values.push(el.name + '=' + el.value); }
          });
          return values;
        };
        var saved = null;
        try { saved = JSON.parse(store.getItem(key) || 'null'); } catch (err) { saved = null; }
        if (saved && saved.base === base && saved.values && saved.values.join('&') !== read().join('&')) {
          fields().forEach(function (el) {
            if (el.type === 'checkbox' || el.type === 'radio') { el.checked = saved.values.indexOf(el.name + '=' + el.value) >= 0; return; }
            var prefix = el.name + '=';
            var found = saved.values.filter(function (v) { return v.indexOf(prefix) === 0; })[0];
            if (found !== undefined) { el.value = found.slice(prefix.length); }
          });
          var note = document.createElement('p');
          note.className = 'flash flash-info';
          note.setAttribute('role', 'status');
          note.textContent = 'Des réponses non envoyées ont été retrouvées sur cet appareil : vérifiez-les puis enregistrez.';
          form.parentNode.insertBefore(note, form);
        } else if (saved) {
          store.removeItem(key);
        }
        var keep = function () {
          try { store.setItem(key, JSON.stringify({ base: base, values: read() })); } catch (err) {}
        };
        form.addEventListener('input', keep);
        form.addEventListener('change', keep);
      });
    });
    """

    static let stylesheet = """
    :root { --ink: #1d2433; --muted: #5b6477; --line: #d9dee8; --accent: #0b6e99; --ok: #17683f; --warn: #8a5000; --bad: #b3261e; --bg: #f6f7fa; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
    a { color: var(--accent); }
    header.site { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .6rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); }
    header.site .brand { font-weight: 700; font-size: 1.1rem; text-decoration: none; color: var(--ink); }
    header.site nav { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; flex: 1; }
    header.site nav a[aria-current] { font-weight: 700; text-decoration: none; border-bottom: 2px solid var(--accent); }
    header.site .who { margin-left: auto; color: var(--muted); font-size: .9rem; }
    main { max-width: 1180px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
    footer.site { text-align: center; color: var(--muted); font-size: .85rem; padding: 1rem; }
    h1 { font-size: 1.6rem; margin: .4rem 0 1rem; }
    h2 { font-size: 1.2rem; margin-top: 2rem; }
    .page-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 1rem; }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
    .lead { font-size: 1.05rem; color: var(--muted); }
    .narrow { max-width: 420px; margin: 2rem auto; background: #fff; padding: 1.5rem; border: 1px solid var(--line); border-radius: 8px; }
    .hero { text-align: center; padding: 3rem 1rem; }
    .button, button { display: inline-block; font: inherit; padding: .45rem .9rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; color: var(--ink); text-decoration: none; cursor: pointer; }
    .button.primary, button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
    button.danger { border-color: var(--bad); color: var(--bad); }
    button.link { border: 0; background: none; color: var(--accent); padding: 0; text-decoration: underline; }
    button[disabled] { opacity: .5; cursor: not-allowed; }
    form.inline { display: inline; }
    .inline-form { display: flex; flex-wrap: wrap; gap: .8rem; align-items: flex-end; margin: .8rem 0; }
    .field { display: flex; flex-direction: column; gap: .2rem; margin-bottom: .7rem; min-width: 12rem; }
    .field.check { flex-direction: row; }
    .field label, .field .label { font-weight: 600; font-size: .9rem; }
    input, select, textarea { font: inherit; padding: .4rem .5rem; border: 1px solid #b8c0cf; border-radius: 5px; background: #fff; max-width: 100%; }
    .has-error input, .has-error select, .has-error textarea { border-color: var(--bad); }
    .error { color: var(--bad); margin: 0; font-size: .9rem; }
    small { color: var(--muted); }
    .filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; background: #fff; border: 1px solid var(--line); padding: .8rem; border-radius: 8px; margin-bottom: 1rem; }
    .grid-form fieldset { border: 1px solid var(--line); border-radius: 8px; background: #fff; margin-bottom: 1rem; }
    .chips { display: flex; flex-wrap: wrap; gap: .4rem; }
    .chip { border: 1px solid var(--line); border-radius: 999px; padding: .1rem .6rem; font-weight: 400; background: #fff; }
    table.list { width: 100%; border-collapse: collapse; background: #fff; margin: .5rem 0 1rem; }
    table.list caption { text-align: left; color: var(--muted); padding: .3rem 0; }
    table.list th, table.list td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    .num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .badge { white-space: nowrap; display: inline-block; font-size: .8rem; padding: 0 .5rem; border-radius: 999px; margin-left: .3rem; }
    .badge-ok { background: #dff3e8; color: var(--ok); } .badge-warn { background: #fdecd6; color: var(--warn); } .badge-info { background: #e3eef8; color: var(--accent); }
    .flash { padding: .6rem .9rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; }
    .flash-success { border-color: var(--ok); } .flash-error { border-color: var(--bad); color: var(--bad); } .flash-info { border-color: var(--accent); }
    .empty { padding: 1.5rem; text-align: center; color: var(--muted); background: #fff; border: 1px dashed var(--line); border-radius: 8px; }
    .stats { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
    .stats li { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .7rem 1rem; min-width: 12rem; display: flex; flex-direction: column; }
    .stats strong { font-size: 1.3rem; }
    dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; background: #fff; padding: 1rem; border: 1px solid var(--line); border-radius: 8px; }
    dl.details dt { font-weight: 600; }
    dl.details dd { margin: 0; }
    .crumbs { font-size: .9rem; color: var(--muted); }
    .pager { display: flex; gap: 1rem; justify-content: center; margin: 1rem 0; }
    .two-cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
    .grid-input input { width: 8rem; }
    .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin-bottom: 1rem; }
    figure.chart { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    figure.chart svg { width: 100%; max-width: 720px; height: auto; }
    .chart-label, .chart-value { font-size: 12px; fill: var(--ink); }
    .bar-expected { fill: #9fc3d9; } .bar-received { fill: var(--accent); }
    .chart-data { font-size: .85rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    code.token { word-break: break-all; font-size: 1rem; }
    pre { background: #fff; border: 1px solid var(--line); padding: .8rem; overflow-x: auto; }
    .printable { background: #fff; padding: 2rem; border: 1px solid var(--line); max-width: 800px; margin: 0 auto; }
    .letterhead { border-bottom: 2px solid var(--accent); padding-bottom: .6rem; margin-bottom: 1.5rem; }
    .recipient { font-style: normal; margin: 0 0 1.5rem auto; width: 50%; }
    .signature { margin-top: 3rem; text-align: right; }
    ul.changes { margin: 0; padding-left: 1rem; }
    .hp { position: absolute; left: -10000px; }
    td .field { margin: 0; min-width: 0; }
    td .field > label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    ul.checkins { list-style: none; padding: 0; }
    li.checkin { display: flex; justify-content: space-between; align-items: center; gap: 1rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin-bottom: .5rem; font-size: 1.1rem; }
    li.checkin.here { background: #dff3e8; }
    li.checkin button { min-height: 44px; min-width: 8rem; }
    ul.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 1rem; }
    ul.cards .card { margin: 0; } ul.cards h2 { font-size: 1.1rem; margin: 0 0 .3rem; }
    .muted { color: var(--muted, #667); font-size: .92rem; }
    .tags { display: flex; flex-wrap: wrap; gap: .3rem; margin: .3rem 0; }
    .tag { background: #eef2f6; border-radius: 999px; padding: .1rem .6rem; font-size: .85rem; }
    .badge-muted { background: #eceff2; color: #556; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
    dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
    .prose { max-width: 70ch; line-height: 1.55; } .prose blockquote { border-left: 3px solid var(--line); margin-left: 0; padding-left: 1rem; color: #445; }
    .panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
    .panel.quote strong { font-size: 1.3rem; }
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1.5rem; }
    .stack { display: flex; flex-direction: column; gap: .5rem; align-items: flex-start; } .stack .field { width: 100%; max-width: 40rem; }
    fieldset.question { border: 1px solid var(--line); border-radius: 8px; background: #fff; padding: .8rem 1rem 1rem; margin: 0 0 1rem; min-width: 0; }
    fieldset.question legend { font-weight: 700; padding: 0 .3rem; }
    fieldset.question.has-error { border-color: var(--bad); }
    fieldset.interview-body { border: 0; padding: 0; margin: 0; min-width: 0; }
    fieldset.answer-row { border: 0; padding: 0; margin: .7rem 0; min-width: 0; } fieldset.answer-row legend { font-weight: 600; padding: 0; margin-bottom: .3rem; }
    .choices { display: grid; gap: .4rem; }
    .choice, .scale label, label.box { display: flex; align-items: center; gap: .5rem; min-height: 44px; cursor: pointer; }
    .choice { border: 1px solid var(--line); border-radius: 6px; padding: .2rem .7rem; } .choice.exclusive { border-style: dashed; }
    .scale { display: flex; flex-wrap: wrap; gap: .4rem; }
    .scale label { border: 1px solid var(--line); border-radius: 6px; padding: .2rem .7rem; }
    .choice input, .scale input, label.box input { width: 1.3rem; height: 1.3rem; margin: 0; }
    table.investment td { text-align: center; } label.box { justify-content: center; }
    .interview-actions button, .interview-actions .button { min-height: 44px; padding: .5rem 1.1rem; }
    ol.interview-steps li { margin: .4rem 0; min-height: 44px; }
    nav.interview-nav { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 1rem; }
    nav.interview-nav a { border: 1px solid var(--line); border-radius: 999px; padding: .3rem .8rem; background: #fff; text-decoration: none; }
    nav.interview-nav a[aria-current] { background: var(--accent); color: #fff; border-color: var(--accent); }
    dd.note { white-space: pre-wrap; }
    .pre { white-space: pre-wrap; }
    pre.mail { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: 1rem; font-size: .9rem; }
    table.compact td { padding: .2rem .5rem; } table caption { text-align: left; font-weight: 600; }
    progress { width: 100%; max-width: 30rem; height: 1.2rem; }
    .ctf-board { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: .6rem; list-style: none; padding: 0; }
    .ctf-board a { display: block; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .7rem; text-decoration: none; color: inherit; min-height: 4.5rem; }
    .ctf-board a:hover, .ctf-board a:focus { border-color: var(--accent, #0a6); }
    .ctf-board .solved a { background: #e7f6ec; border-color: #7fc79a; }
    .ctf-board strong { display: block; } .ctf-board .value { font-size: 1.2rem; font-weight: 600; }
    .ctf-answer { font-size: 1.1rem; font-weight: 600; }
    .ctf-screen { font-size: 1.35rem; } .ctf-screen table.list td, .ctf-screen table.list th { padding: .45rem .8rem; }
    .ctf-chart svg { width: 100%; height: auto; max-height: 420px; }
    figure.radar svg { max-width: 600px; display: block; margin: 0 auto; }
    .results-score strong { font-size: 2.4rem; color: var(--accent); }
    ol.results-plan { padding-left: 1.4rem; } .plan-item { margin-bottom: 1.2rem; } .plan-item h3 { margin-bottom: .3rem; }
    .plan-controls { margin-top: .4rem; } .plan-controls form.inline { display: inline-block; }
    @media (max-width: 700px) { .filters .field { min-width: 100%; } table.list { font-size: .9rem; } }
    .menu-toggle, .menu-button { display: none; }
    @media (max-width: 700px) {
      header.site { padding: .5rem .8rem; gap: .5rem; }
      .menu-button { display: inline-block; margin-left: auto; padding: .3rem .8rem; border: 1px solid var(--line); border-radius: 6px; cursor: pointer; }
      .menu-toggle { display: block; position: absolute; opacity: 0; width: 1px; height: 1px; }
      .menu-toggle:focus-visible + .menu-button { outline: 2px solid var(--accent); }
      header.site nav { display: none; flex-basis: 100%; flex-direction: column; align-items: flex-start; gap: .5rem; }
      .menu-toggle:checked ~ nav { display: flex; }
      header.site .who { margin-left: 0; }
    }
    @media print {
      .plan-item, figure.radar, .results-grant { break-inside: avoid; }
      figure.radar svg { max-width: 140mm; }
      header.site, footer.site, nav, .no-print, .actions, form, details, .pager, .flash { display: none !important; }
      body { background: #fff; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      .printable, .card, table.list, dl.details, figure.chart { border: 0; }
      a { color: inherit; text-decoration: none; }
      h2 { break-after: avoid; }
      tr { break-inside: avoid; }
      @page { size: A4; margin: 18mm 16mm; }
    }
    """
}
