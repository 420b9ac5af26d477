// counter-app: what the web view keeps of a counter visit, cleared when the visit ends: local
// and session storage, IndexedDB and the Cache API (the desktop shell then clears WebKit's
// website data on disk too: `clear_web_storage`). `zairyu ui-serve`'s page token is kept so the
// page still reaches its server after the reload.
const UI_SERVE_TOKEN = "zairyu-ui-token";

export async function clearWebStorage(win: Window = window): Promise<void> {
  const token = win.sessionStorage.getItem(UI_SERVE_TOKEN);
  win.localStorage.clear();
  win.sessionStorage.clear();
  if (token) win.sessionStorage.setItem(UI_SERVE_TOKEN, token);
  const idb = win.indexedDB as (IDBFactory & { databases?: () => Promise<IDBDatabaseInfo[]> }) | undefined;
  if (idb?.databases) {
    const dbs = await idb.databases().catch(() => []);
    for (const db of dbs) if (db.name) idb.deleteDatabase(db.name);
  }
  if ("caches" in win) {
    const names = await win.caches.keys().catch(() => []);
    await Promise.all(names.map((n) => win.caches.delete(n)));
  }
}
