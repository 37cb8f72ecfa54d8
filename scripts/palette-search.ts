// The search behind the palette of src/model/colours.ts (docs/decisions/0007-palette.md): random restarts and
// hill-climbing in OKLCH over the colours as seen on the page, maximising the least CIEDE2000 between any two
// highlight colours, for normal vision and under simulated protanopia, deuteranopia and tritanopia, subject to
// the contrast rules. Its own fast colour maths (checked against colorjs.io by test/model/colours.test.ts through
// the same figures).
//
//   node --import tsx scripts/palette-search.ts [light|dark] [notes=3] [restarts=60] [seed=1] [hues]
//
// `hues` keeps each member near its name's hue (blue, amber, purple, green; rose, violet, green, …).
import { drawnFor, MACHADO_2009, PAGE_SCHEMES, type RGB } from "../src/model/colours";

type Scheme = keyof typeof PAGE_SCHEMES;
const scheme = (process.argv[2] ?? "light") as Scheme;
const NOTES = Number(process.argv[3] ?? 3);
const RESTARTS = Number(process.argv[4] ?? 60);
let seed = Number(process.argv[5] ?? 1);
const HUES = process.argv.includes("hues");
const PAGE_ARG = process.argv.find((a) => a.startsWith("page"));
const WITH_PAGE = PAGE_ARG !== undefined;
/** `page=15`: each highlight must stand that far from the bare page (scaled into the objective); `page`: 20. */
const PAGE_FLOOR = Number(PAGE_ARG?.split("=")[1] ?? 20);
/** With `hues`, a member must also have some colour (OKLCH chroma), or its hue means nothing. */
const MIN_CHROMA = 0.05;
/** `linechroma=0.1`: the underline must be plainly coloured (a near-black line reads as the page's own underline). */
const LINE_CHROMA = Number(
  process.argv.find((a) => a.startsWith("linechroma="))?.split("=")[1] ?? MIN_CHROMA,
);

const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

// --- colour maths (sRGB gamma-encoded 0..1) ---
const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gam = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const hex = (h: string): RGB => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16) / 255) as RGB;
const lum = (c: RGB) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
const contrast = (a: RGB, b: RGB) => {
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};
function oklchToRgb(L: number, C: number, h: number): RGB | null {
  const a = C * Math.cos((h * Math.PI) / 180);
  const b = C * Math.sin((h * Math.PI) / 180);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
  const g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
  const bl = -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s;
  const out = [r, g, bl];
  if (out.some((v) => v < -1e-6 || v > 1 + 1e-6)) return null;
  return out.map((v) => gam(Math.min(1, Math.max(0, v)))) as RGB;
}
function lab(c: RGB): RGB {
  const [r, g, b] = c.map(lin) as RGB;
  // sRGB → XYZ (D65) → Lab (D65 white, as colorjs.io's "lab-d65"… colorjs's deltaE2000 uses Lab D50; see below)
  const X = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const Y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const Z = 0.0193339 * r + 0.119192 * g + 0.9503041 * b;
  // Bradford D65 → D50, as colorjs.io does before Lab
  const X5 = 1.0479298 * X + 0.0229468 * Y - 0.0501922 * Z;
  const Y5 = 0.0296278 * X + 0.9904344 * Y - 0.0170738 * Z;
  const Z5 = -0.009243 * X + 0.0150552 * Y + 0.7518743 * Z;
  const w = [0.3457 / 0.3585, 1, (1 - 0.3457 - 0.3585) / 0.3585];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(X5 / (w[0] as number)), f(Y5), f(Z5 / (w[2] as number))];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
