// Practice aloud: the session (think countdown, recording with a level meter, upload), the reveal of each answer
// (transcript polling, checklist, self-rating) and the speech model's status. The recorder captures the microphone
// with Web Audio, brings it down to 16 kHz mono and writes a WAV file, so the server never needs an audio decoder.
(function () {
  "use strict";
  document.documentElement.classList.add("practice-js");

  var SPEECH_RATE = 16000;
  var POLL_MS = 1000;

  // ---- small helpers ----

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function typesetIn(element) {
    if (typeof typeset === "function") typeset(element);
  }

  /** The JSON error message of a failed API call, or a plain description when there is none. */
  function errorOf(response) {
    return response.json().then(function (body) {
      return body && body.error ? body.error : "The server answered " + response.status + ".";
    }, function () {
      return "The server answered " + response.status + ".";
    });
  }

  function fetchAttemptElement(id) {
    return fetch("/practice/attempts/" + id, { headers: { "Accept": "text/html" } })
      .then(function (r) {
        if (!r.ok) throw new Error("The answer page answered " + r.status + ".");
        return r.text();
      })
      .then(function (html) {
        var attempt = new DOMParser().parseFromString(html, "text/html").querySelector(".attempt");
        if (!attempt) throw new Error("The answer page holds no answer.");
        return attempt;
      });
  }

  // ---- the speech model's status ----

  function watchModel(element) {
    if (!element || element.dataset.modelState === "ready" || element.dataset.modelState === "unavailable") return;
    setTimeout(function poll() {
      fetch("/api/practice/model").then(function (r) { return r.json(); }).then(function (model) {
        element.dataset.modelState = model.state;
        element.className = "model-status model-" + model.state;
        element.querySelector(".model-text").textContent = model.message;
        var bar = element.querySelector("progress");
        if (bar) {
          if (model.percent === null) bar.removeAttribute("value"); else bar.value = model.percent;
          bar.hidden = model.state === "ready" || model.state === "unavailable";
        }
        if (model.state !== "ready" && model.state !== "unavailable") setTimeout(poll, POLL_MS);
      }, function () { setTimeout(poll, 5 * POLL_MS); });
    }, POLL_MS);
  }

  // ---- one attempt: transcript polling, checklist, rating ----

  function watchAttempt(element) {
    if (!element) return;
    var status = element.dataset.status;
    if (status !== "queued" && status !== "transcribing") return;
    var id = element.dataset.attempt;
    setTimeout(function poll() {
      if (!element.isConnected) return;
      fetch("/api/practice/attempts/" + id).then(function (r) { return r.json(); }).then(function (attempt) {
        if (attempt.status === "queued" || attempt.status === "transcribing") {
          var text = element.querySelector(".attempt-status-text");
          var bar = element.querySelector(".attempt-progress");
          if (text) text.textContent = attempt.message;
          if (bar && attempt.progress !== null) bar.value = Math.round(100 * attempt.progress);
          setTimeout(poll, POLL_MS);
        } else {
          refreshAttempt(element);
        }
      }, function () { setTimeout(poll, 5 * POLL_MS); });
    }, POLL_MS);
  }

  function refreshAttempt(element) {
    fetchAttemptElement(element.dataset.attempt).then(function (fresh) {
      replaceAttempt(element, fresh);
    }, function () {
      setTimeout(function () { refreshAttempt(element); }, 5 * POLL_MS);
    });
  }

  function replaceAttempt(element, fresh) {
    var audio = element.querySelector("audio");
    var playing = audio && !audio.paused;
    element.replaceWith(fresh);
    typesetIn(fresh);
    if (audio && !playing) {
      // Keep the player the learner already loaded instead of fetching the recording again.
      var newAudio = fresh.querySelector("audio");
      if (newAudio) newAudio.replaceWith(audio);
    }
    watchAttempt(fresh);
  }

  /** Posts an attempt's form in the background; the server answers with the attempt page, whose attempt replaces this one. */
  function postAttemptForm(form, extra) {
    var element = form.closest(".attempt");
    var data = new URLSearchParams(new FormData(form));
    if (extra) data.set(extra.name, extra.value);
    return fetch(form.action, { method: "POST", body: data, headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) return errorOf(response).then(function (message) { throw new Error(message); });
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".attempt");
        if (fresh && element) replaceAttempt(element, fresh);
      });
  }

  function showFormError(form, message) {
    var note = form.querySelector(".form-error");
    if (!note) {
      note = document.createElement("p");
      note.className = "alert form-error";
      note.setAttribute("role", "alert");
      form.appendChild(note);
    }
    note.textContent = message;
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.closest(".attempt")) return;
    e.preventDefault();
    var extra = e.submitter && e.submitter.name ? { name: e.submitter.name, value: e.submitter.value } : null;
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    postAttemptForm(form, extra).catch(function (error) {
      form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
      showFormError(form, error.message);
    });
  });

  // The checklist saves itself on every change, so the learner never has to remember a button.
  document.addEventListener("change", function (e) {
    var form = e.target.closest && e.target.closest("form.checklist");
    if (!form) return;
    var saved = form.querySelector(".checklist-saved");
    if (saved) saved.textContent = "Saving…";
    var data = new URLSearchParams(new FormData(form));
    fetch(form.action, { method: "POST", body: data, headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) return errorOf(response).then(function (message) { throw new Error(message); });
        return response.text().then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".metrics");
          var metrics = form.closest(".attempt").querySelector(".metrics");
          if (fresh && metrics) metrics.replaceWith(fresh);
          if (saved) saved.textContent = "Saved";
        });
      })
      .catch(function (error) {
        if (saved) saved.textContent = "";
        showFormError(form, error.message);
      });
  });

  // A click on a transcript word plays the recording from there: fillers are easiest to judge by ear.
  document.addEventListener("click", function (e) {
    var word = e.target.closest && e.target.closest(".transcript [data-start]");
    if (!word) return;
    var audio = word.closest(".attempt").querySelector("audio");
    if (!audio) return;
    audio.currentTime = Math.max(0, parseFloat(word.dataset.start) - 0.3);
    audio.play();
  });

  // ---- the recorder ----

  function microphoneProblem(error) {
    switch (error && error.name) {
      case "NotAllowedError":
      case "SecurityError":
        return "microphone access was refused";
      case "NotFoundError":
      case "OverconstrainedError":
        return "no microphone was found";
      case "NotReadableError":
        return "the microphone is in use by another program or could not be started";
      default:
        return (error && error.message) || "the microphone could not be opened";
    }
  }

  /** Resolves to a recorder over the microphone, or rejects with the reason there is none, in the learner's words. */
  function openRecorder() {
    if (!window.isSecureContext) {
      return Promise.reject(new Error("this page is not on a secure address (https or localhost), so the browser offers no microphone"));
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return Promise.reject(new Error("this browser offers no microphone access"));
    }
    if (!window.AudioContext || !window.AudioWorkletNode) {
      return Promise.reject(new Error("this browser cannot process audio (it has no Web Audio worklets)"));
    }
    var constraints = { audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true } };
    return navigator.mediaDevices.getUserMedia(constraints).then(function (stream) {
      var context = new AudioContext();
      return context.audioWorklet.addModule("/static/js/practice-worklet.js").then(function () {
        var node = new AudioWorkletNode(context, "pcm-capture", { numberOfOutputs: 1, outputChannelCount: [1] });
        context.createMediaStreamSource(stream).connect(node);
        node.connect(context.destination);
        return context.resume().then(function () { return recorder(context, node, stream); });
      });
    }, function (error) {
      throw new Error(microphoneProblem(error));
    });
  }

  /**
   * Collects samples while recording, averaging each run of input samples that falls into one 16 kHz output period:
   * a box filter that keeps what the lower rate cannot hold from folding back as noise. A fractional ratio (44.1 kHz
   * input) is handled by carrying the leftover phase from one output sample to the next.
   */
  function recorder(context, node, stream) {
    var rate = Math.min(SPEECH_RATE, context.sampleRate);
    var ratio = context.sampleRate / rate;
    var chunks = [];
    var length = 0;
    var sum = 0;
    var count = 0;
    var phase = 0;
    var recording = false;
    var level = 0;

    node.port.onmessage = function (e) {
      level = e.data.rms;
      if (!recording) return;
      var input = e.data.samples;
      var out = new Int16Array(Math.ceil(input.length / ratio) + 1);
      var k = 0;
      for (var i = 0; i < input.length; i++) {
        sum += input[i];
        count++;
        phase += 1;
        if (phase >= ratio) {
          var v = Math.max(-1, Math.min(1, sum / count));
          out[k++] = v < 0 ? v * 0x8000 : v * 0x7fff;
          sum = 0;
          count = 0;
          phase -= ratio;
        }
      }
      chunks.push(out.subarray(0, k));
      length += k;
    };

    return {
      level: function () { return level; },
      start: function () {
        chunks = [];
        length = sum = count = phase = 0;
        recording = true;
        return context.resume();
      },
      stop: function () {
        recording = false;
        return wav(chunks, length, rate);
      },
      // Lets go of the microphone, so the browser stops showing it in use.
      close: function () {
        recording = false;
        stream.getTracks().forEach(function (track) { track.stop(); });
        return context.close();
      }
    };
  }

  /** 16-bit PCM mono WAV: a 44-byte RIFF header, then the samples little-endian. */
  function wav(chunks, length, rate) {
    var buffer = new ArrayBuffer(44 + 2 * length);
    var view = new DataView(buffer);
    function ascii(offset, text) {
      for (var i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
    }
    ascii(0, "RIFF");
    view.setUint32(4, 36 + 2 * length, true);
    ascii(8, "WAVE");
    ascii(12, "fmt ");
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, rate, true);
    view.setUint32(28, 2 * rate, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    ascii(36, "data");
    view.setUint32(40, 2 * length, true);
    var offset = 44;
    chunks.forEach(function (chunk) {
      for (var i = 0; i < chunk.length; i++, offset += 2) view.setInt16(offset, chunk[i], true);
    });
    return new Blob([buffer], { type: "audio/wav" });
  }

  // ---- the session ----

  var RECORDING_HINT = "Answer out loud. Stop when you are done, or the recording stops at time.";
  var QUIET = "We hear nothing: check that the right microphone is on and not muted.";

  function session(root) {
    var thinkSeconds = Number(root.dataset.think);
    // In a mock interview nothing is revealed between questions: the report comes after the last answer.
    var interviewId = root.dataset.interview || null;
    var answerSeconds = Number(root.dataset.answer);
    var questions = Array.prototype.slice.call(root.querySelectorAll(".practice-question"));
    var stage = root.querySelector(".stage");
    var phaseLabel = stage.querySelector(".stage-phase");
    var clockLabel = stage.querySelector(".stage-clock");
    var bar = stage.querySelector(".stage-bar span");
    var meter = stage.querySelector(".level-meter");
    var hint = stage.querySelector(".stage-hint");
    var typed = stage.querySelector(".typed-answer");
    var textarea = typed.querySelector("textarea");
    var problem = stage.querySelector(".stage-error");
    var notice = root.querySelector(".mic-notice");
    var slot = root.querySelector(".reveal-slot");
    var indexLabel = root.querySelector(".session-index");
    var buttons = {};
    stage.querySelectorAll("[data-action]").forEach(function (b) { buttons[b.dataset.action] = b; });

    var rec = null;
    var typing = false;
    var index = 0;
    var timer = null;
    var meterFrame = 0;
    var pending = null;

    function show(actions) {
      Object.keys(buttons).forEach(function (name) { buttons[name].hidden = actions.indexOf(name) < 0; });
    }

    function setPhase(name, label, hintText) {
      stage.dataset.phase = name;
      phaseLabel.textContent = label;
      if (hintText !== undefined) hint.textContent = hintText;
      problem.hidden = true;
    }

    function countdown(seconds, onDone) {
      stopCountdown();
      var ends = performance.now() + seconds * 1000;
      function tick() {
        var left = (ends - performance.now()) / 1000;
        clockLabel.textContent = clock(left);
        bar.style.width = Math.max(0, 100 * left / seconds) + "%";
        if (left <= 0) {
          stopCountdown();
          onDone();
        }
      }
      tick();
      timer = setInterval(tick, 200);
    }

    function stopCountdown() {
      if (timer) clearInterval(timer);
      timer = null;
    }

    // The meter runs whenever the microphone is open, so the learner can check it while thinking.
    function runMeter() {
      cancelAnimationFrame(meterFrame);
      if (!rec) return;
      meter.hidden = false;
      var quietSince = performance.now();
      (function frame() {
        var level = rec.level();
        var db = 20 * Math.log10(Math.max(level, 1e-5));
        meter.firstElementChild.style.width = Math.max(0, Math.min(100, (db + 60) / 60 * 100)) + "%";
        var recording = stage.dataset.phase === "recording";
        if (level > 0.01) {
          if (recording && hint.textContent === QUIET) hint.textContent = RECORDING_HINT;
          quietSince = performance.now();
        } else if (recording && performance.now() - quietSince > 4000) {
          hint.textContent = QUIET;
        }
        meterFrame = requestAnimationFrame(frame);
      })();
    }

    function useTyping(reason) {
      typing = true;
      notice.textContent = reason + " Type your answers instead; they are measured and checked the same way, without timings.";
      notice.hidden = false;
      meter.hidden = true;
      cancelAnimationFrame(meterFrame);
      buttons.type.hidden = true;
    }

    function begin(i) {
      index = i;
      slot.before(stage);
      questions.forEach(function (q, k) { q.hidden = k !== i; });
      indexLabel.textContent = String(i + 1);
      slot.innerHTML = "";
      typed.hidden = true;
      textarea.value = "";
      window.scrollTo({ top: 0, behavior: "smooth" });
      if (thinkSeconds <= 0) {
        answer();
        return;
      }
      setPhase("thinking", "Think", typing
        ? "Plan your answer. The answer box opens when the think time ends."
        : "Plan your answer. Recording starts when the think time ends.");
      show(typing ? ["answer"] : ["answer", "type"]);
      countdown(thinkSeconds, answer);
    }

    function answer() {
      if (typing) {
        setPhase("typing", "Answer", "Type your answer as you would say it. Submit when you are done.");
        typed.hidden = false;
        textarea.focus();
        show(["submit-typed"]);
        countdown(answerSeconds, function () {
          setPhase("typing", "Time is up", "Time is up: finish your sentence and submit.");
        });
        return;
      }
      rec.start();
      setPhase("recording", "Recording", RECORDING_HINT);
      show(["stop"]);
      countdown(answerSeconds, stop);
    }

    function stop() {
      stopCountdown();
      var audio = rec.stop();
      upload({ audio: audio });
    }

    function submitTyped() {
      var text = textarea.value.trim();
      if (!text) {
        problem.textContent = "Type your answer first.";
        problem.hidden = false;
        return;
      }
      stopCountdown();
      upload({ text: text });
    }

    function upload(answerFields) {
      pending = answerFields;
      setPhase("uploading", "Saving", "Saving your answer…");
      clockLabel.textContent = "…";
      show([]);
      var form = new FormData();
      form.append("cardId", questions[index].dataset.card);
      if (interviewId) form.append("interviewId", interviewId);
      if (answerFields.audio) form.append("audio", answerFields.audio, "answer.wav");
      else form.append("text", answerFields.text);
      fetch("/api/practice/attempts", { method: "POST", body: form, headers: { "Accept": "application/json" } })
        .then(function (response) {
          if (!response.ok) return errorOf(response).then(function (message) { throw new Error(message); });
          return response.json();
        })
        .then(function (created) {
          pending = null;
          typed.hidden = true;
          if (interviewId) nextInInterview();
          else reveal(created.id);
        }, function (error) {
          setPhase("failed", "Not saved", "Your answer is still here; try again.");
          problem.textContent = error.message;
          problem.hidden = false;
          show(typing ? ["retry"] : ["retry", "type"]);
        });
    }

    /** Shows the saved answer under the question; the way on waits below it, after the grade. */
    function reveal(id) {
      var last = index === questions.length - 1;
      slot.after(stage);
      setPhase("revealed", "Answer saved", last
        ? "Grade your answer above, then finish the session."
        : "Grade your answer above, then go on to the next question.");
      show([last ? "finish" : "next"]);
      fetchAttemptElement(id).then(function (attempt) {
        slot.innerHTML = "";
        slot.appendChild(attempt);
        typesetIn(attempt);
        watchAttempt(attempt);
        attempt.scrollIntoView({ behavior: "smooth", block: "start" });
      }).catch(function () {
        var link = document.createElement("a");
        link.href = "/practice/attempts/" + id;
        link.textContent = "Open it on its own page.";
        var note = document.createElement("p");
        note.className = "alert";
        note.append("Your answer was saved, but it could not be shown here. ", link);
        slot.innerHTML = "";
        slot.appendChild(note);
      });
    }

    function nextInInterview() {
      if (index < questions.length - 1) {
        begin(index + 1);
        return;
      }
      setPhase("revealed", "Interview over", "Your answers are in. Opening the report…");
      show([]);
      if (rec) rec.close();
      rec = null;
      window.location.assign("/interview/" + interviewId);
    }

    function retry() {
      if (pending) upload(pending);
    }

    function finish() {
      stopCountdown();
      questions.forEach(function (q) { q.hidden = true; });
      stage.hidden = true;
      slot.innerHTML = "";
      root.querySelector(".session-done").hidden = false;
      cancelAnimationFrame(meterFrame);
      if (rec) rec.close();
      rec = null;
    }

    buttons.start.addEventListener("click", function () {
      buttons.start.disabled = true;
      var ready = typing ? Promise.resolve() : openRecorder().then(function (r) {
        rec = r;
        runMeter();
      }, function (error) {
        useTyping("No recording: " + error.message + ".");
      });
      ready.then(function () { begin(0); });
    });
    buttons.type.addEventListener("click", function () {
      useTyping("You chose to type.");
      if (stage.dataset.phase === "ready") return;
      if (stage.dataset.phase === "thinking") {
        show(["answer"]);
      } else if (stage.dataset.phase === "failed" && pending && pending.audio) {
        // The recording could not be saved: keep the question and let the learner type the answer instead.
        pending = null;
        answer();
      }
    });
    buttons.answer.addEventListener("click", answer);
    buttons.stop.addEventListener("click", stop);
    buttons["submit-typed"].addEventListener("click", submitTyped);
    buttons.retry.addEventListener("click", retry);
    buttons.next.addEventListener("click", function () { begin(index + 1); });
    buttons.finish.addEventListener("click", finish);

    // Space presses the visible main button, unless the learner is typing.
    document.addEventListener("keydown", function (e) {
      if (e.key !== " " || e.ctrlKey || e.metaKey || e.altKey) return;
      var tag = (e.target && e.target.tagName) || "";
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || tag === "BUTTON" || tag === "AUDIO") return;
      var main = stage.querySelector(".stage-actions .primary:not([hidden])");
      if (main && !stage.hidden) {
        e.preventDefault();
        main.click();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    // A report whose answers are still being transcribed fills in by itself.
    var report = document.querySelector(".interview-report[data-pending='true']");
    if (report) setTimeout(function () { window.location.reload(); }, 3 * POLL_MS);
    document.querySelectorAll("[data-model-state]").forEach(watchModel);
    document.querySelectorAll(".attempt").forEach(watchAttempt);
    var root = document.querySelector(".practice-session");
    if (root && root.querySelector(".stage")) session(root);
  });
})();
