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

// readAll reads every figure one refresh shows. The chain's own routes must answer;
// the optional ones fall back to empty.
export async function readAll() {
  const [sequencers, activeSet, current, latest] = await Promise.all([
    get("/themis/sequencer/v1/sequencers?pagination.limit=1000"),
    get("/themis/sequencer/v1/active_set"),
    get("/themis/epoch/v1/current"),
    get("/cosmos/base/tendermint/v1beta1/blocks/latest"),
  ]);
  const [next, epochs, epochParams, readiness, offences, jails, escrows, rewards,
    poolKey, mpcReadiness, sessions, nodeInfo, syncing] = await Promise.all([
    getOr("/themis/epoch/v1/next", null),
    getOr("/themis/epoch/v1/epochs?" + newest + "60", { epochs: [] }),
    getOr("/themis/epoch/v1/params", { params: {} }),
    getOr("/themis/epoch/v1/readiness", { sequencers: [] }),
    getOr("/themis/slashing/v1/offences?" + newest + "30", { offences: [] }),
    getOr("/themis/slashing/v1/jails", { jails: [] }),
    getOr("/themis/slashing/v1/escrows?" + newest + "30", { escrows: [] }),
    getOr("/themis/slashing/v1/rewards?pagination.limit=1000", { rewards: [] }),
    getOr("/themis/mpc/v1/pool_key", null),
    getOr("/themis/mpc/v1/readiness", { sequencers: [] }),
    getOr("/themis/mpc/v1/sessions?" + newest + "12", { sessions: [] }),
    getOr("/cosmos/base/tendermint/v1beta1/node_info", null),
    getOr("/cosmos/base/tendermint/v1beta1/syncing", null),
  ]);
  return {
    sequencers: sequencers.sequencers || [],
    activeSet: activeSet.sequencers || [],
    current, next: next && next.epoch, latest,
    epochs: epochs.epochs || [], epochParams: epochParams.params || {},
    readiness: readiness.sequencers || [], offences: offences.offences || [],
    jails: jails.jails || [], escrows: escrows.escrows || [], rewards: rewards.rewards || [],
    poolKey: poolKey && poolKey.pool_key, mpcReadiness: mpcReadiness.sequencers || [],
    sessions: sessions.sessions || [], nodeInfo, syncing,
  };
}
