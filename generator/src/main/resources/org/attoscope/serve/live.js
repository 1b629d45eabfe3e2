// attoscope serve's live reload. Added to pages by the development server only; never written into site/.
(() => {
  'use strict';
  const script = document.currentScript;
  let build = Number(script.dataset.build);
  // This page's file in the site: "/explore/x/" is explore/x/index.html.
  let here = decodeURIComponent(location.pathname).replace(/^\/+/, '');
  if (here === '' || here.endsWith('/')) here += 'index.html';

  let overlay = null;

  function show(p) {
    hide();
    overlay = document.createElement('attoscope-problem');
    const root = overlay.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <style>
        .veil { position: fixed; inset: 0; z-index: 2147483647; background: rgba(24, 22, 20, 0.66);
                display: flex; align-items: flex-start; justify-content: center; padding: 10vh 1rem; overflow: auto;
                font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
        .card { max-width: 50rem; width: 100%; background: #fff; color: #1d1b18; border-radius: 10px;
                border-top: 6px solid #b3261e; box-shadow: 0 18px 50px rgba(0,0,0,0.35); padding: 1.4rem 1.7rem 1.2rem; }
        .kicker { margin: 0; font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; color: #b3261e; font-weight: 650; }
        .where { margin: 0.6rem 0 0; font: 600 0.95rem/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
                 background: #f4f1ec; border-radius: 6px; padding: 0.35rem 0.6rem; display: inline-block; word-break: break-all; }
        .problem { margin: 0.8rem 0 0; font-size: 1.1rem; font-weight: 600; white-space: pre-wrap; }
        .fix { margin: 0.7rem 0 0; white-space: pre-wrap; }
        .fix b { color: #1f6f3a; }
        .foot { margin: 1.1rem 0 0; font-size: 0.85rem; color: #5d5850; display: flex; gap: 1rem; align-items: center; justify-content: space-between; }
        button { font: inherit; border: 1px solid #c9c2b3; background: #fff; border-radius: 6px; padding: 0.25rem 0.8rem; cursor: pointer; }
      </style>
      <div class="veil" role="alertdialog" aria-modal="true" aria-labelledby="problem">
        <div class="card">
          <p class="kicker">attoscope serve · your last edit did not build</p>
          <p class="where"></p>
          <p class="problem" id="problem"></p>
          <p class="fix"><b>Fix:</b> <span></span></p>
          <p class="foot"><span>This page still shows the last good build. Save a fix and it reloads by itself.</span>
            <button type="button">Dismiss</button></p>
        </div>
      </div>`;
    const where = root.querySelector('.where');
    if (p.file) where.textContent = p.file + (p.line > 0 ? ':' + p.line : '');
    else where.remove();
    root.querySelector('.problem').textContent = p.problem;
    if (p.fix) root.querySelector('.fix span').textContent = p.fix;
    else root.querySelector('.fix').remove();
    root.querySelector('button').addEventListener('click', hide);
    document.documentElement.appendChild(overlay);
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  const events = new EventSource('/__attoscope/events');
  events.addEventListener('hello', (e) => {
    const state = JSON.parse(e.data);
    if (state.problem) show(state.problem);
    else if (state.build !== build) location.reload(); // the site changed while we were away
  });
  events.addEventListener('problem', (e) => show(JSON.parse(e.data)));
  events.addEventListener('reload', (e) => {
    const change = JSON.parse(e.data);
    const wasBroken = overlay !== null;
    // A stylesheet or script change touches every page; a page change only the page itself.
    const mine = change.changed.some((p) => p === here || !p.endsWith('.html'));
    if (wasBroken || mine) location.reload();
    else build = change.build;
  });
})();
