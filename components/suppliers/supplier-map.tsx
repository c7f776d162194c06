'use client';

import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { useEffect, useRef } from 'react';
import type { DistrictCollection } from '@/lib/geo/district-geojson';
import { messages } from '@/lib/i18n';
import type { MapPoint } from '@/lib/suppliers/search';

const t = messages.suppliers;

export interface MapSelection {
  id: number;
  /** Where the selection was made: the map only moves for selections made in the list. */
  from: 'map' | 'list';
}

export interface SupplierMapProps {
  points: MapPoint[];
  /** Points whose row is on the current page: a click selects the row; others open a popup. */
  onPage: ReadonlySet<number>;
  /** Where a popup links to: `${basePath}/${id}`. */
  basePath: string;
  selection: MapSelection | null;
  onSelect: (id: number) => void;
  districts: DistrictCollection;
  tileUrl?: string;
  tileAttribution?: string;
  origin: { latitude: number; longitude: number } | null;
  radiusKm?: number;
  /** CSS height of the map, e.g. "28rem". */
  height?: string;
}

// Div icons need no image files (Leaflet's default marker images break in bundlers).
const icon = (style: 'normal' | 'selected' | 'elsewhere') =>
  L.divIcon({
    className: {
      normal: 'supplier-marker rounded-full border-2 border-white bg-brand-700 shadow-md',
      selected:
        'supplier-marker supplier-marker-selected rounded-full border-[3px] border-white bg-amber-500 shadow-md ring-2 ring-amber-700',
      // Hollow: a match on another page of the list.
      elsewhere: 'supplier-marker supplier-marker-elsewhere rounded-full border-[3px] border-brand-700 bg-white shadow-md',
    }[style],
    iconSize: style === 'selected' ? [24, 24] : [18, 18],
  });
const NORMAL = () => icon('normal');
const SELECTED = () => icon('selected');
const ELSEWHERE = () => icon('elsewhere');

/** Name and link of a match whose row is not on this page (built as nodes: names are untrusted text). */
function popupContent(point: MapPoint, basePath: string): HTMLElement {
  const box = document.createElement('div');
  const name = document.createElement('p');
  name.className = 'm-0 font-semibold text-slate-900';
  name.textContent = point.name;
  const link = document.createElement('a');
  link.href = `${basePath}/${point.id}`;
  link.className = 'text-brand-700 underline';
  link.textContent = t.mapOpen;
  box.append(name, link);
  return box;
}

const LABEL_ZOOM = 9;
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const n = cluster.getChildCount();
  const size = n < 10 ? 'small' : n < 50 ? 'medium' : 'large';
  return L.divIcon({
    html: `<div><span aria-hidden="true">${n}</span><span class="sr-only">${t.mapCluster(n)}</span></div>`,
    className: `marker-cluster marker-cluster-${size}`,
    iconSize: L.point(40, 40),
  });
}

/**
 * The search results on a Leaflet map: Thuringia's district outlines always (bundled, so the
 * map works offline), a tile layer only when one is configured, clustered markers.
 */
