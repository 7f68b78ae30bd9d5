import type { KubeEvent } from "../api/cluster-kinds";
import type { KubeObject, StoredMeta } from "../api/meta";
import type { PodRuntime } from "../controllers/kubelet/pod-runtime";
import { emptyStorageRuntime, type StorageRuntime } from "../controllers/storage/storage-runtime";
import type { FsNode } from "../fs/tree";
import { Ids } from "../runtime/ids";
import { rfc3339 } from "../runtime/time";
import { EventIndex } from "./event-index";
import { type EventInstant, hexNanos, nextNano } from "./event-instant";
import { objectKey } from "./object-key";
import { isSettled, markSettled } from "./settled";
import type { ClusterState } from "./state";

export interface InvolvedObject {
  kind: string;
  apiVersion: string;
  metadata: { name: string; namespace?: string; uid: string };
}

export interface EventSource {
  component: string;
  host?: string;
}

/**
 * One operation on the cluster. It copies the top-level maps of the state once, replaces (never
 * mutates) the objects it changes, and `commit()` returns the new state. The input state is untouched.
 */
/** The runtime bookkeeping beside the objects, by who keeps it. */
export type RuntimeArea = "kubelet" | "storage" | "timers";

export class Tx {
  /** The objects as they are now: the base state's map until the first write copies it. */
  private objectMap: Record<string, KubeObject>;
  private objectsOwned = false;
  readonly fs: Record<string, FsNode>;
  readonly kubelet: Record<string, PodRuntime>;
  readonly ipam: ClusterState["ipam"];
  readonly timers: Record<string, number>;
  readonly affinity: NonNullable<ClusterState["affinity"]>;
  readonly ids: Ids;
  clock: number;
  private rv: number;
  /** Bumped on every write: a reconcile pass that leaves it unchanged reached the fixed point. */
  changes = 0;
  /** Writes to objects, in all and per kind: what a controller watches (informers' change feed). */
  objectChanges = 0;
  readonly kindChanges = new Map<string, number>();
  /**
   * Writes that may leave garbage behind (the garbage collector's input): a removal, an object being
   * deleted, one created with owners, or a change of owners or finalizers. A status update is none.
   */
  lifecycleChanges = 0;
  /** Writes to the runtime bookkeeping the kubelet, storage controllers and timers keep. */
  readonly runtimeChanges: Record<RuntimeArea, number> = { kubelet: 0, storage: 0, timers: 0 };
  /** Each controller's input version when it last ran in this operation (see controllers/settle.ts). */
  readonly controllerInputs = new Map<unknown, number>();
  private eventIndex: EventIndex | undefined;
  /**
   * Keys by kind, in store order: built on the first `list`, then kept in step with every write.
   * Events, most of a busy cluster's objects and seldom listed within an operation, get their entry
   * only when they are listed (see `byKind`).
   */
  private kindIndex: Map<string, Map<string, KubeObject>> | undefined;
  /**
   * Every object but the plain Events (those without owners, finalizers or deletion), in store order
   * (a Map keeps insertion order as the objects record does): the garbage collector's candidates
   * without the Events, most of a busy cluster's objects.
   */
  private nonEventIndex: Map<string, KubeObject> | undefined;
  private readonly ownedIpam = new Set<string>();
  private readonly ownedKubelet = new Set<string>();
  private storageState: StorageRuntime;
  private storageOwned = false;
  /** The last event name's instant, by namespace then object name (no joined key to build per event). */
  private readonly lastEventNanos = new Map<string, Map<string, EventInstant>>();
  /** The base state was committed at the controllers' fixed point (see settled.ts). */
  readonly startedSettled: boolean;
  /** Writes no counter above sees: file systems and pod-IP bookkeeping. */
  private otherWrites = 0;
  /** The counters when a reconcile last reached its fixed point in this operation. */
  private fixedPoint: { changes: number; other: number; clock: number } | undefined;

