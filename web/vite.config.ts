import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { sizeBudget } from "./plugins/budget.ts";

// The service serves dist/ at / (index.html for every screen's path, assets/ cached for a
// year). `npm run dev` serves the screens on Vite's own origin and passes the API through to
// the service at OVERDRACHT_DEV_API (see docs/development.md); the built page runs under the service's
// Content-Security-Policy.
const api = process.env.OVERDRACHT_DEV_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react(), sizeBudget()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true },
      "/demo": api,
      "/documents": api,
    },
  },
});
