/**
 * The map itself: an SVG of the graph laid out by d3-force (run to rest before drawing, so the
 * map does not wobble; positions kept by party across redraws, so a filter or a live update
 * moves little), panned and zoomed with d3-zoom (and the keyboard). Nodes are focusable (Tab
 * goes through them, biggest first); labels show for the largest parties and everywhere once
 * zoomed in. Article strings reach the SVG only as text nodes.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { DealGraph, MapEdge, MapNode } from '../../core/webviewMessages';
import { amount, h, s, kindWords } from '../shared/dom';

export interface LaidNode extends SimulationNodeDatum {
  readonly node: MapNode;
  readonly radius: number;
  element?: SVGGElement;
}

interface LaidLink extends SimulationLinkDatum<LaidNode> {
  readonly edge: MapEdge;
}

export interface MapEvents {
  hoverEdge(edge: MapEdge, at: { x: number; y: number } | null): void;
  leaveEdge(): void;
  clickEdge(edge: MapEdge): void;
  focusNode(node: MapNode, at: { x: number; y: number }): void;
  blurNode(): void;
  clickNode(node: MapNode): void;
  /** The view was panned or zoomed. */
  moved?(): void;
}

/** Labels always shown for this many of the largest parties. */
const ALWAYS_LABELLED = 30;
const LANE_GAP = 18;
/** The SVG reaches this share of the view beyond each side of it (see the constructor). */
const OVERSCAN = 0.5;
/** After a gesture, the map is redrawn at its new scale once nothing moved for this long. */
const COMMIT_DELAY_MS = 250;

export class MapView {
  readonly svg: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly edgeLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  private readonly positions = new Map<string, { x: number; y: number }>();
  private readonly zoomBehaviour: ZoomBehavior<HTMLDivElement, unknown>;
  private readonly surface: HTMLDivElement;
  private readonly arrowLayer: SVGGElement;
  private nodes: LaidNode[] = [];
  private edgeElements = new Map<string, SVGPathElement>();
  private edges: MapEdge[] = [];
  private nodeById = new Map<string, LaidNode>();
  private bounds = { x: 0, y: 0, width: 1, height: 1 };
  transform: ZoomTransform = zoomIdentity;
  layoutMs = 0;

