// Preview frame: receives the snippet from the studio, writes it into this document as a site
// would, and reports what happens (script failures, errors, playback) back to the studio.
(function () {
  'use strict';
  var done = {};
  function send(kind, extra) {
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

  // Hooks are installed after document.open(), which erases the window's listeners.
  function installHooks() {
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
      set: function (value) {
        kalturaPlayer = value;
        if (!value || typeof value.setup !== 'function') return;
        var setup = value.setup;
        // The bundle's export object may be read-only; then only the video poll reports playback.
        try { value.setup = wrapSetup(setup); } catch (_) { /* not patchable */ }
      }
    });
    function wrapSetup(setup) {
      return function () {
          var player = setup.apply(this, arguments);
          try {
            player.addEventListener('error', function (e) {
              var payload = e && e.payload;
              var text;
              try { text = JSON.stringify(payload); } catch (_) { text = String(payload); }
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
      if (overlay && !done['overlay']) { done['overlay'] = true; send('error', { text: overlay.innerText }); }
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