function de2000([L1, a1, b1]: RGB, [L2, a2, b2]: RGB): number {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cb7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cb7 / (Cb7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const h = (b: number, a: number) => {
    if (a === 0 && b === 0) return 0;
    const x = Math.atan2(b, a) / rad;
    return x < 0 ? x + 360 : x;
  };
  const h1p = h(b1, a1p);
  const h2p = h(b2, a2p);
  const dL = L2 - L1;
  const dC = C2p - C1p;
  let dh = 0;
  if (C1p * C2p !== 0) {
    dh = h2p - h1p;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin((dh / 2) * rad);
  const Lb = (L1 + L2) / 2;
  const Cbp = (C1p + C2p) / 2;
  let hb = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) > 180) hb = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
    else hb = (h1p + h2p) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hb - 30) * rad) +
    0.24 * Math.cos(2 * hb * rad) +
    0.32 * Math.cos((3 * hb + 6) * rad) -
    0.2 * Math.cos((4 * hb - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hb - 275) / 25) ** 2));
  const Cbp7 = Cbp ** 7;
  const RC = 2 * Math.sqrt(Cbp7 / (Cbp7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lb - 50) ** 2) / Math.sqrt(20 + (Lb - 50) ** 2);
  const SC = 1 + 0.045 * Cbp;
  const SH = 1 + 0.015 * Cbp * T;
  const RT = -Math.sin(2 * dTheta * rad) * RC;
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}
const simulate = (c: RGB, m: readonly (readonly number[])[] | null): RGB => {
  if (!m) return c;
  const l = c.map(lin);
  return m.map((row) =>
    gam(
      Math.min(
        1,
        Math.max(
          0,
          (row[0] as number) * (l[0] as number) +
            (row[1] as number) * (l[1] as number) +
            (row[2] as number) * (l[2] as number),
        ),
      ),
    ),
  ) as RGB;
};
const SIMS = Object.entries({ normal: null, ...MACHADO_2009 }) as [
  string,
  readonly (readonly number[])[] | null,
][];

// --- the members and their rules ---
const page = PAGE_SCHEMES[scheme];
const P = hex(page.background);
const T = hex(page.text);
type Member = { id: string; draw: "fill" | "mark" | "line"; hue?: number };
const KINDS: Member[] = [
  { id: "named", draw: "fill", hue: 255 },
  { id: "anonymous", draw: "fill", hue: 70 },
  { id: "secondhand", draw: "fill", hue: 310 },
  { id: "crossref", draw: "line", hue: 160 },
];
const NOTE_HUES = [0, 300, 140, 100, 220];
const NOTE_IDS = ["rose", "violet", "green", "n4", "n5"];
const members: Member[] = [
  ...KINDS,
  ...Array.from({ length: NOTES }, (_, i) => ({
    id: NOTE_IDS[i] as string,
    draw: "mark" as const,
    hue: NOTE_HUES[i],
  })),
];

/** The page's text as seen on a member drawn with seen colour `s` (marks blend over the text too). */
function textOn(m: Member, s: RGB): RGB {
  if (m.draw !== "mark") return T;
  if (scheme === "light") return T.map((t, i) => t * (s[i] as number)) as RGB; // multiply: T·S
  // screen over a dark page: S = P + aC(1−P), so aC = (S−P)/(1−P) and the text T + aC(1−T)
  return T.map(
    (t, i) => t + (((s[i] as number) - (P[i] as number)) / (1 - (P[i] as number))) * (1 - t),
  ) as RGB;
}
function allowed(m: Member, s: RGB): boolean {
  if (m.draw === "line") return contrast(s, P) >= 3;
  if (m.draw === "mark" && scheme === "dark" && s.some((v, i) => v < (P[i] as number))) return false; // screen only lightens
  return contrast(textOn(m, s), s) >= 4.5;
}

type Point = [number, number, number]; // OKLCH
const rgbOf = (p: Point) => oklchToRgb(p[0], p[1], p[2]);

function randomPoint(m: Member): Point {
  for (;;) {
    const hue = HUES && m.hue !== undefined ? m.hue + (rand() - 0.5) * 60 : rand() * 360;
    const p: Point = [rand(), rand() * 0.37, (hue + 360) % 360];
    const s = rgbOf(p);
    if (s && allowed(m, s) && hueOk(m, p)) return p;
  }
}
const hueOk = (m: Member, p: Point) => {
  if (!HUES || m.hue === undefined) return true;
  const d = Math.abs(((p[2] - m.hue + 540) % 360) - 180);
  return d <= 30 && p[1] >= (m.draw === "line" ? LINE_CHROMA : MIN_CHROMA);
};

