// docgen pages: the only script the service serves (the CSP forbids inline script).
(function () {
  "use strict";
  // Forms that ask before they act: <form data-confirm="Вопрос?">.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
  // «Вернуться назад» links: <a href="/" data-back>.
  document.querySelectorAll("a[data-back]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (window.history.length > 1) { event.preventDefault(); window.history.back(); }
    });
  });
  // A batch in progress: poll its state and reload the page when it is finished.
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "1") { return; }
  function poll() {
    fetch("/api/batches/" + encodeURIComponent(box.dataset.id), {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        document.getElementById("done").textContent = s.done;
        document.getElementById("bar").value = s.done;
        document.getElementById("label").textContent = s.label;
        if (s.finished) { window.location.reload(); } else { setTimeout(poll, 700); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 300);
})();
