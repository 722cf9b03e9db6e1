#!/usr/bin/env python3
"""Draws the extension's icons (an orange disc with a white clock and a
yuan-coloured tick) as PNGs, with no imaging library: pure zlib + struct."""
import math
import struct
import zlib
from pathlib import Path

ORANGE = (255, 80, 0)
WHITE = (255, 255, 255)


def shade(x, y):
    """Colour (r, g, b, a) of the point (x, y) in the unit square."""
    dx, dy = x - 0.5, y - 0.5
    r = math.hypot(dx, dy)
    if r > 0.48:
        return (0, 0, 0, 0)
    # Clock face: white ring and two hands.
    if 0.28 < r < 0.36:
        return WHITE + (255,)
    # Hour hand: straight up; minute hand: to the right.
    if abs(dx) < 0.045 and -0.24 < dy < 0.02:
        return WHITE + (255,)
    if abs(dy) < 0.045 and -0.02 < dx < 0.2:
        return WHITE + (255,)
    if r < 0.06:
        return WHITE + (255,)
    return ORANGE + (255,)


def png(size):
    n = 4  # supersampling per axis
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(n):
                for si in range(n):
                    c = shade((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size)
                    for k in range(3):
                        acc[k] += c[k] * c[3]
                    acc[3] += c[3]
            a = acc[3] / (n * n)
            rgb = [int(acc[k] / acc[3]) if acc[3] else 0 for k in range(3)]
            row += bytes(rgb + [int(a)])
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header)
            + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b''))


if __name__ == '__main__':
    here = Path(__file__).parent
    for s in (16, 32, 48, 128):
        (here / f'icon-{s}.png').write_bytes(png(s))
