// Renders the REST figures into the page. Every value from the chain is set as text
// (textContent), never as HTML: sequencer profiles are written by their operators.

import { barChart, colorOf, stackedColumns, timeline } from "./charts.js";

const $ = (id) => document.getElementById(id);
const trim = (s, prefix) => String(s || "").replace(prefix, "").toLowerCase().replaceAll("_", " ");
const short = (hex) => (hex && hex.length > 14 ? hex.slice(0, 8) + "…" + hex.slice(-4) : hex || "");

// tokens shows base units (18 decimals) as whole tokens.
export function tokens(units) {
  try {
    const v = BigInt(units || "0");
    const whole = v / 10n ** 18n, frac = (v % 10n ** 18n) / 10n ** 14n;
    return whole.toLocaleString("en-US") + (frac ? "." + frac.toString().padStart(4, "0").replace(/0+$/, "") : "");
  } catch {
    return String(units);
  }
}

function cell(content, cls) {
  const td = document.createElement("td");
  if (content instanceof Node) td.append(content);
  else td.textContent = content === undefined || content === null ? "" : String(content);
  if (cls) td.className = cls;
  return td;
}

function badge(text, kind) {
  const b = document.createElement("span");
  b.className = "badge " + kind;
  b.textContent = text;
  return b;
}

function fill(tableId, rows, empty) {
  const body = $(tableId).tBodies[0];
  const trs = rows.map((cells) => {
    const tr = document.createElement("tr");
    tr.append(...cells);
    return tr;
  });
  if (trs.length === 0) {
    const tr = document.createElement("tr");
    const td = cell(empty, "empty");
    td.colSpan = $(tableId).tHead ? $(tableId).tHead.rows[0].cells.length : 2;
    tr.append(td);
    trs.push(tr);
  }
  body.replaceChildren(...trs);
}

function setText(id, text) {
  $(id).textContent = text;
}

// clean drops control and bidirectional-override characters from operator-written
// text, so a moniker cannot reorder or hide what is shown around it.
function clean(text) {
  return String(text || "").replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "").trim();
}

// label is how a sequencer is named everywhere: its id, which nobody can copy, then
// its moniker, which anyone can (so the id always comes first).
function label(id, moniker) {
  const m = clean(moniker);
  return m ? `#${id} ${m}` : `#${id}`;
}

// profile is the sequencer's label, linked to its operator's website only if that is
// http(s).
function profile(s) {
  const name = label(s.id, s.description && s.description.moniker);
  const site = s.description && s.description.website;
  if (site && /^https?:\/\//i.test(site)) {
    const a = document.createElement("a");
    a.href = site;
    a.rel = "noopener noreferrer nofollow";
    a.target = "_blank";
    a.textContent = name;
    return a;
  }
  return document.createTextNode(name);
}

function nameOf(d, id) {
  const s = d.sequencers.find((x) => x.id === String(id));
  return label(id, s && s.description && s.description.moniker);
}

export function render(d) {
  renderOverview(d);
  renderSequencers(d);
  renderRotation(d);
  renderAccountability(d);
  renderRewards(d);
  renderPool(d);
  renderNode(d);
}

function renderOverview(d) {
  const cur = d.current;
  if (cur) {
    setText("current-producer", nameOf(d, cur.producer_id));
    setText("current-epoch", `epoch ${cur.id} · L2 ${cur.start_height}–${cur.end_height} · ${trim(cur.reason, "ROTATION_REASON_")}`);
    const head = d.head;
    setText("l2-head", head.height);
    setText("l2-since", `standing since ${new Date(head.since).toISOString().slice(11, 19)} UTC`);
    const stalled = parseFloat(head.stalled_for) || 0;
    const threshold = parseFloat(d.epochParams.stall_threshold) || 60;
    setText("stall-clock", `${stalled.toFixed(1)} s`);
    setText("stall-threshold", `re-election at ${threshold} s`);
    const bar = $("stall-bar");
    bar.style.width = `${Math.min(100, (100 * stalled) / threshold)}%`;
    bar.className = stalled > threshold / 2 ? "warn" : "";
  }
  if (d.next) {
    setText("next-producer", nameOf(d, d.next.producer_id));
    setText("next-epoch", `epoch ${d.next.id} · from L2 ${d.next.start_height}`);
  } else {
    setText("next-producer", "not decided yet");
    setText("next-epoch", "");
  }
  const header = d.latest && d.latest.block && d.latest.block.header;
  if (header) {
    setText("chain-height", header.height);
    setText("chain-id", `${header.chain_id} · ${new Date(header.time).toISOString().slice(11, 19)} UTC`);
  }
  setText("pool-address", d.poolKey ? d.poolKey.address : "no pool key yet");
  setText("pool-generation", d.poolKey ? `generation ${d.poolKey.generation}` : "");

  barChart($("chart-stake"), d.sequencers
    .filter((s) => s.status !== "SEQUENCER_STATUS_UNLOCKED")
    .map((s) => ({ label: nameOf(d, s.id), value: Number(BigInt(s.locked || "0") / 10n ** 18n), color: colorOf(s.id) })), "");
  // Blocks each epoch produced so far: up to the agreed head (the next epoch none yet).
  const head = Number((d.head && d.head.height) || 0);
  const produced = d.epochs.filter((e) => !e.cancelled && Number(e.start_height) <= head).slice(0, 30).reverse();
  stackedColumns($("chart-blocks"), produced.map((e) => ({
    label: e.id, producer: e.producer_id, color: colorOf(e.producer_id),
    value: Math.max(0, Math.min(Number(e.end_height), head) - Number(e.start_height) + 1),
  })));
  timeline($("chart-timeline"), d.epochs.slice().reverse().map((e) => ({
    time: Date.parse(e.decided_time), producer: e.producer_id,
    failover: e.reason === "ROTATION_REASON_STALL" || e.reason === "ROTATION_REASON_REMOVAL",
    text: `epoch ${e.id}: ${nameOf(d, e.producer_id)} (${trim(e.reason, "ROTATION_REASON_")})` +
      (e.replaced_producer_id !== "0" ? `, replacing ${nameOf(d, e.replaced_producer_id)}` : ""),
  })));
}

