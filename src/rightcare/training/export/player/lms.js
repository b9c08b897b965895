/*
 * rightcare player: reporting to the learning platform, SCORM 1.2 or cmi5.
 *
 * Each adapter has start() -> Promise<{masteryScore|null, notice}>, finish(result, seconds) ->
 * Promise<message> and abandon(seconds) for a learner who leaves part-way. Without a platform
 * (the package opened from disk to preview it) the module still plays and says it records
 * nothing.
 */
(function (root) {
  "use strict";

  var MAX_FRAMES = 7; // the SCORM 1.2 RTE's discovery algorithm gives up after 7 parents

  /* SCORM 1.2 RTE API discovery: this window's parents, then the opener's. */
  function findAPI(win) {
    for (var tries = 0; win && tries <= MAX_FRAMES; tries++) {
      try {
        if (win.API) return win.API;
      } catch (e) {
        // A frame from another origin: keep climbing, as its parent may still be ours.
      }
      var parent = null;
      try { parent = win.parent; } catch (e) { return null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  function getAPI() {
    var api = findAPI(root);
    if (!api) {
      try { if (root.opener) api = findAPI(root.opener); } catch (e) { api = null; }
    }
    return api;
  }

  function isTrue(value) { return String(value) === "true"; }

  /* CMITimespan: HHHH:MM:SS.SS */
  function scormTime(seconds) {
    var hundredths = Math.round(seconds * 100);
    var h = Math.min(9999, Math.floor(hundredths / 360000));
    var m = Math.floor(hundredths / 6000) % 60;
    var s = (hundredths % 6000) / 100;
    function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }
    var whole = Math.floor(s);
    var frac = Math.round((s - whole) * 100);
    return pad(h, 4) + ":" + pad(m, 2) + ":" + pad(whole, 2) + "." + pad(frac, 2);
  }

  function scorm12(api) {
    var finished = false;
    function set(element, value) {
      if (!isTrue(api.LMSSetValue(element, value))) {
        throw new Error(element + " was refused (error " + api.LMSGetLastError() + ")");
      }
    }
    function close(seconds) {
      set("cmi.core.session_time", scormTime(seconds));
      set("cmi.core.exit", "");
      if (!isTrue(api.LMSCommit(""))) throw new Error("the platform did not save the result");
      finished = true;
      api.LMSFinish("");
    }
    return {
      name: "SCORM 1.2",
      start: function () {
        return new Promise(function (resolve, reject) {
          if (!isTrue(api.LMSInitialize(""))) {
            reject(new Error("the learning platform did not start this module"));
            return;
          }
          var status = api.LMSGetValue("cmi.core.lesson_status");
          if (status === "not attempted" || status === "") {
            api.LMSSetValue("cmi.core.lesson_status", "incomplete");
            api.LMSCommit("");
          }
          resolve({ masteryScore: null });
        });
      },
      finish: function (result, seconds) {
        return new Promise(function (resolve) {
          set("cmi.core.score.min", "0");
          set("cmi.core.score.max", "100");
          set("cmi.core.score.raw", String(result.score));
          set("cmi.core.lesson_status", result.passed ? "passed" : "failed");
          close(seconds);
          resolve("Your result has been recorded by your learning platform.");
        });
      },
      abandon: function (seconds) {
        if (finished) return;
        try { close(seconds); } catch (e) { /* the page is going: nothing left to tell */ }
      }
    };
  }

  var CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var VERBS = {
    initialized: "http://adlnet.gov/expapi/verbs/initialized",
    passed: "http://adlnet.gov/expapi/verbs/passed",
    failed: "http://adlnet.gov/expapi/verbs/failed",
    completed: "http://adlnet.gov/expapi/verbs/completed",
    terminated: "http://adlnet.gov/expapi/verbs/terminated"
  };

  function uuid() {
    if (root.crypto && root.crypto.randomUUID) return root.crypto.randomUUID();
    var b = new Uint8Array(16);
    root.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); });
    return [hex.slice(0, 4), hex.slice(4, 6), hex.slice(6, 8), hex.slice(8, 10), hex.slice(10)]
      .map(function (part) { return part.join(""); }).join("-");
  }

  /* xAPI duration, to the hundredth of a second as cmi5 asks. */
  function duration(seconds) { return "PT" + (Math.round(seconds * 100) / 100) + "S"; }

  function cmi5(launch) {
    var base = launch.endpoint.replace(/\/?$/, "/");
    var auth = null;
    var contextTemplate = {};
    var launchMode = "Normal";
    var masteryScore = null;
    var finished = false;

    function headers() {
      return {
        "Authorization": auth,
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json"
      };
    }

    function statement(verb, result, moveOn) {
      var context = JSON.parse(JSON.stringify(contextTemplate || {}));
      context.registration = launch.registration;
      var activities = context.contextActivities = context.contextActivities || {};
      var category = activities.category = activities.category || [];
      category.push({ objectType: "Activity", id: CMI5_CATEGORY });
      if (moveOn) category.push({ objectType: "Activity", id: MOVEON_CATEGORY });
      if ((verb === "passed" || verb === "failed") && masteryScore !== null) {
        context.extensions = context.extensions || {};
        context.extensions[MASTERY_EXTENSION] = masteryScore;
      }
      var body = {
        id: uuid(),
        actor: launch.actor,
        verb: { id: VERBS[verb], display: { "en-US": verb } },
        object: { objectType: "Activity", id: launch.activityId },
        context: context,
        timestamp: new Date().toISOString()
      };
      if (result) body.result = result;
      return body;
    }

    function send(body, keepalive) {
      return root.fetch(base + "statements", {
        method: "POST", headers: headers(), body: JSON.stringify(body), keepalive: !!keepalive
      }).then(function (response) {
        if (!response.ok) throw new Error("the record store answered " + response.status);
      });
    }

    return {
      name: "cmi5",
      start: function () {
        return root.fetch(launch.fetch, { method: "POST" })
          .then(function (response) { return response.json(); })
          .then(function (token) {
            if (!token["auth-token"]) {
              throw new Error(token["error-text"] || "the platform gave this module no token");
            }
            auth = "Basic " + token["auth-token"];
            var query = new URLSearchParams({
              stateId: "LMS.LaunchData",
              activityId: launch.activityId,
              agent: JSON.stringify(launch.actor),
              registration: launch.registration
            });
            return root.fetch(base + "activities/state?" + query.toString(), { headers: headers() });
          })
          .then(function (response) {
            if (!response.ok) throw new Error("no launch data (" + response.status + ")");
            return response.json();
          })
          .then(function (launchData) {
            contextTemplate = launchData.contextTemplate || {};
            launchMode = launchData.launchMode || "Normal";
            if (typeof launchData.masteryScore === "number") masteryScore = launchData.masteryScore;
            return send(statement("initialized"));
          })
          .then(function () {
            var notice = launchMode === "Normal" ? "" :
              "This is a " + launchMode.toLowerCase() + " launch: your answers are not recorded.";
            return { masteryScore: masteryScore, notice: notice };
          });
      },
      finish: function (result, seconds) {
        var time = duration(seconds);
        var sent = Promise.resolve();
        if (launchMode === "Normal") {
          var verb = result.passed ? "passed" : "failed";
          sent = send(statement(verb, {
            score: { scaled: result.score / 100, raw: result.score, min: 0, max: 100 },
            success: result.passed,
            duration: time
          }, true)).then(function () {
            return send(statement("completed", { completion: true, duration: time }, true));
          });
        }
        return sent.then(function () {
          finished = true;
          return send(statement("terminated", { duration: time }));
        }).then(function () {
          return launchMode === "Normal" ?
            "Your result has been recorded by your learning platform." :
            "Nothing was recorded: this was a " + launchMode.toLowerCase() + " launch.";
        });
      },
      abandon: function (seconds) {
        if (finished || !auth) return;
        finished = true;
        send(statement("terminated", { duration: duration(seconds) }), true).catch(function () {});
      }
    };
  }

  function cmi5Launch(search) {
    var params = new URLSearchParams(search);
    var names = ["endpoint", "fetch", "actor", "registration", "activityId"];
    for (var i = 0; i < names.length; i++) if (!params.get(names[i])) return null;
    var actor;
    try { actor = JSON.parse(params.get("actor")); } catch (e) { return null; }
    return {
      endpoint: params.get("endpoint"),
      fetch: params.get("fetch"),
      actor: actor,
      registration: params.get("registration"),
      activityId: params.get("activityId")
    };
  }

  /* The adapter for this package's standard, or null when no platform launched the page. */
  function connect(standard) {
    if (standard === "cmi5") {
      var launch = cmi5Launch(root.location.search);
      return launch ? cmi5(launch) : null;
    }
    var api = getAPI();
    return api ? scorm12(api) : null;
  }

  root.RightcareLMS = { connect: connect, scormTime: scormTime, duration: duration };
})(window);
