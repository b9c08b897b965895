/*
 * rightcare player: marking, hints, the module result and the draw. No DOM, no network.
 *
 * This repeats rightcare.training.exercise.mark, run.hint and ModuleRun.result exactly (the
 * tests run it under node against the Python for many answers), so a learner gets the same
 * score from the package as from the web app. Everything it marks against (the policy's answer,
 * the key questions, the hint wordings) is worked out in Python and embedded in the data.
 *
 * The draw for a random-order module is this file's own, not Python's: a 32-bit FNV-1a hash of
 * "<module id>:<seed>" seeds mulberry32, and a partial Fisher-Yates shuffle takes the first
 * `size` scenarios. A fixed-order module that draws fewer than it has keeps a random subset in
 * course order. The seed is a launch parameter (?seed=N) or a fresh random 31-bit number, and is
 * shown to the learner and stored with the attempt, so the same attempt can be drawn again.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.RightcareScoring = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Python's round(): halves go to the even neighbour (round(82.5) == 82), unlike Math.round.
  function roundHalfEven(x) {
    var floor = Math.floor(x);
    var rest = x - floor; // exact for the small numbers marked here
    if (rest > 0.5) return floor + 1;
    if (rest < 0.5) return floor;
    return floor % 2 === 0 ? floor : floor + 1;
  }

  function severityOf(data, choiceId) {
    for (var i = 0; i < data.choices.length; i++) {
      if (data.choices[i].id === choiceId) return data.choices[i].severity;
    }
    throw new Error("unknown choice " + choiceId);
  }

  /* mark(policy, exercise, answer): answer is {choice, agency (or null), asked: [ids]}. */
  function mark(data, scenario, answer) {
    var expected = scenario.expected;
    var choiceRight = answer.choice === expected.choice;
    var agencyRight = expected.choice === "duty" ? choiceRight : answer.agency === expected.agency;
    var asked = {};
    (answer.asked || []).forEach(function (id) { asked[id] = true; });
    var missed = scenario.key_questions.filter(function (k) { return !asked[k.id]; });
    var keyCount = scenario.key_questions.length;
    var share = keyCount === 0 ? 1.0 : (keyCount - missed.length) / keyCount;
    var points = data.points;
    var score = (choiceRight ? points.choice : 0) + (agencyRight ? points.agency : 0) +
      roundHalfEven(points.questions * share);
    var given = severityOf(data, answer.choice);
    var wanted = severityOf(data, expected.choice);
    return {
      scenario: scenario.id,
      choice: answer.choice,
      agency: answer.agency || null,
      choice_right: choiceRight,
      agency_right: agencyRight,
      score: score,
      unsafe: given < wanted,
      over_response: given > wanted,
      missed: missed,
      passed: choiceRight && agencyRight
    };
  }

  /* run.hint: where to look again, never the answer. */
  function hint(data, marked) {
    if (marked.missed.length) {
      var texts = marked.missed.slice(0, 3).map(function (k) { return k.text; }).join("; ");
      return data.hints.missed.replace("{questions}", texts);
    }
    if (!marked.choice_right) return data.hints.choice;
    return data.hints.agency;
  }

  /* ModuleRun.tries_left for one scenario's answers so far. */
  function triesLeft(course, given) {
    if (given.length && given[given.length - 1].passed) return 0;
    return Math.max(0, 1 + course.scenario_retries - given.length);
  }

  /* ModuleRun.result: the mean of each drawn scenario's last answer, over all drawn. */
  function result(course, order, answers) {
    var finals = order.filter(function (id) { return (answers[id] || []).length; })
      .map(function (id) { return answers[id][answers[id].length - 1]; });
    var total = finals.reduce(function (sum, f) { return sum + f.score; }, 0);
    var score = order.length ? roundHalfEven(total / order.length) : 0;
    var unsafe = finals.filter(function (f) { return f.unsafe; }).length;
    var complete = order.every(function (id) {
      return (answers[id] || []).length && triesLeft(course, answers[id]) === 0;
    });
    return {
      score: score,
      passed: complete && score >= course.pass_mark && !(course.fail_on_unsafe && unsafe > 0),
      complete: complete,
      answered: finals.length,
      correct: finals.filter(function (f) { return f.passed; }).length,
      unsafe: unsafe,
      over_response: finals.filter(function (f) { return f.over_response; }).length
    };
  }

  function fnv1a(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }

  function mulberry32(state) {
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* The scenario ids one attempt presents, in order. Same module, size and seed: same list. */
  function draw(moduleId, ids, size, order, seed) {
    var random = mulberry32(fnv1a(moduleId + ":" + seed));
    var n = ids.length;
    size = Math.min(size, n);
    if (order !== "random" && size >= n) return ids.slice();
    var positions = ids.map(function (_, i) { return i; });
    for (var i = 0; i < size; i++) {
      var j = i + Math.floor(random() * (n - i));
      var swap = positions[i]; positions[i] = positions[j]; positions[j] = swap;
    }
    var taken = positions.slice(0, size);
    if (order !== "random") taken.sort(function (a, b) { return a - b; });
    return taken.map(function (i) { return ids[i]; });
  }

  return {
    roundHalfEven: roundHalfEven,
    mark: mark,
    hint: hint,
    triesLeft: triesLeft,
    result: result,
    draw: draw
  };
});
