import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `pnpm dev` serves on :5174 with hot reload; `pnpm build` writes dist/, which
// `pnpm start` serves with `vite preview`. Strict ports: a busy port is an
// error, not the admin quietly answering somewhere else.
export default defineConfig({
  plugins: [react()],
  server: { port: 5174, strictPort: true },
  preview: { port: 5174, strictPort: true },
  build: { sourcemap: true },
});
