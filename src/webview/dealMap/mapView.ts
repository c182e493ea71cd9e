/**
 * The map itself: an SVG of the graph laid out by d3-force (run to rest before drawing, so the
 * map does not wobble; positions kept by party across redraws, so a filter or a live update
 * moves little), panned and zoomed with d3-zoom (and the keyboard). Nodes are focusable (Tab
 * goes through them, biggest first); labels show for the largest parties and everywhere once
 * zoomed in. Article strings reach the SVG only as text nodes.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { DealGraph, MapEdge, MapNode } from '../../core/webviewMessages';
import { amount, s, kindWords } from '../shared/dom';

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
}

/** Labels always shown for this many of the largest parties. */
const ALWAYS_LABELLED = 30;
const LANE_GAP = 18;

export class MapView {
  readonly svg: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly edgeLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  private readonly positions = new Map<string, { x: number; y: number }>();
  private readonly zoomBehaviour: ZoomBehavior<SVGSVGElement, unknown>;
  private nodes: LaidNode[] = [];
  private edgeElements = new Map<string, SVGPathElement>();
  private edges: MapEdge[] = [];
  private nodeById = new Map<string, LaidNode>();
  private bounds = { x: 0, y: 0, width: 1, height: 1 };
  transform: ZoomTransform = zoomIdentity;
  layoutMs = 0;

