// Small SVG plotting for the tutorial examples: axes with ticks, tick labels and a title, laid out as
// matplotlib's defaults draw a figure (subplot margins, outward ticks, 5% data margins, "nice" tick
// steps, the C0 blue, U+2212 minus signs). No dependency; a string of SVG comes out.
//
//   line_svg(xs, ys, { title: "y = x ** 2" })                       // plt.plot(xs, ys); plt.title(...)
//   scatter_svg(xs, ys, { title: "normal(0, 1)", color: "red", alpha: 0.3 })  // plt.scatter(xs, ys, ...)

/** Figure and axes options (matplotlib's names where it has one). */
export interface PlotOptions {
  /** Figure width in px (matplotlib's 6.4 in at 100 dpi is 640). */
  width?: number;
  /** Figure height in px. */
  height?: number;
  /** `plt.title(...)`, above the axes. */
  title?: string;
  /** `plt.xlabel(...)`. */
  xlabel?: string;
  /** `plt.ylabel(...)`. */
  ylabel?: string;
  /** Line or marker colour (default matplotlib's C0, `#1f77b4`). */
  color?: string;
  /** Marker opacity for scatter plots. */
  alpha?: number;
  /** Marker radius in px for scatter plots. */
  radius?: number;
}

const C0 = "#1f77b4";
const FONT = `font-family="DejaVu Sans, Verdana, sans-serif"`;

/**
 * Tick positions between `lo` and `hi` as matplotlib's `MaxNLocator` picks them: the smallest step
 * of 1, 2, 2.5, 5 or 10 × 10^k that gives at most `maxTicks` intervals.
 */
export function ticks(lo: number, hi: number, maxTicks = 8): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / maxTicks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * mag;
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  for (let i = first; i * step <= hi + step * 1e-9; i++) out.push(Number((i * step).toPrecision(12)) || 0);
  return out;
}

/** A tick label as matplotlib's ScalarFormatter writes it: as few decimals as the step needs, U+2212 minus. */
export function tick_label(v: number, step: number): string {
  let decimals = 0;
  while (decimals < 10 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-6) {
    decimals++;
  }
  const text = v.toFixed(decimals);
  return text.startsWith("-") ? "\u2212" + text.slice(1) : text;
}

function esc(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function limits(vs: number[]): [number, number] {
  let lo = Math.min(...vs), hi = Math.max(...vs);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const m = (hi - lo) * 0.05; // axes.xmargin / axes.ymargin
  return [lo - m, hi + m];
}

const n1 = (v: number) => v.toFixed(1);

/**
 * An SVG figure with one set of axes over `xs`/`ys`'s range: frame, outward ticks with labels, the
 * title and axis labels; `draw(sx, sy)` returns the marks, given data → pixel functions.
 */
export function axes_svg(
  xs: number[],
  ys: number[],
  opts: PlotOptions,
  draw: (sx: (x: number) => number, sy: (y: number) => number) => string,
): string {
  const width = opts.width ?? 640, height = opts.height ?? 480;
  // matplotlib's figure.subplot.{left,right,bottom,top} = 0.125, 0.9, 0.11, 0.88
  const left = width * 0.125, right = width * 0.9, top = height * 0.12, bottom = height * 0.89;
  const [x0, x1] = limits(xs), [y0, y1] = limits(ys);
  const sx = (x: number) => left + (x - x0) * (right - left) / (x1 - x0);
  const sy = (y: number) => bottom - (y - y0) * (bottom - top) / (y1 - y0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<clipPath id="axes"><rect x="${n1(left)}" y="${n1(top)}" width="${n1(right - left)}" height="${
      n1(bottom - top)
    }"/></clipPath>`,
    `<g clip-path="url(#axes)">${draw(sx, sy)}</g>`,
    `<rect x="${n1(left)}" y="${n1(top)}" width="${n1(right - left)}" height="${
      n1(bottom - top)
    }" fill="none" stroke="black" stroke-width="0.8"/>`,
  ];
  const xt = ticks(x0, x1), yt = ticks(y0, y1);
  const xstep = xt.length > 1 ? xt[1] - xt[0] : 1, ystep = yt.length > 1 ? yt[1] - yt[0] : 1;
  for (const x of xt) {
    const px = n1(sx(x));
    parts.push(
      `<line x1="${px}" y1="${n1(bottom)}" x2="${px}" y2="${
        n1(bottom + 3.5)
      }" stroke="black" stroke-width="0.8"/>`,
      `<text x="${px}" y="${n1(bottom + 16)}" text-anchor="middle" font-size="10" ${FONT}>${
        tick_label(x, xstep)
      }</text>`,
    );
  }
  for (const y of yt) {
    const py = n1(sy(y));
    parts.push(
      `<line x1="${n1(left - 3.5)}" y1="${py}" x2="${
        n1(left)
      }" y2="${py}" stroke="black" stroke-width="0.8"/>`,
      `<text x="${n1(left - 6)}" y="${py}" dy="0.35em" text-anchor="end" font-size="10" ${FONT}>${
        tick_label(y, ystep)
      }</text>`,
    );
  }
  if (opts.title) {
    parts.push(
      `<text x="${n1((left + right) / 2)}" y="${n1(top - 8)}" text-anchor="middle" font-size="12" ${FONT}>${
        esc(opts.title)
      }</text>`,
    );
  }
  if (opts.xlabel) {
    parts.push(
      `<text x="${n1((left + right) / 2)}" y="${
        n1(bottom + 32)
      }" text-anchor="middle" font-size="10" ${FONT}>${esc(opts.xlabel)}</text>`,
    );
  }
  if (opts.ylabel) {
    const cy = n1((top + bottom) / 2);
    parts.push(
      `<text x="${n1(left - 40)}" y="${cy}" transform="rotate(-90 ${
        n1(left - 40)
      } ${cy})" text-anchor="middle" font-size="10" ${FONT}>${esc(opts.ylabel)}</text>`,
    );
  }
  parts.push("</svg>");
  return parts.join("");
}

/** `plt.plot(xs, ys)`: a line in C0, 1.5 px wide, on axes. */
export function line_svg(xs: number[], ys: number[], opts: PlotOptions = {}): string {
  return axes_svg(xs, ys, opts, (sx, sy) => {
    const points = xs.map((x, i) => `${n1(sx(x))},${n1(sy(ys[i]))}`).join(" ");
    return `<polyline points="${points}" fill="none" stroke="${opts.color ?? C0}" stroke-width="1.5"/>`;
  });
}

/** `plt.scatter(xs, ys)`: round markers (C0 unless `color`), on axes. */
export function scatter_svg(xs: number[], ys: number[], opts: PlotOptions = {}): string {
  return axes_svg(
    xs,
    ys,
    opts,
    (sx, sy) =>
      xs.map((x, i) =>
        `<circle cx="${n1(sx(x))}" cy="${n1(sy(ys[i]))}" r="${opts.radius ?? 3}" fill="${opts.color ?? C0}"` +
        (opts.alpha === undefined ? "" : ` fill-opacity="${opts.alpha}"`) + `/>`
      ).join(""),
  );
}
