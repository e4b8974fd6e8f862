import { router } from "./init.ts";
import { adminGet } from "./products/admin-get.ts";
import { adminList } from "./products/admin-list.ts";
import { adminPage } from "./products/admin-page.ts";
import { archive } from "./products/archive.ts";
import { byIds } from "./products/by-ids.ts";
import { catalogChanges } from "./products/catalog-changes.ts";
import { catalogSlice } from "./products/catalog-slice.ts";
import { catalog } from "./products/catalog.ts";
import { changeStock } from "./products/change-stock.ts";
import { create } from "./products/create.ts";
import { get } from "./products/get.ts";
import { removeImage, reorderImages, updateImage } from "./products/images.ts";
import { list } from "./products/list.ts";
import { unarchive } from "./products/unarchive.ts";
import { page } from "./products/page.ts";
import { update } from "./products/update.ts";

/** Inventory's tRPC door: the same operations as the REST routes, typed end to end. */
export const inventoryRouter = router({
  products: router({
    list,
    page,
    catalog,
    catalogChanges,
    catalogSlice,
    get,
    byIds,
    adminList,
    adminPage,
    adminGet,
    create,
    update,
    changeStock,
    archive,
    unarchive,
    updateImage,
    removeImage,
    reorderImages,
  }),
});

/** What the gateway and the SDK import to type their clients. */
export type InventoryRouter = typeof inventoryRouter;
