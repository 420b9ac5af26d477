// Svelte compiler options shared by Vite, svelte-check and the ESLint plugin.
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
};
