/**
 * Where things are in the engine's database: its name and version, and the keys of the records
 * in the `snapshot` store. Constants only, apart from the code that opens the database
 * (storeOpen.ts, which brings idb): the page's boot chunk reads the saved map with them
 * (sceneRead.ts) and must not carry that code.
 */
export const DB_NAME = 'live-market-heatmap-engine';
/** The number of steps in storeOpen.ts's MIGRATIONS. */
export const DB_VERSION = 2;
/** The key of the one stored snapshot in the `snapshot` store. */
export const SNAPSHOT_KEY = 'last';
/** Where the saved map (savedScene.ts) is kept: the snapshot's store, under its own key. */
export const SCENE_RECORD = { store: 'snapshot', key: 'scene' } as const;
