/*
 * rightcare player: one module, call by call. Builds every element with the DOM and sets text
 * with textContent only, because narratives, rules and feedback are data and are never markup.
 * Focus moves to each new piece of content; the caller's answers are read out (aria-live).
 */
(function () {
  "use strict";

  var data = window.RIGHTCARE_MODULE;
  var S = window.RightcareScoring;
  var main = document.getElementById("main");
  var course = data.course;
  var scenarios = {};
  data.scenarios.forEach(function (s) { scenarios[s.id] = s; });
  var questions = {};
  data.questions.forEach(function (q) { questions[q.id] = q.text; });
  var labels = {};
  data.choices.forEach(function (c) { labels[c.id] = c.label; });

  /* el("p", {class: "x"}, ["text", child]): strings become text nodes, never HTML. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === "") return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function focusOn(node) {
    node.setAttribute("tabindex", "-1");
    node.focus();
    if (node.scrollIntoView) node.scrollIntoView({ block: "start" });
  }

  function agencyName(id) { return id ? (data.agency_names[id] || id) : ""; }

  function answerText(choice, agency) {
    var text = labels[choice];
    return choice === "duty" || !agency ? text : text + "; best placed: " + agencyName(agency);
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  var params = new URLSearchParams(window.location.search);
  var seed = /^\d{1,10}$/.test(params.get("seed") || "") ? Number(params.get("seed")) :
    window.crypto.getRandomValues(new Uint32Array(1))[0] & 0x7fffffff;
  var order = S.draw(data.module.id, data.scenarios.map(function (s) { return s.id; }),
    data.module.size, course.order, seed);
  var answers = {};
  var asked = {};
  var passMark = course.pass_mark;
  var lms = window.RightcareLMS.connect(data.standard);
  var startedAt = Date.now();
  var index = 0;

  function seconds() { return (Date.now() - startedAt) / 1000; }

  function setState(name) { main.setAttribute("data-state", name); }

  function intro() {
    main.textContent = "";
    var tries = course.scenario_retries;
    var notice = el("p", { "class": "notice", role: "status" }, [
      lms ? "Connecting to your learning platform…" :
        "No learning platform was found, so this attempt is not recorded. You can still practise."
    ]);
    var start = el("button", { type: "button", "class": "primary", disabled: !!lms },
      ["Start the first call"]);
    var list = el("ul", {}, [
      el("li", {}, [plural(order.length, "call", "calls") + " in this attempt" +
        (course.order === "random" ? ", in a random order." : ".")]),
      el("li", {}, ["For each call, read it as it arrives, ask the caller what you need to " +
        "know, then decide: police have a duty to attend, police may choose to attend, or " +
        "another agency is better placed, and which."]),
      el("li", {}, ["Pass mark: " + passMark + " out of 100."]),
      course.fail_on_unsafe ? el("li", {}, ["If an answer would send police less often than " +
        "policy says, the module is not passed, whatever the score."]) : null,
      tries ? el("li", {}, ["If an answer is not right you get " + plural(tries, "more try",
        "more tries") + ", with a hint."]) : null
    ]);
    var heading = el("h2", {}, ["About this module"]);
    main.appendChild(el("section", { "class": "intro" }, [
      heading, data.module.summary ? el("p", {}, [data.module.summary]) : null, list, notice, start
    ]));
    start.addEventListener("click", function () { showCall(); });
    setState("intro");
    if (!lms) return;
    lms.start().then(function (started) {
      // cmi5: the platform's masteryScore overrides the course's pass mark (0.8 -> 80).
      if (typeof started.masteryScore === "number") {
        passMark = Math.round(started.masteryScore * 10000) / 100;
      }
      notice.textContent = started.notice || "Connected to your learning platform.";
      start.disabled = false;
      setState("ready");
    }, function (error) {
      lms = null;
      notice.textContent = "Your learning platform could not be reached (" + error.message +
        "), so this attempt is not recorded. Close the module and open it again to retry.";
      start.disabled = false;
      setState("ready");
    });
  }

  function radios(name, options, legend, hidden) {
    var fieldset = el("fieldset", { "class": name, hidden: hidden }, [el("legend", {}, [legend])]);
    options.forEach(function (option) {
      var id = name + "-" + option.id;
      fieldset.appendChild(el("div", { "class": "option" }, [
        el("input", { type: "radio", name: name, id: id, value: option.id }),
        el("label", { "for": id }, [option.text])
      ]));
    });
    return fieldset;
  }

  function showCall() {
    var scenario = scenarios[order[index]];
    asked[scenario.id] = asked[scenario.id] || [];
    main.textContent = "";
    var heading = el("h2", {}, ["Call " + (index + 1) + " of " + order.length]);
    var replies = el("ol", { "class": "replies", "aria-live": "polite" }, []);
    var empty = el("p", { "class": "empty" }, ["You have not asked anything yet."]);
    var buttons = data.questions.map(function (q) {
      var button = el("button", { type: "button", "class": "ask", "data-question": q.id }, [q.text]);
      button.addEventListener("click", function () {
        if (asked[scenario.id].indexOf(q.id) < 0) asked[scenario.id].push(q.id);
        button.classList.add("asked");
        var said = scenario.replies[q.id] || data.dont_know;
        empty.hidden = true;
        replies.appendChild(el("li", {}, [
          el("span", { "class": "who" }, ["You asked: "]), q.text, el("br"),
          el("span", { "class": "who" }, ["The caller: "]), said
        ]));
      });
      return button;
    });
    var asking = el("fieldset", { "class": "asking" }, [
      el("legend", {}, ["Questions you can ask"]),
      el("ul", { "class": "questions" }, buttons.map(function (b) { return el("li", {}, [b]); }))
    ]);
    var choices = radios("choice", data.choices.map(function (c) {
      return { id: c.id, text: c.label };
    }), "What is the right response?", false);
    var agencies = radios("agency", data.agencies.map(function (a) {
      return { id: a.id, text: a.name };
    }), "Which agency is best placed?", true);
    var error = el("p", { "class": "error", role: "alert" }, []);
    var submit = el("button", { type: "submit", "class": "primary" }, ["Give my answer"]);
    var form = el("form", { "class": "decision", novalidate: true }, [
      el("h3", {}, ["Your decision"]), choices, agencies, error, submit
    ]);
    var hintBox = el("div", { "class": "hint", hidden: true }, []);
    var after = el("div", { "class": "after" }, []);
    var section = el("section", { "class": "call", "data-scenario": scenario.id }, [
      heading,
      el("h3", {}, ["The call as it arrives"]),
      el("blockquote", { "class": "narrative" }, [scenario.narrative]),
      el("h3", {}, ["Ask the caller"]),
      el("p", {}, ["Ask as many questions as you need before you decide."]),
      asking,
      el("h3", {}, ["What the caller said"]),
      empty, replies, form, hintBox, after
    ]);
    main.appendChild(section);
    choices.addEventListener("change", function () {
      var chosen = form.querySelector("input[name=choice]:checked");
      agencies.hidden = !chosen || chosen.value === "duty";
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[name=choice]:checked");
      var agency = form.querySelector("input[name=agency]:checked");
      if (!chosen) {
        error.textContent = "Choose a response first.";
        form.querySelector("input[name=choice]").focus();
        return;
      }
      if (chosen.value !== "duty" && !agency) {
        error.textContent = "Choose the agency best placed.";
        form.querySelector("input[name=agency]").focus();
        return;
      }
      error.textContent = "";
      var answer = {
        choice: chosen.value,
        agency: chosen.value === "duty" ? null : agency.value,
        asked: asked[scenario.id].slice()
      };
      var marked = S.mark(data, scenario, answer);
      var given = answers[scenario.id] = answers[scenario.id] || [];
      given.push(marked);
      var left = S.triesLeft(course, given);
      if (!marked.passed && left > 0) {
        hintBox.textContent = "";
        hintBox.appendChild(el("h3", {}, ["Try again"]));
        hintBox.appendChild(el("p", {}, [S.hint(data, marked)]));
        hintBox.appendChild(el("p", {}, ["You have " + plural(left, "more try", "more tries") +
          " at this call."]));
        hintBox.hidden = false;
        focusOn(hintBox);
        return;
      }
      hintBox.hidden = true;
      asking.disabled = true;
      form.querySelectorAll("fieldset, button").forEach(function (n) { n.disabled = true; });
      showFeedback(after, scenario, marked);
    });
    setState("call");
    focusOn(heading);
  }

  function showFeedback(container, scenario, marked) {
    var fb = scenario.feedback;
    var expected = scenario.expected;
    var heading = el("h3", {}, [(marked.passed ? "Right" : "Not right") + ": " + marked.score +
      " out of 100 for this call"]);
    var rules = el("ul", { "class": "rules" }, fb.rules.map(function (r) {
      return el("li", {}, [
        el("p", {}, [r.text]),
        el("p", { "class": "basis" }, ["Basis: " + r.basis + " (rule " + r.rule + ")"])
      ]);
    }));
    var missed = marked.missed.length ? el("div", {}, [
      el("h4", {}, ["Questions you did not ask that mattered"]),
      el("ul", {}, marked.missed.map(function (k) {
        return el("li", {}, [k.text + " The caller would have said: " + k.said]);
      }))
    ]) : null;
    var last = index + 1 >= order.length;
    var next = el("button", { type: "button", "class": "primary" },
      [last ? "See my result" : "Next call"]);
    next.addEventListener("click", function () {
      index += 1;
      if (last) showResult(); else showCall();
    });
    var source = fb.source_url ? el("p", {}, [
      "Source: ", el("a", { href: fb.source_url, target: "_blank", rel: "noopener" }, [fb.source_url])
    ]) : null;
    container.appendChild(el("section", {
      "class": "feedback " + (marked.passed ? "right" : "wrong"), "data-score": marked.score
    }, [
      heading,
      marked.unsafe ? el("p", { "class": "warning" }, ["Your answer would send police less " +
        "often than policy says. That is the mistake that matters most."]) : null,
      el("dl", {}, [
        el("dt", {}, ["Your answer"]), el("dd", {}, [answerText(marked.choice, marked.agency)]),
        el("dt", {}, ["The policy's answer"]),
        el("dd", {}, [labels[expected.choice] + "; best placed: " + agencyName(expected.agency)]),
        el("dt", {}, ["Outcome"]), el("dd", {}, [fb.title]),
        fb.tell_caller ? el("dt", {}, ["What to tell the caller"]) : null,
        fb.tell_caller ? el("dd", {}, [fb.tell_caller]) : null
      ]),
      el("h4", {}, ["The rules that decide it"]), rules,
      missed,
      fb.turning_point ? el("p", {}, [fb.turning_point]) : null,
      fb.why || source ? el("h4", {}, ["Where this comes from"]) : null,
      fb.why ? el("p", {}, [fb.why]) : null,
      source,
      next
    ]));
    setState("feedback");
    focusOn(heading);
  }

  function showResult() {
    var result = S.result({
      pass_mark: passMark,
      scenario_retries: course.scenario_retries,
      fail_on_unsafe: course.fail_on_unsafe
    }, order, answers);
    main.textContent = "";
    var heading = el("h2", {}, ["Your result"]);
    var rows = order.map(function (id, n) {
      var given = answers[id] || [];
      var final = given[given.length - 1];
      return el("tr", {}, [
        el("th", { scope: "row" }, [String(n + 1)]), el("td", {}, [id]),
        el("td", {}, [String(given.length)]), el("td", {}, [String(final ? final.score : 0)]),
        el("td", {}, [final && final.passed ? "Right" : "Not right"])
      ]);
    });
    var report = el("p", { "class": "notice", role: "status" }, [
      lms ? "Sending your result to your learning platform…" : "This attempt is not recorded."
    ]);
    main.appendChild(el("section", { "class": "result", "data-score": result.score,
      "data-passed": result.passed }, [
      heading,
      el("p", { "class": result.passed ? "passed" : "failed" }, [
        (result.passed ? "You passed this module: " : "You have not passed this module: ") +
        result.score + " out of 100 (pass mark " + passMark + ")."
      ]),
      result.unsafe && course.fail_on_unsafe ? el("p", { "class": "warning" }, [
        plural(result.unsafe, "answer", "answers") + " would have sent police less often than " +
        "policy says, so the module is not passed whatever the score."]) : null,
      el("table", {}, [
        el("caption", {}, ["Your calls"]),
        el("thead", {}, [el("tr", {}, ["Call", "Scenario", "Tries", "Score", "Result"].map(
          function (h) { return el("th", { scope: "col" }, [h]); }))]),
        el("tbody", {}, rows)
      ]),
      report,
      el("p", { "class": "reference" }, ["Attempt reference: seed " + seed + ", course " +
        course.id + " " + course.version + ", policy " + data.policy.pack + " " +
        data.policy.version + "."])
    ]));
    setState("result");
    focusOn(heading);
    if (!lms) { setState("done"); return; }
    var adapter = lms;
    lms = null; // reported once, whatever happens next
    Promise.resolve().then(function () { return adapter.finish(result, seconds()); })
      .then(function (message) { report.textContent = message; },
        function (error) {
          report.textContent = "Your result could not be recorded (" + error.message + "). " +
            "Tell your trainer your score and the attempt reference below.";
        })
      .then(function () { setState("done"); });
  }

  window.addEventListener("pagehide", function () { if (lms) lms.abandon(seconds()); });
  window.rightcarePlayer = { order: order, seed: seed, answers: answers };
  intro();
})();
