/**
 * A storage quota for fake-indexeddb, which has none: while installed, a put into one of the
 * given object stores fails with the QuotaExceededError a full disk gives in a browser.
 */
import 'fake-indexeddb/auto';

export function installQuota(full: (storeName: string) => boolean): () => void {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (full(this.name)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  };
  return () => {
    IDBObjectStore.prototype.put = original;
  };
}
