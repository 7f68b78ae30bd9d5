/**
 * Events by client-go's aggregation key (object, field, reason, message, source), for the event sink.
 * Kept by involved object: finding a repeat compares a few fields of that object's own events,
 * instead of building and hashing one long joined key (the message included) for every event.
 * An object with many events (a big ReplicaSet's "Created pod" ones) gets its events keyed by
 * message instead, so a lookup stays cheap there too.
 */
export interface EventIdentity {
  fieldPath: string;
  reason: string;
  message: string;
  component: string;
  host: string;
}

interface Entry extends EventIdentity {
  key: string;
}

/** Past this many events an object's list becomes a map by message: scanning it would cost more. */
const MAX_SCANNED = 32;

type Bucket = Entry[] | Map<string, Entry[]>;

export class EventIndex {
  private readonly byObject = new Map<string, Bucket>();

  /** The store key of the latest event of object `uid` with this identity. */
  find(uid: string, id: EventIdentity): string | undefined {
    const bucket = this.byObject.get(uid);
    if (bucket === undefined) return undefined;
    const entries = Array.isArray(bucket) ? bucket : bucket.get(id.message);
    if (entries === undefined) return undefined;
    // Of two events with one identity, the later one is the one a repeat bumps.
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i] as Entry;
      if (
        e.reason === id.reason &&
        e.fieldPath === id.fieldPath &&
        e.component === id.component &&
        e.host === id.host &&
        e.message === id.message
      )
        return e.key;
    }
    return undefined;
  }

  add(uid: string, id: EventIdentity, key: string): void {
    const entry: Entry = {
      fieldPath: id.fieldPath,
      reason: id.reason,
      message: id.message,
      component: id.component,
      host: id.host,
      key,
    };
    const bucket = this.byObject.get(uid);
    if (bucket === undefined) this.byObject.set(uid, [entry]);
    else if (!Array.isArray(bucket)) addByMessage(bucket, entry);
    else if (bucket.length < MAX_SCANNED) bucket.push(entry);
    else {
      const byMessage = new Map<string, Entry[]>();
      for (const e of bucket) addByMessage(byMessage, e);
      addByMessage(byMessage, entry);
      this.byObject.set(uid, byMessage);
    }
  }
}

// In insertion order within one message, as the scan from the end expects.
function addByMessage(byMessage: Map<string, Entry[]>, entry: Entry): void {
  const same = byMessage.get(entry.message);
  if (same === undefined) byMessage.set(entry.message, [entry]);
  else same.push(entry);
}