  constructor(
    container: HTMLElement,
    private readonly events: MapEvents,
  ) {
    // the SVG is larger than the view by half a view on each side: while a pan or zoom gesture
    // lasts it is moved as one composited layer (a CSS transform: no repaint of thousands of
    // edges per frame), and the overscan is what comes into view; the gesture's end redraws it
    this.surface = h('div', { class: 'surface' });
    this.svg = s('svg', {
      class: 'map',
      role: 'group',
      'aria-label':
        "Deal map: parties and the deals between them. Tab moves through the parties, Enter lists a party's deals; + and − zoom, arrow keys pan, 0 fits the map.",
    });
    this.viewport = s('g', { class: 'viewport' });
    this.edgeLayer = s('g', { class: 'edges' });
    this.arrowLayer = s('g', { class: 'arrows', 'aria-hidden': 'true' });
    this.nodeLayer = s('g', { class: 'nodes' });
    this.viewport.append(this.edgeLayer, this.arrowLayer, this.nodeLayer);
    this.svg.append(this.viewport);
    this.surface.append(this.svg);
    container.append(this.surface);
    let gesture: ZoomTransform | null = null;
    let commitTimer: ReturnType<typeof setTimeout> | undefined;
    this.zoomBehaviour = zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.05, 12])
      .on('start', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (!event.sourceEvent) return;
        clearTimeout(commitTimer); // a gesture right after another goes on moving the same layer
        gesture ??= event.transform;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.transform = event.transform;
        if (gesture) {
          // moving: the layer follows, and nothing under the pointer reacts (a press alone, a click, is not a move)
          this.surface.classList.add('moving');
          this.moveLayer(gesture, event.transform);
        } else {
          this.applyTransform();
        }
        this.events.moved?.();
      })
      .on('end', () => {
        if (!gesture) return;
        if (!this.surface.classList.contains('moving')) {
          // a press without a move
          gesture = null;
          return;
        }
        // redraw at the new scale once the wheel or the drag has rested a moment (a redraw of
        // thousands of edges costs frames: not between two turns of the wheel)
        clearTimeout(commitTimer);
        commitTimer = setTimeout(() => {
          gesture = null;
          this.svg.style.removeProperty('transform');
          this.surface.classList.remove('moving');
          this.applyTransform();
        }, COMMIT_DELAY_MS);
      });
    select(this.surface).call(this.zoomBehaviour).on('dblclick.zoom', null);
  }

  /** The map's transform on the SVG (its origin is half a view up and left of the view's). */
  private applyTransform(): void {
    const { clientWidth: width, clientHeight: height } = this.surface;
    this.viewport.setAttribute(
      'transform',
      `translate(${(width * OVERSCAN).toFixed(1)},${(height * OVERSCAN).toFixed(1)}) ${this.transform.toString()}`,
    );
    this.svg.classList.toggle('zoomed-in', this.transform.k >= 1.6);
  }

  /** During a gesture: the drawn layer moved and scaled from where it was at the gesture's start. */
  private moveLayer(from: ZoomTransform, to: ZoomTransform): void {
    const scale = to.k / from.k;
    const { clientWidth: width, clientHeight: height } = this.surface;
    // x ↦ to.k/from.k · (x − from.t) + to.t, in the view's coordinates (the SVG's origin is offset by the overscan)
    const tx = to.x - scale * from.x;
    const ty = to.y - scale * from.y;
    this.svg.style.setProperty(
      'transform-origin',
      `${(width * OVERSCAN).toFixed(1)}px ${(height * OVERSCAN).toFixed(1)}px`,
    );
    this.svg.style.setProperty(
      'transform',
      `translate(${tx.toFixed(1)}px,${ty.toFixed(1)}px) scale(${scale.toFixed(4)})`,
    );
  }

  /** Where each party was placed (kept by VS Code while the view is hidden: the map comes back as it was). */
  get placed(): Record<string, readonly [number, number]> {
    const out: Record<string, readonly [number, number]> = {};
    for (const [id, p] of this.positions) out[id] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
    return out;
  }

  restore(placed: Record<string, readonly [number, number]> | undefined): void {
    for (const [id, p] of Object.entries(placed ?? {})) {
      if (Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))
        this.positions.set(id, { x: p[0], y: p[1] });
    }
  }

  /** Lays the graph out (from the positions it had) and draws it; returns the layout time. */
  draw(graph: DealGraph): void {
    const started = performance.now();
    const nodeScale = logScale(graph.nodes.map((n) => n.total));
    const radiusOf = (n: MapNode) => (n.total > 0 ? 5 + 11 * nodeScale(n.total) : 4) + (n.type === 'cluster' ? 6 : 0);
    const nodes: LaidNode[] = graph.nodes.map((node) => ({
      node,
      radius: radiusOf(node),
      ...(this.positions.get(node.id) ?? {}),
    }));
    const byId = new Map(nodes.map((n) => [n.node.id, n]));
    const links: LaidLink[] = graph.edges
      .filter((e) => byId.has(e.from) && byId.has(e.to))
      .map((edge) => ({ edge, source: byId.get(edge.from)!, target: byId.get(edge.to)! }));
    const isKnown = nodes.length > 0 && nodes.every((n) => n.x !== undefined);
    const simulation = forceSimulation(nodes)
      .force(
        'link',
        forceLink<LaidNode, LaidLink>(links)
          .distance((l) => 40 + (l.source as LaidNode).radius + (l.target as LaidNode).radius)
          .strength(0.4),
      )
      .force(
        'charge',
        forceManyBody<LaidNode>()
          .strength((n) => -60 - 6 * n.radius)
          .theta(0.9)
          .distanceMax(600),
      )
      .force('collide', forceCollide<LaidNode>((n) => n.radius + 3).iterations(1))
      .force('x', forceX(0).strength(0.04))
      .force('y', forceY(0).strength(0.04))
      .alpha(isKnown ? 0.25 : 1)
      .alphaDecay(nodes.length > 200 ? 0.05 : 0.03)
      .stop();
    const ticks = Math.ceil(
      Math.log(simulation.alphaMin() / simulation.alpha()) / Math.log(1 - simulation.alphaDecay()),
    );
    for (let i = 0; i < ticks; i++) simulation.tick();
    for (const n of nodes) this.positions.set(n.node.id, { x: n.x!, y: n.y! });
    this.nodes = nodes;
    this.nodeById = byId;
    this.render(graph, links);
    this.layoutMs = performance.now() - started;
  }

  private render(graph: DealGraph, links: readonly LaidLink[]): void {
    const pairCount = new Map<string, number>();
    for (const l of links) pairCount.set(pairOf(l.edge), (pairCount.get(pairOf(l.edge)) ?? 0) + 1);
    const edges: SVGPathElement[] = [];
    this.edgeElements = new Map();
    this.edges = links.map((l) => l.edge);
    const widthScale = logScale(graph.edges.map((e) => e.value ?? 0));
    const arrows = new Map<string, string[]>();
    for (const link of links) {
      const { edge } = link;
      const width = edge.value === null || edge.value <= 0 ? 1 : 1.5 + 5.5 * widthScale(edge.value);
      const drawn = edgePath(
        link.source as LaidNode,
        link.target as LaidNode,
        edge,
        pairCount.get(pairOf(edge)) ?? 1,
        width,
      );
      const ofKind = arrows.get(edge.kind);
      if (ofKind) ofKind.push(drawn.arrow);
      else arrows.set(edge.kind, [drawn.arrow]);
      const path = s('path', {
        class: `edge kind-${edge.kind}${edge.status === 'rumoured' || edge.status === 'terminated' ? ' dashed' : ''}${edge.conflict ? ' conflict' : ''}${edge.value === null ? ' unvalued' : ''}`,
        d: drawn.d,
        'stroke-width': width.toFixed(2),
        'data-id': edge.id,
      });
      path.addEventListener('mouseenter', (event) =>
        this.events.hoverEdge(edge, { x: event.clientX, y: event.clientY }),
      );
      path.addEventListener('mouseleave', () => this.events.leaveEdge());
      path.addEventListener('click', (event) => {
        event.stopPropagation();
        this.events.clickEdge(edge);
      });
      edges.push(path);
      this.edgeElements.set(edge.id, path);
    }
    this.edgeLayer.replaceChildren(...edges);
    // every arrowhead of a kind in one path: thousands of markers would each be drawn on their own
    this.arrowLayer.replaceChildren(
      ...[...arrows].map(([kind, heads]) => s('path', { class: `arrow kind-${kind}`, d: heads.join('') })),
    );
    const ranked = [...this.nodes].sort(
      (a, b) =>
        b.node.total - a.node.total || b.node.dealCount - a.node.dealCount || a.node.name.localeCompare(b.node.name),
    );
    const labelled = new Set(ranked.slice(0, ALWAYS_LABELLED).map((n) => n.node.id));
    const nodeElements = ranked.map((laid) => {
      const { node } = laid;
      const totals = node.totals.map((t) => amount(t.value, t.currency)).join(' + ') || 'no amounts stated';
      const g = s(
        'g',
        {
          class: `node type-${node.type}${labelled.has(node.id) || ranked.length <= 60 ? ' labelled' : ''}`,
          transform: `translate(${laid.x!.toFixed(1)},${laid.y!.toFixed(1)})`,
          tabindex: 0,
          role: 'button',
          'data-id': node.id,
          'aria-label': `${node.name}, ${node.type === 'cluster' ? 'cluster' : node.type}, ${node.dealCount} deal${node.dealCount === 1 ? '' : 's'}, ${totals}`,
        },
        s('circle', { r: laid.radius.toFixed(1) }),
        s(
          'text',
          { class: 'label', y: (laid.radius + 11).toFixed(1) },
          node.name.length > 40 ? `${node.name.slice(0, 39)}…` : node.name,
        ),
      );
      const at = () => {
        const box = g.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      };
      g.addEventListener('mouseenter', () => this.events.focusNode(node, at()));
      g.addEventListener('mouseleave', () => this.events.blurNode());
      g.addEventListener('focus', () => this.events.focusNode(node, at()));
      g.addEventListener('blur', () => this.events.blurNode());
      g.addEventListener('click', (event) => {
        event.stopPropagation();
        this.events.clickNode(node);
      });
      g.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        this.events.clickNode(node);
      });
      laid.element = g;
      return g;
    });
    this.nodeLayer.replaceChildren(...nodeElements);
    const xs = this.nodes.map((n) => n.x!);
    const ys = this.nodes.map((n) => n.y!);
    const pad = 40;
    this.bounds = this.nodes.length
      ? {
          x: Math.min(...xs) - pad,
          y: Math.min(...ys) - pad,
          width: Math.max(...xs) - Math.min(...xs) + 2 * pad,
          height: Math.max(...ys) - Math.min(...ys) + 2 * pad,
        }
      : { x: 0, y: 0, width: 1, height: 1 };
  }

  /** What is drawn, labels included, in map coordinates, with a margin (the export's view box). */
  drawnBox(): { x: number; y: number; width: number; height: number } {
    const box = (this.viewport as SVGGraphicsElement).getBBox();
    const margin = 12;
    if (!box.width || !box.height) return this.bounds;
    return { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
  }

  nodeElement(id: string): SVGGElement | undefined {
    return this.nodeById.get(id)?.element;
  }

  edgeElement(id: string): SVGPathElement | undefined {
    return this.edgeElements.get(id);
  }

  /** Marks the selected edge or node and its deals; null clears. */
  select(selection: { edgeId?: string; nodeId?: string } | null): void {
    this.svg.querySelectorAll('.selected').forEach((e) => e.classList.remove('selected'));
    this.svg.classList.toggle('has-selection', !!selection);
    if (!selection) return;
    if (selection.edgeId) this.edgeElements.get(selection.edgeId)?.classList.add('selected');
    if (selection.nodeId) {
      this.nodeById.get(selection.nodeId)?.element?.classList.add('selected');
      for (const edge of this.edgesOf(selection.nodeId)) this.edgeElements.get(edge.id)?.classList.add('selected');
    }
  }

  /** Dims the parties whose names do not contain `text`; returns the ids of those that do. */
  highlight(text: string): string[] {
    const query = text.trim().toLocaleLowerCase();
    const matches: string[] = [];
    for (const laid of this.nodes) {
      const isMatch = query !== '' && laid.node.name.toLocaleLowerCase().includes(query);
      laid.element?.classList.toggle('match', isMatch);
      if (isMatch) matches.push(laid.node.id);
    }
    this.svg.classList.toggle('searching', query !== '');
    return matches;
  }

  /** Centres the view on a party (zoomed in a little) and focuses it. */
  centreOn(id: string): void {
    const laid = this.nodeById.get(id);
    if (!laid) return;
    const { clientWidth: width, clientHeight: height } = this.surface;
    const k = Math.max(this.transform.k, 1.2);
    this.setTransform(zoomIdentity.translate(width / 2 - k * laid.x!, height / 2 - k * laid.y!).scale(k));
    laid.element?.focus({ preventScroll: true });
  }

  /** Fits the whole map in view. */
  fit(): void {
    const { clientWidth: width, clientHeight: height } = this.surface;
    if (!width || !height) return;
    const b = this.bounds;
    const k = Math.min(2, 0.95 * Math.min(width / b.width, height / b.height));
    this.setTransform(
      zoomIdentity.translate(width / 2 - k * (b.x + b.width / 2), height / 2 - k * (b.y + b.height / 2)).scale(k),
    );
  }

  zoomBy(factor: number): void {
    select(this.surface).call(this.zoomBehaviour.scaleBy, factor);
  }

  panBy(dx: number, dy: number): void {
    select(this.surface).call(this.zoomBehaviour.translateBy, dx / this.transform.k, dy / this.transform.k);
  }

  setTransform(transform: ZoomTransform): void {
    select(this.surface).call(this.zoomBehaviour.transform, transform);
  }

  describeEdge(edge: MapEdge): string {
    const from = this.nodeById.get(edge.from)?.node.name ?? edge.from;
    const to = this.nodeById.get(edge.to)?.node.name ?? edge.to;
    return `${from} → ${to} · ${kindWords(edge.kind)}`;
  }

  partyName(id: string): string {
    return this.nodeById.get(id)?.node.name ?? id;
  }

  /** The drawn deals of a party, largest first. */
  edgesOf(id: string): MapEdge[] {
    return this.edges.filter((e) => e.from === id || e.to === id).sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  }
}

