import { z } from "zod";

/** Every entity id is a UUID: well-formed ids are checked before any query. */
export const Uuid = z.uuid({ message: "must be a UUID" });
export type Uuid = z.infer<typeof Uuid>;

/** `{ id }`, the input of every read or write of one entity. */
export const ByIdInput = z.object({ id: Uuid });
export type ByIdInput = z.infer<typeof ByIdInput>;
