// pkg/printers/internalversion/printers.go: layoutContainerCells (CONTAINERS and IMAGES of -o wide).
export function layoutContainerCells(containers: readonly { name: string; image?: string }[]): {
  names: string;
  images: string;
} {
  return {
    names: containers.map((c) => c.name).join(","),
    images: containers.map((c) => c.image ?? "").join(","),
  };
}
