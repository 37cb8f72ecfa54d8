// Draws the extension's icon (a speech bubble with a quotation mark on blue) as PNGs at every size the stores need.
// Run once: node scripts/make-icons.mjs — the PNGs are committed under assets/icons/.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** Coverage of the shape at a point in a 1×1 square: 0 transparent, 1 background, 2 glyph. */
function shape(x, y) {
  const r = 0.2;
  const dx = Math.max(0, Math.abs(x - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(y - 0.5) - (0.5 - r));
  if (dx * dx + dy * dy > r * r) return 0;
  // Two quotation marks: a disc with a tail each.
  for (const cx of [0.36, 0.64]) {
    const cy = 0.44;
    if ((x - cx) ** 2 + (y - cy) ** 2 < 0.1 ** 2) return 2;
    if (y > cy && y < cy + 0.2 && x > cx - 0.02 + (y - cy) * -0.35 && x < cx + 0.09 + (y - cy) * -0.35)
      return 2;
  }
  return 1;
}

function png(size) {
  const ss = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let i = 0; i < ss; i++)
        for (let j = 0; j < ss; j++) {
          const s = shape((px + (i + 0.5) / ss) / size, (py + (j + 0.5) / ss) / size);
          if (s === 1) bg++;
          if (s === 2) fg++;
        }
      const n = ss * ss;
      const a = (bg + fg) / n;
      const t = bg + fg ? fg / (bg + fg) : 0;
      const mix = (c0, c1) => Math.round(c0 * (1 - t) + c1 * t);
      row.set([mix(11, 255), mix(87, 255), mix(208, 255), Math.round(a * 255)], 1 + px * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 96, 128]) writeFileSync(`assets/icons/icon-${size}.png`, png(size));