function renderSequencers(d) {
  const power = new Map(d.activeSet.map((a) => [a.sequencer.id, a.power]));
  const ready = new Map(d.readiness.map((r) => [r.sequencer_id, r]));
  const tss = new Map(d.mpcReadiness.map((r) => [r.sequencer_id, r]));
  const producer = d.current && d.current.producer_id;
  fill("sequencer-table", d.sequencers.map((s) => {
    const status = trim(s.status, "SEQUENCER_STATUS_");
    const r = ready.get(s.id), t = tss.get(s.id);
    const head = r && r.last_report && r.last_report.has_head ? r.last_report.l2_height : "–";
    const statusCell = cell(badge(status, status.replaceAll(" ", "-")));
    if (s.id === producer) statusCell.append(" ", badge("producing", "producing"));
    return [cell(s.id), cell(profile(s)), statusCell, cell(tokens(s.locked), "num"), cell(power.get(s.id) || "0", "num"),
      cell(head, "num"), cell(r ? (r.eligible ? "eligible" : r.reason) : "–"),
      cell(t ? (t.ready ? (t.member ? "ready · member" : "ready") : "not ready") : "–"), cell(short(s.signer), "mono")];
  }), "no sequencer yet");
}

function renderRotation(d) {
  fill("rotation-table", d.epochs.slice(0, 30).map((e) => [
    cell(e.id), cell(`${e.start_height}–${e.end_height}`), cell(nameOf(d, e.producer_id)),
    cell(badge(trim(e.reason, "ROTATION_REASON_") + (e.cancelled ? " (cancelled)" : ""), e.reason === "ROTATION_REASON_SCHEDULED" ? "scheduled" : "failover")),
    cell(e.replaced_producer_id !== "0" ? nameOf(d, e.replaced_producer_id) : ""),
    cell(`block ${e.decided_height}, ${new Date(e.decided_time).toISOString().slice(11, 19)} UTC`),
  ]), "no epoch yet");
}

// when shows a chain timestamp in UTC ("–" for the zero time: not set yet).
function when(ts) {
  return !ts || String(ts).startsWith("0001-") ? "–" : String(ts).slice(0, 19).replace("T", " ") + " UTC";
}

// outcome is what the ladder did besides the slash.
function outcome(o) {
  if (o.banned) return "banned";
  if (o.removed) return "removed";
  if (o.jailed) return `jailed until ${when(o.jailed_until)}`;
  return "slashed";
}

function renderAccountability(d) {
  fill("offence-table", d.offences.map((o) => [
    cell(o.id), cell(nameOf(d, o.sequencer_id)), cell(trim(o.class, "OFFENCE_CLASS_")),
    cell(badge(trim(o.severity, "SEVERITY_"), trim(o.severity, "SEVERITY_"))), cell(tokens(o.slashed), "num"),
    cell(outcome(o)), cell(trim(o.status, "OFFENCE_STATUS_")), cell(o.height),
    cell(clean(o.evidence).slice(0, 120)),
  ]), "no offence");
  fill("jail-table", d.jails.map((j) => [cell(nameOf(d, j.sequencer_id)), cell(j.offence_id), cell(when(j.until))]), "nobody in jail");
  fill("escrow-table", d.escrows.map((e) => [
    cell(e.offence_id), cell(nameOf(d, e.sequencer_id)), cell(tokens(e.amount), "num"),
    cell(trim(e.status, "ESCROW_STATUS_")), cell(when(e.releasable_at)),
  ]), "nothing in escrow");
}

