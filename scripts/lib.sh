# Shared by scripts/run and scripts/test: install what is missing, skip what
# is there, build everything. Sourced, not run.
#
# Everything comes from rustup, crates.io, npm (package-lock.json) or Debian's
# packages; nothing downloads a browser.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  # Captured first: `grep -q` may exit before rustup finishes writing, and
  # pipefail would then count rustup's SIGPIPE as a failure.
  local installed
  installed=$(rustup target list --installed)
  grep -qx wasm32-unknown-unknown <<<"$installed" && return
  say "adding the rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

# wasm-bindgen-cli must be exactly the wasm-bindgen crate's version, which
# Cargo.toml pins with "=".
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml"
}

ensure_wasm_bindgen() {
  local want have
  want=$(wasm_bindgen_version)
  # `|| true`: on a fresh machine wasm-bindgen is not there yet, and under
  # `set -e -o pipefail` the failed lookup would end the script silently.
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  [ "$have" = "$want" ] && return
  say "installing wasm-bindgen-cli $want (about 2 minutes, once)"
  cargo install wasm-bindgen-cli --version "$want"
}

# npm ci from the committed lock file, again only when the lock changed.
ensure_npm() {
  local stamp="$ROOT/node_modules/.ci-stamp"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/package-lock.json"; then return; fi
  say "installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$stamp"
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
}

# The wasm engine is built by one pinned nightly: it rebuilds the standard
# library for the engine alone with panics that stop at once instead of
# formatting a message nobody reads (-Z build-std, -C panic=immediate-abort),
# which keeps some 20 KB of formatting code out of the gzipped wasm (README
# "Size"), and with std's own optimize_for_size feature (its smaller sorts
# and string code: -6.8 KB gzipped). The command line and every test use
# the stable toolchain.
WASM_TOOLCHAIN=nightly-2026-05-20

ensure_wasm_toolchain() {
  local have
  have=$(rustup toolchain list)
  if ! grep -q "^$WASM_TOOLCHAIN" <<<"$have"; then
    say "installing the wasm build's toolchain $WASM_TOOLCHAIN (once)"
    rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src
  fi
  have=$(rustup component list --toolchain "$WASM_TOOLCHAIN" --installed)
  grep -q '^rust-src' <<<"$have" || rustup component add rust-src --toolchain "$WASM_TOOLCHAIN"
}

ensure_tools() {
  ensure_wasm_target
  ensure_wasm_toolchain
  ensure_wasm_bindgen
  ensure_npm
}

# Builds the CLI, the wasm engine, the bundles, the unpacked extension
# (dist/extension) and the demo site's generated files (www/gen).
build_all() {
  say "building the command line (release)"
  (cd "$ROOT" && cargo build --release --quiet)
  build_wasm
  say "bundling the browser code"
  node "$ROOT/scripts/bundle.mjs"
  node "$ROOT/scripts/vendor.mjs"
}

build_wasm() {
  local wasm="$ROOT/target/wasm-engine/wasm32-unknown-unknown/wasm/handoff_coach.wasm"
  local pkg="$ROOT/dist/pkg"
  say "building the wasm engine"
  (cd "$ROOT" && RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    cargo "+$WASM_TOOLCHAIN" build --quiet --lib --target wasm32-unknown-unknown --profile wasm \
      --no-default-features --target-dir target/wasm-engine -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  # wasm-bindgen and wasm-opt take ~30 s: skip them when the wasm did not change.
  if [ -f "$pkg/handoff_coach_bg.wasm" ] && [ "$pkg/handoff_coach_bg.wasm" -nt "$wasm" ]; then return; fi
  rm -rf "$pkg"
  wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name handoff_coach "$wasm"
  # --converge: -Oz again until the module stops shrinking (~0.7 KB gzipped,
  # ~10 s more; the size budget is 250 KB gzipped, see README "Size").
  # --strip-target-features: a section only linkers read (~0.2 KB).
  # --low-memory-unused: lets -Oz fold constant offsets into loads and
  # stores (~1.6 KB). Sound here: Rust's wasm puts the 1 MiB stack first,
  # growing down from 1 MiB to 0, and the data after it, so the low 1 KiB is
  # touched only by a stack a kilobyte short of overflowing.
  wasm-opt -Oz --converge --strip-target-features --low-memory-unused --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug --strip-producers \
    "$pkg/handoff_coach_bg.wasm" -o "$pkg/handoff_coach_bg.wasm"
  printf 'wasm engine: %s bytes, %s gzipped\n' "$(wc -c <"$pkg/handoff_coach_bg.wasm")" \
    "$(gzip -9c "$pkg/handoff_coach_bg.wasm" | wc -c)" >&2
}
