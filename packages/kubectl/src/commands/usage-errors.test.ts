// Incomplete or malformed command lines get kubectl v1.33.1's own error (what the real client prints
// for the same words before it asks any server), exit 1, and change nothing.
import { createCluster } from "@kubejam/engine";
import { expect, it } from "vitest";
import { run } from "../run";

const created = createCluster({ seed: 1 });
if (!created.ok) throw new Error(created.errors.join("\n"));
const state = created.state;

const RESOURCES = "one or more resources must be specified as <resource> <name> or <resource>/<name>";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

it.each([
  ["exec", "pod, type/name or --filename must be specified"],
  ["exec -c x -- ls", "pod, type/name or --filename must be specified"],
  ["label", RESOURCES],
  ["annotate", RESOURCES],
  ["label pod", "at least one label update is required"],
  ["label pod web -", "at least one label update is required"],
  ["annotate pod web =x", "at least one annotation update is required"],
  ["label a=b pod web", "all resources must be specified before label changes: pod"],
  ["annotate pod web a=1 b", "all resources must be specified before annotation changes: b"],
  ["label a=b=c", "invalid label spec: a=b=c"],
  ["label pod a=b-", `invalid label value: "a=b-": ${LABEL_VALUE}`],
  ["rollout status", "required resource not specified"],
  ["rollout history", "required resource not specified"],
  ["rollout restart", "required resource not specified"],
  ["rollout undo", "required resource not specified"],
  ["set image", NO_RESOURCES],
  ["set image nginx=busybox", NO_RESOURCES],
  ["wait", 'unrecognized condition: ""'],
  ["wait pod/web", 'unrecognized condition: ""'],
  ["delete pod web --all", "name cannot be provided when a selector is specified"],
  ["delete pod web -l app=web", "name cannot be provided when a selector is specified"],
  ["delete pods --all -l app=web", "setting 'all' parameter but found a non empty selector. "],
  ["delete pod web --now --grace-period=5", "--now and --grace-period cannot be specified together"],
  [
    "delete pod web --force --grace-period=5",
    "--force and --grace-period greater than 0 cannot be specified together",
  ],
  ["run web --image=nginx --env=BAD", "invalid env: BAD"],
  ["run web --image=nginx --env==x", "invalid env: =x"],
  ["run web --image=nginx --port=abc", 'strconv.Atoi: parsing "abc": invalid syntax'],
  ["create service clusterip web --tcp=abc", 'strconv.ParseUint: parsing "abc": invalid syntax'],
  ["create service clusterip web --tcp=99999", 'strconv.ParseUint: parsing "99999": value out of range'],
  ["create service clusterip web --tcp=-1", 'strconv.ParseUint: parsing "-1": invalid syntax'],
  ["create service clusterip web --tcp=80:0", "must be between 1 and 65535, inclusive"],
  [
    "create service clusterip web --tcp=80:Bad_Name",
    "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
  ],
  [
    "scale deploy/web --replicas=2 --current-replicas=-2",
    "The --current-replicas must specify an integer of -1 or greater",
  ],
  ["get pods --show-labels -o name", "--show-labels option cannot be used with name printer"],
  ["get pods --show-labels -o yaml", "--show-labels option cannot be used with yaml printer"],
  ["rollout history deploy/web --revision=-1", "revision must be a positive integer: -1"],
  [
    "events -o wide",
    'unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
  ],
  ["wait pod/web --for=jsonpath=", "jsonpath expression cannot be empty"],
  [
    "wait pod/web --for=jsonpath={.status",
    "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
  ],
  [
    "wait pod/web --for=jsonpath={.status}=",
    "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
  ],
  [
    "wait pod/web --for=jsonpath=.status.phase=Running=x",
    "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
  ],
  ["wait pod/web --for=Condition=Ready", 'unrecognized condition: "Condition=Ready"'],
  [
    "describe",
    'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
  ],
])("kubectl %s", (line, message) => {
  const r = run(state, line.split(" "));
  expect(r).toEqual({ state, stdout: "", stderr: `error: ${message}\n`, exitCode: 1 });
});

it("scale --current-replicas is a precondition on the size the object has", () => {
  const made = run(state, ["create", "deployment", "web", "--image=nginx", "--replicas=2"]).state;
  expect(run(made, ["scale", "deploy/web", "--replicas=3", "--current-replicas=5"])).toEqual({
    state: made,
    stdout: "",
    stderr: "error: Expected replicas to be 5, was 2\n",
    exitCode: 1,
  });
  expect(run(made, ["scale", "deploy/web", "--replicas=3", "--current-replicas=2"])).toMatchObject({
    stdout: "deployment.apps/web scaled\n",
    exitCode: 0,
  });
});

it("delete refuses a name with --all or a selector, and deletes nothing", () => {
  const made = run(state, ["run", "web", "--image=nginx"]).state;
  for (const line of ["delete pod web --all", "delete pod web -l run=web"]) {
    const r = run(made, line.split(" "));
    expect(r.exitCode).toBe(1);
    expect(r.state).toBe(made);
  }
});
