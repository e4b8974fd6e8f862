import { Uuid } from "@shop/contracts";
import { validationFailed } from "@shop/service";
import { z } from "zod";

/** Where a page of the orders index ends: the last order's (created_at, id). */
export interface OrderPosition {
  createdAt: Date;
  id: string;
}

const CursorFields = z.strictObject({ createdAt: z.iso.datetime(), id: Uuid });

/** An opaque cursor: base64url of the position's JSON. Clients pass it back, never build it. */
export function encodeCursor(position: OrderPosition): string {
  const fields: z.infer<typeof CursorFields> = {
    createdAt: position.createdAt.toISOString(),
    id: position.id,
  };
  return Buffer.from(JSON.stringify(fields)).toString("base64url");
}

/** The position a cursor names; 400 validation_failed for anything this service did not hand out. */
export function decodeCursor(cursor: string): OrderPosition {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = CursorFields.safeParse(json);
  if (!parsed.success) {
    throw validationFailed(
      [
        {
          path: ["cursor"],
          message: "is not a cursor from a previous page (pass next_cursor back as it is)",
        },
      ],
      "query",
    );
  }
  return { createdAt: new Date(parsed.data.createdAt), id: parsed.data.id };
}