  constructor(private readonly base: ClusterState) {
    this.startedSettled = isSettled(base);
    this.objectMap = base.objects;
    this.fs = { ...base.fs };
    this.kubelet = { ...base.kubelet };
    this.ipam = { ...base.ipam };
    this.timers = { ...(base.timers ?? {}) };
    this.affinity = { ...(base.affinity ?? {}) };
    this.ids = new Ids(base.prng);
    this.clock = base.clock;
    this.rv = base.resourceVersion;
    this.storageState = base.storage ?? emptyStorageRuntime();
  }

  /** Every object, read-only: change them through create/update/remove. */
  get objects(): Readonly<Record<string, KubeObject>> {
    return this.objectMap;
  }

  /** A transaction that writes nothing never copies the (often large) object map. */
  private writableObjects(): Record<string, KubeObject> {
    if (!this.objectsOwned) {
      this.objectMap = { ...this.objectMap };
      this.objectsOwned = true;
    }
    return this.objectMap;
  }

  /** The storage controllers' bookkeeping (read-only view; change it through the setters). */
  get storage(): Readonly<StorageRuntime> {
    return this.storageState;
  }

  private ownStorage(): StorageRuntime {
    if (!this.storageOwned) {
      const s = this.storageState;
      this.storageState = {
        ops: { ...s.ops },
        attached: { ...s.attached },
        ...(s.devices ? { devices: { ...s.devices } } : {}),
        failed: { ...s.failed },
        ...(s.assumed ? { assumed: { ...s.assumed } } : {}),
      };
      this.storageOwned = true;
    }
    return this.storageState;
  }

  /** Starts (a due time) or ends (undefined) a storage operation. */
  setStorageOp(key: string, due: number | undefined): void {
    const s = this.ownStorage();
    if (due === undefined) delete s.ops[key];
    else s.ops[key] = due;
    this.runtimeChanged("storage");
  }

  /** Records (or with `node` undefined, forgets) a disk attachment and the device it got on the node. */
  setAttached(key: string, node: string | undefined, device?: string): void {
    const s = this.ownStorage();
    if (node === undefined) {
      delete s.attached[key];
      if (s.devices) delete s.devices[key];
    } else {
      s.attached[key] = node;
      if (device !== undefined) {
        s.devices ??= {};
        s.devices[key] = device;
      }
    }
    this.runtimeChanged("storage");
  }

  /** The scheduler's assumption of a pod onto a node (undefined: forget it). */
  setAssumed(podUid: string, node: string | undefined): void {
    const s = this.ownStorage();
    // ownStorage copied the map for this operation: change it in place.
    s.assumed ??= {};
    if (node === undefined) delete s.assumed[podUid];
    else s.assumed[podUid] = node;
    this.runtimeChanged("storage");
  }

  setProvisionFailed(claimUid: string, message: string | undefined): void {
    const s = this.ownStorage();
    if (message === undefined) delete s.failed[claimUid];
    else s.failed[claimUid] = message;
    this.runtimeChanged("storage");
  }

  /** Whether an identical event (same object, reason, message and source) was already recorded. */
  hasEvent(involved: InvolvedObject, reason: string, message: string, source: EventSource): boolean {
    const id = { fieldPath: "", reason, message, component: source.component, host: source.host ?? "" };
    return this.events().find(involved.metadata.uid, id) !== undefined;
  }

  get topology() {
    return this.base.topology;
  }

  /** Virtual time when the operation began. */
  get startClock(): number {
    return this.base.clock;
  }

  /** A reconcile just reached the fixed point: committing now hands the next operation a settled state. */
  reachedFixedPoint(): void {
    this.fixedPoint = { changes: this.changes, other: this.otherWrites, clock: this.clock };
  }