  constructor(container: HTMLElement, private readonly events: MapEvents) {
    this.svg = s('svg', { class: 'map', role: 'group', 'aria-label': 'Deal map: parties and the deals between them. Tab moves through the parties, Enter lists a party\'s deals; + and − zoom, arrow keys pan, 0 fits the map.' });
    const defs = s('defs');
    for (const kind of ['investment', 'funding-round', 'cloud-contract', 'compute-contract', 'supply-agreement', 'partnership', 'joint-venture', 'acquisition', 'merger', 'equity-stake', 'revenue-share', 'licensing', 'mixed']) {
      defs.append(s('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow kind-${kind}` })));
    }
    this.viewport = s('g', { class: 'viewport' });
    this.edgeLayer = s('g', { class: 'edges' });
    this.nodeLayer = s('g', { class: 'nodes' });
    this.viewport.append(this.edgeLayer, this.nodeLayer);
    this.svg.append(defs, this.viewport);
    container.append(this.svg);
    this.zoomBehaviour = zoom<SVGSVGElement, unknown>().scaleExtent([0.05, 12]).on('zoom', (event: { transform: ZoomTransform }) => {
      this.transform = event.transform;
      this.viewport.setAttribute('transform', event.transform.toString());
      this.svg.classList.toggle('zoomed-in', event.transform.k >= 1.6);
    });
    select(this.svg).call(this.zoomBehaviour).on('dblclick.zoom', null);
  }

  /** Lays the graph out (from the positions it had) and draws it; returns the layout time. */
  draw(graph: DealGraph): void {
    const started = performance.now();
    const nodeScale = logScale(graph.nodes.map((n) => n.total));
    const radiusOf = (n: MapNode) => (n.total > 0 ? 5 + 11 * nodeScale(n.total) : 4) + (n.type === 'cluster' ? 6 : 0);
    const nodes: LaidNode[] = graph.nodes.map((node) => ({ node, radius: radiusOf(node), ...(this.positions.get(node.id) ?? {}) }));
    const byId = new Map(nodes.map((n) => [n.node.id, n]));
    const links: LaidLink[] = graph.edges.filter((e) => byId.has(e.from) && byId.has(e.to)).map((edge) => ({ edge, source: byId.get(edge.from)!, target: byId.get(edge.to)! }));
    const isKnown = nodes.length > 0 && nodes.every((n) => n.x !== undefined);
    const simulation = forceSimulation(nodes)
      .force('link', forceLink<LaidNode, LaidLink>(links).distance((l) => 40 + (l.source as LaidNode).radius + (l.target as LaidNode).radius).strength(0.4))
      .force('charge', forceManyBody<LaidNode>().strength((n) => -60 - 6 * n.radius).theta(0.9).distanceMax(600))
      .force('collide', forceCollide<LaidNode>((n) => n.radius + 3).iterations(1))
      .force('x', forceX(0).strength(0.04))
      .force('y', forceY(0).strength(0.04))
      .alpha(isKnown ? 0.25 : 1)
      .alphaDecay(nodes.length > 600 ? 0.045 : 0.03)
      .stop();
    const ticks = Math.ceil(Math.log(simulation.alphaMin() / simulation.alpha()) / Math.log(1 - simulation.alphaDecay()));
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
    for (const link of links) {
      const { edge } = link;
      const path = s('path', {
        class: `edge kind-${edge.kind}${edge.status === 'rumoured' || edge.status === 'terminated' ? ' dashed' : ''}${edge.conflict ? ' conflict' : ''}${edge.value === null ? ' unvalued' : ''}`,
        d: edgePath(link.source as LaidNode, link.target as LaidNode, edge, pairCount.get(pairOf(edge)) ?? 1),
        'marker-end': `url(#arrow-${edge.kind})`,
        'stroke-width': edge.value === null || edge.value <= 0 ? 1 : (1.5 + 5.5 * widthScale(edge.value)).toFixed(2),
        'data-id': edge.id,
      });
      path.addEventListener('mouseenter', (event) => this.events.hoverEdge(edge, { x: event.clientX, y: event.clientY }));
      path.addEventListener('mouseleave', () => this.events.leaveEdge());
      path.addEventListener('click', (event) => {
        event.stopPropagation();
        this.events.clickEdge(edge);
      });
      edges.push(path);
      this.edgeElements.set(edge.id, path);
    }
    this.edgeLayer.replaceChildren(...edges);
    const ranked = [...this.nodes].sort((a, b) => b.node.total - a.node.total || b.node.dealCount - a.node.dealCount || a.node.name.localeCompare(b.node.name));
    const labelled = new Set(ranked.slice(0, ALWAYS_LABELLED).map((n) => n.node.id));
    const nodeElements = ranked.map((laid) => {
      const { node } = laid;
      const totals = node.totals.map((t) => amount(t.value, t.currency)).join(' + ') || 'no amounts stated';
      const g = s('g', {
        class: `node type-${node.type}${labelled.has(node.id) || ranked.length <= 60 ? ' labelled' : ''}`,
        transform: `translate(${laid.x!.toFixed(1)},${laid.y!.toFixed(1)})`,
        tabindex: 0, role: 'button', 'data-id': node.id,
        'aria-label': `${node.name}, ${node.type === 'cluster' ? 'cluster' : node.type}, ${node.dealCount} deal${node.dealCount === 1 ? '' : 's'}, ${totals}`,
      }, s('circle', { r: laid.radius.toFixed(1) }), s('text', { class: 'label', y: (laid.radius + 11).toFixed(1) }, node.name.length > 40 ? `${node.name.slice(0, 39)}…` : node.name));
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
      ? { x: Math.min(...xs) - pad, y: Math.min(...ys) - pad, width: Math.max(...xs) - Math.min(...xs) + 2 * pad, height: Math.max(...ys) - Math.min(...ys) + 2 * pad }
      : { x: 0, y: 0, width: 1, height: 1 };
  }

  /** The map's drawn extent, in map coordinates (for the export). */
  get extent(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
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
    const { width, height } = this.svg.getBoundingClientRect();
    const k = Math.max(this.transform.k, 1.2);
    this.setTransform(zoomIdentity.translate(width / 2 - k * laid.x!, height / 2 - k * laid.y!).scale(k));
    laid.element?.focus({ preventScroll: true });
  }

  /** Fits the whole map in view. */
  fit(): void {
    const { width, height } = this.svg.getBoundingClientRect();
    if (!width || !height) return;
    const b = this.bounds;
    const k = Math.min(1.4, 0.95 * Math.min(width / b.width, height / b.height));
    this.setTransform(zoomIdentity.translate(width / 2 - k * (b.x + b.width / 2), height / 2 - k * (b.y + b.height / 2)).scale(k));
  }

  zoomBy(factor: number): void {
    select(this.svg).call(this.zoomBehaviour.scaleBy, factor);
  }

  panBy(dx: number, dy: number): void {
    select(this.svg).call(this.zoomBehaviour.translateBy, dx / this.transform.k, dy / this.transform.k);
  }

  setTransform(transform: ZoomTransform): void {
    select(this.svg).call(this.zoomBehaviour.transform, transform);
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

/** A straight line for a lone deal, arcs side by side for parallel ones; it ends at the target's rim (the arrow shows). */
function edgePath(source: LaidNode, target: LaidNode, edge: MapEdge, lanes: number): string {
  const [x1, y1, x2, y2] = [source.x!, source.y!, target.x!, target.y!];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy) || 1;
  const offset = lanes > 1 ? (edge.lane - (lanes - 1) / 2) * LANE_GAP * (edge.from < edge.to ? 1 : -1) : 0;
  const [nx, ny] = [-dy / length, dx / length];
  const cx = (x1 + x2) / 2 + nx * offset * 2;
  const cy = (y1 + y2) / 2 + ny * offset * 2;
  // end at the target's rim, along the curve's last tangent
  const [tx, ty] = offset ? [x2 - cx, y2 - cy] : [dx, dy];
  const tangent = Math.hypot(tx, ty) || 1;
  const ex = x2 - (tx / tangent) * (target.radius + 2);
  const ey = y2 - (ty / tangent) * (target.radius + 2);
  const r = (n: number) => n.toFixed(1);
  return offset ? `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(ex)},${r(ey)}` : `M${r(x1)},${r(y1)}L${r(ex)},${r(ey)}`;
}
