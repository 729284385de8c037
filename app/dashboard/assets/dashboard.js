// The pool dashboard: polls the node's public REST API and redraws.

import { readAll } from "./api.js";
import { render } from "./render.js";

const POLL_MS = 2000;
const status = () => document.getElementById("status");

async function refresh() {
  try {
    const data = await readAll();
    render(data);
    const h = data.latest && data.latest.block ? data.latest.block.header.height : "?";
    status().textContent = `block ${h} · updated ${new Date().toISOString().slice(11, 19)} UTC`;
    status().className = "status ok";
    document.body.dataset.loaded = "true";
  } catch (e) {
    status().textContent = `cannot read the node: ${e.message}`;
    status().className = "status error";
  }
}

async function loop() {
  await refresh();
  setTimeout(loop, POLL_MS);
}

loop();
