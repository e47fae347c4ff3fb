/** Arrow-key movement between graph nodes: the nearest node whose centre lies in that direction. */
import type { Size, XY } from "./layout";

export type Direction = "up" | "down" | "left" | "right";

export const arrowDirections: Record<string, Direction> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

export function nearestInDirection(from: string, direction: Direction, boxes: ReadonlyMap<string, XY & Size>): string | null {
  const origin = boxes.get(from);
  if (!origin) return null;
  const cx = origin.x + origin.width / 2;
  const cy = origin.y + origin.height / 2;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, b] of boxes) {
    if (id === from) continue;
    const dx = b.x + b.width / 2 - cx;
    const dy = b.y + b.height / 2 - cy;
    const along = direction === "up" ? -dy : direction === "down" ? dy : direction === "left" ? -dx : dx;
    const across = direction === "up" || direction === "down" ? Math.abs(dx) : Math.abs(dy);
    if (along <= 1) continue;
    // Prefer nodes straight ahead: sideways distance costs more than distance along the axis.
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
