import { z } from "zod";

const ServiceEnvSchema = z.object({
  DATABASE_URL: z
    .string({ message: "DATABASE_URL is not set (pnpm start sets it; see README)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  ADMIN_TOKEN: z
    .string({ message: "ADMIN_TOKEN is not set (pnpm start generates one; see README)" })
    .min(16, "ADMIN_TOKEN must be at least 16 characters"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export interface ServiceEnv {
  port: number;
  databaseUrl: string;
  adminToken: string;
  logLevel: z.infer<typeof ServiceEnvSchema>["LOG_LEVEL"];
  databasePoolMax: number;
}

/**
 * Reads and checks a service's environment once, at start, with messages a
 * person can act on. The service says who it is and where it listens by
 * default (`portOf(name)` from @shop/contracts); this kit knows no service by name.
 */
export function readServiceEnv(
  part: { name: string; port: number },
  env: NodeJS.ProcessEnv = process.env,
): ServiceEnv {
  const parsed = ServiceEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment for ${part.name}:\n${lines.join("\n")}`);
  }
  return {
    port: part.port,
    databaseUrl: parsed.data.DATABASE_URL,
    adminToken: parsed.data.ADMIN_TOKEN,
    logLevel: parsed.data.LOG_LEVEL,
    databasePoolMax: parsed.data.DATABASE_POOL_MAX,
  };
}
