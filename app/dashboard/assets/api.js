// The REST reads of the dashboard: the node's public routes, same origin, nothing else.

async function get(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    // A NotFound answer (no epoch yet, no pool key yet) is a normal state, not an error.
    if (res.status === 404) return null;
    throw new Error(`${path}: HTTP ${res.status}`);
  }
  return res.json();
}

// getOr reads a route and gives fallback when it has nothing (404) or fails.
async function getOr(path, fallback) {
  try {
    const v = await get(path);
    return v === null ? fallback : v;
  } catch (e) {
    console.warn(e.message);
    return fallback;
  }
}

const newest = "pagination.reverse=true&pagination.limit=";

// scheduleOf finds the current epoch (the one producing agreed head + 1) and the next
// one in the rotation history, so that no read asks for what may not exist yet (the
// page then logs no failed request while a chain starts).
function scheduleOf(epochs, head) {
  const h = BigInt(head && head.known ? head.height : "0") + 1n;
  const live = epochs.filter((e) => !e.cancelled);
  const current = live.find((e) => BigInt(e.start_height) <= h && h <= BigInt(e.end_height)) || null;
  const next = current ? live.find((e) => BigInt(e.start_height) === BigInt(current.end_height) + 1n) || null : null;
  return { current, next };
}

// readAll reads every figure one refresh shows. Every route read here answers in any
// state of the chain; the pool key is read only once a committee holds one.
export async function readAll() {
  const [sequencers, activeSet, epochs, readiness, latest] = await Promise.all([
    get("/themis/sequencer/v1/sequencers?pagination.limit=1000"),
    get("/themis/sequencer/v1/active_set"),
    get("/themis/epoch/v1/epochs?" + newest + "60"),
    get("/themis/epoch/v1/readiness"),
    get("/cosmos/base/tendermint/v1beta1/blocks/latest"),
  ]);
  const [epochParams, offences, jails, escrows, rewards, mpcReadiness, sessions, nodeInfo, syncing, nodeHealth] = await Promise.all([
    getOr("/themis/epoch/v1/params", { params: {} }),
    getOr("/themis/slashing/v1/offences?" + newest + "30", { offences: [] }),
    getOr("/themis/slashing/v1/jails", { jails: [] }),
    getOr("/themis/slashing/v1/escrows?" + newest + "30", { escrows: [] }),
    getOr("/themis/slashing/v1/rewards?pagination.limit=1000", { rewards: [] }),
    getOr("/themis/mpc/v1/readiness", { sequencers: [] }),
    getOr("/themis/mpc/v1/sessions?" + newest + "12", { sessions: [] }),
    getOr("/cosmos/base/tendermint/v1beta1/node_info", null),
    getOr("/cosmos/base/tendermint/v1beta1/syncing", null),
    // This node's own L2 watcher, TSS engine and bridge (served beside the dashboard).
    getOr("/themis/node/v1/health", null),
  ]);
  const members = (mpcReadiness.sequencers || []).some((r) => r.member);
  const poolKey = members ? await getOr("/themis/mpc/v1/pool_key", null) : null;
  const history = epochs.epochs || [];
  const { current, next } = scheduleOf(history, readiness.head);
  return {
    sequencers: sequencers.sequencers || [],
    activeSet: activeSet.sequencers || [],
    current, next, head: readiness.head, latest,
    epochs: history, epochParams: epochParams.params || {},
    readiness: readiness.sequencers || [], offences: offences.offences || [],
    jails: jails.jails || [], escrows: escrows.escrows || [], rewards: rewards.rewards || [],
    poolKey: poolKey && poolKey.pool_key, mpcReadiness: mpcReadiness.sequencers || [],
    sessions: sessions.sessions || [], nodeInfo, syncing, nodeHealth,
  };
}