function renderRewards(d) {
  fill("reward-table", d.rewards.map((r) => [
    cell(nameOf(d, r.sequencer_id)), cell(r.blocks_produced, "num"), cell(tokens(r.accrued), "num"),
    cell(tokens(r.batched), "num"), cell(tokens(r.paid), "num"), cell(tokens(r.withdrawn), "num"),
  ]), "no reward yet");
}

function renderPool(d) {
  const c = d.poolKey && d.poolKey.committee;
  setText("committee", c ? `${c.members.length} parties, ${c.threshold + 1} sign` : "no key yet");
  setText("committee-members", c ? c.members.map((m) => nameOf(d, m.sequencer_id)).join(", ") : "");
  const ready = d.mpcReadiness.filter((r) => r.ready).length;
  setText("tss-ready", `${ready} of ${d.mpcReadiness.length}`);
  fill("session-table", d.sessions.map((s) => {
    const parties = (s.signers && s.signers.length) || (s.new_parties && s.new_parties.length) || 0;
    return [cell(s.number), cell(trim(s.kind, "SESSION_KIND_")), cell(badge(trim(s.status, "SESSION_STATUS_"), trim(s.status, "SESSION_STATUS_").replaceAll(" ", "-"))),
      cell(parties), cell(s.opened_height), cell(s.closed_height !== "0" ? s.closed_height : "")];
  }), "no session yet");
}

function renderNode(d) {
  const info = d.nodeInfo && d.nodeInfo.default_node_info;
  const rows = [
    ["moniker", info ? info.moniker : "–"],
    ["network", info ? info.network : "–"],
    ["CometBFT", info ? info.version : "–"],
    ["themisd", d.nodeInfo && d.nodeInfo.application_version ? d.nodeInfo.application_version.version || "dev" : "–"],
    ["syncing", d.syncing ? String(d.syncing.syncing) : "–"],
  ];
  fill("node-table", rows.map(([k, v]) => [cell(k, "key"), cell(v)]), "");
  renderNodeHealth(d.nodeHealth);
}

// renderNodeHealth shows whether this node can take part: its L2 watcher (the head it
// reports in its votes), its TSS engine and the bridge beside it.
function renderNodeHealth(h) {
  const state = (part, ok) => (!part || !part.configured ? badge("not configured", "off") : badge(ok ? "healthy" : "unhealthy", ok ? "active" : "critical"));
  if (!h || !h.l2_watcher || !h.tss || !h.bridge) {
    fill("node-health-table", [], "this node serves no health (an older themisd, or the dashboard is off)");
    return;
  }
  const l2 = h.l2_watcher, tss = h.tss, bridge = h.bridge;
  const l2Detail = !l2.configured ? "no [themis] l2-rpc: this node is never scheduled to produce"
    : [l2.head_height ? `head ${l2.head_height} ${short(l2.head_hash)}` : "no head yet",
      l2.last_success ? `answered ${ago(l2.last_success, h.checked_at)} ago` : "",
      l2.last_error ? `last error: ${l2.last_error}` : ""].filter(Boolean).join(" · ");
  const tssDetail = !tss.configured ? "no [themis] tss-listen: no engine in this node"
    : `share generation ${tss.share_generation}` + (tss.endpoint ? ` · ${tss.endpoint}` : "");
  const bridgeDetail = !bridge.configured ? "no [themis] bridge-health-url"
    : bridge.error ? bridge.error : [`status ${bridge.status}`, bridge.l1_head ? `L1 head ${bridge.l1_head}` : "",
      `outbox ${bridge.outbox_pending} pending, ${bridge.outbox_parked} parked`].filter(Boolean).join(" · ") + bridgeReasons(bridge.reasons);
  fill("node-health-table", [
    [cell("L2 watcher", "key"), cell(state(l2, l2.healthy)), cell(l2Detail)],
    [cell("TSS engine", "key"), cell(state(tss, tss.ready)), cell(tssDetail)],
    [cell("bridge", "key"), cell(state(bridge, bridge.healthy)), cell(bridgeDetail)],
  ], "");
}

function ago(then, now) {
  const s = Math.max(0, Math.round((Date.parse(now) - Date.parse(then)) / 1000));
  return `${s} s`;
}

function bridgeReasons(reasons) {
  const r = Array.isArray(reasons) ? reasons.map(clean) : [];
  return r.length ? ` · ${r.join("; ")}` : "";
}
