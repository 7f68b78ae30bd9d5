import { describe, expect, it } from "vitest";
import { explainCluster } from "../src/index";
import { TestCluster } from "./test-cluster";

// NFS mounts against the VPC's Filestore instances (topology.filestore; by default 10.76.0.2 exporting
// /notes and /vol1): a share or a directory in one mounts, any other server or path fails as mount.nfs
// says, in the kubelet's FailedMount event, and `why` points at the field to fix.

/** The pod notes, with its volume `share` (mounted at /data) from `source`, a YAML flow mapping. */
const notesPod = (volume: string, source: string) => `apiVersion: v1
kind: Pod
metadata: { name: notes }
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts: [{ name: ${volume}, mountPath: /data }]
  volumes:
  - name: ${volume}
    ${source}
`;

const inlineNfs = (server: string, path: string, readOnly = false) =>
  notesPod("share", `nfs: { server: "${server}", path: "${path}"${readOnly ? ", readOnly: true" : ""} }`);

const nfsClaim = (server: string, path: string) => `apiVersion: v1
kind: PersistentVolume
metadata: { name: team-share }
spec:
  capacity: { storage: 5Gi }
  accessModes: [ReadWriteMany]
  storageClassName: ""
  nfs: { server: "${server}", path: "${path}" }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: shared }
spec:
  storageClassName: ""
  accessModes: [ReadWriteMany]
  resources: { requests: { storage: 1Gi } }
---
${notesPod("data", "persistentVolumeClaim: { claimName: shared }")}`;

function mountEvents(c: TestCluster): string[] {
  return c
    .events()
    .filter((e) => e.object === "Pod/notes" && e.reason === "FailedMount")
    .map((e) => e.message);
}

describe("NFS mounts", () => {
  it.each([
    ["a share", "10.76.0.2", "/notes"],
    ["a directory in a share", "10.76.0.2", "/vol1/team/a"],
    ["a share written with a trailing slash", "10.76.0.2", "/notes/"],
  ])("%s mounts", (_story, server, path) => {
    const c = new TestCluster();
    c.apply(inlineNfs(server, path));
    expect(c.pod("notes")?.status.phase).toBe("Running");
    expect(mountEvents(c)).toEqual([]);
  });

  it.each([
    {
      story: "a server no Filestore instance has: the mount times out",
      server: "10.76.0.9",
      path: "/notes",
      output: "mount.nfs: Connection timed out",
      code: "nfs-server-unreachable",
      field: "spec.volumes[0].nfs.server",
    },
    {
      story: "a path the server does not export: access denied",
      server: "10.76.0.2",
      path: "/note",
      output: "mount.nfs: access denied by server while mounting 10.76.0.2:/note",
      code: "nfs-path-not-exported",
      field: "spec.volumes[0].nfs.path",
    },
  ])("$story", ({ server, path, output, code, field }) => {
    const c = new TestCluster();
    c.apply(inlineNfs(server, path, true));
    const pod = c.pod("notes");
    expect(pod?.status.phase).toBe("Pending");
    expect(pod?.status.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: "ContainerCreating" } });
    const target = `/var/lib/kubelet/pods/${pod?.metadata.uid}/volumes/kubernetes.io~nfs/share`;
    expect(mountEvents(c)).toEqual([
      [
        `MountVolume.SetUp failed for volume "share" : mount failed: exit status 32`,
        "Mounting command: systemd-run",
        `Mounting arguments: --description=Kubernetes transient mount for ${target} --scope -- mount -t nfs -o ro ${server}:${path} ${target}`,
        `Output: ${output}`,
      ].join("\n"),
    ]);
    const why = explainCluster(c.state).find((r) => r.id === "Pod/default/notes");
    expect(why?.reasons).toEqual([
      expect.objectContaining({
        code,
        fieldPath: field,
        values: expect.objectContaining({
          volume: "share",
          server,
          path,
          exports: "10.76.0.2:/notes, 10.76.0.2:/vol1",
        }),
      }),
    ]);
  });

  it("a PersistentVolume naming an export that does not exist binds, but its pod cannot mount it", () => {
    const c = new TestCluster();
    c.apply(nfsClaim("10.76.0.2", "/vol2"));
    expect(c.pod("notes")?.status.phase).toBe("Pending");
    expect(mountEvents(c)).toEqual([
      expect.stringMatching(
        /^MountVolume\.SetUp failed for volume "team-share" : mount failed: exit status 32\n[\s\S]*kubernetes\.io~nfs\/team-share\nOutput: mount\.nfs: access denied by server while mounting 10\.76\.0\.2:\/vol2$/,
      ),
    ]);
    const why = explainCluster(c.state).find((r) => r.id === "Pod/default/notes");
    expect(why?.reasons[0]).toMatchObject({
      code: "nfs-path-not-exported",
      fieldPath: "spec.volumes[0].persistentVolumeClaim.claimName",
      values: { volume: "data", claim: "shared", server: "10.76.0.2", path: "/vol2" },
    });
  });

  it("serves the Filestore instances a topology names instead of the default one", () => {
    const c = new TestCluster({
      topology: { filestore: [{ name: "team", address: "10.20.0.5", shares: ["/team"] }] },
    });
    c.apply(inlineNfs("10.20.0.5", "/team"));
    expect(c.pod("notes")?.status.phase).toBe("Running");
    const other = new TestCluster({
      topology: { filestore: [{ name: "team", address: "10.20.0.5", shares: ["/team"] }] },
    });
    other.apply(inlineNfs("10.76.0.2", "/notes"));
    expect(mountEvents(other)[0]).toMatch(/Output: mount\.nfs: Connection timed out$/);
  });

  it("a cluster saved before it knew its Filestore instances mounts any server, as it did", () => {
    const c = new TestCluster();
    const { filestore: _dropped, ...older } = c.state.topology;
    c.state = { ...c.state, topology: older as typeof c.state.topology };
    c.apply(inlineNfs("10.0.0.2", "/exports"));
    expect(c.pod("notes")?.status.phase).toBe("Running");
  });
});
