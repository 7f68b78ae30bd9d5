import { type ClusterState, createCluster } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import { type KubectlIo, run } from "../src/index";

// What data outlives what, seen the way a learner sees it: through `kubectl exec`. emptyDir lives with the
// pod, NFS exports and disks outlive it, a container restart keeps every volume, readOnly refuses writes.

class Session {
  state: ClusterState;
  files: Record<string, string> = {};
  constructor() {
    const c = createCluster({ seed: 3 });
    if (!c.ok) throw new Error(c.errors.join("\n"));
    this.state = c.state;
  }
  kubectl(line: string, stdin?: string): { out: string; err: string; code: number } {
    const argv = line.match(/'[^']*'|"[^"]*"|\S+/g)?.map((w) => w.replace(/^['"]|['"]$/g, "")) ?? [];
    const io: KubectlIo = {
      readManifests: (path) =>
        this.files[path] === undefined
          ? { ok: false, message: `error: the path "${path}" does not exist` }
          : { ok: true, files: [{ name: path, text: this.files[path] ?? "" }] },
      ...(stdin !== undefined ? { stdin } : {}),
    };
    const r = run(this.state, argv, io);
    this.state = r.state;
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  }
  apply(yaml: string): string {
    this.files["m.yaml"] = yaml;
    const r = this.kubectl("apply -f m.yaml");
    expect(r.err).toBe("");
    return r.out;
  }
}

const pod = (
  name: string,
  volume: string,
  mount = "  volumeMounts: [{ name: data, mountPath: /data }]",
) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
  ${mount}
  volumes:
  - name: data
    ${volume}
`;

describe("data lifetime through kubectl exec", () => {
  it("emptyDir: written data dies with the pod; a new pod starts with an empty directory", () => {
    const s = new Session();
    s.apply(pod("one", "emptyDir: {}"));
    expect(s.kubectl("exec one -- sh -c 'echo hello > /data/note'").code).toBe(0);
    expect(s.kubectl("exec one -- cat /data/note").out).toBe("hello\n");
    s.kubectl("delete pod one");
    s.apply(pod("one", "emptyDir: {}"));
    expect(s.kubectl("exec one -- ls /data").out).toBe("");
    const cat = s.kubectl("exec one -- cat /data/note");
    expect(cat.err).toContain("cat: can't open '/data/note': No such file or directory");
  });

  it("emptyDir with medium: Memory behaves the same for a pod's lifetime", () => {
    const s = new Session();
    s.apply(pod("mem", "emptyDir: { medium: Memory, sizeLimit: 64Mi }"));
    s.kubectl("exec mem -- sh -c 'echo fast > /data/x'");
    expect(s.kubectl("exec mem -- cat /data/x").out).toBe("fast\n");
  });

  it("NFS: the pod is deleted, the export keeps the data, a new pod sees it", () => {
    const s = new Session();
    s.apply(pod("one", "nfs: { server: 10.76.0.2, path: /vol1/web }"));
    s.kubectl("exec one -- sh -c 'echo persisted > /data/index.html'");
    s.kubectl("delete pod one");
    s.apply(pod("two", "nfs: { server: 10.76.0.2, path: /vol1/web }"));
    expect(s.kubectl("exec two -- cat /data/index.html").out).toBe("persisted\n");
  });

  it("two PersistentVolumes naming the same NFS server and path see the same files", () => {
    const s = new Session();
    const pv = (name: string) =>
      `apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: ${name} }\nspec:\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteMany]\n  storageClassName: ""\n  claimRef: { namespace: default, name: claim-${name} }\n  nfs: { server: 10.76.0.2, path: /vol1/share }\n`;
    const pvc = (name: string) =>
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: claim-${name} }\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteMany]\n  resources: { requests: { storage: 1Gi } }\n`;
    s.apply([pv("a"), pv("b"), pvc("a"), pvc("b")].join("---\n"));
    s.apply(pod("pa", "persistentVolumeClaim: { claimName: claim-a }"));
    s.apply(pod("pb", "persistentVolumeClaim: { claimName: claim-b }"));
    s.kubectl("exec pa -- sh -c 'echo shared > /data/f'");
    expect(s.kubectl("exec pb -- cat /data/f").out).toBe("shared\n");
  });

  it("a PVC (GKE persistent disk): data survives the pod, and the next pod mounts the same disk", () => {
    const s = new Session();
    s.apply(
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: data }\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 10Gi } }\n`,
    );
    s.apply(pod("db", "persistentVolumeClaim: { claimName: data }"));
    expect(s.kubectl("exec db -- ls /data").out).toBe("lost+found\n");
    s.kubectl("exec db -- sh -c 'echo row-1 > /data/table'");
    s.kubectl("delete pod db");
    expect(s.kubectl("get pvc data").out).toContain("Bound");
    s.apply(pod("db", "persistentVolumeClaim: { claimName: data }"));
    expect(s.kubectl("exec db -- cat /data/table").out).toBe("row-1\n");
  });

  it("a readOnly mount refuses writes with the kernel's message", () => {
    const s = new Session();
    s.apply(pod("ro", "emptyDir: {}", "  volumeMounts: [{ name: data, mountPath: /data, readOnly: true }]"));
    const r = s.kubectl("exec ro -- sh -c 'echo x > /data/f'");
    expect(r.err).toContain("Read-only file system");
    expect(r.code).not.toBe(0);
    const touch = s.kubectl("exec ro -- touch /data/f");
    expect(touch.err).toBe("touch: /data/f: Read-only file system\ncommand terminated with exit code 1\n");
  });

  it("a container restart keeps the pod's emptyDir (a crash is not a pod deletion)", () => {
    const s = new Session();
    s.apply(`apiVersion: v1
