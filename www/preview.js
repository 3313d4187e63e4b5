// Preview frame: receives the snippet from the studio, writes it into this document as a site
// would, and reports what happens (script failures, errors, playback) back to the studio.
(function () {
  'use strict';
  var done = {};
  // Reports that end the load: the player's own spinner would otherwise keep turning under the
  // studio's failure message. A plain 'error' may be noise the player survives, so it hides the
  // spinner only where the player itself reported it (hideSpinner below).
  var FAILURES = { 'api-error': 1, 'script-failed': 1, timeout: 1 };
  function hideSpinner(hidden) {
    var style = document.getElementById('kes-no-spinner');
    if (hidden && !style && document.head) {
      style = document.createElement('style');
      style.id = 'kes-no-spinner';
      style.textContent = '.playkit-spinner,.playkit-spinner-container,.playkit-loading-backdrop{display:none!important}';
      document.head.appendChild(style);
    } else if (!hidden && style) {
      style.remove();
    }
  }
  function send(kind, extra) {
    if (FAILURES[kind]) hideSpinner(true);
    if (kind === 'playing') hideSpinner(false);
    if (kind !== 'error' && done[kind]) return;
    done[kind] = true;
    var message = { source: 'kes-preview', kind: kind };
    if (extra) for (var key in extra) message[key] = String(extra[key]).slice(0, 2000);
    parent.postMessage(message, '*');
  }

  // The frame has an opaque origin (no allow-same-origin), so real Web Storage throws; players read
  // it for user preferences. A per-frame in-memory stand-in keeps them working and keeps nothing.
  function memoryStorage() {
    var data = {};
    return {
      get length() { return Object.keys(data).length; },
      key: function (i) { return Object.keys(data)[i] || null; },
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null; },
      setItem: function (k, v) { data[k] = String(v); },
      removeItem: function (k) { delete data[k]; },
      clear: function () { data = {}; }
    };
  }
  function installStorageShims() {
    ['localStorage', 'sessionStorage'].forEach(function (name) {
      try { Object.defineProperty(window, name, { configurable: true, value: memoryStorage() }); } catch (_) { /* keep the browser's */ }
    });
    // Cookies throw in an opaque origin too; players only read preferences from them.
    try { Object.defineProperty(document, 'cookie', { configurable: true, get: function () { return ''; }, set: function () {} }); } catch (_) { /* keep */ }
  }
  installStorageShims();

  // What api_v3 answered the player. The player bundle is a cross-origin script, so the browser
  // mutes its errors here: a throw is only "Script error.", and a rejected promise fires no
  // unhandledrejection at all. For an unknown entry Player v7 throws inside a promise (it reads
  // `status` of the empty entry list) and spins forever without an error event; the API's own
  // answer is what says why. Only the error code and the call are reported, never the message
  // (INVALID_KS quotes the KS), and only for requests that load the media: every error there
  // fails the load.
  function readApiAnswer(url, body, text) {
    var answer, request = {};
    try { answer = JSON.parse(text); } catch (_) { return; }
    try { if (typeof body === 'string') request = JSON.parse(body) || {}; } catch (_) { /* form-encoded */ }
    var calls;
    if (Array.isArray(answer)) {
      calls = Object.keys(request).filter(function (k) { return /^\d+$/.test(k); })
        .sort(function (a, b) { return a - b; })
        .map(function (k) { return request[k] || {}; });
    } else {
      var path = /\/service\/([^/?]+)(?:\/action\/([^/?]+))?/.exec(url) || [];
      calls = [{ service: path[1] || request.service, action: path[2] || request.action }];
      answer = [answer];
    }
    var loadsMedia = calls.some(function (c) { return /^(baseentry|playlist)$/i.test(String(c.service)); });
    if (!loadsMedia) return;
    for (var i = 0; i < answer.length; i++) {
      var result = answer[i];
      if (!result || result.objectType !== 'KalturaAPIException') continue;
      var call = calls[i] || {};
      send('api-error', {
        code: String(result.code).replace(/[^A-Za-z0-9_]/g, '').slice(0, 60),
        call: (String(call.service) + '.' + String(call.action)).replace(/[^A-Za-z0-9_.]/g, '').slice(0, 60)
      });
      return;
    }
  }
  function watchApi() {
    if (window.__kesApiWatched) return;
    window.__kesApiWatched = true;
    var isApi = function (url) { return /\/api_v3\//.test(url); };
    var urls = new WeakMap();
    var open = XMLHttpRequest.prototype.open;
    var sendRequest = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      urls.set(this, String(url));
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function (body) {
      var xhr = this, url = urls.get(xhr) || '';
      if (isApi(url)) {
        xhr.addEventListener('load', function () {
          var type = xhr.responseType;
          if (type === '' || type === 'text') readApiAnswer(url, body, xhr.responseText);
          else if (type === 'json') readApiAnswer(url, body, JSON.stringify(xhr.response));
        });
      }
      return sendRequest.apply(this, arguments);
    };
    if (typeof window.fetch === 'function') {
      var fetch = window.fetch;
      window.fetch = function (input, init) {
        var answer = fetch.apply(window, arguments);
        var url = String((input && input.url) || input);
        if (isApi(url)) {
          answer.then(function (r) { return r.clone().text(); })
            .then(function (text) { readApiAnswer(url, init && init.body, text); }, function () {});
        }
        return answer;
      };
    }
  }

  // Hooks are installed after document.open(), which erases the window's listeners.
  function installHooks() {
    watchApi();
    window.addEventListener('error', function (e) {
      var target = e.target;
      if (target && target.tagName === 'SCRIPT') send('script-failed', { url: target.src });
      else send('error', { text: e.message || 'error' });
    }, true);
    window.addEventListener('unhandledrejection', function (e) {
      send('error', { text: (e.reason && (e.reason.message || e.reason)) || 'unhandled rejection' });
    });
    // PlayKit logs its errors as "[Error] Category:… | Code:… | {payload}" through console.log.
    var consoleLog = console.log;
    console.log = function () {
      var first = arguments[0];
      if (typeof first === 'string' && first.indexOf('[Error]') === 0) send('error', { text: first });
      return consoleLog.apply(console, arguments);
    };
    var consoleError = console.error;
    console.error = function () {
      var parts = [];
      for (var i = 0; i < arguments.length; i++) {
        var a = arguments[i];
        try { parts.push(typeof a === 'string' ? a : (a && a.message) || JSON.stringify(a)); } catch (_) { parts.push(String(a)); }
      }
      send('error', { text: parts.join(' ') });
      return consoleError.apply(console, arguments);
    };
    // Wrap KalturaPlayer.setup the moment the library defines it, to hear the player's own errors.
    var kalturaPlayer;
    Object.defineProperty(window, 'KalturaPlayer', {
      configurable: true,
      get: function () { return kalturaPlayer; },
      set: function (value) { kalturaPlayer = withWrappedSetup(value); }
    });
    // Player v7's export is a webpack module object: its `setup` is a read-only getter, so the
    // snippet is handed an object that inherits every export and has its own wrapped `setup`.
    function withWrappedSetup(library) {
      if (!library || typeof library.setup !== 'function') return library;
      try {
        return Object.create(library, { setup: { value: wrapSetup(library.setup), enumerable: true } });
      } catch (_) { return library; /* then only the video poll and the API answers report */ }
    }
    // An Error inside the payload (PlayKit puts the cause in `data`) says nothing as JSON.
    function errorsAsText(key, value) {
      return value instanceof Error ? value.name + ': ' + value.message : value;
    }
    function wrapSetup(setup) {
      return function () {
          var player = setup.apply(this, arguments);
          try {
            player.addEventListener('error', function (e) {
              var payload = e && e.payload;
              var text;
              try { text = JSON.stringify(payload, errorsAsText); } catch (_) { text = String(payload); }
              // PlayKit's severity 2 is CRITICAL: the player gave up.
              if (payload && payload.severity === 2) hideSpinner(true);
              send('error', { text: text });
            });
            player.addEventListener('playing', function () { send('playing'); });
          } catch (_) { /* an old bundle without events: the video poll below still works */ }
          return player;
      };
    }
    var started = Date.now();
    var poll = setInterval(function () {
      var video = document.querySelector('video');
      if (video && video.currentTime > 0) { send('playing'); clearInterval(poll); return; }
      // Set up but paused (Autoplay off): v7 shows its big play button and may not even fetch the
      // media before the press; either way the player waits for the viewer, which is fine.
      if (video && (video.readyState >= 1 || document.querySelector('.playkit-pre-playback-play-button'))) send('loaded');
      // A thumbnail embed shows a poster and builds the player only on click.
      var player = document.querySelector('.playkit-player');
      if (!video && !player && document.querySelector('button, img, [style*="background-image"]')) send('poster');
      // The player's own error screen, when it shows one.
      var overlay = document.querySelector('.playkit-error-overlay.playkit-active');
      if (overlay && !done['overlay']) { done['overlay'] = true; hideSpinner(true); send('error', { text: overlay.innerText }); }
      var frame = document.querySelector('iframe');
      if (frame && !done['frame']) { frame.addEventListener('load', function () { send('frame-loaded'); }); done['frame'] = true; }
      if (Date.now() - started > 20000) {
        if (!done['playing'] && !done['frame-loaded'] && !done['loaded'] && !done['poster']) send('timeout');
        // A paused player or a poster may still be pressed: keep listening for playback.
        if (done['playing'] || done['frame-loaded'] || done['timeout']) clearInterval(poll);
      }
    }, 250);
  }

  window.addEventListener('message', function (e) {
    if (e.source !== parent || !e.data || e.data.type !== 'render' || typeof e.data.code !== 'string') return;
    var code = e.data.code;
    document.open();
    installStorageShims();
    installHooks();
    document.write('<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0}</style></head><body>' + code + '</body></html>');
    document.close();
  });
  send('ready');
}());