  private atFixedPoint(): boolean {
    const f = this.fixedPoint;
    if (f) return f.changes === this.changes && f.other === this.otherWrites && f.clock === this.clock;
    return (
      this.startedSettled && this.changes === 0 && this.otherWrites === 0 && this.clock === this.base.clock
    );
  }

  now(): string {
    return rfc3339(this.clock);
  }

  get<T extends KubeObject = KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    return this.objects[objectKey(kind, namespace, name)] as T | undefined;
  }

  /** Objects of a kind (optionally in one namespace), in creation order. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const ofKind = this.byKind(kind === "Event").get(kind);
    if (!ofKind) return [];
    const out: T[] = [];
    if (namespace === undefined) {
      for (const obj of ofKind.values()) out.push(obj as T);
      return out;
    }
    for (const obj of ofKind.values()) if (obj.metadata.namespace === namespace) out.push(obj as T);
    return out;
  }

  /**
   * The keys of every object but plain Events (see `isPlainEvent`), in store order, as they are now:
   * a snapshot to iterate while writing.
   */
  keysExceptPlainEvents(): string[] {
    if (!this.nonEventIndex) {
      const index = new Map<string, KubeObject>();
      for (const key in this.objects) {
        const obj = this.objects[key];
        if (obj && !isPlainEvent(obj)) index.set(key, obj);
      }
      this.nonEventIndex = index;
    }
    return [...this.nonEventIndex.keys()];
  }

  private byKind(withEvents = false): Map<string, Map<string, KubeObject>> {
    let index = this.kindIndex;
    if (index === undefined) {
      index = new Map<string, Map<string, KubeObject>>();
      for (const key in this.objects) {
        const obj = this.objects[key];
        if (obj && obj.kind !== "Event") indexSet(index, obj.kind, key, obj);
      }
      this.kindIndex = index;
    }
    if (withEvents && !index.has("Event")) {
      // Store order, as keeping it on every write would have given.
      const events = new Map<string, KubeObject>();
      for (const key in this.objects) {
        const obj = this.objects[key];
        if (obj?.kind === "Event") events.set(key, obj);
      }
      index.set("Event", events);
    }
    return index;
  }

  private put(key: string, obj: KubeObject): void {
    const objects = this.writableObjects();
    if (mayLeaveGarbage(objects, key, obj)) this.lifecycleChanges++;
    objects[key] = obj;
    if (this.kindIndex && (obj.kind !== "Event" || this.kindIndex.has("Event")))
      indexSet(this.kindIndex, obj.kind, key, obj);
    if (this.nonEventIndex) {
      if (!isPlainEvent(obj)) {
        // An Event that gained owners or finalizers (a patch) must take its place in store order: rebuild.
        if (obj.kind === "Event" && !this.nonEventIndex.has(key)) this.nonEventIndex = undefined;
        else this.nonEventIndex.set(key, obj);
      } else this.nonEventIndex.delete(key);
    }
    this.objectChanged(obj.kind);
  }

  private objectChanged(kind: string): void {
    this.changes++;
    this.objectChanges++;
    this.kindChanges.set(kind, (this.kindChanges.get(kind) ?? 0) + 1);
  }

  private runtimeChanged(area: RuntimeArea): void {
    this.changes++;
    this.runtimeChanges[area]++;
  }

  nextResourceVersion(): string {
    this.rv += 1;
    return String(this.rv);
  }

  /** Stores a new object, filling in the fields the API server owns. */
  create<T extends KubeObject>(
    obj: Omit<T, "metadata"> & { metadata: Partial<StoredMeta> & { name: string } },
    options: { uid?: string } = {},
  ): T {
    const metadata: StoredMeta = {
      ...obj.metadata,
      uid: options.uid ?? this.ids.uuid(),
      resourceVersion: this.nextResourceVersion(),
      creationTimestamp: this.now(),
    };
    const stored = { ...obj, metadata } as unknown as T;
    this.put(objectKey(stored.kind, metadata.namespace, metadata.name), stored);
    return stored;
  }

  /** Replaces a stored object with a new version (a new resourceVersion). */
  update<T extends KubeObject>(obj: T): T {
    const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: this.nextResourceVersion() } };
    this.put(objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name), stored);
    return stored;
  }

  remove(obj: KubeObject): void {
    const key = objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (key in this.objects) {
      delete this.writableObjects()[key];
      this.lifecycleChanges++;
      this.kindIndex?.get(obj.kind)?.delete(key);
      this.nonEventIndex?.delete(key);
      this.objectChanged(obj.kind);
    }
  }

  /** A node's pod-IP bookkeeping, copied once per operation so it can be changed in place. */
  ipamOf(node: string): ClusterState["ipam"][string] {
    this.otherWrites++;
    const current = this.ipam[node] ?? { next: 2, used: {} };
    if (this.ownedIpam.has(node)) return current;
    const copy = { next: current.next, used: { ...current.used } };
    this.ipam[node] = copy;
    this.ownedIpam.add(node);
    return copy;
  }

  /** Sets (or with `at` undefined, clears) a controller's deadline. */
  setTimer(key: string, at: number | undefined): void {
    if (at === undefined) {
      if (key in this.timers) {
        delete this.timers[key];
        this.runtimeChanged("timers");
      }
      return;
    }
    if (this.timers[key] === at) return;
    this.timers[key] = at;
    this.runtimeChanged("timers");
  }

  setFs(id: string, node: FsNode | undefined): void {
    this.otherWrites++;
    if (node === undefined) delete this.fs[id];
    else this.fs[id] = node;
  }

  /**
   * A pod's kubelet record that this operation may change in place (copied once per operation), for
   * writes many requests make, such as a server's access log lines.
   */
  ownKubelet(podKey: string): PodRuntime | undefined {
    const rt = this.kubelet[podKey];
    if (!rt || this.ownedKubelet.has(podKey)) return rt;
    const copy = { ...rt, containers: rt.containers.map((c) => ({ ...c })) };
    this.kubelet[podKey] = copy;
    this.ownedKubelet.add(podKey);
    this.runtimeChanged("kubelet");
    return copy;
  }

  setKubelet(podKey: string, runtime: PodRuntime | undefined): void {
    this.ownedKubelet.delete(podKey);
    if (runtime === undefined) delete this.kubelet[podKey];
    else this.kubelet[podKey] = runtime;
    this.runtimeChanged("kubelet");
  }

  /**
   * Records an event as the API server's event sink does: a repeat of the same object, reason,
   * message and source bumps `count` and `lastTimestamp` (client-go tools/record/events_cache.go).
   */
  event(
    involved: InvolvedObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const namespace = involved.metadata.namespace ?? "default";
    const id = {
      fieldPath: fieldPath ?? "",
      reason,
      message,
      component: source.component,
      host: source.host ?? "",
    };
    const index = this.events();
    const existingKey = index.find(involved.metadata.uid, id);
    const existing =
      existingKey === undefined ? undefined : (this.objects[existingKey] as KubeEvent | undefined);
    if (existing) {
      this.update<KubeEvent>({ ...existing, count: existing.count + 1, lastTimestamp: this.now() });
      return;
    }
    // client-go names events `<object name>.<UnixNano in hex>`. Virtual time stamps many events at
    // one instant, so each further event of an object at that instant takes the next nanosecond.
    let lastInNamespace = this.lastEventNanos.get(namespace);
    if (lastInNamespace === undefined) {
      lastInNamespace = new Map();
      this.lastEventNanos.set(namespace, lastInNamespace);
    }
    const objectName = involved.metadata.name;
    let last = lastInNamespace.get(objectName);
    const fresh = last === undefined;
    if (last === undefined) {
      last = { ms: this.clock, ns: 0 };
      lastInNamespace.set(objectName, last);
    } else if (last.ms < this.clock) {
      last.ms = this.clock;
      last.ns = 0;
    } else nextNano(last);
    let name = `${objectName}.${hexNanos(last)}`;
    // Names this operation handed out are known free; only the first one may meet older events.
    while (fresh && this.objects[objectKey("Event", namespace, name)]) {
      nextNano(last);
      name = `${objectName}.${hexNanos(last)}`;
    }
    // Built as `create` would store it (same fields, same order), without copying it a second time.
    const now = this.now();
    const key = objectKey("Event", namespace, name);
    const created: KubeEvent = {
      apiVersion: "v1",
      kind: "Event",
      metadata: {
        name,
        namespace,
        uid: this.ids.uuid(),
        resourceVersion: this.nextResourceVersion(),
        creationTimestamp: now,
      },
      involvedObject: {
        kind: involved.kind,
        namespace: involved.metadata.namespace,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: involved.apiVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? "",
    };
    this.put(key, created);
    index.add(involved.metadata.uid, id, key);
  }

  private events(): EventIndex {
    if (this.eventIndex) return this.eventIndex;
    const index = new EventIndex();
    const add = (key: string, e: KubeEvent) => {
      const id = {
        fieldPath: e.involvedObject.fieldPath ?? "",
        reason: e.reason,
        message: e.message,
        component: e.source.component,
        host: e.source.host ?? "",
      };
      index.add(e.involvedObject.uid, id, key);
    };
    // Store order: of two events with one identity, the later one is the one to bump. Not through
    // `list`: that would make every later event keep the kind index's Event entry too.
    const listed = this.kindIndex?.get("Event");
    if (listed) for (const [key, obj] of listed) add(key, obj as KubeEvent);
    else
      for (const key in this.objects) {
        const obj = this.objects[key];
        if (obj?.kind === "Event") add(key, obj as KubeEvent);
      }
    this.eventIndex = index;
    return index;
  }

  commit(): ClusterState {
    const state: ClusterState = {
      schemaVersion: 1,
      clock: this.clock,
      prng: this.ids.prng,
      resourceVersion: this.rv,
      topology: this.base.topology,
      objects: this.objects,
      fs: this.fs,
      kubelet: this.kubelet,
      ipam: this.ipam,
      timers: this.timers,
      affinity: this.affinity,
      ...(this.storageOwned || this.base.storage ? { storage: this.storageState } : {}),
    };
    if (this.atFixedPoint()) markSettled(state);
    return state;
  }
}

