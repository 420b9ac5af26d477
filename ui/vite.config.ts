// Vite builds the UI into ui/dist, which tauri.conf.json embeds into the desktop binary.
import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // The message catalogues live at the repository root (locales/), shared with the Rust side.
  server: { port: 1420, strictPort: true, fs: { allow: [".", "../locales"] } },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
});
