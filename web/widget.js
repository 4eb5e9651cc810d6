/*
 * Chat widget for the leukopenia information bot.
 *
 * Embed with one script tag:
 *   <script src="https://clinic.example/bot/widget.js"
 *           data-server="https://clinic.example:5005"
 *           data-title="Questions about a low white count"
 *           data-emergency-number="999"></script>
 *
 * Talks to Rasa's socket.io channel with session persistence (a reload continues
 * the same conversation). Every message is put on the page as text: nothing from
 * a message is ever parsed as HTML, and only http(s) addresses become links.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var config = {
    server: script.dataset.server || "http://localhost:5005",
    title: script.dataset.title || "Questions about a low white blood cell count",
    emergencyNumber: script.dataset.emergencyNumber || "your local emergency number",
  };
  var base = new URL(".", script.src).href;
  var SESSION_KEY = "leukobot.session";
  var TRANSCRIPT_KEY = "leukobot.transcript";
  var REPLY_TIMEOUT_MS = 30000;

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

  // The server issues and signs the session token (session_confirm); the widget
  // only keeps it, so a reload continues the same conversation.
  function storedSession() {
    return localStorage.getItem(SESSION_KEY) || "";
  }

  function loadTranscript() {
    try {
      return JSON.parse(localStorage.getItem(TRANSCRIPT_KEY) || "[]");
    } catch (error) {
      return [];
    }
  }

  function build() {
    var root = element("section", { class: "leukobot", "aria-label": config.title });
    var header = element("h2", { class: "leukobot-title" }, config.title);
    var emergency = element(
      "p",
      { class: "leukobot-emergency", role: "note" },
      "In an emergency call " + config.emergencyNumber +
        " now. This bot gives general information, not medical advice."
    );
    var log = element("div", { class: "leukobot-log", role: "log", "aria-live": "polite", "aria-label": "Conversation" });
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
    var send = element("button", { type: "submit", "aria-label": "Send" }, "Send");
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);
    [header, emergency, log, typing, error, form].forEach(function (part) { root.appendChild(part); });
    document.body.appendChild(root);
    return { log: log, typing: typing, error: error, errorText: errorText, retry: retry, form: form, input: input };
  }

  function start(io) {
    var ui = build();
    var id = storedSession();
    var transcript = loadTranscript();
    var waiting = null;

    function remember(entry) {
      transcript.push(entry);
      localStorage.setItem(TRANSCRIPT_KEY, JSON.stringify(transcript.slice(-100)));
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
    var socket = io(config.server, { transports: ["websocket", "polling"], reconnectionAttempts: 5 });

    socket.on("connect", function () {
      ui.error.hidden = true;
      socket.emit("session_request", { session_id: id });
    });
    socket.on("session_confirm", function (token) {
      if (typeof token === "string" && token) {
        id = token;
        localStorage.setItem(SESSION_KEY, token);
      }
    });
    socket.on("connect_error", function () {
      showError("Can't reach the assistant right now.");
    });
    socket.on("bot_uttered", function (message) {
      clearTimeout(waiting);
      ui.typing.hidden = true;
      var buttons = (message.quick_replies || message.buttons || []).map(function (b) {
        return { title: String(b.title), payload: String(b.payload) };
      });
      var entry = { from: "bot", text: message.text || "", buttons: buttons };
      render(entry);
      remember(entry);
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
    var note = element("p", { role: "alert" }, "The chat could not load. In an emergency call " + config.emergencyNumber + ".");
    document.body.appendChild(note);
  };
  document.head.appendChild(client);
})();