function score(rgbs: RGB[]): { min: number; pair: string; sim: string; perSim: Record<string, number> } {
  let best = { min: Number.POSITIVE_INFINITY, pair: "", sim: "" };
  const perSim: Record<string, number> = {};
  const set = WITH_PAGE ? [...rgbs, P] : rgbs;
  const names = WITH_PAGE ? [...members.map((m) => m.id), "page"] : members.map((m) => m.id);
  for (const [sim, mat] of SIMS) {
    const labs = set.map((c) => lab(simulate(c, mat)));
    let simMin = Number.POSITIVE_INFINITY;
    for (let i = 0; i < labs.length; i++)
      for (let j = i + 1; j < labs.length; j++) {
        const raw = de2000(labs[i] as RGB, labs[j] as RGB);
        const d = WITH_PAGE && j === labs.length - 1 ? (raw * 20) / PAGE_FLOOR : raw;
        if (d < simMin) simMin = d;
        if (d < best.min) best = { min: d, pair: `${names[i]}/${names[j]}`, sim };
      }
    perSim[sim] = simMin;
  }
  return { ...best, perSim };
}

function climb(start?: Point[], step0 = 0.08, steps = 2500): { points: Point[]; value: number } {
  let points = start ?? members.map(randomPoint);
  let value = score(points.map((p) => rgbOf(p) as RGB)).min;
  let step = step0;
  for (let it = 0; it < steps; it++) {
    const i = Math.floor(rand() * members.length);
    const m = members[i] as Member;
    const p = points[i] as Point;
    const q: Point = [
      p[0] + (rand() - 0.5) * step,
      Math.max(0, p[1] + (rand() - 0.5) * step),
      (p[2] + (rand() - 0.5) * step * 600 + 360) % 360,
    ];
    const s = rgbOf(q);
    if (!s || !allowed(m, s) || !hueOk(m, q)) continue;
    const next = points.slice();
    next[i] = q;
    const v = score(next.map((x) => rgbOf(x) as RGB)).min;
    if (v >= value) {
      points = next;
      value = v;
    }
    if (it % Math.round(steps / 5) === Math.round(steps / 5) - 1) step *= 0.6;
  }
  return { points, value };
}

/** The CSS colour to draw so that it shows as `s` on the page: the most translucent one (see drawnFor). */
const drawn = (m: Member, c: RGB) => drawnFor(m.draw, c, P);
const toHex = (c: RGB) =>
  `#${c
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
let best = { points: [] as Point[], value: -1 };
const t0 = Date.now();
for (let r = 0; r < RESTARTS; r++) {
  const res = climb();
  if (res.value > best.value) best = res;
}
// Polish the best: a longer climb from it with small steps.
for (let k = 0; k < 4; k++) {
  const res = climb(best.points, 0.02, 5000);
  if (res.value > best.value) best = res;
}
const rgbs = best.points.map((p) => rgbOf(p) as RGB);
const s = score(rgbs);
console.log(
  JSON.stringify(
    {
      scheme,
      notes: NOTES,
      restarts: RESTARTS,
      hues: HUES,
      page: WITH_PAGE ? PAGE_FLOOR : false,
      fromPage: WITH_PAGE
        ? Object.fromEntries(
            SIMS.map(([sim, mat]) => [
              sim,
              Number(
                Math.min(...rgbs.map((c) => de2000(lab(simulate(c, mat)), lab(simulate(P, mat))))).toFixed(2),
              ),
            ]),
          )
        : undefined,
      seconds: (Date.now() - t0) / 1000,
      minDeltaE: Number(s.min.toFixed(2)),
      worst: `${s.pair} (${s.sim})`,
      perSim: Object.fromEntries(Object.entries(s.perSim).map(([k, v]) => [k, Number(v.toFixed(2))])),
      seen: Object.fromEntries(
        members.map((m, i) => {
          const c = rgbs[i] as RGB;
          const ct = m.draw === "line" ? contrast(c, P) : contrast(textOn(m, c), c);
          return [
            m.id,
            `${drawn(m, c)} = ${toHex(c)} ${m.draw} contrast ${ct.toFixed(2)} oklch(${best.points[i]?.map((v) => v.toFixed(3)).join(" ")})`,
          ];
        }),
      ),
    },
    null,
    1,
  ),
);
