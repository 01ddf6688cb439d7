// This machine's npm registry mirror serves only Linux builds of packages that ship native
// binaries per platform, so `npm install` leaves the other platforms' optional packages out of
// package-lock.json — and `npm ci` then refuses the lockfile as "out of sync". This adds a stub
// entry (version, os, cpu, optional) for each missing one: npm skips them on non-matching
// platforms, and on a matching one resolves them from the registry by the pinned version.
// Run after `npm install` changes the lockfile: node scripts/lock-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pkgs = lock.packages;
const osOf = (n) => (/darwin/.test(n) ? "darwin" : /win32/.test(n) ? "win32" : /freebsd/.test(n) ? "freebsd" : /android/.test(n) ? "android" : /openharmony/.test(n) ? "openharmony" : /wasm32|wasi/.test(n) ? null : "linux");
const cpuOf = (n) => (/arm64|aarch64/.test(n) ? "arm64" : /-arm-|armv7|arm-gnueabihf|arm-musleabihf|arm-eabi/.test(n) ? "arm" : /ia32/.test(n) ? "ia32" : /ppc64/.test(n) ? "ppc64" : /s390x/.test(n) ? "s390x" : /riscv64/.test(n) ? "riscv64" : /loong64/.test(n) ? "loong64" : /wasm32/.test(n) ? "wasm32" : "x64");
const libcOf = (n) => (/musl/.test(n) ? "musl" : /gnu/.test(n) ? "glibc" : null);
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (pkgs[base] || pkgs[hoisted]) continue;
    const os = osOf(name);
    const libc = libcOf(name);
    pkgs[hoisted] = { version, optional: true, ...(os ? { os: [os] } : {}), cpu: [cpuOf(name)], ...(libc ? { libc: [libc] } : {}) };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} platform stub entries`);
