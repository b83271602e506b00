// Progressive enhancement: while a publication runs, reload its page when it moves on.
(function () {
  var main = document.getElementById('main');
  if (!main || main.getAttribute('data-state') !== 'running') { return; }
  var id = main.getAttribute('data-job');
  var done = main.getAttribute('data-done');
  setInterval(function () {
    fetch('/api/publish/jobs/' + id, {headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (j.state !== 'running' || String(j.done) !== done) { window.location.reload(); }
      })
      .catch(function () {});
  }, 1500);
})();