/**
 * Whether writing `next` at `key` may give the garbage collector work (see Tx.lifecycleChanges). Only a
 * version with owners, finalizers or a deletion can (dropping owners or finalizers leaves nothing to
 * collect), so the others, every plain Event among them, skip looking up what they replace.
 */
function mayLeaveGarbage(
  objects: Readonly<Record<string, KubeObject>>,
  key: string,
  next: KubeObject,
): boolean {
  const m = next.metadata;
  if (m.deletionTimestamp) return true;
  if (m.ownerReferences === undefined && m.finalizers === undefined) return false;
  const prev = objects[key];
  if (prev === undefined) return (m.ownerReferences?.length ?? 0) > 0;
  return prev.metadata.ownerReferences !== m.ownerReferences || prev.metadata.finalizers !== m.finalizers;
}

/** An Event as the event sink writes it: no owners, finalizers or deletion, so nothing for the garbage collector. */
function isPlainEvent(obj: KubeObject): boolean {
  const m = obj.metadata;
  return obj.kind === "Event" && !m.deletionTimestamp && !m.ownerReferences?.length && !m.finalizers?.length;
}

function indexSet(
  index: Map<string, Map<string, KubeObject>>,
  kind: string,
  key: string,
  obj: KubeObject,
): void {
  const ofKind = index.get(kind);
  if (ofKind) ofKind.set(key, obj);
  else index.set(kind, new Map([[key, obj]]));
}
