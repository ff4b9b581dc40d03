// Task pane of the OI add-in: test the connection with the server (health endpoint).
(function () {
  const veld = document.getElementById("oi-verbinding");
  if (!veld) return;
  fetch(veld.dataset.url, { cache: "no-store" })
    .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
    .then((d) => {
      veld.textContent = "Verbonden: " + d.functies + " functies beschikbaar.";
      veld.classList.add("text-success");
    })
    .catch((fout) => {
      veld.textContent = "Geen verbinding met de server (" + fout + "). Vraag uw beheerder.";
      veld.classList.add("text-danger");
    });
})();
