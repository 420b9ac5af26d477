// Entry point of the UI: mounts the root component into #app.
import { mount } from "svelte";
import App from "./App.svelte";
import { backendOver, httpTransport, uiServeToken, useBackend } from "./lib/backend";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// Outside the desktop app (no Tauri IPC), the page talks to `zairyu ui-serve` that served it,
// with the token from the address it printed (`?token=…`).
if (!("__TAURI_INTERNALS__" in window)) {
  const token = uiServeToken(window.location, window.sessionStorage);
  useBackend(backendOver(httpTransport(window.location.origin, token)));
}

export default mount(App, { target });
