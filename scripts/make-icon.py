#!/usr/bin/env python3
"""Draws the app icon (assets/app.ico) from code: a blue rounded square with a white tunnel
arch and a green 'connected' dot. Standard library only. Run again after changing the drawing."""
import math
import struct
import sys
import zlib

SIZES = (16, 24, 32, 48, 64, 256)
BLUE, WHITE, GREEN = (0, 94, 184), (255, 255, 255), (46, 160, 67)


def inside_rounded_square(x, y, r=0.2):
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and 0 <= x <= 1 and 0 <= y <= 1


def in_arch(x, y):
    # A tunnel mouth: an annulus' upper half on top of two legs.
    cx, cy, r_out, r_in = 0.5, 0.52, 0.32, 0.19
    if y <= cy:
        d = math.hypot(x - cx, y - cy)
        return r_in <= d <= r_out
    return y <= 0.80 and (cx - r_out <= x <= cx - r_in or cx + r_in <= x <= cx + r_out)


def in_dot(x, y):
    return math.hypot(x - 0.5, y - 0.70) <= 0.09


def colour_at(x, y):
    if not inside_rounded_square(x, y):
        return None
    if in_dot(x, y):
        return GREEN
    if in_arch(x, y):
        return WHITE
    return BLUE


def render(size, ss=4):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc, hits = [0, 0, 0], 0
            for sy in range(ss):
                for sx in range(ss):
                    c = colour_at((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)
                    if c:
                        hits += 1
                        acc = [a + b for a, b in zip(acc, c)]
            if hits:
                row += bytes([acc[0] // hits, acc[1] // hits, acc[2] // hits, 255 * hits // (ss * ss)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return rows


def png(size, rows):
    raw = b"".join(b"\x00" + r for r in rows)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in images:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    return header + entries + blobs


def main(out):
    images = [(s, png(s, render(s))) for s in SIZES]
    with open(out, "wb") as f:
        f.write(ico(images))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "assets/app.ico")