/** 0…1 on a log scale between the smallest and the largest positive value (0.5 when they are equal). */
function logScale(values: readonly number[]): (value: number) => number {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return () => 0.5;
  let [min, max] = [positive[0]!, positive[0]!];
  for (const v of positive) [min, max] = [Math.min(min, v), Math.max(max, v)];
  const [lo, hi] = [Math.log(min), Math.log(max)];
  return (value) => (hi === lo ? 0.5 : Math.max(0, Math.min(1, (Math.log(value) - lo) / (hi - lo))));
}

function pairOf(edge: MapEdge): string {
  return edge.from < edge.to ? `${edge.from}\u0000${edge.to}` : `${edge.to}\u0000${edge.from}`;
}

/** A straight line for a lone deal, arcs side by side for parallel ones; it ends at the target's rim, where its arrowhead is. */
function edgePath(
  source: LaidNode,
  target: LaidNode,
  edge: MapEdge,
  lanes: number,
  width: number,
): { d: string; arrow: string } {
  const [x1, y1, x2, y2] = [source.x!, source.y!, target.x!, target.y!];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy) || 1;
  const offset = lanes > 1 ? (edge.lane - (lanes - 1) / 2) * LANE_GAP * (edge.from < edge.to ? 1 : -1) : 0;
  const [nx, ny] = [-dy / length, dx / length];
  const cx = (x1 + x2) / 2 + nx * offset * 2;
  const cy = (y1 + y2) / 2 + ny * offset * 2;
  // along the curve's last tangent: the tip at the target's rim, the line ends at the arrow's base
  const [tx, ty] = offset ? [x2 - cx, y2 - cy] : [dx, dy];
  const tangent = Math.hypot(tx, ty) || 1;
  const [ux, uy] = [tx / tangent, ty / tangent];
  const head = 6 + width * 1.2;
  const tipX = x2 - ux * (target.radius + 1.5);
  const tipY = y2 - uy * (target.radius + 1.5);
  const baseX = tipX - ux * head;
  const baseY = tipY - uy * head;
  const r = (n: number) => n.toFixed(1);
  const d = offset
    ? `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(baseX)},${r(baseY)}`
    : `M${r(x1)},${r(y1)}L${r(baseX)},${r(baseY)}`;
  const half = head * 0.45;
  const arrow = `M${r(tipX)},${r(tipY)}L${r(baseX - uy * half)},${r(baseY + ux * half)}L${r(baseX + uy * half)},${r(baseY - ux * half)}Z`;
  return { d, arrow };
}