kind: Pod
metadata: { name: crashy }
spec:
  containers:
  - name: crasher
    image: busybox:1.36
    command: ["sh", "-c", "echo run >> /cache/runs; sleep 1; exit 1"]
    volumeMounts: [{ name: cache, mountPath: /cache }]
  - name: reader
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts: [{ name: cache, mountPath: /cache }]
  volumes:
  - { name: cache, emptyDir: {} }
`);
    const runs = s.kubectl("exec crashy -c reader -- cat /cache/runs").out.split("\n").filter(Boolean);
    expect(runs.length).toBeGreaterThan(1);
    expect(s.kubectl("get pod crashy").out).toMatch(/crashy\s+1\/2/);
  });

  it("kill 1 restarts nginx: its emptyDir keeps the data, its own file system starts over", () => {
    const s = new Session();
    s.apply(`apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    volumeMounts: [{ name: cache, mountPath: /cache }]
  volumes:
  - { name: cache, emptyDir: {} }
`);
    expect(s.kubectl("exec web -- sh -c 'echo layer > /note; echo volume > /cache/note'").code).toBe(0);
    expect(s.kubectl("exec web -- sh -c 'kill 1'")).toEqual({ out: "", err: "", code: 0 });
    expect(s.kubectl("get pod web").out).toMatch(/web\s+1\/1\s+Running\s+1 \(0s ago\)/);
    expect(s.kubectl("exec web -- cat /cache/note").out).toBe("volume\n");
    expect(s.kubectl("exec web -- cat /note")).toMatchObject({
      err: "cat: /note: No such file or directory\ncommand terminated with exit code 1\n",
      code: 1,
    });
    const previous = s.kubectl("logs web -p").out;
    expect(previous).toMatch(/\[notice\] 1#1: signal 15 \(SIGTERM\) received from \d+, exiting\n/);
    expect(previous).toMatch(/\[notice\] 1#1: exit\n$/);
    const describe = s.kubectl("describe pod web").out;
    expect(describe).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0/);
    expect(describe).toMatch(/Container image "nginx:1.27" already present on machine/);
  });

  it("kill 1 cannot stop a process that has no handler: PID 1 ignores the signal, even SIGKILL", () => {
    const s = new Session();
    s.apply(pod("sleeper", "emptyDir: {}"));
    expect(s.kubectl("exec sleeper -- kill 1").code).toBe(0);
    expect(s.kubectl("exec sleeper -- kill -9 1").code).toBe(0);
    expect(s.kubectl("get pod sleeper").out).toMatch(/sleeper\s+1\/1\s+Running\s+0\s/);
    expect(s.kubectl("exec sleeper -- kill 4242")).toMatchObject({
      err: "kill: can't kill pid 4242: No such process\ncommand terminated with exit code 1\n",
      code: 1,
    });
  });

  it("subPath mounts one directory of a volume; two containers share the rest", () => {
    const s = new Session();
    s.apply(`apiVersion: v1
kind: Pod
metadata: { name: site }
spec:
  containers:
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts: [{ name: data, mountPath: /all }]
  - name: web
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts: [{ name: data, mountPath: /html, subPath: public }]
  volumes:
  - { name: data, emptyDir: {} }
`);
    s.kubectl("exec site -c writer -- sh -c 'echo hi > /all/public/index.html; echo secret > /all/private'");
    expect(s.kubectl("exec site -c web -- ls /html").out).toBe("index.html\n");
  });

  it("ConfigMap and Secret volumes: files from the keys, read-only", () => {
    const s = new Session();
    s.apply(`apiVersion: v1
kind: ConfigMap
metadata: { name: web-config }
data:
  nginx.conf: "server { listen 80; }"
---
apiVersion: v1
kind: Secret
metadata: { name: db-pass }
stringData:
  password: s3cret
`);
    s.apply(`apiVersion: v1
kind: Pod
metadata: { name: cfg }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - { name: config, mountPath: /etc/app }
    - { name: secret, mountPath: /etc/secret }
  volumes:
  - { name: config, configMap: { name: web-config } }
  - { name: secret, secret: { secretName: db-pass } }
`);
    expect(s.kubectl("exec cfg -- cat /etc/app/nginx.conf").out).toBe("server { listen 80; }");
    expect(s.kubectl("exec cfg -- cat /etc/secret/password").out).toBe("s3cret");
    expect(s.kubectl("exec cfg -- touch /etc/app/x").err).toContain("Read-only file system");
    expect(s.kubectl("get secret db-pass -o jsonpath={.data.password}").out).toBe("czNjcmV0");
  });

  it("a pod naming a missing ConfigMap waits in ContainerCreating, then starts when it appears", () => {
    const s = new Session();
    s.apply(pod("cfg", "configMap: { name: later }"));
    expect(s.kubectl("get pod cfg").out).toContain("ContainerCreating");
    expect(s.kubectl("describe pod cfg").out).toContain(
      'MountVolume.SetUp failed for volume "data" : configmap "later" not found',
    );
    s.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: later }\ndata: { a: b }\n`);
    expect(s.kubectl("get pod cfg").out).toContain("Running");
  });
});
