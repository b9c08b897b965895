// rightcare screens: answer key questions from the keyboard, and keep screen readers told.
// Plain JavaScript, no framework: htmx does the requests.
(function () {
  "use strict";

  var ANSWER_KEYS = { y: "yes", n: "no", u: "unknown" };

  function questions() {
    return Array.prototype.slice.call(document.querySelectorAll(".app-question"));
  }

  function focusQuestion(question) {
    var radio =
      question.querySelector("input[type=radio]:checked") ||
      question.querySelector("input[type=radio]");
    if (radio) {
      radio.focus();
      question.scrollIntoView({ block: "nearest" });
    }
  }

  function announceChange(radio) {
    radio.dispatchEvent(new Event("input", { bubbles: true }));
    radio.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // Shortcuts work only while a question has focus (WCAG 2.1.4: never while typing notes).
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
    var question = input.closest(".app-question");
    if (!question || event.altKey || event.ctrlKey || event.metaKey) return;

    var answer = ANSWER_KEYS[event.key.toLowerCase()];
    if (answer) {
      var radio = question.querySelector('input[type=radio][value="' + answer + '"]');
      if (radio) {
        event.preventDefault();
        if (!radio.checked) {
          radio.checked = true;
          announceChange(radio);
        }
        radio.focus();
      }
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      // Up and down move between questions; left and right still move between answers.
      event.preventDefault();
      var all = questions();
      var next = all[all.indexOf(question) + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) focusQuestion(next);
      return;
    }
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      var checked = question.querySelector("input[type=radio]:checked");
      if (checked) {
        checked.checked = false;
        announceChange(checked);
      }
    }
  });

  // "Questions to ask" and "confirm" links take focus to the question's answers.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-question]") : null;
    if (!link) return;
    var question = document.getElementById("q-" + link.getAttribute("data-question"));
    if (question) {
      event.preventDefault();
      focusQuestion(question);
    }
  });

  // A handover's kind: the s136 arrival time shows only for a section 136 handover. (Not
  // GOV.UK's conditional reveal: it puts aria-expanded on a radio, which ARIA does not allow.)
  function showArrival() {
    var arrival = document.getElementById("offer-kind-s136-arrival");
    var s136 = document.getElementById("offer-kind-s136");
    if (arrival && s136) {
      arrival.classList.toggle("govuk-radios__conditional--hidden", !s136.checked);
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.name === "kind") showArrival();
  });
  showArrival();

  // After each update, tell screen readers the new recommendation, only when it changed.
  document.addEventListener("htmx:afterSwap", function (event) {
    var panel = event.target.querySelector ? event.target.querySelector("[data-status]") : null;
    var status = document.getElementById("assessment-status");
    if (!panel || !status) return;
    var text = panel.getAttribute("data-status");
    if (status.textContent !== text) status.textContent = text;
  });
})();
