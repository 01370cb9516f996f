// Real images for the simulators: a fast PNG encoder (node:zlib) drawing a pattern derived from a
// text (prompt + seed), and a reader of PNG / JPEG / WebP headers for the sizes of uploaded images.
import { createHash } from 'node:crypto';
import { constants, crc32, deflateSync } from 'node:zlib';

const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

/** HSL (0–1 each) → [r, g, b] 0–255. */
function hsl(h, s, l) {
  const f = (n) => {
    const k = (n + h * 12) % 12;
    return Math.round(255 * (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A `width`×`height` RGB PNG: a diagonal gradient between two colours with soft rings around a
 * point, all chosen from the hash of `text`, so different prompts (or seeds) look different; black for `null`.
 * About 30–50 ms for 1 MP: the rings come from a 256-entry table, the rest is additions.
 */
export function encodePng(width, height, text = '') {
  if (text === null) return pngOf(width, height, Buffer.alloc((width * 3 + 1) * height)); // all black (filter 0)
  const hash = createHash('sha256').update(text).digest();
  const hue = hash[0] / 256;
  const a = hsl(hue, 0.65, 0.55);
  const b = hsl((hue + 0.25 + (hash[1] / 256) * 0.4) % 1, 0.7, 0.35);
  const c = hsl((hue + 0.5) % 1, 0.8, 0.75);
  const cx = (hash[2] / 256) * width;
  const cy = (hash[3] / 256) * height;
  const freq = (0.02 + (hash[4] / 256) * 0.06) * (1024 / Math.max(width, height));
  const angle = (hash[5] / 256) * Math.PI;
  const ax = (2 * Math.cos(angle)) / (width + height);
  const ay = (2 * Math.sin(angle)) / (width + height);

  // Ring strength by quantised distance: 0–96 (of 256) mixed towards colour c.
  const ring = new Uint8Array(256);
  for (let i = 0; i < 256; i++) ring[i] = Math.round(48 + 48 * Math.sin((i / 256) * Math.PI * 2));
  const dx2 = new Float64Array(width);
  for (let x = 0; x < width; x++) dx2[x] = (x - cx) ** 2;
  const gx = new Float64Array(width);
  for (let x = 0; x < width; x++) gx[x] = (x - width / 2) * ax;

  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  const phase = (hash[6] / 256) * 256;
  for (let y = 0; y < height; y++) {
    const dy2 = (y - cy) ** 2;
    const gy = 0.5 + (y - height / 2) * ay;
    let o = y * stride;
    raw[o++] = 1; // filter "Sub": each byte minus the one to its left; gradients compress well
    let r0 = 0;
    let g0 = 0;
    let b0 = 0;
    for (let x = 0; x < width; x++) {
      let t = gx[x] + gy;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const m = ring[(Math.sqrt(dx2[x] + dy2) * freq * 40 + phase) & 255];
      const u = 256 - m;
      const r = ((a[0] + (b[0] - a[0]) * t) * u + c[0] * m) >> 8;
      const g = ((a[1] + (b[1] - a[1]) * t) * u + c[1] * m) >> 8;
      const bl = ((a[2] + (b[2] - a[2]) * t) * u + c[2] * m) >> 8;
      raw[o++] = r - r0;
      raw[o++] = g - g0;
      raw[o++] = bl - b0;
      r0 = r;
      g0 = g;
      b0 = bl;
    }
  }

  return pngOf(width, height, raw);
}

/** The PNG file of `raw` RGB rows (each behind its filter byte). */
function pngOf(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1, strategy: constants.Z_RLE })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The image of a generation: `width`×`height`, its pattern drawn from the prompt and the seed, so the same request
 * gives the same image and another seed another one; all black with `black` (what a safety checker sends instead).
 */
export const drawImage = ({ width, height, prompt, seed, black }) =>
  encodePng(width, height, black ? null : `${prompt}\n${seed}`);

/** A size shrunk to at most `pixels` pixels, keeping its shape (sides rounded down, at least 1); as is if smaller. */
export function fitWithin({ width, height }, pixels) {
  if (width * height <= pixels) return { width, height };
  const scale = Math.sqrt(pixels / (width * height));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** `{ width, height, type }` of a base64 image (raw, or a data: URL); undefined when it is not a PNG/JPEG/WebP. */
export function readBase64ImageSize(value) {
  if (typeof value !== 'string' || !value) return undefined;
  const data = value.startsWith('data:') ? value.slice(value.indexOf(',') + 1) : value;
  return readImageSize(Buffer.from(data, 'base64'));
}

/** `{ width, height, type }` of a PNG, JPEG or WebP from its first bytes; undefined otherwise. */
export function readImageSize(buf) {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47 && buf.toString('latin1', 12, 16) === 'IHDR') {
    return { type: 'png', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2;
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) return undefined;
      const marker = buf[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpeg', height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
      }
      i += 2 + buf.readUInt16BE(i + 2);
    }
    return undefined;
  }
  if (buf.length >= 30 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') {
    const kind = buf.toString('latin1', 12, 16);
    if (kind === 'VP8 ')
      return { type: 'webp', width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
    if (kind === 'VP8L') {
      const bits = buf.readUInt32LE(21);
      return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (kind === 'VP8X') return { type: 'webp', width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}

/**
 * Whether a PNG has an alpha channel: colour type 4 (grey and alpha) or 6 (RGB and alpha) in its IHDR, or a `tRNS`
 * chunk (transparency for a palette, grey or RGB image) before its image data (the PNG specification, 11.2.2 and
 * 11.3.2.1). False for anything that is not a PNG.
 */
export function pngHasAlpha(buf) {
  if (readImageSize(buf)?.type !== 'png' || buf.length < 26) return false;
  if (buf[25] === 4 || buf[25] === 6) return true;
  for (let at = 8; at + 8 <= buf.length; at += 12 + buf.readUInt32BE(at)) {
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'tRNS') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
  }
  return false;
}
