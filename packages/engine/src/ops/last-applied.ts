/** The annotation where `kubectl apply` (and `--save-config`) keeps the configuration it last applied. */
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
