import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `pnpm dev` serves on :5173 with hot reload; `pnpm build` writes dist/, which
// `pnpm start` (scripts/lib/spas.ts) serves with `vite preview`.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
  build: { sourcemap: true },
});
