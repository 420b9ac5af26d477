// Entry point of the UI: mounts the root component into #app.
import { mount } from "svelte";
import App from "./App.svelte";
import { backendOver, httpTransport, useBackend } from "./lib/backend";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// Outside the desktop app (no Tauri IPC), the page talks to `zairyu ui-serve` that served it.
if (!("__TAURI_INTERNALS__" in window)) useBackend(backendOver(httpTransport(window.location.origin)));

export default mount(App, { target });
