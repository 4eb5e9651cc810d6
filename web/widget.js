/*
 * Chat widget for the leukopenia information bot: a launcher button in a corner of
 * the clinic's own page that opens a chat panel.
 *
 * Embed with one script tag:
 *   <script src="https://clinic.example/bot/widget.js"
 *           data-server="https://bot.clinic.example"
 *           data-title="Questions about a low white count"
 *           data-position="right" data-colour="#1d4f91"></script>
 *
 * The emergency number comes from data-emergency-number, else from clinic.json next
 * to this file (`make run` writes it from clinic.yml). The panel (about 380 x 600 px,
 * full screen on a phone) closes with its button or Esc and gives focus back to the
 * launcher; a reply that arrives while it is closed shows an unread badge. Open or
 * closed, the conversation and the unread count are kept across page loads of the
 * same site, and a reply that arrives while no page of the site is open (a reload,
 * a link followed) comes again when a page returns: the server numbers replies
 * (`seq`), the page says the last number it saw (`received`), the server sends the
 * later ones marked `replayed`, and a replayed number the page already holds is
 * dropped. Talks to Rasa's socket.io channel with session persistence. Every
 * message is put on the page as text: nothing from a message is ever parsed as
 * HTML, and only http(s) addresses become links.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var config = {
    server: script.dataset.server || "http://localhost:5005",
    title: script.dataset.title || "Questions about a low white blood cell count",
    emergencyNumber: script.dataset.emergencyNumber || "",
    position: script.dataset.position === "left" ? "left" : "right",
    colour: /^#[0-9a-fA-F]{3,8}$/.test(script.dataset.colour || "") ? script.dataset.colour : "",
  };
  var base = new URL(".", script.src).href;
  var KEYS = {
    session: "leukobot.session",
    transcript: "leukobot.transcript",
    open: "leukobot.open",
    unread: "leukobot.unread",
    seen: "leukobot.seen",
  };
  var SEEN_KEPT = 100;
  var REPLY_TIMEOUT_MS = 30000;
  var FALLBACK_NUMBER = "your local emergency number";

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Text with http(s) addresses as links; everything else stays text. */
  function appendText(parent, text) {
    String(text).split(/(https?:\/\/[^\s<>"']+)/g).forEach(function (part) {
      if (/^https?:\/\/[^\s<>"']+$/.test(part)) {
        var link = element("a", { href: part, target: "_blank", rel: "noopener noreferrer" }, part);
        parent.appendChild(link);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  function stored(key, fallback) {
    try {
      var value = localStorage.getItem(key);
      return value === null ? fallback : value;
    } catch (error) {
      return fallback;
    }
  }

  function store(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch (error) {
      /* private browsing: the chat still works, it is only not kept */
    }
  }

  /* The JSON list kept under `key`, or [] when there is none or it cannot be read. */
  function storedList(key) {
    try {
      return JSON.parse(stored(key, "[]"));
    } catch (error) {
      return [];
    }
  }

  function loadSeen() {
    var seen = storedList(KEYS.seen);
    return Array.isArray(seen) ? seen.filter(function (n) { return typeof n === "number"; }) : [];
  }

  function emergencyLine(number) {
    return "In an emergency call " + (number || FALLBACK_NUMBER) +
      " now. This bot gives general information, not medical advice.";
  }

  function build() {
    var root = element("div", { class: "leukobot-root leukobot-" + config.position });
    if (config.colour) root.style.setProperty("--leukobot-colour", config.colour);
    var launcher = element("button", {
      type: "button", class: "leukobot-launcher", "aria-controls": "leukobot-panel",
      "aria-expanded": "false",
    });
    var icon = element("span", { class: "leukobot-icon", "aria-hidden": "true" }, "?");
    var badge = element("span", { class: "leukobot-badge", "aria-hidden": "true", hidden: "" }, "");
    launcher.appendChild(icon);
    launcher.appendChild(badge);

    var panel = element("section", {
      id: "leukobot-panel", class: "leukobot", role: "dialog", "aria-label": config.title, hidden: "",
    });
    var header = element("div", { class: "leukobot-header" });
    var title = element("h2", { class: "leukobot-title" }, config.title);
    var close = element("button", { type: "button", class: "leukobot-close", "aria-label": "Close chat" }, "×");
    header.appendChild(title);
    header.appendChild(close);
    var emergency = element("p", { class: "leukobot-emergency", role: "note" }, emergencyLine(config.emergencyNumber));
    var log = element("div", { class: "leukobot-log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" });
    var typing = element("p", { class: "leukobot-typing", "aria-live": "polite", hidden: "" }, "The assistant is typing…");
    var error = element("div", { class: "leukobot-error", role: "alert", hidden: "" });
    var errorText = element("span", {}, "");
    var retry = element("button", { type: "button", class: "leukobot-retry" }, "Retry");
    error.appendChild(errorText);
    error.appendChild(retry);
    var form = element("form", { class: "leukobot-form" });
    var label = element("label", { for: "leukobot-input", class: "leukobot-hidden" }, "Your question");
    var input = element("input", {
      id: "leukobot-input", type: "text", autocomplete: "off", maxlength: "2000",
      placeholder: "Type your question…",
    });
    var send = element("button", { type: "submit" }, "Send");
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);
    [header, emergency, log, typing, error, form].forEach(function (part) { panel.appendChild(part); });
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);
    return {
      launcher: launcher, badge: badge, panel: panel, close: close, emergency: emergency, log: log,
      typing: typing, error: error, errorText: errorText, retry: retry, form: form, input: input,
    };
  }

  function start(io) {
    var ui = build();
    var id = stored(KEYS.session, "");
    var transcript = storedList(KEYS.transcript);
    var unread = parseInt(stored(KEYS.unread, "0"), 10) || 0;
    var seen = loadSeen();
    var waiting = null;

    function isOpen() {
      return !ui.panel.hidden;
    }

    function showUnread() {
      ui.badge.textContent = String(unread);
      ui.badge.hidden = unread === 0;
      var news = unread ? " (" + unread + (unread === 1 ? " new reply)" : " new replies)") : "";
      ui.launcher.setAttribute("aria-label", "Open chat: " + config.title + news);
      store(KEYS.unread, String(unread));
    }

    function setOpen(open, moveFocus) {
      ui.panel.hidden = !open;
      ui.launcher.setAttribute("aria-expanded", open ? "true" : "false");
      ui.launcher.classList.toggle("leukobot-launcher-open", open);
      store(KEYS.open, open ? "1" : "0");
      if (open) {
        unread = 0;
        ui.log.scrollTop = ui.log.scrollHeight;
      }
      showUnread();
      if (moveFocus) (open ? ui.input : ui.launcher).focus();
    }

    /* False for a replayed reply the page already holds; else notes its number. */
    function isNew(message) {
      if (typeof message.seq !== "number") return true;
      if (message.replayed && seen.indexOf(message.seq) !== -1) return false;
      seen.push(message.seq);
      seen = seen.slice(-SEEN_KEPT);
      store(KEYS.seen, JSON.stringify(seen));
      return true;
    }

    function remember(entry) {
      transcript.push(entry);
      store(KEYS.transcript, JSON.stringify(transcript.slice(-100)));
    }

    function showError(text) {
      ui.errorText.textContent = text + " ";
      ui.error.hidden = false;
      ui.typing.hidden = true;
    }

    function render(entry) {
      var bubble = element("div", { class: "leukobot-message leukobot-" + entry.from });
      var who = element("span", { class: "leukobot-hidden" }, entry.from === "user" ? "You: " : "Assistant: ");
      bubble.appendChild(who);
      appendText(bubble, entry.text || "");
      ui.log.appendChild(bubble);
      if (entry.buttons && entry.buttons.length) {
        var group = element("div", { class: "leukobot-buttons", role: "group", "aria-label": "Suggested replies" });
        entry.buttons.forEach(function (button) {
          var choice = element("button", { type: "button" }, button.title);
          choice.addEventListener("click", function () { ask(button.payload, button.title); });
          group.appendChild(choice);
        });
        ui.log.appendChild(group);
      }
      ui.log.scrollTop = ui.log.scrollHeight;
    }

    function ask(payload, shown) {
      var entry = { from: "user", text: shown };
      render(entry);
      remember(entry);
      ui.typing.hidden = false;
      clearTimeout(waiting);
      waiting = setTimeout(function () {
        showError("No reply from the assistant.");
      }, REPLY_TIMEOUT_MS);
      socket.emit("user_uttered", { message: payload, session_id: id });
    }

    transcript.forEach(render);
    setOpen(stored(KEYS.open, "0") === "1", false);
    if (!config.emergencyNumber) {
      fetch(base + "clinic.json").then(function (response) {
        return response.ok ? response.json() : {};
      }).then(function (clinic) {
        if (clinic && typeof clinic.emergency_number === "string") {
          ui.emergency.textContent = emergencyLine(clinic.emergency_number);
        }
      }).catch(function () { /* the line keeps "your local emergency number" */ });
    }

    var socket = io(config.server, { transports: ["websocket", "polling"], reconnectionAttempts: 5 });
    socket.on("connect", function () {
      ui.error.hidden = true;
      var received = seen.length ? Math.max.apply(null, seen) : 0;
      socket.emit("session_request", { session_id: id, received: received });
    });
    socket.on("session_confirm", function (token) {
      if (typeof token === "string" && token) {
        if (token !== id) {
          seen = [];
          store(KEYS.seen, "[]");
        }
        id = token;
        store(KEYS.session, token);
      }
    });
    socket.on("connect_error", function () {
      showError("Can't reach the assistant right now.");
    });
    socket.on("bot_uttered", function (message) {
      if (!message || !isNew(message)) return;
      clearTimeout(waiting);
      ui.typing.hidden = true;
      var buttons = (message.quick_replies || message.buttons || []).map(function (b) {
        return { title: String(b.title), payload: String(b.payload) };
      });
      var entry = { from: "bot", text: message.text || "", buttons: buttons };
      render(entry);
      remember(entry);
      if (!isOpen()) {
        unread += 1;
        showUnread();
      }
    });

    ui.launcher.addEventListener("click", function () { setOpen(!isOpen(), true); });
    ui.close.addEventListener("click", function () { setOpen(false, true); });
    ui.panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        setOpen(false, true);
      }
    });
    ui.retry.addEventListener("click", function () {
      ui.error.hidden = true;
      socket.connect();
    });
    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = ui.input.value.trim();
      if (!text) return;
      ui.input.value = "";
      ask(text, text);
    });
  }

  var style = element("link", { rel: "stylesheet", href: base + "widget.css" });
  document.head.appendChild(style);
  var client = element("script", { src: base + "vendor/socket.io.min.js" });
  client.onload = function () { start(window.io); };
  client.onerror = function () {
    var note = element("p", { role: "alert", class: "leukobot-load-error" },
      "The chat could not load. " + emergencyLine(config.emergencyNumber));
    document.body.appendChild(note);
  };
  document.head.appendChild(client);
})();