export default function SupplierMap({
  points,
  onPage,
  basePath,
  selection,
  onSelect,
  districts,
  tileUrl,
  tileAttribution,
  origin,
  radiusKm,
  height = '28rem',
}: SupplierMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const overlay = useRef<L.LayerGroup | null>(null);
  const markers = useRef(new Map<number, L.Marker>());
  const selected = useRef<number | null>(null);
  const outlineBounds = useRef<L.LatLngBounds | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  // The map itself: created once per mount.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = L.map(element, { minZoom: 6, maxZoom: 18, zoomSnap: 0.5, scrollWheelZoom: false });
    created.attributionControl.setPrefix(false);
    if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 18 }).addTo(created);
    const outlines = L.geoJSON(districts as unknown as GeoJSON.FeatureCollection, {
      interactive: false,
      style: {
        color: '#64748b',
        weight: 1.2,
        fillColor: tileUrl ? '#ffffff' : '#f1f5f9',
        fillOpacity: tileUrl ? 0 : 1,
      },
    }).addTo(created);
    if (districts.attribution) created.attributionControl.addAttribution(districts.attribution.split(';')[0]!);
    // District names orient the reader on the offline map; from zoom 9 on they have room.
    created.createPane('district-labels').style.zIndex = '450';
    const labels = L.layerGroup(
      districts.features.map((feature) =>
        L.marker(feature.properties.label, {
          pane: 'district-labels',
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: 'district-label',
            iconSize: [0, 0],
            html: `<span class="absolute left-0 top-0 -translate-x-1/2 -translate-y-1/2 whitespace-nowrap text-[11px] font-medium text-slate-500 [text-shadow:0_0_3px_#fff,0_0_3px_#fff]">${escapeHtml(feature.properties.name)}</span>`,
          }),
        }),
      ),
    );
    const showLabels = () => {
      if (created.getZoom() >= LABEL_ZOOM) labels.addTo(created);
      else labels.remove();
    };
    created.on('zoomend', showLabels);
    outlineBounds.current = outlines.getBounds();
    created.fitBounds(outlines.getBounds());
    showLabels();
    overlay.current = L.layerGroup().addTo(created);
    cluster.current = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    }).addTo(created);
    map.current = created;
    const resize = new ResizeObserver(() => created.invalidateSize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      created.remove();
      map.current = null;
      cluster.current = null;
      overlay.current = null;
      markers.current.clear();
    };
  }, [districts, tileUrl, tileAttribution]);

  // Markers for the current results.
  useEffect(() => {
    const group = cluster.current;
    const current = map.current;
    if (!group || !current) return;
    group.clearLayers();
    markers.current.clear();
    for (const point of points) {
      const listed = onPage.has(point.id);
      const marker = L.marker([point.latitude, point.longitude], {
        icon: !listed ? ELSEWHERE() : point.id === selected.current ? SELECTED() : NORMAL(),
        title: point.name,
        keyboard: true,
        riseOnHover: true,
      });
      const activate = () => (listed ? select.current(point.id) : marker.openPopup());
      if (listed) marker.on('click', activate);
      else marker.bindPopup(() => popupContent(point, basePath));
      // Leaflet makes markers focusable buttons but fires no click for the keyboard.
      marker.on('keypress', (e) => {
        const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
        if (key !== 'Enter' && key !== ' ') return;
        (e as L.LeafletKeyboardEvent).originalEvent.preventDefault();
        activate();
      });
      // Clusters add and remove markers as the zoom changes; label each time it is shown.
      marker.on('add', () => {
        const element = marker.getElement();
        element?.setAttribute('aria-label', listed ? t.mapMarker(point.name) : t.mapMarkerElsewhere(point.name));
        element?.setAttribute('data-supplier-id', String(point.id));
      });
      markers.current.set(point.id, marker);
    }
    group.addLayers([...markers.current.values()]);
    const bounds = L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as L.LatLngTuple));
    if (origin) bounds.extend([origin.latitude, origin.longitude]);
    if (bounds.isValid()) current.fitBounds(bounds, { padding: [48, 48], maxZoom: 12, animate: false });
    else if (outlineBounds.current) current.fitBounds(outlineBounds.current, { animate: false });
  }, [points, onPage, basePath, origin]);

  // Where distances are measured from, and the search radius.
  useEffect(() => {
    const layer = overlay.current;
    if (!layer) return;
    layer.clearLayers();
    if (!origin) return;
    const center: L.LatLngTuple = [origin.latitude, origin.longitude];
    if (radiusKm) {
      L.circle(center, { radius: radiusKm * 1000, interactive: false, color: '#b45309', weight: 1.5, dashArray: '6 6', fill: false }).addTo(
        layer,
      );
    }
    L.circleMarker(center, { radius: 6, interactive: false, color: '#ffffff', weight: 2, fillColor: '#b91c1c', fillOpacity: 1 })
      .bindTooltip(t.origin)
      .addTo(layer);
  }, [origin, radiusKm]);

  // The selected result: a distinct marker; brought into view when chosen in the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new points mean new markers, and the selected one must be marked again
  useEffect(() => {
    const previous = selected.current;
    const id = selection?.id ?? null;
    if (previous !== null && previous !== id) markers.current.get(previous)?.setIcon(NORMAL()).setZIndexOffset(0);
    selected.current = id;
    if (id === null) return;
    const marker = markers.current.get(id);
    if (!marker) return;
    marker.setIcon(SELECTED()).setZIndexOffset(1000);
    if (selection?.from === 'list' && cluster.current && map.current) {
      const current = map.current;
      cluster.current.zoomToShowLayer(marker, () => {
        if (!current.getBounds().pad(-0.1).contains(marker.getLatLng())) current.panTo(marker.getLatLng());
      });
    }
  }, [selection, points]);

  return (
    <div
      ref={container}
      role="region"
      aria-label={t.mapLabel}
      className="supplier-map z-0 w-full overflow-hidden rounded-lg border border-slate-300"
      // Inline: leaflet.css would otherwise paint the area outside Thuringia grey.
      style={{ height, background: '#f8fafc' }}
    />
  );
}
