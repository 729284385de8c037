// Small SVG charts drawn from data: no library, no network.

const NS = "http://www.w3.org/2000/svg";
export const palette = ["#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#06b6d4", "#ec4899", "#84cc16"];

export function colorOf(id) {
  return palette[(Number(id) - 1 + palette.length) % palette.length];
}

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function reset(svg, width, height) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", "100%");
}

// barChart: one horizontal bar per item {label, value, color}.
export function barChart(svg, items, unit) {
  const row = 26, width = 480, left = 120, height = Math.max(row, items.length * row) + 10;
  reset(svg, width, height);
  const max = Math.max(1, ...items.map((i) => i.value));
  items.forEach((item, i) => {
    const y = 5 + i * row;
    svg.append(el("text", { x: 0, y: y + 16, class: "label" }, item.label));
    const w = ((width - left - 90) * item.value) / max;
    svg.append(el("rect", { x: left, y, width: Math.max(1, w), height: row - 8, fill: item.color, rx: 3 }));
    svg.append(el("text", { x: left + w + 6, y: y + 16, class: "value" }, `${item.value.toLocaleString("en-US")} ${unit}`));
  });
}

// stackedColumns: one column per epoch (label), its blocks coloured by producer.
export function stackedColumns(svg, columns) {
  const width = 480, height = 200, bottom = 24, top = 8;
  reset(svg, width, height);
  const max = Math.max(1, ...columns.map((c) => c.value));
  const step = columns.length ? (width - 30) / columns.length : 0;
  svg.append(el("line", { x1: 24, y1: height - bottom, x2: width, y2: height - bottom, class: "axis" }));
  svg.append(el("text", { x: 0, y: top + 10, class: "value" }, String(max)));
  columns.forEach((c, i) => {
    const h = ((height - bottom - top) * c.value) / max;
    const x = 28 + i * step;
    const bar = el("rect", { x, y: height - bottom - h, width: Math.max(2, step - 3), height: Math.max(0, h), fill: c.color });
    bar.append(el("title", {}, `epoch ${c.label}: ${c.value} blocks by sequencer ${c.producer}`));
    svg.append(bar);
    if (columns.length <= 30 || i % 5 === 0) {
      svg.append(el("text", { x: x + step / 2 - 6, y: height - 8, class: "tick" }, c.label));
    }
  });
}

// timeline: rotations as dots on a time axis; failovers (STALL, REMOVAL) as red marks.
export function timeline(svg, events) {
  const width = 980, height = 90, pad = 30;
  reset(svg, width, height);
  svg.append(el("line", { x1: pad, y1: 45, x2: width - pad, y2: 45, class: "axis" }));
  if (events.length === 0) {
    svg.append(el("text", { x: pad, y: 30, class: "label" }, "no rotation yet"));
    return;
  }
  const t0 = Math.min(...events.map((e) => e.time)), t1 = Math.max(...events.map((e) => e.time));
  const span = Math.max(1, t1 - t0);
  for (const e of events) {
    const x = pad + ((width - 2 * pad) * (e.time - t0)) / span;
    const mark = e.failover
      ? el("rect", { x: x - 4, y: 33, width: 8, height: 24, fill: "#ef4444", class: "failover" })
      : el("circle", { cx: x, cy: 45, r: 4, fill: colorOf(e.producer) });
    mark.append(el("title", {}, e.text));
    svg.append(mark);
  }
  svg.append(el("text", { x: pad, y: 80, class: "tick" }, new Date(t0).toISOString().slice(11, 19) + " UTC"));
  svg.append(el("text", { x: width - pad - 70, y: 80, class: "tick" }, new Date(t1).toISOString().slice(11, 19) + " UTC"));
  const failovers = events.filter((e) => e.failover).length;
  svg.append(el("text", { x: width / 2 - 60, y: 20, class: "label" }, `${failovers} failover${failovers === 1 ? "" : "s"} of ${events.length} rotations`));
}
