/**
 * The outbox's queue in IndexedDB (database "vss-studio", store "outbox"), so queued edits
 * survive a page reload while the host is down. Falls back to the page's memory where IndexedDB
 * is missing or refused (private windows), and says so through the outbox's state.
 */
import { memoryOutboxStore, type OutboxStore, type QueuedEdit } from './outbox.ts';

const DB = 'vss-studio';
const STORE = 'outbox';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'key' });
  return request(r);
}

/** Runs one request in its own transaction and resolves once the transaction committed. */
async function inStore<T>(db: IDBDatabase, mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const tx = db.transaction(STORE, mode, { durability: 'strict' });
  const result = request(f(tx.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
  return result;
}

export function indexedDbOutboxStore(): OutboxStore {
  if (typeof indexedDB === 'undefined') {
    const memory = memoryOutboxStore();
    return { ...memory, load: () => Promise.reject(new Error('this browser has no IndexedDB: queued edits are lost if the page is closed')) };
  }
  let db: Promise<IDBDatabase> | null = null;
  const get = () => (db ??= openDb());
  return {
    load: async () => (await inStore(await get(), 'readonly', (s) => s.getAll() as IDBRequest<QueuedEdit[]>)).sort((a, b) => a.key - b.key),
    put: async (e) => void (await inStore(await get(), 'readwrite', (s) => s.put(e))),
    remove: async (key) => void (await inStore(await get(), 'readwrite', (s) => s.delete(key))),
  };
}
