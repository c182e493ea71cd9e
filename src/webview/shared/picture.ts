/**
 * A drawn SVG as a picture to save: a copy with every colour, line and font the theme gave it
 * written into attributes (so it looks the same outside VS Code, where the theme's CSS
 * variables do not exist), on the editor's background, serialised; or rendered to a PNG at 2×.
 * Colours are resolved to `#rrggbb` through a 1-pixel canvas, so `color-mix()` and theme
 * variables become plain colours any editor of SVG understands.
 */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;
const COLOUR_PROPERTIES = new Set(['fill', 'stroke']);
const TEXT_PROPERTIES = new Set([
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
]);
const TEXT_ELEMENTS = new Set(['text', 'tspan', 'svg', 'g']);

let pixel: CanvasRenderingContext2D | null | undefined;
const resolved = new Map<string, { hex: string; alpha: number } | null>();

/** "#rrggbb" and an opacity for any CSS colour; null for none / transparent / unknown. */
export function resolveColour(colour: string): { hex: string; alpha: number } | null {
  if (!colour || colour === 'none' || colour === 'transparent') return null;
  const known = resolved.get(colour);
  if (known !== undefined) return known;
  pixel ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  let out: { hex: string; alpha: number } | null = null;
  if (pixel) {
    pixel.clearRect(0, 0, 1, 1);
    pixel.fillStyle = '#000';
    pixel.fillStyle = colour;
    pixel.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data;
    out =
      a === 0
        ? null
        : {
            hex: `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`,
            alpha: Math.round((a! / 255) * 100) / 100,
          };
  }
  resolved.set(colour, out);
  return out;
}

/** The SVG as a standalone document: computed styles as attributes, no classes, focus or ARIA state, a background. */
export function svgDocument(
  svg: SVGSVGElement,
  options: { readonly width: number; readonly height: number; readonly viewBox?: string; readonly title: string },
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const hidden: Element[] = [];
  originals.forEach((original, i) => {
    const target = copies[i]!;
    const style = getComputedStyle(original);
    if (style.display === 'none' || style.visibility === 'hidden') {
      hidden.push(target);
      return;
    }
    const isText = TEXT_ELEMENTS.has(original.tagName.toLowerCase());
    for (const property of STYLE_PROPERTIES) {
      if (TEXT_PROPERTIES.has(property) && !isText) continue; // shapes draw no text
      const value = style.getPropertyValue(property);
      if (!value) continue;
      if (COLOUR_PROPERTIES.has(property) && !value.startsWith('url(')) {
        const colour = resolveColour(value);
        target.setAttribute(property, colour ? colour.hex : 'none');
        if (colour && colour.alpha < 1) target.setAttribute(`${property}-opacity`, String(colour.alpha));
      } else {
        target.setAttribute(property, value);
      }
    }
    for (const name of ['class', 'style', 'tabindex', 'role', 'aria-pressed', 'aria-selected', 'focusable', 'data-id'])
      target.removeAttribute(name);
  });
  for (const element of hidden) element.remove();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(options.width)));
  copy.setAttribute('height', String(Math.round(options.height)));
  copy.setAttribute('viewBox', options.viewBox ?? `0 0 ${Math.round(options.width)} ${Math.round(options.height)}`);
  const [x, y, w, h] = (copy.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  const page = resolveColour(getComputedStyle(document.body).backgroundColor);
  background.setAttribute('x', String(x));
  background.setAttribute('y', String(y));
  background.setAttribute('width', String(w));
  background.setAttribute('height', String(h));
  background.setAttribute('fill', page?.hex ?? '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = options.title;
  copy.insertBefore(title, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** The SVG document drawn on a canvas at `scale`, as a PNG data URL. */
export async function pngOf(svgText: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    // a canvas is limited to about 16,000 pixels a side and 268 million pixels in all
    const factor = Math.min(scale, 16_000 / width, 16_000 / height, Math.sqrt(200e6 / (width * height)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * factor));
    canvas.height = Math.max(1, Math.round(height * factor));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
