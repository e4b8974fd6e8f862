import { defineConfig } from "prisma/config";

// The CLI (prisma generate, prisma studio, prisma migrate where its engine can
// be downloaded) reads the schema and migrations from the repository root.
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:54329/shop" },
});
