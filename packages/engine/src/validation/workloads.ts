import type { LabelSelector } from "../api/meta";
import type { PodTemplateSpec } from "../api/pod";
import { selectorMatches } from "../store/labels";
import { type FieldError, invalid, required, unsupported } from "./field-error";
import { validatePodSpec } from "./pod";

// ValidateDeploymentSpec / ValidateReplicaSetSpec (pkg/apis/apps/validation/validation.go).
export function validateWorkloadSpec(
  spec: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplateSpec;
    strategy?: { type?: string };
  },
  kind: "Deployment" | "ReplicaSet",
): FieldError[] {
  const errors: FieldError[] = [];
  if (spec.replicas !== undefined && spec.replicas < 0)
    errors.push(invalid("spec.replicas", spec.replicas, "must be greater than or equal to 0"));
  const selector = spec.selector;
  const isEmpty =
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
  if (isEmpty) errors.push(required("spec.selector"));
  if (!isEmpty && selector) {
    (selector.matchExpressions ?? []).forEach((e, i) => {
      const ops = ["In", "NotIn", "Exists", "DoesNotExist"];
      if (!ops.includes(e.operator))
        errors.push(unsupported(`spec.selector.matchExpressions[${i}].operator`, e.operator, ops));
    });
  }
  const template = spec.template;
  if (template) {
    const labels = template.metadata?.labels ?? {};
    if (!isEmpty && selector && !selectorMatches(selector, labels)) {
      errors.push(
        invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`"),
      );
    }
    errors.push(...validatePodSpec(template.spec, "spec.template.spec"));
    const restart = template.spec.restartPolicy ?? "Always";
    if (restart !== "Always")
      errors.push(unsupported("spec.template.spec.restartPolicy", restart, ["Always"]));
  } else if (kind === "Deployment") {
    errors.push(required("spec.template"));
  }
  if (
    kind === "Deployment" &&
    spec.strategy?.type !== undefined &&
    !["Recreate", "RollingUpdate"].includes(spec.strategy.type)
  ) {
    errors.push(unsupported("spec.strategy.type", spec.strategy.type, ["Recreate", "RollingUpdate"]));
  }
  return errors;
}
