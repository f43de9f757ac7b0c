/* A Web Worker stand-in for pages opened from file://, after iframe-worker 1.0.4 (npm, MIT License,
   Copyright (c) 2020-2022 Martin Donath), which Material's offline plugin loads from a CDN.
   Chromium does not start Workers from file:// URLs, so search runs the worker script in a hidden
   same-origin iframe instead. Unlike the original, nothing is written into the iframe as inline
   script or with document.write: its globals are set from here and the scripts are added as
   files, so the site's Content-Security-Policy (script-src 'self', no 'unsafe-inline') holds.
   It replaces window.Worker only when the page is opened from file://. */
"use strict";
(() => {
  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.onmessage = null;
      this.onerror = null;
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      document.body.appendChild(this.iframe);
      const scope = this.iframe.contentWindow;
      // The worker's globals: messages to the page, and scripts loaded one after another.
      scope.postMessage = (data) => {
        const copy = structuredClone(data);
        setTimeout(() => this.deliver(copy), 0);
      };
      // A worker's importScripts blocks until the scripts have run, so no message reaches the
      // worker before the scripts its first run imports; here loading is asynchronous, so every
      // import joins one chain (this.loading) and messages wait until the chain is idle.
      scope.importScripts = (...urls) => (this.loading = urls.reduce((done, src) => done.then(() => this.load(src)), this.loading));
      scope.addEventListener("error", (event) => this.fail(event.message, event.error));
      this.loading = Promise.resolve();
      this.loading = this.load(url);
    }

    // Resolves once no script is loading (a script may import more while it runs).
    idle() {
      const current = this.loading;
      return current.then(() => (current === this.loading ? undefined : this.idle()));
    }

    load(src) {
      return new Promise((resolve, reject) => {
        const scope = this.iframe.contentWindow;
        const script = scope.document.createElement("script");
        script.src = new URL(src, location.href).href;
        script.onload = resolve;
        script.onerror = () => {
          this.fail(`Could not load ${src}`, null);
          reject(new Error(src));
        };
        scope.document.body.appendChild(script);
      });
    }

    deliver(data) {
      const event = new MessageEvent("message", { data });
      this.dispatchEvent(event);
      if (this.onmessage) this.onmessage(event);
    }

    fail(message, error) {
      const event = new ErrorEvent("error", { message, filename: this.url, error });
      this.dispatchEvent(event);
      if (this.onerror) this.onerror(event);
    }

    postMessage(data) {
      const copy = structuredClone(data);
      this.idle().then(() => {
        const scope = this.iframe.contentWindow;
        scope.dispatchEvent(new scope.MessageEvent("message", { data: copy }));
      }, () => {});
    }

    terminate() {
      this.iframe.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
