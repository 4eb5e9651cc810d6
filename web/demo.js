// The demo site's one widget tag, pointed at `?server=` when given (make run and the
// tests), which the site's links keep. A clinic writes the tag itself:
//   <script src="https://clinic.example/bot/widget.js" data-server="https://bot.clinic.example"></script>
(function () {
  var query = location.search;
  var server = new URLSearchParams(query).get("server") || "http://localhost:5005";
  document.querySelectorAll("nav a").forEach(function (link) {
    link.href = link.getAttribute("href") + query;
  });
  var tag = document.createElement("script");
  tag.src = "widget.js";
  tag.dataset.server = server;
  tag.dataset.title = "Questions about a low white blood cell count";
  tag.dataset.position = "right";
  document.body.appendChild(tag);
})();
