"""Generate the sample class bundled with slc: ``data/sample-class/``.

Run ``python scripts/make_sample_class.py``. The output is deterministic (every image draws from
its own seeded random generator) and the script is idempotent: it rewrites ``class.json``,
``prompts.json``, ``README.md`` and the whole ``portfolios/`` folder, and never touches
``results/``. Every image is drawn with Pillow alone so it looks like real student work -- crayon
drawings, worksheets, charts, "photos" of models -- with bold shapes that still read when shrunk to
a small terminal preview.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
import shutil
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
CLASS_DIR = DATA_DIR / "sample-class"

Color = tuple[int, int, int]
Point = tuple[float, float]
Rng = random.Random
Draw = ImageDraw.ImageDraw

BICUBIC = Image.Resampling.BICUBIC
NEAREST = Image.Resampling.NEAREST

INK: Color = (35, 35, 45)
PENCIL: Color = (88, 88, 96)
RED_PEN: Color = (205, 30, 35)
GOLD: Color = (250, 196, 30)
WHITE: Color = (255, 255, 255)


# --------------------------------------------------------------------------------------------
# Drawing primitives
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled scalable font at ``size`` pixels."""
    return ImageFont.load_default(size=size)


def _clamp(value: float) -> int:
    return max(0, min(255, round(value)))


def shade(color: Color, rng: Rng, spread: float = 10.0) -> Color:
    """``color`` made a little lighter or darker at random, like uneven crayon pressure."""
    delta = rng.uniform(-spread, spread)
    return (_clamp(color[0] + delta), _clamp(color[1] + delta), _clamp(color[2] + delta))


def mix(a: Color, b: Color, t: float) -> Color:
    """Linear blend from ``a`` (t=0) to ``b`` (t=1)."""
    return (
        _clamp(a[0] + (b[0] - a[0]) * t),
        _clamp(a[1] + (b[1] - a[1]) * t),
        _clamp(a[2] + (b[2] - a[2]) * t),
    )


def rgba(color: Color, alpha: int) -> tuple[int, int, int, int]:
    return (color[0], color[1], color[2], alpha)


def noise(size: tuple[int, int], rng: Rng, amp: int, scale: int = 1) -> Image.Image:
    """Grey noise centred on 128 (+/- ``amp``), ``scale`` pixels per random sample."""
    width, height = size
    sw, sh = max(2, width // scale), max(2, height // scale)
    small = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh))
    small = small.point(lambda v: 128 + (v - 128) * amp // 128)
    return small if (sw, sh) == size else small.resize(size, BICUBIC)


def add_noise(img: Image.Image, rng: Rng, amp: int, scale: int = 1) -> Image.Image:
    grain = noise(img.size, rng, amp, scale)
    return ImageChops.add(img, Image.merge("RGB", (grain, grain, grain)), 1.0, -128)


def paper(
    size: tuple[int, int], rng: Rng, base: Color = (251, 250, 245), grain: int = 3
) -> Image.Image:
    """A sheet of paper: flat colour, a soft uneven tone and a few specks.

    The texture is deliberately coarse: pixel-fine grain would triple the PNG sizes.
    """
    img = add_noise(Image.new("RGB", size, base), rng, grain, 20)
    img = add_noise(img, rng, 5, 60)
    d = ImageDraw.Draw(img)
    width, height = size
    for _ in range(width * height * 15 // 10000):
        speck = mix(base, INK, rng.uniform(0.05, 0.15))
        d.point((rng.uniform(0, width), rng.uniform(0, height)), fill=speck)
    return img


def gradient(
    size: tuple[int, int], top: Color, bottom: Color, horizontal: bool = False
) -> Image.Image:
    """A two-colour gradient (top to bottom, or left to right when ``horizontal``)."""
    ramp = Image.linear_gradient("L")
    if horizontal:
        ramp = ramp.rotate(90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ramp = ramp.resize(size, BICUBIC)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), ramp)


def poly_mask(size: tuple[int, int], pts: Sequence[Point]) -> Image.Image:
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).polygon(list(pts), fill=255)
    return mask


def oval(
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    rot: float = 0.0,
    n: int = 48,
    a0: float = 0.0,
    a1: float = 360.0,
) -> list[Point]:
    """Points on an (optionally rotated, optionally partial) ellipse."""
    r = math.radians(rot)
    full = abs(a1 - a0) >= 360
    count = n if full else n + 1
    pts = []
    for i in range(count):
        t = math.radians(a0 + (a1 - a0) * i / n)
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * math.cos(r) - y * math.sin(r), cy + x * math.sin(r) + y * math.cos(r)))
    return pts


def blob(cx: float, cy: float, r: float, rng: Rng, n: int = 60, amp: float = 0.18) -> list[Point]:
    """A lumpy closed shape around (cx, cy): hills, lakes, clouds."""
    waves = [(k, rng.uniform(0, math.tau), amp * rng.uniform(0.4, 1.0) / k) for k in (2, 3, 5)]
    pts = []
    for i in range(n):
        t = math.tau * i / n
        rr = r * (1 + sum(a * math.sin(k * t + ph) for k, ph, a in waves))
        pts.append((cx + rr * math.cos(t), cy + rr * math.sin(t)))
    return pts


def star_pts(cx: float, cy: float, r_out: float, r_in: float, n: int = 5) -> list[Point]:
    pts = []
    for i in range(n * 2):
        r = r_out if i % 2 == 0 else r_in
        t = math.radians(-90 + 180 * i / n)
        pts.append((cx + r * math.cos(t), cy + r * math.sin(t)))
    return pts


def transform(
    pts: Sequence[Point], cx: float, cy: float, scale: float, rot: float = 0.0
) -> list[Point]:
    """Scale, rotate (degrees) and move unit-shape points."""
    r = math.radians(rot)
    c, s = math.cos(r), math.sin(r)
    return [(cx + scale * (x * c - y * s), cy + scale * (x * s + y * c)) for x, y in pts]


def wobble(pts: Sequence[Point], rng: Rng, step: float = 12.0, amp: float = 2.0) -> list[Point]:
    """Subdivide a polyline and let it drift sideways a little, like a hand-drawn line."""
    out: list[Point] = []
    drift = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg == 0:
            continue
        nx, ny = -(y1 - y0) / seg, (x1 - x0) / seg
        count = max(1, int(seg / step))
        for i in range(count):
            t = i / count
            drift = max(-amp, min(amp, drift + rng.uniform(-amp / 2, amp / 2)))
            out.append((x0 + (x1 - x0) * t + nx * drift, y0 + (y1 - y0) * t + ny * drift))
    out.append(pts[-1])
    return out


def crayon(
    d: Draw,
    pts: Sequence[Point],
    color: Color,
    width: float,
    rng: Rng,
    passes: int = 3,
    closed: bool = False,
    alpha: int = 215,
) -> None:
    """A thick, slightly wobbly line drawn in several overlapping passes."""
    path = [*pts, pts[0]] if closed else list(pts)
    for _ in range(passes):
        line = wobble(path, rng, step=max(6.0, width * 2), amp=width * 0.25 + 0.8)
        w = max(1, round(width * rng.uniform(0.6, 0.95)))
        d.line(line, fill=rgba(shade(color, rng, 12), alpha), width=w, joint="curve")


def pen(
    d: Draw, pts: Sequence[Point], color: Color, width: float, rng: Rng, closed: bool = False
) -> None:
    """A single confident marker or pen line."""
    crayon(d, pts, color, width, rng, passes=1, closed=closed, alpha=255)


def crayon_fill(
    img: Image.Image,
    mask: Image.Image,
    color: Color,
    rng: Rng,
    spacing: float = 6.0,
    width: int = 7,
    angle: float = -28.0,
    alpha: int = 225,
) -> None:
    """Fill the white part of ``mask`` with back-and-forth crayon strokes."""
    box = mask.getbbox()
    if box is None:
        return
    left, top, right, bottom = box
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    ld = ImageDraw.Draw(layer)
    span = right - left + 10
    slope = math.tan(math.radians(angle))
    y = top - abs(slope) * span - width
    while y < bottom + abs(slope) * span + width:
        y0 = y + rng.uniform(-1.5, 1.5)
        y1 = y0 + slope * span + rng.uniform(-3, 3)
        line = wobble([(left - 5, y0), (right + 5, y1)], rng, step=18, amp=1.5)
        ld.line(line, fill=rgba(shade(color, rng, 14), alpha), width=width)
        y += spacing * rng.uniform(0.8, 1.2)
    layer_alpha = ImageChops.multiply(layer.getchannel("A"), mask)
    img.paste(layer.convert("RGB"), (0, 0), layer_alpha)


def crayon_shape(
    img: Image.Image,
    d: Draw,
    pts: Sequence[Point],
    fill: Color,
    outline: Color | None,
    rng: Rng,
    width: float = 5,
    spacing: float = 6.0,
) -> None:
    """A crayon-coloured polygon with a crayon outline."""
    crayon_fill(img, poly_mask(img.size, pts), fill, rng, spacing=spacing)
    if outline is not None:
        crayon(d, pts, outline, width, rng, passes=2, closed=True)


