// ConfigMap and Secret volumes follow their source, as the kubelet's atomic writer keeps them; a
// subPath mount and a deleted source keep the files they had.
import { describe, expect, it } from "vitest";
import { TestCluster } from "../../../test/test-cluster";

const cm = (value: string) => `apiVersion: v1
kind: ConfigMap
metadata: { name: site }
data: { index.html: "${value}" }
`;
const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - { name: site, mountPath: /site }
    - { name: site-file, mountPath: /pinned.html, subPath: index.html }
    - { name: secret, mountPath: /secret }
  volumes:
  - { name: site, configMap: { name: site } }
  - { name: site-file, configMap: { name: site } }
  - { name: secret, secret: { secretName: pw } }
`;
const secret = (b64: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata: { name: pw }\ndata: { password: ${b64} }\n`;

describe("ConfigMap and Secret volumes after their source changes", () => {
  function cluster(): TestCluster {
    const c = new TestCluster();
    c.apply(`${cm("v1")}---\n${secret("b25l")}`);
    c.apply(POD);
    expect(c.pod("web")?.status.phase).toBe("Running");
    return c;
  }
  const read = (c: TestCluster, file: string) => {
    const r = c.exec("web", ["cat", file]);
    return r.ok ? r.stdout : r.message;
  };

  it("a mounted ConfigMap and Secret show the new data; a subPath mount keeps the old", () => {
    const c = cluster();
    c.apply(cm("v2"));
    c.apply(secret("dHdv"));
    expect(read(c, "/site/index.html")).toBe("v2");
    expect(read(c, "/secret/password")).toBe("two");
    expect(read(c, "/pinned.html")).toBe("v1");
  });

  it("a deleted ConfigMap leaves the files as they were", () => {
    const c = cluster();
    c.delete("ConfigMap", "site");
    expect(read(c, "/site/index.html")).toBe("v1");
  });
});
