// Flat, people-free SVG illustrations for the demo articles, drawn only from geometric
// shapes. `variant` seeds a small PRNG, so an article always gets the same picture.
import type { IllustrationMotif } from "./types.js";

export const ILLUSTRATION_MOTIFS: readonly IllustrationMotif[] = Object.freeze([
  "buildings",
  "shopfront",
  "park",
  "school",
  "bicycle",
  "sport",
  "culture",
  "health",
  "construction",
  "meeting",
  "market",
  "workshop",
] as const);

type Rng = () => number;
type Attrs = Record<string, string | number | undefined>;
/** Drawing context. Scenes are drawn 100 units high and W units wide; gy is the ground line (a motif may move it). */
interface Ctx {
  W: number;
  gy: number;
  r: Rng;
  acc: string;
  accL: string;
  accD: string;
  id: string;
}
const H = 100;

function mulberry32(a: number): Rng {
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hash = (s: string): number => [...s].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619), 2166136261) >>> 0; // FNV-1a
const rnd = (r: Rng, a: number, b: number): number => a + r() * (b - a);
const int = (r: Rng, a: number, b: number): number => Math.floor(rnd(r, a, b + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const spread = (n: number, x0: number, x1: number): number[] => Array.from({ length: n }, (_, i) => x0 + ((i + 0.5) * (x1 - x0)) / n);

// ---- colours ----
function rgb(hex: string): number[] {
  let h = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())?.[1] ?? "2a5d9f"; // invalid input falls back to a blue
  if (h.length === 3) h = h.replace(/./g, (ch) => ch + ch);
  const n = parseInt(h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function mix(a: string, b: string, t: number): string {
  const y = rgb(b);
  return `#${rgb(a)
    .map((v, i) =>
      Math.round(v + ((y[i] ?? 0) - v) * t)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}
const light = (c: string, t: number): string => mix(c, "#ffffff", t);
const dark = (c: string, t: number): string => mix(c, "#000000", t);

const SKIES = [
  ["#bfdff2", "#eef7fb"],
  ["#cde6ee", "#fbf3e6"],
  ["#f3d9c4", "#fdf3e8"],
  ["#d3dcf2", "#f4f6fb"],
  ["#c9eadc", "#f3fbf7"],
] as const;
const WALLS = [
  ["#efe6da", "#f8f3ec"],
  ["#e4eaf0", "#f6f8fa"],
  ["#ece4ef", "#f8f5f9"],
  ["#e6efe6", "#f5f9f4"],
] as const;
const FACADES = ["#e8dccb", "#d9cbb8", "#f1e7d8", "#cdd5dc", "#e5d3c0", "#d3dccf", "#ead1c4"] as const;
const GREENS = ["#6fa86a", "#5d9a6b", "#86b26b", "#4f8b63", "#7bab80"] as const;
const BRIGHT = ["#e07a5f", "#f2cc60", "#81b29a", "#5b8bd0", "#e3a44c", "#c96f8f"] as const;
const GLASS = "#a9cbe0",
  LIT = "#f6dc95",
  WOOD = "#b98b5e",
  INK = "#3b4251",
  STEEL = "#8c96a3",
  WHITE = "#fbf8f2";

// ---- SVG primitives (all values are numbers or colours we built, escaped anyway) ----
const f = (n: number): string => String(Math.round(n * 100) / 100);
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
function el(tag: string, a: Attrs, inner = ""): string {
  let s = `<${tag}`;
  for (const [k, v] of Object.entries(a)) if (v !== undefined) s += ` ${k}="${typeof v === "number" ? f(v) : esc(v)}"`;
  return inner ? `${s}>${inner}</${tag}>` : `${s}/>`;
}
const d = (...p: (string | number)[]): string => p.map((x) => (typeof x === "number" ? f(x) : x)).join(" ");
const rect = (x: number, y: number, w: number, h: number, fill: string, rx = 0, a: Attrs = {}): string =>
  el("rect", { x, y, width: Math.max(0, w), height: Math.max(0, h), rx: rx || undefined, fill, ...a });
const circ = (cx: number, cy: number, r: number, fill: string, a: Attrs = {}): string => el("circle", { cx, cy, r, fill, ...a });
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, a: Attrs = {}): string => el("ellipse", { cx, cy, rx, ry, fill, ...a });
const poly = (pts: number[], fill: string, a: Attrs = {}): string => el("polygon", { points: pts.map(f).join(" "), fill, ...a });
const path = (dd: string, fill: string, a: Attrs = {}): string => el("path", { d: dd, fill, ...a });
const stroke = (col: string, w: number): Attrs => ({ stroke: col, "stroke-width": w, "stroke-linecap": "round", "stroke-linejoin": "round" });
const line = (x1: number, y1: number, x2: number, y2: number, col: string, w: number, a: Attrs = {}): string =>
  el("line", { x1, y1, x2, y2, ...stroke(col, w), ...a });
const g = (inner: string, a: Attrs = {}): string => el("g", a, inner);
const mirror = (inner: string, W: number): string => g(inner, { transform: `matrix(-1 0 0 1 ${f(W)} 0)` });

// ---- shared scene pieces ----
function backdrop(c: Ctx, stops: readonly string[], ground: string, outdoor: boolean): string {
  const { W, gy, r } = c;
  const grad = el(
    "linearGradient",
    { id: c.id, x1: 0, y1: 0, x2: 0, y2: 1 },
    el("stop", { offset: 0, "stop-color": stops[0] ?? "#fff" }) + el("stop", { offset: 1, "stop-color": stops[1] ?? "#fff" }),
  );
  let s = el("defs", {}, grad) + rect(0, 0, W, H, `url(#${c.id})`);
  if (outdoor) {
    const sx = W * rnd(r, 0.08, 0.92),
      sy = rnd(r, 12, 25);
    s += circ(sx, sy, 9, "#fff6d8", { opacity: 0.6 }) + circ(sx, sy, 6, "#fde7a6");
    for (let i = int(r, 1, 3); i > 0; i--) s += cloud(W * rnd(r, 0.05, 0.95), rnd(r, 8, 30), rnd(r, 2.5, 4));
  }
  return s + rect(0, gy, W, H - gy, ground);
}
const cloud = (x: number, y: number, k: number): string =>
  g(
    circ(x, y, k * 1.4, "#fff") +
      circ(x + k * 1.6, y + k * 0.3, k, "#fff") +
      circ(x - k * 1.6, y + k * 0.4, k * 0.9, "#fff") +
      rect(x - k * 2.4, y + k * 0.2, k * 5, k * 1.1, "#fff", k * 0.55),
    { opacity: 0.85 },
  );

function windows(c: Ctx, x: number, y: number, w: number, h: number, cols: number, rows: number, glass = GLASS): string {
  let s = "";
  const cw = w / cols,
    rh = h / rows;
  for (let i = 0; i < rows * cols; i++)
    s += rect(x + ((i % cols) + 0.22) * cw, y + (Math.floor(i / cols) + 0.2) * rh, cw * 0.56, rh * 0.6, c.r() < 0.13 ? LIT : glass, cw * 0.04);
  return s;
}
function building(c: Ctx, x: number, w: number, h: number, wall: string, door = true): string {
  const y = c.gy - h,
    cols = Math.max(2, Math.round(w / 6)),
    rows = Math.max(1, Math.floor((h - 9) / 6.5));
  return (
    rect(x, y, w, h, wall) +
    rect(x - 0.5, y, w + 1, 1.4, dark(wall, 0.18)) +
    windows(c, x + 1, y + 2.5, w - 2, rows * 6.5, cols, rows) +
    (door ? rect(x + w / 2 - 2, c.gy - 6, 4, 6, dark(wall, 0.35), 0.4) : "")
  );
}
function tree(c: Ctx, x: number, base: number, k: number, green: string): string {
  const trunk = rect(x - k * 0.12, base - k * 1.3, k * 0.24, k * 1.3, "#8a6a4f");
  if (c.r() < 0.3) return trunk + poly([x, base - k * 3.6, x - k, base - k, x + k, base - k], green);
  return trunk + circ(x, base - k * 2, k, green) + circ(x - k * 0.3, base - k * 2.3, k * 0.55, light(green, 0.15));
}
function bench(x: number, base: number, k: number, col: string): string {
  let s = rect(x, base - k * 1.6, k * 4, k * 0.35, col, k * 0.1) + rect(x, base - k * 0.9, k * 4, k * 0.3, col, k * 0.1);
  for (const lx of [x + k * 0.4, x + k * 3.6])
    s += line(lx, base - k * 0.6, lx, base, INK, k * 0.2) + line(lx, base - k * 1.3, lx, base - k * 0.9, INK, k * 0.15);
  return s;
}
function awning(x: number, y: number, w: number, h: number, c1: string, c2 = WHITE): string {
  const n = Math.max(4, Math.round(w / (h * 0.55))),
    sw = w / n;
  let s = rect(x - sw * 0.2, y - h * 0.15, w + sw * 0.4, h * 0.18, dark(c1, 0.3));
  for (let i = 0; i < n; i++) s += rect(x + i * sw, y, sw, h, i % 2 ? c2 : c1) + circ(x + (i + 0.5) * sw, y + h, sw / 2, i % 2 ? c2 : c1);
  return s;
}
function bike(x: number, base: number, R: number, frame: string, wheel = INK): string {
  const y = base - R,
    w = R * 0.16,
    bb = x + R * 1.45,
    fx = x + R * 3.1,
    sx = x + R * 1.15,
    sy = y - R * 1.25,
    hx = x + R * 2.75,
    hy = y - R * 1.3;
  const wheels = circ(x, y, R * 0.92, "none", stroke(wheel, w)) + circ(fx, y, R * 0.92, "none", stroke(wheel, w));
  const tubes = d(
    "M",
    x,
    y,
    "L",
    bb,
    y,
    "L",
    sx,
    sy,
    "Z M",
    bb,
    y,
    "L",
    hx,
    hy + R * 0.2,
    "L",
    sx,
    sy,
    "M",
    fx,
    y,
    "L",
    hx,
    hy - R * 0.3,
    "l",
    -R * 0.35,
    -R * 0.1,
    "M",
    sx,
    sy,
    "l",
    -R * 0.1,
    -R * 0.35,
  );
  return (
    wheels +
    path(tubes, "none", stroke(frame, w * 0.9)) +
    rect(sx - R * 0.45, sy - R * 0.5, R * 0.7, R * 0.18, wheel, R * 0.08) +
    circ(bb, y, R * 0.16, frame) +
    circ(x, y, R * 0.1, wheel) +
    circ(fx, y, R * 0.1, wheel)
  );
}
function bubble(x: number, y: number, w: number, h: number, fill: string, ink: string, left: boolean): string {
  const tx = x + w * (left ? 0.22 : 0.78),
    dir = left ? -1 : 1;
  let s = rect(x, y, w, h, fill, h * 0.35) + poly([tx - h * 0.18, y + h - 0.2, tx + h * 0.18, y + h - 0.2, tx + dir * h * 0.35, y + h * 1.4], fill);
  for (let i = -1; i <= 1; i++) s += circ(x + w / 2 + i * h * 0.3, y + h / 2, h * 0.09, ink);
  return s;
}
function chair(x: number, base: number, k: number, col: string, face: 1 | -1): string {
  const leg = dark(col, 0.3);
  return (
    rect(x, base - k * 1.6, k * 1.8, k * 0.28, col, k * 0.1) +
    rect(face === 1 ? x - k * 0.1 : x + k * 1.5, base - k * 3.4, k * 0.3, k * 2, col, k * 0.12) +
    line(x + k * 0.2, base - k * 1.4, x + k * 0.2, base, leg, k * 0.18) +
    line(x + k * 1.6, base - k * 1.4, x + k * 1.6, base, leg, k * 0.18)
  );
}
function crate(x: number, y: number, w: number, h: number, fruit: string, r: Rng): string {
  let s = "";
  const fr = h * 0.32,
    n = Math.max(2, Math.floor(w / (fr * 1.8)));
  for (let i = 0; i < n; i++) s += circ(x + (i + 0.5) * (w / n), y - fr * rnd(r, 0.1, 0.5), fr, i % 3 === 1 ? light(fruit, 0.15) : fruit);
  return s + rect(x, y, w, h, "#c59a6a", h * 0.06) + line(x, y + h * 0.5, x + w, y + h * 0.5, "#a37c52", h * 0.08);
}
function note(x: number, y: number, k: number, col: string): string {
  const sx = x + k * 1.15;
  return (
    ellipse(x, y, k * 1.3, k * 0.9, col, { transform: `rotate(-20 ${f(x)} ${f(y)})` }) +
    line(sx, y - k * 0.2, sx, y - k * 6, col, k * 0.35) +
    path(d("M", sx, y - k * 6, "q", k * 1.8, k, k * 1.8, k * 3), "none", stroke(col, k * 0.35))
  );
}

// ---- motifs ----
const MOTIFS: Record<IllustrationMotif, (c: Ctx) => string> = {
  buildings(c) {
    const { W, gy, r } = c;
    let s = backdrop(c, pick(r, SKIES), "#c8c6c0", true);
    const n = int(r, 3, 5),
      hot = int(r, 0, n - 1),
      gap = W * 0.025,
      bw = (W * 0.92 - gap * (n - 1)) / n;
    for (let i = 0; i < n; i++) s += building(c, W * 0.04 + i * (bw + gap), bw, gy * rnd(r, 0.4, 0.72), i === hot ? c.accL : pick(r, FACADES));
    s += rect(0, gy, W, 2.5, "#e2ded6");
    for (const x of spread(int(r, 2, 4), 0, W)) s += tree(c, x + rnd(r, -4, 4), gy + 7, 5.5, pick(r, GREENS));
    return s;
  },
  shopfront(c) {
    const { W, gy, r } = c;
    let s = backdrop(c, pick(r, SKIES), "#bfc2c7", true) + rect(0, gy, W, 6, "#e4e0d8") + rect(0, gy + 6, W, 1, "#9da1a7");
    const n = int(r, 3, 4),
      sw = W / n,
      awn = [c.acc, pick(r, BRIGHT), c.accD, pick(r, BRIGHT)];
    for (let i = 0; i < n; i++) {
      const x = i * sw,
        top = gy * rnd(r, 0.2, 0.38),
        wall = pick(r, FACADES),
        frame = dark(wall, 0.45);
      s += rect(x, top, sw, gy - top, wall) + rect(x, top, sw, 1.5, dark(wall, 0.2));
      s += windows(c, x + 1, top + 3, sw - 2, gy - 30 - top, 3, Math.max(1, Math.floor((gy - 30 - top) / 9)));
      s += rect(x + 2, gy - 27, sw - 4, 4, frame, 0.5) + awning(x + 2, gy - 22, sw - 4, 5, awn[i % 4] ?? c.acc);
      s += rect(x + 3, gy - 14, sw * 0.55, 13, GLASS, 0.4, { stroke: frame, "stroke-width": 0.6 }) + rect(x + sw - 10, gy - 14, 6, 14, dark(wall, 0.5), 0.4);
      if (r() < 0.6) s += rect(x + 4, gy - 4, 3, 3, "#b0704f") + circ(x + 5.5, gy - 5.5, 2.4, pick(r, GREENS));
    }
    return s;
  },
  park(c) {
    c.gy = rnd(c.r, 60, 66);
    const { gy, W, r } = c;
    let s = backdrop(c, pick(r, SKIES), pick(r, GREENS), true) + rect(0, gy - 2, W, 2.5, dark(GREENS[3], 0.05));
    const px = W * rnd(r, 0.35, 0.65),
      pondLeft = px > W / 2;
    for (const x of spread(int(r, 5, 7), 0, W)) s += tree(c, x + rnd(r, -3, 3), gy + 1, rnd(r, 5.5, 8), pick(r, GREENS));
    s += path(
      d(
        "M",
        px - 3,
        gy,
        "C",
        px + 12,
        gy + 10,
        px - W * 0.2,
        H - 14,
        px - W * 0.1,
        H,
        "L",
        px + W * 0.13,
        H,
        "C",
        px,
        H - 14,
        px + 24,
        gy + 10,
        px + 3,
        gy,
        "Z",
      ),
      "#e8dcc0",
    );
    s += ellipse(W * (pondLeft ? 0.24 : 0.76), gy + 17, W * 0.14, 5.5, "#8fc3d9");
    const bx = W * (pondLeft ? rnd(r, 0.66, 0.74) : rnd(r, 0.12, 0.2)),
      lx = px + (pondLeft ? 16 : -16);
    s += bench(bx, gy + 14, 3.4, c.acc);
    for (let i = 0; i < 7; i++) s += circ(bx + i * 2.2 - 1, gy + 16.5 + (i % 2), 1, i % 2 ? c.accL : "#fff3c4");
    s += line(lx, gy + 6, lx, gy - 24, INK, 0.9) + rect(lx - 1.8, gy - 29, 3.6, 5, LIT, 0.9, { stroke: INK, "stroke-width": 0.6 });
    return s + tree(c, W * (pondLeft ? 0.04 : 0.96), H - 2, 9, pick(r, GREENS));
  },
  school(c) {
    const { W, gy, r } = c;
    let s = backdrop(c, pick(r, SKIES), "#cfc6b3", true);
    const bw = W * rnd(r, 0.5, 0.62),
      x = W * (0.5 + rnd(r, -0.1, 0.02)) - bw / 2,
      h = gy * 0.52,
      wall = pick(r, FACADES),
      mx = x + bw / 2,
      top = gy - h;
    s += tree(c, x - 7, gy, 7, pick(r, GREENS)) + tree(c, x + bw + 7, gy, 6.5, pick(r, GREENS)) + building(c, x, bw, h, wall, false);
    s +=
      poly([x + bw * 0.3, top, mx, top - 13, x + bw * 0.7, top], c.acc) +
      circ(mx, top - 5, 3.2, "#fff") +
      path(d("M", mx, top - 7.4, "V", top - 5, "h", 1.6), "none", stroke(INK, 0.5));
    s += rect(mx - 5, gy - 11, 10, 11, dark(wall, 0.35), 5) + rect(mx - 7, gy - 1.5, 14, 1.5, dark(wall, 0.15));
    const fx = x + bw + 12;
    s += line(fx, gy, fx, top - 8, INK, 0.6) + path(d("M", fx, top - 8, "h", 9, "l", -2, 3, "l", 2, 3, "h", -9, "Z"), c.accL);
    for (let xx = 1; xx < W; xx += 3) s += line(xx, gy + 1, xx, gy + 6, "#8d8a83", 0.5);
    s += line(0, gy + 2.5, W, gy + 2.5, "#8d8a83", 0.5);
    const bx = W * rnd(r, 0.66, 0.74);
    for (let i = int(r, 3, 5), by = H - 3, bh = 0, bl = 0, o = 0; i > 0; i--, by -= bh) {
      // a stack of books
      [bh, bl, o] = [rnd(r, 3.6, 4.8), rnd(r, 26, 32), bx + rnd(r, -2, 2)];
      s += rect(o, by - bh, bl, bh, i === 1 ? c.acc : pick(r, BRIGHT), 0.4) + rect(o + bl - 1.2, by - bh + 0.5, 1, bh - 1, WHITE);
    }
    return s;
  },
  bicycle(c) {
    c.gy = rnd(c.r, 58, 63);
    const { gy, W, r } = c;
    let s = backdrop(c, pick(r, SKIES), "#9ea3a9", true);
    for (let x = -4; x < W; x += rnd(r, 22, 30))
      s += r() < 0.45 ? tree(c, x + 6, gy, 6, pick(r, GREENS)) : g(building(c, x, 20, gy * rnd(r, 0.35, 0.6), pick(r, FACADES), false), { opacity: 0.55 });
    s += rect(0, gy - 1, W, 15, "#e1ddd5") + rect(0, gy + 15, W, 14, light(c.acc, 0.62)) + rect(0, gy + 15, W, 0.8, "#fff") + rect(0, gy + 29, W, 0.8, "#fff");
    for (let x = 2; x < W; x += 12) s += rect(x, gy + 35, 6, 0.9, "#fff");
    s += g(bike(W * rnd(r, 0.55, 0.75), gy + 26.5, 3.6, "#fff", "#fff"), { opacity: 0.9 }); // painted cycle-lane marking
    const R = 6,
      x0 = W * rnd(r, 0.04, 0.12),
      base = gy + 11;
    for (let i = int(r, 2, 3) - 1; i >= 0; i--) {
      const x = x0 + i * R * 5.4;
      s += path(d("M", x + R * 0.6, base, "v", -R * 1.3, "a", R * 0.8, R * 0.8, 0, 0, 1, R * 1.6, 0, "v", R * 1.3), "none", stroke("#7b8088", 1.1));
      s += bike(x, base, R, i === 0 ? c.acc : pick(r, BRIGHT));
    }
    return s + tree(c, W * rnd(r, 0.85, 0.95), gy + 8, 7, pick(r, GREENS)) + rect(0, H - 2, W, 2, "#8d9198");
  },
  sport(c) {
    c.gy = rnd(c.r, 58, 63);
    const { gy, W, r } = c;
    let s = backdrop(c, pick(r, SKIES), "#79b06b", true);
    const tiers = int(r, 3, 4),
      top = gy - tiers * 7;
    for (const x of [W * 0.1, W * 0.9])
      s += line(x, top, x, top - 20, "#7b8088", 1.1) + rect(x - 5, top - 28, 10, 8, "#fff", 0.8) + windows(c, x - 5, top - 28, 10, 8, 3, 2, "#fbeeb7"); // floodlights
    s += poly([-1, top - 7, W + 1, top - 7, W + 1, top - 3, -1, top - 1], c.accD);
    for (let i = 0; i < tiers; i++) {
      const y = top + i * 7;
      s += rect(0, y - 1, W, 8, i % 2 ? "#b9bec6" : "#c9ced5");
      for (let x = 1.5; x < W; x += 3) s += rect(x, y + 1.6, 2, 2.8, i % 2 ? c.acc : c.accL, 0.5); // seats
    }
    for (let i = 0; i < 10; i++) s += rect((i * W) / 10, gy, W / 20, 24, "#86bc77");
    s += rect(0, gy, W, 1.4, "#5f6670") + line(0, gy + 4, W, gy + 4, "#fff", 0.6);
    const gx = W * rnd(r, 0.5, 0.68),
      gb = gy + 16,
      net = { opacity: 0.7 };
    for (let i = 1; i < 10; i++) s += line(gx + i * 3.2, gb - 14, gx + i * 3.2, gb, "#fff", 0.25, net);
    for (let i = 1; i < 4; i++) s += line(gx, gb - i * 3.5, gx + 32, gb - i * 3.5, "#fff", 0.25, net);
    s += path(d("M", gx, gb, "V", gb - 14, "H", gx + 32, "V", gb), "none", stroke("#fff", 1.1)) + rect(0, gy + 24, W, H, "#c8674a");
    for (let i = 0; i < 5; i++) s += line(0, gy + 26 + i * 3.6, W, gy + 26 + i * 3.6, "#fff", 0.4);
    const bx = W * rnd(r, 0.2, 0.38),
      by = gy + 16,
      k = 2.2;
    return (
      s +
      ellipse(bx, by + 5.5, 5, 1, "#000", { opacity: 0.15 }) +
      circ(bx, by, 6, "#fff", { stroke: INK, "stroke-width": 0.4 }) +
      poly(
        [0, -1, 0.95, -0.3, 0.6, 0.8, -0.6, 0.8, -0.95, -0.3].map((v, i) => (i % 2 ? by + v * k : bx + v * k)),
        INK,
      )
    );
  },
  culture(c) {
    const { W, gy, r } = c;
    let s = backdrop(c, [dark(c.acc, 0.72), dark(c.acc, 0.45)], "#9b6b43", false) + rect(0, gy, W, 2, "#6e4a2c");
    for (let x = 0; x < W; x += 8) s += line(x, gy + 2, x, H, "#865a36", 0.3);
    for (const x of spread(int(r, 2, 3), W * 0.25, W * 0.75)) {
      // spotlights
      s += poly([x - 2, 0, x + 2, 0, x + 14, gy + 6, x - 14, gy + 6], "#fff8dc", { opacity: 0.12 }) + ellipse(x, gy + 6, 14, 3, "#fff8dc", { opacity: 0.22 });
    }
    s += line(W / 2, gy, W / 2, gy - 22, INK, 0.6) + poly([W / 2 - 6, gy - 22, W / 2 + 6, gy - 22, W / 2 + 5, gy - 30, W / 2 - 5, gy - 30], INK);
    spread(int(r, 3, 4), W * 0.3, W * 0.7).forEach((x, i) => {
      s += note(x + rnd(r, -3, 3), gy * rnd(r, 0.4, 0.62), rnd(r, 1.8, 2.6), i % 2 ? light(c.acc, 0.5) : "#fff3c4");
    });
    const cw = W * rnd(r, 0.18, 0.24);
    let cur = ""; // one curtain: four nested drapes, mirrored for the other side
    for (let k = 0, w = cw; k < 4; k++, w -= cw * 0.2) {
      cur += path(
        d("M", 0, 0, "L", w, 0, "Q", w * 0.55, gy * 0.45, w * 0.6, gy * 0.62, "Q", w * 0.75, gy * 0.8, w * 1.05, gy + 1, "L", 0, gy + 1, "Z"),
        k % 2 ? dark(c.acc, 0.15) : c.acc,
      );
    }
    s += cur + mirror(cur, W) + rect(0, 0, W, 9, c.accD);
    for (let x = 0; x < W + 6; x += 6) s += circ(x, 9, 3, c.accD);
    return s + rect(0, 0, W, 2, "#d9b45a");
  },
  health(c) {
    const { W, gy, r } = c;
    let s = backdrop(c, pick(r, SKIES), "#c9cbc6", true);
    const bw = W * rnd(r, 0.5, 0.6),
      x = W * rnd(r, 0.12, 0.4),
      top = gy * rnd(r, 0.35, 0.45),
      cx = x + bw / 2,
      cy = top - 9,
      k = 3;
    s += tree(c, x - 9, gy, 7, pick(r, GREENS)) + building(c, x, bw, gy - top, "#f4f3ef", false) + rect(x, top + 1.4, bw, 3, c.accL);
    s += rect(x + bw * 0.35, gy - 14, bw * 0.3, 14, GLASS) + line(cx, gy - 14, cx, gy, "#e8eef2", 0.6) + rect(x + bw * 0.3, gy - 17, bw * 0.4, 3, c.accD, 0.5);
    s += line(cx, top, cx, cy + k * 2.6, INK, 0.6) + rect(cx - k * 2.6, cy - k * 2.6, k * 5.2, k * 5.2, "#fff", k, { stroke: c.acc, "stroke-width": 0.6 });
    s += rect(cx - k * 0.6, cy - k * 1.8, k * 1.2, k * 3.6, c.acc) + rect(cx - k * 1.8, cy - k * 0.6, k * 3.6, k * 1.2, c.acc);
    const px = x + bw + 10; // pharmacy sign
    s +=
      line(px, gy, px, gy - 24, INK, 0.7) +
      rect(px - 4, gy - 32, 8, 8, "#4f9a62", 1) +
      rect(px - 0.9, gy - 30.5, 1.8, 5, "#fff") +
      rect(px - 2.5, gy - 28.9, 5, 1.8, "#fff");
    return s + rect(0, gy, W, 2.5, "#e4e2dc") + bench(px + 6, gy + 9, 3.4, WOOD) + tree(c, px + 26, gy, 7, pick(r, GREENS));
  },
  construction(c) {
    const { W, gy, r } = c;
    let s = backdrop(c, pick(r, SKIES), "#c9b38f", true);
    const bx = W * rnd(r, 0.08, 0.2),
      bw = W * 0.38,
      floors = int(r, 4, 6),
      sTop = gy - (floors - 1) * 9;
    for (let i = 0; i < floors; i++) {
      // concrete frame, lower floors walled in
      const y = gy - (i + 1) * 9;
      s += rect(bx, y, bw, 1.4, "#9aa0a6");
      for (const x of spread(4, bx, bx + bw)) s += rect(x - 1, y + 1.4, 2, 7.6, "#b3b8bd");
      if (i < floors - 2) s += rect(bx + 1, y + 1.4, bw - 2, 7.6, "#dcd3c5", 0, { opacity: 0.8 });
    }
    for (let x = bx - 3; x <= bx + bw * 0.7; x += 8) s += line(x, gy, x, sTop, c.accD, 0.5); // scaffolding
    for (let y = gy; y > sTop; y -= 9) s += line(bx - 3, y, bx + bw * 0.7, y, c.accD, 0.6) + line(bx - 3, y, bx + 5, y - 9, c.accD, 0.3);
    const mx = W * rnd(r, 0.66, 0.78),
      top = 14,
      jx = bx + bw * 0.3,
      jy = top + 2,
      ap = mx + 2; // tower crane
    s += line(mx, gy, mx, top, c.acc, 0.7) + line(mx + 4, gy, mx + 4, top, c.acc, 0.7);
    for (let y = gy; y > top + 4; y -= 4) s += line(mx, y, mx + 4, y - 4, c.acc, 0.35);
    s +=
      line(jx, jy, W - 2, jy, c.acc, 0.9) +
      line(jx, jy + 3, mx, jy + 3, c.acc, 0.5) +
      line(ap, top - 8, jx, jy, c.acc, 0.3) +
      line(ap, top - 8, W - 4, jy, c.acc, 0.3);
    for (let x = jx; x < mx; x += 3) s += line(x, jy, x + 1.5, jy + 3, c.acc, 0.3);
    s += poly([mx - 1, top, mx + 5, top, ap, top - 8], c.acc) + rect(mx + 6, jy, 7, 6, "#7b8088") + rect(mx - 3, top + 3, 5, 4, c.accD, 0.4);
    const hx = W * rnd(r, 0.35, 0.55),
      hy = gy * rnd(r, 0.45, 0.6);
    s += rect(hx - 1.5, jy, 3, 1.6, INK) + line(hx, jy, hx, hy, INK, 0.2) + rect(hx - 10, hy, 20, 2, "#c47a44") + rect(0, gy, W, 2, "#b39c78");
    for (let i = int(r, 2, 4), x = W * rnd(r, 0.5, 0.6); i > 0; i--, x += 9) {
      // traffic cones
      s += poly([x - 3, gy + 12, x + 3, gy + 12, x, gy + 3], "#ef8a3c") + rect(x - 1.6, gy + 7, 3.2, 1.5, "#fff") + rect(x - 4, gy + 11.5, 8, 1.2, "#cf6f2a");
    }
    return s + path(d("M", W * 0.02, gy + 20, "q", 14, -14, 28, 0, "Z"), "#d8c39a");
  },
  meeting(c) {
    const { W, gy, r } = c;
    let s = backdrop(c, pick(r, WALLS), "#b79a7a", false) + rect(0, gy - 1.5, W, 1.5, "#f7f4ef");
    const wx = W * rnd(r, 0.05, 0.1),
      sx = W - wx - 36;
    s += rect(wx, 10, 28, 34, "#fff", 0.6) + rect(wx + 1, 11, 26, 32, pick(r, SKIES)[0]) + line(wx + 14, 11, wx + 14, 43, "#fff", 0.8);
    s += rect(sx, 10, 36, 24, "#fff", 0.6, { stroke: "#c5c9cf", "stroke-width": 0.4 }); // chart on the wall
    for (let i = 0; i < 4; i++) {
      const bh = rnd(r, 4, 16);
      s += rect(sx + 5 + i * 7, 30 - bh, 5, bh, i % 2 ? c.accL : c.acc);
    }
    const tw = W * 0.46,
      tx = W / 2 - tw / 2,
      ty = gy - 19,
      leg = dark(WOOD, 0.3);
    for (const x of spread(int(r, 2, 3), tx + 8, tx + tw - 8))
      s += [-3.5, 3.5].map((o) => line(x + o, ty, x + o, gy, dark(c.accD, 0.3), 0.9)).join("") + rect(x - 4.5, ty - 13, 9, 14, c.accD, 2);
    s += rect(tx, ty, tw, 2.6, WOOD, 0.5) + rect(tx + 2, ty + 2.6, tw - 4, 2, dark(WOOD, 0.2));
    s += rect(tx + 2.5, ty + 2.6, 2, gy - ty - 2.6, leg) + rect(tx + tw - 4.5, ty + 2.6, 2, gy - ty - 2.6, leg);
    s += chair(tx - 14, gy, 6, c.acc, 1) + chair(tx + tw + 3.5, gy, 6, c.acc, -1);
    const lx = tx + tw * rnd(r, 0.15, 0.3),
      jx = tx + tw * 0.55;
    s += poly([lx, ty, lx + 12, ty, lx + 13.5, ty - 8.5, lx + 1.5, ty - 8.5], "#5f6670") + rect(lx - 1, ty - 0.8, 14, 0.8, STEEL);
    s +=
      rect(jx, ty - 7, 4, 7, GLASS, 0.8) +
      rect(jx + 4, ty - 5.5, 1.2, 3, "none", 0.6, { stroke: GLASS, "stroke-width": 0.6 }) +
      rect(tx + tw * 0.82, ty - 0.6, 8, 0.6, "#fff");
    for (const x of [tx + tw * 0.68, tx + tw * 0.76]) s += rect(x, ty - 3.5, 2, 3.5, "#dbe9f1", 0.3, { stroke: "#8fb3c9", "stroke-width": 0.3 });
    spread(int(r, 2, 3), W * 0.3, W * 0.7).forEach((x, i) => {
      s += bubble(x - 10 + rnd(r, -3, 3), rnd(r, 6, 20), 20, 10, i % 2 ? "#fff" : c.acc, i % 2 ? c.acc : "#fff", i % 2 === 0);
    });
    return s;
  },
  market(c) {
    const { W, gy, r } = c;
    let s = backdrop(c, pick(r, SKIES), "#d9d2c4", true);
    for (let x = 0; x < W; x += 22) s += g(building(c, x, 20, gy * rnd(r, 0.45, 0.7), pick(r, FACADES), false), { opacity: 0.5 });
    s += path(d("M", 0, 6, "Q", W / 2, 22, W, 6), "none", stroke(INK, 0.3)); // bunting
    for (let x = 3; x < W; x += 7) {
      const y = 6.2 + 32 * (x / W) * (1 - x / W);
      s += poly([x - 2.2, y, x + 2.2, y, x, y + 4], pick(r, [c.acc, ...BRIGHT]));
    }
    const n = int(r, 2, 3),
      sw = W / n;
    for (let i = 0; i < n; i++) {
      const x = i * sw + sw * 0.08,
        w = sw * 0.84,
        top = gy - 36,
        cw = (w - 4) / 3;
      s += line(x + 1, top, x + 1, gy, INK, 0.8) + line(x + w - 1, top, x + w - 1, gy, INK, 0.8) + awning(x, top, w, 6, i % 2 ? pick(r, BRIGHT) : c.acc);
      s += rect(x, gy - 13, w, 13, WOOD) + rect(x, gy - 13, w, 1.5, dark(WOOD, 0.2));
      for (let j = 0; j < 3; j++) s += crate(x + 2.5 + j * cw, gy - 19, cw - 1, 6, pick(r, BRIGHT), r);
    }
    return s + crate(W * rnd(r, 0.1, 0.7), gy + 9, 16, 7, c.accL, r);
  },
  workshop(c) {
    c.gy = rnd(c.r, 66, 70);
    const { gy, W, r } = c;
    let s = backdrop(c, pick(r, WALLS), "#8f9499", false) + rect(0, gy - 1, W, 1, "#c9c3b8");
    const px = W * rnd(r, 0.08, 0.22),
      pw = W * 0.52,
      py = 7;
    s += rect(px, py, pw, 36, "#d8b98e", 0.6);
    for (let x = px + 2; x < px + pw; x += 3) for (let y = py + 2; y < py + 36; y += 3) s += circ(x, y, 0.35, "#b8976c");
    const board = "#d8b98e",
      tools = [
        // hammer, spanner, screwdriver, pliers, saw; x is the tool's axis
        (x: number) => rect(x - 0.8, py + 9, 1.6, 22, WOOD, 0.7) + rect(x - 4.5, py + 5, 9, 4.5, INK, 0.6),
        (x: number) =>
          rect(x - 1, py + 8, 2, 20, STEEL, 1) +
          circ(x, py + 7, 3.2, STEEL) +
          rect(x - 1.2, py + 3, 2.4, 4.2, board) +
          circ(x, py + 29, 2.2, STEEL) +
          circ(x, py + 29, 1, board),
        (x: number) => rect(x - 1.8, py + 5, 3.6, 10, c.accD, 1.4) + rect(x - 0.45, py + 15, 0.9, 14, STEEL),
        (x: number) =>
          [-1, 1]
            .map((k) => line(x - 2.6 * k, py + 29, x + 0.9 * k, py + 13, c.acc, 1.6) + line(x + 0.9 * k, py + 13, x - 0.4 * k, py + 6, STEEL, 1.3))
            .join("") + circ(x, py + 13.5, 1.1, INK),
        (x: number) =>
          poly([x - 2.5, py + 12, x + 2.5, py + 12, x + 1, py + 32, x - 1, py + 32], "#b5bec8") +
          rect(x - 2.8, py + 4, 5.6, 8.5, c.acc, 1.6) +
          rect(x - 1.2, py + 6.5, 2.4, 3.5, board, 0.8),
      ];
    const chosen = tools
      .map((t) => ({ t, k: r() }))
      .sort((a, b) => a.k - b.k)
      .slice(0, int(r, 4, 5));
    spread(chosen.length, px + 2, px + pw - 2).forEach((x, i) => {
      s += chosen[i]?.t(x) ?? "";
    });
    const sx = px + pw + 5,
      sw = W - sx - 5;
    if (sw > 14) {
      // shelf with paint tins
      s += rect(sx, py + 16, sw, 1.4, dark(WOOD, 0.2));
      for (let x = sx + 2; x < sx + sw - 7; x += rnd(r, 8, 11))
        s += rect(x, py + 8, 6, 8, pick(r, [c.acc, ...BRIGHT]), 0.5) + rect(x - 0.3, py + 7.5, 6.6, 1.4, "#6b7079");
    }
    const bt = gy - 8,
      feet = H - 6,
      legs = dark(WOOD, 0.35);
    s +=
      rect(W * 0.08, bt + 3, 3, feet - bt - 3, legs) +
      rect(W * 0.92 - 3, bt + 3, 3, feet - bt - 3, legs) +
      rect(W * 0.08, feet - 8, W * 0.84, 2, dark(WOOD, 0.2));
    for (let i = 0; i < 3; i++) s += rect(W * 0.14 + i * 2, feet - 8 - 2.2 * (i + 1), W * 0.32, 2.2, light(WOOD, 0.15 + i * 0.1), 0.3);
    s += rect(W * 0.05, bt, W * 0.9, 4, WOOD, 0.5) + rect(W * 0.05, bt + 3, W * 0.9, 1, dark(WOOD, 0.15));
    const vx = W * rnd(r, 0.6, 0.72),
      tb = W * rnd(r, 0.12, 0.3); // vice and toolbox
    s +=
      rect(vx, bt - 7, 6, 7, c.accD, 0.6) +
      rect(vx + 6, bt - 6, 6, 5, c.acc, 0.6) +
      rect(vx + 12, bt - 4.5, 7, 1.2, STEEL) +
      line(vx + 19, bt - 7.5, vx + 19, bt - 1.5, INK, 1);
    s +=
      rect(tb, bt - 9, 22, 9, c.acc, 0.8) + rect(tb + 7, bt - 12, 8, 3.4, "none", 1.2, { stroke: INK, "stroke-width": 0.9 }) + rect(tb, bt - 6, 22, 1, c.accD);
    return s + ellipse(W / 2, feet + 0.5, W * 0.46, 1.6, "#000", { opacity: 0.12 });
  },
};

/** A standalone SVG document (no text, fonts, scripts or external references) illustrating `motif`;
 *  `variant` (0-9) deterministically changes layout, counts and shades, odd variants are mirrored. */
export function illustrationSvg(spec: { motif: IllustrationMotif; variant: number; width: number; height: number; accent: string }): string {
  const width = Math.max(16, Math.round(Number(spec.width) || 0)),
    height = Math.max(9, Math.round(Number(spec.height) || 0));
  const v = Number.isFinite(spec.variant) ? Math.abs(Math.trunc(spec.variant)) : 0;
  const motif: IllustrationMotif = ILLUSTRATION_MOTIFS.includes(spec.motif) ? spec.motif : "buildings";
  const r = mulberry32(hash(motif) ^ Math.imul(v + 1, 0x9e3779b1));
  const acc = mix(spec.accent, v % 2 ? "#ffffff" : "#000000", (v % 5) * 0.04);
  const c: Ctx = { W: (width * H) / height, gy: rnd(r, 74, 80), r, acc, accL: light(acc, 0.45), accD: dark(acc, 0.3), id: `pi-${motif}-${v}` };
  const flip = v % 2 === 1 ? `matrix(-1 0 0 1 ${width} 0) ` : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<g transform="${flip}scale(${height / H})">${MOTIFS[motif](c)}</g></svg>`
  );
}