def scrawl(
    img: Image.Image,
    xy: Point,
    text: str,
    size: int,
    color: Color,
    rng: Rng,
    tilt: float = 7.0,
    bounce: float | None = None,
    weight: int | None = None,
) -> float:
    """Handwriting: each letter a little rotated, resized and lifted. Returns the end x."""
    x, y = xy
    bounce = size * 0.08 if bounce is None else bounce
    weight = max(1, size // 24) if weight is None else weight
    for ch in text:
        if ch == " ":
            x += size * 0.32 * rng.uniform(0.9, 1.3)
            continue
        scale = rng.uniform(0.9, 1.1)
        f = font(max(6, round(size * scale)))
        pad = size // 2
        tile = Image.new("L", (round(size * 1.6) + pad, round(size * 1.6) + pad), 0)
        ImageDraw.Draw(tile).text((pad // 2, pad // 2), ch, font=f, fill=255, stroke_width=weight)
        tile = tile.rotate(rng.uniform(-tilt, tilt), resample=BICUBIC, center=(pad, pad + size))
        px, py = round(x - pad // 2), round(y - pad // 2 + rng.uniform(-bounce, bounce))
        img.paste(color, (px, py, px + tile.width, py + tile.height), tile)
        x += f.getlength(ch) + size * 0.06
    return x


def scrawl_lines(
    img: Image.Image,
    xy: Point,
    lines: Sequence[str],
    size: int,
    color: Color,
    rng: Rng,
    leading: float,
    tilt: float = 6.0,
) -> None:
    x, y = xy
    for i, line in enumerate(lines):
        scrawl(img, (x + rng.uniform(-3, 3), y + i * leading), line, size, color, rng, tilt=tilt)


def wrap(text: str, size: int, width: float) -> list[str]:
    """Break ``text`` into lines that fit ``width`` pixels in the default font at ``size``."""
    f = font(size)
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if f.getlength(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def typeset(
    d: Draw,
    xy: Point,
    text: str,
    size: int,
    width: float,
    fill: Color = INK,
    leading: float = 1.45,
    bold: bool = False,
) -> float:
    """Printed text wrapped to ``width``. Returns the y below the last line."""
    x, y = xy
    for line in wrap(text, size, width):
        d.text((x, y), line, font=font(size), fill=fill, stroke_width=1 if bold else 0)
        y += size * leading
    return y


def label(
    d: Draw, xy: Point, text: str, size: int, fill: Color = INK, bold: bool = False, **kw: Any
) -> None:
    d.text(xy, text, font=font(size), fill=fill, stroke_width=1 if bold else 0, **kw)


def tick(d: Draw, x: float, y: float, s: float, rng: Rng, color: Color = RED_PEN) -> None:
    """A teacher's check mark whose bottom point is near (x, y)."""
    pen(d, [(x - s * 0.4, y - s * 0.4), (x, y), (x + s * 0.7, y - s)], color, max(3, s / 7), rng)


def gold_star(d: Draw, cx: float, cy: float, r: float) -> None:
    d.polygon(star_pts(cx + 3, cy + 4, r, r * 0.45), fill=(170, 140, 60))
    d.polygon(star_pts(cx, cy, r, r * 0.45), fill=GOLD, outline=(205, 140, 0), width=3)
    d.polygon(star_pts(cx - r * 0.12, cy - r * 0.12, r * 0.45, r * 0.2), fill=(255, 232, 120))


def arrow(d: Draw, pts: Sequence[Point], color: Color, width: float, rng: Rng, head: float) -> None:
    crayon(d, pts, color, width, rng, passes=2)
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    a = math.atan2(y1 - y0, x1 - x0)
    left = (x1 - head * math.cos(a - 0.45), y1 - head * math.sin(a - 0.45))
    right = (x1 - head * math.cos(a + 0.45), y1 - head * math.sin(a + 0.45))
    d.polygon([(x1 + math.cos(a) * 4, y1 + math.sin(a) * 4), left, right], fill=color)


def soft_shadow(img: Image.Image, pts: Sequence[Point], blur: float, strength: int = 120) -> None:
    """Darken under an object: a blurred polygon multiplied into the image."""
    mask = poly_mask(img.size, pts).filter(ImageFilter.GaussianBlur(blur))
    mask = mask.point(lambda v: v * strength // 255)
    img.paste((20, 16, 12), (0, 0, *img.size), mask)


def paste_gradient(
    img: Image.Image, pts: Sequence[Point], a: Color, b: Color, horizontal: bool = True
) -> None:
    """Fill a polygon with a gradient -- light on one side, shadow on the other."""
    img.paste(gradient(img.size, a, b, horizontal), (0, 0), poly_mask(img.size, pts))


def sphere(
    img: Image.Image,
    box: tuple[float, float, float, float],
    light: Color,
    dark: Color,
    hx: float = 0.35,
    hy: float = 0.3,
) -> None:
    """Paint an ellipse lit from the upper left (highlight at ``hx``, ``hy`` of the box)."""
    x0, y0, x1, y1 = (round(v) for v in box)
    bw, bh = x1 - x0, y1 - y0
    ramp = Image.radial_gradient("L").resize((bw * 2, bh * 2), BICUBIC)
    left, top = round(bw - hx * bw), round(bh - hy * bh)
    ramp = ramp.crop((left, top, left + bw, top + bh)).point(lambda v: min(255, v * 3 // 2))
    shaded = Image.composite(
        Image.new("RGB", (bw, bh), dark), Image.new("RGB", (bw, bh), light), ramp
    )
    mask = Image.new("L", (bw, bh), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, bw - 1, bh - 1), fill=255)
    img.paste(shaded, (x0, y0), mask)


def finish_photo(
    img: Image.Image, rng: Rng, blur: float = 0.9, grain: int = 9, vignette: float = 0.3
) -> Image.Image:
    """Make a drawing look photographed: soft focus, darker corners, sensor grain."""
    img = img.filter(ImageFilter.GaussianBlur(blur))
    vig = Image.radial_gradient("L").resize(img.size, BICUBIC)
    vig = vig.point(lambda v: _clamp(255 - vignette * max(0, v - 60) * 1.3))
    img = ImageChops.multiply(img, Image.merge("RGB", (vig, vig, vig)))
    return add_noise(img, rng, grain, 1)


def wall_and_table(
    size: tuple[int, int],
    rng: Rng,
    horizon: float,
    wall: tuple[Color, Color],
    wood: Color,
) -> Image.Image:
    """A classroom photo backdrop: painted wall above, wood-grain table below ``horizon``."""
    w, h = size
    img = gradient(size, wall[0], wall[1], horizontal=True)
    img.paste(
        gradient((w, h - round(horizon)), mix(wood, WHITE, 0.12), mix(wood, INK, 0.25)),
        (0, round(horizon)),
    )
    d = ImageDraw.Draw(img, "RGBA")
    y = horizon + 6
    gap = 5.0
    while y < h:
        d.line(
            wobble([(-10, y), (w + 10, y + rng.uniform(-6, 6))], rng, 40, 3),
            fill=rgba(mix(wood, INK, 0.35), 70),
            width=max(1, round(gap / 4)),
        )
        y += gap * rng.uniform(0.7, 1.4)
        gap *= 1.07
    d.line([(0, horizon), (w, horizon)], fill=rgba(mix(wood, WHITE, 0.45), 200), width=3)
    return add_noise(img, rng, 6, 3)


def primary_lines(d: Draw, x0: float, x1: float, y: float, gap: float) -> None:
    """Early-years handwriting lines: solid top, dashed middle, solid base."""
    d.line([(x0, y), (x1, y)], fill=(120, 150, 215), width=2)
    x = x0
    while x < x1:
        d.line([(x, y + gap / 2), (min(x + 10, x1), y + gap / 2)], fill=(150, 170, 225), width=1)
        x += 18
    d.line([(x0, y + gap), (x1, y + gap)], fill=(220, 90, 90), width=2)


def ruled(
    d: Draw, size: tuple[int, int], top: float, gap: float, margin: float | None = 70
) -> None:
    w, h = size
    y = top
    while y < h - 10:
        d.line([(0, y), (w, y)], fill=(160, 190, 230), width=1)
        y += gap
    if margin is not None:
        d.line([(margin, 0), (margin, h)], fill=(230, 130, 140), width=2)


def grid(d: Draw, size: tuple[int, int], step: int, color: Color = (200, 220, 240)) -> None:
    w, h = size
    for x in range(0, w, step):
        d.line([(x, 0), (x, h)], fill=color, width=1)
    for y in range(0, h, step):
        d.line([(0, y), (w, y)], fill=color, width=1)


def stick_person(
    img: Image.Image,
    d: Draw,
    x: float,
    ground: float,
    height: float,
    shirt: Color,
    rng: Rng,
    hair: Color = (70, 45, 25),
    dress: bool = False,
) -> None:
    """A child's drawing of a person: round head, stick limbs, a coloured body."""
    head = height * 0.17
    neck = ground - height + head * 2
    hy = ground - height + head
    body_bottom = ground - height * 0.38
    if dress:
        crayon_shape(
            img,
            d,
            [(x, neck), (x - height * 0.18, body_bottom + 6), (x + height * 0.18, body_bottom + 6)],
            shirt,
            shade(shirt, rng, 40),
            rng,
            3,
        )
    else:
        crayon_shape(
            img,
            d,
            [
                (x - height * 0.1, neck),
                (x + height * 0.1, neck),
                (x + height * 0.1, body_bottom),
                (x - height * 0.1, body_bottom),
            ],
            shirt,
            shade(shirt, rng, 40),
            rng,
            3,
        )
    lw = max(3.0, height / 40)
    crayon(d, [(x - height * 0.06, body_bottom), (x - height * 0.12, ground)], INK, lw, rng, 2)
    crayon(d, [(x + height * 0.06, body_bottom), (x + height * 0.12, ground)], INK, lw, rng, 2)
    arm_y = neck + height * 0.08
    crayon(d, [(x, arm_y), (x - height * 0.28, arm_y - height * 0.12)], INK, lw, rng, 2)
    crayon(d, [(x, arm_y), (x + height * 0.28, arm_y - height * 0.12)], INK, lw, rng, 2)
    crayon_fill(img, poly_mask(img.size, oval(x, hy, head, head)), (255, 221, 190), rng, 4, 5)
    crayon(d, oval(x, hy, head, head, n=28), (150, 90, 60), 3, rng, 2, closed=True)
    crayon(
        d,
        oval(x, hy - head * 0.15, head * 1.02, head * 0.9, a0=190, a1=350, n=14),
        hair,
        head * 0.35,
        rng,
        2,
    )
    d.ellipse((x - head * 0.45, hy - head * 0.15, x - head * 0.25, hy + head * 0.05), fill=INK)
    d.ellipse((x + head * 0.25, hy - head * 0.15, x + head * 0.45, hy + head * 0.05), fill=INK)
    crayon(
        d,
        oval(x, hy + head * 0.25, head * 0.45, head * 0.3, a0=20, a1=160, n=10),
        RED_PEN,
        2.5,
        rng,
        1,
    )


def sun(
    img: Image.Image, d: Draw, cx: float, cy: float, r: float, rng: Rng, face: bool = True
) -> None:
    for i in range(12):
        a = math.tau * i / 12 + 0.2
        crayon(
            d,
            [
                (cx + math.cos(a) * r * 1.25, cy + math.sin(a) * r * 1.25),
                (cx + math.cos(a) * r * 1.75, cy + math.sin(a) * r * 1.75),
            ],
            (250, 170, 20),
            r / 8,
            rng,
            2,
        )
    crayon_fill(img, poly_mask(img.size, oval(cx, cy, r, r)), (255, 215, 40), rng, 5, 7)
    crayon(d, oval(cx, cy, r, r), (245, 160, 20), r / 10, rng, 2, closed=True)
    if face:
        d.ellipse((cx - r * 0.4, cy - r * 0.3, cx - r * 0.2, cy - r * 0.05), fill=INK)
        d.ellipse((cx + r * 0.2, cy - r * 0.3, cx + r * 0.4, cy - r * 0.05), fill=INK)
        crayon(d, oval(cx, cy + r * 0.1, r * 0.45, r * 0.35, a0=20, a1=160, n=12), INK, 3, rng, 1)


def leaf_pts(cx: float, cy: float, length: float, width: float, rot: float) -> list[Point]:
    """A pointed oval leaf, tip pointing along ``rot`` degrees."""
    unit = [(t / 10 - 0.5, 0.5 * math.sin(math.pi * t / 10) ** 0.8) for t in range(11)]
    unit += [(x, -y) for x, y in reversed(unit[1:-1])]
    return transform([(x * length, y * width) for x, y in unit], cx, cy, 1.0, rot)


MAPLE_RIGHT = [
    (0.0, -1.0),
    (0.1, -0.72),
    (0.27, -0.84),
    (0.22, -0.5),
    (0.36, -0.46),
    (0.5, -0.62),
    (0.52, -0.38),
    (0.88, -0.5),
    (0.74, -0.22),
    (0.86, -0.12),
    (0.46, 0.14),
    (0.52, 0.3),
    (0.2, 0.24),
    (0.05, 0.42),
]
MAPLE = MAPLE_RIGHT + [(-x, y) for x, y in reversed(MAPLE_RIGHT[1:])]


def pine(d: Draw, x: float, base: float, height: float, color: Color) -> None:
    """A dark pine-tree silhouette."""
    d.rectangle((x - height * 0.03, base - height * 0.15, x + height * 0.03, base), fill=color)
    for i in range(4):
        top = base - height + i * height * 0.2
        half = height * (0.14 + 0.07 * i)
        d.polygon(
            [(x, top), (x - half, top + height * 0.32), (x + half, top + height * 0.32)], fill=color
        )


# --------------------------------------------------------------------------------------------
# Early years: Maya (grade 1) and Zoe (kindergarten)
# --------------------------------------------------------------------------------------------


def draw_butterfly_cycle(rng: Rng) -> Image.Image:
    w, h = 840, 600
    img = paper((w, h), rng)
    d = ImageDraw.Draw(img, "RGBA")
    scrawl(img, (150, 14), "Butterfly Life Cycle", 50, (40, 70, 175), rng)
    green, dark_green = (90, 185, 60), (30, 110, 40)
    # 1. egg on a leaf (top left)
    leaf = leaf_pts(205, 200, 250, 110, -12)
    crayon_shape(img, d, leaf, green, dark_green, rng, 5)
    crayon(d, [(90, 225), (320, 175)], dark_green, 4, rng, 2)
    for ex, ey in [(180, 190), (210, 205), (240, 186), (205, 178)]:
        d.ellipse(
            (ex - 13, ey - 11, ex + 13, ey + 11),
            fill=(255, 245, 190),
            outline=(200, 160, 60),
            width=3,
        )
    # 2. caterpillar (top right)
    crayon(d, [(500, 255), (760, 245)], (140, 95, 50), 7, rng, 2)
    for i in range(7):
        cx, cy = 520 + i * 34, 215 + 12 * math.sin(i * 1.1)
        color = (250, 220, 40) if i % 2 else (60, 60, 60)
        if i == 6:
            color = (110, 200, 70)
        crayon_fill(img, poly_mask(img.size, oval(cx, cy, 25, 25)), color, rng, 4, 5)
        crayon(d, oval(cx, cy, 25, 25, n=28), INK, 3, rng, 1, closed=True)
    d.ellipse((731, 196, 741, 206), fill=INK)
    crayon(d, [(726, 192), (716, 160)], INK, 3, rng, 1)
    crayon(d, [(740, 192), (752, 162)], INK, 3, rng, 1)
    # 3. chrysalis hanging from a branch (bottom right)
    crayon(d, [(520, 365), (780, 358)], (120, 80, 40), 10, rng, 3)
    shell = oval(645, 455, 38, 75)
    crayon_shape(img, d, shell, (70, 170, 110), (20, 100, 60), rng, 4)
    crayon(d, [(645, 362), (645, 382)], (20, 100, 60), 4, rng, 1)
    for gx in (630, 648, 662):
        d.ellipse((gx - 4, 420 - 4, gx + 4, 420 + 4), fill=GOLD)
    # 4. butterfly (bottom left)
    bx, by = 215, 455
    orange, black = (245, 130, 20), (25, 25, 25)
    for side in (-1, 1):
        upper = oval(bx + side * 62, by - 35, 70, 48, rot=side * -25)
        lower = oval(bx + side * 48, by + 40, 45, 38, rot=side * 30)
        for wing in (upper, lower):
            crayon_shape(img, d, wing, orange, black, rng, 7)
        for k in range(4):
            sx = bx + side * (80 + k * 12)
            d.ellipse((sx - 5, by - 70 + k * 14, sx + 5, by - 60 + k * 14), fill=WHITE)
    d.ellipse((bx - 10, by - 62, bx + 10, by + 70), fill=black)
    crayon(d, [(bx - 3, by - 60), (bx - 25, by - 105)], black, 3, rng, 1)
    crayon(d, [(bx + 3, by - 60), (bx + 25, by - 105)], black, 3, rng, 1)
    # arrows round the circle, and labels
    blue = (40, 90, 200)
    arrow(d, oval(w / 2, 280, 100, 70, a0=215, a1=325, n=10), blue, 6, rng, 24)
    arrow(d, oval(680, 320, 120, 70, a0=-30, a1=30, n=8), blue, 6, rng, 24)
    arrow(d, oval(w / 2, 470, 100, 60, a0=35, a1=145, n=10), blue, 6, rng, 24)
    arrow(d, oval(170, 345, 120, 90, a0=160, a1=215, n=8), blue, 6, rng, 24)
    for text, xy in [
        ("egg", (175, 255)),
        ("caterpillar", (535, 270)),
        ("chrysalis", (590, 545)),
        ("butterfly", (150, 540)),
    ]:
        scrawl(img, xy, text, 30, PENCIL, rng)
    return img


def draw_house(rng: Rng) -> Image.Image:
    w, h = 800, 560
    img = paper((w, h), rng)
    d = ImageDraw.Draw(img, "RGBA")
    crayon_fill(
        img,
        poly_mask(img.size, [(0, 0), (w, 0), (w, 120), (0, 140)]),
        (90, 160, 235),
        rng,
        9,
        6,
        angle=-6,
    )
    sun(img, d, 690, 95, 55, rng)
    grass = [(0, 470), (w, 455), (w, h), (0, h)]
    crayon_fill(img, poly_mask(img.size, grass), (70, 175, 55), rng, 6, 7, angle=-10)
    for gx in range(8, w, 16):
        crayon(d, [(gx, 470), (gx + rng.uniform(-6, 6), 445)], (50, 150, 40), 3, rng, 1)
    # house
    crayon_shape(img, d, [(250, 270), (480, 270), (480, 470), (250, 470)], (225, 50, 45), INK, rng)
    crayon_shape(img, d, [(225, 275), (365, 160), (505, 275)], (120, 70, 40), INK, rng)
    crayon_shape(
        img, d, [(425, 175), (455, 175), (455, 235), (425, 210)], (90, 90, 90), INK, rng, 4
    )
    crayon_shape(img, d, [(340, 370), (395, 370), (395, 470), (340, 470)], (130, 80, 35), INK, rng)
    d.ellipse((380, 415, 388, 423), fill=GOLD)
    for wx in (275, 420):
        crayon_shape(
            img,
            d,
            [(wx, 300), (wx + 45, 300), (wx + 45, 345), (wx, 345)],
            (150, 210, 250),
            INK,
            rng,
            4,
        )
        crayon(d, [(wx + 22, 300), (wx + 22, 345)], INK, 3, rng, 1)
        crayon(d, [(wx, 322), (wx + 45, 322)], INK, 3, rng, 1)
    # tree
    crayon_shape(img, d, [(105, 300), (135, 300), (140, 470), (100, 470)], (125, 80, 40), None, rng)
    crayon_shape(img, d, blob(120, 245, 80, rng), (45, 150, 50), (25, 95, 35), rng, 5)
    for ax, ay in [(90, 220), (150, 250), (115, 280), (140, 205)]:
        d.ellipse((ax - 10, ay - 10, ax + 10, ay + 10), fill=(220, 30, 40))
    # family
    stick_person(img, d, 560, 480, 170, (60, 110, 220), rng)
    stick_person(img, d, 635, 480, 160, (235, 90, 170), rng, hair=(40, 30, 25), dress=True)
    stick_person(img, d, 705, 480, 100, (250, 200, 30), rng, hair=(40, 30, 25), dress=True)
    for fx in (40, 200, 760):
        crayon(d, [(fx, 520), (fx, 490)], (40, 130, 40), 3, rng, 1)
        d.ellipse((fx - 11, 478, fx + 11, 500), fill=(240, 80, 160))
        d.ellipse((fx - 4, 485, fx + 4, 493), fill=GOLD)
    scrawl(img, (230, 500), "Maya", 40, (120, 40, 160), rng)
    return img


def draw_adding_sheet(rng: Rng) -> Image.Image:
    w, h = 620, 860
    img = paper((w, h), rng, base=(253, 253, 250))
    d = ImageDraw.Draw(img, "RGBA")
    label(d, (40, 36), "Adding to 10", 44, bold=True)
    label(d, (40, 100), "Name:", 22)
    d.line([(110, 124), (330, 124)], fill=INK, width=1)
    scrawl(img, (120, 88), "Maya L.", 32, PENCIL, rng)
    label(d, (40, 145), "Add. Draw dots to help you.", 22, fill=(70, 70, 70))
    gold_star(d, 530, 80, 55)
    sums = [
        (3, 4, "7"),
        (5, 2, "7"),
        (6, 3, "9"),
        (2, 2, "4"),
        (4, 5, "8"),
        (1, 8, "9"),
        (7, 3, "10"),
        (5, 5, "10"),
    ]
    dot_colors = [(235, 60, 60), (40, 120, 230), (30, 170, 80), (245, 150, 20)]
    for i, (a, b, answer) in enumerate(sums):
        col, row = i % 2, i // 2
        x, y = 40 + col * 290, 200 + row * 150
        d.rounded_rectangle((x, y, x + 260, y + 130), 14, outline=(170, 170, 180), width=2)
        label(d, (x + 18, y + 14), f"{a} + {b} =", 36)
        d.rectangle((x + 165, y + 10, x + 235, y + 62), outline=(150, 150, 160), width=2)
        scrawl(img, (x + 178, y + 12), answer, 38, PENCIL, rng)
        color = dot_colors[i % len(dot_colors)]
        for k in range(a + b):
            dx = x + 22 + (k % 10) * 23 + rng.uniform(-2, 2)
            dy = y + 80 + rng.uniform(-3, 3) + (14 if k >= a else 0)
            dot = color if k < a else mix(color, (250, 200, 0), 0.6)
            d.ellipse((dx - 9, dy - 9, dx + 9, dy + 9), fill=dot)
        if i == 4:
            pen(d, [(x + 175, y + 55), (x + 222, y + 15)], PENCIL, 3, rng)
            scrawl(img, (x + 228, y - 14), "9", 28, PENCIL, rng)
        tick(d, x + 235, y + 118, 34, rng)
    scrawl(img, (250, 795), "Great work, Maya!", 34, RED_PEN, rng, tilt=3)
    return img


def draw_story_page(rng: Rng) -> Image.Image:
    w, h = 620, 860
    img = paper((w, h), rng)
    d = ImageDraw.Draw(img, "RGBA")
    scrawl(img, (120, 18), "The Lost Cat", 54, (200, 40, 120), rng)
    box = (40, 100, 580, 440)
    d.rectangle(box, outline=INK, width=3)
    crayon_fill(
        img,
        poly_mask(img.size, [(43, 103), (577, 103), (577, 210), (43, 225)]),
        (110, 180, 240),
        rng,
        9,
        6,
        angle=-4,
    )
    crayon_fill(
        img,
        poly_mask(img.size, [(43, 380), (577, 370), (577, 437), (43, 437)]),
        (80, 180, 60),
        rng,
        6,
        7,
        angle=-8,
    )
    crayon_shape(img, d, [(330, 200), (370, 200), (380, 385), (320, 385)], (125, 75, 35), INK, rng)
    crayon_shape(img, d, blob(355, 190, 105, rng, amp=0.12), (50, 160, 60), (30, 100, 40), rng)
    cat = (250, 150, 40)
    crayon_shape(img, d, oval(400, 210, 40, 26), cat, INK, rng, 4)
    crayon_shape(img, d, oval(440, 186, 24, 22), cat, INK, rng, 4)
    crayon_shape(img, d, [(424, 172), (428, 150), (440, 166)], cat, INK, rng, 3)
    crayon_shape(img, d, [(444, 166), (456, 148), (460, 172)], cat, INK, rng, 3)
    d.ellipse((432, 180, 438, 186), fill=INK)
    d.ellipse((446, 180, 452, 186), fill=INK)
    crayon(d, [(362, 210), (345, 180), (352, 160)], cat, 6, rng, 2)
    stick_person(img, d, 150, 400, 150, (150, 70, 200), rng, hair=(40, 30, 25), dress=True)
    scrawl(img, (185, 255), "?", 60, INK, rng)
    lines = [
        "My cat Luna got lost.",
        "We looked in the park.",
        "She was up a tree!",
        "Dad got a ladder.",
        "Luna is home now.",
    ]
    for i, line in enumerate(lines):
        y = 470 + i * 76
        primary_lines(d, 40, 580, y, 44)
        scrawl(img, (48, y), line, 40, PENCIL, rng, tilt=8)
    return img


def draw_leaves(rng: Rng) -> Image.Image:
    w, h = 720, 720
    img = paper((w, h), rng, base=(196, 160, 110), grain=9)
    d = ImageDraw.Draw(img, "RGBA")
    colors = [
        (225, 45, 35),
        (250, 140, 20),
        (250, 205, 40),
        (185, 40, 60),
        (240, 95, 25),
        (150, 170, 40),
        (230, 60, 30),
        (250, 175, 30),
    ]
    spots = [
        (150, 170),
        (370, 140),
        (590, 190),
        (190, 420),
        (420, 380),
        (600, 450),
        (150, 620),
        (400, 610),
        (610, 640),
    ]
    for i, (sx, sy) in enumerate(spots):
        x, y = sx + rng.uniform(-20, 20), sy + rng.uniform(-20, 20)
        color = colors[i % len(colors)]
        rot = rng.uniform(-40, 40)
        if i % 3 == 1:
            pts = transform(leaf_pts(0, 0, 1.9, 0.95, -90), x, y, 100, rot)
            stem, vein = [(0, 0.9), (0.05, 1.2)], [(0, 0.9), (0, -0.8)]
        else:
            pts = transform(MAPLE, x, y, 105, rot)
            stem, vein = [(0, 0.4), (0.04, 0.9)], [(0, 0.4), (0, -0.75)]
        crayon_shape(img, d, pts, color, mix(color, INK, 0.45), rng, 4, spacing=5)
        crayon(d, transform(stem, x, y, 105, rot), mix(color, INK, 0.5), 5, rng, 2)
        crayon(d, transform(vein, x, y, 105, rot), mix(color, INK, 0.35), 3, rng, 1)
    scrawl(img, (30, 24), "Fall Leaves", 40, (90, 40, 20), rng)
    return img


def draw_pumpkin_photo(rng: Rng) -> Image.Image:
    w, h = 800, 600
    img = wall_and_table((w, h), rng, 330, ((200, 214, 190), (172, 188, 160)), (178, 128, 80))
    d = ImageDraw.Draw(img, "RGBA")
    d.rectangle((40, 40, 330, 250), fill=(175, 120, 70))
    d.rectangle((50, 50, 320, 240), fill=(205, 160, 105))
    for i, color in enumerate([(250, 250, 245), (255, 240, 150), (200, 230, 250)]):
        x = 70 + i * 85
        d.rectangle((x, 70 + i * 8, x + 70, 160 + i * 8), fill=color)
        d.ellipse((x + 30, 64 + i * 8, x + 40, 74 + i * 8), fill=(210, 40, 40))
    soft_shadow(img, oval(440, 500, 230, 45), 18, 150)
    pumpkin = (245, 120, 15)
    ribs = [(-120, 0.55), (120, 0.45), (-70, 0.8), (70, 0.7), (0, 1.0)]
    for dx, light in ribs:
        rx = 125 - abs(dx) * 0.3
        box = (420 + dx - rx, 290, 420 + dx + rx, 510)
        sphere(
            img,
            box,
            mix(pumpkin, (255, 220, 150), 0.5 * light),
            mix(pumpkin, (80, 25, 0), 0.95 - light * 0.45),
        )
        d.ellipse(box, outline=rgba((150, 60, 5), 140), width=3)
    d.polygon([(405, 300), (398, 240), (420, 232), (435, 300)], fill=(90, 110, 40))
    d.line([(398, 240), (420, 232)], fill=(60, 70, 30), width=4)
    tape = [(130, 560), (300, 520), (560, 530), (760, 575)]
    d.line(wobble(tape, rng, 20, 1), fill=(250, 215, 40), width=26, joint="curve")
    for i in range(40):
        t = i / 40
        tx = 140 + t * 610
        ty = 556 - 40 * math.sin(math.pi * t) + 10 * t
        d.line([(tx, ty - 8), (tx, ty + 2 + (6 if i % 5 == 0 else 0))], fill=INK, width=2)
    d.polygon([(590, 420), (700, 410), (712, 500), (600, 508)], fill=(250, 250, 240))
    scrawl(img, (606, 428), "62 cm", 30, RED_PEN, rng)
    scrawl(img, (606, 462), "around!", 22, INK, rng)
    return finish_photo(img, rng)


def draw_shape_robot(rng: Rng) -> Image.Image:
    w, h = 560, 800
    img = paper((w, h), rng, base=(235, 240, 250))
    d = ImageDraw.Draw(img, "RGBA")
    scrawl(img, (90, 20), "My Shape Robot", 44, INK, rng)

    def cutout(pts: list[Point], color: Color) -> None:
        pts = [(x, y + 45) for x, y in pts]
        d.polygon([(x + 5, y + 6) for x, y in pts], fill=(150, 150, 165))
        d.polygon(pts, fill=color, outline=mix(color, INK, 0.4), width=2)

    cutout([(200, 120), (360, 120), (360, 250), (200, 250)], (40, 140, 230))
    cutout(oval(245, 175, 22, 22), WHITE)
    cutout(oval(315, 175, 22, 22), WHITE)
    d.ellipse((237, 213, 253, 229), fill=INK)
    d.ellipse((307, 213, 323, 229), fill=INK)
    cutout([(245, 215), (315, 215), (305, 232), (255, 232)], (230, 40, 50))
    cutout([(270, 70), (290, 70), (290, 120), (270, 120)], (120, 120, 130))
    cutout(oval(280, 62, 20, 20), (250, 200, 30))
    cutout([(150, 270), (410, 270), (410, 520), (150, 520)], (235, 70, 60))
    for i, color in enumerate([(250, 200, 30), (40, 180, 90), (40, 140, 230)]):
        cutout(oval(220 + i * 60, 330, 22, 22), color)
    cutout([(220, 400), (340, 400), (280, 490)], (250, 200, 30))
    cutout([(60, 290), (140, 290), (140, 320), (60, 320)], (40, 180, 90))
    cutout([(420, 290), (500, 290), (500, 320), (420, 320)], (40, 180, 90))
    cutout(oval(55, 305, 26, 26), (250, 200, 30))
    cutout(oval(505, 305, 26, 26), (250, 200, 30))
    cutout([(180, 530), (240, 530), (240, 650), (180, 650)], (130, 80, 200))
    cutout([(320, 530), (380, 530), (380, 650), (320, 650)], (130, 80, 200))
    cutout([(160, 650), (255, 650), (255, 690), (160, 690)], (60, 60, 70))
    cutout([(305, 650), (400, 650), (400, 690), (305, 690)], (60, 60, 70))
    scrawl(img, (60, 748), "squares circles triangles", 26, PENCIL, rng)
    return img


def draw_zoe_family(rng: Rng) -> Image.Image:
    w, h = 760, 560
    img = paper((w, h), rng)
    d = ImageDraw.Draw(img, "RGBA")
    sun(img, d, 110, 100, 60, rng)
    for i, color in enumerate(
        [
            (230, 40, 40),
            (250, 150, 20),
            (250, 220, 30),
            (60, 180, 60),
            (50, 110, 230),
            (140, 60, 200),
        ]
    ):
        r = 200 - i * 22
        crayon(d, oval(570, 250, r, r, a0=180, a1=360, n=24), color, 20, rng, 3)
    crayon(d, [(0, 490), (w, 480)], (60, 170, 50), 14, rng, 3)
    heights = [
        (150, 270, (40, 110, 220), False),
        (300, 250, (230, 60, 150), True),
        (440, 150, (250, 180, 30), True),
        (540, 120, (60, 170, 90), False),
    ]
    for x, height, color, dress in heights:
        stick_person(img, d, x, 488, height, color, rng, hair=(30, 25, 25), dress=dress)
    crayon_shape(img, d, oval(665, 455, 42, 24), (120, 120, 120), INK, rng, 4)
    crayon_shape(img, d, oval(705, 425, 22, 20), (120, 120, 120), INK, rng, 4)
    crayon(d, [(692, 410), (694, 392), (702, 406)], INK, 4, rng, 1)
    crayon(d, [(708, 406), (716, 390), (722, 410)], INK, 4, rng, 1)
    crayon(d, [(625, 450), (600, 420)], INK, 5, rng, 1)
    scrawl(img, (300, 28), "ZOE", 80, (140, 60, 200), rng, tilt=14, weight=4)
    return img


def draw_letter_z(rng: Rng) -> Image.Image:
    w, h = 600, 800
    img = paper((w, h), rng, base=(254, 254, 252))
    d = ImageDraw.Draw(img, "RGBA")
    label(d, (40, 30), "Zz", 110, bold=True)
    label(d, (220, 60), "is for zebra", 40)
    zx, zy = 160, 300
    crayon_shape(img, d, oval(zx + 150, zy, 130, 62), WHITE, INK, rng, 5)
    crayon_shape(
        img,
        d,
        [(zx + 240, zy - 30), (zx + 320, zy - 110), (zx + 355, zy - 80), (zx + 285, zy + 10)],
        WHITE,
        INK,
        rng,
        5,
    )
    crayon_shape(
        img,
        d,
        [(zx + 335, zy - 122), (zx + 330, zy - 160), (zx + 352, zy - 128)],
        WHITE,
        INK,
        rng,
        4,
    )
    crayon_shape(img, d, oval(zx + 370, zy - 95, 50, 26, rot=35), WHITE, INK, rng, 5)
    d.ellipse((zx + 398, zy - 70, zx + 408, zy - 60), fill=INK)
    for i in range(6):
        sx = zx + 70 + i * 32
        crayon(d, [(sx, zy - 55), (sx + 10, zy + 50)], INK, 12, rng, 2)
    for lx in (zx + 70, zx + 110, zx + 190, zx + 230):
        crayon(d, [(lx, zy + 50), (lx, zy + 140)], INK, 10, rng, 2)
    d.ellipse((zx + 352, zy - 108, zx + 362, zy - 98), fill=INK)
    crayon(d, [(zx + 250, zy - 45), (zx + 320, zy - 118)], INK, 12, rng, 2)
    crayon(d, [(zx + 20, zy - 10), (zx - 20, zy + 60)], INK, 6, rng, 2)
    crayon(d, [(0, zy + 140), (w, zy + 138)], (70, 170, 50), 12, rng, 2)
    for row in range(3):
        y = 500 + row * 95
        primary_lines(d, 30, 570, y, 70)
        for k in range(5):
            x = 45 + k * 108
            z = [(x, y + 4), (x + 62, y + 4), (x, y + 68), (x + 62, y + 68)]
            if row == 0:
                for (ax, ay), (bx, by) in itertools.pairwise(z):
                    steps = 9
                    for s in range(steps):
                        t = s / steps
                        px, py = ax + (bx - ax) * t, ay + (by - ay) * t
                        d.ellipse((px - 2.5, py - 2.5, px + 2.5, py + 2.5), fill=(150, 150, 160))
            if row < 2 or k < 3:
                color = [
                    (230, 50, 60),
                    (40, 110, 230),
                    (40, 160, 70),
                    (150, 60, 200),
                    (245, 140, 20),
                ][k]
                jit = [(px + rng.uniform(-6, 6), py + rng.uniform(-6, 6)) for px, py in z]
                crayon(d, jit, color, 8, rng, 2)
    d.ellipse((480, 20, 580, 120), fill=(255, 220, 60), outline=(230, 160, 0), width=4)
    d.ellipse((505, 50, 517, 64), fill=INK)
    d.ellipse((543, 50, 555, 64), fill=INK)
    d.arc((502, 50, 558, 102), 20, 160, fill=INK, width=5)
    return img


# --------------------------------------------------------------------------------------------
# Grade 4: Sam
# --------------------------------------------------------------------------------------------


def draw_volcano_photo(rng: Rng) -> Image.Image:
    w, h = 900, 675
    img = wall_and_table((w, h), rng, 360, ((228, 222, 205), (200, 193, 175)), (165, 115, 70))
    d = ImageDraw.Draw(img, "RGBA")
    d.rectangle((600, 30, 880, 250), fill=(120, 160, 210))
    label(d, (625, 50), "SCIENCE FAIR", 36, fill=WHITE, bold=True)
    for i in range(3):
        d.rectangle((625 + i * 85, 110, 695 + i * 85, 225), fill=(250, 250, 245))
        for k in range(5):
            d.line(
                [(632 + i * 85, 125 + k * 18), (688 + i * 85, 125 + k * 18)],
                fill=(160, 160, 170),
                width=3,
            )
    soft_shadow(img, oval(450, 590, 330, 60), 20, 160)
    base = oval(450, 570, 310, 70)
    paste_gradient(img, base, (110, 170, 80), (60, 110, 45))
    d.polygon(oval(450, 585, 310, 60, a0=0, a1=180, n=24), fill=(80, 80, 70))
    paste_gradient(img, base, (110, 170, 80), (60, 110, 45))
    cone: list[Point] = [
        (200, 575),
        (270, 470),
        (330, 360),
        (385, 240),
        (410, 225),
        (500, 222),
        (525, 240),
        (585, 370),
        (640, 480),
        (700, 575),
    ]
    cone = wobble(cone, rng, 15, 5)
    paste_gradient(img, cone, (175, 130, 90), (85, 55, 35))
    d.polygon(oval(455, 229, 55, 14), fill=(50, 30, 20))
    lava = (235, 60, 20)
    for x_end, y_end, wid in [(330, 520, 28), (430, 470, 34), (560, 500, 26), (610, 430, 20)]:
        path = wobble(
            [(455, 232), ((455 + x_end) / 2, (232 + y_end) / 2 - 10), (x_end, y_end)], rng, 12, 5
        )
        d.line(path, fill=lava, width=wid, joint="curve")
        d.line(path, fill=(255, 170, 40), width=wid // 3, joint="curve")
        d.ellipse((x_end - wid / 2, y_end - wid / 2, x_end + wid / 2, y_end + wid / 2), fill=lava)
    d.polygon(oval(455, 226, 50, 12), fill=(255, 120, 30))
    for tx, ty in [(215, 560), (690, 560), (600, 590), (300, 595)]:
        d.polygon([(tx, ty - 55), (tx - 20, ty), (tx + 20, ty)], fill=(40, 110, 45))
        d.rectangle((tx - 3, ty, tx + 3, ty + 10), fill=(90, 60, 30))
    d.polygon([(720, 470), (850, 455), (860, 540), (730, 550)], fill=(250, 248, 240))
    d.polygon([(730, 550), (860, 540), (855, 555), (735, 565)], fill=(200, 196, 185))
    scrawl(img, (735, 478), "Mount", 28, (40, 60, 160), rng)
    scrawl(img, (740, 510), "Okoro", 28, (40, 60, 160), rng)
    return finish_photo(img, rng, blur=1.0)


def draw_arrays_sheet(rng: Rng) -> Image.Image:
    w, h = 640, 880
    img = paper((w, h), rng, base=(253, 253, 250))
    d = ImageDraw.Draw(img, "RGBA")
    label(d, (36, 30), "Multiplication Arrays", 40, bold=True)
    label(d, (36, 90), "Name:", 22)
    d.line([(105, 114), (320, 114)], fill=INK, width=1)
    scrawl(img, (115, 82), "Sam Okoro", 30, PENCIL, rng, tilt=4)
    label(d, (36, 134), "Draw an array. Write the multiplication sentence.", 20, fill=(70, 70, 70))
    problems = [
        (3, 5, "3 x 5 = 15"),
        (4, 6, "4 x 6 = 24"),
        (2, 7, "2 x 7 = 14"),
        (5, 5, "5 x 5 = 25"),
    ]
    colors = [(230, 60, 60), (40, 120, 230), (40, 170, 80), (150, 70, 210)]
    for i, (rows, cols, sentence) in enumerate(problems):
        x, y = 36 + (i % 2) * 290, 180 + (i // 2) * 290
        d.rounded_rectangle((x, y, x + 275, y + 270), 16, outline=(160, 160, 175), width=2)
        label(d, (x + 14, y + 10), f"{rows} rows of {cols}", 22, fill=(90, 90, 100))
        step = min(200 / cols, 150 / rows)
        for r in range(rows):
            for c in range(cols):
                cx = x + 30 + c * step + rng.uniform(-2, 2)
                cy = y + 60 + r * step + rng.uniform(-2, 2)
                rad = step * 0.36
                d.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), fill=colors[i])
        scrawl(img, (x + 20, y + 215), sentence, 32, PENCIL, rng, tilt=4)
        tick(d, x + 245, y + 252, 36, rng)
    label(d, (36, 770), "Which array has the most dots?", 22)
    scrawl(img, (36, 805), "5 x 5 has 25 dots. It is a square!", 28, PENCIL, rng, tilt=4)
    gold_star(d, 560, 60, 50)
    scrawl(img, (470, 118), "Super!", 30, RED_PEN, rng, tilt=3)
    return img


def draw_neighbourhood_map(rng: Rng) -> Image.Image:
    w, h = 900, 680
    img = paper((w, h), rng)
    d = ImageDraw.Draw(img, "RGBA")
    park = [(520, 380), (820, 360), (840, 560), (540, 590)]
    crayon_shape(img, d, park, (120, 200, 90), (50, 130, 50), rng, 4)
    river = [(-20, 150), (150, 200), (300, 160), (430, 240), (470, 420), (600, 620), (640, 700)]
    d.line(wobble(river, rng, 20, 4), fill=(95, 160, 235), width=44, joint="curve")
    crayon(d, river, (60, 120, 210), 6, rng, 2)
    roads = [
        [(0, 330), (900, 310)],
        [(250, 0), (270, 680)],
        [(0, 520), (470, 520)],
        [(700, 0), (690, 310)],
    ]
    for road in roads:
        d.line(road, fill=(120, 120, 125), width=30)
        (x0, y0), (x1, y1) = road
        n = int(math.hypot(x1 - x0, y1 - y0) // 40)
        for k in range(n):
            t0, t1 = k / n, (k + 0.5) / n
            d.line(
                [
                    (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0),
                    (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1),
                ],
                fill=(250, 220, 60),
                width=3,
            )
    d.polygon([(430, 300), (500, 300), (510, 345), (420, 345)], fill=(150, 110, 70))
    house_colors = [(230, 70, 60), (250, 180, 40), (70, 140, 230), (170, 90, 200), (60, 170, 110)]
    spots = [
        (60, 400),
        (140, 400),
        (60, 590),
        (150, 600),
        (340, 600),
        (340, 400),
        (560, 230),
        (800, 230),
        (790, 110),
        (560, 90),
    ]
    for i, (x, y) in enumerate(spots):
        color = house_colors[i % len(house_colors)]
        crayon_shape(
            img,
            d,
            [(x - 24, y - 18), (x + 24, y - 18), (x + 24, y + 22), (x - 24, y + 22)],
            color,
            INK,
            rng,
            3,
        )
        crayon_shape(
            img, d, [(x - 30, y - 16), (x, y - 44), (x + 30, y - 16)], (110, 70, 40), INK, rng, 3
        )
    crayon_shape(img, d, [(320, 40), (480, 40), (480, 120), (320, 120)], (220, 50, 50), INK, rng)
    crayon(d, [(400, 40), (400, 0)], INK, 3, rng, 1)
    d.polygon([(400, 2), (430, 10), (400, 20)], fill=(40, 90, 220))
    scrawl(img, (340, 66), "SCHOOL", 28, WHITE, rng, tilt=3)
    scrawl(img, (610, 450), "Maple Park", 32, (30, 90, 30), rng)
    scrawl(img, (20, 120), "Cedar Creek", 28, (30, 80, 180), rng)
    scrawl(img, (560, 320), "Elm Street", 24, INK, rng)
    for tx, ty in [(600, 420), (760, 400), (780, 520), (580, 540)]:
        d.ellipse((tx - 20, ty - 20, tx + 20, ty + 20), fill=(40, 130, 50))
    cx, cy = 830, 560
    d.ellipse((cx - 45, cy - 45, cx + 45, cy + 45), fill=(250, 250, 245), outline=INK, width=3)
    d.polygon([(cx, cy - 40), (cx - 12, cy), (cx + 12, cy)], fill=RED_PEN)
    d.polygon([(cx, cy + 40), (cx - 12, cy), (cx + 12, cy)], fill=INK)
    label(d, (cx - 8, cy - 80), "N", 30, bold=True)
    d.rectangle((20, 20, 290, 104), fill=(250, 250, 240), outline=INK, width=2)
    scrawl(img, (30, 28), "My", 34, (200, 60, 40), rng)
    scrawl(img, (30, 58), "Neighbourhood", 30, (200, 60, 40), rng)
    return img


def draw_bean_graph(rng: Rng) -> Image.Image:
    w, h = 820, 600
    img = paper((w, h), rng, base=(252, 252, 248))
    d = ImageDraw.Draw(img, "RGBA")
    grid(d, (w, h), 20)
    scrawl(img, (150, 16), "How tall did our bean plant grow?", 32, (40, 60, 150), rng, tilt=4)
    ox, oy, gx, gy = 120, 520, 620, 400
    pen(d, [(ox, oy - gy - 10), (ox, oy), (ox + gx + 10, oy)], INK, 4, rng)
    for k in range(0, 21, 5):
        y = oy - gy * k / 20
        d.line([(ox - 8, y), (ox, y)], fill=INK, width=3)
        scrawl(img, (ox - 48, y - 14), str(k), 24, INK, rng, tilt=3)
    days = list(range(0, 15, 2))
    heights = [0, 0.5, 2, 5, 8.5, 12, 15.5, 18]
    pts = [(ox + gx * day / 14, oy - gy * cm / 20) for day, cm in zip(days, heights, strict=True)]
    for day in days:
        x = ox + gx * day / 14
        d.line([(x, oy), (x, oy + 8)], fill=INK, width=3)
        scrawl(img, (x - 8, oy + 12), str(day), 24, INK, rng, tilt=3)
    scrawl(img, (ox + gx / 2 - 30, oy + 42), "Day", 28, INK, rng)
    scrawl(img, (18, 90), "cm", 28, INK, rng)
    pen(d, pts, (40, 160, 60), 7, rng)
    for x, y in pts:
        d.ellipse((x - 9, y - 9, x + 9, y + 9), fill=(230, 60, 50))
    px, py = 240, 230
    crayon_shape(
        img,
        d,
        [(px - 40, py + 60), (px + 40, py + 60), (px + 30, py + 120), (px - 30, py + 120)],
        (200, 110, 60),
        INK,
        rng,
        3,
    )
    crayon(d, [(px, py + 60), (px - 5, py - 40)], (40, 150, 50), 6, rng, 2)
    for lx, ly, rot in [(px - 30, py, -150), (px + 28, py - 20, -30), (px - 26, py - 45, -160)]:
        crayon_shape(img, d, leaf_pts(lx, ly, 55, 26, rot), (80, 190, 60), (30, 120, 40), rng, 3)
    return img


def speech(
    d: Draw, box: tuple[float, float, float, float], tail: Point, text: str, size: int
) -> None:
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    rx, ry = (x1 - x0) / 2, (y1 - y0) / 2
    a = math.atan2((tail[1] - cy) / ry, (tail[0] - cx) / rx)
    base = [
        (cx + rx * 0.92 * math.cos(t), cy + ry * 0.92 * math.sin(t)) for t in (a - 0.2, a + 0.2)
    ]
    d.ellipse(box, fill=WHITE, outline=INK, width=3)
    d.polygon([*base, tail], fill=WHITE, outline=INK, width=3)
    d.ellipse((x0 + 4, y0 + 4, x1 - 4, y1 - 4), fill=WHITE)
    lines = wrap(text, size, (x1 - x0) * 0.72)
    ty = cy - len(lines) * size * 0.6
    for line in lines:
        tw = font(size).getlength(line)
        d.text((cx - tw / 2, ty), line, font=font(size), fill=INK, stroke_width=1)
        ty += size * 1.2


def pencil_hero(d: Draw, x: float, y: float, s: float, rot: float = 0.0) -> None:
    """The comic's hero: a yellow pencil with a face (x, y is the middle)."""
    body = transform([(-0.22, -1), (0.22, -1), (0.22, 0.7), (-0.22, 0.7)], x, y, s, rot)
    d.polygon(body, fill=(250, 200, 30), outline=INK, width=3)
    eraser = transform([(-0.22, -1.3), (0.22, -1.3), (0.22, -1), (-0.22, -1)], x, y, s, rot)
    d.polygon(eraser, fill=(240, 130, 150), outline=INK, width=3)
    tip = transform([(-0.22, 0.7), (0.22, 0.7), (0, 1.15)], x, y, s, rot)
    d.polygon(tip, fill=(240, 210, 170), outline=INK, width=3)
    lead = transform([(-0.07, 1.0), (0.07, 1.0), (0, 1.15)], x, y, s, rot)
    d.polygon(lead, fill=INK)
    for ex in (-0.1, 0.1):
        ((px, py),) = transform([(ex, -0.55)], x, y, s, rot)
        d.ellipse((px - s * 0.06, py - s * 0.06, px + s * 0.06, py + s * 0.06), fill=INK)
    ((mx, my),) = transform([(0, -0.3)], x, y, s, rot)
    d.arc((mx - s * 0.12, my - s * 0.1, mx + s * 0.12, my + s * 0.1), 10, 170, fill=INK, width=3)


def draw_comic(rng: Rng) -> Image.Image:
    w, h = 900, 640
    img = paper((w, h), rng, base=(254, 254, 252))
    d = ImageDraw.Draw(img, "RGBA")
    scrawl(img, (260, 8), "The Brave Pencil", 46, (30, 60, 170), rng, tilt=4)
    panels = [(20, 75, 440, 350), (460, 75, 880, 350), (20, 365, 440, 625), (460, 365, 880, 625)]
    fills = [(200, 230, 250), (255, 235, 180), (255, 205, 200), (210, 240, 200)]
    for box, color in zip(panels, fills, strict=True):
        d.rectangle(box, fill=color, outline=INK, width=4)
    # 1: a blank page
    d.polygon([(160, 240), (330, 225), (345, 335), (170, 340)], fill=WHITE, outline=INK)
    pencil_hero(d, 90, 250, 70)
    speech(d, (150, 90, 420, 200), (110, 180), "Oh no! A blank page!", 22)
    # 2: the eraser monster
    monster = blob(700, 270, 70, rng, amp=0.15)
    d.polygon(monster, fill=(235, 120, 150), outline=INK, width=4)
    d.polygon([(660, 245), (690, 258), (660, 262)], fill=WHITE, outline=INK)
    d.polygon([(740, 245), (710, 258), (740, 262)], fill=WHITE, outline=INK)
    d.line([(670, 300), (690, 290), (710, 300), (730, 290)], fill=INK, width=4)
    pencil_hero(d, 530, 260, 60, rot=8)
    speech(d, (600, 88, 870, 190), (680, 200), "I will erase all your ideas!", 21)
    # 3: the hero draws a shield
    pencil_hero(d, 130, 500, 70, rot=-25)
    d.arc((190, 400, 340, 600), -70, 70, fill=(40, 90, 220), width=12)
    for k in range(3):
        d.line([(350 + k * 22, 440 + k * 30), (420, 430 + k * 40)], fill=INK, width=3)
    label(d, (40, 380), "Not today!", 34, fill=RED_PEN, bold=True)
    d.polygon(blob(395, 560, 32, rng, amp=0.12), fill=(235, 120, 150), outline=INK, width=3)
    d.ellipse((380, 548, 390, 558), fill=INK)
    d.ellipse((400, 548, 410, 558), fill=INK)
    d.ellipse((389, 566, 401, 580), fill=INK)
    # 4: friends
    pencil_hero(d, 560, 520, 65)
    d.polygon(blob(770, 540, 55, rng, amp=0.12), fill=(235, 120, 150), outline=INK, width=4)
    d.ellipse((750, 520, 762, 532), fill=INK)
    d.ellipse((780, 520, 792, 532), fill=INK)
    d.arc((752, 530, 792, 565), 10, 170, fill=INK, width=4)
    for k, color in enumerate([(230, 50, 60), (40, 120, 230), (40, 160, 70)]):
        d.ellipse((620 + k * 35, 590, 645 + k * 35, 615), fill=color)
    speech(d, (560, 375, 870, 470), (650, 480), "Let's make a story together!", 21)
    return img


def draw_poem(rng: Rng) -> Image.Image:
    w, h = 600, 820
    img = paper((w, h), rng, base=(253, 249, 236))
    d = ImageDraw.Draw(img, "RGBA")
    ruled(d, (w, h), 170, 62, margin=None)
    colors = [(225, 60, 35), (245, 150, 25), (240, 200, 40), (175, 50, 60)]
    k = 0
    for x in range(20, w, 70):
        for y in (22, h - 22):
            crayon_shape(
                img,
                d,
                leaf_pts(x + 15, y, 56, 28, rng.uniform(-30, 30)),
                colors[k % 4],
                mix(colors[k % 4], INK, 0.4),
                rng,
                3,
                spacing=5,
            )
            k += 1
    for y in range(90, h - 60, 70):
        for x in (22, w - 22):
            crayon_shape(
                img,
                d,
                leaf_pts(x, y + 15, 56, 28, 90 + rng.uniform(-30, 30)),
                colors[k % 4],
                mix(colors[k % 4], INK, 0.4),
                rng,
                3,
                spacing=5,
            )
            k += 1
    scrawl(img, (215, 62), "Autumn", 64, (200, 80, 20), rng, tilt=5, weight=3)
    lines = [
        "Leaves fall down",
        "like orange rain,",
        "crunch crunch crunch",
        "on the way to school.",
        "The wind says hurry,",
        "the squirrels say wait,",
        "I say one more jump",
        "in the leaf pile!",
        "   - by Sam O.",
    ]
    for i, line in enumerate(lines):
        scrawl(img, (75, 134 + i * 62), line, 34, (40, 50, 120), rng, tilt=4)
    return img


# --------------------------------------------------------------------------------------------
# Grade 7: Aiyana
# --------------------------------------------------------------------------------------------


def book_stack(img: Image.Image, d: Draw, x: float, base: float, width: float, rng: Rng) -> float:
    """Books piled on a table, seen from the front. Returns the top y."""
    colors = [(170, 50, 50), (40, 90, 160), (60, 130, 80), (200, 150, 40)]
    y = base
    for i, color in enumerate(colors):
        th = rng.uniform(34, 48)
        off = rng.uniform(-10, 10)
        box = [(x + off, y - th), (x + off + width, y - th), (x + off + width, y), (x + off, y)]
        paste_gradient(img, box, mix(color, WHITE, 0.15), mix(color, INK, 0.3))
        d.line(
            [(x + off + 6, y - th / 2), (x + off + width - 6, y - th / 2)],
            fill=rgba(mix(color, WHITE, 0.5), 150),
            width=3,
        )
        d.rectangle((x + off, y - th, x + off + width, y - th + 4), fill=(245, 240, 225))
        y -= th
        if i == 2:
            break
    return y


def draw_bridge_photo(rng: Rng) -> Image.Image:
    w, h = 960, 640
    img = wall_and_table((w, h), rng, 300, ((175, 195, 215), (145, 165, 190)), (150, 105, 65))
    d = ImageDraw.Draw(img, "RGBA")
    d.rectangle((70, 40, 330, 220), fill=(245, 245, 240))
    d.rectangle((70, 40, 330, 70), fill=(230, 90, 60))
    for k in range(6):
        d.rectangle(
            (90, 90 + k * 20, 90 + rng.uniform(120, 220), 100 + k * 20), fill=(150, 150, 160)
        )
    soft_shadow(img, [(150, 560), (820, 560), (850, 600), (120, 600)], 16, 150)
    left_top = book_stack(img, d, 90, 590, 220, rng)
    right_top = book_stack(img, d, 650, 590, 220, rng)
    deck_y = min(left_top, right_top)
    stick, dark = (222, 190, 130), (150, 115, 70)
    x0, x1 = 180, 780
    d.rectangle((x0, deck_y - 14, x1, deck_y + 4), fill=stick, outline=dark, width=2)
    top = deck_y - 150
    panels = 8
    xs = [x0 + (x1 - x0) * i / panels for i in range(panels + 1)]
    chord_y = [top + 60 * (1 - math.sin(math.pi * i / panels)) for i in range(panels + 1)]
    for i in range(panels + 1):
        d.line([(xs[i], deck_y - 10), (xs[i], chord_y[i])], fill=dark, width=12)
        d.line([(xs[i], deck_y - 10), (xs[i], chord_y[i])], fill=stick, width=8)
    for i in range(panels):
        a, b = (
            ((xs[i], chord_y[i]), (xs[i + 1], deck_y - 10))
            if i < panels / 2
            else ((xs[i], deck_y - 10), (xs[i + 1], chord_y[i + 1]))
        )
        d.line([a, b], fill=dark, width=12)
        d.line([a, b], fill=stick, width=8)
    chord = list(zip(xs, chord_y, strict=True))
    d.line(chord, fill=dark, width=16, joint="curve")
    d.line(chord, fill=stick, width=11, joint="curve")
    for x, y in chord:
        d.ellipse((x - 7, y - 7, x + 7, y + 7), fill=(240, 235, 210))
    mx = (x0 + x1) / 2
    d.rectangle((mx - 40, deck_y - 14 - 3, mx + 40, deck_y - 14), fill=(60, 60, 60))
    weight = (mx - 45, chord_y[4] - 95, mx + 45, chord_y[4] - 10)
    paste_gradient(
        img,
        [
            (weight[0], weight[1]),
            (weight[2], weight[1]),
            (weight[2], weight[3]),
            (weight[0], weight[3]),
        ],
        (190, 195, 200),
        (90, 95, 105),
    )
    d.ellipse((weight[0], weight[1] - 12, weight[2], weight[1] + 12), fill=(210, 215, 220))
    label(d, (mx - 28, weight[1] + 30), "2 kg", 26, fill=(30, 30, 35), bold=True)
    d.line([(mx, weight[3]), (mx, chord_y[4])], fill=(70, 70, 70), width=3)
    return finish_photo(img, rng, blur=0.9)


def draw_watershed_map(rng: Rng) -> Image.Image:
    w, h = 880, 700
    img = paper((w, h), rng, base=(246, 242, 228))
    d = ImageDraw.Draw(img, "RGBA")
    crayon_fill(
        img,
        poly_mask(img.size, [(30, 90), (850, 90), (850, 670), (30, 670)]),
        (190, 225, 160),
        rng,
        7,
        7,
        alpha=150,
    )
    tints = [(215, 220, 150), (225, 200, 130), (205, 165, 110), (175, 130, 90)]
    for hx, hy, r in [(230, 260, 170), (560, 200, 140)]:
        for k, tint in enumerate(tints):
            pts = blob(hx, hy, r * (1 - k * 0.22), rng, amp=0.14)
            crayon_fill(img, poly_mask(img.size, pts), tint, rng, 6, 6, alpha=200)
            d.line([*pts, pts[0]], fill=(130, 90, 50), width=2)
    boundary = blob(400, 360, 330, rng, amp=0.1)
    boundary = [(x, min(max(y, 100), 660)) for x, y in boundary]
    for a, b in zip(boundary, [*boundary[1:], boundary[0]], strict=True):
        if int(a[0] + a[1]) // 12 % 2 == 0:
            d.line([a, b], fill=(200, 40, 40), width=4)
    lake = blob(690, 540, 80, rng, amp=0.12)
    d.polygon(lake, fill=(110, 170, 235), outline=(40, 100, 190))
    main = [(150, 300), (250, 380), (380, 420), (520, 470), (640, 520)]
    d.line(wobble(main, rng, 15, 5), fill=(60, 130, 220), width=10, joint="curve")
    for trib in (
        [(300, 170), (320, 280), (380, 420)],
        [(580, 280), (540, 380), (520, 470)],
        [(120, 500), (250, 470), (380, 420)],
        [(470, 130), (500, 300), (540, 380)],
    ):
        d.line(wobble(trib, rng, 12, 4), fill=(70, 140, 225), width=5, joint="curve")
    for tx, ty in [(420, 455), (470, 470), (440, 485)]:
        d.rectangle((tx - 8, ty - 8, tx + 8, ty + 8), fill=(90, 90, 90))
    scrawl(img, (395, 500), "Millbrook", 24, INK, rng, tilt=2)
    scrawl(img, (640, 620), "Heron Lake", 26, (30, 70, 160), rng, tilt=2)
    scrawl(img, (170, 240), "Bear Hill", 24, (90, 50, 20), rng, tilt=2)
    scrawl(img, (500, 180), "Pine Ridge", 24, (90, 50, 20), rng, tilt=2)
    d.rectangle((0, 0, w, 80), fill=(250, 248, 240))
    scrawl(img, (150, 14), "The Cedar Creek Watershed", 46, (30, 80, 60), rng, tilt=2, weight=2)
    d.rectangle((40, 560, 275, 680), fill=(252, 250, 244), outline=INK, width=2)
    legend = [
        ((60, 130, 220), "river"),
        ((200, 40, 40), "watershed edge"),
        ((130, 90, 50), "contour (50 m)"),
    ]
    for i, (color, text) in enumerate(legend):
        d.line([(55, 585 + i * 32), (95, 585 + i * 32)], fill=color, width=6)
        label(d, (105, 573 + i * 32), text, 20)
    cx, cy = 800, 150
    d.polygon([(cx, cy - 50), (cx - 14, cy), (cx + 14, cy)], fill=INK)
    d.polygon([(cx, cy + 50), (cx - 14, cy), (cx + 14, cy)], fill=WHITE, outline=INK)
    label(d, (cx - 9, cy - 88), "N", 30, bold=True)
    d.rectangle((280, 650, 440, 660), fill=WHITE, outline=INK, width=2)
    d.rectangle((280, 650, 360, 660), fill=INK)
    label(d, (280, 622), "0      1      2 km", 18)
    return img


def draw_pendulum_chart(rng: Rng) -> Image.Image:
    w, h = 840, 620
    img = paper((w, h), rng, base=(253, 253, 251))
    d = ImageDraw.Draw(img, "RGBA")
    label(d, (60, 24), "Does string length change swing time?", 32, bold=True)
    ox, oy, gx, gy = 120, 520, 560, 390
    for k in range(0, 11, 2):
        y = oy - gy * (k / 10)
        d.line([(ox, y), (ox + gx, y)], fill=(220, 220, 228), width=1)
        label(d, (ox - 50, y - 12), f"{k / 5:.1f}", 20)
    d.line([(ox, oy - gy - 10), (ox, oy), (ox + gx + 10, oy)], fill=INK, width=3)
    data = [(20, 0.90), (40, 1.27), (60, 1.55), (80, 1.79), (100, 2.01)]
    colors = [(235, 85, 70), (245, 160, 40), (80, 175, 90), (60, 140, 220), (140, 90, 210)]
    bar = gx / len(data)
    for i, ((length, seconds), color) in enumerate(zip(data, colors, strict=True)):
        x = ox + i * bar + bar * 0.18
        top = oy - gy * seconds / 2
        d.rectangle((x, top, x + bar * 0.64, oy), fill=color, outline=mix(color, INK, 0.4), width=2)
        label(d, (x + 10, top - 28), f"{seconds:.2f} s", 20)
        label(d, (x + 14, oy + 8), f"{length} cm", 20)
    label(d, (ox + gx / 2 - 80, oy + 44), "Length of string", 24)
    label(d, (20, 80), "Time for one swing (s)", 22)
    px, py = 745, 150
    d.line([(px - 55, py), (px + 55, py)], fill=INK, width=6)
    for ang, alpha in [(-20, 90), (0, 255), (20, 90)]:
        bx = px + 200 * math.sin(math.radians(ang))
        by = py + 200 * math.cos(math.radians(ang))
        d.line([(px, py), (bx, by)], fill=rgba(INK, alpha), width=2)
        d.ellipse((bx - 16, by - 16, bx + 16, by + 16), fill=rgba((210, 60, 60), alpha))
    d.arc((px - 200, py - 200 + 0, px + 200, py + 200), 70, 110, fill=(120, 120, 130), width=2)
    label(d, (680, 380), "Our result: longer", 20, fill=(60, 60, 70))
    label(d, (680, 404), "string = slower", 20, fill=(60, 60, 70))
    label(d, (680, 428), "swing!", 20, fill=(60, 60, 70))
    return img


def droplet(cx: float, cy: float, r: float) -> list[Point]:
    pts = oval(cx, cy, r, r, a0=-20, a1=200, n=30)
    return [*pts, (cx, cy - r * 2.1)]


def draw_water_poster(rng: Rng) -> Image.Image:
    w, h = 600, 900
    img = gradient((w, h), (20, 80, 160), (20, 150, 170))
    d = ImageDraw.Draw(img, "RGBA")
    for size, text, y in [(84, "WATER", 28), (84, "IS LIFE", 120)]:
        tw = font(size).getlength(text)
        d.text(
            ((w - tw) / 2 + 4, y + 5),
            text,
            font=font(size),
            fill=(10, 40, 90),
            stroke_width=3,
            stroke_fill=(10, 40, 90),
        )
        d.text(
            ((w - tw) / 2, y), text, font=font(size), fill=WHITE, stroke_width=3, stroke_fill=WHITE
        )
    drop = droplet(300, 435, 95)
    d.polygon(drop, fill=(140, 210, 250), outline=WHITE, width=6)
    d.ellipse((228, 360, 258, 420), fill=(220, 245, 255))
    d.ellipse((255, 400, 355, 500), fill=(50, 120, 210), outline=WHITE, width=3)
    d.polygon(blob(285, 430, 24, rng, amp=0.3), fill=(70, 170, 90))
    d.polygon(blob(325, 470, 20, rng, amp=0.3), fill=(70, 170, 90))
    facts = [
        ("Turn off the tap when you", "brush: save 6 L a minute!", (60, 130, 210)),
        ("Keep Cedar Creek clean", "for the fish and birds.", (40, 150, 90)),
        ("Plant native plants to", "slow rain run-off.", (230, 140, 40)),
    ]
    for i, (a, b, color) in enumerate(facts):
        y = 560 + i * 98
        d.rounded_rectangle((40, y, 560, y + 84), 18, fill=WHITE)
        d.ellipse((56, y + 12, 116, y + 72), fill=color)
        label(d, (76, y + 18), str(i + 1), 34, fill=WHITE, bold=True)
        label(d, (136, y + 12), a, 26, fill=INK)
        label(d, (136, y + 44), b, 26, fill=INK)
    label(d, (380, 862), "by Aiyana R.", 24, fill=WHITE)
    return img


def draw_ratio_notes(rng: Rng) -> Image.Image:
    w, h = 640, 880
    img = paper((w, h), rng, base=(252, 252, 250))
    d = ImageDraw.Draw(img, "RGBA")
    grid(d, (w, h), 24, (205, 222, 238))
    scrawl(img, (40, 24), "Ratios: scaling a recipe", 40, (30, 40, 110), rng, tilt=3, weight=2)
    scrawl(img, (40, 86), "Pancakes for 4 -> pancakes for 12?", 28, PENCIL, rng, tilt=3)
    rows = [
        ("flour", "2 cups", "6 cups"),
        ("milk", "1.5 cups", "4.5 cups"),
        ("eggs", "2", "6"),
        ("sugar", "1 tbsp", "3 tbsp"),
    ]
    x0, y0 = 40, 150
    cols = [x0, 190, 370, 560]
    d.rectangle((cols[0], y0, cols[-1], y0 + 48), fill=(250, 230, 150))
    for x in cols:
        d.line([(x, y0), (x, y0 + 48 * 5)], fill=PENCIL, width=2)
    for r in range(6):
        d.line([(cols[0], y0 + r * 48), (cols[-1], y0 + r * 48)], fill=PENCIL, width=2)
    for i, text in enumerate(["", "for 4", "for 12 (x3)"]):
        scrawl(img, (cols[i] + 12, y0 + 8), text, 26, INK, rng, tilt=2)
    for r, row in enumerate(rows, start=1):
        for i, text in enumerate(row):
            color = (30, 110, 60) if i == 2 else PENCIL
            scrawl(img, (cols[i] + 12, y0 + r * 48 + 8), text, 26, color, rng, tilt=2)
    y = 430
    scrawl(img, (40, y), "Tape diagram: flour to milk = 4 : 3", 26, PENCIL, rng, tilt=2)
    for band, (count, color, name) in enumerate(
        [(4, (245, 160, 50), "flour"), (3, (80, 150, 230), "milk")]
    ):
        for k in range(count):
            x = 140 + k * 90
            yy = y + 50 + band * 70
            d.rectangle((x, yy, x + 90, yy + 50), fill=color, outline=INK, width=3)
        scrawl(img, (40, y + 58 + band * 70), name, 26, INK, rng, tilt=2)
    pie_x, pie_y = 470, 700
    split = -90 + 360 * 4 / 7
    box = (pie_x - 100, pie_y - 100, pie_x + 100, pie_y + 100)
    d.pieslice(box, -90, split, fill=(245, 160, 50), outline=INK, width=3)
    d.pieslice(box, split, 270, fill=(80, 150, 230), outline=INK, width=3)
    scrawl(img, (40, 640), "4 parts + 3 parts = 7", 26, PENCIL, rng, tilt=2)
    scrawl(img, (40, 680), "flour is 4/7 of the mix", 26, PENCIL, rng, tilt=2)
    tick(d, 470, 835, 50, rng, (30, 150, 60))
    scrawl(img, (40, 790), "Clear thinking, Aiyana!", 32, (30, 150, 60), rng, tilt=3)
    return img


def sky_colour(img: Image.Image, x: float, y: float) -> Color:
    pixel = img.getpixel((min(img.width - 1, max(0, round(x))), round(y)))
    assert isinstance(pixel, tuple)
    return (pixel[0], pixel[1], pixel[2])


def draw_dusk_painting(rng: Rng) -> Image.Image:
    w, h = 900, 600
    horizon = 360
    sky = gradient((w, horizon), (70, 50, 130), (250, 150, 70))
    img = paper((w, h), rng, base=(240, 236, 225), grain=8)
    img.paste(sky, (0, 0))
    d = ImageDraw.Draw(img, "RGBA")
    d.ellipse((560, 170, 690, 300), fill=(255, 215, 120))
    for k, color in enumerate([(120, 80, 150), (90, 60, 125), (60, 45, 95)]):
        base = horizon + 5
        peaks: list[Point] = [(0, base)]
        x = -40.0 + k * 30
        while x < w + 80:
            peaks.append((x + 40, base - rng.uniform(90, 190) + k * 40))
            peaks.append((x + 110, base - rng.uniform(30, 80) + k * 25))
            x += 150
        peaks.append((w, base))
        d.polygon(wobble(peaks, rng, 14, 4), fill=rgba(color, 235))
    water = gradient((w, h - horizon), (225, 140, 90), (50, 40, 90))
    img.paste(water, (0, horizon))
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(420):
        x, y = rng.uniform(-40, w), rng.uniform(0, h)
        near_sun = y > 150 and x < 700 and x > 420
        if (y < horizon - 120 or y > horizon) and not near_sun:
            color = shade(sky_colour(img, x, y), rng, 18)
            d.line(
                [(x, y), (x + rng.uniform(40, 120), y + rng.uniform(-4, 4))],
                fill=rgba(color, 70),
                width=rng.randint(6, 14),
            )
    for i in range(60):
        y = horizon + 8 + i * 4 + rng.uniform(-2, 2)
        x = rng.uniform(350, 800)
        d.line([(x, y), (x + rng.uniform(30, 140), y)], fill=(255, 215, 140, 120), width=2)
    for x, height in [(40, 300), (110, 240), (170, 330), (790, 280), (860, 340)]:
        pine(d, x, h - 10, height, (25, 30, 40))
    d.rectangle((0, h - 40, w, h), fill=(25, 30, 40))
    img = img.filter(ImageFilter.GaussianBlur(1.4))
    img = ImageChops.multiply(img, paper((w, h), rng, (255, 253, 248), 7))
    d = ImageDraw.Draw(img, "RGBA")
    scrawl(img, (800, 560), "A.R.", 24, (200, 190, 170), rng, tilt=2)
    return img


def draw_pixel_game(rng: Rng) -> Image.Image:
    pw, ph = 96, 72
    px = Image.new("RGB", (pw, ph), (110, 190, 250))
    d = ImageDraw.Draw(px)
    for y in range(0, 40, 8):
        d.rectangle((0, y, pw, y + 7), fill=mix((90, 160, 245), (160, 215, 250), y / 40))
    for cx, cy in [(12, 8), (55, 13), (80, 6)]:
        d.rectangle((cx, cy, cx + 11, cy + 3), fill=WHITE)
        d.rectangle((cx + 3, cy - 2, cx + 8, cy), fill=WHITE)
    d.polygon([(0, 60), (18, 40), (36, 60)], fill=(80, 170, 90))
    d.polygon([(40, 60), (62, 36), (84, 60)], fill=(70, 150, 80))
    for x in range(0, pw, 6):
        if 42 <= x < 54:
            continue
        top = 60
        d.rectangle((x, top, x + 5, top + 1), fill=(80, 200, 60))
        d.rectangle((x, top + 2, x + 5, ph), fill=(150, 90, 40))
        d.point((x + 2, top + 5), fill=(120, 70, 30))
    for bx in range(30, 54, 6):
        d.rectangle((bx, 42, bx + 5, 46), fill=(200, 90, 50))
        d.line([(bx, 44), (bx + 5, 44)], fill=(140, 60, 30))
    d.rectangle((36, 36, 41, 41), fill=(250, 200, 40))
    d.point((38, 38), fill=(150, 100, 0))
    for cx, cy in [(14, 50), (20, 50), (62, 52), (68, 52), (46, 34)]:
        d.rectangle((cx, cy, cx + 2, cy + 3), fill=(255, 220, 40))
    d.rectangle((20, 52, 25, 55), fill=(220, 50, 50))
    d.rectangle((21, 56, 24, 59), fill=(50, 80, 200))
    d.rectangle((21, 49, 24, 52), fill=(230, 180, 140))
    d.rectangle((20, 49, 25, 49), fill=(90, 50, 20))
    d.rectangle((72, 56, 78, 59), fill=(130, 70, 170))
    d.point((73, 57), fill=WHITE)
    d.point((76, 57), fill=WHITE)
    d.line([(88, 38), (88, 59)], fill=(230, 230, 230))
    d.polygon([(89, 38), (94, 41), (89, 44)], fill=(230, 50, 50))
    img = px.resize((pw * 8, ph * 8), NEAREST)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, pw * 8, 44), fill=(20, 20, 40))
    label(d, (16, 6), "SCORE 00420", 28, fill=WHITE, bold=True)
    label(d, (330, 6), "LEVEL 1-2", 28, fill=(255, 220, 60), bold=True)
    label(d, (580, 6), "LIVES", 28, fill=WHITE, bold=True)
    for k in range(3):
        d.rectangle((680 + k * 24, 14, 696 + k * 24, 30), fill=(230, 50, 50))
    return img


# --------------------------------------------------------------------------------------------
# Grade 10: Lukas
# --------------------------------------------------------------------------------------------


def draw_titration_report(rng: Rng) -> Image.Image:
    w, h = 700, 920
    img = paper((w, h), rng, base=(254, 254, 253), grain=3)
    d = ImageDraw.Draw(img, "RGBA")
    label(d, (50, 40), "Lab 3: Acid-Base Titration", 34, bold=True)
    label(
        d,
        (50, 88),
        "Lukas Nguyen  |  Chemistry 10  |  Partner: R. Singh  |  2026-10-21",
        16,
        fill=(90, 90, 100),
    )
    d.line([(50, 116), (650, 116)], fill=(60, 60, 70), width=2)
    y = 130.0
    sections = [
        (
            "Purpose",
            "To find the concentration of an unknown hydrochloric acid solution by "
            "titrating it with 0.100 mol/L sodium hydroxide and locating the equivalence point.",
        ),
        (
            "Method",
            "25.0 mL of HCl was pipetted into a flask with three drops of "
            "phenolphthalein. NaOH was added from a burette in 1.0 mL steps, then 0.2 mL steps "
            "near the endpoint, and the pH was read with a probe after each addition.",
        ),
    ]
    for title, body in sections:
        label(d, (50, y), title, 20, bold=True)
        y = typeset(d, (50, y + 28), body, 15, 600, leading=1.5) + 10
    gx0, gy0, gw, gh = 110, y + 20, 380, 300
    d.rectangle((gx0, gy0, gx0 + gw, gy0 + gh), fill=(250, 251, 255), outline=INK, width=2)
    for k in range(1, 7):
        x = gx0 + gw * k / 7
        d.line([(x, gy0), (x, gy0 + gh)], fill=(220, 225, 235), width=1)
    for k in range(1, 7):
        yy = gy0 + gh * k / 7
        d.line([(gx0, yy), (gx0 + gw, yy)], fill=(220, 225, 235), width=1)
    pts = []
    for i in range(101):
        v = 35 * i / 100
        ph = 7 + 5.6 * math.tanh((v - 24.6) * 0.9) + 0.04 * (v - 24.6)
        pts.append((gx0 + gw * v / 35, gy0 + gh * (1 - ph / 14)))
    d.line(pts, fill=(30, 90, 200), width=4, joint="curve")
    ex = gx0 + gw * 24.6 / 35
    ey = gy0 + gh * 0.5
    for yy in range(round(ey), round(gy0 + gh), 10):
        d.line([(ex, yy), (ex, yy + 5)], fill=RED_PEN, width=2)
    d.ellipse((ex - 7, ey - 7, ex + 7, ey + 7), fill=RED_PEN)
    label(d, (ex + 12, ey - 10), "equivalence point", 15, fill=RED_PEN)
    label(d, (ex + 12, ey + 8), "24.6 mL, pH 7.0", 15, fill=RED_PEN)
    label(d, (gx0 + 90, gy0 + gh + 10), "Volume of NaOH added (mL)", 15)
    label(d, (gx0 - 70, gy0 + gh / 2 - 60), "pH", 18, bold=True)
    for k in (0, 7, 14):
        label(d, (gx0 - 28, gy0 + gh * (1 - k / 14) - 9), str(k), 15)
    label(d, (50, gy0 + gh + 46), "Results", 20, bold=True)
    body = (
        "Average titre 24.6 mL (trials: 24.5, 24.7, 24.6). c(HCl) = 0.0984 mol/L. The sharp "
        "rise between 24 and 25 mL shows a strong acid and strong base."
    )
    y = typeset(d, (50, gy0 + gh + 74), body, 15, 600, leading=1.5)
    label(d, (50, y + 10), "Sources of error", 20, bold=True)
    typeset(d, (50, y + 38), "Reading the meniscus; the probe lagged near the endpoint.", 15, 600)
    scrawl(img, (505, 300), "Excellent analysis", 20, RED_PEN, rng, tilt=3)
    scrawl(img, (505, 326), "of the endpoint!", 20, RED_PEN, rng, tilt=3)
    scrawl(img, (505, 352), "Quantify error?", 20, RED_PEN, rng, tilt=3)
    d.ellipse((560, 20, 660, 80), outline=RED_PEN, width=4)
    scrawl(img, (572, 30), "18/20", 28, RED_PEN, rng, tilt=3)
    return img


ESSAY = [
    "In Lois Lowry's The Giver, the community has removed pain by removing memory, and with it "
    "the ability to choose. Jonas first experiences memory as a gift: snow, sunshine, colour. "
    "But the novel argues that memory matters most because it makes real choice possible.",
    "When the Giver transmits the memory of war, Jonas cannot simply enjoy what he receives. He "
    "has to carry it. Lowry suggests that a person who remembers suffering is able to judge the "
    "present, which is exactly what the Elders fear. Sameness is safe only because no one can "
    "compare it with anything else.",
    "This is why Jonas's decision to leave is an act of memory rather than rebellion alone. By "
    "releasing the memories back to the community, he gives everyone the burden and the freedom "
    "that come with them. The ending is uncertain, but the uncertainty is the point: a life "
    "that can be chosen cannot be guaranteed.",
]


def draw_essay_page(rng: Rng) -> Image.Image:
    w, h = 700, 920
    img = paper((w, h), rng, base=(254, 254, 253), grain=3)
    d = ImageDraw.Draw(img, "RGBA")
    label(d, (70, 40), "Lukas Nguyen", 16)
    label(d, (70, 62), "English 10 - Ms. Okafor", 16)
    label(d, (70, 84), "November 4, 2026", 16)
    title = "Memory as Freedom in The Giver"
    tw = font(26).getlength(title)
    label(d, ((w - tw) / 2, 130), title, 26, bold=True)
    y = 185.0
    line_h = 16 * 1.9
    first_lines: list[float] = []
    for para in ESSAY:
        lines = wrap("        " + para, 16, 480)
        first_lines.append(y)
        for line in lines:
            d.text((70, y), line, font=font(16), fill=INK)
            y += line_h
        y += 6
    d.line(
        [(70, first_lines[0] + 3 * line_h + 20), (540, first_lines[0] + 3 * line_h + 20)],
        fill=RED_PEN,
        width=2,
    )
    d.line(
        [(70, first_lines[1] + 2 * line_h + 20), (420, first_lines[1] + 2 * line_h + 20)],
        fill=RED_PEN,
        width=2,
    )
    d.line([(565, 185), (565, h - 60)], fill=(240, 200, 200), width=1)
    scrawl(img, (575, first_lines[0] + 40), "Strong", 20, RED_PEN, rng, tilt=4)
    scrawl(img, (575, first_lines[0] + 64), "thesis!", 20, RED_PEN, rng, tilt=4)
    scrawl(img, (575, first_lines[1] + 40), "quote?", 20, RED_PEN, rng, tilt=4)
    arrow(
        d,
        [(572, first_lines[1] + 70), (430, first_lines[1] + 2 * line_h + 16)],
        RED_PEN,
        2,
        rng,
        12,
    )
    scrawl(img, (575, first_lines[2] + 50), "Great", 20, RED_PEN, rng, tilt=4)
    scrawl(img, (575, first_lines[2] + 74), "ending", 20, RED_PEN, rng, tilt=4)
    d.ellipse((528, 22, 684, 102), outline=RED_PEN, width=4)
    scrawl(img, (548, 42), "Level 4", 28, RED_PEN, rng, tilt=3)
    scrawl(
        img,
        (70, h - 80),
        "Push further on the Elders' motives next time. - O.",
        22,
        RED_PEN,
        rng,
        tilt=3,
    )
    return img


def draw_light_photo(rng: Rng) -> Image.Image:
    w, h = 1000, 667
    img = gradient((w, h), (120, 105, 92), (80, 68, 58), horizontal=True)
    d = ImageDraw.Draw(img, "RGBA")
    floor_y = 520
    img.paste(gradient((w, h - floor_y), (95, 70, 50), (55, 40, 30)), (0, floor_y))
    light = Image.new("L", (w, h), 0)
    ld = ImageDraw.Draw(light)
    for col in range(2):
        for row in range(2):
            x, y = 300 + col * 170, 90 + row * 190
            ld.polygon([(x, y), (x + 150, y - 30), (x + 190, y + 140), (x + 40, y + 170)], fill=255)
    ld.polygon([(330, 530), (730, 500), (950, 667), (420, 667)], fill=200)
    shadow = Image.new("L", (w, h), 0)
    sd = ImageDraw.Draw(shadow)
    for i in range(9):
        a = math.radians(-150 + i * 15)
        cx, cy = 560 + math.cos(a) * 110, 330 + math.sin(a) * 120
        sd.polygon(leaf_pts(cx, cy, 130, 45, math.degrees(a)), fill=255)
        sd.line([(560, 470), (cx, cy)], fill=255, width=6)
    light = ImageChops.subtract(light, shadow).filter(ImageFilter.GaussianBlur(5))
    img.paste((255, 222, 170), (0, 0, w, h), light.point(lambda v: v * 3 // 4))
    d = ImageDraw.Draw(img, "RGBA")
    d.rectangle((0, floor_y - 6, w, floor_y), fill=(70, 55, 45))
    px = 810
    soft_shadow(img, [(px - 80, 600), (px + 60, 600), (px + 10, 625), (px - 120, 625)], 10, 150)
    pot = [(px - 60, 470), (px + 60, 470), (px + 45, 610), (px - 45, 610)]
    paste_gradient(img, pot, (225, 140, 90), (120, 65, 40))
    d.rectangle((px - 70, 460, px + 70, 480), fill=(215, 130, 85))
    for i in range(9):
        a = math.radians(-160 + i * 17)
        cx, cy = px + math.cos(a) * 85, 370 + math.sin(a) * 95
        d.line([(px, 465), (cx, cy)], fill=(60, 110, 45), width=5)
        d.polygon(leaf_pts(cx, cy, 110, 40, math.degrees(a)), fill=(85, 150, 60))
        d.line(leaf_pts(cx, cy, 100, 6, math.degrees(a))[:6], fill=(170, 210, 120), width=2)
    img = finish_photo(img, rng, blur=1.1, grain=12, vignette=0.45)
    return img


def draw_parabolas(rng: Rng) -> Image.Image:
    w, h = 720, 720
    img = paper((w, h), rng, base=(253, 253, 251), grain=3)
    d = ImageDraw.Draw(img, "RGBA")
    grid(d, (w, h), 30, (200, 215, 235))
    ox, oy, unit = 330, 390, 30
    d.line([(0, oy), (w, oy)], fill=INK, width=3)
    d.line([(ox, 0), (ox, h)], fill=INK, width=3)
    for k in range(-10, 13, 2):
        if k:
            label(d, (ox + k * unit - 6, oy + 6), str(k), 14, fill=(90, 90, 100))
            label(d, (ox + 6, oy - k * unit - 8), str(k), 14, fill=(90, 90, 100))
    curves: list[tuple[Callable[[float], float], Color, str]] = [
        (lambda x: x * x, (40, 90, 210), "y = x^2"),
        (lambda x: (x - 2) ** 2 - 3, (210, 50, 50), "y = (x-2)^2 - 3"),
        (lambda x: -0.5 * x * x + 4, (40, 150, 70), "y = -0.5x^2 + 4"),
    ]
    for fn, color, _ in curves:
        pts = []
        for i in range(-120, 121):
            x = i / 10
            y = fn(x)
            px, py = ox + x * unit, oy - y * unit
            if -40 < py < h + 40:
                pts.append((px, py))
        pen(d, pts, color, 4, rng)
    for vx, vy, color in [(0, 0, (40, 90, 210)), (2, -3, (210, 50, 50)), (0, 4, (40, 150, 70))]:
        px, py = ox + vx * unit, oy - vy * unit
        d.ellipse((px - 7, py - 7, px + 7, py + 7), fill=color)
    d.rectangle((20, 20, 310, 196), fill=(253, 253, 250), outline=INK, width=2)
    scrawl(img, (32, 28), "Transformations", 26, INK, rng, tilt=2)
    for i, (_, color, text) in enumerate(curves):
        d.line([(34, 94 + i * 36), (70, 94 + i * 36)], fill=color, width=5)
        scrawl(img, (80, 80 + i * 36), text, 22, color, rng, tilt=2)
    scrawl(
        img,
        (ox + 2 * unit + 10, oy + 3 * unit + 4),
        "vertex (2, -3)",
        20,
        (210, 50, 50),
        rng,
        tilt=2,
    )
    scrawl(img, (440, 180), "a < 0 so it", 20, (40, 150, 70), rng, tilt=2)
    scrawl(img, (440, 204), "opens down", 20, (40, 150, 70), rng, tilt=2)
    return img


def draw_timeline(rng: Rng) -> Image.Image:
    w, h = 1000, 560
    img = paper((w, h), rng, base=(244, 238, 222), grain=4)
    d = ImageDraw.Draw(img, "RGBA")
    d.rectangle((0, 0, w, 90), fill=(120, 30, 35))
    label(d, (40, 18), "Road to War: 1871-1914", 44, fill=WHITE, bold=True)
    label(d, (600, 34), "Causes of the First World War", 22, fill=(250, 220, 200))
    colors = {"M": (200, 60, 50), "A": (60, 130, 80), "I": (220, 140, 40), "N": (50, 90, 170)}
    line_y = 320
    d.line([(40, line_y), (960, line_y)], fill=INK, width=8)
    events = [
        (1871, "N", "German", "unification"),
        (1882, "A", "Triple", "Alliance"),
        (1898, "M", "German naval", "build-up"),
        (1905, "I", "Moroccan", "Crisis"),
        (1907, "A", "Triple", "Entente"),
        (1908, "N", "Bosnian", "Crisis"),
        (1912, "N", "Balkan", "Wars"),
    ]
    for i, (year, kind, a, b) in enumerate(events):
        x = 95 + i * 105
        color = colors[kind]
        up = i % 2 == 0
        by = line_y - 170 if up else line_y + 50
        d.line([(x, line_y), (x, by + (120 if up else 0))], fill=color, width=4)
        d.ellipse((x - 11, line_y - 11, x + 11, line_y + 11), fill=color, outline=INK, width=2)
        d.rounded_rectangle((x - 70, by, x + 70, by + 120), 10, fill=WHITE, outline=color, width=4)
        d.rectangle((x - 66, by + 4, x + 66, by + 40), fill=color)
        label(d, (x - 28, by + 8), str(year), 24, fill=WHITE, bold=True)
        label(d, (x - 60, by + 52), a, 17)
        label(d, (x - 60, by + 78), b, 17)
    x = 892
    d.ellipse((x - 26, line_y - 26, x + 26, line_y + 26), fill=(180, 20, 30), outline=INK, width=3)
    d.rounded_rectangle((x - 86, 110, x + 92, 270), 10, fill=(180, 20, 30))
    label(d, (x - 40, 118), "1914", 32, fill=WHITE, bold=True)
    label(d, (x - 76, 166), "Assassination in", 17, fill=WHITE)
    label(d, (x - 76, 192), "Sarajevo, June 28", 17, fill=WHITE)
    label(d, (x - 76, 226), "War by August", 17, fill=WHITE, bold=True)
    d.line([(x, 270), (x, line_y - 26)], fill=(180, 20, 30), width=5)
    names = [("M", "Militarism"), ("A", "Alliances"), ("I", "Imperialism"), ("N", "Nationalism")]
    for i, (key, name) in enumerate(names):
        lx = 40 + i * 240
        d.rectangle((lx, 505, lx + 34, 539), fill=colors[key])
        label(d, (lx + 8, 507), key, 24, fill=WHITE, bold=True)
        label(d, (lx + 44, 509), name, 22)
    return img


CODE = [
    "import random",
    "import pygame",
    "",
    "WIDTH, HEIGHT = 800, 600",
    "",
    "class Rock:",
    '    """An asteroid drifting down the screen."""',
    "",
    "    def __init__(self, level):",
    "        self.x = random.randint(0, WIDTH)",
    "        self.y = -40",
    "        self.speed = 2 + level * 0.5  # faster each level",
    "        self.size = random.choice([20, 30, 45])",
    "",
    "    def update(self):",
    "        self.y += self.speed",
    "        return self.y < HEIGHT + 50",
    "",
    "def hit(ship, rock):",
    "    dx, dy = ship.x - rock.x, ship.y - rock.y",
    "    return dx * dx + dy * dy < (rock.size + 12) ** 2",
    "",
    "def main():",
    "    pygame.init()",
    "    screen = pygame.display.set_mode((WIDTH, HEIGHT))",
]
KEYWORDS = {"import", "class", "def", "return", "for", "in", "if", "while", "self"}


def code_tokens(line: str) -> list[tuple[str, Color]]:
    """A tiny Python highlighter: enough to colour a screenshot."""
    if "#" in line:
        code, comment = line.split("#", 1)
        return [*code_tokens(code), ("#" + comment, (110, 140, 110))]
    if '"""' in line or "'" in line:
        indent = len(line) - len(line.lstrip())
        return [(line[:indent], WHITE), (line[indent:], (210, 160, 110))]
    out: list[tuple[str, Color]] = []
    for word in re.findall(r"\w+|\s+|[^\w\s]", line):
        if word in KEYWORDS:
            color: Color = (200, 130, 220)
        elif word.isdigit():
            color = (180, 220, 150)
        elif word in ("Rock", "WIDTH", "HEIGHT", "pygame", "random"):
            color = (110, 190, 240)
        elif not word.strip() or not word[0].isalnum():
            color = (160, 165, 180)
        else:
            color = (215, 215, 220)
        out.append((word, color))
    return out


def draw_code_screen(rng: Rng) -> Image.Image:
    w, h = 960, 600
    img = Image.new("RGB", (w, h), (30, 31, 38))
    d = ImageDraw.Draw(img, "RGBA")
    d.rectangle((0, 0, w, 34), fill=(52, 54, 64))
    for i, color in enumerate([(240, 90, 80), (245, 190, 60), (90, 200, 90)]):
        d.ellipse((14 + i * 22, 11, 28 + i * 22, 25), fill=color)
    label(d, (400, 8), "asteroid_dodge.py", 16, fill=(200, 200, 210))
    d.rectangle((0, 34, 180, h - 26), fill=(38, 40, 48))
    for i, name in enumerate(
        ["game/", "  asteroid_dodge.py", "  ship.py", "  scores.json", "  sounds/", "README.md"]
    ):
        fill = (235, 235, 240) if i == 1 else (150, 150, 165)
        if i == 1:
            d.rectangle((0, 50 + i * 26, 180, 74 + i * 26), fill=(60, 64, 80))
        label(d, (12, 52 + i * 26), name, 15, fill=fill)
    f = font(15)
    for n, line in enumerate(CODE):
        y = 46 + n * 21
        label(d, (192, y), f"{n + 1:>2}", 15, fill=(100, 100, 115))
        x = 230.0
        for text, color in code_tokens(line):
            d.text((x, y), text, font=f, fill=color)
            x += f.getlength(text)
    d.rectangle((0, h - 26, w, h), fill=(50, 110, 190))
    label(d, (12, h - 22), "main   Python 3.12   Ln 12, Col 37", 15, fill=WHITE)
    gx0, gy0, gx1, gy1 = 600, 250, 940, 555
    d.rectangle((gx0 - 2, gy0 - 26, gx1 + 2, gy1 + 2), fill=(70, 72, 84))
    label(d, (gx0 + 8, gy0 - 22), "Asteroid Dodge", 14, fill=(220, 220, 230))
    d.rectangle((gx0, gy0, gx1, gy1), fill=(8, 10, 30))
    for _ in range(60):
        sx, sy = rng.uniform(gx0, gx1), rng.uniform(gy0, gy1)
        d.point((sx, sy), fill=(220, 220, 255))
    for rx, ry, r in [(670, 300, 26), (800, 350, 38), (890, 290, 18), (720, 440, 22)]:
        pts = blob(rx, ry, r, rng, n=14, amp=0.2)
        d.polygon(pts, fill=(130, 120, 110), outline=(190, 180, 170))
    d.polygon([(770, 495), (750, 535), (790, 535)], fill=(80, 220, 230))
    d.polygon([(762, 535), (778, 535), (770, 550)], fill=(250, 150, 40))
    label(d, (gx0 + 10, gy0 + 8), "SCORE 1370", 18, fill=(250, 230, 90), bold=True)
    return img


# --------------------------------------------------------------------------------------------
# The class, its prompts and its students
# --------------------------------------------------------------------------------------------

CLASS = {
    "format": "slc-class/1",
    "name": "Room 12 — Maple Class",
    "teacher": "Ms. Okafor",
    "term": "Fall 2026",
    "minutes": 20,
    "language": "en",
}

PROMPTS = {
    "format": "slc-prompts/1",
    "steps": {
        "welcome": [
            "Say hello and introduce your family to Ms. Okafor.",
            "Tell your family what we are going to do today.",
            "Show your family where you sit in Room 12.",
        ],
        "choose": [
            "Which piece makes you feel proudest?",
            "Pick one piece that was hard at first.",
            "Is there a piece your family hasn't seen yet?",
        ],
        "piece": [
            "What did you have to do for this piece?",
            "Show your family the part you worked hardest on.",
            "What would you change if you did it again?",
            "What did you learn while you were making it?",
        ],
        "strengths": [
            "What would your friends say you are good at?",
            "When do you feel most confident in class?",
        ],
        "goals": [
            "What is one thing you want to get better at by spring?",
            "What will you do each week to reach your goal?",
            "Who can help you with this goal, at school and at home?",
        ],
        "wrap_up": [
            "Thank your family for coming today!",
            "Tell them one thing you are looking forward to this term.",
        ],
    },
    "parent_questions": [
        "What do you enjoy most at school?",
        "What is hard for you right now?",
        "How can I help you with reading at home?",
        "Who do you like to work with, and why?",
        "What do you do when you get stuck?",
        "What did you learn this term that surprised you?",
        "Which piece of work took you the longest?",
        "What would you like to learn more about?",
        "How do you feel when you walk into class in the morning?",
    ],
    "commitment_ideas": [
        "Read together for 15 minutes every night",
        "Ask about one thing learned at school each day at dinner",
        "Set up a quiet homework spot with a lamp, pencils and paper",
        "Practise number facts or times tables for five minutes in the car",
        "Visit the public library together once a month",
        "Put one piece of school work on the fridge every week",
        "Pack the school bag together the night before",
        "Read the class newsletter every Friday and talk about it",
    ],
}

README = """\
# Sample class: Room 12 — Maple Class

This is the sample class that comes bundled with slc, so you can try a whole student-led
conference before preparing your own. Ms. Okafor's Room 12 has five students, from kindergarten
to grade 10: `portfolios/` holds one portfolio file per student (their pieces of work, strengths,
next steps and goals, written in the child's own words) plus a folder of images for each. Maya and
Lukas have already chosen their three pieces; Sam and Aiyana choose theirs during the conference;
Zoe has only two pieces, which is fine. `prompts.json` holds the class's own prompting questions,
parent questions and ideas for how families can help at home.

Real classes are made with `slc new-class DIR`, which creates the same layout (`class.json`,
`prompts.json`, `portfolios/`) for you to fill in. Conference records are written to `results/`
inside the class folder; nothing else writes there. Feel free to copy this folder and use it as
a template.
"""


@dataclass(frozen=True)
class Piece:
    """One piece of work: what the portfolio says about it, and how to draw its image."""

    id: str
    title: str
    subject: str
    date: str
    draw: Callable[[Rng], Image.Image]
    why_chosen: str
    what_i_did: str
    skills: str
    proud_of: str
    next_time: str
    ext: str = "png"
    colors: int = 128


@dataclass(frozen=True)
class Student:
    id: str
    name: str
    grade: str
    learner: str
    pieces: list[Piece]
    strengths: list[str]
    next_steps: list[str]
    goals: list[dict[str, str]]
    chosen: list[str] | None = None
    prompts: dict[str, list[str]] | None = None


MAYA = Student(
    id="maya",
    name="Maya López",
    grade="1",
    learner="I learn best when I can draw it and show you.",
    pieces=[
        Piece(
            "butterfly",
            "Butterfly life cycle",
            "Science",
            "2026-10-02",
            draw_butterfly_cycle,
            why_chosen="I love butterflies. I drew all four parts.",
            what_i_did="I drew the egg, the caterpillar, the chrysalis and the butterfly. "
            "I made arrows so it goes round and round.",
            skills="Drawing. Putting things in order.",
            proud_of="The butterfly wings. I did the white dots.",
            next_time="I will write a sentence for each part.",
        ),
        Piece(
            "story",
            "The Lost Cat",
            "Writing",
            "2026-10-20",
            draw_story_page,
            why_chosen="It is about my cat Luna. It really happened!",
            what_i_did="I drew a picture and I wrote five sentences.",
            skills="Finger spaces. Capital letters and periods.",
            proud_of="I spelled ladder all by myself.",
            next_time="I want to make it a book with more pages.",
        ),
        Piece(
            "adding",
            "Adding to 10",
            "Math",
            "2026-09-24",
            draw_adding_sheet,
            why_chosen="I got a gold star!",
            what_i_did="I added the numbers. I drew dots to help me count.",
            skills="Counting on. Adding.",
            proud_of="I fixed the one I got wrong.",
            next_time="I will check my answers before I hand it in.",
        ),
        Piece(
            "house",
            "My house",
            "Art",
            "2026-09-10",
            draw_house,
            why_chosen="It is my family and my house.",
            what_i_did="I used crayons. I drew Mom, Papá and me.",
            skills="Drawing shapes. Colouring inside the lines.",
            proud_of="The sun has a happy face.",
            next_time="I will draw my abuela too.",
        ),
        Piece(
            "leaves",
            "Fall leaves",
            "Art",
            "2026-10-28",
            draw_leaves,
            why_chosen="The colours are so pretty.",
            what_i_did="We went outside and found leaves. I traced them and coloured them.",
            skills="Looking closely. Tracing.",
            proud_of="The red one.",
            next_time="I will find a yellow maple leaf.",
        ),
        Piece(
            "pumpkin",
            "Our class pumpkin",
            "Math",
            "2026-10-29",
            draw_pumpkin_photo,
            why_chosen="Our pumpkin was SO big.",
            what_i_did="We measured around the pumpkin with a tape. It was 62 cm.",
            skills="Measuring. Guessing and checking.",
            proud_of="My guess was 60. That is close!",
            next_time="I want to count the seeds.",
            ext="jpg",
        ),
        Piece(
            "robot",
            "Shape robot",
            "Math",
            "2026-11-05",
            draw_shape_robot,
            why_chosen="Robots are cool.",
            what_i_did="I cut out squares, circles and triangles and glued them.",
            skills="Knowing my shapes.",
            proud_of="His arms have circle hands.",
            next_time="I will use a hexagon.",
        ),
    ],
    chosen=["butterfly", "story", "adding"],
    strengths=["I am kind to my friends.", "I try hard at reading.", "I am good at drawing."],
    next_steps=["Use finger spaces when I write.", "Count on from the bigger number."],
    goals=[
        {
            "goal": "Read a whole book by myself",
            "how": "Read with Mom every night",
            "by": "2027-03",
        },
        {
            "goal": "Add numbers up to 20",
            "how": "Play number games with my brother",
            "by": "2027-03",
        },
    ],
    prompts={
        "piece": [
            "Point to your favourite part.",
            "What colours did you use?",
            "Was it easy or tricky?",
        ],
        "strengths": [
            "What do your friends like to do with you?",
            "What is something you can do now that you could not do before?",
        ],
    },
)

SAM = Student(
    id="sam",
    name="Sam Okoro",
    grade="4",
    learner="I learn best when I can talk about my ideas with a partner and build things with "
    "my hands.",
    pieces=[
        Piece(
            "volcano",
            "Erupting volcano model",
            "Science",
            "2026-10-16",
            draw_volcano_photo,
            why_chosen="It was the biggest project I ever made and it actually erupted!",
            what_i_did="I built a volcano out of newspaper and flour paste, painted it, and "
            "made it erupt with baking soda and vinegar. I wrote down what happened each time.",
            skills="Following a procedure, measuring, and explaining a chemical reaction.",
            proud_of="The lava went all the way down to the trees on the base.",
            next_time="I would test different amounts of baking soda and make a chart.",
            ext="jpg",
        ),
        Piece(
            "arrays",
            "Multiplication arrays",
            "Math",
            "2026-09-30",
            draw_arrays_sheet,
            why_chosen="This is when multiplying finally made sense to me.",
            what_i_did="I drew arrays with rows and columns and wrote the multiplication "
            "sentence for each one.",
            skills="Multiplying, skip counting, and seeing patterns.",
            proud_of="I noticed that 5 x 5 makes a square.",
            next_time="I want to try bigger arrays like 12 x 12.",
        ),
        Piece(
            "map",
            "Map of my neighbourhood",
            "Social Studies",
            "2026-10-08",
            draw_neighbourhood_map,
            why_chosen="You can see my house, the school and the park where I play soccer.",
            what_i_did="I walked around with my dad and took notes, then I drew the map with "
            "a legend and a compass rose.",
            skills="Using symbols, directions, and drawing to scale (kind of).",
            proud_of="The bridge over Cedar Creek.",
            next_time="I would use a ruler so the roads are straighter.",
        ),
        Piece(
            "bean-plant",
            "Bean plant growth graph",
            "Science",
            "2026-11-02",
            draw_bean_graph,
            why_chosen="I took care of the plant for two weeks and it grew 18 cm!",
            what_i_did="I measured our bean plant every two days and made a line graph.",
            skills="Measuring in centimetres, recording data, and graphing.",
            proud_of="My dots are really neat and the line goes up smoothly.",
            next_time="I would grow one plant in the dark to compare.",
        ),
        Piece(
            "comic",
            "The Brave Pencil (comic)",
            "Writing",
            "2026-10-23",
            draw_comic,
            why_chosen="It's funny and my friends liked reading it.",
            what_i_did="I planned a story in four panels, drew the characters and wrote "
            "speech bubbles.",
            skills="Story structure, dialogue, and drawing.",
            proud_of="The eraser monster becomes a friend at the end.",
            next_time="I want to make it longer with a real problem in the middle.",
        ),
        Piece(
            "poem",
            "Autumn poem",
            "Writing",
            "2026-11-06",
            draw_poem,
            why_chosen="I like how it sounds when I read it out loud.",
            what_i_did="I brainstormed fall words and wrote a poem with a pattern.",
            skills="Using describing words and repeating patterns.",
            proud_of="The line about the leaves being orange rain.",
            next_time="I would try a rhyming poem.",
        ),
    ],
    strengths=[
        "I am a good team partner — I listen and share the jobs.",
        "I don't give up when an experiment goes wrong.",
        "I can explain my math thinking out loud.",
    ],
    next_steps=[
        "Know my times tables faster, especially the 7s and 8s.",
        "Plan my writing before I start so my stories have an ending.",
        "Check my spelling with the word wall.",
    ],
    goals=[
        {
            "goal": "Know my times tables up to 10 x 10 by heart",
            "how": "Practise with flash cards for 10 minutes after dinner and play the "
            "times-table game on Fridays",
            "by": "2027-03",
        },
        {
            "goal": "Write a story with a beginning, middle and end that is two pages long",
            "how": "Plan it on a story map first, then check it with my writing partner",
            "by": "2027-04",
        },
        {
            "goal": "Read two chapter books every month",
            "how": "Read for 20 minutes before bed and keep a reading log",
            "by": "2027-05",
        },
    ],
)

AIYANA = Student(
    id="aiyana",
    name="Aiyana Redcloud",
    grade="7",
    learner="I learn best when I can see how things connect. Maps, diagrams and building "
    "models help me understand.",
    pieces=[
        Piece(
            "bridge",
            "Popsicle-stick truss bridge",
            "Science & Technology",
            "2026-10-27",
            draw_bridge_photo,
            why_chosen="It held 2 kg and only weighs 140 g. Our group's bridge was the "
            "strongest in the class.",
            what_i_did="We researched truss designs, drew a plan, built the bridge from 120 "
            "sticks and tested it with weights until it bent.",
            skills="Designing, measuring accurately, teamwork, and testing a prediction.",
            proud_of="I suggested the arched top chord, and it spread the load really well.",
            next_time="I'd glue the joints more carefully, because that's where it started "
            "to fail.",
            ext="jpg",
        ),
        Piece(
            "watershed",
            "The Cedar Creek watershed",
            "Geography",
            "2026-10-06",
            draw_watershed_map,
            why_chosen="I finally understood how all the streams end up in the same lake.",
            what_i_did="I traced a topographic map, coloured the elevations, and drew the "
            "watershed boundary along the ridges.",
            skills="Reading contour lines, using a legend and a scale.",
            proud_of="The colour bands make the hills look 3D.",
            next_time="I'd add where the pollution comes from, to connect it to my poster.",
        ),
        Piece(
            "pendulum",
            "Pendulum experiment",
            "Science",
            "2026-09-25",
            draw_pendulum_chart,
            why_chosen="It was my first real experiment where I changed only one variable.",
            what_i_did="I timed ten swings for five string lengths, calculated the average "
            "time for one swing and made a bar graph.",
            skills="Fair testing, averaging, and graphing data.",
            proud_of="My results were really consistent.",
            next_time="I'd use a line graph, because length is continuous.",
        ),
        Piece(
            "water-poster",
            "Water is Life poster",
            "Social Studies",
            "2026-11-03",
            draw_water_poster,
            why_chosen="Water matters to my family and my community, and I wanted people to "
            "do something.",
            what_i_did="I researched water use and wrote three actions people can take, then "
            "designed the poster to be readable from far away.",
            skills="Research, persuasive writing, and design.",
            proud_of="The globe inside the water drop.",
            next_time="I'd add a source for the 6 litres a minute fact.",
        ),
        Piece(
            "ratios",
            "Scaling a recipe with ratios",
            "Math",
            "2026-10-14",
            draw_ratio_notes,
            why_chosen="Ratios were confusing until I drew the tape diagram.",
            what_i_did="I tripled a pancake recipe, showed it in a table, and used a tape "
            "diagram and a circle graph to show the ratio.",
            skills="Equivalent ratios, fractions, and showing my thinking in different ways.",
            proud_of='Ms. Okafor wrote "Clear thinking" on it.',
            next_time="I'd check the circle graph with a protractor.",
        ),
        Piece(
            "dusk-painting",
            "Lake at dusk",
            "Art",
            "2026-11-10",
            draw_dusk_painting,
            why_chosen="It's the view from my auntie's place and it's my favourite time of day.",
            what_i_did="I used a wet wash for the sky, layered the mountains from light to "
            "dark, and painted the trees last as silhouettes.",
            skills="Colour blending, layering, and creating depth.",
            proud_of="The reflection on the water.",
            next_time="I'd make the mountains less pointy and more natural.",
        ),
        Piece(
            "pixel-game",
            "Pixel platformer level",
            "Computer Studies",
            "2026-10-30",
            draw_pixel_game,
            why_chosen="I designed a whole game level myself and my little brother loves "
            "playing it.",
            what_i_did="I drew the sprites on a grid, planned the jumps so they're possible, "
            "and coded the coins and the score in our block-coding app.",
            skills="Planning, debugging, and pixel art.",
            proud_of="The gap you have to jump over is hard but fair.",
            next_time="I'd add a second level with moving platforms.",
        ),
    ],
    strengths=[
        "I'm creative and I like finding my own way to show what I learned.",
        "I'm patient when I build and test things. I'll redo it until it works.",
        "I help people in my group understand maps and diagrams.",
    ],
    next_steps=[
        "Speak up in whole-class discussions, not just in small groups.",
        "Show all my steps in math instead of doing them in my head.",
        "Break big projects into smaller pieces so I don't rush at the end.",
    ],
    goals=[
        {
            "goal": "Share at least one idea in every class discussion",
            "how": "Write my idea on a sticky note first so I'm ready when there's a pause",
            "by": "2027-02",
        },
        {
            "goal": "Show every step in my math work",
            "how": "Use the three-column method and compare my work with a partner's",
            "by": "2027-03",
        },
        {
            "goal": "Finish my science fair project a week early",
            "how": "Make a calendar with mini-deadlines and check it every Sunday",
            "by": "2027-04",
        },
    ],
)

LUKAS = Student(
    id="lukas",
    name="Lukas Nguyen",
    grade="10",
    learner="I learn best when I understand why something works, not just how. I like to try a "
    "problem on my own first and then talk it through with someone.",
    pieces=[
        Piece(
            "titration",
            "Acid-base titration lab report",
            "Chemistry",
            "2026-10-21",
            draw_titration_report,
            why_chosen="It's the first lab where I felt like I was doing real science rather "
            "than following a recipe. The data actually told a story.",
            what_i_did="My partner and I titrated an unknown acid, recorded pH after each "
            "addition, plotted the curve and used the equivalence point to calculate the "
            "concentration.",
            skills="Precise measurement, data analysis, graphing, and explaining error.",
            proud_of="Our three trials agreed within 0.2 mL, and I could explain why the "
            "curve jumps where it does.",
            next_time="I'd quantify the uncertainty instead of only listing sources of "
            "error, which is what Ms. Okafor's comment pushes me toward.",
        ),
        Piece(
            "giver-essay",
            "Essay: Memory as Freedom in The Giver",
            "English",
            "2026-11-04",
            draw_essay_page,
            why_chosen="Writing is not my strongest area, and this essay is where my argument "
            "finally came together.",
            what_i_did="I developed a thesis about memory and choice, drafted it twice, and "
            "revised it after a peer conference.",
            skills="Building an argument, structuring paragraphs, and revising.",
            proud_of="My thesis. It's an idea I actually believe, not just a summary.",
            next_time="I need more direct quotations as evidence; I paraphrased too much. "
            "I'd also start earlier so I have time for a third draft.",
        ),
        Piece(
            "light-and-shadow",
            "Light and shadow (photograph)",
            "Media Arts",
            "2026-10-09",
            draw_light_photo,
            why_chosen="I waited three afternoons for the light to hit the wall at the right "
            "angle. It taught me patience.",
            what_i_did="I studied how photographers use hard light, scouted my house for "
            "window shadows, and shot about forty frames before choosing this one.",
            skills="Composition, observing light, and editing for tone.",
            proud_of="The plant and its shadow balance each other across the frame.",
            next_time="I'd shoot in manual mode and bracket my exposures.",
            ext="jpg",
        ),
        Piece(
            "quadratics",
            "Quadratic transformations investigation",
            "Math",
            "2026-09-29",
            draw_parabolas,
            why_chosen="I figured out the pattern myself before we were taught it.",
            what_i_did="I graphed families of parabolas, changed one parameter at a time and "
            "wrote rules for how a, h and k transform y = x^2.",
            skills="Graphing, generalising patterns, and mathematical communication.",
            proud_of="Predicting the vertex form before graphing and being right.",
            next_time="I'd connect it to a real situation, like the path of a ball.",
        ),
        Piece(
            "wwi-timeline",
            "Road to War timeline",
            "History",
            "2026-10-15",
            draw_timeline,
            why_chosen="Colour-coding the causes made the connections obvious to me.",
            what_i_did="I researched eight events, sorted them by the MAIN causes and "
            "designed the timeline to show how tensions built up.",
            skills="Research, cause and consequence, and visual communication.",
            proud_of="The design is clean and you can read it from across the room.",
            next_time="I'd show how events link to each other, not just when they happened.",
        ),
        Piece(
            "asteroid-dodge",
            "Asteroid Dodge (Python game)",
            "Computer Science",
            "2026-11-12",
            draw_code_screen,
            why_chosen="It's the biggest program I've written, and I debugged it mostly on my own.",
            what_i_did="I wrote a pygame game with classes for the ship and the rocks, "
            "collision detection, levels that speed up, and a score.",
            skills="Object-oriented programming, debugging, and breaking a big problem into parts.",
            proud_of="The collision check. I used squared distances so it doesn't need a "
            "square root.",
            next_time="I'd write tests first and save high scores to a file.",
        ),
    ],
    chosen=["titration", "giver-essay", "asteroid-dodge"],
    strengths=[
        "I'm persistent with hard problems, especially in math and programming.",
        "I can analyse data and explain what it actually means.",
        "I give useful, specific feedback to classmates in peer review.",
    ],
    next_steps=[
        "Start long assignments earlier. I tend to leave the writing until the last few days.",
        "Support my arguments with direct evidence and quotations.",
        "Ask for help sooner instead of staying stuck on my own for too long.",
    ],
    goals=[
        {
            "goal": "Move my English mark from a Level 3 to a Level 4",
            "how": "Plan each paragraph around at least two quotations and book a writing "
            "conference before each due date",
            "by": "2027-01",
        },
        {
            "goal": "Hand in every major assignment on time",
            "how": "Put checkpoints into my calendar the day each assignment is given",
            "by": "2027-01",
        },
        {
            "goal": "Publish my game with a saved high-score table",
            "how": "Work on it at Coding Club on Thursdays and ask for a code review",
            "by": "2027-03",
        },
    ],
    prompts={
        "goals": [
            "How does this goal connect to what you might want to do after high school?",
            "What will you do differently from last term to reach it?",
        ],
    },
)

ZOE = Student(
    id="zoe",
    name="Zoe Chen",
    grade="K",
    learner="I like to learn by playing and singing.",
    pieces=[
        Piece(
            "family",
            "My family",
            "Art",
            "2026-09-18",
            draw_zoe_family,
            why_chosen="It's my family!",
            what_i_did="I drawed everybody. And a rainbow.",
            skills="Drawing people.",
            proud_of="My cat Mochi.",
            next_time="Draw Grandma.",
        ),
        Piece(
            "letter-z",
            "Letter Z",
            "Literacy",
            "2026-10-09",
            draw_letter_z,
            why_chosen="Z is for Zoe!",
            what_i_did="I traced the Zs and I coloured the zebra.",
            skills="Writing letters.",
            proud_of="My rainbow Zs.",
            next_time="Make them the same size.",
        ),
    ],
    strengths=["I share the blocks.", "I can write my name."],
    next_steps=["Hold my pencil the right way.", "Learn my letter sounds."],
    goals=[
        {
            "goal": "Know all my letter sounds",
            "how": "Sing the alphabet song with Grandma",
            "by": "2027-03",
        }
    ],
)

STUDENTS = [MAYA, SAM, AIYANA, LUKAS, ZOE]


# --------------------------------------------------------------------------------------------
# Writing the folder
# --------------------------------------------------------------------------------------------

ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
DATE_RE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def nfc(value: Any) -> Any:
    """Normalise every string in a JSON-like value to NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


def write_json(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(nfc(data), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


def save_image(img: Image.Image, path: Path, colors: int) -> None:
    """PNG (reduced to a palette of ``colors``, optimised) or JPEG at quality 85."""
    img = img.convert("RGB")
    if path.suffix == ".jpg":
        img.save(path, "JPEG", quality=85, optimize=True)
    else:
        # Octree keeps small, bright patches of colour; dithering through its palette keeps the
        # faint paper texture from turning into blotches.
        palette = img.quantize(colors, method=Image.Quantize.FASTOCTREE)
        img.quantize(palette=palette, dither=Image.Dither.FLOYDSTEINBERG).save(
            path, "PNG", optimize=True
        )


def portfolio(student: Student) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "slc-portfolio/1",
        "student": {
            "id": student.id,
            "name": student.name,
            "grade": student.grade,
            "learner": student.learner,
        },
        "pieces": [
            {
                "id": p.id,
                "title": p.title,
                "subject": p.subject,
                "date": p.date,
                "image": f"{student.id}/{p.id}.{p.ext}",
                "why_chosen": p.why_chosen,
                "what_i_did": p.what_i_did,
                "skills": p.skills,
                "proud_of": p.proud_of,
                "next_time": p.next_time,
            }
            for p in student.pieces
        ],
    }
    if student.chosen is not None:
        data["chosen"] = list(student.chosen)
    data["strengths"] = list(student.strengths)
    data["next_steps"] = list(student.next_steps)
    data["goals"] = [dict(g) for g in student.goals]
    if student.prompts is not None:
        data["prompts"] = {k: list(v) for k, v in student.prompts.items()}
    return data


def check(student: Student) -> None:
    """Fail loudly if the sample drifts from the slc-portfolio/1 rules."""
    ids = [p.id for p in student.pieces]
    assert ID_RE.fullmatch(student.id), student.id
    assert student.grade == "K" or student.grade in {str(n) for n in range(1, 13)}
    assert len(set(ids)) == len(ids), ids
    for piece in student.pieces:
        assert ID_RE.fullmatch(piece.id), piece.id
        assert DATE_RE.fullmatch(piece.date), piece.date
    if student.chosen is not None:
        assert len(student.chosen) <= 3 and len(set(student.chosen)) == len(student.chosen)
        assert set(student.chosen) <= set(ids), student.chosen
    for goal in student.goals:
        assert DATE_RE.fullmatch(goal["by"]), goal


def main() -> None:
    CLASS_DIR.mkdir(parents=True, exist_ok=True)
    write_json(CLASS_DIR / "class.json", CLASS)
    write_json(CLASS_DIR / "prompts.json", PROMPTS)
    (CLASS_DIR / "README.md").write_text(README, encoding="utf-8", newline="\n")
    portfolios = CLASS_DIR / "portfolios"
    if portfolios.exists():
        shutil.rmtree(portfolios)
    portfolios.mkdir()
    for student in STUDENTS:
        check(student)
        (portfolios / student.id).mkdir()
        for piece in student.pieces:
            rng = random.Random(zlib.crc32(f"{student.id}/{piece.id}".encode()))
            path = portfolios / student.id / f"{piece.id}.{piece.ext}"
            save_image(piece.draw(rng), path, piece.colors)
        write_json(portfolios / f"{student.id}.json", portfolio(student))
        chosen = f"chosen {student.chosen}" if student.chosen else "child chooses"
        print(f"{student.id:8} grade {student.grade:>2}  {len(student.pieces)} pieces  {chosen}")
    total = sum(p.stat().st_size for p in CLASS_DIR.rglob("*") if p.is_file())
    print(f"wrote {CLASS_DIR.relative_to(ROOT)} ({total / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
