// Draws the extension's icon (images/icon.png, 128 x 128) with nothing but Node's zlib: a
// rounded teal tile with four group bars against a dashed reference line, one bar short
// of it in amber (an under-represented group). Rerun after changing a colour or a bar:
//   node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersampling per axis, for smooth edges
const TEAL = [15, 92, 110];
const WHITE = [240, 248, 250];
const AMBER = [245, 166, 35];
const LINE = [190, 225, 232];

/** The colour at a point of the 128-unit canvas, or undefined (transparent). */
function paint(x, y) {
  const r = 22; // corner radius of the tile
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return undefined;
  const base = 104; // the bars stand on this line
  const bars = [[24, 62], [46, 70], [68, 34], [90, 58]]; // [left, height]
  for (const [i, [left, height]] of bars.entries()) {
    if (x >= left && x < left + 16 && y <= base && y > base - height) return i === 2 ? AMBER : WHITE;
  }
  // The reference share: a dashed line across, above the short bar.
  if (y >= 47 && y < 51 && x >= 18 && x < 110 && Math.floor((x - 18) / 8) % 2 === 0) return LINE;
  if (y >= base && y < base + 4 && x >= 18 && x < 110) return WHITE;
  return TEAL;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const colour = paint(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!colour) continue;
        for (let c = 0; c < 3; c++) sum[c] += colour[c];
        sum[3] += 1;
      }
    }
    const at = (py * SIZE + px) * 4;
    const covered = sum[3];
    for (let c = 0; c < 3; c++) rgba[at + c] = covered ? Math.round(sum[c] / covered) : 0;
    rgba[at + 3] = Math.round((255 * covered) / (SS * SS));
  }
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${SIZE} x ${SIZE}, ${png.length} bytes`);
